"""bench/run.py's memory figures name the processes they come from: a build's peak is its
own process, its editions' MkDocs builds and Pagefind's indexer together, and which one
dominates decides where memory can be saved."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import run  # noqa: E402

WAIT = "import sys; sys.stdin.read()"  # runs until its stdin closes


def test_the_bench_tells_pagefind_mkdocs_and_other_helpers_apart():
    started = {kind: subprocess.Popen([sys.executable, "-c", WAIT, *extra], stdin=subprocess.PIPE)
               for kind, extra in (("pagefind", ["pagefind", "--site", "x"]),
                                   ("mkdocs", ["spawn_main", "--multiprocessing-fork"]),
                                   ("other", ["--timings", "t.json"]))}
    try:
        assert {kind: run._kind(child.pid, 1) for kind, child in started.items()} == {
            "pagefind": "pagefind", "mkdocs": "mkdocs", "other": "other"}
    finally:
        for child in started.values():
            child.communicate()


FORKS = "import os, sys\nif os.fork() == 0:\n    sys.stdin.read()\n    os._exit(0)\nos.wait()"


def test_the_bench_names_the_generator_forked_by_the_build():
    """The build forks the generator (generator.commands.build.apart): a child of the build
    process with the build's command line; what that child forks in turn is another helper."""
    build = subprocess.Popen([sys.executable, "-c", FORKS], stdin=subprocess.PIPE)
    try:
        for _ in range(200):
            forked = [p for p in run._tree(build.pid) if p != build.pid]
            if forked:
                break
            subprocess.run(["sleep", "0.05"])
        assert [run._kind(p, build.pid) for p in forked] == ["generator"]
        assert run._kind(forked[0], forked[0] + 1) == "other"  # not the build's own child
    finally:
        build.communicate()


def test_the_bench_shows_which_processes_made_the_peak():
    build = {"sampled": {"build_mb": 446.0, "largest_helper_mb": 708.0}, "peak_rss_all_mb": 1166.0,
             "at_peak_mb": {"build": 446.0, "pagefind": 708.0, "other": 12.4}}
    assert run._memory(build) == "708.0 / 1166.0 (pagefind 708, build 446, other 12)"
    del build["at_peak_mb"]  # results of older runs
    assert run._memory(build) == "708.0 / 1166.0"
    build["peak_pss_all_mb"] = 1100.0
    assert run._memory(build) == "708.0 / 1166.0; all together, PSS 1100.0"


def _sampled(tree, child):
    """Sample ``child``'s tree until a sample was taken (every 0.1 s), then let it end."""
    tree.start()
    try:
        for _ in range(200):
            if tree.at_peak:
                break
            tree.done.wait(0.05)
    finally:
        tree.stop()
        child.communicate()
    return tree


def test_the_bench_samples_each_kind_of_process_and_the_peak_of_all():
    child = subprocess.Popen([sys.executable, "-c", WAIT], stdin=subprocess.PIPE)
    tree = _sampled(run.TreeMemory(child.pid), child)
    assert list(tree.at_peak) == ["build"] and tree.by_kind() == tree.at_peak
    assert tree.at_peak["build"] == round(tree.peak / 2 ** 20, 1) > 1
    assert 0 < tree.peak_pss <= tree.peak  # its pages shared with other processes count in part


def test_a_helper_is_named_by_what_it_runs_once_it_execs():
    """A child forked by the build carries the build's command line until it execs Pagefind:
    the bench names it by what it became."""
    child = subprocess.Popen([sys.executable, "-c", WAIT], stdin=subprocess.PIPE)
    tree = run.TreeMemory(child.pid)
    tree.kinds[child.pid] = "other"  # as first seen, before the exec
    _sampled(tree, child)
    assert tree.kinds[child.pid] == "build"


def test_the_bench_reads_a_process_cpu_time_from_its_stat_line():
    """utime + stime (fields 14 and 15 of proc(5)), keyed by pid and start time (field 22),
    after a command that holds spaces and parentheses; the children's times (16, 17) are not
    the process's own."""
    stat = "4242 (py (x) y) S 1 4242 4242 0 -1 4194304 900 0 0 0 250 31 7 9 20 0 3 0 123456 1 1"
    assert run._parse_stat(4242, stat) == ((4242, 123456), 281)


WORDS = ("import os, sys\nif os.fork() == 0:\n    if os.fork() == 0:\n        sys.stdin.read()\n        os._exit(0)\n"
         "    os.wait()\n    os._exit(0)\nos.wait()")


def test_the_bench_counts_cpu_by_kind_and_names_the_generator_s_words_helper():
    """What the forked generator forks with the same command line is its words helper
    (generator.annotate.words); each process's CPU is counted once, under its kind."""
    build = subprocess.Popen([sys.executable, "-c", WORDS], stdin=subprocess.PIPE)
    tree = run.TreeMemory(build.pid)
    tree.start()
    try:
        for _ in range(200):
            if len(tree.cpu) == 3:
                break
            tree.done.wait(0.05)
    finally:
        tree.stop()
        build.communicate()
    assert sorted(tree.kinds.values()) == ["build", "generator", "words"]
    assert set(tree.cpu_by_kind()) == {"build", "generator", "words"}
    assert sorted(tree.cpu_kinds.values()) == ["build", "generator", "words"]


def test_the_layer_table_shows_what_the_layer_added_to_each_kind():
    def built(cpu, build, mkdocs):
        return {"cpu_s": cpu, "cpu_by_kind_s": {"build": build, "mkdocs": mkdocs}, "cpu_unsampled_s": cpu - build - mkdocs}
    result = {"articles": 10, "builds": {"without": [built(10.0, 4.0, 5.0), built(12.0, 4.0, 7.0)],
                                         "with": [built(14.0, 5.0, 8.0), built(14.0, 5.0, 8.0)]}}
    rows = run.layer_kinds_table([result]).splitlines()
    assert rows[0] == "| N | kind | without s | with s | with − without s |"
    assert rows[2] == "| 10 | build | 4.0 | 5.0 | +1.0 |"
    assert rows[5] == "| 10 | mkdocs | 6.0 | 8.0 | +2.0 |"
    assert rows[-2:] == ["| 10 | unsampled | 1.0 | 1.0 | +0.0 |", "| 10 | all | 11.0 | 14.0 | +3.0 |"]


ENDS = ("import os, sys\nr, w = os.pipe()\nif os.fork() == 0:\n    os.read(r, 1)\n    os._exit(0)\n"
        "sys.stdin.readline()\nos.write(w, b'x')\nsys.stdin.read()\nos.wait()")


def test_a_generator_that_ended_keeps_its_kind_until_it_is_waited_for():
    """An ended process not yet waited for (a zombie) has no command line: its last CPU
    sample still counts as the generator's, not as another helper's."""
    build = subprocess.Popen([sys.executable, "-c", ENDS], stdin=subprocess.PIPE, text=True)
    tree = run.TreeMemory(build.pid)
    tree.start()
    try:
        for _ in range(200):
            if "generator" in tree.kinds.values():
                break
            tree.done.wait(0.05)
        forked = next(p for p, kind in tree.kinds.items() if kind == "generator")
        assert build.stdin is not None
        build.stdin.write("go\n")
        build.stdin.flush()
        for _ in range(200):
            if Path(f"/proc/{forked}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                break
            tree.done.wait(0.05)
        tree.done.wait(0.3)  # samples of the zombie
        assert run._kind(forked, build.pid) == "other"
        assert tree.kinds[forked] == "generator"
        assert set(tree.cpu_kinds.values()) == {"build", "generator"}
    finally:
        tree.stop()
        build.communicate()
