"""The layouts real pages take, built at test time from the corpus of real scraped
records (tests/fixtures/corpus/, publishers' copyright: test material only).

Every record's own ``title``/``publish_time``/``source``/``content`` is the ground
truth; each layout writes the same records the way a kind of input carries them
and says, line by line, what each written line is (:class:`Sample`). Deterministic:
the same corpus gives the same pages. Invented names on the pages (reporters or
editors where a layout needs one and the record has none) are fixture names
(测试员, 示例), marked as such, never news.

    scraped   one article a page as a scraper saves it: title, date/source line,
              记者：/编辑： lines, paragraphs, sometimes a paper footer
    multi     several articles a page without # marks: headline, blank line, paragraphs
    pdf       text extracted from a printed page: header and footer lines, headlines
              over two lines, bylines, indented paragraph starts, hard wraps, no blanks
    marked    # headlines, ## subheads, as the seed is marked
    tw        the scraped layout in Taiwan usage (OpenCC s2tw), 記者…／臺北報導, 責任編輯
    hk        the pdf layout in Hong Kong forms (OpenCC s2hk)
    wire      Taiwan wire stories run together, each opening （中央社記者…電）
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "scraped-2026-06-12.json"
LAYOUTS = ("scraped", "multi", "pdf", "marked", "tw", "hk", "wire")
FIXTURE_NAME = "测试员"  # a fixture name where a layout needs a person and the record has none
_TW_FIXTURE = "測試員"
_BYLINE = re.compile(r"^(?:本报记者|本報記者|■)\s*(.+)$")
_FOOTER = re.compile(r"^《.*》.*版\s*）$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


@dataclass
class Expected:
    """What a reader should get for one record on a page (text in the page's script)."""

    record: int
    title: str
    paragraphs: list[str]
    subheads: list[str]
    bylines: list[str] = field(default_factory=list)  # names a byline may carry
    date: str | None = None
    outlet: str | None = None


@dataclass
class Sample:
    """One written page: its text, the articles it holds, its furniture lines (1-based)."""

    layout: str
    name: str
    text: str
    articles: list[Expected]
    furniture: set[int] = field(default_factory=set)


@dataclass
class Record:
    index: int
    title: str
    date: str
    time: str
    outlet: str
    reporter: str
    editor: str
    items: list[tuple[str, str]]  # (kind, text): para, subhead, byline, footer

    @property
    def bylines(self) -> list[str]:
        return [t for k, t in self.items if k == "byline"]

    @property
    def names(self) -> list[str]:
        """Reporter names the record gives (its byline paragraphs, a plausible reporter field)."""
        found = [m.group(1).replace(" ", "") for b in self.bylines if (m := _BYLINE.match(b))]
        if _NAME.match(self.reporter):
            found.append(self.reporter)
        return found


def records() -> list[Record]:
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    return [_record(i, r) for i, r in enumerate(data["articles"])]


def _record(index: int, raw: dict) -> Record:
    day, clock = raw["publish_time"].split()
    items = [(_item_kind(raw["content"], i), text.strip()) for i, text in enumerate(raw["content"])]
    return Record(index, raw["title"], day, clock, raw["source"], raw["reporter"].strip(), raw["editor"].strip(),
                  items)


def _item_kind(content: list[str], i: int) -> str:
    """Ground truth labels of the scraper's paragraphs (the scorer's, not the parser's)."""
    text = content[i].strip()
    if _BYLINE.match(text) and len(text) <= 12:
        return "byline"
    if _FOOTER.match(text):
        return "footer"
    if len(text) <= 20 and not re.search("[。！？，]", text) and i + 1 < len(content):
        return "subhead"
    return "para"


def converted(record: Record, convert) -> Record:
    """The record in another script, paragraph by paragraph (as a Traditional source has it)."""
    return Record(record.index, convert(record.title), record.date, record.time, convert(record.outlet),
                  convert(record.reporter), convert(record.editor), [(k, convert(t)) for k, t in record.items])


def expected(record: Record, convert=lambda s: s, date: str | None = None, outlet: str | None = None) -> Expected:
    paragraphs: list[str] = []
    for kind, text in record.items:
        if kind == "para" and paragraphs and paragraphs[-1][-1] in "，、":
            paragraphs[-1] += convert(text)  # the scraper broke a sentence: one paragraph
        elif kind == "para":
            paragraphs.append(convert(text))
    subheads: list[str] = []
    previous: str | None = None
    for kind, text in record.items:
        if kind == "subhead" and previous == "subhead":
            subheads[-1] += convert(text)  # a subhead set over two lines
        elif kind == "subhead":
            subheads.append(convert(text))
        previous = kind
    return Expected(record.index, convert(record.title), paragraphs, subheads,
                    [convert(n) for n in record.names], date, outlet)


class _Page:
    """Lines being written, with the line numbers of furniture."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.furniture: set[int] = set()

    def add(self, *lines: str, furniture: bool = False) -> None:
        for line in lines:
            self.lines.append(line)
            if furniture:
                self.furniture.add(len(self.lines))

    def sample(self, layout: str, name: str, articles: list[Expected]) -> Sample:
        text = "\n".join(self.lines) + "\n"
        return Sample(layout, name, text, articles, set(self.furniture))


# -- scraped: one article a page -------------------------------------------------

def scraped(record: Record, taiwan: bool = False) -> Sample:
    page = _Page()
    page.add(record.title)
    if taiwan:
        page.add(f"{record.date} {record.time}　{record.outlet}", furniture=True)
        if record.names:
            page.add(f"記者{record.names[0]}／臺北報導", furniture=True)
    else:
        page.add(f"{record.date} {record.time}　来源：{record.outlet}", furniture=True)
        if record.reporter:
            page.add(f"记者：{record.reporter}", furniture=True)
        if record.editor:
            page.add(f"编辑：{record.editor}", furniture=True)
    blank = record.index % 2 == 0  # half the pages one paragraph a line, half with blank lines between
    for kind, text in record.items:
        if blank or kind == "footer":
            page.add("")
        page.add(text, furniture=kind == "footer")
    if taiwan:
        page.add("")
        page.add(f"責任編輯：{_TW_FIXTURE}", furniture=True)
    return page.sample("tw" if taiwan else "scraped", f"{record.index:02d}",
                       [expected(record, date=record.date, outlet=record.outlet)])


# -- multi: several articles, no marks --------------------------------------------

def multi(group: list[Record], number: int) -> Sample:
    page = _Page()
    blank = number % 2 == 0
    for record in group:
        if page.lines:
            page.add("", "")
        page.add(record.title, "")
        for kind, text in record.items:
            if blank and page.lines[-1] != "":
                page.add("")
            page.add(text, furniture=kind == "footer")
    return page.sample("multi", f"m{number:02d}", [expected(r) for r in group])


# -- marked: # headlines, ## subheads ---------------------------------------------

def marked(group: list[Record], number: int) -> Sample:
    page = _Page()
    for record in group:
        page.add(f"# {record.title}", "")
        previous = None
        for kind, text in record.items:
            if kind == "subhead":
                if previous == "subhead":
                    page.lines[-2] += text  # one ## line for a two-line subhead
                    continue
                page.add(f"## {text}", "")
            else:
                page.add(text, "", furniture=kind == "footer")
            previous = kind
    return page.sample("marked", f"k{number:02d}", [expected(r) for r in group])


# -- pdf: a printed page's extracted text -----------------------------------------

_CLOSING = "，。、；：？！”’）》」』…—"


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, cells: int) -> list[str]:
    """Hard-wrap at a fixed width in cells (CJK 2, Latin 1); closing marks hang at the line end."""
    lines, line = [], ""
    for char in text:
        if line and width(line + char) > cells and char not in _CLOSING:
            lines.append(line)
            line = ""
        line += char
    return lines + [line] if line else lines


def pdf(group: list[Record], number: int, convert=lambda s: s, layout: str = "pdf") -> Sample:
    """Header, articles, footer; no blank lines. Pages alternate U+3000 and space indents
    and three column widths."""
    page = _Page()
    cells = (44, 52, 64)[number % 3]
    indent = "\u3000\u3000" if number % 2 == 0 else "    "
    outlet, day = group[0].outlet, group[0].date
    y, m, d = (int(x) for x in day.split("-"))
    page.add(f"{outlet}　　{y}年{m}月{d}日　星期五", convert(f"第{number + 1:02d}版　要闻"), furniture=True)
    for position, record in enumerate(group):
        _pdf_headline(page, record.title, cells)
        _pdf_byline(page, record, position, convert)
        for kind, text in record.items:
            if kind == "byline":
                continue
            if kind == "footer":
                page.add(text, furniture=True)
            elif kind == "subhead":
                page.add(text)
            else:
                page.add(*wrap(indent + text, cells))
    page.add(convert(f"责编：{FIXTURE_NAME}　版式：{FIXTURE_NAME}　校对：{FIXTURE_NAME}"), furniture=True)
    articles = [expected(r, date=day, outlet=outlet) for r in group]
    for article in articles:
        article.bylines.append(convert(FIXTURE_NAME))
    return page.sample(layout, f"p{number:02d}", articles)


def _pdf_headline(page: _Page, title: str, cells: int) -> None:
    if " " in title and width(title) > 24:  # set over two lines where the title has its space
        first, second = title.split(" ", 1)
        page.add(first, second)
    else:
        page.add(title)


def _pdf_byline(page: _Page, record: Record, position: int, convert) -> None:
    """The record's own byline; an article with neither byline nor dateline gets a fixture
    byline (every article on a printed page carries one of the two)."""
    if record.bylines:
        page.add(record.bylines[0])
    elif record.names:
        page.add(convert("本报记者　") + record.names[0])
    elif not re.match(r"^\S{2,12}\d{1,2}月\d{1,2}日[电讯電訊]", record.items[0][1]):
        page.add(convert(f"本报记者　{FIXTURE_NAME}" if position % 2 == 0 else f"■ {FIXTURE_NAME}"))


# -- wire: Taiwan wire stories run together ---------------------------------------

_DATELINE = re.compile(r"^\S{2,12}\d{1,2}月\d{1,2}日[电讯電訊]\s*(?:（[^）]*）)?")


def wire(group: list[Record], number: int) -> Sample:
    """Records already in Taiwan script; each story opens with a CNA-style dateline."""
    page = _Page()
    articles = []
    for record in group:
        page.add(record.title)
        item = expected(record)
        item.paragraphs[0] = _DATELINE.sub("", item.paragraphs[0])
        item.bylines.append(_TW_FIXTURE)
        articles.append(item)
        first = True
        for kind, text in record.items:
            if kind == "byline":
                continue
            if first and kind == "para":
                text = f"（中央社記者{_TW_FIXTURE}臺北{int(record.date[-2:])}日電）" + _DATELINE.sub("", text)
                first = False
            page.add(text, furniture=kind == "footer")
    return page.sample("wire", f"w{number:02d}", articles)


# -- all of them ------------------------------------------------------------------

@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc
    return opencc.OpenCC(config).convert


def groups(items: list[Record], size: int) -> list[list[Record]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def by_outlet(items: list[Record], size: int) -> list[list[Record]]:
    """Pages of one outlet each (a printed page belongs to one paper)."""
    outlets: dict[str, list[Record]] = {}
    for record in items:
        outlets.setdefault(record.outlet, []).append(record)
    return [g for same in outlets.values() for g in groups(same, size)]


def samples(layouts: tuple[str, ...] = LAYOUTS) -> list[Sample]:
    corpus = records()
    tw, hk = _converter("s2tw"), _converter("s2hk")
    made: list[Sample] = []
    if "scraped" in layouts:
        made += [scraped(r) for r in corpus]
    if "multi" in layouts:
        made += [multi(g, n) for n, g in enumerate(groups(corpus, 4))]
    if "pdf" in layouts:
        made += [pdf(g, n) for n, g in enumerate(by_outlet(corpus, 3))]
    if "marked" in layouts:
        made += [marked(g, n) for n, g in enumerate(groups(corpus, 4))]
    if "tw" in layouts:
        made += [scraped(converted(r, tw), taiwan=True) for r in corpus]
    if "hk" in layouts:
        made += [pdf(g, n, hk, "hk") for n, g in enumerate(by_outlet([converted(r, hk) for r in corpus], 3))]
    if "wire" in layouts:
        made += [wire(g, n) for n, g in enumerate(groups([converted(r, tw) for r in corpus], 5))]
    return made
