"""The real-article corpus (tests/fixtures/corpus/, test material only) in the scraped,
feed-archive, JSON, JSONL and Traditional layouts: date and outlet shown on every
article, no furniture line in any body, each text published once, no bogus byline,
nothing lost. Before this work (commit b54b27f) the scraped layout showed 0 of 24
dates/outlets, had 25 furniture lines in bodies, 1 duplicated text and 2 bogus
bylines; the feed layout 97 furniture lines and 23 texts published twice; JSON was
not read at all (see tests/scraped_layouts.py)."""
from __future__ import annotations

import opencc
import pytest
from conftest import markdown_html
from scraped_layouts import corpus, feed_page, records_file, score, scraped_page

from generator.pipeline import preservation, process
from generator.site.pages import render_digest

RECORDS = corpus()["articles"]
TAIWAN, HONG_KONG = opencc.OpenCC("s2twp"), opencc.OpenCC("s2hk")
LAYOUTS = {
    "scraped": lambda: {f"sources/s{i:02d}.txt": scraped_page(r) for i, r in enumerate(RECORDS)},
    "feed": lambda: {f"sources/f{i:02d}.txt": feed_page([r]) for i, r in enumerate(RECORDS)},
    "json": lambda: {"sources/records.json": records_file(RECORDS, "json")},
    "list": lambda: {"sources/records.json": records_file(RECORDS, "list")},
    "jsonl": lambda: {"sources/records.jsonl": records_file(RECORDS, "jsonl")},
    "traditional": lambda: {f"sources/t{i:02d}.txt": (TAIWAN if i % 2 == 0 else HONG_KONG).convert(scraped_page(r))
                            for i, r in enumerate(RECORDS)},
}
EXPECTED = {"articles": 23, "date_outlet": 24, "furniture_in_body": 0, "duplicates": 0, "bogus_bylines": 0}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def layout(request, tmp_path_factory, make_content_module):
    content = make_content_module(tmp_path_factory.mktemp(request.param), LAYOUTS[request.param]())
    digest = process(content)
    return request.param, digest, render_digest(digest, "测试")


@pytest.fixture(scope="module")
def make_content_module():
    from conftest import write_content
    return write_content


def test_every_layout_scores_full_marks(layout):
    name, digest, files = layout
    assert (name, score(files, RECORDS)) == (name, EXPECTED)


def test_nothing_is_lost_and_furniture_is_shown_in_the_source_view(layout):
    _, digest, files = layout
    assert preservation(digest, files, markdown_html) == []
    assert sum(len(r.page.furniture) for r in digest.pages) > 0


def test_the_record_under_two_outlets_is_published_once(layout):
    name, digest, files = layout
    kept = [a for a in digest.articles if a.title == "二季度以来 银行理财规模企稳回升"]
    assert [(a.meta.publication, a.also) for a in kept] == [("中国经济网", ["证券日报 2026-06-12 09:00"])]
    [duplicate] = [d for r in digest.pages for d in r.page.duplicates if d.article.meta.publication == "证券日报"]
    assert duplicate.kept == "与《二季度以来 银行理财规模企稳回升》相同（中国经济网 2026-06-12）"


def test_bogus_reporter_fields_are_flagged_notes(layout):
    name, digest, _ = layout
    notes = [d.message for r in digest.pages for d in r.page.decisions if d.kind == "reporter-note" and d.doubtful]
    assert len(notes) == 2 and "走访北京多个商圈" in notes[1] and "从“普益标准”金" in notes[0]
    assert not any("走访" in b.text for a in digest.articles for b in a.bylines)


def test_the_paper_footer_gives_outlet_date_and_page(layout):
    name, digest, _ = layout
    [article] = [a for a in digest.articles if "黑土地" in a.blocks[-1].text.text or "黑土地" in a.title]
    assert (article.meta.publication, article.meta.date, article.meta.page) == ("人民网－人民日报", "2026-06-12", "06")
    assert not any("人民日报 》" in b.text.text for b in article.blocks)
