"""Glossary records: a curated term (its forms, readings, gloss, definition, source) and the glossary."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = {
    "slogan": "政策提法", "programme": "政策与机制", "institution": "机构", "person": "人物",
    "place": "地点", "project": "工程与项目", "finance": "经济金融", "technology": "科技",
    "unit": "单位", "event": "会议与活动",
}


@dataclass(frozen=True)
class PageNote:
    """An editor's remark on the term as one page uses it ("here 央行 means the PBoC"):
    attached to the term's occurrence on ``source``:``line``, never to the term itself."""

    source: str  # source file name
    line: int  # source line holding the occurrence
    note: str
    yaml_line: int = 0  # where glossary.yml says it


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    gloss: str
    definition: str
    pinyin: str
    aliases: tuple[str, ...] = ()
    traditional: str | None = None
    notes: str | None = None
    line: int = 0
    slug: str = ""
    source: str = ""  # where the entry's facts were checked: publication/site, title, date
    as_of: str | None = None  # YYYY-MM(-DD) the changing facts (members, figures, offices) hold for
    alias_readings: tuple[str, ...] = ()  # one reading per alias, in order
    page_notes: tuple[PageNote, ...] = ()

    def reading(self, form: str) -> str:
        """The reading of one of the term's forms: an alias has its own."""
        if form in self.aliases and len(self.alias_readings) == len(self.aliases):
            return self.alias_readings[self.aliases.index(form)]
        return self.pinyin

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term,) + self.aliases

    @property
    def first_sentence(self) -> str:
        end = self.definition.find("。")
        return self.definition if end < 0 else self.definition[:end + 1]

    @property
    def category_label(self) -> str:
        return CATEGORIES[self.category]

    @property
    def initial(self) -> str:
        """The letter the dictionary index files the term under."""
        first = toneless(self.pinyin)[:1].upper()
        return first if first.isalpha() and first.isascii() else "#"


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    path: Path | None = None

    def by_form(self) -> dict[str, Term]:
        return {form: term for term in self.terms for form in term.forms}


def toneless(reading: str) -> str:
    """``xīnzhì shēngchǎnlì`` → ``xinzhi shengchanli``; a hyphen between the halves of a
    four-character phrase (``jiēbǎng-guàshuài``, GB/T 16159) separates words too."""
    decomposed = unicodedata.normalize("NFD", reading.replace("-", " "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9 ]", "", plain.lower().replace("ü", "v"))
