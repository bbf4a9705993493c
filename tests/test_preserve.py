"""The preservation check: nothing of a source is lost or silently changed."""
from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from conftest import SEED_CONTENT, SEED_NAME, SEED_SOURCE, markdown_html
from markupsafe import Markup

from generator import pipeline
from generator.commands import build as commands
from generator.config import load_settings
from generator.errors import BuildError
from generator.ingest.preserve import Loss, check_accounting, check_output, visible_text
from generator.model import Block, Glossary, Piece, Text
from generator.pipeline import process
from generator.site import render
from generator.site.escape import md
from generator.site.pages import article_path


@pytest.fixture
def fresh(make_content, tmp_path):
    """A private copy of the seed digest (with errata) that a test may damage."""
    content = make_content(tmp_path, {f"sources/{SEED_NAME}": SEED_SOURCE.read_bytes(),
                                      "errata.yml": (SEED_CONTENT / "errata.yml").read_text(encoding="utf-8")})
    return process(content)


def block_at(page, line):
    for article in page.articles:
        for index, block in enumerate(article.blocks):
            if line in block.text.lines:
                return article, index
    raise LookupError(line)


def test_seed_passes(seed, seed_files):
    assert pipeline.preservation(seed, seed_files, markdown_html) == []
    result = seed.pages[0]
    assert check_accounting(result.page, result.repairs) == []
    for article in result.page.articles:
        assert check_output(article, seed_files[article_path(article)], markdown_html) == []


# -- accounting --------------------------------------------------------------------

def test_a_dropped_paragraph_is_lost(fresh):
    result = fresh.pages[0]
    article, index = block_at(result.page, 21)
    del article.blocks[index]
    losses = check_accounting(result.page, result.repairs)
    assert len(losses) == 82  # every character of line 21
    assert {loss.line for loss in losses} == {21}
    assert str(losses[0]) == f"{SEED_NAME}:21: character “党” at column 1 lost"
    assert str(losses[-1]) == f"{SEED_NAME}:21: character “…” at column 82 lost"


def test_dropped_metadata_is_lost(fresh):
    result = fresh.pages[0]
    result.page.articles[0].reporters = None
    losses = check_accounting(result.page, result.repairs)
    assert [loss.line for loss in losses] == [175] * 24
    assert losses[0] == Loss(SEED_NAME, 175, "character “(” at column 120 lost")
    assert losses[-1] == Loss(SEED_NAME, 175, "character “)” at column 143 lost")


def test_a_lost_heading_mark_is_caught(fresh):
    result = fresh.pages[0]
    result.page.consumed = [c for c in result.page.consumed if c.piece.line != 3]
    assert [str(loss) for loss in check_accounting(result.page, result.repairs)] == [
        f"{SEED_NAME}:3: character “#” at column 1 lost"]


def test_a_piece_used_twice_is_caught(fresh):
    result = fresh.pages[0]
    article, index = block_at(result.page, 23)
    article.blocks.append(Block("para", article.blocks[index].text))
    losses = check_accounting(result.page, result.repairs)
    assert losses[0] == Loss(SEED_NAME, 23, "character “科” at column 1 used twice")
    assert {loss.line for loss in losses} == {23}


def test_a_silent_change_is_caught(fresh):
    result = fresh.pages[0]
    article, index = block_at(result.page, 23)
    [piece] = article.blocks[index].text.pieces
    changed = replace(piece, text=piece.text.replace("强国", "大国"))
    article.blocks[index] = Block("para", Text((changed,)), "p7")
    assert check_accounting(result.page, result.repairs) == [
        Loss(SEED_NAME, 23, f"“{changed.text}” differs from the source beyond recorded changes")]


def test_an_unrecorded_punctuation_change_is_caught(fresh):
    result = fresh.pages[0]
    result.repairs.punctuation = [c for c in result.repairs.punctuation if (c.line, c.column) != (11, 29)]
    losses = check_accounting(result.page, result.repairs)
    assert losses == [Loss(SEED_NAME, 11, "“聚焦基础研究、人工智能、量子科技等前沿领域；” differs from the source "
                                          "beyond recorded changes")]


def test_a_piece_that_is_not_the_source_text_is_caught(fresh):
    result = fresh.pages[0]
    article, index = block_at(result.page, 23)
    piece = article.blocks[index].text.pieces[0]
    wrong = Piece(piece.line, piece.start + 1, piece.raw)
    article.blocks[index] = Block("para", Text((wrong,)), "p7")
    messages = [loss.message for loss in check_accounting(result.page, result.repairs)]
    assert messages[0] == f"piece “{piece.raw}” is not the source text"
    assert "character “科” at column 1 lost" in messages


# -- output ------------------------------------------------------------------------

