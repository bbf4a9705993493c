"""The confusable-character audit: where the edition chose a character's rarer form.

One Simplified character stands for several Traditional ones (采 採/采, 征 徵/征,
制 製/制, 里 裡/裏/里, 系 係/繫/系, 岩 巖/岩, 签 簽/籤, 干 乾/幹/干, 发 發/髮,
后 後/后, 面 麵/面, 台 臺/台/檯/颱). Each has a usual form in news, the one the
edition prints in a common word (采用, 征收, 制度, 这里 …: so a region's own form
counts, 裡 in Taiwan, 裏 in Hong Kong); every place an article's Traditional page
prints another of the character's forms was decided by context (OpenCC's phrase
table, a layer rule, a name), and ``baozhai check`` lists it with its context, so
an editor can read each one. Only article pages are audited: the other pages quote
them.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable

# Each confusable character: a common word that shows its usual form, and its forms.
CONFUSABLE = {
    "采": ("采用", "採采寀"), "征": ("征收", "徵征"), "制": ("制度", "製制"), "里": ("这里", "裡裏里"),
    "系": ("系统", "係繫系"), "岩": ("岩石", "巖岩"), "签": ("签署", "簽籤"), "干": ("干部", "乾幹干榦"),
    "发": ("发展", "發髮"), "后": ("以后", "後后"), "面": ("方面", "麵面麪"), "台": ("台湾", "臺台檯颱"),
}
_CONTEXT = 8  # characters shown on each side
_TAGS = re.compile("<[^<>]*>|<[^<>]*$|^[^<>]*>")


@dataclass(frozen=True)
class Choice:
    line: int  # 1-based, in the page
    source: str  # the Simplified character
    chosen: str  # the form printed
    usual: str  # the edition's usual form of the character
    context: str  # the printed text around it

    def report(self, page: str) -> str:
        return f"    {page}:{self.line}: {self.source} → {self.chosen} (usually {self.usual}): 「{self.context}」"


def rarer_choices(source: str, converted: str, convert: Callable[[str], str]) -> list[Choice]:
    """Every place ``converted`` (``source`` in the edition) prints a confusable
    character other than the edition's usual form of it."""
    usual = {char: convert(word)[word.index(char)] for char, (word, _) in CONFUSABLE.items()}
    choices = []
    for number, (before, after) in enumerate(zip(source.split("\n"), converted.split("\n")), start=1):
        if not any(char in before for char in CONFUSABLE):
            continue
        for at, to in _aligned(before, after):
            char = before[at]
            if char in usual and after[to] != usual[char] and after[to] in CONFUSABLE[char][1]:
                context = _TAGS.sub("", after[max(0, to - _CONTEXT):to + _CONTEXT + 1])
                choices.append(Choice(number, char, after[to], usual[char], context))
    return choices


def _aligned(before: str, after: str):
    """(index in ``before``, index in ``after``) of characters standing for each other."""
    if len(before) == len(after):
        yield from ((i, i) for i in range(len(before)))
        return
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            yield from ((i1 + k, j1 + k) for k in range(i2 - i1))
