"""Flattened tables: what a page's extraction left of a table, found by evidence.

A table taken out of its page comes as a run of short lines: one cell a line (a
scraper's ``content`` list), or one row a line with its cells apart by a tab, two or
more spaces or a full-width space (U+3000). A run is a table only when its lines say so:

* **cells** — every line of the run is short (at most :data:`CELL_MAX` characters a
  cell) and holds no sentence or clause punctuation (。！？，；): prose, a poem's lines
  or a bulletin's items are never cells;
* **a repeating column count** — one cell a line: a column count ``k`` (2–6) such that,
  after the header, every row of ``k`` lines has the same cells holding a number (a
  number with at most a few characters of label or unit around it: ``4049.29``,
  ``1.56%``, ``1美元``, ``下降0.11个百分点``) and at least one such column; one row a line:
  every line splits into the same number of cells (2 or more);
* **a header row** — the first row has fewer number cells than the rows under it.

Both found: a Markdown table (the header row its head); a line or two above the table
and a line below it that do not fit (a title, a source note) stay paragraphs. Cells but
no table (no header, columns that do not repeat) while most lines hold a number: a
list, one item a line. Anything else (a list of headlines without figures, a poem, a
bulletin) is left to the parser. Every table and list is a :class:`Decision` naming its
lines and evidence; a list is doubtful (it may be a table the evidence did not show).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.classify import Kind
from generator.ingest.units import Line, Unit, take_override
from generator.model import Decision, Piece

CELL_MAX = 16  # characters of one cell
MIN_ROWS = 3  # a header and two rows
MAX_COLUMNS = 6
SEPARATOR = re.compile(r"\t+|[ \u00a0]{2,}|[ \u00a0\t]*\u3000[ \u3000\u00a0\t]*")
_PUNCTUATION = re.compile(r"[。！？!?，,；;]")
_NUMBER = re.compile(r"^[^\d]{0,6}[-+−]?\d[\d,.:：/]*\s*[%‰]?[^\d]{0,6}$")


@dataclass
class Found:
    """A table (``columns`` > 0, a header row) or a list (``columns`` == 0) over the units
    ``start``…``end`` (end excluded) of a page: its cells, in reading order."""

    start: int
    end: int
    cells: list[Piece]
    columns: int
    decision: Decision


def is_cell(text: str) -> bool:
    return 0 < len(text) <= CELL_MAX and not _PUNCTUATION.search(text)


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text)) and len(re.sub(r"[^\d]", "", text)) >= 1


def split_row(line: Line) -> list[Piece]:
    """A line's cells, by the runs of space between them (each without the space around it)."""
    bounds, start = [], 0
    for gap in SEPARATOR.finditer(line.text):
        bounds.append((start, gap.start()))
        start = gap.end()
    bounds.append((start, len(line.text)))
    pieces = []
    for begin, end in bounds:
        cell = line.text[begin:end]
        if cell.strip():
            begin += len(cell) - len(cell.lstrip())
            pieces.append(line.piece(begin, begin + len(cell.strip())))
    return pieces


def find(units: list[Unit]) -> list[Found]:
    """The tables and lists among a page's units."""
    found: list[Found] = []
    index = 0
    while index < len(units):
        end = _run_end(units, index)
        if end - index >= MIN_ROWS:
            result = _table(units, index, end) or _rows(units, index, end) or _list(units, index, end)
            if result is not None:
                found.append(result)
                index = result.end
                continue
        index = max(end, index + 1)
    return found


def _single(unit: Unit) -> bool:
    return len(unit.lines) == 1 and unit.kind is Kind.TEXT


def _run_end(units: list[Unit], start: int) -> int:
    """Where the run of one-line cell-shaped units from ``start`` ends (set alike: the same
    number of blank lines between every two of them)."""
    end = start
    while end < len(units) and _single(units[end]) and all(is_cell(p.text) for p in split_row(units[end].first)):
        if end > start + 1 and units[end].gap != units[start + 1].gap:
            break
        end += 1
    return end


def _types(cells: list[Piece]) -> tuple[bool, ...]:
    return tuple(is_number(p.text) for p in cells)


