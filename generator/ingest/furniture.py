"""Page furniture: lines (or the leading/trailing part of one) that are not article text.

Pure functions over one line's text, in Simplified and Traditional. Each rule says
what it is and what metadata it carries; :mod:`generator.ingest.settle` files what
the parser found under the page or its article. Rules, and the evidence each uses:

* paper footer — ``《 人民日报 》（ 2026年06月12日 06 版）``: a title in 《》 and a
  bracketed full date with an optional page: outlet, date, page.
* scraper header — a line made only of dates, times and labelled fields
  (``2026-06-12 06:02　来源：人民网－人民日报``, ``发布时间：… 作者：…``), at least one of
  them a date or a source label: date, time, outlet, reporter, editor; or a date and
  a time beside one short name (``2026-06-12 11:38　中国经济网``: the outlet; a guess
  unless it is shaped like one, …报/…网/…社).
* label — a Markdown/RSS wrapper line ``- 链接: http…``, ``**来源**：…``, ``Source: …``:
  a known label (Chinese or English), its value to the field it names.
* staff — ``责编：… 版式：… 校对：…`` (one or more staff labels): editor.
* page header/footer — a short line with a full date and a weekday, a ``第N版``/``A02``
  page or an outlet name, and no sentence punctuation: date, page, outlet, edition.
* page number — ``- 3 -``, ``第3版``, ``A02 要闻``: page.
* list number — a line that is only a feed archive's number (``12.``, ``(3)``, ``#4``).
* boilerplate — an ICP or 公网安备 registration number, a copyright line (©,
  Copyright, 版权所有 on a short line without a sentence), a navigation row of short
  items between ``|``.
* share — a short line of site actions (分享到, 扫码关注, 点击订阅, 返回顶部…).
* image — a Markdown image ``![图片](…)`` (alone, or leading/trailing a line).
* url — a line that is only a URL.
* trailing ``（责任编辑：…）``/``（编辑：…）`` after a paragraph's last sentence: editor.

A rule whose evidence is a keyword rather than a shape (boilerplate, share) is a
guess: the parser records it as a doubtful :class:`generator.model.Decision`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SPACE = r"[ \t\u3000\u00a0]"
SENTENCE = "。！？!?"
_COLON = r"\s*[:：]\s*"
# Simplified and Traditional forms of the words the rules look for
_EDITOR = r"(?:责任编辑|責任編輯|责编|責編|本版编辑|本版編輯|编辑|編輯)"
_STAFF = _EDITOR + r"|版式设计|版式設計|版式|校对|校對|美编|美編|制图|製圖|图片编辑|圖片編輯|实习生|實習生"
_REPORTER = r"(?:记者|記者|作者|撰文|文字|通讯员|通訊員)"
_SOURCE = r"(?:来源|來源|稿源|出处|出處|转自|轉自|转载自|轉載自)"
_TIME_LABEL = r"(?:发布时间|發布時間|发表时间|發表時間|发布日期|發布日期|更新时间|更新時間|时间|時間|日期)"
_COUNTER = r"(?:字号|字號|浏览|瀏覽|阅读|閱讀|点击|點擊|评论|評論|字数|字數|阅读量|閱讀量)"
DATE = (r"(?P<y>\d{4})\s*(?:年|-|/|\.)\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?P<d>\d{1,2})\s*日?")
TIME = r"(?P<t>\d{1,2}[:：]\d{2})(?:[:：]\d{2})?"
WEEKDAY = r"(?:星期|周|週|禮拜|礼拜)[一二三四五六日天]"
PAGE = r"(?:第\s*(?P<p1>[A-Z]{0,2}\d{1,3})\s*版|(?P<p2>[A-Z]{1,2}\d{1,3})\s*版?|(?P<p3>\d{1,3})\s*版)"
OUTLET = (rf"[{HAN}A-Za-z]{{1,10}}(?:日报|日報|晚报|晚報|晨报|晨報|时报|時報|商报|商報|周报|週報|新闻|新聞|周刊|週刊|杂志|雜誌"
          rf"|报|報|网|網|社|电视台|電視台)")

_DATE_RE = re.compile(DATE)
_TIME_RE = re.compile(TIME)
PAPER_FOOTER = re.compile(
    rf"《{SPACE}*(?P<outlet>[^《》]{{1,20}}?){SPACE}*》{SPACE}*[（(]{SPACE}*{DATE}"
    rf"(?:{SPACE}*(?:第{SPACE}*)?(?P<page>[A-Z]{{0,2}}\d{{1,3}}){SPACE}*版)?{SPACE}*[)）]")
_FIELD_LABEL = re.compile(
    rf"(?P<label>{_SOURCE}|{_TIME_LABEL}|{_REPORTER}|{_EDITOR}|{_COUNTER}|作者|分类|分類|栏目|欄目|频道|頻道|标签|標籤)"
    rf"{_COLON}")
_MD_PREFIX = r"^(?:[-*+>]\s+|#{1,6}\s+)?\**"
_LABELS = {  # a wrapper label → the metadata field it fills (None: kept, no field)
    "标题": "title", "標題": "title", "title": "title",
    "链接": "url", "鏈接": "url", "連結": "url", "原文链接": "url", "原文鏈接": "url", "网址": "url", "網址": "url",
    "url": "url", "link": "url",
    "来源": "publication", "來源": "publication", "source": "publication",
    "发布时间": "date", "發布時間": "date", "时间": "date", "時間": "date", "日期": "date", "pubdate": "date",
    "published": "date", "date": "date",
    "作者": "reporter", "记者": "reporter", "記者": "reporter", "author": "reporter",
    "编辑": "editor", "編輯": "editor", "责任编辑": "editor", "責任編輯": "editor", "editor": "editor",
    "分类": None, "分類": None, "栏目": None, "欄目": None, "频道": None, "頻道": None, "标签": None,
    "標籤": None, "category": None, "channel": None, "tags": None, "摘要": None, "guid": None, "id": None,
}
_LABEL_LINE = re.compile(rf"{_MD_PREFIX}(?P<label>[{HAN}]{{2,4}}|[A-Za-z]{{2,9}})\**{_COLON}\**(?P<value>.*?)\**$")
_STAFF_RE = re.compile(rf"(?P<label>{_STAFF}){_COLON}")
_PAGE_NUMBER = re.compile(
    rf"^(?:[-—–]\s*\d{{1,3}}\s*[-—–]|第?\s*(?P<p>[A-Z]{{0,2}}\d{{1,3}})\s*版(?:{SPACE}*[:：]?{SPACE}*(?P<e>[{HAN}]{{0,8}}))?"
    rf"|(?P<q>[A-Z]{{1,2}}\d{{1,3}})[ \t\u3000]+(?P<f>[{HAN}]{{2,8}}))$")
_LIST_NUMBER = re.compile(r"^(?:\d{1,4}[.、．)）]|[(（]\d{1,4}[)）]|#\d{1,4}|\[\d{1,4}\]|No\.\s*\d{1,4})$")
_ICP = re.compile(r"ICP\s*[备備证證]?\s*[:：]?\s*\d{6,}|ICP[备備证證]\S*号|公网安备|公網安備|互联网新闻信息服务许可证"
                  r"|互聯網新聞信息服務許可證|违法和不良信息举报|違法和不良信息舉報")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|Copyright|版权所有|版權所有|All Rights Reserved|未经授权|未經授權"
                        r"|禁止转载|禁止轉載|不得转载|不得轉載", re.IGNORECASE)
_SHARE = re.compile(
    r"^(?:分享到|分享至|分享|扫一扫|掃一掃|扫码|掃碼|扫描二维码|掃描二維碼|长按识别|長按識別|关注我们|關注我們|点击关注|點擊關注"
    r"|关注公众号|關注公眾號|微信公众号|微信公眾號|点击订阅|點擊訂閱|订阅|訂閱|返回顶部|返回頂部|打印本页|列印本頁|关闭窗口|關閉視窗"
    r"|打开APP|打開APP|下载客户端|下載客戶端|【纠错】|【糾錯】|纠错|糾錯|点赞|點讚|收藏|推荐阅读|推薦閱讀|相关新闻|相關新聞"
    r"|相关阅读|相關閱讀|热点推荐|熱點推薦|责任编辑|責任編輯)")
_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\s]{1,2000}(?:\s+\"[^\"]*\")?\)")
_URL = re.compile(r"^(?:<)?https?://\S+?(?:>)?$|^www\.\S+$")
_TRAILING_EDITOR = re.compile(rf"[（(\[【]\s*{_EDITOR}{_COLON}(?P<name>[^()（）\[\]【】]{{1,20}}?)\s*[）)\]】]$")
_NAV = re.compile(r"^[^|｜]{1,12}(?:\s*[|｜]\s*[^|｜]{1,12}){2,}$")


@dataclass(frozen=True)
class Found:
    """A run of furniture on a line: its kind, its span (``start``, ``end`` in the
    stripped line) and the metadata it carries; ``guess`` when the evidence is a
    keyword, not a shape."""

    kind: str
    start: int
    end: int
    fields: tuple[tuple[str, str], ...] = ()
    guess: bool = False

    def get(self, name: str) -> str | None:
        return dict(self.fields).get(name)

    def describe(self) -> str:
        values = "，".join(f"{k}={v}" for k, v in self.fields)
        return f"{self.kind}" + (f"（{values}）" if values else "")


def classify(text: str) -> Found | None:
    """The furniture a whole stripped line is, or None if it is (or may be) article text."""
    if not text:
        return None
    for rule in (_paper_footer, _image_line, _url_line, _scraper_header, _dated_outlet, _staff, _page_header,
                 _page_number,
                 _list_number, _label_line, _boilerplate, _share):
        found = rule(text)
        if found is not None:
            return found
    return None


def trailing(text: str) -> Found | None:
    """Furniture glued after a paragraph's last sentence: ``…。《人民日报》（2026年6月12日 06版）``,
    ``…。（责任编辑：张三）``, a Markdown image. The span is the furniture's."""
    for regex, kind in ((PAPER_FOOTER, "paper-footer"), (_TRAILING_EDITOR, "editor"), (_IMAGE, "image")):
        for match in regex.finditer(text):
            if match.end() == len(text.rstrip()) and match.start() > 0 and text[:match.start()].strip():
                fields = _paper_fields(match) if kind == "paper-footer" else \
                    ((("editor", match.group("name").strip()),) if kind == "editor" else ())
                return Found(kind, match.start(), match.end(), fields)
    return None


