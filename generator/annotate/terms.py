"""Annotate, terms: find glossary terms and key numbers in article bodies.

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

import ahocorasick

from generator.annotate.numbers import key_numbers
from generator.model import Annotations, Article, Glossary, Occurrence, Term

_LATIN = re.compile(r"[A-Za-z]")


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
