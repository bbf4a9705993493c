"""Word boundaries of Simplified text, for the Traditional edition (jieba).

The edition converts word by word: a phrase rule may cover whole words but never
cut one (``招股说明书|签署`` must not become 說明書籤署 through 书签 "bookmark").
Everything the conversion knows about words comes through this module, so one
segmentation can later serve it and the dictionary layer alike: :func:`words`
cuts a text, :func:`tag` gives jieba's dictionary part of speech of a word and
:func:`is_word` / :func:`frequency` tell whether and how often jieba's dictionary
holds a word.

jieba's stock dictionary is loaded once per process (shared with the glossary's
readings and the related-article keywords); the part-of-speech table, read from
the same dictionary file by jieba's own ``posseg`` loader, only when first asked.
Only runs holding a Han character go to jieba: markup, numbers and Latin text
between them are kept whole (they cannot hold a Chinese word).
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from generator.annotate.glossary import stock_tokenizer

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A run jieba segments: Han characters with any Latin letters, digits or middle dots
# touching them (A股, U盘, 5G手机 are words; 丹尼·博伊尔 one name); the text between
# runs is passed through whole.
_RUN = re.compile(f"[{HAN}A-Za-z0-9·]*[{HAN}][{HAN}A-Za-z0-9·]*")


def words(text: str, spans: list[tuple[int, int]] | None = None) -> list[str]:
    """``text`` cut into words; ``"".join(words(text)) == text``.

    jieba (stock dictionary, HMM for unknown words such as names) cuts each run
    of Han text; what lies between runs is one piece each. A run met before is
    not cut again: the same clause comes back on a site (an article's sentence on
    each of its terms' pages, a lede on the home page), and jieba is most of the
    conversion's time. ``spans``: the text's :func:`runs`, when the caller has them.
    """
    pieces: list[str] = []
    end = 0
    for start, stop in runs(text) if spans is None else spans:
        if start > end:
            pieces.append(text[end:start])
        pieces.extend(_cut(text[start:stop]))
        end = stop
    if end < len(text):
        pieces.append(text[end:])
    return pieces


_CUTS: dict[str, tuple[str, ...]] = {}
_CUTS_KEPT = 200_000  # runs remembered (a few tens of MB at most); then forgotten at once


def _cut(run: str) -> tuple[str, ...]:
    found = _CUTS.get(run)
    if found is None:
        if len(_CUTS) >= _CUTS_KEPT:
            _CUTS.clear()
        found = _CUTS[run] = tuple(stock_tokenizer().cut(run))
    return found


def runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Han text in ``text``: no word crosses their edges."""
    return [run.span() for run in _RUN.finditer(text)]


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