def leading(text: str) -> Found | None:
    """Furniture before a paragraph's first words: a Markdown image (``![](…)正文``)."""
    match = _IMAGE.match(text)
    if match and text[match.end():].strip():
        return Found("image", 0, match.end())
    return None


# -- the rules -----------------------------------------------------------------------

def _paper_footer(text: str) -> Found | None:
    match = PAPER_FOOTER.fullmatch(text)
    return Found("paper-footer", 0, len(text), _paper_fields(match)) if match else None


def _paper_fields(match: re.Match) -> tuple[tuple[str, str], ...]:
    fields = [("publication", match.group("outlet").strip()), ("date", iso_date(match))]
    if match.group("page"):
        fields.append(("page", match.group("page")))
    return tuple(fields)


def _image_line(text: str) -> Found | None:
    rest = _IMAGE.sub("", text)
    return Found("image", 0, len(text)) if _IMAGE.search(text) and not rest.strip() else None


def _url_line(text: str) -> Found | None:
    return Found("url", 0, len(text), (("url", text.strip("<>")),)) if _URL.match(text) else None


def _scraper_header(text: str) -> Found | None:
    """Only dates, times and labelled fields; at least a date or a source/author."""
    if len(text) > 120 or any(c in text for c in "。！？"):
        return None
    fields: list[tuple[str, str]] = []
    labels = list(_FIELD_LABEL.finditer(text))
    head = text[:labels[0].start()] if labels else text
    if not _only_dates(head, fields):
        return None
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        value = text[match.end():end].strip(" \t\u3000|｜")
        if not _labelled(match.group("label"), value, fields):
            return None
    names = {name for name, _ in fields}
    if not names & {"date", "publication"} or not (labels or "time" in names):
        return None  # a date alone (a dateline, a page's date) or a reporter alone (a byline) is the parser's
    return Found("scraper-header", 0, len(text), tuple(fields))


