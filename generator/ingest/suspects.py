"""Damage the checker finds on its own, without an editor: printed with file:line."""
from __future__ import annotations

import re

from generator.ingest import classify as c
from generator.model import Page, Suspect

_REPEAT = re.compile(r"([^\d\s，。、；：！？…—]{2,}?)\1")
_SAME_PAIR = re.compile(r"(“[^”]{1,20}”)[与和及、](\1)")


def find_suspects(page: Page) -> list[Suspect]:
    found: list[Suspect] = []
    name = page.source.name
    for article in page.articles:
        last = article.paragraphs[-1] if article.paragraphs else None
        if last is not None and c.ends_open(last.text.text):
            found.append(Suspect(name, last.text.pieces[-1].line, "ends-mid-sentence",
                                 f"article “{article.title}” ends mid-sentence: “…{last.text.text[-10:]}”"))
        for block in article.blocks:
            found += _in_text(name, block.text)
    for line in page.source.lines:
        head = c.heading(line.text.strip())
        if head and c.ends_sentence(head.text):
            found.append(Suspect(name, line.number, "heading-is-sentence",
                                 f"heading ends like a sentence: “{head.text}”"))
    return sorted(found, key=lambda s: (s.line, s.kind))


def _in_text(name: str, text) -> list[Suspect]:
    found = []
    shown = text.text
    for regex, kind, label in ((_REPEAT, "repeated", "phrase repeated back-to-back"),
                               (_SAME_PAIR, "same-pair", "the same item on both sides")):
        for match in regex.finditer(shown):
            line = _line_at(text, match.start())
            found.append(Suspect(name, line, kind, f"{label}: “{match.group()}”"))
    return found


def _line_at(text, offset: int) -> int:
    position = 0
    for piece in text.pieces:
        position += len(piece.text)
        if offset < position:
            return piece.line
    return text.pieces[-1].line
