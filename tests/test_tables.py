"""Flattened tables (generator/ingest/tables.py): a real Markdown table when the evidence
supports it, a list when only cells are there, the parser's own decisions otherwise.

Every page below is a TEST FIXTURE, not published news. The tables are built from
figures and labels that appear in the prose of tests/fixtures/corpus/ articles (record
0: the three indices at midday, 2026-06-12; record 4: the central parity rates; record
18: the kinds of delisting; record 5: the shares of wealth products); the headlines
around them are made up (测试, 示例).
"""
from __future__ import annotations

import json
from pathlib import Path

from conftest import markdown_html, write_content

from generator.cli import main
from generator.editions.convert import Converter
from generator.ingest.preserve import check_accounting, check_output
from generator.pipeline import process
from generator.site.pages import article_path, render_digest

INDICES = ["指数", "收盘（点）", "涨幅", "上证指数", "4049.29", "1.56%", "深证成指", "15103.14", "1.69%",
           "创业板指", "3859.75", "1.27%"]  # record 0, one cell a line
RATES = ["货币\u3000中间价（元）", "1美元\u30006.8109", "1欧元\u30007.8576", "100日元\u30004.2419",
         "1港元\u30000.86926"]  # record 4, one row a line, cells apart by a full-width space
DELISTED = ["退市类型\t家数", "财务类退市\t12", "重大信息披露违法强制退市\t4", "交易类退市\t3", "主动退市\t1"]  # record 18


