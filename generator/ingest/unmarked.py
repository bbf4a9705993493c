"""Structure of a page without ``#`` marks, inferred from the evidence it holds.

A headline, a kicker and a subhead are all short lines in the shape of a heading
(:func:`generator.ingest.classify.looks_like_headline`: no sentence inside, may end in
？！, may hold ，：、 or spaces). Which one a heading-shaped line is depends on what
stands around it:

* a **headline** (one line, or two lines set one under the other) opens an article when
  it is the first text of the page, or when what follows opens an article — a byline,
  a date line, a paragraph beginning with a dateline — or when blank lines set it apart
  more than the page sets its paragraphs apart (before it, or after it);
* otherwise, inside an article and followed by a paragraph, it is a **subhead**;
* three or more heading-shaped lines in a row are short items (a flattened table, a
  list): kept as paragraphs, a doubtful decision;
* a paragraph opening with a dateline (``新华社北京6月5日电``, ``（中央社記者…電）``)
  after body text starts a new story even without a headline (wire copy run together).

Each choice is a :class:`generator.model.Decision` naming the evidence; a choice the
evidence leaves open is doubtful (a warning in ``baozhai check``).
"""
from __future__ import annotations

import re
from collections import Counter

from generator.ingest import classify as c
from generator.ingest.assemble import Builder, join_texts
from generator.ingest.classify import Kind
from generator.ingest.units import Layout, Unit
from generator.model import Block, Page, SourcePage, Text

RUN_OF_ITEMS = 3  # heading-shaped lines in a row that are items, not headings
_LABEL = re.compile(r"^([\u4e00-\u9fff]{1,4}|[A-Za-z]{1,3})[:：]")  # 问：, 答：, Q:


def heading_shaped(unit: Unit) -> bool:
    return unit.kind is Kind.TEXT and len(unit.lines) == 1 and not unit.is_cells and not unit.item \
        and c.looks_like_headline(unit.text)


def opens_with_dateline(unit: Unit | None) -> bool:
    return unit is not None and unit.kind is Kind.TEXT and not unit.is_cells \
        and bool(c.LEADING_DATELINE_RE.match(unit.text))


