"""Stage timings and the progress line (shown on a terminal, never under CI)."""
from __future__ import annotations

import io

from generator.timing import Stopwatch


def test_stage_times_add_up_and_progress_is_printed():
    out = io.StringIO()
    watch = Stopwatch(stream=out)
    for _ in range(2):
        with watch.stage("parse"):
            pass
    watch.progress("pages", 1, 2)
    watch.progress("pages", 2, 2)
    with watch.stage("render", announce=True):
        pass
    assert sorted(watch.rounded()) == ["parse", "render"]
    lines = out.getvalue()
    assert "] pages 1/2\x1b[K" in lines and "] pages 2/2\x1b[K\n" in lines
    assert lines.count("\n") == 2 and "] render\x1b[K\n" in lines


def test_quiet_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    watch = Stopwatch.for_terminal()
    assert watch.stream is None
    watch.progress("pages", 1, 2)  # writes nowhere, raises nothing


def test_a_mark_keeps_the_first_time_it_was_reached():
    watch = Stopwatch(started=0.0)
    watch.mark("mkdocs starts")
    first = watch.times["mkdocs starts"]
    watch.mark("mkdocs starts")
    assert watch.times["mkdocs starts"] == first > 0
