"""A rendered page converted as the reader reads it: through its inline markup.

A glossary link stands in the middle of a phrase (全市<a …>开源</a>社区). Converting
the pieces between tags one by one would convert the phrase piece by piece; the
reader sees one text. So the page's text is converted as one stream with the tags
taken out: an inline tag (a, mark, span …) leaves only a break, any other tag
a line break (its text never joins the next cell or paragraph). The tags go back
where their break fell in the converted text; a rule whose output changes length
is not applied across a break (wordwise.py), so every break has its place.

Attribute values with Chinese text (a term's tooltip) are converted on their own.
Every character of markup Baozhai writes is ASCII outside attribute values (the
escaping in generator/site/escape.py makes text ``<``, ``>`` and ``"`` character
references), so a ``<`` always starts a tag.
"""
from __future__ import annotations

import re
from typing import Callable

INLINE = frozenset({"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span",
                    "strong", "sub", "sup", "u"})
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>")
_ATTRIBUTE = re.compile(r'"([^"]*[^\x00-\x7f][^"]*)"')
Pieces = list[tuple[int, int, str]]


def convert_page(page: str, stream: Callable[[str, tuple[int, ...]], Pieces],
                 attribute: Callable[[str], str]) -> str:
    """``page`` converted: its text by ``stream(text, breaks)``, attribute values by
    ``attribute(value)``, the markup as it was."""
    text, tags = _take_tags(page)
    if not tags:
        return "".join(out for _, _, out in stream(text, ()))
    breaks = tuple(position for position, _, _ in tags)
    pieces = stream(text, breaks)
    return _put_back(pieces, tags, attribute)


def _take_tags(page: str) -> tuple[str, list[tuple[int, str, bool]]]:
    """The page's text and its tags: (position in the text, tag, hard)."""
    parts: list[str] = []
    tags: list[tuple[int, str, bool]] = []
    length = at = 0
    for tag in _TAG.finditer(page):
        parts.append(page[at:tag.start()])
        length += tag.start() - at
        hard = tag.group(2).lower() not in INLINE
        tags.append((length, tag.group(), hard))
        if hard:  # a line break in the text: nothing joins across it
            parts.append("\n")
            length += 1
        at = tag.end()
    parts.append(page[at:])
    return "".join(parts), tags


def _put_back(pieces: Pieces, tags: list[tuple[int, str, bool]], attribute: Callable[[str], str]) -> str:
    """The converted pieces with each tag back at its break (a hard tag in place of
    the line break it put into the text)."""
    converted = "".join(out for _, _, out in pieces)
    result: list[str] = []
    at = 0
    for (position, tag, hard), where in zip(tags, _positions(pieces, [t[0] for t in tags])):
        result.append(converted[at:where])
        result.append(_tag(tag, attribute))
        at = where + 1 if hard else where
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


def _tag(tag: str, attribute: Callable[[str], str]) -> str:
    if tag.isascii():
        return tag
    return _ATTRIBUTE.sub(lambda m: f'"{attribute(m.group(1))}"', tag)
