"""Search: index size against text size, what the first query costs, and time from
keystroke to results.

    .venv/bin/python bench/search_latency.py            # the seed content
    .venv/bin/python bench/search_latency.py 1000       # a synthetic corpus of 1,000 articles

Builds the site into a temporary folder, serves it on 127.0.0.1, opens it in
Debian's Chromium (Playwright) and measures:

* first query, per edition, 5 times each in a fresh browser context (empty
  cache): the home page opened with the query in its address (``?q=``, which
  Material's search reads on load), the bytes fetched (response bodies, as
  served: uncompressed; all of them and the search's share: index, worker, Lunr
  files) and the milliseconds from the start of navigation to the first result
  rendered (the page's own clock); medians and ranges;
* keystroke to results, per query, 3 times each after the index is loaded: from
  the key going up to the result list being rendered.

Prints Markdown tables; timings are of this machine at that moment.
"""
from __future__ import annotations

import gzip
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

from generator.cli import main as baozhai  # noqa: E402
from generator.commands.serve import server  # noqa: E402

QUERIES = ["新质生产力", "生产力", "人工智慧", "黄金", "16万P", "AI", "xinzhi shengchanli", "科技"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def build(folder: Path, articles: int | None) -> None:
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    content = write_corpus(folder, articles) if articles else ROOT / "content"
    assert baozhai(["--root", str(folder), "build", "--content", str(content)]) == 0


def text_bytes(site: Path) -> int:
    """UTF-8 bytes of the pages' text (what the index is built from)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sum(len(d.get("text", "").encode()) + len(d.get("title", "").encode()) for d in index["docs"])


FIRST = "生产力"  # the first query: in every synthetic article (its seed page uses it)
SEARCH_FILES = ("/search/", "/workers/", "/lunr/")


def first_query(url: str, runs: int = 5) -> dict[str, dict[str, list[float]]]:
    """Per edition: bytes fetched (all, search) and page-load → results ms, ``runs`` cold loads."""
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    figures: dict[str, dict[str, list[float]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for edition in ("", "zh-Hant/"):
            sample = figures.setdefault(edition or "zh-Hans/", {"all": [], "search": [], "ms": []})
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                sizes: list[tuple[str, int]] = []
                page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"])))
                page.goto(f"{url}{edition}index.html?q={quote(FIRST)}")
                page.wait_for_function("document.querySelector('.md-search-result__list') && "
                                       "document.querySelector('.md-search-result__list').children.length",
                                       timeout=120_000)
                sample["ms"].append(page.evaluate("performance.now()"))
                sample["all"].append(sum(size for _, size in sizes))
                sample["search"].append(sum(size for u, size in sizes if any(part in u for part in SEARCH_FILES)))
                context.close()
        browser.close()
    return figures


def latency(url: str) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()
        for edition in ("", "zh-Hant/"):
            page.goto(url + edition + "index.html")
            box = page.locator("input.md-search__input")
            box.click()
            page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
            for query in QUERIES:
                samples = times.setdefault(f"{edition or 'zh-Hans/'}{query}", [])
                for _ in range(3):
                    box.fill("")
                    box.press("End")
                    page.wait_for_function("!document.querySelector('.md-search-result__list').children.length")
                    box.fill(query)
                    start = time.perf_counter()
                    box.press("End")
                    page.wait_for_function("document.querySelector('.md-search-result__list').children.length")
                    samples.append((time.perf_counter() - start) * 1000)
        browser.close()
    return times


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(prefix="baozhai-search-bench-") as tmp:
        folder = Path(tmp)
        build(folder, articles)
        site = folder / "site"
        print(f"corpus: {articles or 'seed'} articles")
        for edition, root in (("zh-Hans", site), ("zh-Hant", site / "zh-Hant")):
            raw = (root / "search" / "search_index.json").read_bytes()
            index, packed = len(raw), len(gzip.compress(raw))
            text = text_bytes(root)
            print(f"{edition}: index {index / 1024:.0f} KB ({packed / 1024:.0f} KB gzipped), text {text / 1024:.0f} KB, "
                  f"ratio {index / text:.2f}")
        httpd = server(site, port=0)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        first = first_query(base)
        times = latency(base)
        httpd.shutdown()
        print(f"\nfirst query ({FIRST}), cold cache, median (min–max) of {len(first['zh-Hans/']['ms'])}:")
        print("| edition | bytes fetched, all (KB) | search files (KB) | page load → results (ms) |\n|---|---|---|---|")
        for edition, f in first.items():
            cells = [f"{statistics.median(f[k]) / d:.0f} ({min(f[k]) / d:.0f}–{max(f[k]) / d:.0f})"
                     for k, d in (("all", 1024), ("search", 1024), ("ms", 1))]
            print(f"| {edition} | " + " | ".join(cells) + " |")
        print()
        print("| query | median ms | max ms |\n|---|---|---|")
        for query, samples in times.items():
            print(f"| {query} | {statistics.median(samples):.0f} | {max(samples):.0f} |")


if __name__ == "__main__":
    main()
