"""The dictionary layer in Chromium: a tap on any word opens a popover (a glossary term's
entry first, without navigating), keyboard lookup, ruby pinyin, the word list's CSV —
hosted and from file://, in both editions, at 390 and 1,280 pixels, light and dark."""
from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import expect

from .conftest import EDITIONS

pytestmark = pytest.mark.browser

ARTICLE = "articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html"  # 为民族复兴…: 前沿 in its first paragraph
OTHER = "articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.html"
POPOVER = ".bz-pop[role=dialog]"


def tap_text(page, text: str, touch: bool = False) -> None:
    """Tap (or click) the middle of the first character of ``text`` in the article body."""
    x, y = page.evaluate("""(text) => {
        const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
          const i = node.data.indexOf(text);
          if (i < 0 || node.parentElement.closest(".bz-tools, .bz-meta, h1")) continue;
          node.parentElement.scrollIntoView({block: "center"});
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          return [box.x + box.width / 2, box.y + box.height / 2];
        }
        throw new Error("not found: " + text);
      }""", text)
    page.wait_for_timeout(50)  # the scroll settles before the tap
    if touch:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)


@pytest.fixture(params=[390, 1280], ids=lambda w: f"{w}px")
def width(request, page):
    page.set_viewport_size({"width": request.param, "height": 844 if request.param == 390 else 900})
    return request.param


# delivery × edition × width in four cases, not eight: each pair of the three values meets once
PAIRWISE = pytest.mark.parametrize(("mode", "edition", "width"), [
    ("hosted", "zh-Hans", 390), ("hosted", "zh-Hant", 1280), ("offline", "zh-Hans", 1280),
    ("offline", "zh-Hant", 390)], indirect=["mode", "width"])


@PAIRWISE
def test_a_tap_on_a_word_opens_its_popover(page, site, mode, edition, width, output):
    page.goto(site.url(mode, edition, ARTICLE))
    tap_text(page, "前沿")
    box = page.locator(POPOVER)
    expect(box).to_be_visible()
    expect(box.locator(".bz-pop-reading")).to_have_text("qiányán")
    expect(box).to_contain_text("forefront")
    expect(box.locator(".bz-pop-level")).to_have_text("HSK 7–9")
    assert page.url == site.url(mode, edition, ARTICLE)
    bounds = box.bounding_box()
    assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= width  # inside a narrow screen
    page.screenshot(path=output / f"words-popover-{edition}-{mode}-{width}.png")
    expect(box.locator(".bz-pop-more")).to_have_count(0)  # both senses shown: nothing more to show
    page.keyboard.press("Escape")
    expect(box).to_have_count(0)


@PAIRWISE
def test_a_tap_on_a_term_shows_the_glossary_entry_first_and_stays(page, site, mode, edition, width):
    page.goto(site.url(mode, edition, ARTICLE))
    term = page.locator("article a.bz-term").first
    name = term.inner_text()
    term.click()
    box = page.locator(POPOVER)
    expect(box).to_be_visible()
    assert page.url == site.url(mode, edition, ARTICLE)  # no navigation
    sections = box.locator("section")
    expect(sections.first).to_have_class("bz-pop-term")
    expect(sections.first.locator("strong")).to_have_text(name)
    expect(box.locator(".bz-pop-dict")).to_be_visible()  # then the dictionary
    box.locator("a.bz-pop-page").click()  # the glossary link still works, from the popover
    expect(page.locator("h1#title")).to_have_text(name)


def test_touch_tap_opens_and_a_tap_outside_closes(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  locale="zh-CN")
    page = context.new_page()
    page.goto(site.url("hosted", "zh-Hans", ARTICLE))
    tap_text(page, "前沿", touch=True)
    expect(page.locator(POPOVER)).to_be_visible()
    page.touchscreen.tap(180, 80)
    expect(page.locator(POPOVER)).to_have_count(0)
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_keyboard_lookup(page, site, mode, edition):
    page.goto(site.url(mode, edition, ARTICLE))
    button = page.locator(".bz-lookup-toggle")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")
    first = page.locator(".bz-w[tabindex='0']")
    expect(first).to_be_focused()
    assert first.inner_text() == "聚焦"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    focused = page.locator(".bz-w:focus")
    expect(focused).to_have_text("研究")
    page.keyboard.press("Enter")
    box = page.locator(POPOVER)
    expect(box).to_be_focused()
    expect(box).to_have_attribute("aria-labelledby", "bz-pop-title")
    expect(page.locator("#bz-pop-title")).to_have_text("研究")
    expect(box.locator(".bz-pop-senses li")).to_have_count(3)  # the first senses, then "more"
    box.locator(".bz-pop-more").focus()
    page.keyboard.press("Enter")
    expect(box.locator(".bz-pop-senses li")).to_have_count(5)
    page.keyboard.press("Escape")
    expect(box).to_have_count(0)
    expect(page.locator(".bz-w:focus")).to_have_text("研究")  # focus returns to the word
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-pressed", "false")


