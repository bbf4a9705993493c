"""The hosted search at a larger corpus, without building it: a built site's Pagefind
records with every article repeated ``times`` times (each copy at its own address,
``articles/<name>~<k>.html``; term pages once), indexed again by Pagefind, and the
first query measured as bench/run.py does (search_latency.first_query, Chromium,
median of 5 cold loads per edition).

    .venv/bin/python bench/search_scale.py SITE 10      # e.g. a 1,000-article site → 10,000
    .venv/bin/python bench/search_scale.py SITE 10 OUT  # the same, and keep the larger site in OUT
                                                        # (for bench/search_compare.py)

SITE is a site built by ``baozhai build`` (bench/search_latency.py builds one); it is
copied, not changed. The copies' text is the same, so every word's pages grow
``times``-fold as in a corpus that size; the records fetched for a result are the
same size as the original's. Prints the index's size and a Markdown row.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from search_latency import index_files, measure_first_query  # noqa: E402

from generator.engine.pagefind import read_index, records, stub, write_index  # noqa: E402


def repeated(index: dict, times: int) -> dict:
    """``index`` with each article page's documents ``times`` times, at distinct addresses."""
    docs = []
    for k in range(times):
        for doc in index["docs"]:
            if doc["location"].startswith("articles/"):
                page, _, anchor = doc["location"].partition("#")
                location = page.removesuffix(".html") + (f"~{k}.html" if k else ".html") + ("#" + anchor if anchor else "")
                docs.append({**doc, "location": location})
            elif k == 0:
                docs.append(doc)
    return {"config": index["config"], "docs": docs}


def main() -> None:
    site, times = Path(sys.argv[1]), int(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="baozhai-search-scale-") as tmp:
        copy = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(tmp) / "site"
        shutil.copytree(site, copy)
        for root in (copy, copy / "zh-Hant"):
            index = repeated(read_index(root), times)
            pages = len({d["location"].split("#")[0] for d in index["docs"]})
            write_index(root / "pagefind", records(index))
            (root / "search" / "search_index.json").write_text(json.dumps(stub(index), ensure_ascii=False),
                                                               encoding="utf-8")
            files = index_files(root)
            print(f"{root.relative_to(copy) or 'zh-Hans'}: {pages} pages, Pagefind index {files['bytes'] / 1e6:.1f} MB "
                  f"in {files['files']} files, largest chunk {files['largest_chunk'] / 1024:.0f} KB", flush=True)
        figures = measure_first_query(copy)
    print("| edition | first query: KB fetched (gzipped) | search files with the page KB | keystroke → results ms |")
    print("|---|---|---|---|")
    for edition, f in figures.items():
        print(f"| {edition} | {f['query'] / 1024:.0f} ({f['gzip'] / 1024:.0f}) | {f['at_load'] / 1024:.0f} | "
              f"{f['ms']:.0f} |")


if __name__ == "__main__":
    main()
