"""Word segmentation of Simplified text: jieba with CC-CEDICT's headwords as its dictionary.

:func:`segment` is the one entry point: spans that cover a text, the glossary's
matches (or any other fixed spans) kept whole, the rest cut by jieba. jieba's
dictionary here is CC-CEDICT's Simplified headwords plus the glossary's forms,
weighted with the frequencies of jieba's stock dictionary where it has the word
(a CC-CEDICT word it lacks gets the lowest weight, so a word both know wins), so
every word jieba finds through its dictionary has a dictionary entry.

jieba's HMM proposes words for runs of characters its dictionary cannot join
(names above all: 刘焕军, 潘功胜). A proposal is kept when jieba's stock lexicon
knows it (亿元, 定增) or jieba's part-of-speech HMM reads it whole as a name of a
person, place or organisation, or as a number (余家); otherwise it is cut into
its characters, each of which has an entry (the HMM also proposes 以高, 期首,
价定: pieces of two words, which no reader should look up).
"""
from __future__ import annotations

import logging
import math
import re
from functools import lru_cache
from typing import Iterator, Sequence

import jieba
from jieba import finalseg
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

from generator.annotate.dictionary import Dictionary, load
from generator.annotate.glossary import stock_tokenizer

jieba.setLogLevel(logging.WARNING)
Span = tuple[int, int]
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
GLOSSARY_WEIGHT = 1_000_000  # a glossary form beats any split of it
_MIN_FLOAT, _MIN_INF = -3.14e100, float("-inf")  # jieba's HMMs' floor and impossible transition


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
    return Cutter(freq, total)


@lru_cache(maxsize=1)
def _weights() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary of CC-CEDICT's headwords: each word's weight (jieba's stock
    frequency, else 1), each prefix of a word 0; and the sum of the words' weights."""
    return _prefixes(load(), stock_tokenizer().FREQ)


def _prefixes(dictionary: Dictionary, stock: dict[str, int]) -> tuple[dict[str, int], int]:
    weights = {word: stock.get(word) or 1 for word in dictionary.by_word}
    freq: dict[str, int] = {}
    for word, weight in weights.items():
        freq[word] = weight
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq, sum(weights.values())  # the glossary's forms weigh in without shifting every word's odds


class Cutter(jieba.Tokenizer):
    """A jieba tokenizer over a given prefix dictionary, with jieba's own word graph
    (``get_DAG``) and best route (``calc``) computed the same way, float for float, in
    tighter loops: each fragment's log weight is worked out once, not at every place
    it could start a word (tests/test_words.py compares the cuts with jieba's)."""

    def __init__(self, freq: dict[str, int], total: int):
        super().__init__()
        self.FREQ, self.total, self.initialized = freq, total, True
        self._logtotal = math.log(total)
        self._scores: dict[str, float] = {}  # fragment → log(weight or 1) - log(total), as calc adds it

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        freq, size = self.FREQ, len(sentence)
        graph = {}
        for k in range(size):
            ends = []
            i, weight = k, freq.get(sentence[k])
            while weight is not None:
                if weight:
                    ends.append(i)
                i += 1
                if i >= size:
                    break
                weight = freq.get(sentence[k:i + 1])
            graph[k] = ends or [k]
        return graph

    def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict[int, tuple]) -> None:  # noqa: N803 (jieba's name)
        freq, scores, logtotal, log = self.FREQ, self._scores, self._logtotal, math.log
        size = len(sentence)
        route[size] = (0, 0)
        for idx in range(size - 1, -1, -1):
            best: tuple[float, int] | None = None
            for x in DAG[idx]:
                fragment = sentence[idx:x + 1]
                score = scores.get(fragment)
                if score is None:
                    score = scores[fragment] = log(freq.get(fragment) or 1) - logtotal
                candidate = (score + route[x + 1][0], x)
                if best is None or candidate > best:
                    best = candidate
            route[idx] = best  # type: ignore[assignment]  # DAG[idx] is never empty

    def _Tokenizer__cut_DAG(self, sentence: str) -> Iterator[str]:  # noqa: N802 (what jieba's cut calls)
        """jieba's ``Tokenizer.__cut_DAG`` (cut with HMM) step for step, its HMM being :func:`_hmm_cut`."""
        graph = self.get_DAG(sentence)
        route: dict[int, tuple] = {}
        self.calc(sentence, graph, route)
        freq, x, size, buf = self.FREQ, 0, len(sentence), ""
        while x < size:
            y = route[x][1] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from _unjoined(buf, freq)
                    buf = ""
                yield word
            x = y
        if buf:
            yield from _unjoined(buf, freq)


def _unjoined(buf: str, freq: dict[str, int]) -> Iterator[str]:
    """A run of characters the route left single: one, a dictionary word's characters, or HMM words."""
    if len(buf) == 1:
        yield buf
    elif not freq.get(buf):
        yield from _hmm_cut(buf)
    else:
        yield from buf


