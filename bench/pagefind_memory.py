"""Pagefind's indexer alone at a larger corpus: its peak memory, CPU time and index size
over an edition's records repeated to ``count`` (the records of a built site, as this
checkout's generator makes them; run with another checkout's code first on its
``PYTHONPATH`` to compare record formats side by side).

    .venv/bin/python bench/pagefind_memory.py SITE/zh-Hant 11280   # ≈ 10,000 articles' zh-Hant

SITE is a site built by ``baozhai build`` (e.g. ``bench/run.py``'s ``project`` and a
build); it is read, not changed. Prints one line: records, peak RSS of the indexer,
its CPU and wall time, and the size of the index it wrote.
"""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.engine import pagefind


def measure(edition: Path, count: int) -> str:
    items = pagefind.records(pagefind.read_index(edition))
    with tempfile.TemporaryDirectory(prefix="baozhai-pagefind-memory-") as tmp:
        pages, out = Path(tmp) / "pages", Path(tmp) / "out"
        pages.mkdir()
        for n in range(count):
            (pages / f"{n:06d}.html").write_text(pagefind.record_page(items[n % len(items)]), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(out),
                        "--silent"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        shutil.rmtree(pages)
    return (f"{count} records: peak {used.ru_maxrss / 1024:.0f} MB, CPU {used.ru_utime + used.ru_stime:.1f} s, "
            f"wall {wall:.1f} s, index {size / 2**20:.1f} MB")


if __name__ == "__main__":
    print(measure(Path(sys.argv[1]), int(sys.argv[2])))
