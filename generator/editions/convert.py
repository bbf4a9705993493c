"""Simplified -> Traditional edition text through OpenCC, with Baozhai's phrases.

Each variant has a config in ``generator/editions/opencc/<variant>.json``: OpenCC's
stock chain for that variant with two text dictionaries added. A Converter
writes them, with the resolved config, into a temporary directory, loads
OpenCC from there and deletes the directory (OpenCC keeps what it loaded):

``baozhai_phrases.txt`` (first stage, keys Simplified)
    ``news_common.txt`` (all editions, OpenCC standard values), then
    ``news_twp.txt`` (s2twp) and the editor's file (final values). It joins
    STPhrases with ``"match_policy": "union"`` (longest match, ties to the
    first dictionary, ours) in the segmentation and in the first stage.
``baozhai_regional.txt`` (each later stage, keys OpenCC standard Traditional)
    ``news_tw_forms.txt`` (Taiwan editions: 發佈 -> 發布 …) plus every final
    value mapped to itself. It joins the stage's first dictionary (TWPhrases
    or the variant phrases) the same way, so they cannot rewrite our values:
    that is how the TWPhrases deny list in ``news_twp.txt`` works.

Reasons for every curated entry: ``notes/opencc-audit.md``.
"""

from __future__ import annotations

import difflib
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import opencc

from generator.model.edition import DEFAULT_VARIANT, TO_SIMPLIFIED, VARIANTS

CONFIG_DIR = Path(__file__).with_name("opencc")
COMMON_LAYER = "news_common.txt"
FINAL_LAYERS: dict[str, tuple[str, ...]] = {"s2twp": ("news_twp.txt",)}
REGIONAL_LAYERS: dict[str, tuple[str, ...]] = {
    "s2twp": ("news_tw_forms.txt",),
    "s2tw": ("news_tw_forms.txt",),
}
# Stock configs that take an edition back (for leftover_simplified).
_TO_STANDARD = {"s2twp": "tw2t", "s2tw": "tw2t", "s2hk": "hk2t"}
_PHRASES_FILE = "baozhai_phrases.txt"
_REGIONAL_FILE = "baozhai_regional.txt"
_CLOSERS = {"”": "“", "’": "‘"}
_CORNERS = ("「」", "『』")


def check_variant(variant: str) -> str:
    """Return ``variant`` if it is one of VARIANTS, else raise ValueError."""
    if variant not in VARIANTS:
        allowed = ", ".join(VARIANTS)
        raise ValueError(f"unknown OpenCC variant {variant!r}; allowed: {allowed}")
    return variant


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
    # Phrases apply to the rendered page: ASCII punctuation would be live markup there,
    # and an all-ASCII key would rewrite the page's own markup.
    if re.search(r"[!-/:-@\[-`{-~]", key + value) or key.isascii():
        raise ValueError(f"{where}: a phrase is Chinese text, without ASCII punctuation")
    return key, value


def phrase_tables(
    variant: str, editor: Path | None = None, extra: dict[str, str] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(first stage, regional stage) dictionaries of a variant, editor's last.

    ``extra`` holds the glossary's own Traditional forms; the editor's file
    wins over them.
    """
    check_variant(variant)
    final: dict[str, str] = {}
    for name in FINAL_LAYERS.get(variant, ()):
        final.update(read_phrases(CONFIG_DIR / name))
    final.update(extra or {})
    if editor is not None:
        final.update(read_phrases(editor))
    regional: dict[str, str] = {}
    for name in REGIONAL_LAYERS.get(variant, ()):
        regional.update(read_phrases(CONFIG_DIR / name))
    regional.update({value: value for value in final.values()})
    return {**read_phrases(CONFIG_DIR / COMMON_LAYER), **final}, regional


class Converter:
    """OpenCC for one edition variant, with Baozhai's and the editor's phrases.

    Build one per site build; ``convert`` is then cheap and has no side effects.
    """

    def __init__(self, variant: str = DEFAULT_VARIANT, phrases: Path | None = None,
                 extra: dict[str, str] | None = None) -> None:
        self.variant = check_variant(variant)
        first, regional = phrase_tables(variant, phrases, extra)
        self.identity = json.dumps([variant, first, regional], ensure_ascii=False, sort_keys=True)
        self.overrides = {**(extra or {}), **(read_phrases(phrases) if phrases else {})}
        self._opencc = _load_opencc(variant, first, regional)
        self._stock: dict[str, opencc.OpenCC] = {}

    def stock(self, config: str) -> opencc.OpenCC:
        """OpenCC with a stock config, built once per converter."""
        if config not in self._stock:
            self._stock[config] = opencc.OpenCC(config)
        return self._stock[config]

    def convert(self, text: str) -> str:
        """Convert Simplified ``text`` with OpenCC only (characters and phrases)."""
        return str(self._opencc.convert(text))

    def convert_text(self, text: str) -> str:
        """Convert, then use the edition's quotation marks (「」 in Taiwan/HK)."""
        converted = self.convert(text)
        return regional_quotes(converted) if self.variant in _TO_STANDARD else converted

    def leftover_simplified(self, text: str) -> list[str]:
        """Simplified runs left in ``text`` converted by this converter."""
        return leftover_simplified(text, self)


def _load_opencc(variant: str, first: dict[str, str], regional: dict[str, str]) -> opencc.OpenCC:
    with tempfile.TemporaryDirectory(prefix="baozhai-opencc-") as folder:
        return opencc.OpenCC(str(write_config(Path(folder), variant, first, regional)))


def write_config(
    folder: Path, variant: str, first: dict[str, str], regional: dict[str, str]
) -> Path:
    """Write the variant's OpenCC config and our two dictionaries into ``folder``."""
    template = json.loads((CONFIG_DIR / f"{variant}.json").read_text(encoding="utf-8"))
    _write_dictionary(folder / _PHRASES_FILE, first)
    _write_dictionary(folder / _REGIONAL_FILE, regional)
    path = folder / f"{variant}.json"
    config = _resolve_stock_files(template, stock_dir())
    path.write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def stock_dir() -> Path:
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


def leftover_simplified(text: str, converter: Converter | None = None) -> list[str]:
    """Runs of converted ``text`` that are still Simplified (default: s2twp).

    A character is reported when both references agree:
    1. plain OpenCC s2t would still change it, after the edition's regional
       forms are mapped back to OpenCC standard (tw2t / hk2t), so 裡 著 峰 台
       温 are not taken for Simplified;
    2. the converter does not reproduce it from the text taken back to
       Simplified (TO_SIMPLIFIED: tw2sp / tw2s / hk2s / t2s), so forms the edition chose on purpose
       (陳杰 from STPhrases, Taiwan 布局, editor phrases) are not reported.
    Returns distinct runs in order of first appearance.
    """
    converter = converter if converter is not None else Converter()
    variant = converter.variant
    back = _TO_STANDARD.get(variant)
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
