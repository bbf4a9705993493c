"""Key numbers: quantities with units that an article states, each with its sentence."""
from __future__ import annotations

import re

from generator.model import KeyNumber

_UNITS = ("万亿元|亿元|万元|元|亿美元|美元|万平方米|平方米|平方公里|公里|海里|毫米|厘米|米|吨|"
          "万家|家|万人|人|名|项|款|所|个月|个|份|次|倍|P|%|天|年期|年")
QUANTITY = re.compile(
    rf"(?<![\d.A-Za-z第])(?:\d+(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+)(?:多|余)?(?:万亿|万|亿)?(?:多|余)?(?:{_UNITS})"
    r"(?![A-Za-z])")
_SENTENCE = re.compile(r"[^。！？]*[。！？]?")


def key_numbers(paragraphs: list[tuple[str, str]]) -> list[KeyNumber]:
    """Numbers with units in (anchor, text) paragraphs, in order, first mention of each."""
    seen: set[str] = set()
    found = []
    for anchor, text in paragraphs:
        for sentence in _SENTENCE.findall(text):
            for match in QUANTITY.finditer(sentence):
                value = match.group()
                if value not in seen and not _is_date(sentence, match):
                    seen.add(value)
                    found.append(KeyNumber(value, sentence.strip(), anchor))
    return found


def _is_date(sentence: str, match: re.Match) -> bool:
    """年 after four digits is a year, not a duration (2025年 vs 3年)."""
    return bool(re.fullmatch(r"\d{4}年", match.group()))
