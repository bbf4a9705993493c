"""Annotate, terms: find glossary terms and key numbers in articles.

Matching uses one Aho-Corasick automaton over every term and alias (linear in
the text, whatever the glossary size), leftmost-longest: 五个强大 wins over 强大,
创新链产业链资金链人才链 is one match. A Latin form (OPC, P) only matches where
no Latin letter touches it, so P never matches inside OPC.

A use counts wherever a reader sees it: paragraphs, section headings, kicker,
headline, deck, bylines, dateline, reporters, photo captions and credits. Only
paragraph uses become links in the article (a link inside a heading or the
page's head would be noise); every use is listed on the term's page. An entry's
``page_notes`` attach to its use on that source line; a note whose line holds
no use of the term stops the build.

Annotation runs on the Simplified text; the Traditional edition converts the
rendered page, where each annotated term sits alone between markup, so a term
is converted the same way in the text as on its own glossary page.
"""
from __future__ import annotations

import re

import ahocorasick

from generator.annotate.numbers import key_numbers
from generator.errors import ContentError
from generator.model import CELLS, Annotations, Article, Glossary, Occurrence, PageNote, Term, Text

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


def places(article: Article) -> list[tuple[str, str, Text]]:
    """(place, anchor, text) of everything a reader sees of the article, in page order."""
    head = [("kicker", article.kicker), ("headline", article.headline), ("deck", article.deck)]
    head += [("byline", b) for b in article.bylines] + [("dateline", article.dateline)]
    for photo in article.photos:
        head += [("caption", photo.caption), ("credit", photo.credit)]
    found = [(place, "title", text) for place, text in head if text is not None]
    found += [("para" if b.kind == "para" else "heading", b.anchor, b.text) for b in article.blocks
              if b.kind not in CELLS]  # a table's cells carry no term links (they are figures and labels)
    if article.reporters is not None:
        found.append(("reporters", "title", article.reporters))
    return found


def annotate(articles: list[Article], glossary: Glossary) -> Annotations:
    matcher = Matcher(glossary)
    result = Annotations()
    notes = _page_notes(glossary)
    used: set[tuple[str, str, int]] = set()
    for article in articles:
        found = []
        for place, anchor, text in places(article):
            for start, end, term, form in matcher.find(text.text):
                use = Occurrence(term, form, article, anchor, start, end, place, text)
                key = (term.term, article.source, use.line)
                if key in notes:
                    used.add(key)
                    use = Occurrence(**{**use.__dict__, "note": notes[key].note})
                found.append(use)
        result.uses[article.slug] = found
        result.occurrences[article.slug] = [use for use in found if use.place == "para"]
        result.numbers[article.slug] = key_numbers([(b.anchor, b.text.text) for b in article.paragraphs])
    _check_notes_used({k: n for k, n in notes.items() if k not in used}, glossary)
    return result


def _page_notes(glossary: Glossary) -> dict[tuple[str, str, int], PageNote]:
    return {(t.term, n.source, n.line): n for t in glossary.terms for n in t.page_notes}


def _check_notes_used(left: dict[tuple[str, str, int], PageNote], glossary: Glossary) -> None:
    """A page note stands beside a use of its term: one that finds none is an error,
    like an erratum whose text is gone (the page changed or is gone, or the note
    names the wrong line)."""
    for (term, source, line), note in sorted(left.items(), key=lambda item: item[1].yaml_line):
        raise ContentError(f"page note of “{term}”: {source}:{line} holds no use of it", glossary.path,
                           note.yaml_line)
