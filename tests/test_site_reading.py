"""The built seed site as a reader meets it: no source file names where a reader
looks, sources and dates from metadata (see also tests/browser/test_site_reading.py)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from conftest import SEED_NAME

READER_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder", "content", "data-md-tooltip"}


class _Visible(HTMLParser):
    """Every text node and every attribute a reader sees or hears (not hrefs, ids)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if name in READER_ATTRIBUTES and value and not (tag == "meta" and ("og:url", "property") in
                                                                  [(v, k) for k, v in attrs]):
                self.found.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.found.append(data)


def visible(path: Path) -> str:
    """The page's visible text and reader attributes, white space collapsed to one space."""
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.found).split())


def test_no_source_file_name_anywhere_a_reader_looks(seed_site):
    """Headings, 出处, home page, titles, browse pages, feeds, in both editions: the seed
    page has no metadata, and still no page names it by its file (000_371fdb277fab058e.txt)."""
    stem = Path(SEED_NAME).stem
    pages = sorted(seed_site.site.rglob("*.html"))
    assert len(pages) > 40
    named = [str(p.relative_to(seed_site.site)) for p in pages if stem in visible(p) or SEED_NAME in visible(p)]
    assert named == []
    feeds = sorted(seed_site.site.rglob("*.xml"))
    assert [str(p.relative_to(seed_site.site)) for p in feeds if SEED_NAME in p.read_text(encoding="utf-8")] == []


def test_undated_seed_says_unknown_source_and_date(seed_site):
    article = visible(seed_site.site / "articles" / "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html")
    assert "出处 来源不详 原文（第1篇） 日期 日期不详 电头" in article
    hant = visible(seed_site.site / "zh-Hant" / "articles" / "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html")
    assert "出處 來源不詳 原文（第1篇） 日期 日期不詳 電頭" in hant
    home = visible(seed_site.site / "index.html")
    assert "本摘编的版面都没有日期： 日期不详 ，1 个版面、4 篇文章。 来源不详 为民族复兴积聚磅礴伟力" in home
