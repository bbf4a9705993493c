"""Bulletins: a run of short items (快讯, numbered briefs, a news programme's items),
found by their markers and split by the evidence each item holds.

An **item** opens with a marker: a number in sequence (``1.``, ``2、``), a bracketed one
(``（一）``, ``(2)``) or a bullet (``■``, ``●``…), on a paragraph of its own. Two or
more numbered items counting up from where they start, or three or more bulleted
ones, in a row (the units between two item starts belong to the first), make a bulletin. Then:

* every item opens with its **own headline** (the text after the marker is
  heading-shaped, :func:`generator.ingest.classify.looks_like_headline`, and text
  follows it) or with a **dateline** (``新华社北京6月5日电``, ``中国经济网北京6月12日讯``):
  **one article per item**, the marker consumed as structure, the headline the item's
  first line (a dateline item gets the article's dateline and a provisional title);
* no item does: **one article with a list**, one item a list entry (items longer than
  :data:`ITEM_MAX` characters are numbered paragraphs, not a bulletin: left alone);
* some items do and some do not: the majority decides, and the decision is doubtful.

Each bulletin is a :class:`Decision` naming its lines and evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest import classify as c
from generator.ingest.classify import Kind
from generator.ingest.units import Unit, take_override
from generator.model import Decision

ITEM_MAX = 150  # characters of one item of a list-bulletin
MARKER = re.compile(r"^(?:(?P<num>\d{1,2})\s*[.、．](?!\d)|[（(](?P<paren>[一二三四五六七八九十]{1,3}|\d{1,2})[)）]"
                    r"|(?P<bullet>[■●◆▲★□◇○•◎]))[ \t\u3000]*")
_NUMERALS = "一二三四五六七八九十"


@dataclass
class Bulletin:
    start: int  # the units it spans (end excluded)
    end: int
    items: list[list[Unit]]  # each item's units, the first opening with its marker
    each: bool  # one article per item (else one article with a list)
    decision: Decision


def marker(unit: Unit) -> tuple[str, int, int] | None:
    """(family, number, length) of the item marker a unit opens with (number 0 for a bullet)."""
    if unit.kind is not Kind.TEXT or unit.is_cells:
        return None
    match = MARKER.match(unit.text)
    if not match or match.end() >= len(unit.first.text):
        return None
    if match.group("num"):
        return "num", int(match.group("num")), match.end()
    if match.group("paren"):
        value = match.group("paren")
        return "paren", int(value) if value.isdigit() else _numeral(value), match.end()
    return "bullet", 0, match.end()


def _numeral(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERALS.index(text[1]) + 1
    if len(text) == 1:
        return _NUMERALS.index(text) + 1
    tens = _NUMERALS.index(text[0]) + 1
    return tens * 10 + (_NUMERALS.index(text[2]) + 1 if len(text) == 3 else 0)


def _opens(unit: Unit) -> str:
    """What an item's first unit opens with beside its marker: "headline", "dateline" or ""."""
    found = marker(unit)
    assert found is not None
    rest = unit.text[found[2]:]
    if c.LEADING_DATELINE_RE.match(rest):
        return "dateline"
    return "headline" if len(unit.lines) == 1 and c.looks_like_headline(rest) else ""


def find(units: list[Unit]) -> list[Bulletin]:
    found: list[Bulletin] = []
    index = 0
    while index < len(units):
        starts = _item_starts(units, index)
        if starts is None:
            index += 1
            continue
        bulletin = _weigh(units, starts)
        if bulletin is not None:
            found.append(bulletin)
        index = bulletin.end if bulletin is not None else starts[-1] + 1
    return found


def _item_starts(units: list[Unit], index: int) -> list[int] | None:
    """The units opening the items of a bulletin starting at ``index``."""
    first = marker(units[index])
    if first is None:
        return None
    family, number, _ = first
    starts = [index]
    position = index + 1
    while position < len(units):
        found = marker(units[position])
        if found is not None:
            if found[0] != family or (family != "bullet" and found[1] != number + len(starts)):
                break
            starts.append(position)
        elif not _body(units[position]):
            break
        position += 1
    least = 3 if family == "bullet" else 2
    return starts if len(starts) >= least else None


def _body(unit: Unit) -> bool:
    """A unit that can stand inside an item: running text, a byline."""
    return unit.kind is Kind.BYLINE or (unit.kind is Kind.TEXT and not unit.is_cells
                                        and not c.looks_like_headline(unit.text))