def _header_over(rows: list[list[Piece]]) -> bool:
    """The first row is a header: rows under it alike, holding numbers where it holds fewer."""
    pattern = _types(rows[1])
    return any(pattern) and all(_types(row) == pattern for row in rows[2:]) \
        and sum(_types(rows[0])) < sum(pattern)


def _table(units: list[Unit], start: int, end: int) -> Found | None:
    """One cell a line: the column count that fits the most lines (a line or two of title
    above, a note below left out)."""
    best: tuple[int, int, int] | None = None  # (lines covered, -offset, -columns)
    for offset in range(0, 3):
        for columns in range(2, MAX_COLUMNS + 1):
            count = end - start - offset
            rows = count // columns
            if rows < MIN_ROWS:
                continue
            cells = [units[start + offset + i].first.piece() for i in range(rows * columns)]
            grid = [cells[r * columns:(r + 1) * columns] for r in range(rows)]
            if any(len(split_row(units[start + offset + i].first)) > 1 for i in range(rows * columns)):
                continue
            if _header_over(grid):
                key = (rows * columns, -offset, -columns)
                best = max(best, key) if best else key
    if best is None:
        return None
    covered, offset, columns = best[0], -best[1], -best[2]
    first = start + offset
    cells = [units[first + i].first.piece() for i in range(covered)]
    span = f"{units[first].number}–{units[first + covered - 1].number}"
    return Found(first, first + covered, cells, columns, Decision(
        units[first].number, "table", f"lines {span}: a table of {covered // columns} rows × {columns} columns "
                                      "(one cell a line; the columns repeat, the first row is a header)"))


def _rows(units: list[Unit], start: int, end: int) -> Found | None:
    """One row a line, cells apart by spaces: the longest run of lines with the same count."""
    best: tuple[int, int] | None = None
    index = start
    while index < end:
        count = len(split_row(units[index].first))
        stop = index
        while stop < end and len(split_row(units[stop].first)) == count:
            stop += 1
        if count >= 2 and stop - index >= MIN_ROWS and (best is None or stop - index > best[1] - best[0]):
            best = (index, stop)
        index = stop
    if best is None:
        return None
    first, stop = best
    grid = [split_row(u.first) for u in units[first:stop]]
    if not _header_over(grid):
        return None
    columns = len(grid[0])
    lines = f"{units[first].number}–{units[stop - 1].number}"
    return Found(first, stop, [p for row in grid for p in row], columns, Decision(
        units[first].number, "table", f"lines {lines}: a table of {len(grid)} rows × {columns} columns (cells "
                                      "apart by spaces, the same count on every line, the first row a header)"))


def _list(units: list[Unit], start: int, end: int) -> Found | None:
    """Cells without a table: a list when most lines hold a figure."""
    lines = units[start:end]
    if sum(any(is_number(p.text) for p in split_row(u.first)) for u in lines) * 2 < len(lines):
        return None
    numbers = f"{lines[0].number}–{lines[-1].number}"
    return Found(start, end, [u.first.piece() for u in lines], 0, Decision(
        lines[0].number, "list", f"lines {numbers}: {len(lines)} short lines with figures, no header or repeating "
                                 "columns: a list, one item a line (a table the evidence does not show?)", True))


def merge(units: list[Unit], overrides: dict[int, str] | None = None,
          decisions: list[Decision] | None = None) -> list[Unit]:
    """The page's units, each table or list found made one unit holding its cells.
    ``overrides`` (the metadata's ``structure:``, by the line a decision names) win:
    ``paragraphs`` leaves the lines to the parser, ``list`` makes a table a list of its
    lines; each use is a decision on ``decisions`` and its line is taken out of ``overrides``."""
    found = find(units)
    if not found:
        return units
    result: list[Unit] = []
    index = 0
    for item in found:
        result += units[index:item.start]
        run = units[item.start:item.end]
        index = item.end
        choice = take_override(overrides, decisions, item.decision.line, "table" if item.columns else "list",
                               ("paragraphs", "list"))
        if choice is not None:
            if choice == "paragraphs":
                result += run
                continue
            item.cells, item.columns = [u.first.piece() for u in run], 0
        result.append(Unit([ln for u in run for ln in u.lines], run[0].gap, run[-1].gap_after, tuple(item.cells),
                           item.columns, item.decision))
    return result + units[index:]
