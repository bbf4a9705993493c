"""Names in Simplified text: the spans the Traditional edition converts by characters only.

A name keeps its own words: 某某智能装备有限公司 stays 智能 (not Taiwan's 智慧),
大族激光 stays 激光 (not 雷射), 烽火通信 stays 通信, 贾里德 keeps 里 (not 裡). Inside
a name the edition applies OpenCC's character conversion (with its phrase picks
inside each word, so 华北制药 → 華北製藥) and no vocabulary rule; only a vocabulary
entry written for a name (斯坦福 → 史丹佛) still applies (see vocabulary.py).

Names are found, in this order of evidence:

* ``listed``: forms the caller names (glossary entries of category person,
  institution, place or project, and the editor's ``content/names.txt``);
* ``title``: the text inside 《》;
* ``transliteration``: name parts joined by a middle dot (贾里德·库什纳);
* ``organisation``: the words before an organisation suffix (有限公司, 集团, 银行,
  大学, 研究院, 委员会 …), read back while they can be part of a name;
* ``stock``: a security's short name, before its code (魅视科技(001229.SZ)) or
  before a price move (烽火通信涨逾9%);
* ``tagged``: words jieba's dictionary tags as person, place, organisation or
  other proper noun (nr nrt nrfg ns nt nz);
* ``repeated``: a name found once on the text is a name everywhere in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from generator.editions.words import HAN, boundaries, frequency, tag

ORGANISATION_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团", "公司", "银行", "大学", "学院",
    "研究院", "研究所", "研究中心", "科学院", "委员会", "协会", "学会", "联合会", "基金会",
    "交易所", "事务所", "合作社", "出版社", "通讯社", "报社", "电视台", "医院", "实验室",
    "办公室", "管理局", "总局", "证券", "基金", "保险", "信托", "商会", "控股",
)
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司")
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
# Tags of words that cannot be inside a name read back from its suffix.
_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "ud", "ug", "uz", "uv", "r", "rr", "rz", "d", "m",
                        "mq", "q", "f", "t", "y", "e", "o", "vd", "ad", "zg"})
_COMMON_VERB = 100  # a verb jieba's dictionary counts this often is no name part (沾益: 4)
_BACK_WORDS, _BACK_CHARS = 6, 14  # how far a name is read back from its suffix
_DOTS = "·•‧・"
_DOT = re.compile(f"[{HAN}]([{_DOTS}])[{HAN}]")
_TITLE = re.compile("《([^《》\n]{1,60})》")
_CODE = re.compile(r"[（(](?:股票代码[：:]\s*)?\d{6}(?:\.[A-Za-z]{2})?[)）]")
_MOVE = re.compile("涨停|跌停|涨逾|跌逾|涨超|跌超|大涨|大跌|股价|收涨|收跌|领涨|领跌|涨幅|跌幅")
_NOT_STOCK = re.compile("(板块|指数|行业|概念|股|板|市场|个股|公司)$")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    kind: str


class NameFinder:
    """Finds the names of a text; ``listed`` maps known names to their kind."""

    def __init__(self, listed: dict[str, str] | None = None) -> None:
        self.listed = dict(listed or {})
        self._automaton = ahocorasick.Automaton()
        for form, kind in self.listed.items():
            self._automaton.add_word(form, (form, kind))
        if self.listed:
            self._automaton.make_automaton()

    def find(self, text: str, pieces: list[str]) -> list[Name]:
        """Every name of ``text`` (cut into ``pieces`` by words.words), sorted, not overlapping."""
        offsets = boundaries(pieces)
        found = (self._listed(text) + titles(text) + transliterations(text, pieces, offsets)
                 + organisations(text, pieces, offsets) + stocks(text, pieces, offsets)
                 + tagged(pieces, offsets))
        return merge(found + repeated(text, found))

    def _listed(self, text: str) -> list[Name]:
        if not self.listed:
            return []
        return [Name(last - len(form) + 1, last + 1, kind)
                for last, (form, kind) in self._automaton.iter_long(text)]


def titles(text: str) -> list[Name]:
    return [Name(m.start(1), m.end(1), "title") for m in _TITLE.finditer(text)]


def transliterations(text: str, pieces: list[str], offsets: list[int]) -> list[Name]:
    """Han name parts joined by middle dots; the first part read back, the last forward."""
    found = []
    for dot in _DOT.finditer(text):
        at = dot.start(1)
        if found and found[-1].end > at:
            continue
        index = _piece_at(offsets, at)
        start = _read_back(pieces, offsets, index, _is_foreign_part, 4, 6)
        end = at + 1
        while True:  # the parts after each dot, forward
            following = _piece_at(offsets, end)
            end = _read_forward(pieces, offsets, following, _is_foreign_part, 4, 6)
            if end < len(text) - 1 and text[end] in _DOTS and re.match(f"[{HAN}]", text[end + 1]):
                end += 1
                continue
            break
        if start < at and end > at + 1:
            found.append(Name(start, end, "transliteration"))
    return found


def organisations(text: str, pieces: list[str], offsets: list[int]) -> list[Name]:
    """An organisation suffix ending on a word boundary, with the name read back before it."""
    found = []
    for index, piece in enumerate(pieces):
        suffix = _suffix(piece)
        if suffix is None:
            continue
        end = offsets[index + 1]
        own = len(piece) - len(suffix)  # the word itself may hold the name: 招商银行
        start = _read_back(pieces, offsets, index, _is_name_part, _BACK_WORDS, _BACK_CHARS)
        if start < offsets[index] or own > 0:
            found.append(Name(start, end, "organisation"))
    return found


def stocks(text: str, pieces: list[str], offsets: list[int]) -> list[Name]:
    """A security's short name: before its code, or before a price move."""
    found = []
    for pattern in (_CODE, _MOVE):
        for mark in pattern.finditer(text):
            index = _piece_at(offsets, mark.start())
            if offsets[index] != mark.start():
                continue
            start = _read_back(pieces, offsets, index, _is_name_part, 4, 8)
            name = text[start:mark.start()]
            if start < mark.start() and len(name) >= 2 and not _NOT_STOCK.search(name):
                found.append(Name(start, mark.start(), "stock"))
    return found


