"""The structured reader: scraper records (JSON, JSONL) → a page of one article each.

Accepted shapes: ``{"date": …, "articles": [record, …]}`` (other top-level fields are
kept as furniture of the page; ``records``/``items``/``data`` also name the list), a
bare list of records, or one record per line (``.jsonl``). A record is an object with
``title`` and ``content`` (a list of paragraphs, or one string); optional
``publish_time``, ``source``, ``reporter``, ``editor``, ``url`` and anything else.

Reading lines: each field value (each paragraph of ``content``) is one reading line
per line of its text, with its :class:`generator.model.Origin` (file line, record,
field). In a file with one value per line (``json.dump(…, indent=…)``) a reading
line has its file line's number; where several values share a file line (JSONL),
the first keeps it and the others are numbered after the file's last line. Reports
name the file line (``SourcePage.where``).

Every character of every field ends up shown (headline, paragraphs, bylines), in
metadata (outlet, date, time, editor, url) or in recorded furniture shown in the
page's source view: nothing is dropped.
"""
from __future__ import annotations

import json
from pathlib import Path

from generator.errors import SourceError
from generator.model import Origin, PageMeta, SourceLine, SourcePage

SUFFIXES = (".json", ".jsonl")
LISTS = ("articles", "records", "items", "data")
ALIASES = {"publish_time": ("publish_time", "pub_time", "pubdate", "pub_date", "published", "date", "time"),
           "source": ("source", "outlet", "media", "publication"),
           "reporter": ("reporter", "author", "authors"),
           "content": ("content", "paragraphs", "body", "text")}


def read_records(path: Path, text: str, meta: PageMeta) -> SourcePage:
    """The reading lines of a record file (already decoded text)."""
    records, top = _records(path, text)
    builder = _Lines(text, path)
    for name, value in top.items():
        builder.add(value, 0, name)
    for number, (record, line) in enumerate(records, 1):
        line = line or (builder.next_object_line() if isinstance(record, dict) else builder.locate(record))
        if not isinstance(record, dict):
            raise SourceError(f"record {number} is not an object (got {type(record).__name__})", path, line)
        builder.start(line)
        for name in ("title", "content"):
            if not _present(record, name):
                raise SourceError(f"record {number} has no {name}", path, line)
        for name, value in record.items():
            builder.add(value, number, name)
    if not records:
        raise SourceError("no records in the file", path, 1)
    return SourcePage(path=path, key=path.stem, lines=builder.lines(), meta=meta, kind="records")


def field_name(name: str) -> str:
    """The canonical name of a record field (``author`` → ``reporter``)."""
    base = name.split("[", 1)[0]
    for canonical, names in ALIASES.items():
        if base in names:
            return canonical
    return base


def _present(record: dict, name: str) -> bool:
    names = ALIASES.get(name, (name,))
    return any(record.get(n) not in (None, "", []) for n in names)


def _records(path: Path, text: str) -> tuple[list[tuple[object, int]], dict]:
    """(record, its file line) in order, and the top-level fields besides the list."""
    if path.suffix == ".jsonl":
        found = []
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                found.append((_load(line, path, number), number))
        return found, {}
    data = _load(text, path, 1)
    if isinstance(data, dict):
        key = next((k for k in LISTS if isinstance(data.get(k), list)), None)
        if key is None:
            if "title" in data:  # a single record
                return [(data, 1)], {}
            raise SourceError(f"no list of records: expected one of {', '.join(LISTS)} or a list", path, 1)
        top = {k: v for k, v in data.items() if k != key}
        data = data[key]
    elif isinstance(data, list):
        top = {}
    else:
        raise SourceError("a record file holds an object or a list of records", path, 1)
    return [(record, 0) for record in data], top  # 0: the line is found while reading (_Lines)


def _load(text: str, path: Path, line: int) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(f"not valid JSON: {err.msg} (column {err.colno})", path, line + err.lineno - 1) from None
    except RecursionError:
        raise SourceError("not valid JSON: nested too deeply", path, line) from None


class _Lines:
    """Reading lines in order, each at the file line its value is written on."""

    def __init__(self, text: str, path: Path):
        self.path = path
        self.text = text
        self.cursor = 0
        self.last = text.count("\n") + 1  # the file's last line
        self.extra = self.last
        self.used: set[int] = set()
        self.found: list[SourceLine] = []
        self.record_line = 0

    def start(self, line: int) -> None:
        self.record_line = line

    def next_object_line(self) -> int:
        """The line of the next record's opening brace (from the previous value on)."""
        found = self.text.find("{", self.cursor)
        return self.text.count("\n", 0, found) + 1 if found >= 0 else 1

    def add(self, value: object, record: int, name: str) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                self.add(item, record, f"{name}[{index}]")
            return
        if value is None or value == "":
            return
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        line = self.locate(value)
        for part, piece in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            self._append(piece, Origin(line, 0, record, name + (f"#{part + 1}" if part else "")))

    def locate(self, value: object) -> int:
        """The file line the value is written on (searched from the previous value on)."""
        for encoded in (json.dumps(value, ensure_ascii=False), json.dumps(value)):
            found = self.text.find(encoded, self.cursor)
            if found >= 0:
                self.cursor = found + len(encoded)
                return self.text.count("\n", 0, found) + 1
        return self.record_line or 1

    def _append(self, text: str, origin: Origin) -> None:
        if origin.line in self.used or origin.line < 1:
            self.extra += 1
            number = self.extra
        else:
            number = origin.line
        self.used.add(number)
        self.found.append(SourceLine(number, text, origin))

    def lines(self) -> tuple[SourceLine, ...]:
        return tuple(self.found)