def _dated_outlet(text: str) -> Found | None:
    """``2026-06-12 11:38　中国经济网``: a date and a time, and one short name beside them,
    the outlet (a guess unless it is shaped like one: …报, …网, …社)."""
    date, time = _DATE_RE.search(text), _TIME_RE.search(text)
    if not (date and time) or len(text) > 60 or _has_sentence(text) or re.search(r"[，,；;：:“”]", text[time.end():]):
        return None
    left = text.replace(date.group(), " ", 1).replace(time.group(), " ", 1)
    rest = re.sub(rf"{WEEKDAY}|[|｜/／·•]", " ", left).split()
    if len(rest) != 1 or not re.fullmatch(rf"[{HAN}A-Za-z－\-]{{2,14}}", rest[0]):
        return None
    fields = (("date", iso_date(date)), ("time", _hhmm(time.group("t"))), ("publication", rest[0]))
    return Found("scraper-header", 0, len(text), fields, guess=not re.fullmatch(OUTLET, rest[0]))


def _only_dates(text: str, fields: list[tuple[str, str]]) -> bool:
    """True when ``text`` holds nothing but dates and times (and separators)."""
    rest = text
    for match in _DATE_RE.finditer(text):
        fields.append(("date", iso_date(match)))
        rest = rest.replace(match.group(), " ", 1)
    for match in _TIME_RE.finditer(rest):
        fields.append(("time", _hhmm(match.group("t"))))
        rest = rest.replace(match.group(), " ", 1)
    return not re.sub(rf"{SPACE}|[|｜/／,，·•]|{WEEKDAY}", "", rest)


