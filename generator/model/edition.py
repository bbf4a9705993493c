"""The editions a site can have: the sources' own Simplified script first, then a
Traditional edition converted with OpenCC (declared once; the baozhai plugin's
``editions`` option picks from these codes)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    """One edition of the site: its language code, folder and OpenCC config."""

    code: str  # "zh-Hans" | "zh-Hant"
    label: str  # shown in the language selector
    folder: str  # "" for the site root
    variant: str | None  # OpenCC config, None for the source script


# OpenCC configs a Traditional edition can be converted with (the first is the default), and
# the stock config that takes each back to Simplified: its inverse, phrases included (tw2sp
# undoes s2twp's Taiwan vocabulary, 人工智慧 → 人工智能; tw2s would leave it)
VARIANTS = ("s2twp", "s2tw", "s2hk", "s2t")
DEFAULT_VARIANT = VARIANTS[0]
TO_SIMPLIFIED = {"s2twp": "tw2sp", "s2tw": "tw2s", "s2hk": "hk2s", "s2t": "t2s"}
# Material's UI language of each variant's edition (html lang, search, labels)
LANGUAGES = {"s2twp": "zh-TW", "s2tw": "zh-TW", "s2hk": "zh-HK", "s2t": "zh-Hant"}

SOURCE = "zh-Hans"  # the sources' script: always the first edition, at the site root
# code → (label in the language selector, folder): every edition a site can have, in order
EDITIONS = {SOURCE: ("简体中文", ""), "zh-Hant": ("繁體中文", "zh-Hant")}


def editions(codes: tuple[str, ...], traditional: str) -> list[Edition]:
    """The editions named by ``codes``; the Traditional one converted with ``traditional``."""
    return [Edition(code, *EDITIONS[code], None if code == SOURCE else traditional) for code in codes]
