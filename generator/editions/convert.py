"""Simplified -> Traditional edition text: OpenCC, word by word, with Baozhai's reviewed layers.

Each variant is OpenCC's stock chain for it (``generator/editions/opencc/<config>.json``)
with two text dictionaries added, which a Converter writes, with the resolved config,
into a temporary directory before loading OpenCC from there:

``baozhai_phrases.txt`` (first stage, keys Simplified)
    ``news_common.txt``: choices inside a word OpenCC makes wrongly (岩, 资金链).
    For names, ``names.txt`` too (里 stays 里).
``baozhai_regional.txt`` (the regional stage, keys OpenCC standard Traditional)
    ``news_tw_forms.txt`` for the Taiwan editions (發佈 -> 發布 …).

Around OpenCC (wordwise.py): jieba's words, so no phrase rule cuts a word; names
(names.py), converted by characters only; the reviewed layers (layers.py) in
``generator/editions/layers/``: ``characters.tsv`` in every Traditional edition,
``taiwan.tsv`` (Taiwan vocabulary) in the default ``s2twp`` edition, which is
OpenCC's ``s2tw`` characters plus that layer (OpenCC's own TWPhrases, written for
software localisation, is not used: see notes/opencc-audit.md); and the editor's
``content/phrases.txt`` with the glossary's ``traditional:`` forms, which win
everywhere.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import ahocorasick
import opencc

from generator.editions.layers import LAYERS, Layer
from generator.editions.leftover import TO_STANDARD, leftover_simplified
from generator.editions.names import NameFinder
from generator.editions.page import chunks, convert_page, read_text, without_glued
from generator.editions.quotes import regional_quotes
from generator.editions.wordwise import Wordwise
from generator.model.edition import DEFAULT_VARIANT, LANGUAGES, VARIANTS

__all__ = ["Converter", "VARIANTS", "leftover_simplified", "read_names", "read_phrases", "regional_quotes"]

CONFIG_DIR = Path(__file__).with_name("opencc")
COMMON_LAYER = "news_common.txt"
NAMES_LAYER = "names.txt"
# The OpenCC config each variant runs (s2twp: s2tw's characters, Taiwan words from taiwan.tsv).
OPENCC_CONFIG = {"s2twp": "s2tw", "s2tw": "s2tw", "s2hk": "s2hk", "s2t": "s2t"}
REGIONAL_LAYERS: dict[str, tuple[str, ...]] = {"s2tw": ("news_tw_forms.txt",)}
RULE_LAYERS: dict[str, tuple[str, ...]] = {
    "s2twp": ("characters.tsv", "taiwan.tsv"),
    "s2tw": ("characters.tsv",),
    "s2hk": ("characters.tsv",),
    "s2t": ("characters.tsv",),
}
_PHRASES_FILE = "baozhai_phrases.txt"
_REGIONAL_FILE = "baozhai_regional.txt"


def check_variant(variant: str) -> str:
    """Return ``variant`` if it is one of VARIANTS, else raise ValueError."""
    if variant not in VARIANTS:
        allowed = ", ".join(VARIANTS)
        raise ValueError(f"unknown OpenCC variant {variant!r}; allowed: {allowed}")
    return variant


def edition_language(variant: str) -> str:
    """BCP 47 language code of a variant's edition: zh-TW, zh-HK or zh-Hant."""
    return LANGUAGES[check_variant(variant)]


def read_phrases(path: Path) -> dict[str, str]:
    """Read a ``简体<TAB>繁體`` file; '#' comments and blank lines are skipped.

    Raises ValueError ``file:line: message`` on a malformed or duplicate line.
    """
    phrases: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in _lines(path):
        where = f"{path}:{number}"
        key, value = _parse_phrase(line, where)
        if key in phrases:
            raise ValueError(f"{where}: duplicate phrase {key!r} (first on line {lines[key]})")
        phrases[key], lines[key] = value, number
    return phrases


def read_names(path: Path) -> list[str]:
    """Read the editor's names file: one Simplified name a line, '#' comments.

    Raises ValueError ``file:line: message`` on a malformed or duplicate line.
    """
    names: dict[str, int] = {}
    for number, line in _lines(path):
        where = f"{path}:{number}"
        name = line.strip()
        _check_chinese(name, where, "a name")
        if name in names:
            raise ValueError(f"{where}: duplicate name {name!r} (first on line {names[name]})")
        names[name] = number
    return list(names)


