"""Chinese search measured in a real browser (issue 7): the whole query table,
both editions, hosted and offline.

* recall@5: the expected page is among the first five result pages, every row;
* precision: a query that is a whole glossary term has the term's own page
  first; no result page lacks the query text (in either script; toneless
  pinyin rows are exempt, the page shows tone marks).

The figures, by query kind, go to test-output/search-report.md.
"""
from __future__ import annotations

import csv
import html
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import opencc
import pytest

from generator.annotate.glossary import load_glossary

from .conftest import OUTPUT, ROOT
from .helpers import search

pytestmark = pytest.mark.browser

TABLE = ROOT / "tests" / "search" / "queries.tsv"
MODES = ("hosted", "offline")


def rows() -> list[dict]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def term_pages() -> dict[str, str]:
    """Each glossary term, Simplified-normalised → its page."""
    return {simplified(t.term): f"glossary/{t.slug}.html" for t in load_glossary(ROOT / "content").terms}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


_TO_SIMPLIFIED = opencc.OpenCC("tw2sp")


def simplified(text: str) -> str:
    plain = unicodedata.normalize("NFKC", html.unescape(text)).lower()
    return re.sub(r"\s+", "", _TO_SIMPLIFIED.convert(plain))


@lru_cache(maxsize=None)
def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return simplified("".join(parser.parts))


def lacks(site_root: Path, edition: str, result: str, query: str) -> bool:
    folder = site_root if edition == "zh-Hans" else site_root / edition
    return simplified(query) not in page_text(folder / result)


@pytest.fixture(scope="module")
def report():
    figures: dict = defaultdict(lambda: [0, 0])
    yield figures
    OUTPUT.mkdir(exist_ok=True)
    lines = ["| mode | edition | kind | rows (results) | recall@5 (share) |", "|---|---|---|---|---|"]
    for (mode, edition, kind), (hit, total) in sorted(figures.items()):
        lines.append(f"| {mode} | {edition} | {kind} | {total} | {hit / total:.0%} ({hit}/{total}) |")
    (OUTPUT / "search-report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_table_covers_every_kind_of_query():
    table = rows()
    assert len(table) >= 50
    kinds = {row["kind"] for row in table}
    assert {"term", "subword", "person", "place", "institution", "number", "latin", "traditional",
            "simplified-in-hant", "traditional-in-hans", "pinyin"} <= kinds
    assert {row["edition"] for row in table} == {"zh-Hans", "zh-Hant"}


@pytest.mark.parametrize("edition", ("zh-Hans", "zh-Hant"))
@pytest.mark.parametrize("mode", MODES)
def test_recall_and_precision_over_the_query_table(page, site, mode, edition, report):
    page.goto(site.url(mode, edition))
    terms = term_pages()
    failures = []
    for row in (r for r in rows() if r["edition"] == edition):
        results = search(page, row["query"])
        found = row["expected"] in results[:5]
        figures = report[(mode, edition, row["kind"])]
        figures[0] += found
        figures[1] += 1
        if not found:
            failures.append(f"{row['query']}: {row['expected']} not in top 5 {results[:5]}")
        own = terms.get(simplified(row["query"]))
        if own:
            first = report[(mode, edition, "precision: term page first")]
            first[0] += results[:1] == [own]
            first[1] += 1
            if results[:1] != [own]:
                failures.append(f"{row['query']}: the term's page {own} is not first: {results[:3]}")
        if row["kind"] != "pinyin":
            lacking = [r for r in results if lacks(site.site, edition, r, row["query"])]
            holding = report[(mode, edition, "precision: results holding the query")]
            holding[0] += len(results) - len(lacking)
            holding[1] += len(results)
            failures += [f"{row['query']}: result {r} lacks the query" for r in lacking]
    assert failures == []
