"""Reviewed conversion layers: rules that choose a word's Traditional form in context.

Two files in ``generator/editions/layers/`` use this format: ``characters.tsv``
(one-to-many characters OpenCC picks wrongly, every Traditional edition) and
``taiwan.tsv`` (Taiwan vocabulary on top of OpenCC's characters, the default
edition). One rule a line, four tab-separated columns::

    简体<TAB>繁體<TAB>condition<TAB>reason

``condition`` is ``-`` or space-separated clauses, all of which must hold (a
clause sees up to 12 characters on each side, never past a line break: a page
is converted line by line):

``before=RE`` / ``after=RE``
    the Simplified text just before (after) the word matches RE there;
``!before=RE`` / ``!after=RE``
    it does not;
``not=甲|乙``
    fixed Simplified phrases holding the word where the rule must not apply
    (高质量发展 for 质量 → 品質);
``alone``
    the word is a whole jieba word (a rule for one character, such as 系 → 係);
``name``
    the rule is for a name (Taiwan's form of a foreign name): it applies inside
    names too (斯坦福大学, an organisation, → 史丹佛大學);
``anywhere``
    the rule applies inside any word (a chemical element: 硅 → 矽, 单晶硅 → 單晶矽).

Otherwise a rule applies only where its word starts and ends on word boundaries:
jieba's, or inside a compound jieba holds as one word where both sides are
dictionary words and one has two characters or more (数码|产品, 传感|器, 超|高清;
never 最|大, so 大语言模型 does not match in 最大语言模型), or anywhere inside a
word jieba guessed (one its dictionary does not hold).
The value is printed as it is. Several rules may share a word: the first whose
condition holds wins. Bad lines raise ValueError ``file:line: message``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from generator.editions.words import is_word, runs

LAYERS = Path(__file__).with_name("layers")
_WINDOW = 12  # characters of context a condition sees on each side
_RUNS_KEPT = 200_000
_CLAUSE = re.compile(r"(!?before|!?after|not)=(\S+)|(alone|name|anywhere)")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_FORM = re.compile(f"[{_HAN}A-Za-z0-9·]*[{_HAN}][{_HAN}A-Za-z0-9·]*")  # U盘, 丹尼·博伊尔


@dataclass(frozen=True)
class Rule:
    source: str
    value: str
    condition: str
    reason: str
    where: str  # file:line
    before: re.Pattern | None = None
    after: re.Pattern | None = None
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None
    exceptions: tuple[str, ...] = ()
    alone: bool = False
    name: bool = False
    anywhere: bool = False

    def holds(self, text: str, start: int, end: int) -> bool:
        """The condition holds for the word at ``text[start:end]``."""
        first = max(0, start - _WINDOW)
        last = text.find("\n", end, end + _WINDOW)
        left = text[text.rfind("\n", first, start) + 1 or first:start]
        right = text[end:end + _WINDOW if last < 0 else last]
        if self.before and not self.before.search(left):
            return False
        if self.not_before and self.not_before.search(left):
            return False
        if self.after and not self.after.match(right):
            return False
        if self.not_after and self.not_after.match(right):
            return False
        return not any(_inside(text, start, self.source, phrase) for phrase in self.exceptions)


def _inside(text: str, start: int, word: str, phrase: str) -> bool:
    """``text[start:]`` begins a ``word`` that is part of ``phrase`` there."""
    at = phrase.find(word)
    while at >= 0:
        if start - at >= 0 and text.startswith(phrase, start - at):
            return True
        at = phrase.find(word, at + 1)
    return False


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    rule: Rule


class Layer:
    """The rules of one file, matched in a text at word boundaries."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._runs: dict[str, tuple] = {}
        self._automaton = ahocorasick.Automaton()
        by_word: dict[str, list[Rule]] = {}
        for rule in rules:
            by_word.setdefault(rule.source, []).append(rule)
        for word, group in by_word.items():
            self._automaton.add_word(word, (word, tuple(group)))
        if by_word:
            self._automaton.make_automaton()

    @classmethod
    def read(cls, *paths: Path) -> "Layer":
        return cls([rule for path in paths for rule in read_rules(path)])

    def matches(self, text: str, cut: "Cut", in_name, spans: list[tuple[int, int]] | None = None) -> list[Match]:
        """Leftmost-longest matches whose rule holds, not overlapping.

        ``cut``: the text's word boundaries; ``in_name(start, end)``: whether the
        span overlaps a name; ``spans``: the text's runs of Han text (words.runs).
        """
        if not self.rules:
            return []
        found: list[Match] = []
        for run_start, run_end in runs(text) if spans is None else spans:
            for start, end, group in self._in_run(text[run_start:run_end]):
                start, end = start + run_start, end + run_start
                for rule in group:
                    if _may_apply(rule, text, start, end, cut, in_name):
                        found.append(Match(start, end, rule))
                        break
        return _leftmost_longest(found)

    def _in_run(self, run: str) -> tuple[tuple[int, int, tuple[Rule, ...]], ...]:
        """Every word of the layer in a run of Han text (a word holds no character that
        ends a run), remembered: runs come back across a site's pages."""
        found = self._runs.get(run)
        if found is None:
            if len(self._runs) >= _RUNS_KEPT:
                self._runs.clear()
            found = self._runs[run] = tuple((last - len(word) + 1, last + 1, group)
                                            for last, (word, group) in self._automaton.iter(run))
        return found


