"""Benchmark a full build at a given number of articles (a benchmark corpus).

    .venv/bin/python bench/run.py 100 1000 10000 --out bench/results.json
    .venv/bin/python bench/run.py --compare old.json new.json
    .venv/bin/python bench/run.py 1000 --layer --out bench/layer.json
    .venv/bin/python bench/run.py 1000 --layer --text real --before /tmp/main-code


For each N: generate a benchmark corpus (bench/corpus.py, marked as a benchmark,
in a temporary folder; ``--text real`` splices clauses of real articles, the
default recombines the seed's paragraphs), run ``baozhai build`` (both editions and both
offline bundles) in a fresh process, and record each stage's time, total
wall time, peak memory (RSS of the build and its worker processes: the largest of each kind —
build, MkDocs, Pagefind — and what made up the peak of all together), site
bytes per article per edition and search-index bytes per edition (the hosted
site's Pagefind folder), the first query on the hosted site in Chromium
(bench/search_latency.py first_query: KB fetched, keystroke → results,
median of 5 cold loads per edition); then run
it again with nothing changed (no-op), then add one page (+1 page: 4 articles,
dated the next day), then a day of ten pages (+1 day: 40 articles), and a plain
``mkdocs build`` of the same generated Markdown for the ratio.
With ``--layer``: instead, full builds of the same corpus with and without the
dictionary layer (the baozhai plugin's ``words: false``), interleaved (without,
with, with, without, … for ``--rounds``), each from an empty cache, and the
layer's share of wall and CPU time (the build's and all its child processes'), and
where the CPU went, by kind of process (:class:`TreeMemory`'s samples: the build
process, the generator it forks, the generator's words helper, the MkDocs workers,
Pagefind, other).
``--before DIR`` adds a third side to each round: with the layer, built by the
generator of another checkout (before a change), so before and after are
measured in the same run against the same builds without the layer.
Timings are of this machine at that moment: compare runs taken side by side
(``--code DIR`` builds with the generator of another checkout, e.g. an export of
main: ``git archive main | tar -x -C /tmp/main-code``).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
sys.path.insert(0, str(HERE))

from corpus import TEXTS, add_day, write_corpus  # noqa: E402
from search_latency import index_files, measure_first_query  # noqa: E402

CODE = ROOT  # whose generator builds (--code)
TEXT = "synthetic"  # the benchmark corpus (--text; bench/corpus.py)


def project(folder: Path, articles: int) -> Path:
    write_corpus(folder, articles, text=TEXT)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    return folder


def timed_build(folder: Path, extra: list[str] | None = None, profile: Path | None = None,
                code: Path | None = None) -> dict:
    """One ``baozhai build`` in a child process: wall time, stage times and peak RSS, sampled
    per process and for all of them together (see :func:`_largest`). ``profile``: run the
    build process under cProfile, its statistics into that file (the MkDocs processes are
    not profiled)."""
    timings = folder / "timings.json"
    timings.unlink(missing_ok=True)
    profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
    command = [PYTHON, *profiler, "-m", "generator", "--root", str(folder), "build", "--timings", str(timings)]
    start, cpu = time.perf_counter(), _children_cpu()
    child = subprocess.Popen(command + (extra or []), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=code or CODE)
    together = TreeMemory(child.pid)
    together.start()
    out, err = child.communicate()
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    together.stop()
    by_kind = together.cpu_by_kind()
    if child.returncode:
        raise SystemExit(f"build failed:\n{out}\n{err}")
    stages = json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else {}  # no-op: none
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_rss_all_mb": round(together.peak / 2 ** 20, 1),
            "peak_pss_all_mb": round(together.peak_pss / 2 ** 20, 1), "sampled": together.largest(),
            "peak_by_kind_mb": together.by_kind(), "at_peak_mb": together.at_peak,
            "cpu_by_kind_s": by_kind, "cpu_unsampled_s": round(cpu - sum(by_kind.values()), 2),
            "stages_s": stages,
            "said": out.strip().splitlines()[-3:]}


def _children_cpu() -> float:
    """User and system CPU seconds of the finished children (a build and its MkDocs workers):
    on a shared machine less noisy than wall time."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class TreeMemory(threading.Thread):
    """Samples (every 0.1 s) the summed RSS of a process and all its descendants:
    the memory the whole build holds at once, worker processes included; and each
    process's CPU time (user and system, /proc/<pid>/stat), its last sample kept.

    The CPU by kind misses what a process used after its last sample (up to 0.1 s
    each) and processes that lived less than 0.1 s; ``cpu_unsampled_s`` in the
    results is that remainder (the children's CPU from getrusage, minus the sum)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()
        self.peak_pss = 0  # the same in proportional set size: a forked process's shared pages counted once
        self.each: dict[int, int] = {}  # pid → its own sampled peak (bytes)
        self.kinds: dict[int, str] = {}  # pid → what it is (:func:`_kind`)
        self.at_peak: dict[str, float] = {}  # MB of each kind of process when all together peaked
        self.cpu: dict[tuple[int, int], int] = {}  # (pid, start time) → its last CPU sample, clock ticks
        self.cpu_kinds: dict[tuple[int, int], str] = {}  # (pid, start time) → its kind at that sample

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self.done.wait(0.1):
            sizes = {p: _rss_pages(p) * page for p in _tree(self.pid)}
            generators = {p for p, kind in self.kinds.items() if kind == "generator"}
            for p in sizes:  # a helper forked by the build shows the build's command until it execs
                if self.kinds.get(p, "other") == "other":
                    self.kinds[p] = "build" if p == self.pid else _kind(p, self.pid, generators)
                elif self.kinds[p] in ("generator", "words"):  # it may exec (Pagefind's, before it has);
                    now = _kind(p, self.pid, generators)  # "other" once it has ended (a zombie: no command)
                    self.kinds[p] = self.kinds[p] if now == "other" else now
                if self.kinds[p] == "generator":  # (_tree lists a parent before its children)
                    generators.add(p)
                used = _cpu_ticks(p)
                if used is not None:
                    self.cpu[used[0]], self.cpu_kinds[used[0]] = used[1], self.kinds[p]
            self.peak_pss = max(self.peak_pss, sum(_pss(p) for p in sizes))
            if sum(sizes.values()) > self.peak:
                self.peak = sum(sizes.values())
                self.at_peak = {}
                for p, size in sizes.items():
                    self.at_peak[self.kinds[p]] = round(self.at_peak.get(self.kinds[p], 0) + size / 2 ** 20, 1)
            for p, size in sizes.items():
                self.each[p] = max(self.each.get(p, 0), size)

    def by_kind(self) -> dict[str, float]:
        """The largest process of each kind (build, mkdocs, pagefind, other), in MB."""
        out: dict[str, float] = {}
        for p, size in self.each.items():
            out[self.kinds[p]] = max(out.get(self.kinds[p], 0), round(size / 2 ** 20, 1))
        return out

    def cpu_by_kind(self) -> dict[str, float]:
        """CPU seconds (user and system) of each kind of process, as last sampled."""
        tick = os.sysconf("SC_CLK_TCK")
        out: dict[str, float] = {}
        for process, ticks in self.cpu.items():
            out[self.cpu_kinds[process]] = out.get(self.cpu_kinds[process], 0) + ticks / tick
        return {kind: round(seconds, 2) for kind, seconds in sorted(out.items())}

    def largest(self) -> dict[str, float]:
        """The build process's own peak and its largest helper's (MkDocs workers), in MB."""
        helpers = [size for p, size in self.each.items() if p != self.pid]
        return {"build_mb": round(self.each.get(self.pid, 0) / 2 ** 20, 1),
                "largest_helper_mb": round(max(helpers, default=0) / 2 ** 20, 1)}

    def stop(self) -> None:
        self.done.set()
        self.join()


def _kind(pid: int, build: int, generators: set[int] | frozenset[int] = frozenset()) -> str:
    """What a helper process of the build is: an edition's MkDocs build (a worker the build
    spawned), Pagefind's indexer (``python -m pagefind``, which execs its binary), the
    generator (forked by the build process: generator.commands.build.apart; it shows the
    build's command), the generator's words helper (forked by one of ``generators``, with
    the same command: generator.annotate.words), or other (e.g. multiprocessing's
    resource tracker). With fewer files than the build forks for (APART_FROM), the
    words helper is a child of the build itself and counts as "generator"."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        built = Path(f"/proc/{build}/cmdline").read_bytes().split(b"\0")
    except (OSError, IndexError, ValueError):
        return "other"
    if command == [b""]:  # ended, not yet waited for (a zombie), or a kernel thread: unknown
        return "other"
    if b"pagefind" in command or command[0].endswith(b"/pagefind"):
        return "pagefind"
    if any(b"spawn_main" in part for part in command):
        return "mkdocs"
    if parent == build and command == built:
        return "generator"
    if parent in generators and command == built:
        return "words"
    return "other"


def _cpu_ticks(pid: int) -> tuple[tuple[int, int], int] | None:
    """((pid, its start time), user + system CPU in clock ticks) of a running process;
    None when it is gone."""
    try:
        return _parse_stat(pid, Path(f"/proc/{pid}/stat").read_text())
    except (OSError, IndexError, ValueError):
        return None


def _parse_stat(pid: int, stat: str) -> tuple[tuple[int, int], int]:
    """/proc/<pid>/stat (proc(5)): after the command in parentheses (which may hold spaces
    and parentheses itself), field 3 is the state; 14 utime, 15 stime, 22 starttime (the
    process's own, not its waited-for children's: cutime and cstime are left out, or a
    finished child would count twice)."""
    fields = stat.rsplit(")", 1)[1].split()
    return (pid, int(fields[19])), int(fields[11]) + int(fields[12])


def _pss(pid: int) -> int:
    """Proportional set size, bytes (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                pass
    return found


def _rss_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


# the generator's own stages (timing.Stopwatch names); "mkdocs" (wall of the parallel
# edition builds), "mkdocs <edition>" (each build) and "bundles" (zips) are not
GENERATOR_STAGES = ("load", "read", "parse", "repair", "annotate", "words", "words data", "link", "render", "preservation", "write",
                    "convert")


def generator_work(stages: dict) -> float:
    """Seconds of generator work: every stage of it (the conversion overlaps the first MkDocs build)."""
    return sum(v for k, v in stages.items() if k in GENERATOR_STAGES)


def critical(build: dict) -> tuple[float, float, float] | None:
    """(startup, first MkDocs build starts, last can start): seconds from the process start.
    Startup is the interpreter and imports (wall minus the stopwatch's total). None for
    results of builds that did not record these marks."""
    stages = build["stages_s"]
    if not {"total", "mkdocs starts", "editions written"} <= set(stages):
        return None
    startup = build["wall_s"] - stages["total"]
    return startup, startup + stages["mkdocs starts"], startup + stages["editions written"]


def plain_mkdocs(folder: Path) -> float:
    """``mkdocs build`` of the generated Simplified Markdown alone (no Baozhai)."""
    start = time.perf_counter()
    subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml"),
                    "-d", str(folder / "plain-site")], capture_output=True, cwd=folder, check=True)
    return round(time.perf_counter() - start, 2)


def raw_opencc(folder: Path) -> dict:
    """Stock OpenCC s2twp, one call, on the same text: the generated Simplified Markdown
    (what the convert stage converts) and the sources (what the generator reads)."""
    import opencc

    converter = opencc.OpenCC("s2twp")
    texts = {"markdown": "".join(p.read_text(encoding="utf-8")
                                 for p in sorted((folder / "docs" / "zh-Hans").rglob("*.md"))),
             "sources": "".join(p.read_text(encoding="utf-8")
                                for p in sorted((folder / "content" / "sources").glob("*.txt")))}
    result = {}
    for name, text in texts.items():
        best = min(_timed(lambda: converter.convert(text)) for _ in range(3))
        result[name] = {"chars": len(text), "seconds": round(best, 3)}
    return result


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def sizes(folder: Path, articles: int) -> dict:
    site = folder / "site"
    result = {}
    for edition, root in (("zh-Hans", site), ("zh-Hant", site / "zh-Hant")):
        files = [p for p in root.rglob("*") if p.is_file() and (edition == "zh-Hant" or "zh-Hant" not in
                                                                   p.relative_to(site).parts)]
        total = sum(p.stat().st_size for p in files)
        result[edition] = {"site_bytes": total, "site_kb_per_article": round(total / articles / 1024, 1),
                           "search_index_bytes": index_files(root)["bytes"],
                           "html_pages": sum(1 for p in files if p.suffix == ".html")}
    result["zips_bytes"] = {p.name: p.stat().st_size for p in sorted((folder / "dist").glob("*.zip"))}
    return result


def measure(articles: int, plain: bool = True, profile: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"baozhai-bench-{articles}-") as tmp:
        folder = project(Path(tmp), articles)
        first = timed_build(folder, profile=profile)
        opencc_raw = raw_opencc(folder)
        site_sizes = sizes(folder, articles)
        search = measure_first_query(folder / "site") if browser() else None
        again = timed_build(folder)
        add_day(folder / "content", 1, text=TEXT)
        incremental = timed_build(folder)
        add_day(folder / "content", 10, text=TEXT)
        day = timed_build(folder)
        plain_s = plain_mkdocs(folder) if plain else None
        return {"articles": articles, "first": first, "unchanged": again, "one_page_added": incremental,
                "one_day_added": day, "plain_mkdocs_hans_s": plain_s, "sizes": site_sizes,
                "raw_opencc": opencc_raw, "first_query": search, "per_article_ms": round(first["wall_s"] / articles * 1000, 1)}


def without_words(folder: Path) -> None:
    """Turn the dictionary layer off in ``folder``'s mkdocs.yml (the baozhai plugin's ``words``)."""
    config = folder / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.strip().startswith("- baozhai:"))
    lines.insert(at + 1, "      words: false\n")
    config.write_text("".join(lines), encoding="utf-8")


LAYER_STAGES = ("words", "words data")


def measure_layer(articles: int, rounds: int = 2, before: Path | None = None) -> dict:
    """Full builds of one corpus with and without the dictionary layer, interleaved
    (without, with, then with, without, …), each from an empty cache into empty folders.
    ``before``: a third side, "before" (with the layer, that checkout's generator)."""
    with tempfile.TemporaryDirectory(prefix=f"baozhai-bench-layer-{articles}-") as tmp:
        folders = {"with": project(Path(tmp) / "with", articles)}
        folders["without"] = Path(tmp) / "without"
        shutil.copytree(folders["with"], folders["without"])
        without_words(folders["without"])
        sides = ["without", "with"]
        if before is not None:
            folders["before"] = Path(tmp) / "before"
            shutil.copytree(folders["with"], folders["before"])
            sides.append("before")
        builds: dict[str, list[dict]] = {side: [] for side in sides}
        for number in range(rounds):
            for side in sides if number % 2 == 0 else sides[::-1]:
                folder = folders[side]
                for made in (".cache", "site", "docs", "dist"):
                    shutil.rmtree(folder / made, ignore_errors=True)
                builds[side].append(timed_build(folder, code=before if side == "before" else None))
                builds[side][-1]["bytes"] = {made: _bytes(folder / made) for made in (".cache", "site", "docs", "dist")}
                done = builds[side][-1]
                print(f"  {articles} articles, {side} the layer: {done['wall_s']} s wall, {done['cpu_s']} s CPU "
                      f"({', '.join(f'{k} {v:.1f}' for k, v in done['cpu_by_kind_s'].items())}); "
                      f"stages {json.dumps(done['stages_s'])}", flush=True)
        layer_files = sum(1 for p in (folders["with"] / "site").rglob("*") if p.is_file()) - \
            sum(1 for p in (folders["without"] / "site").rglob("*") if p.is_file())
        return {"articles": articles, "rounds": rounds, "builds": builds, "layer_files": layer_files,
                "text": TEXT, "load": os.getloadavg()}


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def layer_table(results: list[dict]) -> str:
    """One row per N and side with the layer ("with"; "before" with ``--before``): means of
    its builds against the builds without the layer of the same rounds."""
    head = ("| N | text | side | builds | wall s without / with (layer's share) | CPU s without / with "
            "(layer's share) | CPU pairs (with − without, s) | words + words data s |")
    lines = [head, "|---" * 8 + "|"]
    for r in results:
        without = r["builds"]["without"]
        for side in [s for s in ("before", "with") if s in r["builds"]]:
            builds = r["builds"][side]
            wall = _mean([b["wall_s"] for b in without]), _mean([b["wall_s"] for b in builds])
            cpu = _mean([b["cpu_s"] for b in without]), _mean([b["cpu_s"] for b in builds])
            pairs = ", ".join(f"{b['cpu_s'] - a['cpu_s']:+.1f}" for a, b in zip(without, builds))
            stages = _mean([sum(b["stages_s"].get(s, 0.0) for s in LAYER_STAGES) for b in builds])
            lines.append(f"| {r['articles']} | {r.get('text', 'synthetic')} | {side} | {r['rounds']} | "
                         f"{wall[0]:.1f} / {wall[1]:.1f} ({wall[1] / wall[0] - 1:+.1%}) | "
                         f"{cpu[0]:.1f} / {cpu[1]:.1f} ({cpu[1] / cpu[0] - 1:+.1%}) | {pairs} | {stages:.1f} |")
    return "\n".join(lines)


CPU_KINDS = ("build", "generator", "words", "mkdocs", "pagefind", "other")


def layer_kinds_table(results: list[dict]) -> str:
    """CPU seconds by kind of process (means of each side's builds) and what the layer
    added to each; "unsampled": what the samples missed (:class:`TreeMemory`)."""
    sides = [s for s in ("without", "with", "before") if s in results[0]["builds"]] if results else []
    head = "| N | kind | " + " | ".join(f"{s} s" for s in sides) + " | " + \
        " | ".join(f"{s} − without s" for s in sides[1:]) + " |"
    lines = [head, "|---" * (2 + 2 * len(sides) - 1) + "|"]
    for r in results:
        if not all("cpu_by_kind_s" in b for side in sides for b in r["builds"][side]):
            continue  # results of older runs
        means = {side: {kind: _mean([b["cpu_by_kind_s"].get(kind, 0.0) for b in r["builds"][side]])
                        for kind in CPU_KINDS} for side in sides}
        for side in sides:
            means[side]["unsampled"] = _mean([b["cpu_unsampled_s"] for b in r["builds"][side]])
            means[side]["all"] = _mean([b["cpu_s"] for b in r["builds"][side]])
        for kind in (*CPU_KINDS, "unsampled", "all"):
            row = [f"{means[side][kind]:.1f}" for side in sides]
            row += [f"{means[side][kind] - means['without'][kind]:+.1f}" for side in sides[1:]]
            lines.append(f"| {r['articles']} | {kind} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def table(results: list[dict]) -> str:
    head = ("| N | wall s | ms/article | startup s | generator work s (share of wall) | first / last MkDocs starts at s "
            "(last: share of wall) | mkdocs s | raw OpenCC s (Markdown / sources) | generator work / OpenCC (Markdown) | "
            "no-op s (share) | +1 page s (share; generator work) | +1 day s (share) | pages rendered +1 page / full | "
            "CPU s full / +1 page (share) | "
            "peak MB (largest process / all together (its processes at that moment)) | "
            "KB/article (Hans/Hant) | index KB (Hans/Hant) | plain mkdocs s | "
            "first query: KB fetched (gzipped), Hans/Hant | first query: keystroke → results ms, Hans/Hant |")
    lines = [head, "|---" * 20 + "|"]
    for r in results:
        first, s = r["first"], r["sizes"]
        wall = first["wall_s"]
        work = generator_work(first["stages_s"])
        marks = critical(first)
        startup, starts, last = marks or (float("nan"),) * 3
        raw = r.get("raw_opencc") or {}
        opencc_s = "/".join(str(raw.get(k, {}).get("seconds", "?")) for k in ("markdown", "sources"))
        markdown_s = raw.get("markdown", {}).get("seconds")
        lines.append(
            f"| {r['articles']} | {wall} | {r['per_article_ms']} | {startup:.1f} | "
            f"{work:.1f} ({work / wall:.0%}) | {starts:.1f} / {last:.1f} ({last / wall:.0%}) | "
            f"{first['stages_s'].get('mkdocs', 0.0):.1f} | {opencc_s} | "
            f"{f'{work / markdown_s:.1f}×' if markdown_s else '?'} | "
            f"{_share(r['unchanged'], wall)} | "
            f"{_share(r['one_page_added'], wall, '; %.1f' % generator_work(r['one_page_added']['stages_s']))} | "
            f"{_share(r['one_day_added'], wall) if 'one_day_added' in r else '?'} | "
            f"{_rendered(r['one_page_added'])} / {_rendered(first)} | {_cpu(first, r['one_page_added'])} | "
            f"{_memory(first)} | "
            f"{s['zh-Hans']['site_kb_per_article']}/{s['zh-Hant']['site_kb_per_article']} | "
            f"{s['zh-Hans']['search_index_bytes'] // 1024}/{s['zh-Hant']['search_index_bytes'] // 1024} | "
            f"{r['plain_mkdocs_hans_s']} | {_first_query(r)} |")
    return "\n".join(lines)


def browser() -> bool:
    """Chromium for the first-query figures (tests/browser need the same)."""
    return Path("/usr/bin/chromium").exists()


def _first_query(result: dict) -> str:
    """Median KB fetched for the first query (gzipped) and its keystroke → results ms, per edition."""
    q = result.get("first_query")
    if not q:
        return "? | ?"
    editions = ("zh-Hans/", "zh-Hant/")
    fetched = "/".join(f"{q[e]['query'] / 1024:.0f} ({q[e]['gzip'] / 1024:.0f})" for e in editions)
    return f"{fetched} | " + "/".join(f"{q[e]['ms']:.0f}" for e in editions)


def _cpu(full: dict, one: dict) -> str:
    if "cpu_s" not in full:  # results of older runs
        return "?"
    return f"{full['cpu_s']} / {one['cpu_s']} ({one['cpu_s'] / full['cpu_s']:.0%})"


def _share(build: dict, full: float, more: str = "") -> str:
    return f"{build['wall_s']} ({build['wall_s'] / full:.0%}{more})"


def _rendered(build: dict) -> str:
    """Pages MkDocs rendered (both editions), as the build said it ("… N pages rendered by MkDocs")."""
    for line in build.get("said", []):
        if "pages rendered by MkDocs" in line:
            return line.split("pages rendered by MkDocs")[0].rsplit(", ", 1)[-1].strip()
    return "?"


def _largest(build: dict) -> float:
    """The largest single process, as sampled. Not ``ru_maxrss`` of the bench's children
    (``peak_rss_mb`` in results of older runs): a child forked from the bench starts out
    with the bench's own memory in its peak (after raw_opencc that is the whole
    Markdown, twice), before it execs the build."""
    sampled = build.get("sampled")
    return max(sampled.values()) if sampled else build["peak_rss_mb"]


def _memory(build: dict) -> str:
    """Largest process / all together, and which processes made up the peak of all together."""
    shown = f"{_largest(build)} / {build.get('peak_rss_all_mb', '?')}"
    kinds = build.get("at_peak_mb")
    if kinds:  # results of older runs lack it
        shown += " (" + ", ".join(f"{k} {v:.0f}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])) + ")"
    if "peak_pss_all_mb" in build:  # shared pages of forked processes once (RSS counts them in each)
        shown += f"; all together, PSS {build['peak_pss_all_mb']}"
    return shown


def compare(old: list[dict], new: list[dict]) -> str:
    lines = ["| N | wall old → new | ratio |", "|---|---|---|"]
    before = {r["articles"]: r for r in old}
    for r in new:
        if r["articles"] in before:
            a, b = before[r["articles"]]["first"]["wall_s"], r["first"]["wall_s"]
            lines.append(f"| {r['articles']} | {a} → {b} | {b / a:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    parser.add_argument("--no-plain", action="store_true",
                        help="skip the plain mkdocs build (its flat nav makes it quadratic: hours at 10,000)")
    parser.add_argument("--code", type=Path, help="build with the generator of this checkout (default: this one)")
    parser.add_argument("--profile", type=Path, help="cProfile the full build's main process into FILE-N.prof")
    parser.add_argument("--layer", action="store_true",
                        help="measure full builds with and without the dictionary layer, side by side")
    parser.add_argument("--rounds", type=int, default=2,
                        help="--layer: builds of each side, interleaved (default 2: without, with, with, without)")
    parser.add_argument("--before", type=Path,
                        help="--layer: also build with the layer by this checkout's generator, in each round")
    parser.add_argument("--text", choices=TEXTS, default="synthetic",
                        help="the corpus: the seed's paragraphs recombined (synthetic) or real articles' "
                             "clauses spliced (real); see bench/corpus.py")
    args = parser.parse_args()
    global CODE, TEXT
    CODE = (args.code or ROOT).resolve()
    TEXT = args.text
    if args.compare:
        old, new = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        print(compare(old, new))
        return
    if args.layer:
        layered = [measure_layer(n, args.rounds, args.before.resolve() if args.before else None)
                   for n in args.articles]
        if args.out:
            args.out.write_text(json.dumps(layered, ensure_ascii=False, indent=1), encoding="utf-8")
        print(layer_table(layered))
        print()
        print(layer_kinds_table(layered))
        return
    results = []
    for n in args.articles:
        profile = args.profile.with_name(f"{args.profile.name}-{n}.prof") if args.profile else None
        results.append(measure(n, plain=not args.no_plain, profile=profile))
        print(table(results[-1:]).splitlines()[-1], flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
