"""Search for Chinese: extra index fields and the query layer in front of Material's worker.

Material builds ``search/search_index.json`` (jieba-segmented title and text).
After it, this module adds to every document:

* ``alt``: the document's text in Simplified script (the Traditional edition's
  text converted back with OpenCC, after the edition's own overrides are
  mapped back to their Simplified source words), lower-cased and cut into
  single Han characters and Latin/digit runs; glossary term pages add their
  toneless pinyin. Any run of characters inside a word can then be found, in
  either script.
* ``exact``: the whole title as one hex-encoded token, so a query equal to a
  title (a glossary term) puts that page first.

and replaces Material's search worker with the same worker preceded by
opencc-js (Traditional → Simplified for queries) and ``prelude.js`` (the query
rewrite and result filter; see its header). Sizes grow linearly with the text.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from typing import Callable

import opencc

HERE = Path(__file__).parent
_TAG = re.compile(r"<[^>]+>")
_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[0-9a-z]+")
_TO_SIMPLIFIED = {"s2twp": "tw2sp", "s2tw": "tw2s", "s2hk": "hk2s", "s2t": "t2s"}
FIELDS = {"alt": {"boost": 1.0}, "exact": {"boost": 1000000.0}}


def alt_tokens(text: str) -> str:
    """``<p>新质生产力与AI</p>`` → ``新 质 生 产 力 与 ai``."""
    plain = html.unescape(_TAG.sub(" ", text)).replace("\u200b", "")
    return " ".join(_TOKEN.findall(unicodedata.normalize("NFKC", plain).lower()))


def exact_token(title: str) -> str:
    """The title as one token: 'x' and four hex digits a character."""
    joined = "".join(alt_tokens(title).split())
    return "x" + "".join(f"{ord(c):04x}" for c in joined if ord(c) <= 0xFFFF)


def enrich(index: dict, pinyin: dict[str, str], to_simplified: Callable[[str], str] = str) -> dict:
    """Add ``alt`` and ``exact`` to every document of a Material search index."""
    for doc in index["docs"]:
        source = {k: to_simplified(doc.get(k, "")) for k in ("title", "text")}
        words = [alt_tokens(source.get("title", "")), alt_tokens(source.get("text", ""))]
        if doc["location"] in pinyin:
            words.append(pinyin[doc["location"]])
        doc["alt"] = " ".join(w for w in words if w)
        doc["exact"] = exact_token(source.get("title", ""))
    index["config"]["fields"] = {**index["config"]["fields"], **FIELDS}
    return index


def simplifier(variant: str | None, reverse: dict[str, str]) -> Callable[[str], str]:
    """Traditional edition text → its Simplified source words (identity for Simplified).

    ``reverse`` maps the edition's own forms (editor phrases, glossary forms)
    back to their source words, which OpenCC alone would not restore.
    """
    if not variant:
        return str
    stock = opencc.OpenCC(_TO_SIMPLIFIED[variant])
    if not reverse:
        return stock.convert
    pattern = re.compile("|".join(map(re.escape, sorted(reverse, key=len, reverse=True))))
    return lambda text: stock.convert(pattern.sub(lambda m: reverse[m.group()], text))


