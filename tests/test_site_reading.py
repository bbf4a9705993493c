"""The built seed site as a reader meets it: no source file names where a reader
looks, sources and dates from metadata (see also tests/browser/test_site_reading.py)."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import feedparser
from conftest import SEED_NAME

from generator.cli import main
from generator.engine.pagefind import read_index
from generator.commands.build import placeholder

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
    # search results are built from the index: no document of it names the file either
    indexes = {edition: json.dumps(read_index(seed_site.site / edition), ensure_ascii=False)
               for edition in ("", "zh-Hant")}
    assert [edition for edition, text in indexes.items() if stem in text] == []


def test_undated_seed_says_unknown_source_and_date(seed_site):
    article = visible(seed_site.site / "articles" / "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html")
    assert "出处 来源不详 原文（第1篇） 日期 日期不详 电头" in article
    hant = visible(seed_site.site / "zh-Hant" / "articles" / "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html")
    assert "出處 來源不詳 原文（第1篇） 日期 日期不詳 電頭" in hant
    home = visible(seed_site.site / "index.html")
    assert "本摘编的版面都没有日期： 日期不详 ，1 个版面、4 篇文章。 来源不详 为民族复兴积聚磅礴伟力" in home


# -- site_url: hosted builds need a real one; other builds link relatively -------------------

PAGE = {"sources/x.txt": "# 测试标题\n\n测试市举办示例活动。\n"}  # test fixture, not news


def _site_url_line(mkdocs_yml: Path) -> int:
    return next(n for n, line in enumerate(mkdocs_yml.read_text(encoding="utf-8").splitlines(), 1)
                if line.startswith("site_url:"))


def test_a_hosted_build_refuses_the_placeholder_site_url(make_content, tmp_path, capsys):
    content = make_content(tmp_path, PAGE, mkdocs=True)
    assert main(["--root", str(tmp_path), "build", "--hosted", "--content", str(content)]) == 1
    line = _site_url_line(tmp_path / "mkdocs.yml")
    assert capsys.readouterr().err == (
        f"baozhai: error: {tmp_path / 'mkdocs.yml'}:{line}: site_url https://baozhai.example.org/ is a placeholder: "
        "a hosted build needs the address the site is served from (canonical URLs, sitemaps and feeds use it); set "
        "it, or build without --hosted for relative links only\n")
    assert not (tmp_path / "site").exists()


def test_placeholder_hosts():
    assert [placeholder(u) for u in ("https://baozhai.example.org/", "http://www.example.com/x/", "https://a.invalid/",
                                     None, "", "https://news.example/", "https://baozhai.cn/",
                                     "http://127.0.0.1:8000/", "https://example.org.cn/")] == [
        True, True, True, True, True, True, False, False, False]


def test_a_local_build_with_the_placeholder_links_relatively(make_content, tmp_path, capsys):
    content = make_content(tmp_path, PAGE, mkdocs=True)
    assert main(["--root", str(tmp_path), "build", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'mkdocs.yml'}:{_site_url_line(tmp_path / 'mkdocs.yml')}: site_url " \
           "https://baozhai.example.org/ is a placeholder: built with relative links only" in out
    site = tmp_path / "site"
    texts = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
             for p in site.rglob("*") if p.suffix in (".html", ".xml", ".txt")}
    assert [name for name, text in texts.items() if "example.org" in text] == []
    assert 'rel="canonical"' not in texts["articles/ce-shi-biao-ti.html"]
    assert [n for n in ("404.html", "sitemap.xml", "zh-Hant/404.html", "zh-Hant/sitemap.xml") if n in texts] == []
    feed = feedparser.parse(texts["zh-Hant/feed.xml"])
    assert [e.link for e in feed.entries] == ["articles/ce-shi-biao-ti.html"]


def test_the_traditional_edition_says_everything_in_traditional(seed_site):
    """Its 404 page, footnote back-links, palette toggle, article header and feed."""
    hant = seed_site.site / "zh-Hant"
    assert "找不到這個頁面 網址可能有誤，或頁面已經移走。請回到 首頁 ，或用上方的搜尋找文章與術語。" in visible(hant / "404.html")
    article = (hant / "articles" / "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html").read_text(encoding="utf-8")
    assert 'class="footnote-backref" href="#fnref:e1" title="回到正文中的第 1 條註釋"' in article
    assert [t for t in ("切換到淺色模式", "切換到深色模式", "跟隨系統設置") if f'title="{t}"' in article] == [
        "切換到淺色模式", "切換到深色模式", "跟隨系統設置"]
    assert "其他日期不詳的文章" in article and "切换" not in article and "来源不详" not in article
    feed = feedparser.parse((hant / "feed.xml").read_bytes())
    assert (feed.feed.title, feed.feed.subtitle) == ("報摘", "報紙版面摘編：每篇文章的標題、出處、日期和導語")