def tagged(pieces: list[str], offsets: list[int]) -> list[Name]:
    return [Name(offsets[i], offsets[i + 1], "tagged") for i, piece in enumerate(pieces)
            if len(piece) > 1 and tag(piece) in NAME_TAGS]


def repeated(text: str, found: list[Name]) -> list[Name]:
    """Every other place of a name found by its context (a stock's name after its code,
    an organisation's full name or its name without the legal form)."""
    forms = set()
    for name in found:
        if name.kind in ("stock", "organisation", "transliteration"):
            form = text[name.start:name.end]
            forms.add(form)
            core = _without_legal_form(form)
            if core != form and len(core) >= 4:
                forms.add(core)
    if not forms:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    return [Name(m.start(), m.end(), "repeated") for m in pattern.finditer(text)]


def merge(names: list[Name]) -> list[Name]:
    """Overlapping names joined (the first kind kept), sorted by start."""
    merged: list[Name] = []
    for name in sorted(names, key=lambda n: (n.start, -n.end)):
        if merged and name.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Name(last.start, max(last.end, name.end), last.kind)
        else:
            merged.append(name)
    return merged


def _suffix(piece: str) -> str | None:
    for suffix in ORGANISATION_SUFFIXES:
        if piece.endswith(suffix):
            return suffix
    return None


def _without_legal_form(form: str) -> str:
    for legal in LEGAL_FORMS:
        if form.endswith(legal):
            return form[:-len(legal)]
    return form


def _is_name_part(piece: str) -> bool:
    if not re.fullmatch(f"[{HAN}]+", piece):
        return False
    kind = tag(piece)
    if kind in _STOP_TAGS or (len(piece) == 1 and kind not in NAME_TAGS | {"n", "nz", "j", ""}):
        return False
    return not (kind.startswith("v") and kind != "vn" and frequency(piece) >= _COMMON_VERB)


def _is_foreign_part(piece: str) -> bool:
    return bool(re.fullmatch(f"[{HAN}]+", piece)) and (tag(piece) in NAME_TAGS | {""} or len(piece) == 1)


def _piece_at(offsets: list[int], position: int) -> int:
    """Index of the piece holding ``position``."""
    low, high = 0, len(offsets) - 2
    while low < high:
        middle = (low + high + 1) // 2
        if offsets[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low


def _read_back(pieces: list[str], offsets: list[int], index: int, part, max_words: int,
               max_chars: int) -> int:
    """Start of the name that ends where piece ``index`` starts (or of that piece)."""
    anchor = start = offsets[index]
    count = 0
    while index > 0 and count < max_words:
        index -= 1
        if not part(pieces[index]) or anchor - offsets[index] > max_chars:
            break
        start, count = offsets[index], count + 1
    return start


def _read_forward(pieces: list[str], offsets: list[int], index: int, part, max_words: int,
                  max_chars: int) -> int:
    anchor = end = offsets[index]
    count = 0
    while index < len(pieces) and count < max_words and part(pieces[index]):
        if offsets[index + 1] - anchor > max_chars:
            break
        end, count, index = offsets[index + 1], count + 1, index + 1
    return end
