"""A page's lines grouped into units: the paragraphs and one-line items it was set in.

Extraction loses the typesetting; what is left is evidence, weighed here page by page:

* blank lines (how many stand between two lines, against the page's usual gap);
* indentation (U+3000 or spaces at a line start) where the page indents paragraph starts;
* the page's wrap width: when many lines end at the same width, the text was hard-wrapped,
  and a line that reaches that width continues on the next line (a line ending in 。 too,
  when the next line is not indented), while a shorter line ends its paragraph;
* the kind of each line (a byline, a marker or a heading never continues a paragraph).

Widths are counted in cells (CJK 2, Latin and digits 1), as a column sets them. Every
rejoined paragraph is a :class:`Decision`; a join the evidence leaves open is doubtful.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from generator.ingest import classify as c
from generator.ingest.classify import Kind
from generator.model import Decision, Piece, SourcePage, Text

MIN_WRAP, MAX_WRAP = 24, 160  # cells: a column is wider than 12 and narrower than 80 CJK characters
SLACK = 3  # cells a full line may fall short of the wrap width (a CJK character did not fit)


@dataclass(frozen=True)
class Line:
    number: int
    start: int  # column of the first non-space character
    text: str  # stripped
    kind: Kind

    @property
    def indented(self) -> bool:
        return self.start > 0

    def piece(self, start: int = 0, end: int | None = None) -> Piece:
        end = len(self.text) if end is None else end
        return Piece(self.number, self.start + start, self.text[start:end])

    def whole(self) -> Text:
        return Text((self.piece(),))


@dataclass
class Unit:
    """Consecutive lines read as one: a paragraph (possibly hard-wrapped) or a one-line item."""

    lines: list[Line]
    gap: int = 0  # blank lines before it
    gap_after: int = 0
    cells: tuple[Piece, ...] = ()  # a flattened table or list (generator.ingest.tables): its cells
    columns: int = 0  # a table's column count, 0 for a list
    decision: Decision | None = None  # why it is a table, a list or a bulletin
    sizes: tuple[int, ...] = ()  # lines of each list entry (a bulletin's items), when not one each
    item: int = 0  # a bulletin item opening an article: the length of its marker (generator.ingest.bulletins)
    opens: str = ""  # what the item opens with beside its marker: "headline", "dateline" or ""

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def kind(self) -> Kind:
        return self.first.kind if len(self.lines) == 1 else Kind.TEXT

    @property
    def is_cells(self) -> bool:
        return bool(self.cells)

    @property
    def number(self) -> int:
        return self.first.number


@dataclass
class Layout:
    """What the page's evidence says about its setting."""

    wrap: int | None = None  # cells, when hard-wrapped
    indents: bool = False  # paragraph starts are indented
    decisions: list[Decision] = field(default_factory=list)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def raw_lines(source: SourcePage, order: list[int] | None = None) -> list[tuple[int, str]]:
    """(number, text) of the page body in reading order (editor moves applied)."""
    by_number = {ln.number: ln.text for ln in source.lines}
    numbers = order or [ln.number for ln in source.lines if ln.number >= source.body_start]
    return [(n, by_number[n]) for n in numbers]


def read_lines(rows: list[tuple[int, str]], kinds: dict[int, Kind] | None = None) -> list[Line | None]:
    """Each row as a :class:`Line`, None for a blank one."""
    result: list[Line | None] = []
    for number, raw in rows:
        text = raw.strip()
        if not text:
            result.append(None)
            continue
        kind = (kinds or {}).get(number) or c.kind_of(text)
        result.append(Line(number, len(raw) - len(raw.lstrip()), text, kind))
    return result


def layout_of(rows: list[tuple[int, str]], lines: list[Line | None]) -> Layout:
    texts = [ln for ln in lines if ln is not None and ln.kind is Kind.TEXT]
    layout = Layout(wrap=_wrap_width(rows, lines))
    indented = [ln for ln in texts if ln.indented]
    layout.indents = len(indented) >= 2 and len(indented) < len(texts)
    return layout


