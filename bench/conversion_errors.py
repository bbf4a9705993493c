"""Errors per 1,000 Han characters of the Traditional edition, judged spot by spot.

    .venv/bin/python bench/conversion_errors.py                 # the class table
    .venv/bin/python bench/conversion_errors.py --sample held-out   # or fresh
    .venv/bin/python bench/conversion_errors.py --spots         # unjudged places, to judge
    .venv/bin/python bench/conversion_errors.py --failures      # where each converter is wrong

The sample is a list of real articles of ``tests/fixtures/corpus/`` (test material
only: the publishers' copyright), in ``tests/conversion/sample.tsv``. Each article is
its title and paragraphs, one a line. ``tests/conversion/expectations.tsv`` holds the
judgements: a spot (the Simplified text with the judged words in 【】, unique in its
article), the Traditional form a careful Taiwan editor prints there, and the class of
error a wrong form is (names, phrases, characters, vocabulary). Every place where
stock OpenCC ``s2tw``, stock ``s2twp`` and the edition disagree must be judged
(``--spots`` lists those that are not), plus the words all of them leave alone and an
editor would change.

A converter's form at a spot is read through an alignment of its output with the
article converted character by character, so a longer or shorter output
(大语言模型 → 大型語言模型) is read whole. The edition is measured as the generator
makes it, without the seed's editor phrases or glossary (the text is new to it).
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402

from generator.editions.convert import Converter  # noqa: E402
from generator.editions.words import boundaries, words  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "scraped-2026-06-12.json"
JUDGED = ROOT / "tests" / "conversion"
CLASSES = ("names", "phrases", "characters", "vocabulary")
CONVERTERS: tuple[str, ...] = ("edition", "s2tw", "s2twp")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPOT = re.compile("^([^【】]*)【([^【】]+)】([^【】]*)$")


@dataclass(frozen=True)
class Expectation:
    article: str
    spot: str
    expected: str
    kind: str
    note: str
    line: int

    @property
    def parts(self) -> tuple[str, str, str]:
        found = _SPOT.match(self.spot)
        if not found:
            raise ValueError(f"expectations.tsv:{self.line}: a spot marks its words with one 【】")
        return found.group(1), found.group(2), found.group(3)


def articles() -> dict[str, str]:
    """Every corpus article as its title and paragraphs, one a line, by article id."""
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    return {a["article_id"]: "\n".join([a["title"], *a["content"]]) for a in data["articles"]}


def sample(name: str = "dev") -> list[str]:
    """Article ids of a sample (``sample.tsv``: first column; second: the sample's name)."""
    rows = [line.split("\t") for line in (JUDGED / "sample.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [row[0] for row in rows if row[1] == name]


def expectations() -> list[Expectation]:
    found = []
    lines = (JUDGED / "expectations.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[3] not in CLASSES:
            raise ValueError(f"expectations.tsv:{number}: expected 5 columns, class one of {CLASSES}")
        article, spot, expected, kind, note = fields
        found.append(Expectation(article, spot, expected, kind, note, line=number))
    return found


def locate(text: str, expectation: Expectation) -> list[tuple[int, int]]:
    """(start, end) of the judged words at each place the spot occurs in ``text``
    (a paragraph printed twice is judged twice); it must occur."""
    left, words, right = expectation.parts
    whole = left + words + right
    places = [m.start() + len(left) for m in re.finditer(re.escape(whole), text)]
    if not places:
        raise ValueError(f"expectations.tsv:{expectation.line}: spot {expectation.spot} "
                         f"not in {expectation.article}")
    return [(at, at + len(words)) for at in places]


BEFORE: list[Path] = []  # --before: the folder of an older generator (its edition is "before")


@lru_cache(maxsize=None)
def converter(name: str) -> Callable[[str], str]:
    if name == "edition":
        return Converter().convert
    if name == "before":
        return _older_converter(BEFORE[0]).convert
    return opencc.OpenCC(name).convert


def _older_converter(folder: Path):
    """The edition converter of another checkout (``folder`` holds its generator/)."""
    import importlib.util
    path = folder / "generator" / "editions" / "convert.py"
    spec = importlib.util.spec_from_file_location("baozhai_before_convert", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Converter()


def by_characters(text: str) -> str:
    """``text`` converted one character at a time (same length): the alignment reference."""
    return str(converter("s2tw")("\x1f".join(text))).replace("\x1f", "")


class Aligned:
    """A converter's output aligned with the character-by-character conversion of a text."""

    def __init__(self, text: str, output: str) -> None:
        self.output = output
        matcher = difflib.SequenceMatcher(None, by_characters(text), output, autojunk=False)
        self.blocks = _merged(matcher.get_opcodes())

    def form(self, start: int, end: int) -> str:
        return self.output[self._map(start, True):self._map(end, False)]

    def _map(self, position: int, opening: bool) -> int:
        for tag, i1, i2, j1, j2 in self.blocks:
            inside = i1 <= position < i2 if opening else i1 < position <= i2
            if inside:
                if tag == "equal" or i2 - i1 == j2 - j1:
                    return j1 + position - i1
                return j1 if opening else j2
        return len(self.output) if not opening else 0


def _merged(opcodes: list[tuple]) -> list[tuple]:
    """Opcodes with a reordering joined into one block: an insert, one equal character
    and a delete (存储 → 儲存, 质量 → 品質 read as 儲|存|儲…), either way round; then
    inserts go with their neighbour."""
    ops = [list(op) for op in opcodes]
    result: list[list] = []
    index = 0
    while index < len(ops):
        op = ops[index]
        if (index + 2 < len(ops) and op[0] in ("insert", "delete") and ops[index + 1][0] == "equal"
                and ops[index + 1][2] - ops[index + 1][1] == 1
                and {op[0], ops[index + 2][0]} == {"insert", "delete"}):
            last = ops[index + 2]
            result.append(["replace", op[1], last[2], op[3], last[4]])
            index += 3
            continue
        result.append(op)
        index += 1
    return [tuple(op) for op in result if op[1] < op[2]]


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def judge(name: str = "dev") -> tuple[dict[str, dict[str, list[Expectation]]], int]:
    """Failures by converter and class on a sample, and the sample's Han characters."""
    texts = articles()
    ids = set(sample(name))
    chosen = [e for e in expectations() if e.article in ids]
    failures: dict[str, dict[str, list[Expectation]]] = {c: {k: [] for k in CLASSES} for c in CONVERTERS}
    outputs = {(c, a): Aligned(texts[a], converter(c)(texts[a])) for c in CONVERTERS for a in ids}
    for expectation in chosen:
        for start, end in locate(texts[expectation.article], expectation):
            for name_ in CONVERTERS:
                if outputs[(name_, expectation.article)].form(start, end) not in expectation.expected.split("|"):
                    failures[name_][expectation.kind].append(expectation)
    return failures, sum(han_count(texts[a]) for a in ids)


def table(name: str = "dev") -> list[str]:
    failures, han = judge(name)
    lines = [f"sample {name}: {len(sample(name))} articles, {han} Han characters; "
             f"errors per 1,000 Han characters (count)",
             "| converter | " + " | ".join(CLASSES) + " | all |", "|---" * (len(CLASSES) + 2) + "|"]
    for name_ in CONVERTERS:
        counts = [len(failures[name_][k]) for k in CLASSES]
        cells = [f"{1000 * n / han:.2f} ({n})" for n in counts + [sum(counts)]]
        lines.append(f"| {name_} | " + " | ".join(cells) + " |")
    return lines


def unjudged(name: str = "dev") -> list[str]:
    """Template lines for every place where the converters disagree and no spot is judged."""
    texts = articles()
    judged: dict[str, list[tuple[int, int]]] = {}
    for expectation in expectations():
        if expectation.article in texts:
            judged.setdefault(expectation.article, []).extend(locate(texts[expectation.article], expectation))
    lines = []
    for article in sample(name):
        text = texts[article]
        aligned = {c: Aligned(text, converter(c)(text)) for c in CONVERTERS}
        for start, end in disagreements(text, aligned):
            if not any(s <= start and end <= e for s, e in judged.get(article, [])):
                forms = " | ".join(f"{c}={aligned[c].form(start, end)}" for c in CONVERTERS)
                lines.append(f"{article}\t{spot_of(text, start, end)}\t?\t?\t{forms}")
    return lines


def disagreements(text: str, aligned: dict[str, Aligned]) -> list[tuple[int, int]]:
    """Runs of characters whose forms are not the same in every output."""
    differ = [i for i in range(len(text))
              if len({a.form(i, i + 1) for a in aligned.values()}) > 1]
    runs: list[list[int]] = []
    for index in differ:
        if runs and index - runs[-1][-1] <= 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    offsets = boundaries(words(text))
    spans: list[tuple[int, int]] = []
    for run in runs:  # whole words: a spot is judged as a word
        start = max(o for o in offsets if o <= run[0])
        end = min(o for o in offsets if o >= run[-1] + 1)
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def spot_of(text: str, start: int, end: int) -> str:
    """The words text[start:end] in 【】 with two characters of context each side (within
    the line), or more until the context occurs once, or as often as the words do."""
    times = text.count(text[start:end])
    for width in range(2, 30):
        left = text[max(0, start - width):start].split("\n")[-1]
        right = text[end:end + width].split("\n")[0]
        if text.count(left + text[start:end] + right) == 1 or width >= 12 and times > 1:
            return f"{left}【{text[start:end]}】{right}"
    return f"{left}【{text[start:end]}】{right}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", default="dev")
    parser.add_argument("--spots", action="store_true", help="list unjudged disagreements")
    parser.add_argument("--failures", action="store_true", help="list each converter's wrong spots")
    parser.add_argument("--before", type=Path, help="a checkout whose edition is measured too, as 'before'")
    options = parser.parse_args()
    if options.before:
        global CONVERTERS
        BEFORE.append(options.before)
        CONVERTERS = ("before", *CONVERTERS)
    if options.spots:
        print("\n".join(unjudged(options.sample)))
        return
    print("\n".join(table(options.sample)))
    if options.failures:
        failures, _ = judge(options.sample)
        for name_ in CONVERTERS:
            for kind in CLASSES:
                for e in failures[name_][kind]:
                    print(f"{name_}\t{kind}\t{e.article}\t{e.spot}\t{e.expected}\t{e.note}")


if __name__ == "__main__":
    main()
