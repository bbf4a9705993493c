"""Names in Simplified text: the spans the Traditional edition converts by characters only.

A name keeps its own words: 某某智能装备有限公司 stays 智能 (not Taiwan's 智慧),
大族激光 stays 激光 (not 雷射), 烽火通信 stays 通信, 贾里德 keeps 里 (not 裡). Inside
a name the edition applies OpenCC's character conversion (with its phrase picks
inside each word, so 华北制药 → 華北製藥) and no vocabulary rule; only a vocabulary
entry written for a name (斯坦福 → 史丹佛) still applies (see vocabulary.py).

Names are found, in this order of evidence:

* ``listed``: forms the caller names (glossary entries of category person,
  institution, place or project, and the editor's ``content/names.txt``);
* ``title``: the text inside 《》 (with any markup in it: a glossary link);
* ``transliteration``: name parts joined by a middle dot (贾里德·库什纳);
* ``organisation``: the words before an organisation suffix (有限公司, 集团, 银行,
  大学, 研究院, 委员会 …), read back while they can be part of a name;
* ``stock``: a security's short name, before its code (魅视科技(001229.SZ)) or
  before a price move (烽火通信涨逾9%);
* ``brand``: a word jieba does not know, or knows as a proper noun, followed by an
  industry word, the way companies are called (大族激光, 天孚通信, 易冲科技);
* ``byline``: the name after 记者, 通讯员, 实习生 or 摄影 (记者颉满斌 通讯员余若怡);
* ``tagged`` / ``person``: words jieba's dictionary tags as place or organisation
  (ns nt) / as a person (nr nrt nrfg), unless a reviewed layer lists the word as
  vocabulary (jieba's tags are noisy: 高清 is tagged nr); a ``person`` is
  converted as a name but does not hold off a vocabulary rule; also a ``person``:
  a word of two or three characters jieba guessed (not in its dictionary) that
  starts with a ``surname`` character, one whose name form differs from OpenCC's
  character table (余丰慧 keeps 余, not 餘: the caller names them);
* ``repeated``: a name found once on the text is a name everywhere in it.

Every kind but ``repeated`` is found within a line: no pattern, word or form
crosses a line break (a converted page is converted line by line, and each line
is given the ``repeated`` forms of the whole page: see convert.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from generator.editions.words import HAN, boundaries, frequency, is_word, runs, tag, tags, words

ORGANISATION_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团", "公司", "银行", "大学", "学院",
    "研究院", "研究所", "研究中心", "科学院", "委员会", "协会", "学会", "联合会", "基金会",
    "交易所", "事务所", "合作社", "出版社", "通讯社", "报社", "电视台", "医院", "实验室",
    "办公室", "管理局", "总局", "证券", "基金", "保险", "信托", "商会", "控股",
    "部", "委", "局", "厅", "署",  # 工业和信息化部, 国家发展改革委, 国家数据局 (as words of their own)
)
# Words a company's short name ends with (大族激光, 魅视科技, 翔鹭钨业 …).
INDUSTRY_WORDS = frozenset((
    "科技", "股份", "智能", "激光", "通信", "电子", "软件", "信息", "网络", "数码", "数字", "控股", "实业",
    "医药", "药业", "生物", "能源", "电气", "电力", "传媒", "汽车", "材料", "新材", "光电", "微电子",
    "半导体", "精密", "机械", "重工", "证券", "银行", "环保", "化工", "钢铁", "矿业", "钨业", "锂业",
    "食品", "物流", "地产", "置业", "文化", "教育", "健康", "视讯", "互联", "智造",
))
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司")
_SUFFIX = re.compile("|".join(ORGANISATION_SUFFIXES))  # a longer suffix before one it holds
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt"})
# Tags of words that cannot be inside a name read back from its suffix.
_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "ud", "ug", "uz", "uv", "r", "rr", "rz", "d", "m",
                        "mq", "q", "f", "t", "y", "e", "o", "vd", "ad", "zg"})
_RUNS_KEPT = 200_000  # runs whose tagged words are remembered
_COMMON_VERB = 100  # a verb jieba's dictionary counts this often is no name part (沾益: 4)
_BACK_WORDS, _BACK_CHARS = 6, 14  # how far a name is read back from its suffix
_DOTS = "·•‧・"
_DOT = re.compile(f"[{HAN}]([{_DOTS}])[{HAN}]")
_TITLE = re.compile("《((?:[^《》\n<]|<[^<>\n]*>){1,400}?)》")  # a title may hold a link
_COMPANY_NEXT = re.compile("股份|公司|集团|控股|[（(]|涨|跌|公告|发布|披露|表示|称|等|董事|实控|股价|市值|主力")
_BYLINE = re.compile(f"(?:记者|通讯员|实习生|摄影|摄)[ 　]?([{HAN}]{{2,3}})(?=$|[ 　\n，、；）)]|摄|报道)")
_CODE = re.compile(r"[（(](?:股票代码[：:][^\S\n]*)?\d{6}(?:\.[A-Za-z]{2})?[)）]")
_MOVE = re.compile("涨停|跌停|涨逾|跌逾|涨超|跌超|大涨|大跌|收涨|收跌|领涨|领跌")
# A stock's name follows a delimiter and is no dictionary word nor a market noun.
_STOCK_BEFORE = re.compile(r"(^|[\s，、：；。（(“”]|如|包括|其中|以及)$")
_GUESSED = re.compile(f"[{HAN}]+")
_NOT_STOCK = re.compile("(板块|指数|行业|概念|股|板|市场|公司|股票|价格|价|产品|期货|资金|龙头|以来)$")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    kind: str


class NameFinder:
    """Finds the names of a text; ``listed`` maps known names to their kind."""

    def __init__(self, listed: dict[str, str] | None = None, vocabulary: frozenset[str] = frozenset(),
                 surnames: frozenset[str] = frozenset()) -> None:
        self.listed = dict(listed or {})
        self.vocabulary = vocabulary
        self.surnames = surnames
        self._runs: dict[str, tuple[Name, ...]] = {}
        self._automaton = ahocorasick.Automaton()
        for form, kind in self.listed.items():
            self._automaton.add_word(form, (form, kind))
        if self.listed:
            self._automaton.make_automaton()

    def find(self, text: str, pieces: list[str], spans: list[tuple[int, int]] | None = None,
             forms: frozenset[str] | None = None, by_context: list[Name] | None = None) -> list[Name]:
        """Every name of ``text`` (cut into ``pieces`` by words.words, its runs of Han
        text ``spans``), sorted, not overlapping. ``forms``: the names found by their
        context that are names everywhere (``repeated``), when the text is one line of
        a page (those of the whole page: :meth:`context_forms` of each line); else the
        text's own."""
        offsets = boundaries(pieces)
        found = (self._listed(text) + titles(text) + bylines(text)
                 + (self.by_context(text, pieces) if by_context is None else by_context)
                 + brands(text, pieces, offsets, self.vocabulary)
                 + self._tagged(text, runs(text) if spans is None else spans))
        return merge(found + repeated_forms(text, context_forms(text, found) if forms is None else forms))

    def by_context(self, text: str, pieces: list[str]) -> list[Name]:
        """The names of ``text`` found by their context (transliterations, organisations,
        stocks): :func:`context_forms` of them are the forms :meth:`find` takes."""
        offsets = boundaries(pieces)
        return transliterations(text, pieces, offsets) + organisations(text, pieces, offsets) \
            + stocks(text, pieces, offsets)

    def _tagged(self, text: str, spans: list[tuple[int, int]]) -> list[Name]:
        """:func:`tagged`, run by run; a run's tagged words are remembered."""
        found = []
        for start, end in spans:
            run = text[start:end]
            inside = self._runs.get(run)
            if inside is None:
                if len(self._runs) >= _RUNS_KEPT:
                    self._runs.clear()
                pieces = words(run)
                inside = self._runs[run] = tuple(tagged(pieces, boundaries(pieces), self.vocabulary, self.surnames))
            found += [Name(start + n.start, start + n.end, n.kind) for n in inside]
        return found

    def _listed(self, text: str) -> list[Name]:
        if not self.listed:
            return []
        return [Name(last - len(form) + 1, last + 1, kind)
                for last, (form, kind) in self._automaton.iter_long(text)]