def paragraph_at(lines: list[str], anchor: str) -> int:
    """Index of a paragraph's Markdown line (the line above its ``{: #pN }``)."""
    return lines.index(f"{{: #{anchor} }}") - 1


def test_a_paragraph_missing_from_the_markdown_is_caught(seed_result, seed_files):
    """Even when the same words are still shown elsewhere on the page."""
    article = seed_result.page.articles[1]
    last = article.blocks[-1]
    lines = seed_files[article_path(article)].split("\n")
    index = paragraph_at(lines, last.anchor)
    damaged = "\n".join(lines[:index] + lines[index + 2:]) + "\n\n" + str(md(last.text.text)) + "\n"
    assert last.text.text in visible_text(damaged, markdown_html)
    assert check_output(article, damaged, markdown_html) == [
        Loss(SEED_NAME, 207, f"text not shown: “{last.text.text[:20]}…”")]


def test_a_lost_character_in_the_markdown_is_caught(seed_result, seed_files):
    article = seed_result.page.articles[3]
    block = next(b for b in article.blocks if b.text.first_line == 229)
    lines = seed_files[article_path(article)].split("\n")
    index = paragraph_at(lines, block.anchor)
    assert lines[index].endswith("。")
    lines[index] = lines[index][:-1]
    assert check_output(article, "\n".join(lines), markdown_html) == [
        Loss(SEED_NAME, 229, f"text not shown: “{block.text.text[:20]}…”")]


def test_paragraphs_out_of_order_are_caught(seed_result, seed_files):
    article = seed_result.page.articles[2]
    lines = seed_files[article_path(article)].split("\n")
    first, second = paragraph_at(lines, "p1"), paragraph_at(lines, "p2")
    assert second == first + 3
    lines[first:first + 2], lines[second:second + 2] = lines[second:second + 2], lines[first:first + 2]
    assert check_output(article, "\n".join(lines), markdown_html) == [
        Loss(SEED_NAME, 213, f"text not shown in order: “{article.blocks[1].text.text[:20]}…”")]


def test_missing_metadata_is_caught(seed_result, seed_files):
    article = seed_result.page.articles[0]
    page = seed_files[article_path(article)]
    damaged = page.replace("<dt>电头</dt><dd>（新华社北京7月7日电）</dd>", "")
    assert damaged != page
    assert check_output(article, damaged, markdown_html) == [Loss(SEED_NAME, 175, "metadata not shown: “（新华社北京7月7日电）”")]


def test_visible_text_skips_footnote_markers_and_notes():
    # test fixture, not news
    markdown = ('<span class="bz-erratum" id="e1">甲&#46;</span>[^e1]乙\n{: #p1 }\n\n[^e1]: 示例注\n')
    assert visible_text(markdown, markdown_html) == "甲.乙\n"
    assert visible_text('---\ntitle: "x"\n---\n\n# 示例\n', markdown_html) == "示例"


def test_build_stops_when_the_renderer_loses_a_character(make_content, tmp_path, monkeypatch):
    # test fixture, not news
    make_content(tmp_path, {"sources/x.txt": "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n"},
                 mkdocs=True)
    settings = load_settings(tmp_path)
    pipeline.generate(settings)  # fine as it is
    monkeypatch.setattr(render, "marked", lambda text, spans: Markup(md(text[:-1])))
    with pytest.raises(BuildError) as info:
        pipeline.generate(settings)
    assert str(info.value) == ("preservation check failed: x.txt:2: "
                               "text not shown: “测试市今天举办示例活动，共有一百人参加。…”")


def test_build_stops_when_the_parser_drops_a_piece(make_content, tmp_path, monkeypatch):
    # test fixture, not news
    make_content(tmp_path, {"sources/x.txt": "# 示例报测试标题\n本报记者 王五\n测试市今天举办示例活动。\n"},
                 mkdocs=True)
    settings = load_settings(tmp_path)
    from generator.ingest import parse
    original = parse.parse_page

    def drop_bylines(source, order=None):
        page = original(source, order)
        for article in page.articles:
            article.bylines = []
        return page
    monkeypatch.setattr("generator.pipeline.parse_page", drop_bylines)
    with pytest.raises(BuildError) as info:
        pipeline.generate(settings)
    assert str(info.value).startswith("preservation check failed: x.txt:2: character “本” at column 1 lost; "
                                      "x.txt:2: character “报” at column 2 lost;")


def test_rendered_seed_pages_show_every_paragraph(seed, seed_files):
    """Belt and braces: each paragraph's exact text is visible on its page."""
    for article in seed.articles:
        shown = visible_text(seed_files[article_path(article)], markdown_html)
        for block in article.blocks:
            assert block.text.text in shown


