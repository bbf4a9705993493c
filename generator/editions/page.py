"""A rendered page converted as the reader reads it: through its inline markup.

A glossary link stands in the middle of a phrase (全市<a …>开源</a>社区). Converting
the pieces between tags one by one would convert the phrase piece by piece; the
reader sees one text. So the inline tags (a, mark, span …) that stand between two
Han characters are taken out of the page and the page is converted as one text,
with a break where each group of them stood; they go back at their break in the
converted text. A rule whose output changes length is not applied across a break
(wordwise.py), so every break has its place. Every other tag stays in the text:
its ASCII characters end any word and OpenCC leaves them alone (Baozhai's own
markup is ASCII outside attribute values, and escape.py makes a text's ``<``,
``>`` and ``"`` character references, so a ``<`` always starts a tag). Attribute
values with Chinese text (a term's tooltip, repeated at each of its uses) are
converted on their own, once each: a token stands in for them meanwhile.
"""
from __future__ import annotations

import re
import zlib
from typing import Callable

from generator.editions.words import HAN

INLINE = ("a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub",
          "sup", "u")
# One or more inline tags with a Han character on each side.
_GLUED = re.compile(f"(?<=[{HAN}])(?:</?(?:{'|'.join(INLINE)})(?:\\s[^<>]*)?>)+(?=[{HAN}])")
_ATTRIBUTE = re.compile(r'"([^"]*[^\x00-\x7f][^"]*)"')
_TAG_WITH_TEXT = re.compile(r"<[^<>]*[^\x00-\x7f][^<>]*>")
_TOKEN = re.compile("\x02([0-9]+)\x03")
Pieces = list[tuple[int, int, str]]


def convert_page(page: str, stream: Callable[[str, tuple[int, ...]], Pieces],
                 attribute: Callable[[str], str]) -> str:
    """``page`` converted: its text by ``stream(text, breaks)``, attribute values with
    Chinese text by ``attribute(value)``, the markup as it was."""
    text, tags, values = _prepared(page)
    if not tags:
        converted = "".join(out for _, _, out in stream(text, ()))
    else:
        converted = _put_back(stream(text, tuple(position for position, _ in tags)), tags)
    return _TOKEN.sub(lambda m: attribute(values[int(m.group(1))]), converted) if values else converted


def lines(page: str) -> list[str]:
    """``page`` cut at its line breaks, but where a tag is open across one (the last
    angle bracket before the break is a ``<``): ``"\\n".join(lines(page)) == page``.
    No tag, and so no glued group and no attribute value, crosses from one to the next."""
    result: list[str] = []
    held: list[str] = []  # lines of a tag still open
    for line in page.split("\n"):
        held.append(line)
        opened, closed = line.rfind("<"), line.rfind(">")
        if opened > closed or (opened == closed == -1 and len(held) > 1):
            continue
        result.append("\n".join(held))
        held = []
    if held:
        result.append("\n".join(held))
    return result


CHUNK = 4  # lines a chunk holds on average (see chunks)


def chunks(page: str) -> list[str]:
    """``page`` cut into chunks of :func:`lines`, each ending with a line whose CRC-32 is
    a multiple of :data:`CHUNK` (or the page's end): ``"\\n".join(chunks(page)) == page``.
    Where a chunk ends depends on its own lines only, so a line added to a page changes
    the chunk it joins and no other; a chunk is converted in one call (a call a line
    cost twice the conversion of a whole page on a full build)."""
    result: list[str] = []
    held: list[str] = []
    for line in lines(page):
        held.append(line)
        if zlib.crc32(line.encode("utf-8")) % CHUNK == 0:
            result.append("\n".join(held))
            held = []
    if held:
        result.append("\n".join(held))
    return result


def read_text(page: str) -> str:
    """The text of ``page`` the reader reads, as :func:`convert_page` gives it to its stream."""
    return _prepared(page)[0]


def without_glued(page: str) -> str:
    """``page`` without the inline tags that stand between two Han characters: any run
    of Han text of :func:`read_text` is in it too."""
    return _GLUED.sub("", page)


def _prepared(page: str) -> tuple[str, list[tuple[int, str]], list[str]]:
    """The page's text to convert (attribute values with Chinese text set aside as
    tokens, glued inline tags taken out), where the glued tags stood (a position in
    that text, the tags there) and the attribute values set aside."""
    if "\x02" in page or "\x03" in page:
        raise ValueError("page holds U+0002 or U+0003, which the conversion uses itself")
    values: list[str] = []

    def token(value: re.Match) -> str:
        values.append(value.group(1))
        return f'"\x02{len(values) - 1}\x03"'

    page = _TAG_WITH_TEXT.sub(lambda tag: _ATTRIBUTE.sub(token, tag.group()), page)
    parts: list[str] = []
    tags: list[tuple[int, str]] = []  # (position in the text, the tags there)
    at = length = 0
    for glued in _GLUED.finditer(page):
        parts.append(page[at:glued.start()])
        length += glued.start() - at
        tags.append((length, glued.group()))
        at = glued.end()
    if not tags:
        return page, tags, values
    parts.append(page[at:])
    return "".join(parts), tags, values


def _put_back(pieces: Pieces, tags: list[tuple[int, str]]) -> str:
    """The converted text with the glued tags back at their breaks."""
    converted = "".join(out for _, _, out in pieces)
    result: list[str] = []
    at = 0
    for (_, group), where in zip(tags, _positions(pieces, [position for position, _ in tags])):
        result.append(converted[at:where])
        result.append(group)
        at = where
    result.append(converted[at:])
    return "".join(result)


def _positions(pieces: Pieces, breaks: list[int]) -> list[int]:
    """Where each break (a position in the text, ascending) falls in the output.

    Inside a piece that kept its length, at the same offset; inside one that did
    not (a rule never crosses a break, so only at its edges), before or after it.
    """
    result: list[int] = []
    index, produced = 0, 0  # the piece looked at, output before it
    for position in breaks:
        while index < len(pieces) and pieces[index][1] <= position:
            produced += len(pieces[index][2])
            index += 1
        if index == len(pieces):
            result.append(produced)
            continue
        start, end, out = pieces[index]
        if position <= start:
            result.append(produced)
        elif len(out) == end - start:
            result.append(produced + position - start)
        else:
            result.append(produced + len(out))
    return result
