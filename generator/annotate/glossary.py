"""The curated glossary: load ``content/glossary.yml``, validate it, give readings.

Each form's pinyin — the headword's and every alias's — is generated with
pypinyin (tone marks, syllables of a word written together, words split with
jieba's stock dictionary, GB/T 16159: every word of a proper name capitalised,
its function words not); an entry overrides a wrong reading with ``pinyin:``
(the headword) or ``alias_pinyin:`` (alias → reading).

Every entry names where its facts were checked (``source:``; ``baozhai check``
fails on an entry without one) and, for facts that change, the date they hold
for (``as_of:``). Glossary text describes the term,
never the page it is read on: 本页/此处/本文/本摘编 are refused; a remark on one
page's use goes in ``page_notes`` (source, line, note), attached to that use.
"""
from __future__ import annotations

import re
from pathlib import Path

import jieba
import yaml
from pypinyin import Style, lazy_pinyin

from generator.errors import ContentError
from generator.ingest.read import CONTROL
from generator.ingest.words import stock_tokenizer
from generator.ingest.yamlfile import entries, mapping
from generator.model import CATEGORIES, Glossary, PageNote, Term, toneless
from generator.slugs import from_tokens, unique

FILE = "glossary.yml"
REQUIRED = ("term", "category", "gloss", "definition")
OPTIONAL = ("source", "aliases", "pinyin", "alias_pinyin", "traditional", "notes", "as_of", "page_notes")
PAGE_BOUND = ("本页", "此处", "本文", "本摘编")  # true on one page, false on every other
PROPER = ("person", "place", "institution", "event", "project")  # names: each word capitalised (GB/T 16159)
FUNCTION_WORDS = {"hé", "de", "jí", "yǔ", "zhī"}  # stay lower-case inside a name
_LATIN = re.compile(r"[A-Za-z]")
_AS_OF = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_YEAR = re.compile(r"(19|20)\d{2}")


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
    aliases = [a.strip() for a in aliases]
    reading = (data.get("pinyin") or "").strip() or reading_of(data["term"], data["category"], tokenizer)
    alias_readings = _alias_readings(data, aliases, tokenizer, path, line)
    traditional = (data.get("traditional") or "").strip() or None
    return Term(data["term"].strip(), data["category"], data["gloss"].strip(), data["definition"].strip(),
                reading, tuple(aliases), traditional, data.get("notes"), line,
                source=_source(data, path, line), as_of=_as_of(data, path, line), alias_readings=alias_readings,
                page_notes=_page_notes(node, data, path))


def _alias_readings(data: dict, aliases: list[str], tokenizer, path: Path, line: int) -> tuple[str, ...]:
    """Each alias's own reading: generated, or the entry's ``alias_pinyin`` for it."""
    overrides = data.get("alias_pinyin") or {}
    if not isinstance(overrides, dict) or not all(isinstance(v, str) and v.strip() for v in overrides.values()):
        raise ContentError(f"entry {data['term']}: alias_pinyin must map aliases to readings", path, line)
    stray = set(overrides) - set(aliases)
    if stray:
        raise ContentError(f"entry {data['term']}: alias_pinyin names no alias: {', '.join(sorted(map(str, stray)))}",
                           path, line)
    return tuple(overrides[a].strip() if a in overrides else reading_of(a, data["category"], tokenizer)
                 for a in aliases)


def _source(data: dict, path: Path, line: int) -> str:
    """Where the facts were checked: publication or site, title, date (a year at least).
    An entry without one still builds; ``baozhai check`` fails on it."""
    if data.get("source") is None:
        return ""
    if not isinstance(data["source"], str):
        raise ContentError(f"entry {data['term']}: source must be text", path, line)
    source = data["source"].strip()
    if not _YEAR.search(source):
        raise ContentError(f"entry {data['term']}: source must name a date (publication or site, title, date)",
                           path, line)
    return source


