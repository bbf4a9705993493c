"""Word segmentation of Simplified text for the dictionary layer: jieba's segmentation,
refined so that every word it finds through a dictionary has an entry.

:func:`segment` is the one entry point: spans that cover a text, the glossary's
matches (or any other fixed spans) kept whole, the rest cut in two steps:

1. jieba with its stock dictionary cuts the text (:func:`generator.ingest.words.words`:
   the Traditional conversion's cut of the same text, made once for both);
2. a word of that cut that is neither a CC-CEDICT headword nor a glossary form is
   cut again by jieba with CC-CEDICT's Simplified headwords (and the glossary's forms)
   as its dictionary, weighted with jieba's stock frequencies where it has the word (a
   CC-CEDICT word it lacks gets the lowest weight, so a word both know wins): 科技馆 →
   科技|馆; a word of jieba's stock dictionary that this cuts into nothing but characters
   stays whole (步道, 一个: the reader gets its parts' entries).

In step 2 jieba's HMM proposes words for runs of characters its dictionary cannot join
(names above all: 刘焕军, 潘功胜). A proposal is kept when jieba's stock lexicon
knows it (亿元, 定增) or jieba's part-of-speech HMM reads it whole as a name of a
person, place or organisation, or as a number (余家); otherwise it is cut into
its characters, each of which has an entry (the HMM also proposes 以高, 期首,
价定: pieces of two words, which no reader should look up).

Why stock first (measured on the seed and the 24 corpus articles: README, "Every word
explained: the dictionary layer"; notes/dictionary-layer-cost.md): jieba over CC-CEDICT
alone cut words its stock dictionary lacks into characters (官|网, 带|货, 网|红: CC-CEDICT
words weighted 1) and words CC-CEDICT lacks as well (成|一|个, 多|股|涨|停, 馆|长), and it was a
second cut of every article on top of the conversion's.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Sequence

import jieba
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P, viterbi

from generator.annotate.dictionary import Dictionary, load, prime as prime_dictionary
from generator.cache import Cache
from generator.ingest.words import stock_tokenizer, words as stock_words

jieba.setLogLevel(logging.WARNING)
Span = tuple[int, int]
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
GLOSSARY_WEIGHT = 1_000_000  # a glossary form beats any split of it


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


@lru_cache(maxsize=4)
def tokenizer(extra: tuple[str, ...] = ()) -> jieba.Tokenizer:
    """jieba over CC-CEDICT's headwords (and ``extra`` words, the glossary's forms),
    built once per process and glossary (the CC-CEDICT part once per process)."""
    freq, total = _weights()
    if extra:
        freq = dict(freq)
        for word in extra:  # a dictionary word keeps its weight if higher; a prefix (0) has none
            freq[word] = max(freq.get(word, 0), GLOSSARY_WEIGHT)
        for word in extra:
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    cutter = jieba.Tokenizer()
    cutter.FREQ, cutter.total, cutter.initialized = freq, total, True
    return cutter


_WEIGHTS: list[tuple[dict[str, int], int]] = []  # this process's (see _weights)


def _weights() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary of CC-CEDICT's headwords: each word's weight (jieba's stock
    frequency, else 1), each prefix of a word 0; and the sum of the words' weights. Made
    once per process, or taken from a build's cache (:func:`prime`)."""
    if not _WEIGHTS:
        _WEIGHTS.append(_prefixes(load(), _stock()))
    return _WEIGHTS[0]


def _stock() -> dict[str, int]:
    """jieba's stock frequencies, its dictionary loaded first (a fresh Tokenizer's are empty)."""
    stock = stock_tokenizer()
    stock.check_initialized()
    return stock.FREQ


def prime(cache: Cache) -> None:
    """CC-CEDICT (:func:`generator.annotate.dictionary.prime`) and jieba's prefix dictionary
    of its headwords from a build's ``cache``, made only when absent (together 0.3 s of
    CPU made, 0.14 s read from the cache, on a quiet machine: README, "Cost"). The prefix dictionary is keyed by CC-CEDICT's data file; jieba's
    stock frequencies are jieba's package's, whose version is in every entry's key."""
    digest = prime_dictionary(cache)
    if not _WEIGHTS:
        _WEIGHTS.append(cache.get("dictionary", ("jieba prefixes", digest),
                                  lambda: _prefixes(load(), _stock())))


