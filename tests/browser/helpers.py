"""Reusable steps for the browser tests: a reader's search, tooltips, recorded requests.

``search(page, query)`` types ``query`` into Material's search box as a reader
would and returns the paths of the result pages, best first, relative to the
edition's root (``articles/….html``, ``glossary/….html``), each page once.
``search_hits(page, query)`` returns the same results with their titles. Both
work hosted and from ``file://``, in either edition, on any page of the site.
"""
from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote

from playwright.sync_api import Page

# Material's reading of the search box: meta line above the results, result links
META = ".md-search-result__meta"
ITEM = ".md-search-result__item"
TIMEOUT = 30_000  # ms; building the index under file:// happens in the page itself


class Hit(NamedTuple):
    path: str  # relative to the edition's root, without query or fragment
    title: str


def search_hits(page: Page, query: str, close: bool = True) -> list[Hit]:
    """Search like a reader; every result page once, best first, with its title.
    ``close=False`` leaves the search open for the next query (as a reader trying
    one query after another does), which spares Material's opening transition."""
    box = page.locator("input.md-search__input")
    if not page.evaluate("() => document.getElementById('__search').checked"):
        box.click()  # opens the search, which also starts the index under file://
    placeholder = _translation(page, "search.result.placeholder")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function("([meta, text]) => document.querySelector(meta).textContent.trim() === text",
                           arg=[META, placeholder], timeout=TIMEOUT)
    # A Chinese input method commits a whole word at once, then the key goes up:
    page.keyboard.insert_text(query)
    box.press("End")
    page.wait_for_function("([meta, text]) => document.querySelector(meta).textContent.trim() !== text",
                           arg=[META, placeholder], timeout=TIMEOUT)
    _render_all(page)
    rows = page.evaluate(
        """([item]) => {
             const base = new URL(JSON.parse(document.getElementById("__config").textContent).base,
                                  location.href).href;
             return [...document.querySelectorAll(item)].map(li => {
               const a = li.querySelector("a.md-search-result__link");
               const url = new URL(a.href);
               url.search = url.hash = "";
               const h = a.querySelector("h1, h2");
               return [url.href.startsWith(base) ? url.href.slice(base.length) : url.href,
                       h ? h.textContent.trim() : ""];
             });
           }""", [ITEM])
    if close:
        page.keyboard.press("Escape")
    hits, seen = [], set()
    for path, title in rows:
        path = unquote(path)
        if path not in seen:
            seen.add(path)
            hits.append(Hit(path, title))
    return hits


def search(page: Page, query: str, close: bool = True) -> list[str]:
    """Result page paths for ``query``, best first (see :func:`search_hits`)."""
    return [hit.path for hit in search_hits(page, query, close)]


def _translation(page: Page, key: str) -> str:
    return page.evaluate("key => JSON.parse(document.getElementById('__config').textContent).translations[key]",
                         key)


def _render_all(page: Page) -> None:
    """Material renders ten results, then four more each time the list is scrolled (back) to its end."""
    expected = _count(page.locator(META).text_content() or "")
    for _ in range(200):
        shown = page.locator(ITEM).count()
        if shown >= expected:
            return
        page.locator(".md-search__scrollwrap").evaluate(
            """el => new Promise(done => {
                 el.scrollTo(0, 0);
                 requestAnimationFrame(() => requestAnimationFrame(() => {
                   el.scrollTo(0, el.scrollHeight);
                   done();
                 }));
               })""")
        try:
            page.wait_for_function("([item, n]) => document.querySelectorAll(item).length > n",
                                   arg=[ITEM, shown], timeout=2_000)
        except Exception:  # nothing more to render
            return


def _count(meta: str) -> int:
    """How many results the meta line announces ("找到 1 个…", "12 个…", "没有…")."""
    number = re.search(r"\d+", meta)
    if number:
        return int(number.group())
    return 0 if re.search(r"没有|沒有|no ", meta, re.I) else 1


def term_tooltip(page: Page, term) -> str:
    """Hover a glossary term link like a reader; the text of the tooltip Material shows."""
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2.md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()


def outside(requests: list[str], inside: str) -> list[str]:
    """The requested URLs that do not start with ``inside``."""
    return [url for url in requests if not url.startswith(inside)]
