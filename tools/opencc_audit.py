"""Audit the Traditional edition of a page against stock OpenCC, word by word.

    python tools/opencc_audit.py [PAGE] [--write notes/opencc-audit.md]

Converts the page (default: the seed, ``content/sources/000_371fdb277fab058e.txt``)
with stock OpenCC ``s2tw`` and ``s2twp`` and with Baozhai's edition, and reports:

A. every word where the edition differs from stock s2tw or s2twp, with the three
   forms and what decided the edition's form (a layer rule's file:line, a name, the
   editor's phrases, or OpenCC itself word by word);
B. the names the edition found on the page, by kind;
C. the reviewed layers: rules by file, and OpenCC's TWPhrases entries adopted or
   left out (with the reasons of layers/twphrases_review.tsv);
D. Simplified left over in each variant's edition of the page.

``--write`` replaces the part of the file between the audit markers.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generator.editions import convert  # noqa: E402
from generator.editions.layers import LAYERS, read_rules  # noqa: E402
from generator.editions.words import boundaries, words  # noqa: E402
from conversion_errors import Aligned  # noqa: E402

SEED = ROOT / "content" / "sources" / "000_371fdb277fab058e.txt"
START, END = "<!-- audit:start -->", "<!-- audit:end -->"


def differing_words(text: str, edition: convert.Converter) -> list[tuple[str, str, str, str, str]]:
    """(word, s2tw, s2twp, edition, decided by) for each jieba word (or decided span)
    whose forms are not all the same; stock forms read through an alignment with the
    page converted character by character (bench/conversion_errors.py), the edition's
    through its pieces."""
    stock = {name: Aligned(text, str(opencc.OpenCC(name).convert(text))) for name in ("s2tw", "s2twp")}
    decided, names = edition.plan(text)
    why = {(s.start, s.end): s.why for s in decided}
    named = [(n.start, n.end, n.kind) for n in names]
    pieces = {(start, end): out for start, end, out in edition.pieces(text)}
    rows: list[tuple[str, str, str, str, str]] = []
    for start, end in _units(text, decided):
        word = text[start:end]
        ours = pieces.get((start, end)) or _slice(edition.pieces(text), start, end)
        forms = [stock["s2tw"].form(start, end), stock["s2twp"].form(start, end), ours]
        if len(set(forms)) > 1:
            kind = why.get((start, end)) or next((f"name ({k})" for s, e, k in named if s <= start and end <= e),
                                                  "OpenCC, word by word")
            rows.append((word, forms[0], forms[1], forms[2], kind))
    return rows


def _units(text: str, decided) -> list[tuple[int, int]]:
    spans = sorted((s.start, s.end) for s in decided)
    offsets = boundaries(words(text))
    units, at = [], 0
    for start, end in spans:
        units += [(a, b) for a, b in zip(offsets, offsets[1:]) if at <= a and b <= start]
        units.append((start, end))
        at = end
    units += [(a, b) for a, b in zip(offsets, offsets[1:]) if a >= at]
    return [(a, b) for a, b in units if any("\u4e00" <= c <= "\u9fff" for c in text[a:b])]


def _slice(pieces, start: int, end: int) -> str:
    out = []
    for a, b, text in pieces:
        if b <= start or a >= end:
            continue
        if len(text) == b - a:
            out.append(text[max(start, a) - a:min(end, b) - a])
        else:
            out.append(text)
    return "".join(out)


def section_words(text: str, edition: convert.Converter) -> list[str]:
    rows = Counter(differing_words(text, edition))
    lines = ["### A. Words where the edition differs from stock s2tw or s2twp", "",
             "| source | s2tw | s2twp | edition | n | decided by |", "|---|---|---|---|---|---|"]
    for (word, tw, twp, ours, why), count in sorted(rows.items(), key=lambda r: (-r[1], r[0])):
        lines.append(f"| {word} | {tw} | {twp} | {ours} | {count} | {_short(why)} |")
    return lines


def _short(why: str) -> str:
    return why.replace(str(ROOT) + "/", "")


def section_names(text: str, edition: convert.Converter) -> list[str]:
    _, names = edition.plan(text)
    kinds = Counter(n.kind for n in names)
    lines = ["", "### B. Names found on the page", ""]
    for kind, count in sorted(kinds.items()):
        found = sorted({text[n.start:n.end] for n in names if n.kind == kind})
        lines.append(f"- {kind} ({count}): {'、'.join(found)}")
    return lines


def section_layers() -> list[str]:
    taiwan, characters = read_rules(LAYERS / "taiwan.tsv"), read_rules(LAYERS / "characters.tsv")
    review = [line.split("\t") for line in (LAYERS / "twphrases_review.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    conditioned = sum(1 for r in taiwan if r.condition != "-" and r.condition != "name")
    return ["", "### C. The reviewed layers", "",
            f"- taiwan.tsv: {len(taiwan)} rules ({sum(r.name for r in taiwan)} for names, "
            f"{conditioned} with a sense condition or exclusions)",
            f"- characters.tsv: {len(characters)} rules",
            f"- OpenCC TWPhrases (818 entries): {len(review)} left out with a reason "
            f"({sum(1 for r in review if r[2].startswith('own rule'))} of them replaced by a rule of ours), "
            "every other one adopted (tests/test_layers.py checks the two cover all)"]


def section_leftover(text: str) -> list[str]:
    lines = ["", "### D. Simplified left over (leftover_simplified on each variant's edition)", ""]
    for variant in convert.VARIANTS:
        converter = convert.Converter(variant)
        left = converter.leftover_simplified(converter.convert_text(text))
        lines.append(f"- {variant}: {len(left)}{(': ' + '、'.join(left)) if left else ''}")
    return lines


def audit(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    edition = convert.Converter()
    head = [f"Page: `{page.name}` ({len(text)} characters). opencc {_opencc_version()}.", ""]
    return "\n".join(head + section_words(text, edition) + section_names(text, edition) + section_layers()
                     + section_leftover(text)) + "\n"


def _opencc_version() -> str:
    from importlib.metadata import version
    return version("OpenCC")


def write_between_markers(path: Path, report: str) -> None:
    document = path.read_text(encoding="utf-8")
    before, rest = document.split(START, 1)
    _, after = rest.split(END, 1)
    path.write_text(f"{before}{START}\n{report}{END}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", type=Path, default=SEED)
    parser.add_argument("--write", type=Path, help="replace the audit part of this Markdown file")
    options = parser.parse_args()
    report = audit(options.page)
    if options.write:
        write_between_markers(options.write, report)
    else:
        print(report)


if __name__ == "__main__":
    main()
