"""The Atom feeds (generator/site/feeds.py), read with feedparser as a feed reader would."""
from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
from conftest import SEED_CONTENT

from generator.pipeline import process
from generator.site.feeds import atom

MULTIDAY = Path(__file__).parent / "fixtures" / "multiday"  # test fixtures, not news
SEED_TITLES = ["为民族复兴积聚磅礴伟力", "2026世界人工智能大会释放AI发展新信号", "无标题稿件（始于“国央行连续20个月增持黄…”）",
               "央行：支持更多优质企业到香港上市和发债"]


def test_each_edition_has_a_valid_feed_listing_every_article(seed_site):
    for folder, language, title in (("", "zh-Hans", "为民族复兴积聚磅礴伟力"), ("zh-Hant", "zh-Hant", "為民族復興積聚磅礴偉力")):
        root = seed_site.site / folder
        feed = feedparser.parse((root / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10"
        assert feed.feed.language == language
        assert len(feed.entries) == 4
        assert feed.entries[0].title == title
        for entry in feed.entries:
            path = entry.link.removeprefix(seed_site.site_url + (f"{folder}/" if folder else ""))
            assert path.startswith("articles/") and (root / path).is_file()
            assert entry.summary.startswith("来源不详，日期不详：" if not folder else "來源不詳，日期不詳：")
            assert "published" not in entry  # the seed has no dates: none is made up
            assert entry.updated == "1980-01-01T00:00:00+00:00"
    simplified = feedparser.parse((seed_site.site / "feed.xml").read_bytes())
    assert [e.title for e in simplified.entries] == SEED_TITLES
    assert simplified.entries[0].summary == ("来源不详，日期不详：习近平总书记关于科技创新的重要论述坚持解放思想、实事求是、与时俱进，"
                                             "具有鲜明的创新性、人民性与开放性理论品格。")


def test_every_page_links_its_edition_feed(seed_site):
    for page, href in (("index.html", "feed.xml"), ("articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html", "../feed.xml"),
                       ("zh-Hant/glossary/index.html", "../feed.xml")):
        html = (seed_site.site / page).read_text(encoding="utf-8")
        assert f'<link rel="alternate" type="application/atom+xml" href="{href}"' in html
    pages = list(seed_site.site.rglob("*.html"))
    assert all('type="application/atom+xml"' in p.read_text(encoding="utf-8") for p in pages)


def test_dated_entries_carry_outlet_date_and_lede(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SEED_CONTENT, content)
    for source in sorted((MULTIDAY / "sources").iterdir()):
        shutil.copyfile(source, content / "sources" / source.name)
    digest = process(content)
    feed = feedparser.parse(atom(digest, "报摘", "zh-Hans", "https://news.test/"))
    assert not feed.bozo
    first = feed.entries[0]  # the newest date first
    assert (first.title, first.link, first.published, first.tags[0].term) == (
        "示例研究院发布大模型测试报告", "https://news.test/articles/shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao.html",
        "2026-07-09T00:00:00+08:00", "示例报")
    assert first.summary == "示例报 A01版 要闻，2026年7月9日：示例研究院今天发布大模型测试报告，报告汇总了示例科技展期间收集的测试数据。"
    assert feed.feed.updated == "2026-07-09T00:00:00+08:00"
    assert [e.get("published", "")[:10] for e in feed.entries] == ["2026-07-09"] * 2 + ["2026-07-08"] * 4 + [""] * 4
    relative = feedparser.parse(atom(digest, "报摘", "zh-Hans", None))
    assert relative.entries[0].id == "urn:baozhai:article:shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao"
    assert relative.entries[0].link == "articles/shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao.html"


def test_the_offline_bundles_hold_the_feeds_they_link(seed_site):
    import zipfile
    for edition in ("zh-Hans", "zh-Hant"):
        with zipfile.ZipFile(seed_site.dist / f"baozhai-offline-{edition}.zip") as archive:
            names = set(archive.namelist())
        assert {f"baozhai-offline-{edition}/site/feed.xml", f"baozhai-offline-{edition}/site/zh-Hant/feed.xml"} <= names
