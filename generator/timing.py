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
    def stage(self, name: str, total: int | None = None) -> Iterator[None]:
        begin = time.perf_counter()
        try:
            yield
        finally:
            self.times[name] = self.times.get(name, 0.0) + time.perf_counter() - begin
            self.progress(name, total, total)

    def progress(self, name: str, done: int | None, total: int | None) -> None:
        if self.stream is None:
            return
        count = f" {done}/{total}" if total else ""
        elapsed = time.perf_counter() - self.started
        self.stream.write(f"\r[{elapsed:6.1f}s] {name}{count}\033[K")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()
