"""Building the editions' sites from their generated Markdown.

Each edition is built by MkDocs on its own, into its own folder, so editions
can be built at the same time in separate processes (one a core) when the
digest is large enough to repay starting them; the Simplified site then
receives the others as subfolders. Each edition is built once: the same
pages serve the hosted site and the offline bundles (see generator.site.bundle).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Iterable

from generator.cache import Cache
from generator.engine.options import add_shim
from generator.config import Edition, Settings
from generator.engine.build import build_edition

# (edition, its generated Markdown folder, its mkdocs.yml overrides)
BuiltEdition = tuple[Edition, Path, dict]

PARALLEL_FROM = 100  # articles: below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class EditionJob:
    settings: Settings
    edition: Edition
    docs: Path
    options: dict
    site: Path  # this edition's site, built alone
    checked: int = 0  # articles whose HTML the baozhai plugin must check (the Simplified edition's)
    cached: bool = False  # pages built before for the same inputs come from the cache (settings.cache)
    shard: "Shard | None" = None  # render only this shard's pages (into the cache)


@dataclass(frozen=True)
class Shard:
    """Shard ``number`` of ``count``: the pages whose path hashes to it (stable across
    runs and machines, so each page belongs to one shard of a CI matrix)."""

    number: int  # 1…count
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= self.count:
            raise ValueError(f"shard {self.number}/{self.count}: the number must be from 1 to {self.count}")

    def __call__(self, path: str) -> bool:
        return int(hashlib.sha256(path.encode("utf-8")).hexdigest()[:8], 16) % self.count == self.number - 1

    @classmethod
    def parse(cls, text: str) -> "Shard":
        number, _, count = text.partition("/")
        if not (number.isdigit() and count.isdigit()):
            raise ValueError(f"shard {text!r}: expected K/N, e.g. 1/4")
        return cls(int(number), int(count))


def run(job: EditionJob) -> dict[str, float]:
    """Build one edition; return the seconds it took and the pages it rendered and took from the cache."""
    begin = time.perf_counter()
    cache = Cache.at(job.settings.cache) if job.cached or job.shard else None
    report = build_edition(job.settings, job.docs, job.site, job.checked, cache=cache, only=job.shard, **job.options)
    if cache is not None:
        cache.commit()  # each entry is right for its key, whatever the other editions' builds do
    add_shim(job.site)
    code = job.edition.code
    return {f"mkdocs {code}": time.perf_counter() - begin, f"pages rendered {code}": report.rendered,
            f"pages cached {code}": report.cached}


def jobs_for(articles: int, editions: int) -> int:
    if articles < PARALLEL_FROM:
        return 1
    return max(1, min(editions, os.cpu_count() or 1))


def build_all(jobs: Iterable[EditionJob], workers: int) -> dict[str, float]:
    """Run the edition jobs, in ``workers`` processes when more than one. ``jobs`` may
    be lazy: each job is handed to a process as soon as it is produced (``map``
    submits while it iterates), so producing the next overlaps with building this one."""
    times: dict[str, float] = {}
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            for result in pool.map(run, jobs):
                times.update(result)
    else:
        for job in jobs:
            times.update(run(job))
    return times


def release_memory() -> None:
    """Collect what the generator no longer needs and hand the freed memory back to
    the system (glibc keeps freed heap pages otherwise), so the parent process does
    not sit on the digest's memory while the editions' MkDocs processes run."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused, just not returned
        pass


def assemble(site: Path, built: list[tuple[Edition, Path]]) -> None:
    """Move each edition's separately built site into its folder of ``site``."""
    for edition, folder in built:
        if edition.folder:
            target = site / edition.folder
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(folder), str(target))