def _as_of(data: dict, path: Path, line: int) -> str | None:
    value = data.get("as_of")
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if not _AS_OF.fullmatch(text):
        raise ContentError(f"entry {data['term']}: as_of must be a date, YYYY-MM or YYYY-MM-DD", path, line)
    return text


def _page_notes(node: yaml.Node, data: dict, path: Path) -> tuple[PageNote, ...]:
    """``page_notes``: a list of {source, line, note}, each with its own YAML line."""
    raw = data.get("page_notes")
    if raw is None:
        return ()
    items = next((v for k, v in node.value if k.value == "page_notes"), None)
    if not isinstance(raw, list) or not isinstance(items, yaml.SequenceNode):
        raise ContentError(f"entry {data['term']}: page_notes must be a list", path, node.start_mark.line + 1)
    notes = []
    for item, value in zip(items.value, raw):
        line = item.start_mark.line + 1
        if (not isinstance(value, dict) or set(value) != {"source", "line", "note"}
                or not isinstance(value["line"], int) or not all(isinstance(value[k], str) and value[k].strip()
                                                                 for k in ("source", "note"))):
            raise ContentError(f"entry {data['term']}: a page note is source (file name), line (number) "
                               "and note (text)", path, line)
        notes.append(PageNote(value["source"].strip(), value["line"], value["note"].strip(), line))
    return tuple(notes)


def _check_text(data: dict, path: Path, line: int) -> None:
    """Optional fields are text; no field holds control characters; a term, an alias
    and a Traditional form are one line, and a Traditional form is only characters:
    it replaces the term inside the rendered page, so markup there would be live."""
    term = data["term"]
    for key in ("source", "pinyin", "traditional", "notes"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ContentError(f"entry {term}: {key} must be text", path, line)
    texts = [(k, data[k]) for k in REQUIRED + ("source", "pinyin", "traditional", "notes") if data.get(k) is not None]
    aliases = data.get("aliases")
    texts += [("aliases", a) for a in (aliases if isinstance(aliases, list) else []) if isinstance(a, str)]
    notes = data.get("page_notes")
    texts += [("page_notes", n["note"]) for n in (notes if isinstance(notes, list) else [])
              if isinstance(n, dict) and isinstance(n.get("note"), str)]
    for key, text in texts:
        if CONTROL.search(text) or (key not in ("definition", "notes") and re.search(r"[\n\r]", text.strip())):
            raise ContentError(f"entry {term}: {key} holds a control character or line break", path, line)
        bound = next((w for w in PAGE_BOUND if w in text), None)
        if bound and key in ("gloss", "definition", "notes", "page_notes"):
            raise ContentError(f"entry {term}: {key} says “{bound}”: glossary text describes the term on every "
                               "page; a remark on one page's use belongs in page_notes", path, line)
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
    """Tone-marked pinyin, syllables of a word joined, words spaced (GB/T 16159);
    punctuation inside a form (“奋斗者”号) is not read; a Latin form reads as written."""
    if text.isascii():
        return text
    words = [w for w in tokenizer.cut(text) if _READ.search(w)]
    readings = [_joined(lazy_pinyin(w, style=Style.TONE)) for w in words]
    if category == "person" and len(readings) == 1 and len(text) in (2, 3, 4):
        syllables = lazy_pinyin(text, style=Style.TONE)
        readings = [syllables[0], _joined(syllables[1:])]
    if category in PROPER:
        readings = [r if r in FUNCTION_WORDS else r[:1].upper() + r[1:] for r in readings]
    return " ".join(readings)


_READ = re.compile(r"[\w]")  # a jieba token with something to read (not punctuation)


_VOWEL_START = re.compile(r"^[aoeāáǎàōóǒòēéěè]")


def _joined(syllables: list[str]) -> str:
    """Syllables of one word written together, with ' before a, o, e (xī'ān)."""
    out = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        out += ("'" if _VOWEL_START.match(syllable) and out[-1:].isalpha() else "") + syllable
    return out


