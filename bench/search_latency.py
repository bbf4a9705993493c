"""Search: index size against text size, what the first query costs, and time from
keystroke to results.

    .venv/bin/python bench/search_latency.py            # the seed content
    .venv/bin/python bench/search_latency.py 1000       # a synthetic corpus of 1,000 articles

Builds the site into a temporary folder, serves it on 127.0.0.1, opens it in
Debian's Chromium (Playwright) and measures:

* first query, per edition, 5 times each in a fresh browser context (empty
  cache): the home page loaded and the search box opened, then the query
  typed: the bytes fetched for it (response bodies as served, and gzipped as a
  host would send them), the search files fetched with the page, and the
  milliseconds from the keystroke to the first result rendered (the page's own
  clock); medians and ranges (:func:`first_query`, also run by bench/run.py);
* keystroke to results, per query, 3 times each after the index is loaded: from
  the key going up to the result list being rendered.

Prints Markdown tables; timings are of this machine at that moment.
"""
from __future__ import annotations

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


def index_files(root: Path) -> dict[str, int]:
    """An edition's hosted search index (Pagefind's folder): bytes, files, the largest chunk."""
    files = [p for p in (root / "pagefind").rglob("*") if p.is_file()]
    chunks = [p.stat().st_size for p in files if p.suffix == ".pf_index"]
    return {"bytes": sum(p.stat().st_size for p in files), "files": len(files), "largest_chunk": max(chunks, default=0)}


FIRST = "生产力"  # the first query: in every synthetic article (its seed page uses it)
SEARCH_FILES = ("/search/", "/workers/", "/lunr/", "/pagefind/")


def first_query(url: str, site: Path, runs: int = 5, query: str = FIRST) -> dict[str, dict[str, list[float]]]:
    """Per edition, ``runs`` times in a fresh browser context (cold cache): the page is
    opened and loaded, the search box opened (Material's worker set up), then ``query``
    typed: the bytes fetched from that keystroke to the results rendered (as served;
    ``gzip``: the same files gzipped, as a host would send them; Pagefind's own files
    are compressed already), the search files fetched with the page before it, and the
    milliseconds from the keystroke to the first result rendered (the page's own clock)."""
    import gzip as gz
    from urllib.parse import unquote, urlsplit

    from playwright.sync_api import sync_playwright

    packed: dict[str, tuple[int, int]] = {}

    def on_disk(address: str) -> tuple[int, int]:
        """The file's size and gzipped size (0, 0 when the address is no file of the site)."""
        path = unquote(urlsplit(address).path).lstrip("/")
        if path not in packed:
            file = site / path
            data = file.read_bytes() if file.is_file() else b""
            packed[path] = (len(data), len(gz.compress(data)) if data else 0)
        return packed[path]

    def gzipped(address: str) -> int:
        return on_disk(address)[1]

    def served(request) -> int:
        """Response bytes as served; a worker's script, which Chromium reports as 0, from disk."""
        return request.sizes()["responseBodySize"] or on_disk(request.url)[0]

    figures: dict[str, dict[str, list[float]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for edition in ("", "zh-Hant/"):
            sample = figures.setdefault(edition or "zh-Hans/", {"query": [], "gzip": [], "at_load": [], "ms": []})
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                sizes: list[tuple[str, int]] = []
                page.on("requestfinished", lambda r: sizes.append((r.url, served(r))))
                page.goto(f"{url}{edition}index.html", wait_until="load")
                page.locator("input.md-search__input").click()
                page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                                       " return m && m.textContent.trim() && !/初始化/.test(m.textContent); }",
                                       timeout=120_000)
                at_load, sizes[:] = list(sizes), []
                page.evaluate("() => { window.__bzStart = performance.now(); }")
                page.keyboard.insert_text(query)
                page.locator("input.md-search__input").press("End")
                page.wait_for_function("document.querySelector('.md-search-result__list') && "
                                       "document.querySelector('.md-search-result__list').children.length",
                                       timeout=120_000)
                sample["ms"].append(page.evaluate("performance.now() - window.__bzStart"))
                sample["query"].append(sum(size for _, size in sizes))
                sample["gzip"].append(sum(gzipped(u) for u, _ in sizes))
                sample["at_load"].append(sum(size for u, size in at_load if any(part in u for part in SEARCH_FILES)))
                context.close()
        browser.close()
    return figures


def measure_first_query(site: Path, runs: int = 5) -> dict[str, dict[str, float]]:
    """:func:`first_query` on a built site served on 127.0.0.1: medians per edition."""
    httpd = server(site, port=0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        first = first_query(f"http://127.0.0.1:{httpd.server_address[1]}/", site, runs)
    finally:
        httpd.shutdown()
    return {edition: {key: statistics.median(values) for key, values in f.items()} for edition, f in first.items()}


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
            index = index_files(root)
            print(f"{edition}: Pagefind index {index['bytes'] / 1024:.0f} KB in {index['files']} files, "
                  f"largest chunk {index['largest_chunk'] / 1024:.0f} KB")
        httpd = server(site, port=0)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        first = first_query(base, site)
        times = latency(base)
        httpd.shutdown()
        print(f"\nfirst query ({FIRST}) after the page loaded, cold cache, median (min–max) of "
              f"{len(first['zh-Hans/']['ms'])}:")
        print("| edition | fetched for the query (KB) | the same gzipped (KB) | search files with the page (KB) | "
              "keystroke → results (ms) |\n|---|---|---|---|---|")
        for edition, f in first.items():
            cells = [f"{statistics.median(f[k]) / d:.0f} ({min(f[k]) / d:.0f}–{max(f[k]) / d:.0f})"
                     for k, d in (("query", 1024), ("gzip", 1024), ("at_load", 1024), ("ms", 1))]
            print(f"| {edition} | " + " | ".join(cells) + " |")
        print()
        print("| query | median ms | max ms |\n|---|---|---|")
        for query, samples in times.items():
            print(f"| {query} | {statistics.median(samples):.0f} | {max(samples):.0f} |")


if __name__ == "__main__":
    main()
