"""Stage timings and progress: a stopwatch passed down the pipeline (no globals).

Progress lines go to stderr only on a terminal and never under CI (CI=true).
"""
from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator, TextIO


@dataclass
class Stopwatch:
    times: dict[str, float] = field(default_factory=dict)
    stream: TextIO | None = None  # where progress goes; None: quiet
    started: float = field(default_factory=time.perf_counter)

    @classmethod
    def for_terminal(cls) -> "Stopwatch":
        interactive = sys.stderr.isatty() and os.environ.get("CI", "").lower() not in ("1", "true")
        return cls(stream=sys.stderr if interactive else None)

    @contextmanager
    def stage(self, name: str, announce: bool = False) -> Iterator[None]:
        """Time a stage (times add up over repeated calls); ``announce`` prints it."""
        begin = time.perf_counter()
        if announce:
            self.progress(name, None, None)
        try:
            yield
        finally:
            self.times[name] = self.times.get(name, 0.0) + time.perf_counter() - begin

    def mark(self, name: str) -> None:
        """Record the seconds since the stopwatch started, the first time ``name`` is reached."""
        self.times.setdefault(name, time.perf_counter() - self.started)

    def progress(self, name: str, done: int | None, total: int | None) -> None:
        """One progress line on a terminal: ``[  12.3s] pages 40/1000``."""
        if self.stream is None:
            return
        count = f" {done}/{total}" if total else ""
        elapsed = time.perf_counter() - self.started
        end = "\n" if done is None or done == total else ""
        self.stream.write(f"\r[{elapsed:6.1f}s] {name}{count}\033[K{end}")
        self.stream.flush()

    def rounded(self) -> dict[str, float]:
        return {name: round(seconds, 3) for name, seconds in self.times.items()}
