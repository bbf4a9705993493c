"""Damage the checker finds on its own, without an editor: printed with file:line.

Each rule is a pattern that well-edited Chinese news prose does not produce, checked
against the real articles in tests (a rule that flags sound text is a test failure):

* a phrase repeated back to back; the same quoted item on both sides of 与/和;
* a two-character word repeated around a verb or adverb (转化加快转化): jieba's
  parts of speech, so 披露公告披露 (a noun between) is left alone;
* a character doubled across a word boundary (赛场场): the second copy is a word of
  its own that only repeats the previous word's end (not 的/了, not 一张张);
* a measure word 个 straight after an aspect particle (决定着个国家): a numeral missing;
* a sentence ending in 的。 with no 是 in its clause (发展的。): a word missing;
* a heading that ends like a sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from generator.ingest import classify as c
from generator.ingest.words import stock_tokenizer, tagger
from generator.model import Page, Suspect

_REPEAT = re.compile(r"([^\d\s，。、；：！？…—]{2,}?)\1")
_SAME_PAIR = re.compile(r"(“[^”]{1,20}”)[与和及、](\1)")
_HAN2 = rf"[{c.HAN}]{{2}}"
_WORD_AROUND = re.compile(rf"(?=({_HAN2})({_HAN2})\1)")
_DOUBLED = re.compile(rf"([{c.HAN}])\1")
_NUMERAL_MISSING = re.compile(r"[着了过]个")
_DANGLING_DE = re.compile(r"[^，。；：！？、]*的。")
_PARTICLES = set("的了着过地得")
_NUMERALS = set("一二三四五六七八九十两几每")
_VERBAL = ("v", "d", "ad", "vd")


def find_suspects(page: Page) -> list[Suspect]:
    found: list[Suspect] = []
    name = page.source.name
    for article in page.articles:
        last = article.paragraphs[-1] if article.paragraphs else None
        if last is not None and c.ends_open(last.text.text):
            found.append(Suspect(name, last.text.pieces[-1].line, "ends-mid-sentence",
                                 f"article “{article.title}” ends mid-sentence: “…{last.text.text[-10:]}”"))
        for block in article.blocks:
            for text in block.cells:  # a table cell by cell: two cells are not a repeated phrase
                found += _in_text(name, text)
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
                               (_SAME_PAIR, "same-pair", "the same item on both sides"),
                               (_NUMERAL_MISSING, "numeral-missing", "measure word 个 without a numeral")):
        for match in regex.finditer(shown):
            line = _line_at(text, match.start())
            shown_match = match.group() if kind != "numeral-missing" else _around(shown, match.start(), match.end())
            found.append(Suspect(name, line, kind, f"{label}: “{shown_match}”"))
    for start, end, kind, label in _word_level(shown):
        found.append(Suspect(name, _line_at(text, start), kind, f"{label}: “{_around(shown, start, end)}”"))
    return found


def _word_level(shown: str) -> list[tuple[int, int, str, str]]:
    """Findings that need jieba: segmented only around a candidate, never whole texts."""
    found = []
    for match in _WORD_AROUND.finditer(shown):
        word, middle = match.group(1), match.group(2)
        if [w for w, _ in _tagged(word + middle + word)] == [word, middle, word] \
                and dict(_tagged(word + middle + word)).get(middle) in _VERBAL:
            found.append((match.start(), match.start() + 6, "word-repeated", "word repeated around a verb"))
    for match in _DOUBLED.finditer(shown):
        if _doubled_across_words(shown, match.start()):
            found.append((match.start() - 1, match.end(), "char-doubled", "character doubled across words"))
    for match in _DANGLING_DE.finditer(shown):
        clause = match.group()
        if "是" not in clause and len(clause) > 4:
            found.append((match.end() - 6, match.end(), "dangling-de", "sentence ends in 的 without 是"))
    return found


def _doubled_across_words(shown: str, at: int) -> bool:
    """``shown[at:at+2]`` is one character twice where the first ends a word and the second
    stands alone (赛场|场), not a reduplication (一张张) nor a particle (标的|的)."""
    char = shown[at]
    if char in _PARTICLES:
        return False
    window_start = max(0, at - 4)
    words = list(_cut(shown[window_start:at + 6]))
    position = window_start
    for before, after in zip(words, words[1:]):
        position += len(before)
        if position == at + 1 and after == char and len(before) >= 2 and before[-1] == char \
                and before[0] not in _NUMERALS:
            return True
    return False


def _around(shown: str, start: int, end: int, margin: int = 4) -> str:
    return shown[max(0, start - margin):end + margin]


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in tagger().cut(text))


@lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(stock_tokenizer().cut(text))


def _line_at(text, offset: int) -> int:
    position = 0
    for piece in text.pieces:
        position += len(piece.text)
        if offset < position:
            return piece.line
    return text.pieces[-1].line