def titles(text: str) -> list[Name]:
    return [Name(m.start(1), m.end(1), "title") for m in _TITLE.finditer(text)]


def bylines(text: str) -> list[Name]:
    """A reporter's or photographer's name after their title (two or three characters)."""
    return [Name(m.start(1), m.end(1), "byline") for m in _BYLINE.finditer(text)]


def transliterations(text: str, pieces: list[str], offsets: list[int]) -> list[Name]:
    """Han name parts joined by middle dots; the first part read back, the last forward."""
    found: list[Name] = []
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
    """An organisation suffix ending a word, with the name read back before it."""
    found = []
    for suffix in _SUFFIX.finditer(text):
        index = _piece_at(offsets, suffix.end() - 1)
        if offsets[index + 1] != suffix.end():
            continue  # the suffix does not end a word: 公司债
        own = suffix.start() - offsets[index]  # the word itself may hold the name: 招商银行
        if own > 0 and (len(suffix.group()) == 1 or tag(pieces[index]) in _STOP_TAGS):
            continue  # 一部 (a numeral and a measure word), not an organisation
        start = _read_back(pieces, offsets, index, _is_name_part, _BACK_WORDS, _BACK_CHARS)
        if start < offsets[index] or own > 0:
            found.append(Name(start, suffix.end(), "organisation"))
    return found


