"""Word boundaries of Simplified text, for the Traditional edition (jieba).

The edition converts word by word: a phrase rule may cover whole words but never
cut one (``招股说明书|签署`` must not become 說明書籤署 through 书签 "bookmark").
Everything the conversion knows about words comes through this module: :func:`words`
cuts a text (jieba's stock segmentation, :mod:`generator.ingest.words`, whose cuts the
dictionary layer shares), :func:`tag` gives jieba's dictionary part of speech of a word
and :func:`is_word` / :func:`frequency` tell whether and how often jieba's dictionary
holds a word.

jieba's stock dictionary is loaded once per process (shared with the glossary's
readings and the related-article keywords); the part-of-speech table, read from
the same dictionary file by jieba's own ``posseg`` loader, only when first asked.
Only runs holding a Han character go to jieba: markup, numbers and Latin text
between them are kept whole (they cannot hold a Chinese word).
"""
from __future__ import annotations

import itertools
from functools import lru_cache

from generator.ingest.words import HAN, runs, stock_tokenizer, words  # noqa: F401  (HAN, runs, words: this module's interface)


def boundaries(pieces: list[str]) -> list[int]:
    """Offsets where the words of ``pieces`` start, and the end of the text."""
    return [0, *itertools.accumulate(map(len, pieces))]


def is_word(word: str) -> bool:
    """jieba's stock dictionary holds ``word`` (with a frequency)."""
    return frequency(word) > 0


def frequency(word: str) -> int:
    """How often jieba's stock dictionary counts ``word`` (0: not a word)."""
    tokenizer = stock_tokenizer()
    tokenizer.check_initialized()
    return tokenizer.FREQ.get(word, 0)


def tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag of ``word`` ('' if it has none):
    ``nr`` person, ``nrt``/``nrfg`` transliterated or full names, ``ns`` place,
    ``nt`` organisation, ``nz`` other proper noun, ``v`` verb …"""
    return tags().get(word, "")


@lru_cache(maxsize=1)
def tags() -> dict[str, str]:
    """jieba's word → tag table, read by jieba.posseg when imported (from the stock
    dictionary file, the one :func:`stock_tokenizer` uses): only when first asked for."""
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab
