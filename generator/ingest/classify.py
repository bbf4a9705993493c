"""Line kinds of a raw newspaper page: what one extracted line looks like on its own.

Pure functions over one line's text; :mod:`generator.ingest.parse` decides from the
kinds and their neighbours which article each line belongs to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from generator.ingest import furniture

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SENTENCE_END = "。！？!?…"
CLAUSE_END = SENTENCE_END + "；;：:—”’」』)）》"
NAME = rf"[{HAN}·]{{2,5}}"
_BULLET = r"[●■◆▲★☆□◇○•]"
_OPEN, _CLOSE = r"[(（]", r"[)）]"
_PAGE = r"第?([A-Z]{0,2}\d{1,3}|[一二三四五六七八九十]{1,3})版"


class Kind(str, Enum):
    HEADING = "heading"
    CONTINUATION = "continuation"
    CREDIT = "credit"
    BYLINE = "byline"
    CHROME = "chrome"
    DATE = "date"
    TEXT = "text"


@dataclass(frozen=True)
class Heading:
    level: int
    start: int  # column where the heading text starts
    text: str


HEADING_RE = re.compile(r"^(#{1,6})[ \t\u3000]+(\S.*?)\s*$")
CONT_FROM_RE = re.compile(rf"^{_OPEN}(?:上接|接|紧接|续){_PAGE}{_CLOSE}")
CONT_TO_RE = re.compile(rf"{_OPEN}(?:下转|转|转至|续见){_PAGE}{_CLOSE}$")
CONT_LINE_RE = re.compile(rf"^{_OPEN}(上接|接|紧接|续|下转|转|转至|续见){_PAGE}{_CLOSE}$")
CREDIT_RE = re.compile(
    rf"^(?:(?:新华社|中新社|本报|人民日报)?(?:特约)?(?:摄影)?(?:记者|通讯员)?\s*)"
    rf"{NAME}(?:[\s、]+{NAME})*\s*(?:摄影?|供图)$"
    rf"|^(?:图|图片|摄影|供图)\s*[/／:：]\s*\S.{{0,30}}$"
    rf"|^(?:新华社|中新社)(?:记者\s*{NAME}\s*)?发$")
_SPACED_NAME = rf"[{HAN}](?:[ \u3000]?[{HAN}·]){{1,4}}"  # 田 鹏, 李 文: names set with spaces
_STAFF = r"(?:本报|本報|新华社|新華社|中新社|人民日报|人民日報)?(?:特约|特約)?(?:实习|實習)?" \
         r"(?:记者|記者|通讯员|通訊員|评论员|評論員|实习生|實習生)"
_NAMES = rf"{_SPACED_NAME}(?:[ \u3000、]+{_SPACED_NAME})*"
BYLINE_RE = re.compile(
    rf"^{_BULLET}?\s*(?:{_STAFF}(?:\s*[:：]\s*|\s+)|(?:文|作者|撰文|来源|來源)\s*[/／:：]\s*)\S"
    rf"|^{_BULLET}?\s*{_STAFF}{_NAMES}(?:\s*[/／][{HAN}]{{1,8}}(?:报道|報導|报导))?$"  # 記者王小明／臺北報導 (报导 read in Simplified)
    rf"|^{_BULLET}\s*{_NAMES}$")
TRAILING_REPORTERS_RE = re.compile(rf"{_OPEN}(?:本报|新华社|中新社)?(?:记者|通讯员)[^()（）]{{1,80}}{_CLOSE}$")
TRAILING_DATELINE_RE = re.compile(rf"{_OPEN}[^()（）]{{0,20}}\d{{1,2}}月\d{{1,2}}日电{_CLOSE}$")
# A dateline opening a story: agency and place, then the date and 电/讯, glued to the first
# sentence (新华社北京6月5日电, 中国经济网北京6月12日讯, 本报测试市1月5日电（记者 赵七）), or a
# bracketed one (（中央社記者王小明臺北12日電）). A bare 电 must be followed by a space or a bracket
# (电话 is not a dateline).
LEADING_DATELINE_RE = re.compile(
    rf"^(?:[{HAN}]{{2,14}}?\d{{1,2}}月\d{{1,2}}日(?:电|讯|電|訊)(?=[\s\u3000（(])"
    rf"|本报讯(?=[\s\u3000（(])|本報訊(?=[\s\u3000（(])"
    rf"|{_OPEN}[^()（）]{{2,30}}?\d{{1,2}}日(?:电|電){_CLOSE})"
    rf"(?:[ \u3000]*{_OPEN}(?:记者|記者|通讯员|通訊員)[^()（）]{{1,40}}{_CLOSE})?[ \u3000]*")
DATE_RE = re.compile(r"^\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?(?:\s*(?:星期|周|週)[一二三四五六日天])?$")
CHROME_RE = re.compile(
    r"^(?:责任编辑|责编|编辑|美编|校对|版式设计|版式|制图|本版编辑|图片编辑"
    r"|責任編輯|責編|編輯|美編|校對|版式設計|製圖|本版編輯|圖片編輯)\s*[:：]"
    r"|^第?[A-Z]{0,2}\d{1,3}\s*版(?:\s*[:：]?\s*[" + HAN + r"]{0,8})?$"
    r"|^[A-Z]{1,2}\d{1,3}[ \t\u3000]+[" + HAN + r"]{2,8}$"  # running head: A02 要闻
    r"|^[-—–]\s*\d{1,3}\s*[-—–]$"
    r"|^《[^》]{1,20}》\s*[（(][^）)]{0,40}版\s*[）)]$")  # paper footer: 《人民日报》（2026年06月12日 06 版）
# A line that carries a date and little else (a page header, a scraper's date/source line).
DATED_RE = re.compile(r"(?:^|[\s\u3000])\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})(?:[\s\u3000]|$)")


def heading(text: str) -> Heading | None:
    match = HEADING_RE.match(text)
    if not match:
        return None
    return Heading(len(match.group(1)), match.start(2), match.group(2))


def kind_of(text: str) -> Kind:
    """The kind of one stripped, non-blank line."""
    if heading(text):
        return Kind.HEADING
    if CONT_LINE_RE.match(text):
        return Kind.CONTINUATION
    if furniture.classify(text) is not None:  # page furniture (generator.ingest.furniture)
        return Kind.CHROME
    if len(text) <= 40 and not _has_sentence_end(text):
        if CREDIT_RE.match(text):
            return Kind.CREDIT
        if BYLINE_RE.match(text):
            return Kind.BYLINE
        if CHROME_RE.match(text):
            return Kind.CHROME
        if DATE_RE.match(text) or DATED_RE.search(text):
            return Kind.DATE
    return Kind.TEXT


def _has_sentence_end(text: str) -> bool:
    return any(c in SENTENCE_END for c in text)


def ends_sentence(text: str) -> bool:
    """True when a line closes a sentence, so the next line starts a new one."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def ends_open(text: str) -> bool:
    """True when a line stops mid-sentence (no closing punctuation at all). An ASCII
    quotation mark closing a sentence (……。") closes the line like ” does."""
    stripped = text.rstrip()
    if stripped[-1:] in ("\"", "'") and stripped[-2:-1] in CLAUSE_END:
        return False
    return bool(stripped) and stripped[-1] not in CLAUSE_END


def is_prose(text: str) -> bool:
    """Running text rather than a table cell or a label: punctuated or long."""
    return len(text) >= 16 or bool(re.search(r"[，,、；;：:。！？!?“”]", text))


HEADLINE_MAX = 40  # characters


def looks_like_headline(text: str) -> bool:
    """The shape of a headline, kicker or subhead set on its own line: short, no sentence
    inside it, not ending like a clause; it may ask or exclaim (？！) and hold ，：、 or
    spaces (商圈如何接住世界杯流量？, 给黑土地做体检，施肥更精细)."""
    text = text.strip()
    if not 2 <= len(text) <= HEADLINE_MAX or text[-1] in "。，、；：,;:—…" or "。" in text.rstrip("”’」』"):
        return False
    return not re.search(r"[；;]|[。！？!?][^”’」』)）]", text) and not LEADING_DATELINE_RE.match(text)


def is_caption_start(text: str) -> bool:
    return bool(re.match(r"^(?:图为|上图|下图|左图|右图|这是\d{4}年.{0,60}拍摄的)", text))


def continuation_page(marker: str) -> str:
    match = re.search(r"([A-Z]{0,2}\d{1,3}|[一二三四五六七八九十]{1,3})版", marker)
    return match.group(1) if match else ""