def _hmm_cut(sentence: str) -> Iterator[str]:
    """``jieba.finalseg.cut``, its Viterbi in :func:`_hmm_states`."""
    for block in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(block):
            states = _hmm_states(block)
            begin = after = 0
            for i, char in enumerate(block):
                state = states[i]
                if state == "B":
                    begin = i
                elif state == "E":
                    word = block[begin:i + 1]
                    yield from (word if word in finalseg.Force_Split_Words else (word,))
                    after = i + 1
                elif state == "S":
                    yield from (char if char in finalseg.Force_Split_Words else (char,))
                    after = i + 1
            if after < len(block):
                word = block[after:]
                yield from (word if word in finalseg.Force_Split_Words else (word,))
        else:
            yield from (x for x in finalseg.re_skip.split(block) if x)


_BEFORE = {"B": ("E", "S"), "M": ("M", "B"), "S": ("S", "E"), "E": ("B", "M")}  # finalseg's PrevStatus


def _hmm_states(text: str) -> list[str]:
    """``jieba.finalseg.viterbi``'s route (B, M, E, S per character), the same sums and
    ties, with back pointers instead of a copied path per state and step."""
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    scores = {y: start[y] + emit[y].get(text[0], _MIN_FLOAT) for y in "BMES"}
    back = []
    for char in text[1:]:
        now, came = {}, {}
        for y in "BMES":
            emitted = emit[y].get(char, _MIN_FLOAT)
            a, b = _BEFORE[y]
            now[y], came[y] = max((scores[a] + trans[a].get(y, _MIN_FLOAT) + emitted, a),
                                  (scores[b] + trans[b].get(y, _MIN_FLOAT) + emitted, b))
        scores = now
        back.append(came)
    state = max((scores[y], y) for y in "ES")[1]
    route = [state]
    for came in reversed(back):
        state = came[state]
        route.append(state)
    return route[::-1]


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
    """The words of a stretch of text between fixed spans, as spans into it. jieba cuts a
    stretch the same wherever it stands, so one met before (a dateline, a stock phrase,
    a sentence quoted again) is not cut again."""
    cutter, stock = tokenizer(extra), stock_tokenizer().FREQ
    spans: list[Span] = []
    position = 0
    for word in cutter.cut(clause, HMM=True):
        size = len(word)
        if size > 1 and not cutter.FREQ.get(word) and has_han(word) and not _kept(word, stock):
            spans += [(position + i, position + i + 1) for i in range(size)]
        else:
            spans.append((position, position + size))
        position += size
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
    tags = {tag for _, tag in viterbi(word)}
    return NAME_TAGS.get(tags.pop()) if len(tags) == 1 else None


@lru_cache(maxsize=1)
def _into() -> dict[str, list[tuple[tuple[str, str], float]]]:
    """jieba's part-of-speech HMM transitions by the state they lead to: (state before, log p)."""
    into: dict = {}
    for before, nexts in trans_P.items():
        for after, p in nexts.items():
            into.setdefault(after, []).append((before, p))
    return into


def viterbi(word: str) -> list[tuple[str, str]]:
    """The states (position, tag) jieba's part-of-speech HMM gives ``word``'s characters:
    ``jieba.posseg.viterbi``'s route, the same floats added in the same order and ties
    broken alike, but each state weighs only the states that can precede it (about 30
    of 256) instead of every state the character before may be in: a tenth of the work
    (tests/test_words.py compares the two)."""
    all_states = trans_P.keys()
    into = _into()
    first = word[0]
    scores = {y: start_P[y] + emit_P[y].get(first, _MIN_FLOAT) for y in char_state_tab_P.get(first, all_states)}
    paths: list[dict] = []
    for char in word[1:]:
        before = [x for x in scores if trans_P[x]]
        expected = {y for x in before for y in trans_P[x]}
        states = set(char_state_tab_P.get(char, all_states)) & expected or expected or set(all_states)
        now, came = {}, {}
        for y in states:
            emit = emit_P[y].get(char, _MIN_FLOAT)
            leading = into.get(y, ())
            if len(before) < len(leading):
                best = max(((scores[x] + p + emit, x) for x in before if (p := trans_P[x].get(y)) is not None),
                           default=None)
            else:
                best = max(((scores[x] + p + emit, x) for x, p in leading if x in scores), default=None)
            if best is None:  # not met: every state weighed follows one of ``before`` (jieba's max, as a guard)
                best = max((scores[x] + trans_P[x].get(y, _MIN_INF) + emit, x) for x in before)
            now[y], came[y] = best
        scores = now
        paths.append(came)
    _, state = max((p, y) for y, p in scores.items())
    route = [state]
    for came in reversed(paths):
        state = came[state]
        route.append(state)
    return route[::-1]
