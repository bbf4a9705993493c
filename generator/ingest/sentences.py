"""Where a Chinese sentence ends: used for ledes (render) and continued texts (link).

A sentence ends at 。！？ outside quotation marks, or with its text when that
ends with 。！？ or … (closing quotation marks after it included: ……。” ends
one as well as ……。 does).
"""
from __future__ import annotations

_ENDS = "。！？"
_CLOSERS = "”’」』"


def ends_sentence(text: str) -> bool:
    """Whether ``text`` (a paragraph) ends a sentence."""
    return text.rstrip().rstrip(_CLOSERS).endswith((*_ENDS, "…"))


def sentence_end(text: str, start: int = 0, shortest: int = 1) -> int | None:
    """Index just after the first sentence of ``text`` from ``start`` that is at least
    ``shortest`` characters long; None when no sentence ends."""
    depth = 0
    for position in range(start, len(text)):
        char = text[position]
        if char == "“":
            depth += 1
        elif char == "”":
            depth = max(0, depth - 1)
        elif char in _ENDS and depth == 0 and position + 1 - start >= shortest:
            return position + 1
    return len(text) if ends_sentence(text) and len(text) - start >= shortest else None
