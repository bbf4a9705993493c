"""Audit OpenCC's Traditional conversion of a page against Baozhai's phrases.

    python tools/opencc_audit.py [PAGE] [--write notes/opencc-audit.md]

Uses the opencc package's native CLI (``--inspect``: segmentation and output
per stage) on the stock s2tw/s2twp configs and on Baozhai's s2twp config, and
its ``opencc_dict`` tool to read the stock dictionaries. Reports:

A. words s2twp changes beyond s2tw (its TWPhrases matches), with s2tw form,
   s2twp form, Baozhai form and whether Baozhai kept or overrode OpenCC;
B. what s2tw changes beyond s2t (Taiwan variant characters);
C. STPhrases phrase picks that differ from the default character conversion;
D. curated entries: wrong in isolation, or shadowed by a longer stock phrase;
E. Simplified left over in each edition of the page;
F. a probe of news phrases where a hair compound (X发 -> X髮) meets a 发-verb;
G. every TWPhrases entry: does Baozhai's s2twp keep it or override it?

``--write`` replaces the part of the file between the audit markers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.editions import convert  # noqa: E402

SEED = ROOT / "content" / "sources" / "000_371fdb277fab058e.txt"
EDITOR_FILE = ROOT / "content" / "phrases.txt"
EDITOR = EDITOR_FILE if EDITOR_FILE.exists() else None
BIN = Path(opencc.__file__).parent / "clib" / "bin"
START, END = "<!-- audit:start -->", "<!-- audit:end -->"
TW_LAYERS = ("news_tw_forms.txt", "news_twp.txt")
# News phrases where STPhrases' hair compounds (长发 头发 金发 …) meet a 发-verb;
# the last five are real hair phrases that must keep 髮.
HAIR_PROBE = (
    "我们必须发展经济 外交部部长发表讲话 不断发展壮大 学生发现问题 资金发放到位 "
    "他作总结发言 欧美发达国家 皮肤发炎 胚胎发育 他结束发言 党员带头发挥作用 "
    "中华发展基金会 开具虚假发票 经济增长发力 董事长发布公告 新华社发布 市长发言 "
    "基金发行 新闻发言人 团结发展 保护发展 因素发挥 人才培养发展 牵头发起 龙头发展 "
    "源头发力 总发电量 总发行量 口头发言 谁就能牢牢把握发展 被发明 被发掘 一直发展 "
    "主编发表 判断发展 蛋白发酵 保留发言 网红发布 牙齿发育 污染发生 选拔发现 "
    "医生发现 先生发表 产生发展 院长发言 家长发现 "
    "一头长发 金发碧眼 头发花白 理发店 白发苍苍"
).split()


@dataclass(frozen=True)
class Segment:
    """One segment of the source and its text after each conversion stage."""

    start: int
    source: str
    stages: tuple[str, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.source)


def inspect(config: Path, text: str) -> list[Segment]:
    """Segments of ``text`` by the native CLI, offsets into ``text``."""
    result = subprocess.run(
        [str(BIN / "opencc"), "-c", str(config), "--inspect"],
        input=text, capture_output=True, text=True, check=True,
    )
    segments: list[Segment] = []
    offset = 0
    for line, record in zip(text.split("\n"), result.stdout.splitlines()):
        main = json.loads(record)["pipelineStages"][-1]
        outputs = [stage["segments"] for stage in main["stages"]]
        for index, source in enumerate(main["segments"]):
            stages = tuple(output[index] for output in outputs)
            segments.append(Segment(offset, source, stages))
            offset += len(source)
        offset += 1 + len(line) - sum(len(s) for s in main["segments"])
    return segments


def dump_dictionary(name: str, folder: Path) -> dict[str, str]:
    """A stock .ocd2 dictionary as {key: first value}."""
    target = folder / f"{name}.txt"
    source = convert.stock_dir() / f"{name}.ocd2"
    command = [str(BIN / "opencc_dict"), "-i", str(source), "-o", str(target)]
    subprocess.run([*command, "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
    lines = target.read_text(encoding="utf-8").splitlines()
    return {key: values.split(" ")[0] for key, values in (line.split("\t") for line in lines)}


def form(segments: list[Segment], start: int, end: int) -> str:
    """Final output for source span [start, end); a segment that changed length
    contributes whole."""
    parts = []
    for segment in segments:
        if segment.end <= start or segment.start >= end:
            continue
        output = segment.stages[-1]
        if len(output) == len(segment.source):
            left, right = max(start, segment.start), min(end, segment.end)
            output = output[left - segment.start : right - segment.start]
        parts.append(output)
    return "".join(parts)


def twphrase_matches(stage1: str, twphrases: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, key) of TWPhrases matches in a stage-1 segment, as OpenCC finds
    them: left to right, longest key first."""
    longest = max(map(len, twphrases))
    matches, index = [], 0
    while index < len(stage1):
        for size in range(min(longest, len(stage1) - index), 0, -1):
            key = stage1[index : index + size]
            if key in twphrases:
                if twphrases[key] != key:
                    matches.append((index, key))
                index += size
                break
        else:
            index += 1
    return matches


