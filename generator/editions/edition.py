"""Editions, convert: one edition's pages from the Simplified ones (OpenCC).

Conversion runs on each rendered page as a whole, after rendering, so every UI
string of the templates is converted too. The page is converted as the reader
reads it, through its inline markup (page.py): a glossary link inside a phrase
(全市<a>开源</a>社区) no longer cuts the phrase, so the phrase's form is printed
(開源社群); a rule that would change the text's length across the link's edge is
not applied there. A term alone on its own glossary page may therefore read
differently from the same term inside a longer word of the text: the text is
right as a whole.
"""
from __future__ import annotations

import json
from typing import Iterator

from generator.cache import Cache
from generator.config import Edition, Settings
from generator.editions.confusables import CONFUSABLE, rarer_choices
from generator.editions.convert import Converter
from generator.errors import ContentError
from generator.model import Glossary, toneless

PHRASES = "phrases.txt"
NAMES = "names.txt"
# Glossary categories whose terms are names: converted by characters, never by vocabulary.
NAME_CATEGORIES = ("person", "institution", "place", "project")


def converter_for(settings: Settings, edition: Edition, glossary: Glossary) -> Converter | None:
    """The edition's converter: OpenCC + Baozhai's layers + glossary forms and names +
    the editor's phrases and names."""
    if edition.variant is None:
        return None
    phrases, names = settings.content / PHRASES, settings.content / NAMES
    forms = {t.term: t.traditional for t in glossary.terms if t.traditional}
    listed = {form: f"glossary {t.category}" for t in glossary.terms if t.category in NAME_CATEGORIES
              for form in t.forms if _has_han(form)}
    terms = frozenset(form for t in glossary.terms if t.category not in NAME_CATEGORIES for form in t.forms)
    try:
        return Converter(edition.variant, phrases if phrases.exists() else None, forms,
                         names if names.exists() else None, listed, terms)
    except ValueError as err:
        raise ContentError(str(err)) from None


def _has_han(form: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in form)


def edition_checks(files: dict[str, str], converted: dict[str, str], converter: Converter) -> list[str]:
    """Simplified left in the edition, and editor overrides that no longer apply."""
    lines = []
    for name in sorted(converted):
        left = converter.leftover_simplified(converted[name])
        if left:
            lines.append(f"  {name}: Simplified left: {'、'.join(left)}")
    corpus = "\n".join(files.values())
    lines += [f"  warning: override “{key}” → “{value}” no longer occurs in any page"
              for key, value in sorted(converter.overrides.items()) if key not in corpus]
    return lines


def confusable_report(files: dict[str, str], converted: dict[str, str], converter: Converter) -> list[str]:
    """Every place an article's Traditional page prints a confusable character's rarer
    form (see confusables.py), page by page, with its context."""
    lines = []
    for name in sorted(n for n in converted if n.startswith("articles/")):
        choices = rarer_choices(files[name], converted[name], converter.convert)
        if choices:
            lines.append(f"  {name}: {len(choices)} rarer form(s) of {''.join(CONFUSABLE)}")
            lines += [choice.report(name) for choice in choices]
    return lines


def convert_files(files: dict[str, str], converter: Converter | None,
                  cache: Cache | None = None) -> dict[str, str]:
    """Every page in the edition's script; pages converted before come from ``cache``."""
    return dict(converted_pages(files, converter, cache))


def converted_pages(files: dict[str, str], converter: Converter | None,
                    cache: Cache | None = None) -> Iterator[tuple[str, str]]:
    """(path, page in the edition's script), one page at a time, by path: a large
    digest's edition is written as it is converted, never held whole in memory."""
    if converter is None:
        yield from sorted(files.items())
        return
    cache = cache or Cache(None)
    identity = converter.identity
    for name in sorted(files):
        text = files[name]
        yield name, cache.get("convert", (identity, text), lambda: _convert_lines(converter, cache, name, text))


LINES = "convert lines"  # a page's converted lines, by its path: what its next version reuses


def _convert_lines(converter: Converter, cache: Cache, name: str, text: str) -> str:
    """A page converted line by line, the lines its previous version had converted
    alike taken from the cache (Converter.convert_lines: a term page that gained a use
    converts that use's line). The entry is the page's, by path: whichever version
    wrote it, each line's conversion in it is right for its key. It is not touched
    when the page itself comes from the cache (a system call a page): a page unchanged
    for three builds loses it and is converted whole the next time it changes."""
    converted, memo = converter.convert_lines(text, cache.peek(LINES, (converter.identity, name)))
    cache.put(LINES, (converter.identity, name), memo)
    return converted


def convert_nav(nav: list, converter: Converter | None) -> list:
    if converter is None:
        return nav
    if isinstance(nav, list):
        return [convert_nav(item, converter) for item in nav]
    if isinstance(nav, dict):
        return {converter.convert(k): convert_nav(v, converter) for k, v in nav.items()}
    return nav


def search_options(glossary: Glossary, edition: Edition, converter: Converter | None, articles: str) -> str:
    """Options for the search of an edition (see generator.search): the toneless
    pinyin of each term page, its result line (pinyin and English gloss), where article pages live (``articles``, ranked before
    other pages) and, for a Traditional edition, its OpenCC variant and its own phrase
    forms mapped back to their source words."""
    options: dict = {"pinyin": {f"glossary/{t.slug}.html": _pinyin_words(t.pinyin) for t in glossary.terms},
                     "lines": {f"glossary/{t.slug}.html": [t.pinyin, t.gloss] for t in glossary.terms},
                     "articles": articles}
    if converter is not None:
        options["variant"] = converter.variant
        options["reverse"] = {converter.convert(k): k for k in converter.overrides}
    return json.dumps(options, ensure_ascii=False, sort_keys=True, indent=1)


def _pinyin_words(reading: str) -> str:
    words = toneless(reading).split()
    return " ".join(words + ["".join(words)] if len(words) > 1 else words)


