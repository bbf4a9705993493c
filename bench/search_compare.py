"""The first query on one built site with the search worker of several checkouts, side by
side, and where its time goes.

    .venv/bin/python bench/search_compare.py SITE 5 before=/tmp/main-code after=.
    .venv/bin/python bench/search_compare.py SITE 5 before=/tmp/main-code@OLD after=.   # OLD: a site of main's

SITE is a built site (e.g. the 10,000-article one ``bench/search_scale.py SITE 10 OUT``
keeps); each NAME=CHECKOUT gets a copy of it whose worker script is rebuilt from that
checkout's ``generator/search/query.js`` and ``generator/engine/worker.js``
(``worker_script``'s order, Material's own worker from this environment), each served on
127.0.0.1; NAME=CHECKOUT@OTHER takes a copy of the site OTHER instead (when the
checkouts' search indexes differ: each side its own build). Runs are interleaved (run, edition, side), each in a fresh browser context:
the page loaded, the search box opened (Material's READY), then ``生产力`` typed, as
``search_latency.first_query`` does. Per side and edition, medians of: keystroke → first
result rendered (the page's clock), → Pagefind's first chunk requested, → its chunks
received, records fetched (Pagefind's records or the documents beside them), → first
record requested, → last record received (Python's
clock at Playwright's request events, from the keystroke). Timings are this machine's.
"""
from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from search_latency import ARGS, FIRST  # noqa: E402

from generator.commands.serve import server  # noqa: E402

READY = ("() => { const m = document.querySelector('.md-search-result__meta');"
         " return m && m.textContent.trim() && !/初始化/.test(m.textContent); }")
SHOWN = "(() => { const l = document.querySelector('.md-search-result__list'); return l && l.children.length; })()"


def worker(code: Path, material: str) -> str:
    """The worker script of checkout ``code`` (as generator.engine.search.worker_script writes it)."""
    parts = [(code / "generator/search/opencc-t2cn.js").read_text(encoding="utf-8"),
             "self.baozhaiSearch = " + json.dumps({"articles": "articles/"}) + ";",
             (code / "generator/search/query.js").read_text(encoding="utf-8"),
             (code / "generator/engine/worker.js").read_text(encoding="utf-8"), material]
    return "\n;\n".join(parts)


def material_worker() -> str:
    import material
    found = sorted((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    return found[0].read_text(encoding="utf-8")


def one(browser, url: str, edition: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    events: list[tuple[str, str, float]] = []
    page.on("request", lambda r: events.append(("asked", r.url, time.perf_counter())))
    page.on("requestfinished", lambda r: events.append(("done", r.url, time.perf_counter())))
    page.goto(f"{url}{edition}index.html", wait_until="load")
    page.locator("input.md-search__input").click()
    page.wait_for_function(READY, timeout=120_000)
    events[:] = []
    page.evaluate("() => { window.__bzStart = performance.now(); }")
    start = time.perf_counter()
    page.keyboard.insert_text(FIRST)
    page.locator("input.md-search__input").press("End")
    page.wait_for_function(SHOWN, timeout=120_000)
    ms = page.evaluate("performance.now() - window.__bzStart")
    context.close()

    def at(kind: str, parts: tuple[str, ...], pick) -> float:
        times = [(t - start) * 1000 for k, u, t in events if k == kind and any(p in u for p in parts)]
        return pick(times) if times else float("nan")

    chunk, record = (".pf_index",), (".pf_fragment", "/pagefind/docs/")
    return {"ms": ms, "chunk asked": at("asked", chunk, min), "chunks done": at("done", chunk, max),
            "records": len([1 for k, u, _ in events if k == "asked" and any(r in u for r in record)]),
            "record asked": at("asked", record, min), "records done": at("done", record, max)}


def main() -> None:
    from playwright.sync_api import sync_playwright

    site, runs = Path(sys.argv[1]), int(sys.argv[2])
    sides = dict(arg.split("=", 1) for arg in sys.argv[3:])
    material = material_worker()
    figures: dict[tuple[str, str], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="baozhai-search-compare-") as tmp:
        urls = {}
        for name, side in sides.items():
            code, _, other = side.partition("@")
            copy = Path(tmp) / name
            shutil.copytree(Path(other) if other else site, copy)
            for script in copy.glob("**/assets/javascripts/workers/search.*.min.js"):
                script.write_text(worker(Path(code), material), encoding="utf-8")
            httpd = server(copy, port=0)
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            urls[name] = f"http://127.0.0.1:{httpd.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for _ in range(runs):
                for edition in ("", "zh-Hant/"):
                    for name, url in urls.items():
                        figures.setdefault((name, edition or "zh-Hans/"), []).append(one(browser, url, edition))
            browser.close()
    keys = ["chunk asked", "chunks done", "records", "record asked", "records done"]
    print(f"median of {runs}; ms from the keystroke\n")
    print("| side | edition | keystroke → results ms, median (min–max) | " + " | ".join(keys) + " |")
    print("|---|---|---|" + "---|" * len(keys))
    for (name, edition), rows in figures.items():
        ms = [r["ms"] for r in rows]
        cells = [f"{statistics.median(r[k] for r in rows):.0f}" for k in keys]
        print(f"| {name} | {edition} | {statistics.median(ms):.0f} ({min(ms):.0f}–{max(ms):.0f}) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
