"""A page converted line by line (Converter.convert_lines) is the page converted
whole; a line converted before is not converted again (generator/editions/convert.py).

The real articles (tests/fixtures/corpus/) are test material only.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cache import Cache
from generator.editions.convert import Converter
from generator.editions.edition import LINES, converted_pages
from generator.editions.layers import Rule
from generator.editions import page as page_module
from generator.editions.page import chunks, lines

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "scraped-2026-06-12.json"


@pytest.fixture(scope="module")
def taiwan() -> Converter:
    return Converter()


def test_lines_cut_at_line_breaks_outside_tags():
    page = '<p>一</p>\n<a href="x"\ntitle="二">三</a>\n\n四<b\n>五</b>\n'
    assert lines(page) == ["<p>一</p>", '<a href="x"\ntitle="二">三</a>', "", "四<b\n>五</b>", ""]
    assert "\n".join(lines(page)) == page


def test_chunks_end_where_their_own_lines_say():
    """A line added changes the chunk it joins, no other (a chunk ends at a line whose
    CRC-32 is a multiple of CHUNK)."""
    page = "\n".join(f"<li>第{n}条</li>" for n in range(200))
    before = chunks(page)
    assert "\n".join(before) == page and 25 < len(before) < 100
    added = page.replace("<li>第100条</li>", "<li>第100条</li>\n<li>新的一条</li>")
    assert len(set(chunks(added)) - set(before)) == 1 and len(set(before) - set(chunks(added))) == 1


def test_the_seed_site_converts_line_by_line_as_whole(taiwan, seed_files):
    assert {name: taiwan.convert_text(text) for name, text in seed_files.items()} == \
        {name: taiwan.convert_whole(text) for name, text in seed_files.items()}


def test_real_articles_convert_line_by_line_as_whole(taiwan):
    """Each article's paragraphs, a line each (names, stock codes, quotations across
    the page), and all of them as one page."""
    records = json.loads(CORPUS.read_text(encoding="utf-8"))
    pages = ["\n".join([record["title"], *record["content"]]) for record in records["articles"]]
    pages.append("\n\n".join(pages))
    for page in pages:
        assert taiwan.convert_text(page) == taiwan.convert_whole(page)


def test_a_name_found_on_one_line_is_a_name_on_every_line(taiwan):
    """大象智能装备有限公司 makes 大象智能装备 a name on the page: its 智能 stays (alone,
    the line would print 智慧)."""
    second = "<li>大象智能装备发布新品，智能手机</li>"
    page = "大象智能装备有限公司发布新品。\n" + second
    assert taiwan.convert_text(second) == "<li>大象智慧裝備發布新品，智慧型手機</li>"
    assert taiwan.convert_text(page) == "大象智能裝備有限公司發布新品。\n<li>大象智能裝備發布新品，智慧型手機</li>"
    assert taiwan.convert_text(page) == taiwan.convert_whole(page)
    # the same line in a page without the organisation is converted apart: not taken from the memo
    _, memo = taiwan.convert_lines(page)
    assert taiwan.convert_lines(second, memo)[0] == "<li>大象智慧裝備發布新品，智慧型手機</li>"


def test_a_line_converted_before_is_not_converted_again(taiwan, monkeypatch):
    monkeypatch.setattr(page_module, "CHUNK", 1)  # a chunk a line
    uses = [f"<li>第{n}条：大象智能装备有限公司的计算机</li>" for n in "一二三"]
    before = "\n".join(["# 用例", *uses])
    after = "\n".join(["# 用例", *uses, "<li>第四条：大象智能装备的软件</li>"])
    _, memo = taiwan.convert_lines(before)
    converted: list[str] = []
    original = Converter._convert_line
    monkeypatch.setattr(Converter, "_convert_line",
                        lambda self, line, *rest: converted.append(line) or original(self, line, *rest))
    text, _ = taiwan.convert_lines(after, memo)
    assert converted == ["<li>第四条：大象智能装备的软件</li>"]
    assert text == taiwan.convert_whole(after)
    assert text.endswith("<li>第四條：大象智能裝備的軟體</li>")


def test_a_length_change_anywhere_converts_every_line_by_region(taiwan, monkeypatch):
    """When OpenCC changes a run's length on one line, the whole page is converted
    region by region (wordwise.py): every line is told so."""
    monkeypatch.setattr(page_module, "CHUNK", 1)  # a chunk a line
    told = []
    original = Converter._convert_line
    monkeypatch.setattr(Converter, "_convert_line",
                        lambda self, line, forms, by_region: told.append(by_region) or original(self, line, forms,
                                                                                              by_region))
    context = taiwan._wordwise.context
    monkeypatch.setattr(taiwan._wordwise, "context", lambda text: (context(text)[0], "甲" in text))
    taiwan.convert_lines("一\n二\n甲\n三")
    assert told == [True, True, True, True]
    told.clear()
    taiwan.convert_lines("一\n二\n三")
    assert told == [False, False, False]


def test_a_condition_sees_its_own_line_only():
    """A rule's condition window stops at a line break (a page is converted line by line)."""
    rule = Rule("运营商", "電信業者", "after=…", "test", "test:1",
                after=__import__("re").compile("[^，。、]{0,3}(网络|通信)"))
    assert rule.holds("运营商的网络", 0, 3)
    assert not rule.holds("运营商\n的网络", 0, 3)
    before = Rule("质量", "品質", "!before=高", "test", "test:2", not_before=__import__("re").compile("(?:高\n)$"))
    assert before.holds("高\n质量", 2, 4)  # the window's left side starts after the line break


def test_the_build_keeps_each_pages_lines(tmp_path, taiwan, monkeypatch):
    """converted_pages: a changed page takes its unchanged lines from the cache entry
    of its previous version (by path); the result is the page converted whole."""
    monkeypatch.setattr(page_module, "CHUNK", 1)  # a chunk a line
    files = {"glossary/a.md": "# 甲\n<li>计算机软件</li>\n<li>网络</li>", "index.md": "首页"}
    cache = Cache.at(tmp_path)
    assert dict(converted_pages(files, taiwan, cache)) == {n: taiwan.convert_whole(t) for n, t in files.items()}
    cache.commit()
    converted: list[str] = []
    original = Converter._convert_line
    monkeypatch.setattr(Converter, "_convert_line",
                        lambda self, line, *rest: converted.append(line) or original(self, line, *rest))
    files["glossary/a.md"] += "\n<li>信息</li>"
    again = Cache.at(tmp_path)
    assert dict(converted_pages(files, taiwan, again)) == {n: taiwan.convert_whole(t) for n, t in files.items()}
    assert converted == ["<li>信息</li>"]
    assert (again.misses, again.hits) == ({"convert": 1, LINES: 1}, {"convert": 1, LINES: 1})


def test_texts_converted_in_an_earlier_build_are_not_converted_again(monkeypatch):
    """A feed's titles and ledes, tooltips: Converter.strings → the cache → remember."""
    first = Converter()
    assert first.strings() is None
    assert first.convert("计算机软件") == "電腦軟體"
    kept = first.strings()
    assert kept == {"计算机软件": "電腦軟體"}
    later = Converter()
    later.remember(kept)

    def convert(text, *rest):
        raise AssertionError(f"converted again: {text}")
    monkeypatch.setattr(later._wordwise, "convert", convert)
    assert later.convert("计算机软件") == "電腦軟體"
    assert later.strings() is None  # nothing new: the cache entry stays as it is
    monkeypatch.undo()
    assert later.convert("网络") == "網路"
    assert later.strings() == {"网络": "網路", "计算机软件": "電腦軟體"}
