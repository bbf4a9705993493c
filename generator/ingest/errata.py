"""Editorial errata: load ``content/errata.yml`` and locate each entry in its source.

An erratum never edits the source. A text erratum marks a span of a line (its
``original`` must still be there, or the build stops); the reader sees the
original text marked and the editor's note beside it. A move erratum puts a
scrambled line back where it belongs, and says so to the reader.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import ContentError
from generator.ingest.read import CONTROL
from generator.ingest.yamlfile import entries, mapping
from generator.model import Erratum, Located, SourcePage

FILE = "errata.yml"
_TEXT_KEYS = {"source", "line", "original", "correction", "reason"}
_MOVE_KEYS = {"source", "line", "move_after", "reason"}


def load_errata(content: Path) -> list[tuple[Erratum, int]]:
    """All errata with the errata.yml line each was written on."""
    path = content / FILE
    if not path.exists():
        return []
    nodes = entries(path, "errata")
    return [(_entry(node, path), node.start_mark.line + 1) for node in nodes]


def _entry(node: yaml.Node, path: Path) -> Erratum:
    line = node.start_mark.line + 1
    data = mapping(node, path, "an erratum")
    keys = _MOVE_KEYS if "move_after" in data else _TEXT_KEYS
    missing = keys - set(data) - {"correction"}
    unknown = set(data) - keys
    if missing or unknown:
        problem = f"missing {', '.join(sorted(missing))}" if missing else f"unknown {', '.join(sorted(unknown))}"
        raise ContentError(f"erratum field(s) {problem}", path, line)
    for key in ("source", "reason") + (("original",) if "original" in keys else ()):
        if not isinstance(data[key], str) or not data[key].strip():
            raise ContentError(f"erratum field {key} must be non-empty text", path, line)
    if not isinstance(data["line"], int) or ("move_after" in data and not isinstance(data["move_after"], int)):
        raise ContentError("erratum line numbers must be integers", path, line)
    if any(isinstance(t, str) and CONTROL.search(t) for t in data.values()):
        raise ContentError("erratum text holds a control character", path, line)
    if "move_after" in data:
        return Erratum(data["source"], data["line"], "", None, data["reason"], "move", data["move_after"])
    correction = data.get("correction")
    if correction is not None and not isinstance(correction, str):
        raise ContentError("erratum correction must be text or null", path, line)
    return Erratum(data["source"], data["line"], data["original"], correction, data["reason"])


def for_page(errata: list[tuple[Erratum, int]], page: SourcePage, errata_file: Path) -> list[Located]:
    """Locate this page's errata; an entry that no longer matches is an error."""
    lines = {ln.number: ln.text for ln in page.lines}
    located = []
    for erratum, yaml_line in errata:
        if erratum.source != page.name:
            continue
        if erratum.line not in lines or (erratum.after is not None and erratum.after not in lines):
            raise ContentError(f"{page.name} has no line {erratum.line}", errata_file, yaml_line)
        if erratum.kind == "move":
            assert erratum.after is not None  # a move always names the line it goes after (_entry)
            if erratum.after == erratum.line or min(erratum.line, erratum.after) < page.body_start:
                raise ContentError(f"cannot move {page.name}:{erratum.line} after line {erratum.after}",
                                   errata_file, yaml_line)
            located.append(Located(erratum, 0, len(lines[erratum.line])))
            continue
        column = lines[erratum.line].find(erratum.original)
        if column < 0:
            raise ContentError(f"original text “{erratum.original}” is no longer on "
                               f"{page.name}:{erratum.line}", errata_file, yaml_line)
        located.append(Located(erratum, column, column + len(erratum.original)))
    return located


def check_sources(errata: list[tuple[Erratum, int]], names: set[str], errata_file: Path) -> None:
    """Every erratum must name a page of this digest."""
    for erratum, yaml_line in errata:
        if erratum.source not in names:
            raise ContentError(f"erratum names unknown source {erratum.source!r}", errata_file, yaml_line)


def line_order(page: SourcePage, located: list[Located]) -> list[int] | None:
    """Reading order of the page's lines after move errata, or None if none."""
    moves = [loc.erratum for loc in located if loc.erratum.kind == "move"]
    if not moves:
        return None
    order = [ln.number for ln in page.lines if ln.number >= page.body_start]
    for move in moves:
        assert move.after is not None  # a move always names the line it goes after (_entry)
        order.remove(move.line)
        order.insert(order.index(move.after) + 1, move.line)
    return order