def layer_of(words: tuple[str, ...], layers: dict[str, dict[str, str]]) -> str:
    """Curated files with an entry for one of ``words`` or a phrase containing it."""
    names = [name for name, table in layers.items() if any(w in k for w in words for k in table)]
    return ", ".join(names) or "-"


def section_twphrases(
    text: str,
    stock: tuple[list[Segment], list[Segment], list[Segment]],
    twphrases: dict[str, str],
    layers: dict[str, dict[str, str]],
) -> tuple[list[str], Counter]:
    """Table A and its rows (source, s2tw, s2twp, Baozhai) -> occurrences."""
    tw, twp, ours = stock
    rows: Counter = Counter()
    for plain, with_phrases in zip(tw, twp):
        assert plain.source == with_phrases.source, "s2tw and s2twp segment alike"
        if len(with_phrases.stages[0]) != len(plain.source):
            continue
        for offset, key in twphrase_matches(with_phrases.stages[0], twphrases):
            start = plain.start + offset
            end = start + len(key)
            row = (text[start:end], form(tw, start, end), twphrases[key], form(ours, start, end))
            rows[row] += 1
    lines = [
        "| source | s2tw | s2twp | Baozhai | n | decision | layer |",
        "|---|---|---|---|---|---|---|",
    ]
    for (source, plain, phrase, baozhai), count in sorted(rows.items(), key=by_count):
        decision = "kept" if baozhai == phrase else "overridden"
        layer = layer_of((source, plain), layers)
        lines.append(
            f"| {source} | {plain} | {phrase} | {baozhai} | {count} | {decision} | {layer} |"
        )
    return lines, rows


def by_count(item: tuple[tuple[str, ...], int]) -> tuple[int, tuple[str, ...]]:
    return -item[1], item[0]


def section_variants(tw: list[Segment]) -> list[str]:
    pairs: Counter = Counter()
    examples: dict[tuple[str, str], str] = {}
    for segment in tw:
        standard, taiwan = segment.stages
        if len(standard) != len(taiwan):
            continue
        for index, (before, after) in enumerate(zip(standard, taiwan)):
            if before != after:
                pairs[(before, after)] += 1
                examples.setdefault((before, after), standard[max(0, index - 1) : index + 2])
    lines = ["| s2t | s2tw | n | example (s2t) |", "|---|---|---|---|"]
    for (before, after), count in pairs.most_common():
        lines.append(f"| {before} | {after} | {count} | {examples[(before, after)]} |")
    return lines


