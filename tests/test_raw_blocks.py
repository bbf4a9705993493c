"""generator.engine.raw_blocks: the templates' own HTML lists go to Python-Markdown's stash
unparsed, and every page comes out exactly as without it. Test fixtures, not news."""
from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from conftest import EXTENSIONS

from generator.engine.raw_blocks import BLOCKS
from generator.pipeline import process
from generator.site.pages import render_digest

STANDARD = [e for e in EXTENSIONS if e != "generator.engine.raw_blocks"]
FIXTURES = Path(__file__).parent / "fixtures" / "multiday"


def body(page: str) -> str:
    return page.split("\n---\n", 1)[1] if page.startswith("---\n") else page


def html(text: str, extensions: list[str]) -> str:
    return markdown.markdown(text, extensions=extensions)


@pytest.fixture(scope="module")
def pages(seed_files) -> dict[str, str]:
    """Every page of the seed digest and of the multi-day fixture digest."""
    return {**{f"seed/{k}": v for k, v in seed_files.items()},
            **{f"multiday/{k}": v for k, v in render_digest(process(FIXTURES), "报摘").items()}}


def test_every_generated_page_is_the_same_with_and_without_it(pages):
    assert "generator.engine.raw_blocks" in EXTENSIONS
    for opening, _ in BLOCKS:  # every declared block is on some page
        assert any(f"\n{opening}" in page for page in pages.values()), opening
    for name, page in pages.items():
        assert html(body(page), EXTENSIONS) == html(body(page), STANDARD), name


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The text Python-Markdown's raw-HTML stage gives its HTML parser."""
    import markdown.preprocessors as stage
    fed: list[str] = []

    class Recording(stage.HTMLExtractor):
        def feed(self, data: str) -> None:
            fed.append(data)
            super().feed(data)
    monkeypatch.setattr(stage, "HTMLExtractor", Recording)
    return fed


RELATED = ('<ul class="bz-related">\n<li><a href="a.html">示例标题</a> <span class="bz-where">A01版</span>'
           '<br><span class="bz-reason">共同术语与关键词：示例</span></li>\n</ul>')


def test_a_declared_block_is_not_parsed(parsed):
    text = f"示例段落。\n\n{RELATED}\n\n另一段。\n"
    assert html(text, EXTENSIONS) == html(text, STANDARD)
    assert "bz-related" not in parsed[0] and "bz-related" in parsed[1]  # with it, then without


@pytest.mark.parametrize("text", [
    f"示例段落。\n{RELATED}\n\n另一段。\n",  # not after a blank line
    f"示例段落。\n\n{RELATED}\n另一段。\n",  # its closing line not followed by a blank line
    f"示例段落。\n\n{RELATED.replace('</ul>', '</ol>')}\n\n另一段。\n",  # never closed
    "示例段落。\n\n&#60;ul class=\"bz-related\"&#62;示例\n\n另一段。\n",  # source text, escaped
])
def test_anything_else_is_left_to_the_standard_stage(parsed, text):
    assert html(text, EXTENSIONS) == html(text, STANDARD)
    assert all(fed == parsed[0] for fed in parsed)  # the parser saw the page whole, as without it