def page(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def rendered(root: Path, text: str) -> tuple:
    """The page's one article and its Markdown page."""
    digest = process(write_content(root, {"sources/x.txt": text}))
    [article] = digest.articles
    return article, render_digest(digest, "报摘")[article_path(article)]


def blocks(article):
    return [(b.kind, b.anchor, b.columns, [c.text for c in b.cells]) for b in article.blocks]


def decisions(result, kinds=("table", "list")):
    return [(d.line, d.kind, d.message, d.doubtful) for d in result.page.decisions if d.kind in kinds]


def test_one_cell_a_line_becomes_a_table_with_a_header(process_text):
    result = process_text(page("# 测试：三大指数早盘集体上涨", "A股三大指数今日早盘集体上涨。", "\n".join(INDICES),
                               "行业板块方面，贵金属板块涨幅居前。"))
    [article] = result.page.articles
    assert blocks(article) == [("para", "p1", 0, ["A股三大指数今日早盘集体上涨。"]),
                               ("table", "t1", 3, INDICES),
                               ("para", "p2", 0, ["行业板块方面，贵金属板块涨幅居前。"])]
    assert decisions(result) == [(5, "table", "lines 5–16: a table of 4 rows × 3 columns (one cell a line; the "
                                              "columns repeat, the first row is a header)", False)]
    assert check_accounting(result.page, result.repairs) == []


def test_cells_set_apart_by_blank_lines_and_a_title_above(process_text):
    """A scraper's layout: every cell a paragraph; the table's title above it is a subhead."""
    result = process_text(page("测试：三大指数早盘集体上涨", "测试市6月12日讯 A股三大指数今日早盘集体上涨。",
                               "行业板块方面，贵金属、工业金属、小金属等板块涨幅居前。", "A股市场板块涨跌幅排行", *INDICES))
    [article] = result.page.articles
    assert [(b.kind, b.columns, [c.text for c in b.cells]) for b in article.blocks] == [
        ("para", 0, ["A股三大指数今日早盘集体上涨。"]), ("para", 0, ["行业板块方面，贵金属、工业金属、小金属等板块涨幅居前。"]),
        ("heading", 0, ["A股市场板块涨跌幅排行"]), ("table", 3, INDICES)]
    assert decisions(result) == [(9, "table", "lines 9–31: a table of 4 rows × 3 columns (one cell a line; the "
                                              "columns repeat, the first row is a header)", False)]
    assert check_accounting(result.page, result.repairs) == []


def test_rows_with_full_width_spaces_and_tabs(process_text):
    result = process_text(page("# 测试：人民币对美元中间价", "今日人民币对美元汇率中间价报6.8109。", "\n".join(RATES),
                               "\n".join(DELISTED)))
    [article] = result.page.articles
    assert blocks(article)[1:] == [
        ("table", "t1", 2, ["货币", "中间价（元）", "1美元", "6.8109", "1欧元", "7.8576", "100日元", "4.2419",
                            "1港元", "0.86926"]),
        ("table", "t2", 2, [c for row in DELISTED for c in row.split("\t")])]
    assert [(d.line, d.message) for d in result.page.decisions if d.kind == "table"] == [
        (5, "lines 5–9: a table of 5 rows × 2 columns (cells apart by spaces, the same count on every line, the "
            "first row a header)"),
        (11, "lines 11–15: a table of 5 rows × 2 columns (cells apart by spaces, the same count on every line, the "
             "first row a header)")]
    assert check_accounting(result.page, result.repairs) == []


def test_rendered_table_escapes_cells_and_shows_every_one(tmp_path):
    cells = ["产品类型", "占比", "现金管理|类*", "19.38%", "固定收益_类", "77.62%", "<b>其他</b>", "3.00%"]
    article, markdown = rendered(tmp_path, page("# 测试：理财产品存续规模", "截至5月末，两类产品的存续规模占比如下。",
                                                "\n".join(cells)))
    assert [b.kind for b in article.blocks] == ["para", "table"]
    assert "| 产品类型 { #t1-1 } | 占比 { #t1-2 } |\n| --- | --- |\n" \
           "| 现金管理&#124;类&#42; { #t1-3 } | 19&#46;38&#37; { #t1-4 } |\n" in markdown
    html = markdown_html(markdown.split("\n---\n", 1)[1])
    assert '<td id="t1-3">现金管理&#124;类&#42;</td>' in html
    assert '<th id="t1-1">产品类型</th>' in html and "<b>" not in html.split("bz-meta")[1]
    assert check_output(article, markdown, markdown_html) == []
    # a cell the page does not show fails the output check, naming its line
    broken = markdown.replace("19&#46;38&#37; { #t1-4 }", "{ #t1-4 }")
    assert [str(x) for x in check_output(article, broken, markdown_html)] == ["x.txt:8: text not shown: “19.38%…”"]


def test_traditional_edition_converts_cell_text(tmp_path):
    _, markdown = rendered(tmp_path, page("# 测试：三大指数早盘集体上涨", "A股三大指数今日早盘集体上涨。", "\n".join(INDICES)))
    converted = Converter("s2twp").convert_text(markdown)
    html = markdown_html(converted.split("\n---\n", 1)[1])
    assert '<th id="t1-1">指數</th>' in html and '<th id="t1-2">收盤（點）</th>' in html
    assert '<th id="t1-3">漲幅</th>' in html and '<td id="t1-7">深證成指</td>' in html


def test_figures_without_a_header_become_a_list(process_text, tmp_path):
    result = process_text(page("# 测试：三大指数早盘集体上涨", "A股三大指数今日早盘集体上涨。",
                               "上证指数4049.29点\n深证成指15103.14点\n创业板指3859.75点"))
    [article] = result.page.articles
    assert blocks(article)[1:] == [("list", "l1", 0, ["上证指数4049.29点", "深证成指15103.14点", "创业板指3859.75点"])]
    assert decisions(result) == [(5, "list", "lines 5–7: 3 short lines with figures, no header or repeating "
                                             "columns: a list, one item a line (a table the evidence does not "
                                             "show?)", True)]
    article, markdown = rendered(tmp_path, page("# 测试：三大指数早盘集体上涨", "A股三大指数今日早盘集体上涨。",
                                                "上证指数4049.29点\n深证成指15103.14点\n创业板指3859.75点"))
    assert "- 上证指数4049&#46;29点\n  { #l1-1 }\n- 深证成指" in markdown
    assert check_output(article, markdown, markdown_html) == []


def test_a_list_of_short_headlines_is_not_a_table(process_text):
    result = process_text(page("# 测试：今日要目", "本期要目如下。",
                               "示例公园下月开放\n示例报举办读者开放日\n测试市新增公交线路\n示例图书馆延长开放时间"))
    [article] = result.page.articles
    assert [b.kind for b in article.blocks] == ["para"] * 5
    assert decisions(result) == []


def test_a_poem_like_run_of_short_lines_is_not_a_table(process_text):
    result = process_text(page("# 测试：田间小诗", "一首写黑土地的小诗。", "黑土地上，\n春风吹过，\n种子发芽，\n三月开花。"))
    [article] = result.page.articles
    assert "table" not in [b.kind for b in article.blocks] and "list" not in [b.kind for b in article.blocks]
    assert decisions(result) == []


def test_a_bulletin_is_not_a_table(process_text):
    result = process_text(page("测试快讯", "1. 测试市示例公园下月开放。\n2. 示例报举办读者开放日活动。\n"
                                          "3. 测试市新增两条公交线路。"))
    assert decisions(result, ("table",)) == []  # a bulletin's items are a list (generator/ingest/bulletins.py)
    assert [b.kind for a in result.page.articles for b in a.blocks] == ["list"]


def test_a_scraper_record_with_table_cells(process_text):
    record = {"title": "测试：三大指数早盘集体上涨", "publish_time": "2026-06-12 11:38", "source": "示例网",
              "content": ["测试市6月12日讯 A股三大指数今日早盘集体上涨。", *INDICES]}
    result = process_text(json.dumps({"articles": [record]}, ensure_ascii=False, indent=1), name="x.json")
    [article] = result.page.articles
    assert [(b.kind, b.columns, [c.text for c in b.cells]) for b in article.blocks] == [
        ("para", 0, ["A股三大指数今日早盘集体上涨。"]), ("table", 3, INDICES)]
    assert [d.kind for d in result.page.decisions if d.kind == "table"] == ["table"]
    assert check_accounting(result.page, result.repairs) == []


def test_check_reports_the_table_with_its_lines(tmp_path, capsys):
    write_content(tmp_path, {"sources/x.txt": page("# 测试：三大指数早盘集体上涨", "A股三大指数今日早盘集体上涨。",
                                                   "\n".join(INDICES))}, mkdocs=True)
    assert main(["--root", str(tmp_path), "check", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "1 paragraphs, 1 tables (lines 5–16)" in out
    assert "x.txt:5: table: lines 5–16: a table of 4 rows × 3 columns" in out


def test_cells_never_keep_the_space_around_them(tmp_path):
    """A space beside a tab is not part of a cell (Markdown would drop it and the cell
    would not show its text)."""
    rows = [row.replace("\t", " \t ") for row in DELISTED]
    article, markdown = rendered(tmp_path, page("# 测试：退市类型", "今年以来退市公司已达20家。", "\n".join(rows)))
    assert [c.text for c in article.blocks[1].cells] == [c for row in DELISTED for c in row.split("\t")]
    assert check_output(article, markdown, markdown_html) == []