class Cut:
    """Word boundaries of a text: ``offsets`` where its words start, and its end."""

    def __init__(self, offsets: list[int]) -> None:
        self.offsets = offsets
        self.starts = set(offsets)

    def word_at(self, position: int) -> tuple[int, int]:
        """(start, end) of the word holding ``position``."""
        index = bisect.bisect_right(self.offsets, position) - 1
        return self.offsets[index], self.offsets[min(index + 1, len(self.offsets) - 1)]

    def is_word(self, start: int, end: int) -> bool:
        return start in self.starts and self.word_at(start) == (start, end)

    def edge(self, text: str, position: int) -> bool:
        """A word boundary: jieba's; a soft one inside a compound of two dictionary words;
        or any place inside a word jieba's dictionary does not hold (its HMM guessed it:
        数据|集是 for 数据集|是)."""
        if position in self.starts:
            return True
        start, end = self.word_at(position)
        left, right = text[start:position], text[position:end]
        if not is_word(left + right):
            return True
        return max(len(left), len(right)) >= 2 and is_word(left) and is_word(right)


def _may_apply(rule: Rule, text: str, start: int, end: int, cut: Cut, in_name) -> bool:
    if not rule.name and in_name(start, end):
        return False
    if rule.alone:
        aligned = cut.is_word(start, end)
    else:
        aligned = rule.anywhere or cut.edge(text, start) and cut.edge(text, end)
    return aligned and rule.holds(text, start, end)


def _leftmost_longest(found: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    for match in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not chosen or match.start >= chosen[-1].end:
            chosen.append(match)
    return chosen


def read_rules(path: Path) -> list[Rule]:
    """Rules of a layer file; ValueError ``file:line: message`` on a bad line."""
    rules: list[Rule] = []
    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        rule = parse_rule(line, where)
        key = (rule.source, rule.condition)
        if key in seen:
            raise ValueError(f"{where}: rule {rule.source} ({rule.condition}) repeats line {seen[key]}")
        seen[key] = number
        rules.append(rule)
    return rules


def parse_rule(line: str, where: str) -> Rule:
    fields = line.split("\t")
    if len(fields) != 4 or not all(field.strip() for field in fields):
        raise ValueError(f"{where}: expected 4 tab-separated columns (简体, 繁體, condition, reason)")
    source, value, condition, reason = (field.strip() for field in fields)
    if not _FORM.fullmatch(source) or not _FORM.fullmatch(value):
        raise ValueError(f"{where}: a rule's word and value are Han characters (with Latin letters, "
                         "digits or a middle dot)")
    options: dict = {}
    if condition != "-":
        for clause in condition.split():
            options.update(_clause(clause, where))
    return Rule(source, value, condition, reason, where, **options)


def _clause(clause: str, where: str) -> dict:
    found = _CLAUSE.fullmatch(clause)
    if not found:
        raise ValueError(f"{where}: unknown condition {clause!r}")
    if found.group(3):
        return {found.group(3): True}
    kind, argument = found.group(1), found.group(2)
    if kind == "not":
        return {"exceptions": tuple(argument.split("|"))}
    try:
        pattern = re.compile(f"(?:{argument})$" if kind.endswith("before") else argument)
    except re.error as err:
        raise ValueError(f"{where}: bad pattern {argument!r}: {err}") from None
    return {kind.replace("!", "not_"): pattern}