def _weigh(units: list[Unit], starts: list[int]) -> Bulletin | None:
    items = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else start + 1
        if number + 1 == len(starts):  # the last item: its body runs while text follows
            while end < len(units) and _body(units[end]) and marker(units[end]) is None:
                end += 1
        items.append(units[start:end])
    own = [_opens(item[0]) for item in items]
    with_body = ["headline" if o == "headline" and len(item) > 1 else ("dateline" if o == "dateline" else "")
                 for o, item in zip(own, items)]
    each = sum(1 for o in with_body if o) * 2 > len(items)
    doubtful = any(with_body) and not all(with_body)
    lines = f"{items[0][0].number}–{items[-1][-1].lines[-1].number}"
    if each:
        kinds = "、".join(sorted({"its own headline" if o == "headline" else "a dateline" for o in with_body if o}))
        message = f"lines {lines}: a bulletin of {len(items)} items, each opening with {kinds}: one article per item"
    else:
        short = items[:-1] + [items[-1][:1]]
        if any(len(_text(item)) > ITEM_MAX or any(u.kind is not Kind.TEXT for u in item) for item in short):
            return None  # numbered paragraphs, or items with bylines: not a list
        message = f"lines {lines}: a bulletin of {len(items)} short items without headlines or datelines of " \
                  "their own: one article with a list"
    if doubtful:
        message += f" ({sum(1 for o in with_body if o)} of {len(items)} items have a headline or dateline)"
    return Bulletin(starts[0], starts[-1] + len(items[-1]), items, each,
                    Decision(items[0][0].number, "bulletin", message, doubtful))


def _text(item: list[Unit]) -> str:
    return "".join(u.text for u in item)


def apply(units: list[Unit], overrides: dict[int, str] | None = None,
          decisions: list[Decision] | None = None, split: bool = True) -> list[Unit]:
    """The page's units with each bulletin marked: a list-bulletin made one unit of cells
    (each item's lines one entry), each item of a bulletin split by item flagged to open
    an article. ``overrides`` (the metadata's ``structure:``, by the line a decision names:
    ``paragraphs``, ``list``, ``articles``) win over the evidence; each use is a decision
    on ``decisions`` and its line is taken out of ``overrides``. Without ``split`` (a page
    with ``#`` marks: its marks make the articles) a bulletin the evidence would split is
    left to the marks, unless ``overrides`` say ``articles``."""
    bulletins = find(units)
    if not bulletins:
        return units
    result: list[Unit] = []
    index = 0
    for bulletin in bulletins:
        result += units[index:bulletin.start]
        choice = take_override(overrides, decisions, bulletin.decision.line, "bulletin",
                               ("paragraphs", "list", "articles"))
        if choice is not None:
            if choice == "paragraphs":
                result += units[bulletin.start:bulletin.end]
                index = bulletin.end
                continue
            bulletin.each = choice == "articles"
        elif bulletin.each and not split:
            result += units[bulletin.start:bulletin.end]
            index = bulletin.end
            if decisions is not None:
                decisions.append(Decision(bulletin.decision.line, "bulletin", bulletin.decision.message.replace(
                    "one article per item", "the page's # marks make its articles: items kept as the marks set "
                    "them")))
            continue
        tail: list[Unit] = []
        if not bulletin.each:  # the text after the last item is the article's again
            tail = bulletin.items[-1][1:]
            bulletin.items[-1] = bulletin.items[-1][:1]
        if bulletin.each:
            for number, item in enumerate(bulletin.items):
                head = item[0]
                found = marker(head)
                assert found is not None
                result.append(Unit(head.lines, head.gap, head.gap_after, head.cells, head.columns,
                                   bulletin.decision if number == 0 else None, item=found[2], opens=_opens(head)))
                result += item[1:]
        else:
            lines = [ln for item in bulletin.items for unit in item for ln in unit.lines]
            cells = tuple(ln.piece() for ln in lines)
            sizes = tuple(sum(len(u.lines) for u in item) for item in bulletin.items)
            result.append(Unit(lines, bulletin.items[0][0].gap, bulletin.items[-1][-1].gap_after, cells, 0,
                               bulletin.decision, sizes=sizes))
        result += tail
        index = bulletin.end
    return result + units[index:]