def section_phrase_picks(tw: list[Segment], ours: list[Segment]) -> list[str]:
    s2t = opencc.OpenCC("s2t")
    rows: Counter = Counter()
    for segment in tw:
        characters = "".join(s2t.convert(char) for char in segment.source)
        if len(segment.source) > 1 and characters != segment.stages[0]:
            baozhai = form(ours, segment.start, segment.end)
            standard, taiwan = segment.stages
            rows[(segment.source, characters, standard, taiwan, baozhai)] += 1
    lines = [
        "| source | characters | STPhrases | s2tw | Baozhai | n |",
        "|---|---|---|---|---|---|",
    ]
    for (source, chars, phrase, taiwan, baozhai), count in sorted(rows.items(), key=by_count):
        mark = "" if baozhai == taiwan else " (overridden)"
        lines.append(f"| {source} | {chars} | {phrase} | {taiwan} | {baozhai}{mark} | {count} |")
    return lines


def expected_form(key: str, value: str, variant: str, final: dict[str, str]) -> str:
    """What a curated first-stage entry should become in ``variant``: final
    values as written, common values through the regional stage."""
    if key in final or variant == "s2t":
        return value
    if variant == "s2hk":
        return str(opencc.OpenCC("t2hk").convert(value))
    regional = str(opencc.OpenCC("t2tw").convert(value))
    forms = curated(convert.REGIONAL_LAYERS[variant])
    for standard in sorted(forms, key=len, reverse=True):
        regional = regional.replace(standard, forms[standard])
    return regional


