"""Reading layers: from a file's lines to the reading lines the parser sees.

Two layers, each recording every difference as a :class:`generator.model.Change`:

* **Leftover HTML.** A line that begins with a structural or formatting tag (``<p>``,
  ``<div>``, ``<strong>``, ``<br>``… none that could run: no ``<script>``) and holds
  no other tags is a scraper's HTML: it is parsed with :class:`html.parser.HTMLParser`
  (stdlib); its tags are taken out (recorded, kind ``tag``), its character references
  decoded (``&nbsp;`` → a space, kind ``entity``) and it is split at its blocks
  (``<p>``, ``<br>``, ``<div>``, ``<li>``…) into one reading line per block, with a
  blank reading line between them, so each block is a paragraph. Any other line is
  text and stays as it is (a ``<script>`` in prose is shown as the text it is).
* **Traditional script.** A page from Taiwan or Hong Kong (metadata ``region: tw`` or
  ``hk``, or, when none is given, by evidence: see :mod:`generator.ingest.script`) is
  converted to Simplified with OpenCC (``tw2sp``/``hk2s``) line by line, 「」『』
  becoming “”‘’; each converted run is a recorded change (kind ``script``).

A reading line keeps the file line's number when it is the only (or first) one made
from it; further ones are numbered after the file's last line (``SourcePage.where``
names the file line). A line changed by a layer keeps its file text (``raw``), shown
in the source view; the preservation check proves that the recorded changes turn
``raw`` into the reading text and nothing else (:func:`apply`).
"""
from __future__ import annotations

import difflib
import html
import itertools
from dataclasses import replace
from html.parser import HTMLParser

from generator.model import Change, Origin, SourceLine

BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote",
              "figure", "figcaption", "tr", "table", "ul", "ol", "hr", "center", "header", "footer"}
INLINE_TAGS = {"span", "strong", "b", "em", "i", "u", "font", "a", "img", "sup", "sub", "small", "big", "td", "th",
               "tbody", "thead", "mark", "s", "strike", "del", "ins", "cite", "abbr", "time", "picture", "source"}
KNOWN_TAGS = BLOCK_TAGS | INLINE_TAGS


