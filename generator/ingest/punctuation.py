"""Half-width punctuation in Chinese running text → full-width (GB/T 15834-2011).

A mark is changed only where Chinese text surrounds it; numbers (``1,000``,
``10:30``), Latin words and URLs keep theirs. Parentheses are decided as a
pair: full-width when they enclose Chinese or stand next to it. Every change
is one character for one character, so source columns stay valid.
"""
from __future__ import annotations

import re

from generator.ingest.classify import HAN

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = re.compile(rf"[{HAN}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014]")
_HAN = re.compile(rf"[{HAN}]")
_SENTENCE_MARK = re.compile(r"[,;:?!]")
_PAREN = re.compile(r"[()]")
_MARK = re.compile("[" + re.escape("".join(FULL)) + "]")  # either kind: a line without one is left as it is
# URLs and e-mail addresses are ASCII; a trailing , . ; : ? ! ) is the sentence's, not theirs.
_PROTECTED = re.compile(r"(?:(?:https?|ftp)://|www\.)[!-~]*[A-Za-z0-9/#=&%+_~-]"
                        r"|[A-Za-z0-9.+_-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def normalise(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Return the normalised line and its changes as (column, old, new)."""
    if not _MARK.search(text):  # most lines: nothing to look at
        return text, []
    protected = _protected_columns(text)
    chars = list(text)
    changes: list[tuple[int, str, str]] = []
    for column in _marks_to_change(text, protected):
        old = text[column]
        chars[column] = FULL[old]
        changes.append((column, old, FULL[old]))
    return "".join(chars), sorted(changes)


def _protected_columns(text: str) -> set[int]:
    return {i for m in _PROTECTED.finditer(text) for i in range(m.start(), m.end())}


def _marks_to_change(text: str, protected: set[int]) -> list[int]:
    columns = []
    for found in _SENTENCE_MARK.finditer(text):
        column, char = found.start(), found.group()
        if column in protected:
            continue
        before, after = _neighbour(text, column, -1), _neighbour(text, column, 1)
        if char in ",:" and before.isdigit() and after.isdigit():
            continue  # 1,000 and 10:30
        if _is_cjk(before) or _is_cjk(after):
            columns.append(column)
    columns.extend(_paren_columns(text, protected))
    return columns


def _paren_columns(text: str, protected: set[int]) -> list[int]:
    columns, stack = [], []
    for found in _PAREN.finditer(text):
        column, char = found.start(), found.group()
        if column in protected:
            continue
        if char == "(":
            stack.append(column)
        elif char == ")":
            if stack:
                opening = stack.pop()
                if _pair_is_chinese(text, opening, column):
                    columns += [opening, column]
            elif _is_cjk(_neighbour(text, column, -1)):
                columns.append(column)
    columns += [o for o in stack if _is_cjk(_neighbour(text, o, 1)) or _is_cjk(_neighbour(text, o, -1))]
    return columns


def _pair_is_chinese(text: str, opening: int, closing: int) -> bool:
    inside = text[opening + 1:closing]
    if _HAN.search(inside):
        return True
    if opening > 0 and (text[opening - 1].isascii() and (text[opening - 1].isalnum() or text[opening - 1] == "_")):
        return False  # print(), f(x), LIBS(TSMM-LIBS): code or a Latin term's own brackets
    return _is_cjk(_neighbour(text, opening, -1)) or _is_cjk(_neighbour(text, closing, 1))


def _neighbour(text: str, column: int, step: int) -> str:
    index = column + step
    while 0 <= index < len(text) and text[index] in " \t":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _is_cjk(char: str) -> bool:
    return bool(char) and bool(_CJK.match(char))
