"""The curated glossary: load ``content/glossary.yml``, validate it, give readings.

Each entry's pinyin is generated with pypinyin (tone marks, syllables of a word
written together, words split with jieba's stock dictionary); an entry may
override a wrong reading with ``pinyin:``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jieba
import yaml
from pypinyin import Style, lazy_pinyin

from generator.errors import ContentError
from generator.ingest.read import CONTROL
from generator.ingest.yamlfile import entries, mapping
from generator.model import CATEGORIES, Glossary, Term, toneless
from generator.slugs import from_tokens, unique

FILE = "glossary.yml"
REQUIRED = ("term", "category", "gloss", "definition")
OPTIONAL = ("aliases", "pinyin", "traditional", "notes")
_LATIN = re.compile(r"[A-Za-z]")


def load_glossary(content: Path) -> Glossary:
    path = content / FILE
    if not path.exists():
        return Glossary((), None)
    nodes = entries(path, "the glossary")
    terms = [_term(node, path, stock_tokenizer()) for node in nodes]
    _check_unique(terms, path)
    slugs = unique([from_tokens(toneless(t.pinyin).split(), "term") for t in terms])
    terms = [Term(**{**t.__dict__, "slug": s}) for t, s in zip(terms, slugs)]
    return Glossary(tuple(sorted(terms, key=sort_key)), path)


@lru_cache(maxsize=1)
def stock_tokenizer() -> jieba.Tokenizer:
    """jieba with its stock dictionary only (loading it takes most of a second: once)."""
    return jieba.Tokenizer()


def sort_key(term: Term) -> tuple[str, str]:
    return (toneless(term.pinyin).lower(), term.term)


def _term(node: yaml.Node, path: Path, tokenizer: jieba.Tokenizer) -> Term:
    line = node.start_mark.line + 1
    data = mapping(node, path, "a glossary entry")
    missing = [k for k in REQUIRED if not isinstance(data.get(k), str) or not data[k].strip()]
    if missing:
        name = data["term"] if isinstance(data.get("term"), str) else "?"
        raise ContentError(f"entry {name}: missing or empty {', '.join(missing)}", path, line)
    unknown = set(data) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise ContentError(f"entry {data['term']}: unknown field(s) {', '.join(sorted(map(str, unknown)))}",
                           path, line)
    _check_text(data, path, line)
    if data["category"] not in CATEGORIES:
        raise ContentError(f"entry {data['term']}: category must be one of {', '.join(CATEGORIES)}", path, line)
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise ContentError(f"entry {data['term']}: aliases must be a list of text", path, line)
    for form in [data["term"], *aliases]:
        if len(form.strip()) < 2 and not _LATIN.fullmatch(form.strip()):
            raise ContentError(f"entry {data['term']}: “{form}” is one character; it would match "
                               "inside countless words (one Latin letter, e.g. a unit, is allowed)", path, line)
    reading = (data.get("pinyin") or "").strip() or reading_of(data["term"], data["category"], tokenizer)
    traditional = (data.get("traditional") or "").strip() or None
    return Term(data["term"].strip(), data["category"], data["gloss"].strip(), data["definition"].strip(),
                reading, tuple(a.strip() for a in aliases), traditional, data.get("notes"), line)


def _check_text(data: dict, path: Path, line: int) -> None:
    """Optional fields are text; no field holds control characters; a term, an alias
    and a Traditional form are one line, and a Traditional form is only characters:
    it replaces the term inside the rendered page, so markup there would be live."""
    term = data["term"]
    for key in ("pinyin", "traditional", "notes"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ContentError(f"entry {term}: {key} must be text", path, line)
    texts = [(k, data[k]) for k in REQUIRED + ("pinyin", "traditional", "notes") if data.get(k) is not None]
    aliases = data.get("aliases")
    texts += [("aliases", a) for a in (aliases if isinstance(aliases, list) else []) if isinstance(a, str)]
    for key, text in texts:
        if CONTROL.search(text) or (key not in ("definition", "notes") and re.search(r"[\n\r]", text.strip())):
            raise ContentError(f"entry {term}: {key} holds a control character or line break", path, line)
    traditional = data.get("traditional")
    if traditional is not None and re.search(r"[\s!-/:-@\[-`{-~]", traditional.strip()):
        raise ContentError(f"entry {term}: traditional “{traditional}” must be the term in Traditional "
                           "characters, without spaces or ASCII punctuation", path, line)
    if traditional is not None and term.isascii():
        raise ContentError(f"entry {term}: a term written in ASCII has no Traditional form", path, line)


def _check_unique(terms: list[Term], path: Path) -> None:
    owner: dict[str, Term] = {}
    for term in terms:
        for form in term.forms:
            if form in owner:
                first = owner[form]
                what = "term" if form == term.term and form == first.term else "alias"
                raise ContentError(f"{what} “{form}” is claimed by “{first.term}” (line {first.line}) "
                                   f"and “{term.term}”", path, term.line)
            owner[form] = term


def reading_of(text: str, category: str, tokenizer: jieba.Tokenizer) -> str:
    """Tone-marked pinyin, syllables of a word joined, words spaced."""
    words = [w for w in tokenizer.cut(text) if w.strip()]
    readings = [_joined(lazy_pinyin(w, style=Style.TONE)) for w in words]
    if category == "person" and len(readings) == 1 and len(text) in (2, 3, 4):
        syllables = lazy_pinyin(text, style=Style.TONE)
        readings = [syllables[0], _joined(syllables[1:])]
    if category in ("person", "place"):
        readings = [r[:1].upper() + r[1:] for r in readings]
    return " ".join(readings)


_VOWEL_START = re.compile(r"^[aoeāáǎàōóǒòēéěè]")


def _joined(syllables: list[str]) -> str:
    """Syllables of one word written together, with ' before a, o, e (xī'ān)."""
    out = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        out += ("'" if _VOWEL_START.match(syllable) and out[-1:].isalpha() else "") + syllable
    return out


