"""jieba with its stock dictionary, loaded once per process for every stage that cuts
words (suspects here; glossary readings and keywords in annotate; the dictionary layer's
words and the Traditional conversion's): loading it takes most of a second, so no stage
loads a second copy (``jieba.dt`` stays unused).

:func:`words` cuts a text with it, run of Han text by run, and remembers each run's
words: the dictionary layer cuts an article's text first (:mod:`generator.annotate.segment`),
the Traditional conversion finds the same runs in the article's page and does not cut them
again (jieba's cut was most of either's time).
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

import jieba
import jieba.posseg

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A run jieba segments: Han characters with any Latin letters, digits or middle dots
# touching them (A股, U盘, 5G手机 are words; 丹尼·博伊尔 one name); the text between
# runs is passed through whole.
_RUN = re.compile(f"[{HAN}A-Za-z0-9·]*[{HAN}][{HAN}A-Za-z0-9·]*")


@lru_cache(maxsize=1)
def stock_tokenizer() -> jieba.Tokenizer:
    return jieba.Tokenizer()


@lru_cache(maxsize=1)
def tagger() -> jieba.posseg.POSTokenizer:
    """Parts of speech over the same dictionary."""
    return jieba.posseg.POSTokenizer(stock_tokenizer())


def words(text: str, spans: list[tuple[int, int]] | None = None) -> list[str]:
    """``text`` cut into words; ``"".join(words(text)) == text``.

    jieba (stock dictionary, HMM for unknown words such as names) cuts each run
    of Han text; what lies between runs is one piece each. A run met before is
    not cut again (see the module's docstring; and the same clause comes back on a
    site: an article's sentence on each of its terms' pages, a lede on the home
    page). ``spans``: the text's :func:`runs`, when the caller has them.
    """
    pieces: list[str] = []
    end = 0
    for start, stop in runs(text) if spans is None else spans:
        if start > end:
            pieces.append(text[end:start])
        pieces.extend(cut(text[start:stop]))
        end = stop
    if end < len(text):
        pieces.append(text[end:])
    return pieces


_CUTS: dict[str, tuple[str, ...]] = {}
_CUTS_KEPT = 200_000  # runs remembered (a few tens of MB at most); then forgotten at once
_FORGOTTEN = [0]  # how often the memory was emptied (see cuts_mark)


def cut(run: str) -> tuple[str, ...]:
    """The words of one run of Han text (:func:`runs`), remembered."""
    found = _CUTS.get(run)
    if found is None:
        _make_room()
        found = _CUTS[run] = tuple(stock_tokenizer().cut(run))
    return found


def _make_room() -> None:
    if len(_CUTS) >= _CUTS_KEPT:
        _CUTS.clear()
        _FORGOTTEN[0] += 1


def cuts_mark() -> tuple[int, int]:
    """Where the memory stands: what a process about to fork keeps for :func:`cuts_since`."""
    return _FORGOTTEN[0], len(_CUTS)


def cuts_since(mark: tuple[int, int]) -> list[tuple[str, tuple[str, ...]]]:
    """The runs cut since :func:`cuts_mark` gave ``mark`` (every remembered one if the
    memory was emptied meanwhile): what a forked process hands back to its parent."""
    forgotten, size = mark
    return list(itertools.islice(_CUTS.items(), size if forgotten == _FORGOTTEN[0] else 0, None))


def remember(found: list[tuple[str, tuple[str, ...]]]) -> None:
    """Take runs cut elsewhere (a forked process's :func:`cuts_since`)."""
    for run, pieces in found:
        if run not in _CUTS:
            _make_room()
            _CUTS[run] = pieces


def runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Han text in ``text``: no word crosses their edges."""
    return [run.span() for run in _RUN.finditer(text)]