def _lines(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _parse_phrase(line: str, where: str) -> tuple[str, str]:
    fields = [field.strip() for field in line.split("\t")]
    if len(fields) != 2:
        raise ValueError(
            f"{where}: expected 2 tab-separated columns (简体<TAB>繁體), got {len(fields)}"
        )
    key, value = fields
    if not key or not value:
        raise ValueError(f"{where}: empty column")
    _check_chinese(key, where, "a phrase")
    _check_chinese(value, where, "a phrase")
    return key, value


def _check_chinese(text: str, where: str, what: str) -> None:
    if any(char.isspace() for char in text):
        raise ValueError(f"{where}: whitespace inside {what}")
    # They apply to the rendered page: ASCII punctuation would be live markup there,
    # and an all-ASCII key would rewrite the page's own markup.
    if re.search(r"[!-/:-@\[-`{-~]", text) or text.isascii():
        raise ValueError(f"{where}: {what} is Chinese text, without ASCII punctuation")


class Converter:
    """One edition variant: OpenCC word by word, with Baozhai's layers and the editor's lists.

    ``phrases``: the editor's phrases file; ``extra``: the glossary's Traditional
    forms (the editor's file wins over them); ``names``: the editor's names file;
    ``listed``: other known names (glossary person, institution, place, project
    entries) with their kind; ``terms``: known words that are no names (the other
    glossary entries). Build one per site build; ``convert`` is then cheap
    and has no side effects.
    """

    def __init__(self, variant: str = DEFAULT_VARIANT, phrases: Path | None = None,
                 extra: dict[str, str] | None = None, names: Path | None = None,
                 listed: dict[str, str] | None = None, terms: frozenset[str] = frozenset()) -> None:
        self.variant = check_variant(variant)
        self.language = edition_language(variant)
        self.overrides = {**(extra or {}), **(read_phrases(phrases) if phrases else {})}
        known = {**(listed or {}), **{name: "editor" for name in (read_names(names) if names else [])}}
        layers = [Layer.read(*(LAYERS / name for name in RULE_LAYERS[variant]))]
        first = read_phrases(CONFIG_DIR / COMMON_LAYER)
        regional = {k: v for name in REGIONAL_LAYERS.get(OPENCC_CONFIG[variant], ())
                    for k, v in read_phrases(CONFIG_DIR / name).items()}
        self.identity = json.dumps([variant, first, regional, self.overrides, sorted(known.items()), sorted(terms),
                                    [r.where + r.value + r.condition for r in layers[0].rules]],
                                   ensure_ascii=False, sort_keys=True)
        name_characters = read_phrases(CONFIG_DIR / NAMES_LAYER)
        names_first = {**first, **name_characters}
        # characters whose name form differs from the table's (余 stays 余): a guessed
        # word starting with one is a person (names.py)
        surnames = frozenset(k for k, v in name_characters.items() if len(k) == 1 and k == v)
        self.layers = layers
        self._wordwise = Wordwise(_load_opencc(variant, first, regional),
                                  _load_opencc(variant, names_first, regional),
                                  layers, self.overrides,
                                  NameFinder(known, frozenset(r.source for r in layers[0].rules if not r.name) | terms,
                                             surnames))
        self._stock: dict[str, opencc.OpenCC] = {}
        self._strings: dict[str, str] = {}  # text → converted (convert)
        self._used_strings: set[str] = set()
        self._new_strings = 0

    def stock(self, config: str) -> opencc.OpenCC:
        """OpenCC with a stock config, built once per converter."""
        if config not in self._stock:
            self._stock[config] = opencc.OpenCC(config)
        return self._stock[config]

    def convert(self, text: str) -> str:
        """Convert Simplified plain ``text`` (no markup, mainland quotation marks kept).
        Each text is converted once per converter (see :meth:`remember`)."""
        found = self._strings.get(text)
        if found is None:
            found = self._strings[text] = "".join(out for _, _, out in self._wordwise.convert(text))
            self._new_strings += 1
        self._used_strings.add(text)
        return found

    def remember(self, strings: dict[str, str] | None) -> None:
        """Take ``strings`` (what :meth:`strings` gave for the same :attr:`identity` and
        code, in an earlier build) as converted: a feed's titles and ledes, tooltips."""
        for text, converted in (strings or {}).items():
            self._strings.setdefault(text, converted)

    def strings(self) -> dict[str, str] | None:
        """The texts :meth:`convert` converted since it was made, with their conversions,
        when one of them was not remembered (else None: nothing new to keep)."""
        if not self._new_strings:
            return None
        return {text: self._strings[text] for text in sorted(self._used_strings)}

    def pieces(self, text: str, breaks: tuple[int, ...] = ()) -> list[tuple[int, int, str]]:
        """``text`` converted, as (start, end, output) pieces; see wordwise.py."""
        return self._wordwise.convert(text, breaks)

    def plan(self, text: str):
        """The decided spans and the names of ``text`` (see Wordwise.plan)."""
        return self._wordwise.plan(text)

    def convert_text(self, text: str) -> str:
        """Convert a rendered page through its inline markup, then use the edition's
        quotation marks (「」 in Taiwan and Hong Kong); line by line (see :meth:`convert_lines`)."""
        return self.convert_lines(text)[0]

    def convert_lines(self, text: str, memo: LineMemo | None = None) -> tuple[str, LineMemo]:
        """:meth:`convert_text`, chunk by chunk (page.chunks: a few lines each), and what
        it computed: the chunks of a page converted before (``memo``, as this returned
        it for an earlier version of the page) are not converted again.

        Nothing of the conversion crosses a line break (words, names, phrases, rules
        and their conditions, glued tags, quotation marks) but two things every line
        takes from the whole page: the forms of the names found by their context (a
        name on one line is a name on every line, names.py) and whether OpenCC changes
        the length of a run (then every line is converted region by region,
        wordwise.py). So a chunk's conversion is keyed by its text, the page's forms
        it holds and that flag; the page is the same as converted whole
        (tests/test_convert_lines.py)."""
        known_contexts, known_lines = memo or ({}, {})
        parts = chunks(text)
        contexts: dict[str, tuple[frozenset[str], bool]] = {}
        for part in parts:
            if part not in contexts:
                found = known_contexts.get(part)
                contexts[part] = found if found is not None else self._wordwise.context(read_text(part))
        forms = frozenset().union(*(found for found, _ in contexts.values()))
        by_region = any(changes for _, changes in contexts.values())
        finder = _forms_finder(forms)
        converted: dict[tuple[str, tuple[str, ...], bool], str] = {}
        out = []
        for part in parts:
            own = contexts[part][0]
            held = own if finder is None or own == forms else \
                own | {form for _, form in finder.iter(without_glued(part))}
            key = (part, tuple(sorted(held)), by_region)
            if key not in converted:
                found_line = known_lines.get(key)
                converted[key] = found_line if found_line is not None else self._convert_line(part, held, by_region)
            out.append(converted[key])
        self._wordwise.forget()
        return "\n".join(out), (contexts, converted)

    def _convert_line(self, line: str, forms: frozenset[str], by_region: bool) -> str:
        def stream(text: str, breaks: tuple[int, ...]) -> list[tuple[int, int, str]]:
            return self._wordwise.convert(text, breaks, forms, by_region)
        converted = convert_page(line, stream, self._attribute)
        return regional_quotes(converted) if self.variant in TO_STANDARD else converted

    def convert_whole(self, text: str) -> str:
        """:meth:`convert_text` with the page converted as one text (what it was before
        pages were converted line by line; tests compare the two)."""
        converted = convert_page(text, self._wordwise.convert, self._attribute)
        return regional_quotes(converted) if self.variant in TO_STANDARD else converted

    def _attribute(self, value: str) -> str:
        return self.convert(value)

    def leftover_simplified(self, text: str) -> list[str]:
        """Simplified runs left in ``text`` converted by this converter."""
        return leftover_simplified(text, self)


# What Converter.convert_lines computed for a page: each line's context (its names'
# forms, whether OpenCC changes a run's length), each line's conversion by
# (line, the page's forms it holds, the page's flag).
LineMemo = tuple[dict[str, tuple[frozenset[str], bool]], dict[tuple[str, tuple[str, ...], bool], str]]


def _forms_finder(forms: frozenset[str]) -> ahocorasick.Automaton | None:
    if not forms:
        return None
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton


def _load_opencc(variant: str, first: dict[str, str], regional: dict[str, str]) -> opencc.OpenCC:
    with tempfile.TemporaryDirectory(prefix="baozhai-opencc-") as folder:
        return opencc.OpenCC(str(write_config(Path(folder), variant, first, regional)))


def write_config(
    folder: Path, variant: str, first: dict[str, str], regional: dict[str, str]
) -> Path:
    """Write the variant's OpenCC config and our two dictionaries into ``folder``."""
    config_name = OPENCC_CONFIG[check_variant(variant)]
    template = json.loads((CONFIG_DIR / f"{config_name}.json").read_text(encoding="utf-8"))
    _write_dictionary(folder / _PHRASES_FILE, first)
    _write_dictionary(folder / _REGIONAL_FILE, regional)
    path = folder / f"{config_name}.json"
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