class _Segments(HTMLParser):
    """The line cut into runs that tile it: (kind, start, tag) with kind ``tag``,
    ``text``, ``entity`` or ``foreign`` (a tag this layer does not take out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, int, str]] = []

    def _add(self, kind: str, tag: str = "") -> None:
        self.found.append((kind, self.getpos()[1], tag))

    def handle_starttag(self, tag, attrs):
        self._add("tag" if tag in KNOWN_TAGS else "foreign", tag)

    def handle_startendtag(self, tag, attrs):
        self._add("tag" if tag in KNOWN_TAGS else "foreign", tag)

    def handle_endtag(self, tag):
        self._add("tag" if tag in KNOWN_TAGS else "foreign", tag)

    def handle_data(self, data):
        self._add("text")

    def handle_entityref(self, name):
        self._add("entity")

    def handle_charref(self, name):
        self._add("entity")

    def handle_comment(self, data):
        self._add("foreign")

    def handle_decl(self, decl):
        self._add("foreign")

    def handle_pi(self, data):
        self._add("foreign")

    def unknown_decl(self, data):
        self._add("foreign")


def segments(text: str) -> list[tuple[str, str, str]] | None:
    """(kind, raw, tag) runs of a line of leftover HTML, or None if it is not one."""
    if not text.lstrip().startswith("<"):
        return None
    parser = _Segments()
    parser.feed(text)
    parser.close()
    found = parser.found
    if not found or found[0][0] != "tag" or any(kind == "foreign" for kind, _, _ in found):
        return None
    starts = [start for _, start, _ in found] + [len(text)]
    if starts[0] != len(text) - len(text.lstrip()):
        return None
    runs = [(kind, text[start:end], tag) for (kind, start, tag), end in zip(found, starts[1:])]
    lead = text[:starts[0]]
    return ([("text", lead, "")] if lead else []) + runs


def split_html(line: SourceLine, numbers) -> list[SourceLine] | None:
    """The reading lines of a line of leftover HTML (None: not HTML). ``numbers`` gives
    the numbers for reading lines after the first."""
    runs = segments(line.text)
    if runs is None:
        return None
    blocks: list[list[tuple[str, str, str]]] = [[]]
    for kind, raw, tag in runs:
        if kind == "tag" and tag in BLOCK_TAGS and not raw.startswith("</") and _has_text(blocks[-1]):
            blocks.append([])
        blocks[-1].append((kind, raw, tag))
    if len(blocks) > 1 and not _has_text(blocks[-1]):  # closing tags only: they end the block before
        blocks[-2] += blocks.pop()
    result: list[SourceLine] = []
    column = 0
    for index, block in enumerate(blocks):
        origin = _origin(line, column)
        if index:
            result.append(SourceLine(next(numbers), "", origin))  # a paragraph break
        number = line.number if index == 0 else next(numbers)
        raw = "".join(r for _, r, _ in block)
        result.append(SourceLine(number, "".join(_shown(k, r) for k, r, _ in block), origin, raw))
        column += len(raw)
    assert "".join(ln.raw or "" for ln in result) == line.text  # every character is in one reading line
    return result


def _origin(line: SourceLine, column: int) -> Origin:
    if line.origin is None:
        return Origin(line.number, column)
    return replace(line.origin, column=line.origin.column + column)


def _has_text(block: list[tuple[str, str, str]]) -> bool:
    return any(kind != "tag" and _shown(kind, raw).strip() for kind, raw, _ in block)


def _shown(kind: str, raw: str) -> str:
    if kind == "tag":
        return ""
    if kind == "entity":
        return html.unescape(raw).replace("\u00a0", " ")
    return raw


def html_changes(line: SourceLine) -> list[Change]:
    """The recorded changes of a reading line made from HTML (tags out, references decoded)."""
    if line.raw is None:
        return []
    runs = segments(line.raw) or []
    changes, column = [], 0
    for kind, raw, _ in runs:
        shown = _shown(kind, raw)
        if kind in ("tag", "entity"):
            changes.append(Change(line.number, column, raw, shown, kind))
        column += len(shown)
    return changes


def convert_line(line: SourceLine, convert) -> tuple[SourceLine, list[Change]]:
    """A reading line converted to Simplified with ``convert``; each changed run recorded."""
    converted = convert(line.text)
    if converted == line.text:
        return line, []
    changes = []
    matcher = difflib.SequenceMatcher(None, line.text, converted, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            changes.append(Change(line.number, b1, line.text[a1:a2], converted[b1:b2], "script"))
    return replace(line, text=converted, raw=line.raw if line.raw is not None else line.text), changes


def apply(raw: str, changes: list[Change]) -> str | None:
    """The reading text the recorded ``changes`` make of the file's ``raw`` text: HTML
    changes first, then the script's (each kind in reading order). None when a change's
    ``old`` is not the file's text at its place."""
    text: str | None = raw
    for kinds in (("tag", "entity"), ("script",)):
        if text is not None:
            text = _apply_kind(text, [c for c in changes if c.kind in kinds])
    return text


def _apply_kind(raw: str, changes: list[Change]) -> str | None:
    out, position, shift = [], 0, 0  # shift: raw offset minus reading offset so far
    for change in sorted(changes, key=lambda c: c.column):  # stable: same column keeps file order
        at = change.column + shift
        if at < position or raw[at:at + len(change.old)] != change.old:
            return None
        out += [raw[position:at], change.new]
        position = at + len(change.old)
        shift += len(change.old) - len(change.new)
    return "".join(out) + raw[position:]


def read_through(lines: tuple[SourceLine, ...], start: int, last: int, convert=None
                 ) -> tuple[tuple[SourceLine, ...], tuple[Change, ...]]:
    """The reading lines of a file's lines (from line ``start`` on; the lines before, front
    matter, as they are) and the changes made; ``last`` is the highest line number used."""
    numbers = itertools.count(last + 1)
    result: list[SourceLine] = []
    changes: list[Change] = []
    for line in lines:
        split = split_html(line, numbers) if line.number >= start else None
        for part in split or [line]:
            if split is not None:
                changes += html_changes(part)
            if convert is not None and part.number >= start and part.text:
                part, converted = convert_line(part, convert)
                changes += converted
            result.append(part)
    return tuple(result), tuple(changes)