def _wrap_width(rows: list[tuple[int, str]], lines: list[Line | None]) -> int | None:
    """The width most lines stop at, when lines followed by text cluster there."""
    widths = []
    for index, line in enumerate(lines[:-1]):
        if line is not None and line.kind is Kind.TEXT and lines[index + 1] is not None:
            widths.append(width(rows[index][1].rstrip()))
    long = [w for w in widths if MIN_WRAP <= w <= MAX_WRAP + 2]
    if len(long) < 4:
        return None
    counts = Counter(long)
    best, near = 0, 0
    for candidate in sorted(counts):
        around = sum(n for w, n in counts.items() if candidate - SLACK <= w <= candidate + 2)
        if around > near:
            best, near = candidate, around
    return best if near >= max(4, 0.5 * len(long)) and best <= MAX_WRAP else None


def group(rows: list[tuple[int, str]], lines: list[Line | None], layout: Layout) -> list[Unit]:
    """The page's units, in reading order."""
    units: list[Unit] = []
    gap = 0
    for index, line in enumerate(lines):
        if line is None:
            gap += 1
            continue
        previous = units[-1] if units and gap == 0 else None
        if previous is not None and _continues(previous, line, rows, index, layout):
            previous.lines.append(line)
        else:
            if units:
                units[-1].gap_after = gap
            units.append(Unit([line], gap))
        gap = 0
    if units:
        units[-1].gap_after = gap
    for unit in units:
        if len(unit.lines) > 1:
            layout.decisions += _wrap_decisions(unit, layout)
    return units


def _continues(previous: Unit, line: Line, rows: list[tuple[int, str]], index: int, layout: Layout) -> bool:
    """Whether ``line`` goes on the paragraph ``previous`` ends with."""
    last = previous.lines[-1]
    if layout.wrap is None or last.kind is not Kind.TEXT or line.kind is not Kind.TEXT:
        return False
    if layout.indents and line.indented:
        return False
    if width(rows[index - 1][1].rstrip()) < layout.wrap - SLACK:
        return False  # the line before stopped short of the margin: its paragraph ended
    # a sentence ending at the margin, then a line in the shape of a heading (short of the margin
    # itself): a new unit
    short = width(rows[index][1].rstrip()) < layout.wrap - SLACK
    return not (c.ends_sentence(last.text) and short and c.looks_like_headline(line.text))


def _wrap_decisions(unit: Unit, layout: Layout) -> list[Decision]:
    first, last = unit.lines[0].number, unit.lines[-1].number
    found = [Decision(first, "wrap", f"lines {first}–{last} rejoined as one paragraph "
                                     f"(hard-wrapped at {layout.wrap} cells)")]
    for before, after in zip(unit.lines, unit.lines[1:]):
        if before.text[-1:].isascii() and before.text[-1:].isalpha() and after.text[:1].isascii() \
                and after.text[:1].isalpha():
            found.append(Decision(after.number, "wrap-latin",
                                  f"Latin letters joined across a line break: “…{before.text[-8:]}” + "
                                  f"“{after.text[:8]}…”: a space may be missing between the words", True))
        elif not layout.indents and c.ends_sentence(before.text):
            found.append(Decision(after.number, "wrap-sentence",
                                  f"line {before.number} reaches the margin and ends a sentence; taken as "
                                  "going on (the page does not indent paragraph starts)", True))
    return found


def take_override(overrides: dict[int, str] | None, decisions: list[Decision] | None, line: int, what: str,
                  choices: tuple[str, ...]) -> str | None:
    """The editor's ``structure:`` word for the ``what`` (table, list, bulletin) whose
    decision names ``line``, if it is one of ``choices``: taken out of ``overrides`` (what is
    left there names nothing the parser found) and recorded as a decision."""
    choice = (overrides or {}).get(line)
    if choice not in choices or overrides is None or decisions is None:
        return None
    del overrides[line]
    decisions.append(Decision(line, "override", f"{what} at line {line}: {choice} (structure: in the page's metadata)"))
    return choice
