"""Search for Chinese: extra index fields and the query layer in front of Material's worker.

The engine's search indexes each page's sections (title and text); Baozhai adds
to every document (:func:`document_fields`; :mod:`generator.engine.search` puts
them into Material's index):

* ``alt``: the document's text in Simplified script (the Traditional edition's
  text converted back with OpenCC, after the edition's own overrides are
  mapped back to their Simplified source words), lower-cased and cut into
  single Han characters and Latin/digit runs; glossary term pages add their
  toneless pinyin. Any run of characters inside a word can then be found, in
  either script.
* ``exact``: the whole title as one hex-encoded token, so a query equal to a
  title (a glossary term) puts that page first.

On the hosted site the same ``alt`` tokens, as :func:`pagefind_words`, are the
words of a Pagefind index (:mod:`generator.engine.pagefind`), fetched in chunks
for each query; the offline bundle keeps Material's whole index (Lunr).

In the browser, opencc-js (Traditional → Simplified for queries) and ``query.js``
(the query rewrite and result filter; see its header) run in front of the
engine's search worker. Sizes grow linearly with the text.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from typing import Callable

import opencc

from generator.model.edition import TO_SIMPLIFIED

HERE = Path(__file__).parent
_TAG = re.compile(r"<[^>]+>")
_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[0-9a-z]+")


def alt_tokens(text: str) -> str:
    """``<p>新质生产力与AI</p>`` → ``新 质 生 产 力 与 ai``."""
    plain = html.unescape(_TAG.sub(" ", text)).replace("\u200b", "")
    return " ".join(_TOKEN.findall(unicodedata.normalize("NFKC", plain).lower()))


def exact_token(title: str) -> str:
    """The title as one token: 'x' and four hex digits a character."""
    joined = "".join(alt_tokens(title).split())
    return "x" + "".join(f"{ord(c):04x}" for c in joined if ord(c) <= 0xFFFF)


def document_fields(title: str, text: str, pinyin: str = "",
                    to_simplified: Callable[[str], str] = str) -> dict[str, str]:
    """The fields Baozhai adds to a search document (its title and text as HTML):
    ``alt`` (Simplified characters and Latin runs, then ``pinyin``) and ``exact``."""
    title, text = to_simplified(title), to_simplified(text)
    words = [alt_tokens(title), alt_tokens(text), pinyin]
    return {"alt": " ".join(w for w in words if w), "exact": exact_token(title)}


def simplifier(variant: str | None, reverse: dict[str, str]) -> Callable[[str], str]:
    """Traditional edition text → its Simplified source words (identity for Simplified).

    ``reverse`` maps the edition's own forms (editor phrases, glossary forms)
    back to their source words, which OpenCC alone would not restore.
    """
    if not variant:
        return str
    stock = opencc.OpenCC(TO_SIMPLIFIED[variant])
    if not reverse:
        return stock.convert
    pattern = re.compile("|".join(map(re.escape, sorted(reverse, key=len, reverse=True))))
    return lambda text: stock.convert(pattern.sub(lambda m: reverse[m.group()], text))




_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def pagefind_words(alt: str) -> str:
    """A document's words for Pagefind, from its ``alt`` tokens: every run of Han
    characters as its overlapping pairs, then its last character alone; a
    Latin/digit run (pinyin, the ``exact`` token) as it is.

    ``新 质 生 产 力 ai`` → ``新质 质生 生产 产力 力 ai``. Pagefind matches a query's
    words as prefixes and requires all of them (query.js pagefindTerms cuts a query
    the same way, without the lone last character): any run of characters in the
    text is found, and a pair's pages are far fewer than a single character's, so a
    query fetches small chunks. Runs are joined across punctuation, as the
    result filter (query.js merge) compares them."""
    words: list[str] = []
    run: list[str] = []

    def flush() -> None:
        words.extend(a + b for a, b in zip(run, run[1:]))
        words.extend(run[-1:])
        run.clear()

    for token in alt.split():
        if _HAN.fullmatch(token):
            run.append(token)
        else:
            flush()
            words.append(token)
    flush()
    return " ".join(words)
