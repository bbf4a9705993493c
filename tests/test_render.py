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

from generator import escape
from generator.browse_pages import reason
from generator.escape import attr, md, md_text
from generator.glossary import Term
from generator.glossary_pages import term_url, tooltip
from generator.link import Feature
from generator.pages import term_openings
from generator.render import Span, _finalize, environment, marked

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
