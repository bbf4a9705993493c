"""Word-boundary-aware conversion: OpenCC converts, this module decides where each rule may apply.

A text is cut into words (:mod:`generator.editions.words`), then into spans:

1. ``phrase``: the editor's phrases and the glossary's Traditional forms, wherever
   they occur (they win everywhere);
2. ``rule``: a reviewed layer rule (layers.py) whose word lies on word boundaries
   and whose condition holds, outside names unless it is a name rule;
3. ``name``: names (names.py), converted by OpenCC's characters and the phrase
   picks inside each word, with no vocabulary;
4. the rest, converted by the edition's OpenCC.

OpenCC gets every word apart: a unit separator (U+001F) between two words ends any
phrase match there, so 招股说明书|签署 keeps 签署 → 簽署 instead of OpenCC's
longest match 书签 → 書籤. One OpenCC call converts all the plain text of a text
and one all its names (the decided spans stand in as U+001E).

A conversion returns its pieces, ``(source start, source end, output)`` in order;
OpenCC keeps lengths, so only a span whose length changed needs mapping: a caller
that splits the text at ``breaks`` (the markup around a glossary link) gets no
length-changing span across a break.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import ahocorasick
import opencc

from generator.editions.layers import Cut, Layer
from generator.editions.names import Name, NameFinder, context_forms
from generator.editions.words import boundaries, runs, words

SEPARATOR = "\x1f"
PLACEHOLDER = "\x1e"
_RUNS_KEPT = 200_000  # runs whose plain conversion is remembered
_ANALYSED_KEPT = 20_000  # texts whose analysis context() keeps for convert()


@dataclass(frozen=True)
class Span:
    """A span whose output is decided before OpenCC runs, and why."""

    start: int
    end: int
    text: str
    why: str  # "phrase" or the rule's file:line


class Wordwise:
    """One edition's conversion: its OpenCC, its names' OpenCC, layers, phrases and names."""

    def __init__(self, edition: opencc.OpenCC, names: opencc.OpenCC, layers: list[Layer],
                 phrases: dict[str, str], finder: NameFinder) -> None:
        self.edition, self.names, self.layers, self.finder = edition, names, layers, finder
        self.phrases = dict(phrases)
        self._runs: dict[str, str] = {}  # a run of Han text → its plain conversion
        self._analysed: dict[str, tuple] = {}  # text → (runs, words, names by context, plain): context()
        self._phrases = ahocorasick.Automaton()
        for key in self.phrases:
            self._phrases.add_word(key, key)
        if self.phrases:
            self._phrases.make_automaton()

    def convert(self, text: str, breaks: tuple[int, ...] = (), forms: frozenset[str] | None = None,
                by_region: bool = False) -> list[tuple[int, int, str]]:
        """Pieces ``(start, end, output)`` of ``text`` converted, in order.

        A line of a page is converted as part of its page with the page's ``forms``
        (names found by their context, NameFinder.find) and ``by_region`` when OpenCC
        changes the length of a run of another line (see :meth:`context`)."""
        if SEPARATOR in text or PLACEHOLDER in text:
            raise ValueError("text holds U+001E or U+001F, which the conversion uses itself")
        known = self._analysed.pop(text, None)  # what context() found out, if it ran on this text
        spans = runs(text) if known is None else known[0]
        pieces = words(text, spans) if known is None else known[1]
        cut = Cut(boundaries(pieces))
        decided = self._phrase_spans(text, breaks)
        names = _outside(self.finder.find(text, pieces, spans, forms, None if known is None else known[2]), decided)
        decided = _merge_spans(decided, self._rule_spans(text, cut, names, decided, breaks, spans))
        names = _outside(names, decided)
        plain = None if by_region else self._plain(text, spans) if known is None else known[3]
        if plain is None:  # OpenCC changed a run's length: convert region by region
            return self._assemble(text, cut, decided, names)
        return self._overlay(text, plain, cut, decided, names)

    def context(self, text: str) -> tuple[frozenset[str], bool]:
        """What a page's conversion takes from this line of it for every other line:
        the forms of its names found by their context (a name everywhere on the page)
        and whether OpenCC changes the length of one of its runs (then the whole page
        is converted region by region)."""
        if SEPARATOR in text or PLACEHOLDER in text:
            raise ValueError("text holds U+001E or U+001F, which the conversion uses itself")
        spans = runs(text)
        pieces = words(text, spans)
        found, plain = self.finder.by_context(text, pieces), self._plain(text, spans)
        if len(self._analysed) >= _ANALYSED_KEPT:
            self._analysed.clear()
        self._analysed[text] = (spans, pieces, found, plain)  # for convert(), which usually follows
        return context_forms(text, found), plain is None

    def forget(self) -> None:
        """Drop what :meth:`context` kept for :meth:`convert` (a page is done)."""
        self._analysed.clear()

    def plan(self, text: str) -> tuple[list[Span], list[Name]]:
        """The decided spans and the names of ``text`` (for reports and tests)."""
        pieces = words(text)
        cut = Cut(boundaries(pieces))
        decided = self._phrase_spans(text, ())
        names = _outside(self.finder.find(text, pieces), decided)
        decided = _merge_spans(decided, self._rule_spans(text, cut, names, decided, ()))
        return decided, _outside(names, decided)

    def _phrase_spans(self, text: str, breaks: tuple[int, ...]) -> list[Span]:
        if not self.phrases:
            return []
        spans = []
        for last, key in self._phrases.iter_long(text):
            start, end = last - len(key) + 1, last + 1
            if _keeps_breaks(start, end, self.phrases[key], key, breaks):
                spans.append(Span(start, end, self.phrases[key], "phrase"))
        return spans

    def _rule_spans(self, text: str, cut: Cut, names: list[Name], decided: list[Span],
                    breaks: tuple[int, ...], han_runs: list[tuple[int, int]] | None = None) -> list[Span]:
        strong = [n for n in names if n.kind != "person"]  # a person's name holds off no rule
        starts = [n.start for n in strong]

        def in_name(start: int, end: int) -> bool:
            index = bisect.bisect_right(starts, end - 1) - 1
            return index >= 0 and strong[index].end > start

        spans = []
        for layer in self.layers:
            for match in layer.matches(text, cut, in_name, han_runs):
                rule = match.rule
                if _keeps_breaks(match.start, match.end, rule.value, rule.source, breaks):
                    spans.append(Span(match.start, match.end, rule.value, rule.where))
        return spans

    def _plain(self, text: str, spans: list[tuple[int, int]]) -> str | None:
        """``text`` as the edition's OpenCC converts it word by word (no names, no rules),
        or None if that changed its length. Each run of Han text is converted once and
        remembered; all new runs of a text go to OpenCC in one call."""
        new = list(dict.fromkeys(text[s:e] for s, e in spans if text[s:e] not in self._runs))
        if new:
            if len(self._runs) + len(new) > _RUNS_KEPT:
                self._runs.clear()
            converted = _convert_all(self.edition, [SEPARATOR.join(words(run)) for run in new])
            self._runs.update(zip(new, converted))
        parts, at = [], 0
        for start, end in spans:
            out = self._runs[text[start:end]]
            if len(out) != end - start:
                return None
            parts += [text[at:start], out]
            at = end
        parts.append(text[at:])
        return "".join(parts)

    def _overlay(self, text: str, plain: str, cut: Cut, decided: list[Span],
                 names: list[Name]) -> list[tuple[int, int, str]]:
        """The plain conversion with the names (converted by characters) and the decided
        spans laid over it: pieces in order, the plain text between them one piece."""
        named = _convert_all(self.names, [_joined(text, cut.offsets, n.start, n.end) for n in names])
        over = sorted([(n.start, n.end, next(named)) for n in names] + [(s.start, s.end, s.text) for s in decided])
        result, at = [], 0
        for start, end, out in over:
            if start > at:
                result.append((at, start, plain[at:start]))
            result.append((start, end, out))
            at = end
        if at < len(text):
            result.append((at, len(text), plain[at:]))
        return result

    def _assemble(self, text: str, cut: Cut, decided: list[Span],
                  names: list[Name]) -> list[tuple[int, int, str]]:
        """Convert the plain text and the names with one OpenCC call each; join in order."""
        regions = _regions(len(text), decided, names)
        plain = [_joined(text, cut.offsets, start, end) for start, end, kind in regions if kind == "plain"]
        named = [_joined(text, cut.offsets, start, end) for start, end, kind in regions if kind == "name"]
        plain_out = _convert_all(self.edition, plain)
        named_out = _convert_all(self.names, named)
        spans = {(s.start, s.end): s.text for s in decided}
        result = []
        for start, end, kind in regions:
            if kind == "plain":
                result.append((start, end, next(plain_out)))
            elif kind == "name":
                result.append((start, end, next(named_out)))
            else:
                result.append((start, end, spans[(start, end)]))
        return result


def _keeps_breaks(start: int, end: int, value: str, source: str, breaks: tuple[int, ...]) -> bool:
    """A span may cross a break (markup) only if it keeps its length (split there by position)."""
    return len(value) == len(source) or not any(start < b < end for b in breaks)


def _outside(names: list[Name], decided: list[Span]) -> list[Name]:
    """Names without the parts decided spans cover (a name may be cut in two)."""
    if not decided:
        return names
    result = []
    for name in names:
        start = name.start
        for span in decided:
            if span.end <= start or span.start >= name.end:
                continue
            if span.start > start:
                result.append(Name(start, span.start, name.kind))
            start = max(start, span.end)
        if start < name.end:
            result.append(Name(start, name.end, name.kind))
    return result


def _merge_spans(first: list[Span], second: list[Span]) -> list[Span]:
    """``first`` with the spans of ``second`` that overlap none of it, sorted."""
    taken = sorted(first, key=lambda s: s.start)
    starts = [s.start for s in taken]
    kept = list(taken)
    for span in second:
        index = bisect.bisect_right(starts, span.end - 1) - 1
        if index >= 0 and taken[index].end > span.start:
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _regions(length: int, decided: list[Span], names: list[Name]) -> list[tuple[int, int, str]]:
    """The text cut into (start, end, kind): decided spans, names and plain text between."""
    marks = sorted([(s.start, s.end, "decided") for s in decided] + [(n.start, n.end, "name") for n in names])
    regions, at = [], 0
    for start, end, kind in marks:
        if start > at:
            regions.append((at, start, "plain"))
        regions.append((start, end, kind))
        at = end
    if at < length:
        regions.append((at, length, "plain"))
    return regions


def _joined(text: str, offsets: list[int], start: int, end: int) -> str:
    """``text[start:end]`` with a separator at each word boundary inside it."""
    first = bisect.bisect_right(offsets, start)
    last = bisect.bisect_left(offsets, end)
    inner = offsets[first:last]
    if not inner:
        return text[start:end]
    cuts = [start, *inner, end]
    return SEPARATOR.join(text[a:b] for a, b in zip(cuts, cuts[1:]))


def _convert_all(converter: opencc.OpenCC, texts: list[str]):
    """Each of ``texts`` converted, with one OpenCC call; yields them in order."""
    if not texts:
        return iter(())
    joined = str(converter.convert(PLACEHOLDER.join(texts))).split(PLACEHOLDER)
    if len(joined) != len(texts):
        raise RuntimeError("OpenCC changed the conversion's placeholders")
    return (part.replace(SEPARATOR, "") for part in joined)