def _labelled(label: str, value: str, fields: list[tuple[str, str]]) -> bool:
    if re.fullmatch(_TIME_LABEL, label):
        return bool(value) and _only_dates(value, fields)
    if re.fullmatch(_COUNTER, label) or not value:
        return True
    tail = _DATE_RE.search(value)  # 来源：人民网 2026-06-12 10:00
    if tail and _only_dates(value[tail.start():], fields):
        value = value[:tail.start()].strip()
    if len(value) > 30 or any(c in value for c in "，,；;"):
        return False
    if re.fullmatch(_SOURCE, label):
        fields.append(("publication", value))
    elif re.fullmatch(_REPORTER, label) or label == "作者":
        fields.append(("reporter", value))
    elif re.fullmatch(_EDITOR, label):
        fields.append(("editor", value))
    return True


def _label_line(text: str) -> Found | None:
    """A feed's wrapper label with its value: ``- 链接: http…``, ``**来源**：新华社``."""
    match = _LABEL_LINE.match(text)
    if not match or len(text) > 300:
        return None
    label = match.group("label").lower()
    if label not in _LABELS:
        return None
    value = match.group("value").strip()
    field = _LABELS[label]
    if field == "reporter" and not (text[:match.start("label")] or label.isascii()):
        return None  # 记者：张三 on its own is a byline (the parser's), unless a feed's label (- 作者: …)
    if field is None or not value:
        return Found("label", 0, len(text))
    if field == "date":
        fields: list[tuple[str, str]] = []
        if not _only_dates(value, fields):
            return None
        return Found("label", 0, len(text), tuple(fields))
    if field in ("publication", "reporter", "editor") and (len(value) > 30 or _has_sentence(value)):
        return None
    return Found("label", 0, len(text), ((field, value),))


