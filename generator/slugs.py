"""Stable, readable URL slugs: the toneless pinyin of the headline.

Computed from the Simplified text only, so both editions share them; a
collision gets -2, -3… in reading order, so the same content always gives the
same slugs. A slug is ASCII ``[a-z0-9-]``, at most ``MAX_LENGTH`` characters
(a collision suffix may add a few), never a name Windows reserves (``con``,
``nul``, ``com1``…: the offline bundle is unzipped there too) nor ``index``
(each folder's own page).
"""
from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

ARTICLES = "articles"  # the folder of article pages: ARTICLES/<slug> (pages, links, search ranking)
MAX_LENGTH = 60
_TOKEN = re.compile(r"[a-z0-9]+")
RESERVED = frozenset({"con", "prn", "aux", "nul", "index"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)})


def slugify(text: str, fallback: str = "article") -> str:
    """``2026世界人工智能大会`` → ``2026-shi-jie-ren-gong-zhi-neng-da-hui``."""
    tokens: list[str] = []
    for chunk in lazy_pinyin(text, style=Style.NORMAL, v_to_u=False):
        tokens += _TOKEN.findall(chunk.lower())
    return from_tokens(tokens, fallback)


def from_tokens(tokens: list[str], fallback: str) -> str:
    """Join ``[a-z0-9]`` tokens with ``-`` up to ``MAX_LENGTH`` (a first token longer
    than that is cut); a reserved name gets ``-1``."""
    slug = ""
    for token in tokens:
        token = token[:MAX_LENGTH]
        candidate = f"{slug}-{token}" if slug else token
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    slug = slug or fallback
    return f"{slug}-1" if slug in RESERVED else slug


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