@pytest.mark.parametrize("edition", EDITIONS)
def test_ruby_puts_readings_above_every_word_and_is_remembered(page, site, mode, edition, output):
    page.goto(site.url(mode, edition, ARTICLE))
    paragraph = page.locator("article #p1")
    plain = paragraph.inner_text()
    page.locator(".bz-pinyin-toggle").click()
    expect(page.locator(".bz-pinyin-toggle")).to_have_attribute("aria-pressed", "true")
    ruby = paragraph.locator("ruby").first
    expect(ruby).to_be_visible()
    readings = paragraph.locator("rt").evaluate_all("rts => rts.map(rt => rt.dataset.py)")
    assert readings[:2] == ["jù", "jiāo"]  # 聚焦, a reading over each character
    base, rt = ruby.evaluate("r => [r.firstChild.parentElement.getBoundingClientRect().bottom,"
                             " r.querySelector('rt').getBoundingClientRect().bottom]")
    assert rt < base  # above the characters
    assert paragraph.evaluate("p => getComputedStyle(p.querySelector('rt'), '::before').content") == '"jù"'
    assert paragraph.inner_text().replace("\n", "") == plain  # the text itself stays plain
    spacing = paragraph.evaluate("p => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize)")
    assert spacing > 2.5  # room for the readings between the lines
    page.screenshot(path=output / f"words-ruby-{edition}-{mode}.png")
    page.goto(site.url(mode, edition, OTHER))
    expect(page.locator(".bz-pinyin-toggle")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article rt").first).to_be_attached()
    page.locator(".bz-pinyin-toggle").click()
    expect(page.locator("article rt")).to_have_count(0)


@pytest.mark.parametrize("edition", EDITIONS)
def test_word_list_and_csv_download(page, site, mode, edition):
    page.goto(site.url(mode, edition, ARTICLE))
    page.locator("details.bz-wordlist summary").click()
    expect(page.locator(".bz-wordlist-group li").first).to_be_visible()
    heads = page.locator(".bz-wordlist-body h3").all_inner_texts()
    assert heads[0].startswith("HSK 1") and heads[-1].startswith(("HSK 词表外", "HSK 詞表外"))
    with page.expect_download() as download:
        page.locator(".bz-export-csv").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Simplified", "Traditional", "Pinyin", "Definition", "HSK", "Sentence", "Address"]
    row = next(r for r in rows if r[0] == "前沿")
    assert row[1:3] == ["前沿", "qiányán"] and "forefront" in row[3] and row[4] == "7-9"
    assert "前沿領域" in row[5] if edition == "zh-Hant" else "前沿领域" in row[5]
    assert row[6].endswith(ARTICLE)
    with page.expect_download() as download:
        page.locator(".bz-export-tsv").click()
    assert open(download.value.path(), encoding="utf-8").read().startswith("#separator:tab\n#html:false\n")


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_screenshots_light_and_dark(page, site, edition, scheme, width, output):
    """The site configures no palette; Material's palette stylesheet (which ships with every
    site) is added here to read the popover in the dark "slate" scheme as well."""
    page.goto(site.url("hosted", edition, ARTICLE))
    palette = next((site.site / "assets" / "stylesheets").glob("palette.*.min.css")).name
    page.evaluate("""([scheme, sheet]) => new Promise(done => {
        const link = Object.assign(document.createElement("link"), {rel: "stylesheet", onload: done,
                                                                    href: "../assets/stylesheets/" + sheet});
        document.head.appendChild(link);
        document.body.setAttribute("data-md-color-scheme", scheme);
      })""", [scheme, palette])
    page.locator("article a.bz-term").first.click()
    box = page.locator(POPOVER)
    expect(box.locator(".bz-pop-dict")).to_be_visible()  # the popover as it stays, the data loaded
    fg, bg = box.evaluate("""b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor].map(
        c => c.match(/[\\d.]+/g).slice(0, 3).map(Number).reduce((a, v) => a + v, 0) / 3)""")
    assert (bg < 80 and fg > 150) if scheme == "slate" else (bg > 200 and fg < 100), (fg, bg)
    page.screenshot(path=output / f"words-{scheme}-{edition}-{width}.png")


@pytest.mark.parametrize("edition,word,reading", [("zh-Hans", "跃居", "yuèjū"), ("zh-Hant", "躍居", "yuèjū")])
def test_words_after_a_longer_conversion_still_line_up(page, site, edition, word, reading):
    """In p46 OpenCC writes 知识产权 as 智慧財產權, one character longer: the Traditional
    boundaries after it come from the data's realignment ("t"), not from the Simplified offsets."""
    page.goto(site.url("hosted", edition, ARTICLE))
    assert word in page.locator("article #p46").inner_text()
    tap_text(page, word)
    box = page.locator(POPOVER)
    expect(page.locator("#bz-pop-title")).to_have_text(word)
    expect(box.locator(".bz-pop-reading")).to_have_text(reading)