def _staff(text: str) -> Found | None:
    """``责编：张三　版式：李四　校对：王五`` (page footer of a printed page)."""
    labels = list(_STAFF_RE.finditer(text))
    if not labels or labels[0].start() != 0 or len(text) > 80 or _has_sentence(text):
        return None
    fields = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        value = text[match.end():end].strip(" \t\u3000|｜")
        if re.fullmatch(_EDITOR, match.group("label")) and value:
            fields.append(("editor", value))
    return Found("staff", 0, len(text), tuple(fields[:1]))


def _page_header(text: str) -> Found | None:
    """A short unpunctuated line with a full date and a weekday, page or outlet."""
    date = _DATE_RE.search(text)
    if not date or len(text) > 80 or _has_sentence(text) or re.search(r"[，,；;“”]", text):
        return None
    rest = text[:date.start()] + " " + text[date.end():]
    page = re.search(PAGE, rest)
    outlet = re.search(OUTLET, rest)
    weekday = re.search(WEEKDAY, rest)
    if not (page or outlet or weekday):
        return None
    leftover = rest
    for found in (page, outlet, weekday):
        if found:
            leftover = leftover.replace(found.group(), " ", 1)
    edition = re.sub(rf"{SPACE}|[|｜/／·•]", " ", leftover).split()
    if len(edition) > 1 or (edition and not re.fullmatch(rf"[{HAN}]{{2,8}}", edition[0])):
        return None
    fields = [("date", iso_date(date))]
    if page:
        fields.append(("page", next(g for g in page.groups() if g)))
    if outlet:
        fields.append(("publication", outlet.group()))
    if edition:
        fields.append(("edition", edition[0]))
    return Found("page-header", 0, len(text), tuple(fields))


def _page_number(text: str) -> Found | None:
    match = _PAGE_NUMBER.match(text)
    if not match:
        return None
    page, edition = match.group("p") or match.group("q"), match.group("e") or match.group("f")
    fields = ((("page", page),) if page else ()) + ((("edition", edition),) if edition else ())
    return Found("page-number", 0, len(text), fields)


def _list_number(text: str) -> Found | None:
    return Found("list-number", 0, len(text)) if _LIST_NUMBER.match(text) else None


def _boilerplate(text: str) -> Found | None:
    if _ICP.search(text) and len(text) <= 200:
        return Found("boilerplate", 0, len(text))
    if len(text) <= 80 and not _has_sentence(text) and _COPYRIGHT.search(text):
        return Found("boilerplate", 0, len(text), guess=True)
    if _NAV.match(text) and not _has_sentence(text):
        return Found("boilerplate", 0, len(text), guess=True)
    return None


def _share(text: str) -> Found | None:
    if len(text) <= 30 and not _has_sentence(text) and _SHARE.match(text):
        return Found("share", 0, len(text), guess=True)
    return None


# -- values --------------------------------------------------------------------------

def iso_date(match: re.Match) -> str:
    return f"{int(match.group('y')):04d}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"


def _hhmm(text: str) -> str:
    hours, minutes = re.split("[:：]", text)[:2]
    return f"{int(hours):02d}:{minutes}"


def _has_sentence(text: str) -> bool:
    return any(c in SENTENCE for c in text)


def parse_time(text: str) -> tuple[str | None, str | None]:
    """(date, time) of a scraper's ``publish_time`` (``2026-06-12 11:38``, ``2026年6月12日``)."""
    fields: list[tuple[str, str]] = []
    if not _only_dates(text.strip(), fields):
        return None, None
    found = dict(fields)
    return found.get("date"), found.get("time")
