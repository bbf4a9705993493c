"""Stable, readable URL slugs: the toneless pinyin of the headline.

Computed from the Simplified text only, so both editions share them; a
collision gets -2, -3… in reading order, so the same content always gives the
same slugs.
"""
from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

MAX_LENGTH = 60
_TOKEN = re.compile(r"[a-z0-9]+")


def slugify(text: str, fallback: str = "article") -> str:
    """``2026世界人工智能大会`` → ``2026-shi-jie-ren-gong-zhi-neng-da-hui``."""
    tokens: list[str] = []
    for chunk in lazy_pinyin(text, style=Style.NORMAL, v_to_u=False):
        tokens += _TOKEN.findall(chunk.lower())
    slug = ""
    for token in tokens:
        candidate = f"{slug}-{token}" if slug else token
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    return slug or fallback


def unique(slugs: list[str]) -> list[str]:
    """Make slugs distinct, deterministically, keeping the first unchanged."""
    seen: set[str] = set()
    result = []
    for slug in slugs:
        candidate, n = slug, 1
        while candidate in seen:
            n += 1
            candidate = f"{slug}-{n}"
        seen.add(candidate)
        result.append(candidate)
    return result
