"""Simplified -> Traditional edition text through OpenCC, with Baozhai's phrases.

Each variant has a config in ``generator/opencc/<variant>.json``: OpenCC's
stock chain for that variant with two text dictionaries added. A Converter
writes them, with the resolved config, into a temporary directory, loads
OpenCC from there and deletes the directory (OpenCC keeps what it loaded):

``baozhai_phrases.txt``
    Simplified -> Traditional, our curated layers plus the editor's file. It
    joins STPhrases (``"match_policy": "union"``: longest match, ties to the
    first dictionary, i.e. ours) in the segmentation and in the first stage.
``baozhai_guard.txt``
    Each regional or editor value mapped to itself. It joins the first
    dictionary of every later (regional) stage, so TWPhrases and the variant
    tables cannot rewrite those values (the TWPhrases deny list works so).

Curated layers: ``news_common.txt`` (all editions, OpenCC standard forms, the
regional stage still applies), ``news_tw.txt`` and ``news_twp.txt`` (final
Taiwan forms, guarded). Reasons are in ``notes/opencc-audit.md``.
"""

from __future__ import annotations

import difflib
import json
import tempfile
from pathlib import Path
from typing import Any

import opencc

VARIANTS = ("s2twp", "s2tw", "s2hk", "s2t")
DEFAULT_VARIANT = "s2twp"
CONFIG_DIR = Path(__file__).with_name("opencc")
COMMON_LAYER = "news_common.txt"
FINAL_LAYERS: dict[str, tuple[str, ...]] = {
    "s2twp": ("news_tw.txt", "news_twp.txt"),
    "s2tw": ("news_tw.txt",),
    "s2hk": (),
    "s2t": (),
}
# Stock configs that take an edition back (for leftover_simplified).
_TO_STANDARD = {"s2twp": "tw2t", "s2tw": "tw2t", "s2hk": "hk2t"}
_TO_SIMPLIFIED = {"s2twp": "tw2s", "s2tw": "tw2s", "s2hk": "hk2s", "s2t": "t2s"}
_PHRASES_FILE = "baozhai_phrases.txt"
_GUARD_FILE = "baozhai_guard.txt"
_QUOTE_PAIRS = {"“": "”", "‘": "’"}
_CORNERS = ("「」", "『』")


def check_variant(variant: str) -> str:
    """Return ``variant`` if it is one of VARIANTS, else raise ValueError."""
    if variant not in VARIANTS:
        allowed = ", ".join(VARIANTS)
        raise ValueError(f"unknown OpenCC variant {variant!r}; allowed: {allowed}")
    return variant


def edition_language(variant: str) -> str:
    """BCP 47 language code of a variant's edition."""
    check_variant(variant)
    return "zh-Hant"


def read_phrases(path: Path) -> dict[str, str]:
    """Read a ``简体<TAB>繁體`` file; '#' comments and blank lines are skipped.

    Raises ValueError ``file:line: message`` on a malformed or duplicate line.
    """
    phrases: dict[str, str] = {}
    lines: dict[str, int] = {}
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        key, value = _parse_phrase(line, where)
        if key in phrases:
            raise ValueError(f"{where}: duplicate phrase {key!r} (first on line {lines[key]})")
        phrases[key], lines[key] = value, number
    return phrases


def _parse_phrase(line: str, where: str) -> tuple[str, str]:
    fields = [field.strip() for field in line.split("\t")]
    if len(fields) != 2:
        raise ValueError(
            f"{where}: expected 2 tab-separated columns (简体<TAB>繁體), got {len(fields)}"
        )
    key, value = fields
    if not key or not value:
        raise ValueError(f"{where}: empty column")
    if any(char.isspace() for char in key + value):
        raise ValueError(f"{where}: whitespace inside a phrase")
    return key, value


def curated_phrases(variant: str) -> tuple[dict[str, str], dict[str, str]]:
    """Baozhai's curated (common, final) phrase tables for a variant."""
    common = read_phrases(CONFIG_DIR / COMMON_LAYER)
    final: dict[str, str] = {}
    for name in FINAL_LAYERS[check_variant(variant)]:
        final.update(read_phrases(CONFIG_DIR / name))
    return common, final


class Converter:
    """OpenCC for one edition variant, with Baozhai's and the editor's phrases.

    Build one per site build; ``convert`` is then cheap and has no side effects.
    """

    def __init__(self, variant: str = DEFAULT_VARIANT, phrases: Path | None = None) -> None:
        self.variant = check_variant(variant)
        self.language = edition_language(variant)
        common, final = curated_phrases(variant)
        if phrases is not None:
            final.update(read_phrases(phrases))
        self._opencc = _load_opencc(variant, {**common, **final}, final)

    @property
    def regional(self) -> bool:
        """True for Taiwan and Hong Kong editions (corner-bracket quotes)."""
        return self.variant in _TO_STANDARD

    def convert(self, text: str) -> str:
        """Convert Simplified ``text`` with OpenCC only (characters and phrases)."""
        return str(self._opencc.convert(text))

    def convert_text(self, text: str) -> str:
        """Convert, then use the edition's quotation marks."""
        converted = self.convert(text)
        return regional_quotes(converted) if self.regional else converted

    def leftover_simplified(self, text: str) -> list[str]:
        """Simplified runs left in ``text`` converted by this converter."""
        return leftover_simplified(text, self)


