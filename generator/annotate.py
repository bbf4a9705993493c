"""Stage 4, annotate: find glossary terms and key numbers in article bodies.

Matching uses one Aho-Corasick automaton over every term and alias (linear in
the text, whatever the glossary size), leftmost-longest: 五个强大 wins over 强大,
创新链产业链资金链人才链 is one match. Headings are not annotated. A Latin
form (OPC, P) only matches where no Latin letter touches it, so P never
matches inside OPC.

Annotation runs on the Simplified text; the Traditional edition converts the
rendered page, where each annotated term sits alone between markup, so a term
is converted the same way in the text as on its own glossary page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import ahocorasick

from .glossary import Glossary, Term
from .model import Article
from .numbers import KeyNumber, key_numbers

_LATIN = re.compile(r"[A-Za-z]")
_SENTENCE_END = "。！？"


@dataclass(frozen=True)
class Occurrence:
    term: Term
    form: str  # the text matched: the term itself or an alias
    article: Article
    anchor: str  # paragraph anchor
    start: int  # offset in the paragraph text
    end: int

    @property
    def context(self) -> tuple[str, str, str]:
        """(before, match, after) within the sentence holding the match."""
        text = self.article_text
        begin = max((text.rfind(c, 0, self.start) for c in _SENTENCE_END), default=-1) + 1
        ends = [i for c in _SENTENCE_END if (i := text.find(c, self.end)) >= 0]
        finish = min(ends) + 1 if ends else len(text)
        return text[begin:self.start], text[self.start:self.end], text[self.end:finish]

    @property
    def article_text(self) -> str:
        block = next(b for b in self.article.blocks if b.anchor == self.anchor)
        return block.text.text


@dataclass
class Annotations:
    """Everything the annotator found, by article slug and by term."""

    occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)
    numbers: dict[str, list[KeyNumber]] = field(default_factory=dict)

    def by_term(self) -> dict[str, list[Occurrence]]:
        result: dict[str, list[Occurrence]] = {}
        for found in self.occurrences.values():
            for occurrence in found:
                result.setdefault(occurrence.term.term, []).append(occurrence)
        return result

    def terms_in(self, article: Article) -> list[Term]:
        seen: dict[str, Term] = {}
        for occurrence in self.occurrences.get(article.slug, []):
            seen.setdefault(occurrence.term.term, occurrence.term)
        return list(seen.values())


class Matcher:
    """Leftmost-longest matching of every glossary form."""

    def __init__(self, glossary: Glossary):
        self.forms = glossary.by_form()
        self.automaton = ahocorasick.Automaton()
        for form in self.forms:
            self.automaton.add_word(form, form)
        if self.forms:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, Term, str]]:
        if not self.forms:
            return []
        found = []
        for last, form in self.automaton.iter_long(text):
            start, end = last - len(form) + 1, last + 1
            if _LATIN.search(form) and not _latin_bounded(text, start, end):
                continue
            found.append((start, end, self.forms[form], form))
        return found


def _latin_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return not (_LATIN.match(before) or _LATIN.match(after))


def annotate(articles: list[Article], glossary: Glossary) -> Annotations:
    matcher = Matcher(glossary)
    result = Annotations()
    for article in articles:
        found = []
        for block in article.paragraphs:
            found += [Occurrence(term, form, article, block.anchor, start, end)
                      for start, end, term, form in matcher.find(block.text.text)]
        result.occurrences[article.slug] = found
        result.numbers[article.slug] = key_numbers([(b.anchor, b.text.text) for b in article.paragraphs])
    return result