def _prefixes(dictionary: Dictionary, stock: dict[str, int]) -> tuple[dict[str, int], int]:
    weights = {word: stock.get(word) or 1 for word in dictionary.by_word}
    freq: dict[str, int] = {}
    for word, weight in weights.items():
        freq[word] = weight
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq, sum(weights.values())  # the glossary's forms weigh in without shifting every word's odds


def segment(text: str, fixed: Sequence[Span] = (), extra: tuple[str, ...] = ()) -> list[Span]:
    """Spans covering ``text`` end to end, one per word, punctuation mark or Latin/digit run.

    ``fixed`` spans (sorted, not overlapping: the glossary's matches) are words as they
    are; the text between them is cut by jieba (:func:`tokenizer` with ``extra`` words)."""
    spans: list[Span] = []
    position = 0
    for start, end in [*fixed, (len(text), len(text))]:
        if start > position:
            spans += _cut(text, position, start, extra)
        if end > start:
            spans.append((start, end))
        position = max(position, end)
    return spans


def _cut(text: str, begin: int, end: int, extra: tuple[str, ...]) -> list[Span]:
    return [(begin + start, begin + stop) for start, stop in _clause(text[begin:end], extra)]


@lru_cache(maxsize=65536)  # bounded: a long `baozhai serve` meets new text
def _clause(clause: str, extra: tuple[str, ...]) -> tuple[Span, ...]:
    """The words of a stretch of text between fixed spans, as spans into it: jieba's stock
    cut, each of its words without an entry cut again (:func:`_refined`). A stretch met
    before (a dateline, a stock phrase, a sentence quoted again) is not cut again."""
    known = tokenizer(extra).FREQ
    spans: list[Span] = []
    position = 0
    for word in stock_words(clause):
        size = len(word)
        if size > 1 and not known.get(word) and has_han(word):
            spans += [(position + start, position + end) for start, end in _refined(word, extra)]
        else:
            spans.append((position, position + size))
        position += size
    return tuple(spans)


@lru_cache(maxsize=65536)  # a word without an entry recurs (亿元, a name): 66,000 at 1,000 articles
def _refined(word: str, extra: tuple[str, ...]) -> tuple[Span, ...]:
    """A word of jieba's stock cut that has no entry, cut by jieba over CC-CEDICT's
    headwords (:func:`tokenizer`); an HMM proposal that is no word (:func:`_kept`)
    becomes its characters. A word of jieba's stock dictionary that CC-CEDICT cuts into
    nothing but characters stays whole (步道, 馆长: the reader gets its parts' entries)."""
    cutter, stock = tokenizer(extra), stock_tokenizer().FREQ
    spans: list[Span] = []
    position = 0
    for piece in cutter.cut(word, HMM=True):
        size = len(piece)
        if size > 1 and not cutter.FREQ.get(piece) and has_han(piece) and not _kept(piece, stock):
            spans += [(position + i, position + i + 1) for i in range(size)]
        else:
            spans.append((position, position + size))
        position += size
    if len(spans) == len(word) and stock.get(word):
        return ((0, len(word)),)
    return tuple(spans)


def _kept(word: str, stock: dict[str, int]) -> bool:
    """An HMM proposal that is a word: in jieba's stock lexicon, or a name or number."""
    return bool(stock.get(word)) or name_kind(word) is not None


# jieba's part-of-speech tags → the kinds of words CC-CEDICT cannot be expected to hold
NAME_TAGS = {"nr": "name", "ns": "place", "nt": "organisation", "m": "number"}


@lru_cache(maxsize=16384)
def name_kind(word: str) -> str | None:
    """"name", "place", "organisation" or "number" when jieba's part-of-speech HMM tags
    every character of ``word`` so (刘焕军 nr, 兴福 ns, 余家 m); else None."""
    if not all(map(has_han, word)):
        return None
    _, states = viterbi(word, char_state_tab_P, start_P, trans_P, emit_P)
    tags = {tag for _, tag in states}
    return NAME_TAGS.get(tags.pop()) if len(tags) == 1 else None