def curated(names: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Curated files of generator/editions/opencc/ merged in order."""
    table: dict[str, str] = {}
    for name in names:
        table.update(convert.read_phrases(convert.CONFIG_DIR / name))
    return table


def section_curated(stock_phrases: dict[str, str]) -> list[str]:
    """Curated entries that convert wrongly alone, or lose to a longer stock phrase."""
    wrong: set[str] = set()
    losses: dict[tuple[str, str], dict[str, list[str]]] = {}
    t2s = opencc.OpenCC("t2s")
    for variant in convert.VARIANTS:
        converter = convert.Converter(variant)
        first, _ = convert.phrase_tables(variant)
        final = curated(convert.FINAL_LAYERS.get(variant, ()))
        for key, value in first.items():
            expected = expected_form(key, value, variant, final)
            got = converter.convert(key)
            if got != expected:
                wrong.add(f"- {variant}: {key} -> {got}, expected {expected}")
            for longer in (k for k in stock_phrases if key in k and k not in first):
                got = converter.convert(longer)
                if expected not in got:
                    found = losses.setdefault((key, expected), {})
                    found.setdefault(f"{longer} -> {got}", []).append(variant)
        for key, value in curated(convert.REGIONAL_LAYERS.get(variant, ())).items():
            got = converter.convert(t2s.convert(key))
            if value not in got:
                wrong.add(f"- {variant}: regional form {key} -> {got}, expected {value}")
    lines = ["Wrong in isolation:", "", *(sorted(wrong) or ["- none"]), ""]
    lines += ["A longer stock phrase wins (review: intended exceptions or missing entries):", ""]
    for (key, expected), found in sorted(losses.items()):
        shown = "; ".join(f"{phrase} ({' '.join(v)})" for phrase, v in found.items())
        lines.append(f"- {key} ({expected}): {shown}")
    return lines if losses else [*lines, "- none"]


def section_leftover(text: str) -> list[str]:
    lines = []
    for variant in convert.VARIANTS:
        converter = convert.Converter(variant, EDITOR)
        found = converter.leftover_simplified(converter.convert_text(text))
        lines.append(f"- {variant}: {len(found)} {' '.join(found)}".rstrip())
    return lines


def section_hair_probe() -> list[str]:
    stock, ours = opencc.OpenCC("s2tw"), convert.Converter("s2tw")
    news, hair = HAIR_PROBE[:-5], HAIR_PROBE[-5:]

    def with_hair(converter: opencc.OpenCC | convert.Converter, phrases: list[str]) -> int:
        return sum("髮" in converter.convert(phrase) for phrase in phrases)

    lines = [
        f"- news phrases with 髮 (all wrong): stock s2tw {with_hair(stock, news)} of {len(news)},"
        f" Baozhai {with_hair(ours, news)}",
        f"- hair phrases keeping 髮: stock {with_hair(stock, hair)} of {len(hair)},"
        f" Baozhai {with_hair(ours, hair)}",
    ]
    for phrase in news:
        before, after = stock.convert(phrase), ours.convert(phrase)
        if before != after:
            lines.append(f"- {phrase}: {before} -> {after}")
    return lines


def section_twphrases_review(twphrases: dict[str, str]) -> list[str]:
    """Each TWPhrases entry, converted alone from its Simplified form."""
    t2s, stock = opencc.OpenCC("t2s"), opencc.OpenCC("s2twp")
    ours = convert.Converter("s2twp", EDITOR)
    overridden = []
    for key in sorted(twphrases):
        source = t2s.convert(key)
        if stock.convert(source) != ours.convert(source):
            overridden.append(f"{source} -> {stock.convert(source)} / {ours.convert(source)}")
    kept = len(twphrases) - len(overridden)
    return [
        f"- {len(twphrases)} entries: {kept} kept, {len(overridden)} overridden"
        " (source -> stock s2twp / Baozhai):",
        "",
        "  " + "; ".join(overridden),
    ]


def audit(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    stock = convert.stock_dir()
    with tempfile.TemporaryDirectory(prefix="baozhai-audit-") as folder:
        directory = Path(folder)
        twphrases = dump_dictionary("TWPhrases", directory)
        stock_phrases = dump_dictionary("STPhrases", directory)
        stock_phrases.update(dump_dictionary("STPhrases_GeneratedFromRegionalPhrases", directory))
        tw = inspect(stock / "s2tw.json", text)
        twp = inspect(stock / "s2twp.json", text)
        config = convert.write_config(directory, "s2twp", *convert.phrase_tables("s2twp", EDITOR))
        ours = inspect(config, text)
    layers = {name: curated([name]) for name in (convert.COMMON_LAYER, *TW_LAYERS)}
    table, rows = section_twphrases(text, (tw, twp, ours), twphrases, layers)
    kept = sum(count for row, count in rows.items() if row[3] == row[2])
    kept_words = sum(1 for row in rows if row[3] == row[2])
    total = sum(rows.values())
    out = [
        f"Page: `{page.name}` ({len(text)} characters). opencc {opencc.__version__}.",
        "",
        "### Summary",
        "",
        f"- s2twp vs s2tw: {len(rows)} distinct words changed by TWPhrases, {total} occurrences;",
        f"  Baozhai keeps {kept_words} ({kept} occurrences),"
        f" overrides {len(rows) - kept_words} ({total - kept} occurrences).",
        "",
        "### A. Words s2twp changes beyond s2tw (TWPhrases)",
        "",
        *table,
        "",
        "### B. s2tw beyond s2t (Taiwan variant characters)",
        "",
        *section_variants(tw),
        "",
        "### C. STPhrases picks that differ from the default character conversion",
        "",
        *section_phrase_picks(tw, ours),
        "",
        "### D. Curated entries: wrong in isolation or shadowed by a longer stock phrase",
        "",
        *section_curated(stock_phrases),
        "",
        "### E. Simplified left over (leftover_simplified on each converted edition)",
        "",
        *section_leftover(text),
        "",
        "### F. 发 probe: hair compounds against 发-verbs (s2tw, not from the page)",
        "",
        *section_hair_probe(),
        "",
        "### G. All TWPhrases entries, each converted alone",
        "",
        *section_twphrases_review(twphrases),
    ]
    return "\n".join(out) + "\n"


def write_between_markers(path: Path, report: str) -> None:
    document = path.read_text(encoding="utf-8")
    head, rest = document.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{report}{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, default=SEED)
    parser.add_argument("--write", type=Path, help="notes file to update between the markers")
    args = parser.parse_args()
    report = audit(args.page)
    if args.write:
        write_between_markers(args.write, report)
    else:
        sys.stdout.write(report)


if __name__ == "__main__":
    main()