# -- the output check on MkDocs' own HTML (baozhai build) ----------------------------

def test_build_checks_the_html_mkdocs_renders_and_keeps_the_previous_site(make_content, tmp_path, monkeypatch):
    """``build`` does not render the Markdown a second time: the Baozhai plugin checks
    each article's HTML as MkDocs made it, and a loss there stops the build."""
    # test fixture, not news
    make_content(tmp_path, {"sources/x.txt": "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n"},
                 mkdocs=True)
    shutil.copytree(SEED_CONTENT.parent / "overrides", tmp_path / "overrides")
    settings = load_settings(tmp_path)
    commands.build(settings, log=lambda *_: None, offline=False)
    before = (settings.site / "index.html").read_bytes()
    (settings.site / "marker").write_text("the previous site")

    def lossy(html, *, page, config, files):  # what MkDocs renders loses the last character
        return html.replace("参加。", "参加")
    from generator.engine.plugin import BaozhaiPlugin
    original = BaozhaiPlugin.on_page_content
    monkeypatch.setattr(BaozhaiPlugin, "on_page_content",
                        lambda self, html, **kw: original(self, lossy(html, **kw), **kw))
    monkeypatch.setattr(pipeline, "check_output", lambda *a: pytest.fail("the Markdown was rendered again"))
    (settings.content / "sources" / "x.txt").write_text(
        "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n\n另一段。\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        commands.build(settings, log=lambda *_: None, offline=False)
    assert str(info.value) == ("preservation check failed: x.txt:2: "
                               "text not shown: “测试市今天举办示例活动，共有一百人参加。…”")
    assert (settings.site / "marker").read_text() == "the previous site"
    assert (settings.site / "index.html").read_bytes() == before


def test_shown_travels_as_json_unchanged(seed):
    import json

    from generator.ingest.preserve import Shown, shown_json
    articles = {article_path(a): a for a in seed.articles}
    data = json.loads(shown_json(articles))
    assert sorted(data) == sorted(articles)
    for path, article in articles.items():
        assert Shown.from_json(data[path]) == Shown.of(article)
    first = Shown.of(seed.articles[0])
    assert first.source == SEED_NAME and first.blocks[0][0] == "p1"
    assert ("（新华社北京7月7日电）", 175) in first.meta


def test_check_html_finds_a_lost_paragraph_and_order():
    from generator.ingest.preserve import Shown, check_html
    # test fixture, not news
    shown = Shown("x.txt", (("p1", "甲段。", 3), ("p2", "乙段。", 5)), (("本报记者 王五", 2),))
    good = '<p>本报记者 王五</p><p id="p1">甲段。</p><p id="p2">乙<a href="t.html" title="x">段</a>。</p>'
    assert check_html(shown, good) == []
    assert check_html(shown, good.replace("乙", "")) == [Loss("x.txt", 5, "text not shown: “乙段。…”")]
    swapped = '<p>本报记者 王五</p><p id="p2">乙段。</p><p id="p1">甲段。</p>'
    assert check_html(shown, swapped) == [Loss("x.txt", 5, "text not shown in order: “乙段。…”")]
    assert check_html(shown, good.replace("王五", "")) == [Loss("x.txt", 2, "metadata not shown: “本报记者 王五”")]


def test_the_plugin_lets_go_of_each_pages_markdown_and_html_once_used(tmp_path, monkeypatch):
    """MkDocs renders every page before writing any and keeps them all to the end: in a
    real build, each page's Markdown and HTML are dropped once used (a worker at 10,000
    articles peaks about a third lower), and every page is still written whole."""
    from mkdocs.structure.pages import Page

    from generator.editions.edition import search_options
    from generator.engine.build import build_edition
    from generator.engine.plugin import search_options_path
    from generator.write import write_files

    pages: list[Page] = []
    init = Page.__init__

    def recorded(self, *args, **kwargs):
        init(self, *args, **kwargs)
        pages.append(self)

    monkeypatch.setattr(Page, "__init__", recorded)
    settings = load_settings(SEED_CONTENT.parent)
    # test fixture, not news
    write_files(tmp_path / "docs", {"index.md": "# 示例首页\n\n示例。\n", "a.md": "# 示例页\n\n测试市举办示例活动。\n"})
    search_options_path(tmp_path / "docs").write_text(
        search_options(Glossary(()), settings.edition_list()[0], None, "articles/"), encoding="utf-8")
    build_edition(settings, tmp_path / "docs", tmp_path / "site")
    assert sorted((p.file.src_uri, p.markdown, p.content) for p in pages) == [("a.md", None, None),
                                                                              ("index.md", None, None)]
    assert '<p>测试市举办示例活动。</p>' in (tmp_path / "site" / "a.html").read_text(encoding="utf-8")