def stocks(text: str, pieces: list[str], offsets: list[int]) -> list[Name]:
    """A security's short name: before its code (魅视科技(001229.SZ)), or alone
    between a delimiter and a price move (，烽火通信涨逾9%)."""
    found = []
    for pattern in (_CODE, _MOVE):
        for mark in pattern.finditer(text):
            index = _piece_at(offsets, mark.start())
            if offsets[index] != mark.start():
                continue
            start = _read_back(pieces, offsets, index, _is_name_part, 4, 8)
            name = text[start:mark.start()]
            if len(name) < 2 or _NOT_STOCK.search(name):
                continue
            if pattern is _MOVE and (is_word(name) or not _STOCK_BEFORE.search(text[max(0, start - 2):start])):
                continue
            found.append(Name(start, mark.start(), "stock"))
    return found


def brands(text: str, pieces: list[str], offsets: list[int], vocabulary: frozenset[str] = frozenset()) -> list[Name]:
    """An unknown or proper-noun word followed by an industry word: 大族|激光, 天孚|通信.

    Where the industry word is itself a vocabulary word (智能, 激光, 通信: a brand
    found wrongly would keep it from its Taiwan form), the first word must be one
    jieba does not know, or knows as a proper noun, and a company's context must follow (股份, 公司, a code, a
    price move, 公告 …); a known term (具身智能, a glossary entry) is no brand."""
    found = []
    for index in range(len(pieces) - 1):
        industry = pieces[index + 1]
        if industry not in INDUSTRY_WORDS or not _is_brand(pieces[index]):
            continue
        start, end = offsets[index], offsets[index + 2]
        if text[start:end] in vocabulary:
            continue
        first = pieces[index]
        known = is_word(first) and tag(first) not in ("nz", "nt")
        if industry in vocabulary and (known or not _COMPANY_NEXT.match(text, end)):
            continue
        found.append(Name(start, end, "brand"))
    return found


def _is_brand(piece: str) -> bool:
    if len(piece) < 2 or not re.fullmatch(f"[{HAN}]+", piece):
        return False
    return tag(piece) in ("nz", "nt") or not is_word(piece)


def tagged(pieces: list[str], offsets: list[int], vocabulary: frozenset[str] = frozenset(),
           surnames: frozenset[str] = frozenset()) -> list[Name]:
    """Words jieba tags as names: ``person`` (nr nrt nrfg: converted as names, but
    too noisy to hold off a vocabulary rule: 智能化 and 大屏幕 are tagged nr) or
    ``tagged`` (ns nt: places and organisations); and, as ``person``, a two- or
    three-character word jieba guessed that starts with one of ``surnames``."""
    found = []
    tag_of = tags().get
    for index, piece in enumerate(pieces):
        kind = tag_of(piece) if len(piece) > 1 else None
        if kind is None and piece[:1] in surnames and 2 <= len(piece) <= 3 and _GUESSED.fullmatch(piece) \
                and not is_word(piece):
            kind = "nr"
        if kind in NAME_TAGS and piece not in vocabulary:
            found.append(Name(offsets[index], offsets[index + 1], "tagged" if kind in ("ns", "nt") else "person"))
    return found


def context_forms(text: str, found: list[Name]) -> frozenset[str]:
    """The forms of the names of ``found`` found by their context, with each
    organisation's name without its legal form (of four characters or more)."""
    forms = set()
    for name in found:
        if name.kind in ("stock", "organisation", "transliteration"):
            form = text[name.start:name.end]
            forms.add(form)
            core = _without_legal_form(form)
            if core != form and len(core) >= 4:
                forms.add(core)
    return frozenset(forms)


def repeated_forms(text: str, forms: frozenset[str]) -> list[Name]:
    """Every place of ``forms`` in ``text``, longest first: every other place of a name
    found by its context (a stock's name after its code, an organisation's full name or
    its name without the legal form; :func:`context_forms`)."""
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