def _load_opencc(variant: str, phrases: dict[str, str], final: dict[str, str]) -> Any:
    template = json.loads((CONFIG_DIR / f"{variant}.json").read_text(encoding="utf-8"))
    config = _resolve_stock_files(template, _stock_dir())
    with tempfile.TemporaryDirectory(prefix="baozhai-opencc-") as folder:
        directory = Path(folder)
        _write_dictionary(directory / _PHRASES_FILE, phrases)
        _write_dictionary(directory / _GUARD_FILE, {value: value for value in final.values()})
        path = directory / f"{variant}.json"
        path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        return opencc.OpenCC(str(path))


def _stock_dir() -> Path:
    """Folder of the installed opencc package's stock configs and .ocd2 files."""
    return Path(opencc.OpenCC("s2t").config).parent


def _resolve_stock_files(node: Any, stock: Path) -> Any:
    """Copy of a config with each stock .ocd2 file name made absolute."""
    if isinstance(node, list):
        return [_resolve_stock_files(item, stock) for item in node]
    if not isinstance(node, dict):
        return node
    resolved = {key: _resolve_stock_files(value, stock) for key, value in node.items()}
    if resolved.get("type") == "ocd2":
        resolved["file"] = str(stock / resolved["file"])
    return resolved


def _write_dictionary(path: Path, phrases: dict[str, str]) -> None:
    lines = [f"{key}\t{phrases[key]}\n" for key in sorted(phrases)]
    path.write_text("".join(lines), encoding="utf-8")


def regional_quotes(text: str) -> str:
    """Mainland quotes to Taiwan/HK ones: outer 「」, nested 『』, alternating.

    Nesting is tracked per paragraph (line), whichever of “” or ‘’ is outside.
    A ’ that closes nothing is an apostrophe and stays; a ” that closes nothing
    still becomes 」. « » 《 》 and other marks are untouched.
    """
    return "\n".join(_quote_paragraph(line) for line in text.split("\n"))


def _quote_paragraph(line: str) -> str:
    out: list[str] = []
    open_quotes: list[str] = []
    for char in line:
        if char in _QUOTE_PAIRS:
            out.append(_CORNERS[len(open_quotes) % 2][0])
            open_quotes.append(char)
        elif char in _QUOTE_PAIRS.values() and _closes(char, open_quotes):
            while _QUOTE_PAIRS[open_quotes.pop()] != char:
                pass
            out.append(_CORNERS[len(open_quotes) % 2][1])
        elif char == "”":
            out.append(_CORNERS[0][1])
        else:
            out.append(char)
    return "".join(out)


def _closes(char: str, open_quotes: list[str]) -> bool:
    return any(_QUOTE_PAIRS[opener] == char for opener in open_quotes)


def leftover_simplified(text: str, converter: Converter | None = None) -> list[str]:
    """Runs of converted ``text`` that are still Simplified (default: s2twp).

    A character is reported when both references agree:
    1. plain OpenCC s2t would still change it, after the edition's regional
       forms are mapped back to OpenCC standard (tw2t / hk2t), so 裡 著 峰 台
       温 are not taken for Simplified;
    2. the converter does not reproduce it from the text taken back to
       Simplified (tw2s / hk2s / t2s), so forms the edition chose on purpose
       (陳杰 from STPhrases, Taiwan 布局, editor phrases) are not reported.
    Returns distinct runs in order of first appearance.
    """
    converter = converter if converter is not None else Converter()
    variant = converter.variant
    standard = _opencc_convert(_TO_STANDARD.get(variant), text)
    if len(standard) != len(text):
        standard = text
    suspicious = _changed(standard, _opencc_convert("s2t", standard))
    if not suspicious:
        return []
    simplified = _opencc_convert(_TO_SIMPLIFIED[variant], text)
    unexplained = _changed(text, converter.convert(simplified))
    return _runs(text, suspicious & unexplained)


def _opencc_convert(config: str | None, text: str) -> str:
    return str(opencc.OpenCC(config).convert(text)) if config else text


def _changed(before: str, after: str) -> set[int]:
    """Indices of ``before`` that differ in ``after``."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    indices: set[int] = set()
    for tag, start, end, _, _ in matcher.get_opcodes():
        if tag != "equal":
            indices.update(range(start, end))
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
