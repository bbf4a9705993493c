"""The check that no Simplified character is left in an edition's pages."""
from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from generator.model.edition import TO_SIMPLIFIED

if TYPE_CHECKING:
    from generator.editions.convert import Converter

# Stock configs that take an edition back: to OpenCC standard, and to Simplified.
TO_STANDARD = {"s2twp": "tw2t", "s2tw": "tw2t", "s2hk": "hk2t"}


def leftover_simplified(text: str, converter: "Converter") -> list[str]:
    """Runs of ``text``, converted by ``converter``, that are still Simplified.

    A character is reported when both references agree:
    1. plain OpenCC s2t would still change it, after the edition's regional
       forms are mapped back to OpenCC standard (tw2t / hk2t), so 裡 著 峰 台
       温 are not taken for Simplified;
    2. the converter does not reproduce it from the text taken back to
       Simplified (TO_SIMPLIFIED: tw2sp / tw2s / hk2s / t2s), so forms the edition chose on purpose
       (陳杰 from STPhrases, Taiwan 布局, editor phrases) are not reported.
    Returns distinct runs in order of first appearance.
    """
    variant = converter.variant
    back = TO_STANDARD.get(variant)
    standard = str(converter.stock(back).convert(text)) if back else text
    if len(standard) != len(text):
        standard = text
    suspicious = _changed(standard, str(converter.stock("s2t").convert(standard)))
    if not suspicious:
        return []
    simplified = str(converter.stock(TO_SIMPLIFIED[variant]).convert(text))
    unexplained = _changed(text, converter.convert(simplified))
    return _runs(text, suspicious & unexplained)


def _changed(before: str, after: str) -> set[int]:
    """Indices of ``before`` that differ in ``after``.

    OpenCC keeps line breaks and almost always lengths, so lines are compared
    position by position; only a line whose length changed needs a diff.
    """
    if len(before) == len(after):
        return {i for i, (a, b) in enumerate(zip(before, after)) if a != b}
    before_lines, after_lines = before.split("\n"), after.split("\n")
    if len(before_lines) != len(after_lines):
        return _diff(before, after, 0)
    indices: set[int] = set()
    offset = 0
    for old, new in zip(before_lines, after_lines):
        if old != new:
            indices |= (_diff(old, new, offset) if len(old) != len(new)
                        else {offset + i for i, (a, b) in enumerate(zip(old, new)) if a != b})
        offset += len(old) + 1
    return indices


def _diff(before: str, after: str, offset: int) -> set[int]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    indices: set[int] = set()
    for tag, start, end, _, _ in matcher.get_opcodes():
        if tag != "equal":
            indices.update(range(offset + start, offset + end))
    return indices


def _runs(text: str, indices: set[int]) -> list[str]:
    """Consecutive ``indices`` of ``text`` as distinct strings, in text order."""
    groups: list[list[int]] = []
    for index in sorted(indices):
        if groups and groups[-1][-1] == index - 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    return list(dict.fromkeys("".join(text[i] for i in group) for group in groups))
