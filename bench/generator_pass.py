"""The generator's part of a +1 page build, in one process: CPU, stages, cProfile.

    .venv/bin/python bench/generator_pass.py setup /tmp/gp 1000        # a corpus, built once
    .venv/bin/python bench/generator_pass.py run /tmp/gp [--profile FILE]
    .venv/bin/python bench/generator_pass.py run /tmp/gp --code /tmp/main-code   # another checkout

``setup`` writes a benchmark corpus (bench/run.py's ``project``) and builds it with the
checkout's code (``--code``), so its cache is warm for that code (a cache entry's key holds
the code's hash: each checkout needs its own folder). ``run`` adds one page (bench/corpus.py
``add_day``), runs what the build's generator process runs — ``generate`` and
``write_editions``, into a scratch folder — in this process (the build forks it:
``generator.commands.build.apart``), prints its CPU seconds (after the imports), its stages
and what came from the cache, then discards what it computed and removes the page, so every
run sees the same state. The page is added in place: a page's cache key holds its path.
"""
from __future__ import annotations

import argparse
import cProfile
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("setup", "run"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("articles", type=int, nargs="?", default=1000)
    parser.add_argument("--code", type=Path, default=HERE.parent, help="the checkout whose generator runs")
    parser.add_argument("--profile", type=Path, help="write cProfile's statistics of the pass here")
    args = parser.parse_args()
    sys.path[:0] = [str(args.code), str(HERE)]
    from corpus import add_day
    if args.action == "setup":
        import run
        run.project(args.folder, args.articles)
        subprocess.run([sys.executable, "-m", "generator", "--root", str(args.folder), "build"], cwd=args.code,
                       check=True)
        return
    from generator import cache as cache_module
    from generator.commands import build
    from generator.config import load_settings
    from generator.timing import Stopwatch
    cache_module.ENDS_SOON = True  # as in the build's generator process (older code: no such flag, unused)
    added = add_day(args.folder / "content", 1)
    cache = None
    try:
        settings = load_settings(args.folder)
        cache = cache_module.Cache.at(settings.cache)
        watch = Stopwatch()
        profiler = cProfile.Profile() if args.profile else None
        cpu, wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        with tempfile.TemporaryDirectory(prefix="baozhai-pass-") as scratch:
            digest, files = build.generate(settings, cache, watch, render_check=False)
            with build.build_date(build.newest_date(digest)):
                for _ in build.write_editions(settings, digest, files, Path(scratch) / "docs", cache, watch,
                                              replacing=True):
                    pass
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        print(f"CPU {time.process_time() - cpu:.2f} s, wall {time.perf_counter() - wall:.2f} s")
        print({name: round(seconds, 3) for name, seconds in watch.times.items()})
        print(cache.report())
    finally:
        if cache is not None:
            cache.discard()
        for path in added:
            path.unlink()


if __name__ == "__main__":  # MkDocs' workers start by spawning: they import this module
    main()
