"""Property tests (Hypothesis) of the parser, the annotator and the Traditional edition.

For arbitrary pages of Chinese, Latin, digits, ASCII markup characters and
Chinese punctuation, with heading marks, bylines, captions, datelines and
continuation markers mixed in:

* the pipeline (read → parse → repair → annotate → render) either succeeds or
  refuses with a :class:`SourceError` naming the file and line, never
  anything else;
* when it succeeds the preservation check holds: every source character is
  accounted for, and each paragraph's element in the rendered page shows
  exactly its text;
* glossary annotation never changes the text a reader sees;
* Simplified → Traditional conversion keeps every paragraph and its anchor,
  in order.

The number of examples and their randomness come from the Hypothesis profile
(tests/conftest.py): ``make test`` runs the fast one (deterministic and bounded,
so CI cannot flake), ``make test-thorough`` many more, drawn afresh each run.
"""
from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path

import yaml
from conftest import markdown_html, write_content
from hypothesis import example, given
from hypothesis import strategies as st

from generator.editions.convert import Converter
from generator.errors import SourceError
from generator.ingest.preserve import _rendered, check_accounting, check_output
from generator.model import CELLS
from generator.pipeline import process
from generator.site.pages import article_path, render_digest

HAN = "测试市今天举办示例活动共有一百人参加发展新质生产力的年月日记者报道图为经济科技创新中国"
LATIN = "abcxyzABCXYZ0123456789"
MARKUP = "\\`*_{}[]()<>#+-.!|~^=&:$\"'%;/?@, "
CHINESE_PUNCT = "，。、；：？！“”‘’（）《》【】…—\u3000\t\u2028\u00a0\u200b\ufeffＡ１"
TEMPLATES = ["(上接A01版)", "(下转A05版)", "记者 张三", "本报记者 李四", "图为示例活动现场", "图/张三",
             "2026年7月8日", "新华社测试7月8日电", "（记者 张三）", "责任编辑：李四", "- 3 -", "---", "{: #x }",
             "<!--", "-->", "--8<-- \"x.md\"", "{{ x }}", "[^1]:", "!!! note", "    缩进", "* 列表", "1. 列表"]

chars = st.text(alphabet=HAN + LATIN + MARKUP + CHINESE_PUNCT, min_size=1, max_size=40)
line = st.one_of(
    chars,
    st.tuples(st.sampled_from(["# ", "## ", "### ", "#", "####### "]), chars).map("".join),
    st.sampled_from(TEMPLATES),
    st.tuples(chars, st.sampled_from(TEMPLATES)).map("".join),
    st.just(""),
)
page_text = st.lists(line, min_size=1, max_size=25).map("\n".join)


def run(text: str, glossary: list | None = None):
    """Process one page (and glossary) in a fresh content folder; return (digest, files)."""
    with tempfile.TemporaryDirectory() as tmp:
        files = {"sources/x.txt": text}
        if glossary:
            files["glossary.yml"] = yaml.safe_dump(glossary, allow_unicode=True)
        content = write_content(Path(tmp), files)
        digest = process(content)
        return digest, render_digest(digest, "报摘")


def refused_properly(err: SourceError) -> bool:
    return err.path is not None and err.path.endswith("x.txt") and isinstance(err.line, int) and err.line >= 1


@given(page_text)
@example("(上接A01版)\n# 0\n0")  # found by the thorough profile: markers above the first headline
def test_parsing_never_fails_unexpectedly_and_preserves_every_character(text):
    try:
        digest, files = run(text)
    except SourceError as err:
        assert refused_properly(err), str(err)
        return
    result = digest.pages[0]
    assert check_accounting(result.page, result.repairs) == []
    for article in result.page.articles:
        assert check_output(article, files[article_path(article)], markdown_html) == []


@st.composite
def text_and_glossary(draw):
    """A page that parses, and glossary terms cut out of its paragraphs."""
    lines = draw(st.lists(st.text(alphabet=HAN + LATIN + "，。、“”（）" + "<>&*_[]", min_size=4, max_size=40),
                          min_size=1, max_size=8))
    text = "# 示例标题\n" + "\n\n".join(lines) + "\n"
    terms = {}
    for _ in range(draw(st.integers(0, 4))):
        source = draw(st.sampled_from(lines))
        start = draw(st.integers(0, len(source) - 2))
        term = source[start:start + draw(st.integers(2, 6))].strip()
        if len(term) >= 2 and term == term.strip() and term not in terms:
            terms[term] = {"term": term, "category": "technology", "gloss": f"gloss <b>{len(terms)}</b>",
                           "definition": "测试用的释义。"}
    return text, list(terms.values())


def _paragraphs(files: dict, digest) -> list[tuple[str, str]]:
    """(anchor, text shown in its element) of every paragraph of every article page."""
    shown = []
    for article in digest.articles:
        by_id = _rendered(files[article_path(article)], markdown_html).by_id
        shown += [(b.anchor, "".join(by_id.get(b.anchor, []))) for b in article.blocks]
    return shown


@given(text_and_glossary())
def test_annotation_never_changes_the_text_a_reader_sees(case):
    text, glossary = case
    try:
        plain, plain_files = run(text)
    except SourceError as err:
        assert refused_properly(err), str(err)
        return
    annotated, files = run(text, glossary)
    assert _paragraphs(files, annotated) == _paragraphs(plain_files, plain)
    for article in annotated.articles:
        assert check_output(article, files[article_path(article)], markdown_html) == []


@lru_cache(maxsize=1)
def converter() -> Converter:
    return Converter("s2twp")


def _anchored(markdown_text: str) -> list[str]:
    body = markdown_text.split("\n---\n", 1)[1] if markdown_text.startswith("---\n") else markdown_text
    html = markdown_html(body)
    parser = _rendered("", markdown_html)
    parser.feed(html)
    return [i for i in parser.by_id if re.fullmatch(r"[ps]\d+|[tl]\d+-\d+", i)]  # a block, a table's cell


@given(page_text)
@example("0\n0\n0")  # found by the thorough profile: a list is shown item by item
def test_traditional_conversion_keeps_paragraphs_and_anchors(text):
    try:
        digest, files = run(text)
    except SourceError as err:
        assert refused_properly(err), str(err)
        return
    for article in digest.articles:
        simplified = files[article_path(article)]
        anchors = [a for b in article.blocks  # a table or list is shown cell by cell
                   for a in ([b.cell_anchor(i) for i in range(len(b.cells))] if b.kind in CELLS else [b.anchor])]
        assert _anchored(simplified) == anchors
        assert _anchored(converter().convert_text(simplified)) == anchors


@given(st.text(max_size=200))
def test_any_title_gives_a_short_ascii_slug(title):
    from generator.slugs import MAX_LENGTH, RESERVED, slugify

    slug = slugify(title)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= MAX_LENGTH + 2
    assert slug not in RESERVED
