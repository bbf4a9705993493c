"""The glossary and the annotator (issue 3): readings, validation, matching, pages."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from conftest import markdown_html

from generator.annotate.glossary import load_glossary
from generator.annotate.suggest import glossary_warnings, suggest
from generator.annotate.terms import Matcher
from generator.errors import ContentError
from generator.model import Glossary, Term

ROOT = Path(__file__).resolve().parents[1]
WAIC = "articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.md"
FIRST = "articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"


def glossary_file(tmp_path: Path, text: str) -> Path:
    (tmp_path / "glossary.yml").write_text(text, encoding="utf-8")
    return tmp_path


def entry(term: str, category: str = "slogan", **more: str) -> str:
    lines = [f"- term: {term}", f"  category: {category}", "  gloss: test gloss",
             "  definition: 测试用的示例词条。第二句。", "  source: 测试用例（非新闻），2026"]
    lines += [f"  {key}: {value}" for key, value in more.items()]
    return "\n".join(lines) + "\n"


def matcher(*forms: tuple[str, tuple[str, ...]]) -> Matcher:
    terms = tuple(Term(term, "slogan", "g", "d。", "p", aliases) for term, aliases in forms)
    return Matcher(Glossary(terms))


# -- the curated glossary ------------------------------------------------------

def test_the_seed_glossary_is_valid_and_large_enough():
    glossary = load_glossary(ROOT / "content")
    assert len(glossary.terms) >= 60
    required = {"新质生产力", "五个强大", "揭榜挂帅", "新三样", "南向通", "P", "人工智能+", "十五五", "信创",
                "习近平", "潘功胜", "国家发展改革委", "中国人民银行", "世界知识产权组织", "ITER", "SKA"}
    assert required <= {t.term for t in glossary.terms}
    assert all(t.definition.endswith("。") and t.gloss for t in glossary.terms)


@pytest.mark.parametrize("term, reading", [
    ("新质生产力", "xīnzhì shēngchǎnlì"),
    ("离岸人民币", "lí'àn rénmínbì"),  # an apostrophe before a syllable starting with a vowel
    ("习近平", "Xí Jìnpíng"),  # a person: surname apart, capitalised
    ("长三角", "Cháng Sānjiǎo"),  # the entry's override: pypinyin alone reads zhǎng
    ("专精特新", "zhuānjīng tèxīn"),
])
def test_readings_have_tone_marks_and_join_words(term, reading):
    by_term = {t.term: t for t in load_glossary(ROOT / "content").terms}
    assert by_term[term].pinyin == reading


def test_an_override_wins_over_the_generated_reading(tmp_path):
    folder = glossary_file(tmp_path, entry("长三角", "place") + entry("三角", "place"))
    terms = {t.term: t.pinyin for t in load_glossary(folder).terms}
    assert terms == {"长三角": "Zhǎngsānjiǎo", "三角": "Sānjiǎo"}  # what pypinyin gets wrong without one
    folder = glossary_file(tmp_path, entry("长三角", "place", pinyin="Cháng Sānjiǎo"))
    assert load_glossary(folder).terms[0].pinyin == "Cháng Sānjiǎo"


def test_index_sorted_by_pinyin_with_initials():
    terms = load_glossary(ROOT / "content").terms
    first = [t.term for t in terms[:3]]
    assert first == ["八个坚持", "北京亦庄", "财政部"]
    assert [t.initial for t in terms[:3]] == ["B", "B", "C"]


# -- glossary errors -----------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    (entry("示例") + entry("示例"), r"glossary\.yml:6: term “示例” is claimed by “示例” \(line 1\) and “示例”"),
    (entry("示例甲", aliases="[示例]") + entry("示例乙", aliases="[示例]"),
     r"glossary\.yml:7: alias “示例” is claimed by “示例甲” \(line 1\) and “示例乙”"),
    ("- term: 示例\n  category: slogan\n  gloss: g\n", r"glossary\.yml:1: entry 示例: missing or empty definition"),
    (entry("例"), r"glossary\.yml:1: entry 例: “例” is one character"),
    (entry("示例", "nonsense"), r"glossary\.yml:1: entry 示例: category must be one of"),
    (entry("示例", colour="red"), r"glossary\.yml:1: entry 示例: unknown field\(s\) colour"),
    ("- term: 示例\n  category: [unclosed\n", r"glossary\.yml:3: not valid YAML"),
    ("term: 示例\n", r"glossary\.yml:1: the glossary must be a list of entries"),
])
def test_glossary_errors_name_file_and_line(tmp_path, text, message):
    with pytest.raises(ContentError, match=message):
        load_glossary(glossary_file(tmp_path, text))


def test_an_entry_that_never_occurs_is_a_warning(seed):
    warnings = glossary_warnings(seed)
    assert [w.split(": warning: ")[1] for w in warnings] == [
        "“创新和高技术发展司” never occurs in the articles", "“信创” never occurs in the articles"]


def test_suggestions_are_words_the_glossary_lacks(seed):
    found = suggest(seed, seed.glossary, 20)
    forms = {f for t in seed.glossary.terms for f in t.forms}
    assert len(found) == 20
    assert not any(c.word in f for c in found for f in forms)
    assert all(c.places and c.places[0].startswith("000_371fdb277fab058e.txt:") for c in found)


# -- matching ------------------------------------------------------------------

def test_longest_match_first():
    m = matcher(("五个强大", ()), ("强大", ()))
    assert [(s, e, form) for s, e, _, form in m.find("“五个强大”，强大的")] == [(1, 5, "五个强大"), (7, 9, "强大")]


def test_a_long_alias_is_one_match():
    m = matcher(("四链", ("创新链产业链资金链人才链",)), ("产业链", ()))
    [(start, end, term, form)] = m.find("推进创新链产业链资金链人才链深度融合")
    assert (start, end, term.term, form) == (2, 14, "四链", "创新链产业链资金链人才链")


def test_a_latin_form_matches_only_as_a_whole_word():
    m = matcher(("P", ()), ("OPC", ()))
    assert [form for *_, form in m.find("为OPC等提供支撑，算力16万P（1P约等于）")] == ["OPC", "P", "P"]
    assert m.find("APP与PPT") == []


def test_aliases_resolve_to_their_entry(seed):
    uses = seed.annotations.by_term()
    assert [o.form for o in uses["四链"]] == ["创新链产业链资金链人才链", "四链", "创新链产业链资金链人才链",
                                             "创新链产业链资金链人才链"]
    assert sorted({o.form for o in uses["中国人民银行"]}) == ["人民银行"]
    assert [o.form for o in uses["央行"]] == ["央行"] * 4  # its own entry: 欧洲央行 is not the PBoC


def test_occurrences_annotated_on_the_seed(seed):
    assert sum(len(found) for found in seed.annotations.occurrences.values()) == 223  # in paragraphs
    assert sum(len(found) for found in seed.annotations.uses.values()) == 229  # everywhere a reader sees them


def test_pythons_abbr_does_not_work_inside_chinese_text():
    """Why Baozhai has its own matcher: abbr needs word boundaries Chinese lacks."""
    chinese = markdown.markdown("发展新质生产力的要求\n\n*[新质生产力]: gloss", extensions=["abbr"])
    english = markdown.markdown("the HTML spec\n\n*[HTML]: gloss", extensions=["abbr"])
    assert "<abbr" not in chinese
    assert '<abbr title="gloss">HTML</abbr>' in english


# -- in the page ---------------------------------------------------------------

def html_of(markdown_text: str) -> str:
    body = markdown_text.split("\n---\n", 1)[1]
    return markdown_html(body)


def test_terms_are_links_with_tooltips_never_nested_and_not_in_headings(seed_files):
    page = html_of(seed_files[FIRST])
    assert ('<a class="bz-term" href="../glossary/xinzhi-shengchanli.html" '
            'title="xīnzhì shēngchǎnlì｜new quality productive forces｜习近平于2023年9月在黑龙江考察时首次提出的概念。" '
            'data-pinyin="xīnzhì shēngchǎnlì">新质生产力</a>') in page
    assert not re.search(r"<a\b(?:(?!</a>).)*<a\b", page, re.S)  # no link inside a link
    for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S):
        assert "bz-term" not in heading
    erratum = re.search(r'<span class="bz-erratum" id="e1">(.*?)</span>', page, re.S).group(1)
    assert "<a" not in erratum  # no term inside an editor's mark


def test_terms_and_numbers_sections_on_the_seed(seed_files):
    page = seed_files[WAIC]
    assert "## 本文术语 { #terms data-search-exclude }" in page
    assert "## 关键数字 { #numbers data-search-exclude }" in page
    numbers = re.findall(r'<a href="#p\d+">([^<]+)</a>', page.split("## 关键数字")[1])
    assert [n.replace("&#46;", ".").replace("&#37;", "%") for n in numbers] == [
        "10万平方米", "1100余家", "3000余项", "300余款", "200家", "394家", "6370亿元", "39.5%", "169款", "16万P",
        "1P", "1000万亿次", "14所", "19所", "30万人", "15万个", "30%", "30余个", "1000余个", "80%", "2项",
        "20多个", "8个"]
    assert ('<tr><td><a href="#p1">10万平方米</a><br><a href="#p1">1100余家</a><br><a href="#p1">3000余项</a>'
            '<br><a href="#p1">300余款</a></td><td>7月7日，上海市人民政府举行') in page
    assert ('<tr><td><a href="#p2">394家</a><br><a href="#p2">6370亿元</a><br><a href="#p2">39&#46;5&#37;</a></td>'
            '<td>2025年，上海394家规上人工智能企业产业规模超6370亿元') in page


def test_the_term_page_lists_every_use_with_links_to_paragraphs(seed_files):
    term = html_of(seed_files["glossary/xinzhi-shengchanli.md"])
    links = re.findall(r'<a class="bz-use-link" href="([^"]+)">', term)
    assert links == ["../articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html#p14",
                     "../articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html#p23",
                     "../articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html#p27"]
    assert "发展<mark>新质生产力</mark>，对科技创新和产业创新融合提出了更为迫切的需求。" in term
    article = html_of(seed_files[FIRST])
    for anchor in ("p14", "p23", "p27"):
        assert f'<p id="{anchor}">' in article


def test_the_glossary_index_has_a_jump_bar_and_categories(seed_files):
    index = seed_files["glossary/index.md"]
    assert '<a href="#letter-B">B</a>' in index
    assert "## B { #letter-B }" in index
    assert "### 人物 { #category-person }" in index
