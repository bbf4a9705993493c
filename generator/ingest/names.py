"""Is a byline or a scraper's ``reporter`` field a plausible list of names?

Scrapers fill ``reporter`` from whatever follows ``记者`` on the page, so it can be a
sentence fragment (``走访北京多个商圈``, ``从“普益标准”金``). A plausible value is
one to six names after an optional role (``本报记者``, ``通讯员``, ``■``), each name:

* 2 to 4 Han characters (``孟海鹰``), or a spaced 2- or 3-character name (``熊 悦``,
  ``李 文``: newspapers pad short names to the width of long ones);
* a name with a middle dot (``阿依古丽·买买提``), up to 12 characters;
* a Latin name (``Zhang San``), up to 40 letters.

Never plausible: quotation marks, sentence punctuation, digits, or a word that only
function words make (的 了 是 在…) inside a 2–4 character token.
"""
from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
ROLE = re.compile(
    r"^[■●◆▲★☆□◇○•]?\s*(?:(?:本报|本報|本刊|新华社|新華社|中新社|人民日报|人民日報|中央社|经济日报|經濟日報|央视|央視)?"
    r"(?:特约|特約|实习|實習|见习|見習|首席|驻\S{1,4}|駐\S{1,4})?"
    r"(?:摄影记者|攝影記者|记者|記者|通讯员|通訊員|评论员|評論員|实习生|實習生|作者|撰文|文字|编辑|編輯|文|图|圖)?)"
    r"\s*[:：/／]?\s*")
INNER_ROLE = re.compile(r"(?:本报|本報)?(?:特约|特約|实习|實習)?(?:记者|記者|通讯员|通訊員|实习生|實習生)")
FUNCTION = set("的了是在从對对和与與及等为為将將把被个個多这這那些也都就还還而并並或于於向到给給从們们吗嗎呢吧")
PLACE = re.compile(rf"\s*[/／]\s*[{HAN}]{{1,8}}(?:报道|報導|报导|報道)$")  # 記者王小明／臺北報導
NOT_IN_NAMES = re.compile(r"[“”‘’\"'「」『』《》。！？!?，,；;：:（）()\d%]")


def plausible(value: str) -> bool:
    """True when ``value`` (a byline or a reporter field) reads as names."""
    names = split_names(value)
    return names is not None and 1 <= len(names) <= 6


def split_names(value: str) -> list[str] | None:
    """The names in a byline, or None when a part of it is not a name."""
    rest = PLACE.sub("", ROLE.sub("", value.strip(), count=1))
    if not rest or NOT_IN_NAMES.search(rest):
        return None
    parts = [p for p in re.split(r"[、，,和及与與\s\u3000]+|" + INNER_ROLE.pattern, rest) if p]
    names: list[str] = []
    singles: list[str] = []
    for part in parts + [""]:
        if len(part) == 1 and re.fullmatch(f"[{HAN}]", part):
            singles.append(part)
            continue
        if singles:
            if not 2 <= len(singles) <= 3:
                return None
            names.append("".join(singles))
            singles = []
        if part:
            names.append(part)
    return names if all(_name(n) for n in names) else None


def _name(token: str) -> bool:
    if re.fullmatch(f"[{HAN}]{{2,4}}", token):
        return not (set(token[1:]) & FUNCTION)
    if re.fullmatch(f"[{HAN}]{{1,6}}[·・•][{HAN}·・•]{{1,10}}", token):
        return True
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .'\-]{1,39}", token))
