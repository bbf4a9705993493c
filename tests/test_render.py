"""Rendering helpers that the hot paths use in a quicker form than their plain
definition: escaping, the template environment, marked paragraphs, a term's link
tags and the reasons of a related article. Each must give exactly what the plain
definition gives. Test fixtures, not news.
"""
from __future__ import annotations

import random

import jinja2
import pytest
from markupsafe import Markup

from generator.model import Feature, Term
from generator.site import escape
from generator.site.browse_pages import reason
from generator.site.escape import attr, md, md_text
from generator.site.glossary_pages import term_url, tooltip
from generator.site.pages import term_openings
from generator.site.render import Span, _finalize, environment, lede, marked

ODD = "\x85\u2028\u2029中文，。\U0001F600"


def plain_md(text: str) -> str:
    return "".join(f"&#{ord(ch)};" if ch in escape._MARKUP_CHARS else ch for ch in text)


def plain_attr(text: str) -> str:
    return "".join(f"&#{ord(ch)};" if ch in escape._MARKUP_CHARS or ch in escape._YAML_BREAKS else ch
                   for ch in text)


# -- escaping ------------------------------------------------------------------------------

def test_every_character_escapes_as_defined():
    for ch in [chr(i) for i in range(0x3100)] + list(ODD):
        assert md(ch) == plain_md(ch) and attr(ch) == plain_attr(ch), repr(ch)


def test_text_escapes_as_defined():
    rng = random.Random(2026)
    alphabet = "".join(chr(i) for i in range(32, 127)) + "\n\r\t" + ODD
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert md(text) == plain_md(text) and attr(text) == plain_attr(text)
        assert md_text(text) == str(md(text))
        assert type(md(text)) is Markup and type(attr(text)) is Markup and type(md_text(text)) is str


def test_markup_given_to_md_is_escaped_like_text():
    assert md(Markup("<b>示例</b>")) == plain_md("<b>示例</b>")


# -- the template environment ---------------------------------------------------------------

def plain_environment() -> jinja2.Environment:
    """Jinja as it comes, with the project's settings."""
    return jinja2.Environment(finalize=_finalize, autoescape=False, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


class Record:
    url = "记录<url>"
    items = "记录的 items"


@pytest.mark.parametrize("source", [
    "{{ d.url }}|{{ d.title }}|{{ d.html }}|{{ d.none }}|{{ d['url'] }}",
    "{{ d.missing is defined }}|{{ d.items is defined }}|{{ d.items is string }}|{{ d.get is defined }}",
    "{{ r.url }}|{{ r.items }}|{{ n.url }}|{{ s.upper is defined }}|{{ l.count is defined }}",
    "{% for k in d.keys() %}{{ k }},{% endfor %}|{{ d | length }}",
])
def test_dict_keys_read_as_in_plain_jinja(source):
    """A key named like a dict method still reads as the method, as Jinja would."""
    context = {"d": {"url": "a<b>", "title": "标题*", "html": Markup("<i>x</i>"), "none": None, "items": "键"},
               "r": Record(), "n": {"url": {"url": "嵌套_"}}, "s": "示例", "l": [1]}
    ours = environment().from_string(source).render(**context)
    assert ours == plain_environment().from_string(source).render(**context)


def test_a_missing_key_is_still_an_error():
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ d.missing }}").render(d={"url": "x"})


def test_finalize_escapes_what_is_not_markup():
    assert _finalize(None) == ""
    assert _finalize(Markup("<a>")) == Markup("<a>")
    assert _finalize("a<b>") == str(md("a<b>")) and _finalize(12.5) == str(md("12.5"))


# -- marked paragraphs, term links, reasons ----------------------------------------------------

def test_marked_text_is_the_escaped_parts_joined():
    text = "示例<段落>，[链接](x) 和 *强调* 以及 `代码`。"
    spans = [Span(0, 2, Markup('<a href="t">'), Markup("</a>")),
             Span(1, 5, Markup("<b>"), Markup("</b>")),  # overlaps the first: dropped
             Span(8, 8, Markup('<span id="e1">'), Markup("</span>[^e1]"), priority=10),
             Span(10, 14, Markup("<i>"), Markup("</i>"))]
    expected = Markup("").join([md(text[:0]), Markup('<a href="t">'), md(text[0:2]), Markup("</a>"),
                                md(text[2:8]), Markup('<span id="e1">'), md(""), Markup("</span>[^e1]"),
                                md(text[8:10]), Markup("<i>"), md(text[10:14]), Markup("</i>"), md(text[14:])])
    assert marked(text, spans) == expected and type(marked(text, spans)) is Markup
    assert marked(text, []) == md(text)