class UnmarkedParser(Builder):
    def __init__(self, source: SourcePage, units: list[Unit], layout: Layout):
        super().__init__(source)
        self.units = units
        self.layout = layout
        self.gap = _paragraph_gap(units)
        self.labels = _speaker_labels(units)

    def run(self) -> Page:
        index = 0
        while index < len(self.units):
            run = self.heading_run(index)
            if run:
                self.take_headings(index, run)
                index += run
                continue
            unit = self.units[index]
            if unit.kind is Kind.HEADING:  # ## or deeper on a page without # headlines: a subhead
                self.take_marked(unit)
                index += 1
                continue
            if opens_with_dateline(unit) and self.article is not None and self.article.paragraphs:
                self.open_article(None)
                self.decide(unit.number, "story", f"a dateline opens a new story without a headline: "
                                                  f"“{unit.text[:20]}…”", True)
            self.take(unit, self.after(index))
            index += 1
        return self.page

    def take_marked(self, unit: Unit) -> None:
        if self.article is None:
            self.open_article(self.heading_text(unit.first))
            self.decide(unit.number, "headline", f"“{unit.text}”: headline (marked, first on the page)")
        else:
            self.article.blocks.append(Block("heading", self.heading_text(unit.first)))

    def after(self, index: int) -> Unit | None:
        return self.units[index + 1] if index + 1 < len(self.units) else None

    def heading_run(self, index: int) -> int:
        """How many heading-shaped units stand in a row from ``index`` (a line opening with a
        label the page repeats, 问： or 答：, is a turn of a dialogue, not a heading)."""
        count = 0
        while index + count < len(self.units) and heading_shaped(self.units[index + count]) \
                and _label(self.units[index + count]) not in self.labels:
            count += 1
        return count

    def take_headings(self, index: int, run: int) -> None:
        units = self.units[index:index + run]
        following = self.after(index + run - 1)
        if run >= RUN_OF_ITEMS:
            head = self._headline_tail(units, following)
            items = units[:len(units) - head]
            self.take_items(items)
            units = units[len(items):]
            if not units:
                return
            index += len(items)
        evidence = self.opening_evidence(index, units, following)
        if evidence:
            self.open_headline(units, evidence)
        elif self.article is not None and _prose(following):
            text = join_texts([u.first.whole() for u in units])
            self.current().blocks.append(Block("heading", text))
            over = " (set over two lines)" if len(units) == 2 else ""
            self.decide(units[0].number, "subhead", f"“{text.text}”: subhead{over}: a short line inside the "
                                                    "article, followed by its text")
        else:
            self.take_items(units)

    def _headline_tail(self, units: list[Unit], following: Unit | None) -> int:
        """Of a run of short lines, how many at its end are a headline (what follows opens an article)."""
        if not self._opens(following):
            return 0
        return 2 if len(units) >= 2 and self._two_lines(units[-2:]) else 1

    def _two_lines(self, units: list[Unit]) -> bool:
        """A headline set over two lines: only on a page set in columns (hard-wrapped), the
        second line right under the first."""
        return self.layout.wrap is not None and units[1].gap == 0

    def opening_evidence(self, index: int, units: list[Unit], following: Unit | None) -> str:
        if following is not None and self._opens(following):
            return {Kind.BYLINE: "a byline follows", Kind.DATE: "a date line follows"}.get(
                following.kind, "a dateline follows")
        if self.article is None:
            return "first text of the page"
        previous = self.units[index - 1] if index else None
        if previous is not None and units[0].gap > self.gap:
            return f"set apart by {units[0].gap} blank line(s) where paragraphs have {self.gap}"
        if following is not None and units[-1].gap_after > self.gap and _prose(following):
            return f"followed by {units[-1].gap_after} blank line(s) where paragraphs have {self.gap}"
        return ""

    def _opens(self, unit: Unit | None) -> bool:
        return unit is not None and (unit.kind in (Kind.BYLINE, Kind.DATE) or opens_with_dateline(unit))

    def open_headline(self, units: list[Unit], evidence: str) -> None:
        if len(units) > 2:  # a kicker above a headline set over two lines
            self.take_items(units[:-2])
            units = units[-2:]
        kicker = None
        if len(units) == 2 and units[1].gap > 0:  # blank lines between: the first is not part of it
            self.take_items(units[:1])
            units = units[1:]
        elif len(units) == 2 and not self._two_lines(units):  # a kicker right above the headline
            kicker, units = units[0], units[1:]
        headline = join_texts([u.first.whole() for u in units])
        article = self.open_article(headline)
        if kicker is not None:
            article.kicker = kicker.first.whole()
            self.decide(kicker.number, "kicker", f"“{kicker.text}”: kicker (a short line right above the headline)",
                        True)
        lines = "–".join(str(u.number) for u in units)
        over = " (set over two lines)" if len(units) == 2 else ""
        self.decide(units[0].number, "headline", f"line {lines}: headline “{headline.text}”{over}: {evidence}")

    def take_items(self, units: list[Unit]) -> None:
        for unit in units:
            self.take_text(unit)
        if len(units) >= RUN_OF_ITEMS:
            self.decide(units[0].number, "items", f"lines {units[0].number}–{units[-1].number}: {len(units)} short "
                                                  "lines in a row kept as separate paragraphs (a table or list?)",
                        True)
        elif units and self.article is not None and len(self.article.paragraphs) > 0:
            for unit in units:
                if not self.article.headline or unit.first.whole().text != self.article.headline.text:
                    self.decide(unit.number, "short-line", f"“{unit.text}”: a short line neither headline nor "
                                                           "subhead by the evidence: kept as a paragraph", True)


def _prose(unit: Unit | None) -> bool:
    return unit is not None and unit.kind is Kind.TEXT and not heading_shaped(unit)


def _label(unit: Unit) -> str | None:
    match = _LABEL.match(unit.text)
    return match.group(1) if match else None


def _speaker_labels(units: list[Unit]) -> set[str]:
    """Labels that open two or more units of the page: speakers of a Q&A or an interview."""
    counts = Counter(_label(u) for u in units if u.kind is Kind.TEXT)
    return {label for label, n in counts.items() if label is not None and n >= 2}


def _paragraph_gap(units: list[Unit]) -> int:
    """The number of blank lines the page usually puts between two paragraphs."""
    gaps = Counter(b.gap for a, b in zip(units, units[1:]) if _prose(a) and _prose(b))
    return gaps.most_common(1)[0][0] if gaps else 0


__all__ = ["UnmarkedParser", "heading_shaped", "Text"]
