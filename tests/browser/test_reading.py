"""A reader in Chromium, on the hosted site (http://127.0.0.1) and in the unzipped
offline bundle (file://): search, tooltips, pinyin, glossary links, the edition
switch, and every request the pages make.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import EDITIONS
from .helpers import outside, search, search_hits, term_tooltip

pytestmark = pytest.mark.browser

WAIC = "articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.html"  # 世界人工智能大会
REJUVENATION = "articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html"  # 为民族复兴…
PBOC = "articles/yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang.html"  # 央行…到香港
TERM = "glossary/xinzhi-shengchanli.html"  # 新质生产力

SEARCHES = [
    ("zh-Hans", "新质生产力", REJUVENATION),  # a glossary term
    ("zh-Hans", "潘功胜", PBOC),  # a person
    ("zh-Hant", "人工智慧", WAIC),  # Taiwan wording of 人工智能, only in the Traditional edition
    ("zh-Hant", "潘功勝", PBOC),
]


def switch_edition(page, edition: str) -> None:
    """Open Material's language selector and pick ``edition``, as a reader does."""
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f"a.bz-edition-link[hreflang='{edition}']")
    expect(link).to_be_visible()
    link.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("edition,query,article", SEARCHES, ids=[q for _, q, _ in SEARCHES])
def test_search_finds_the_article(page, site, mode, edition, query, article):
    page.goto(site.url(mode, edition, "index.html"))
    results = search(page, query)
    assert article in results, f"{query!r} in the {edition} edition ({mode}) gave {results}"


def test_search_hits_carry_titles_and_a_miss_gives_nothing(page, site, mode):
    page.goto(site.url(mode, "zh-Hans", WAIC))
    hits = search_hits(page, "潘功胜")
    assert any(hit.path == PBOC and "香港" in hit.title for hit in hits), hits
    assert search(page, "qqqxyzzy") == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_hovering_a_term_shows_its_tooltip_with_pinyin(page, site, mode, edition):
    page.goto(site.url(mode, edition, WAIC))
    term = page.locator("article a.bz-term").first
    pinyin = term.get_attribute("data-pinyin")
    assert pinyin
    text = term_tooltip(page, term)
    assert pinyin in text and "｜" in text  # pinyin｜gloss｜definition
    page.mouse.move(0, 0)
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)


# <html lang> of each edition: the Taiwan edition speaks Material's zh-TW (issue 17)
LANG = {"zh-Hans": "zh-Hans", "zh-Hant": "zh-TW"}


@pytest.mark.parametrize("edition,other", [("zh-Hans", "zh-Hant"), ("zh-Hant", "zh-Hans")])
def test_edition_switch_lands_on_the_twin_page(page, site, mode, edition, other):
    page.goto(site.url(mode, edition, WAIC))
    switch_edition(page, other)
    expect(page).to_have_url(site.url(mode, other, WAIC, bundle=edition))  # offline: in the same bundle
    assert page.evaluate("document.documentElement.lang") == LANG[other]


def test_instant_navigation_keeps_the_page_and_the_switch_follows(page, site):
    page.goto(site.url("hosted", "zh-Hans"))
    page.evaluate("window.bzSamePage = true")
    page.locator(f".md-content a[href$='{WAIC}']").first.click()
    expect(page).to_have_url(site.url("hosted", "zh-Hans", WAIC))
    expect(page.locator("h1#title")).to_contain_text("人工智能")
    assert page.evaluate("window.bzSamePage === true"), "the article was loaded in full, not instantly"
    switch_edition(page, "zh-Hant")
    expect(page).to_have_url(site.url("hosted", "zh-Hant", WAIC))


def test_glossary_and_related_links(page, site, mode):
    page.goto(site.url(mode, "zh-Hans", WAIC))
    term = page.locator("article a.bz-term").first
    name = term.inner_text()
    term.click()  # opens the term's popover in place (test_words.py); its link leads to the term page
    page.locator(".bz-pop a.bz-pop-page").click()
    expect(page).to_have_url(re.compile(r"/glossary/[^/]+\.html$"))
    expect(page.locator("h1#title")).to_have_text(name)
    use = page.locator("a.bz-use-link").first
    use.click()
    expect(page).to_have_url(re.compile(r"/articles/[^/]+\.html#(p\d+|title)$"))  # a headline use: #title
    expect(page.locator("h1#title")).to_be_visible()
    page.goto(site.url(mode, "zh-Hans", "glossary/index.html"))
    name = TERM.split("/")[-1]
    page.locator(f".md-content a[href$='/{name}'], .md-content a[href='{name}']").first.click()
    expect(page.locator("h1#title")).to_have_text("新质生产力")


@pytest.mark.parametrize("edition", EDITIONS)
def test_offline_bundle_start_page_opens_its_edition(page, site, edition):
    page.goto((site.bundle(edition) / "index.html").as_uri())
    expect(page).to_have_url(site.url("offline", edition, "index.html"))
    assert page.evaluate("document.documentElement.lang") == LANG[edition]


def test_requests_stay_inside(page, site, mode, requests, output):
    """Home, an article with a search and a tooltip, a term page, the other edition."""
    for edition in EDITIONS:  # offline: both editions of one bundle
        page.goto(site.url(mode, edition, bundle="zh-Hans"))
        page.goto(site.url(mode, edition, WAIC, bundle="zh-Hans"))
        term_tooltip(page, page.locator("article a.bz-term").first)
        search(page, "潘功胜" if edition == "zh-Hans" else "潘功勝")
        page.goto(site.url(mode, edition, TERM, bundle="zh-Hans"))
        page.wait_for_load_state("networkidle")
    inside = site.inside(mode, "zh-Hans")
    assert requests and not outside(requests, inside), outside(requests, inside)
    seen = sorted({urlsplit(url).path.replace(urlsplit(inside).path, "", 1) for url in requests})
    (output / f"requests-{mode}.txt").write_text(
        f"{len(requests)} requests, {len(seen)} distinct files, all under {inside}\n" + "\n".join(seen) + "\n",
        encoding="utf-8")


@pytest.mark.parametrize("edition", EDITIONS)
def test_screenshots(page, site, edition, output):
    """Home and one article per edition, for a person to look at (test-output/)."""
    page.goto(site.url("hosted", edition))
    page.wait_for_load_state("networkidle")
    page.screenshot(path=output / f"home-{edition}.png")
    page.goto(site.url("hosted", edition, WAIC))
    page.wait_for_load_state("networkidle")
    page.screenshot(path=output / f"article-{edition}.png")
    page.locator("button.bz-pinyin-toggle").click()
    term_tooltip(page, page.locator("article a.bz-term").nth(1))
    page.wait_for_timeout(400)  # the tooltip fades in
    page.screenshot(path=output / f"article-pinyin-tooltip-{edition}.png")
    page.locator("button.bz-pinyin-toggle").click()


def test_a_kicker_on_the_home_page_belongs_to_the_headline_below_it(page, site):
    """The kicker opens the next item: far from the line above, close to its headline."""
    page.goto(site.url("hosted", "zh-Hans"))
    kicker = page.locator("article .bz-kicker").first
    gaps = kicker.evaluate("""k => {
        const box = e => e.getBoundingClientRect();
        return [box(k).top - box(k.previousElementSibling).bottom, box(k.nextElementSibling).top - box(k).bottom];
    }""")
    above, below = gaps
    assert kicker.evaluate("k => k.nextElementSibling.tagName") == "H3"
    assert above > 2 * below and above >= 24, gaps