TERM = Term("示例<词>", "slogan", 'a "gloss" & <more>', "第一句[定义](x)。第二句。", "shìlì cí", slug="shili-ci")


def test_term_openings_are_built_once_per_term_as_before():
    tag = Markup('<a class="bz-term" href="{}" title="{}" data-pinyin="{}">')
    first, later = term_openings(TERM)
    assert first == tag.format(term_url(TERM), attr(tooltip(TERM)), attr(TERM.pinyin))
    assert later == tag.format(term_url(TERM), attr(f"{TERM.pinyin}｜{TERM.gloss}"), attr(TERM.pinyin))
    assert "第二句" not in first and "第一句" in first and "第一句" not in later
    assert term_openings(Term(**TERM.__dict__)) is term_openings(TERM)  # an equal term: from the cache


def test_a_reason_is_a_term_link_or_escaped_text():
    assert reason(Feature("t:示例<词>", "示例<词>", TERM)) == Markup('<a href="{}">{}</a>').format(
        term_url(TERM), md("示例<词>"))
    assert reason(Feature("k:关键*词", "关键*词")) == md("关键*词")


# -- the lede (description and teaser) -----------------------------------------------------

def test_the_lede_of_a_continued_article_is_its_first_sentence_begun_on_this_page(seed):
    ledes = {a.slug: lede(a, a.slug in seed.links.mid_sentence) for a in seed.articles}
    # (上接A01版) then three clause paragraphs, the last ending with ……, then a whole sentence
    assert ledes["wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li"] == (
        "习近平总书记关于科技创新的重要论述坚持解放思想、实事求是、与时俱进，"
        "具有鲜明的创新性、人民性与开放性理论品格。")
    # the tail of the sentence from A01 fills the first paragraph: the lede is the next one's first
    assert ledes["yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang"] == (
        "针对香港多元化金融市场建设，潘功胜表示，香港金融市场长期以股票市场为核心，"
        "债券、黄金、大宗商品、衍生品等细分市场发展空间充足。")


@pytest.mark.parametrize(
    ("page", "expected"),
    [  # test fixtures, not news
        ("# 示例标题\n\n测试市今天举办示例活动。第二句。\n", "测试市今天举办示例活动。"),
        # an end inside quotation marks is not the sentence's
        ("# 示例标题\n\n他说：“活动很好。大家都来。”会议随后结束。\n", "他说：“活动很好。大家都来。”会议随后结束。"),
        # shorter than 8 characters: the sentence goes on
        ("# 示例标题\n\n是的。测试市今天举办示例活动。\n", "是的。测试市今天举办示例活动。"),
        # no end: the paragraph, cut at 120 characters
        ("# 示例标题\n\n" + "测" * 130 + "\n", "测" * 120),
    ],
)
def test_the_lede_is_the_first_whole_sentence(process_text, page, expected):
    (article,) = process_text(page).page.articles
    assert lede(article) == expected


@pytest.mark.parametrize(
    ("page", "mid_sentence", "expected"),
    [  # test fixtures, not news
        # begun elsewhere: the tail ends mid-paragraph, the lede is the rest's first sentence
        ("(上接A01版)前文的后半句。测试市今天举办示例活动。第二句。", True, "测试市今天举办示例活动。"),
        # the same text when the earlier part ended its sentence: its first sentence
        ("(上接A01版)前文的后半句。测试市今天举办示例活动。第二句。", False, "前文的后半句。测试市今天举办示例活动。"),
        # begun elsewhere, and no sentence ends here: the first paragraph
        ("(上接A01版)前文的后半句；", True, "前文的后半句；"),
        # the tail ends with a quotation that ends its sentence: the next paragraph's first
        ("(上接A01版)他说：“前文的后半句。”\n\n测试市今天举办示例活动。第二句。", True, "测试市今天举办示例活动。"),
    ],
)
def test_the_lede_of_a_text_begun_elsewhere(process_text, page, mid_sentence, expected):
    (article,) = process_text(f"# 示例标题\n\n{page}\n").page.articles
    assert lede(article, mid_sentence) == expected
