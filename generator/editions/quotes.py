"""Mainland quotation marks to the Taiwan/Hong Kong ones (「」 outside, 『』 inside)."""
from __future__ import annotations

import re

_CLOSERS = {"”": "“", "’": "‘"}
_CORNERS = ("「」", "『』")


def regional_quotes(text: str) -> str:
    """Mainland quotes to Taiwan/HK ones: outer 「」, nested 『』, alternating.

    Nesting is tracked per paragraph (line), whichever of “” or ‘’ is outside.
    A ’ that closes nothing is an apostrophe and stays; a ” that closes nothing
    still becomes 」. « » 《 》 and other marks are untouched.

    Most lines only alternate “ and ”: no ‘’, no “ opened inside another, no ”
    after a ” without a “ between. There the marks map one to one (one
    replacement over the whole page); only the other lines are walked.
    """
    if not _needs_stack(text):
        return _flat_quotes(text)
    return "\n".join(_nested_quotes(line) if _needs_stack(line) else _flat_quotes(line)
                     for line in text.split("\n"))


def _needs_stack(text: str) -> bool:
    """Single quotes, a “ inside an open “, or a ” that closes nothing."""
    return "‘" in text or "’" in text or bool(_OPEN_IN_OPEN.search(text) or _CLOSE_AFTER_CLOSE.search(text))


def _flat_quotes(text: str) -> str:
    return text.replace("“", _CORNERS[0][0]).replace("”", _CORNERS[0][1])


def _nested_quotes(text: str) -> str:
    """:func:`regional_quotes` mark by mark, with a stack of the open quotes."""
    open_quotes: list[str] = []
    end = 0  # where the previous quote mark ended

    def corner(found: re.Match) -> str:
        nonlocal end
        if open_quotes and text.find("\n", end, found.start()) >= 0:  # a new paragraph
            open_quotes.clear()
        end = found.end()
        char = found.group()
        opener = _CLOSERS.get(char, "")
        if char in _CLOSERS.values():
            open_quotes.append(char)
            return _CORNERS[(len(open_quotes) - 1) % 2][0]
        if opener in open_quotes:
            depth = len(open_quotes) - 1 - open_quotes[::-1].index(opener)
            del open_quotes[depth:]
            return _CORNERS[depth % 2][1]
        return _CORNERS[0][1] if char == "”" else char

    return _QUOTE.sub(corner, text)


_QUOTE = re.compile("[“”‘’]")
_OPEN_IN_OPEN = re.compile("“[^”\n]*“")
_CLOSE_AFTER_CLOSE = re.compile("”[^“\n]*”")
