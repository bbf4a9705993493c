"""Line kinds of a raw newspaper page: what one extracted line looks like on its own.

Pure functions over one line's text; :mod:`generator.parse` decides from the
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
BYLINE_RE = re.compile(
    rf"^{_BULLET}?\s*(?:(?:本报|新华社|中新社|人民日报)?(?:特约|实习)?(?:记者|通讯员|评论员|实习生)"
    rf"(?:\s*[:：]\s*|\s+|(?={HAN}))|(?:文|作者|撰文|来源)\s*[/／:：]\s*)\S")
TRAILING_REPORTERS_RE = re.compile(rf"{_OPEN}(?:本报|新华社|中新社)?(?:记者|通讯员)[^()（）]{{1,80}}{_CLOSE}$")
TRAILING_DATELINE_RE = re.compile(rf"{_OPEN}[^()（）]{{0,20}}\d{{1,2}}月\d{{1,2}}日电{_CLOSE}$")
LEADING_DATELINE_RE = re.compile(
    rf"^(?:新华社|中新社|本报|人民日报)[{HAN}]{{0,10}}\d{{1,2}}月\d{{1,2}}日(?:电|讯)"
    rf"(?:\s*{_OPEN}(?:记者|通讯员)[^()（）]{{1,40}}{_CLOSE})?\s*")
DATE_RE = re.compile(r"^\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?(?:\s*(?:星期|周)[一二三四五六日天])?$")
CHROME_RE = re.compile(
    r"^(?:责任编辑|责编|编辑|美编|校对|版式设计|版式|制图|本版编辑|图片编辑)\s*[:：]"
    r"|^第?[A-Z]{0,2}\d{1,3}\s*版(?:\s*[:：]?\s*[" + HAN + r"]{0,8})?$"
    r"|^[A-Z]{1,2}\d{1,3}[ \t\u3000]+[" + HAN + r"]{2,8}$"  # running head: A02 要闻
    r"|^[-—–]\s*\d{1,3}\s*[-—–]$")


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
        if DATE_RE.match(text) or CHROME_RE.match(text):
            return Kind.DATE if DATE_RE.match(text) and not CHROME_RE.match(text) else Kind.CHROME
    return Kind.TEXT


def _has_sentence_end(text: str) -> bool:
    return any(c in SENTENCE_END for c in text)


def ends_sentence(text: str) -> bool:
    """True when a line closes a sentence, so the next line starts a new one."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def ends_open(text: str) -> bool:
    """True when a line stops mid-sentence (no closing punctuation at all)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] not in CLAUSE_END


def is_prose(text: str) -> bool:
    """Running text rather than a table cell or a label: punctuated or long."""
    return len(text) >= 16 or bool(re.search(r"[，,、；;：:。！？!?“”]", text))


def looks_like_headline(text: str) -> bool:
    """A short line with no sentence punctuation (for pages without # marks)."""
    return 2 <= len(text) <= 40 and not _has_sentence_end(text) and not re.search(r"[，,；;]", text)


def is_caption_start(text: str) -> bool:
    return bool(re.match(r"^(?:图为|上图|下图|左图|右图|这是\d{4}年.{0,60}拍摄的)", text))


def continuation_page(marker: str) -> str:
    match = re.search(r"([A-Z]{0,2}\d{1,3}|[一二三四五六七八九十]{1,3})版", marker)
    return match.group(1) if match else ""
