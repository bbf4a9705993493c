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
        results = search(page, row["query"], close=False)
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


# ---- What a result shows (issue 20): exact snippet text and <mark> contents ----

SNIPPETS = ROOT / "tests" / "search" / "snippets.tsv"
# A label run into its value, as Material's index had them ("拼音xīnzhì", "出处000_….txt");
# prose that names them ("英文“token”的译名") is not one
LABELLED = re.compile(r"(拼音|英文|类别|類別|出处|出處|难度|難度)[0-9A-Za-z\u00c0-\u024f\u4e00-\u9fff]|\.txt")


def snippet_rows() -> list[dict]:
    lines = [line for line in SNIPPETS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def shown_results(page, query: str, how: str = "keys") -> list[dict]:
    """Search as a reader does (``keys``: typed, key up; ``paste``: the text set and an
    input event, no key; ``ime``: a composition ending) and read every page result:
    path, heading text, snippet text, the <mark> contents of both in order, and how
    many section results it lists."""
    box = page.locator("input.md-search__input")
    if (page.viewport_size or {"width": 1280})["width"] < 1220:  # Material's header: a search button
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    box.fill("")
    box.press("End")
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
                           arg=placeholder)
    if how == "keys":
        page.keyboard.insert_text(query)
        box.press("End")
    elif how == "paste":
        box.fill(query)  # an input event, as a paste sends; no key goes up
    else:
        box.evaluate("""(el, q) => {
            el.dispatchEvent(new CompositionEvent("compositionstart", {data: ""}));
            el.value = q;
            el.dispatchEvent(new InputEvent("input", {data: q, isComposing: true, inputType: "insertCompositionText"}));
            el.dispatchEvent(new CompositionEvent("compositionend", {data: q}));
        }""", query)
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() !== t",
                           arg=placeholder)
    return page.evaluate("""() => {
        const base = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href).href;
        return [...document.querySelectorAll(".md-search-result__item")].map(li => {
          const article = li.querySelector(":scope > a > article");
          const url = new URL(li.querySelector(":scope > a").href);
          url.search = url.hash = "";
          const h1 = article.querySelector("h1"), p = article.querySelector("p");
          return {path: decodeURIComponent(url.href.slice(base.length)), title: h1.textContent,
                  snippet: p ? p.textContent : "", marks: [...article.querySelectorAll("mark")].map(m => m.textContent),
                  markup: article.innerHTML, sections: li.querySelectorAll("details article").length};
        });
    }""")


def test_the_snippet_table_covers_both_editions_and_the_query_kinds():
    table = snippet_rows()
    assert {row["edition"] for row in table} == {"zh-Hans", "zh-Hant"}
    assert {"subword", "traditional-in-hans", "simplified-in-hant", "phrase", "pinyin", "term", "latin"} <= \
        {row["kind"] for row in table}


@pytest.mark.parametrize("edition", ("zh-Hans", "zh-Hant"))
@pytest.mark.parametrize("mode", MODES)
def test_results_show_headline_snippet_and_exact_marks(page, site, mode, edition):
    """Every row: the page's result shows this heading and snippet text exactly, with
    <mark> on exactly these runs; one result per page, at most three sections under it;
    no label text, no file name; the markup is Baozhai's own (p, mark, span)."""
    page.goto(site.url(mode, edition))
    failures = []
    for row in (r for r in snippet_rows() if r["edition"] == edition):
        results = shown_results(page, row["query"])
        paths = [r["path"] for r in results]
        assert len(paths) == len(set(paths)), f"{row['query']}: a page twice in {paths}"
        assert all(r["sections"] <= 3 for r in results)
        for result in results:
            assert not LABELLED.search(result["snippet"]), result
            assert set(re.findall(r"</?([a-z0-9]+)", result["markup"])) <= {"h1", "p", "mark", "span", "div"}, \
                result["markup"]
            assert 0 < len(result["snippet"].strip("…")) <= 120 or result["path"].startswith("glossary/")
        got = next((r for r in results if r["path"] == row["path"]), None)
        want = {"title": row["title"], "snippet": row["snippet"], "marks": row["marks"].split("|")}
        have = got and {"title": got["title"], "snippet": got["snippet"], "marks": got["marks"]}
        if have != want:
            failures.append(f"{row['query']} → {row['path']}: {have} != {want}")
    assert failures == []


@pytest.mark.parametrize("width", (390, 1280))
@pytest.mark.parametrize("how", ("paste", "ime"))
def test_a_paste_or_an_input_method_searches_at_once(page, site, how, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site.url("hosted", "zh-Hans"))
    results = shown_results(page, "两步走", how)
    assert [r["path"] for r in results][:2] == ["glossary/liang-bu-zou.html",
                                                 "articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html"]
    page.screenshot(path=str(OUTPUT / f"search-{how}-{width}.png"))


def test_the_search_prompt_says_pinyin_searches_the_glossary(page, site):
    for edition, prompt in (("zh-Hans", "输入汉字（简繁皆可）或英文搜索全站；拼音只搜索术语表"),
                            ("zh-Hant", "輸入漢字（簡繁皆可）或英文搜尋全站；拼音只搜尋術語表")):
        page.goto(site.url("hosted", edition))
        page.locator("input.md-search__input").click()
        page.wait_for_function("() => !/初始化/.test(document.querySelector('.md-search-result__meta').textContent)")
        assert page.locator(".md-search-result__meta").text_content().strip() == prompt


def test_the_hosted_worker_loads_pagefind_before_the_index_arrives(page, site):
    """Pagefind's script and entry are fetched when Material's worker starts, not when the
    page has fetched the stub index and sent SETUP (here the stub never arrives); a page
    read from file:// (the offline bundle) fetches no Pagefind file."""
    for mode in ("hosted", "offline"):
        asked: list[str] = []

        def note(request) -> None:
            asked.append(request.url)

        page.on("request", note)
        page.route("**/search/search_index.*", lambda route: route.abort())
        if mode == "hosted":
            with page.expect_request("**/zh-Hant/pagefind/pagefind-entry.json*"):
                page.goto(site.url(mode, "zh-Hant"))
        else:
            page.goto(site.url(mode, "zh-Hant"))
            page.wait_for_timeout(1_000)
        page.unroute("**/search/search_index.*")
        page.remove_listener("request", note)
        # the hosted page's worker may still fetch after the offline page opened: its URLs are http
        base = "http" if mode == "hosted" else "file:"
        names = {url.split("?")[0].rsplit("/pagefind/", 1)[-1] for url in asked
                 if "/pagefind/" in url and url.startswith(base)}
        if mode == "hosted":
            assert {"pagefind.js", "pagefind-entry.json"} <= names, names
        else:
            assert names == set(), names
