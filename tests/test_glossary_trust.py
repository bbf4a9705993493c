"""A glossary a reader can trust (issue 19): corrected, sourced, dated, page-independent,
read right, and true on every page. Hand-made glossaries here are test fixtures, not news."""
from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.annotate.glossary import PAGE_BOUND, load_glossary, reading_of, stock_tokenizer
from generator.annotate.glossary_check import (aliases_without_reading, glossary_report, near_misses,
                                               stale_entries, uncounted_uses)
from generator.annotate.readings import reading_differences
from generator.commands.check import failed
from generator.errors import ContentError
from generator.model import Annotations, Digest
from generator.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_371fdb277fab058e.txt"
TODAY = date(2026, 12, 2)
# test fixture, not news
PAGE = "# 示例报测试标题\n本报记者 王五\n测试市的示例研究院今天开放。\n示例研究院位于测试市。\n"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "content")


@pytest.fixture(scope="module")
def by_term(glossary):
    return {t.term: t for t in glossary.terms}


def entry(term: str, category: str = "institution", **more) -> str:
    lines = [f"- term: {term}", f"  category: {category}", "  gloss: test gloss", "  definition: 测试用的示例词条。"]
    lines += [f"  {key}: {value}" for key, value in more.items()]
    return "\n".join(lines) + "\n"


def digest_of(make_content, tmp_path, glossary_text: str, page: str = PAGE) -> Digest:
    return process(make_content(tmp_path, {"sources/x.txt": page, "glossary.yml": glossary_text}))


# -- the facts the outside check found wrong --------------------------------------

def test_brics_began_with_four(by_term):
    text = by_term["金砖国家"].definition
    assert "巴西、俄罗斯、印度、中国于2006年启动" in text and "南非于2010年加入" in text
    assert "最初由巴西、俄罗斯、印度、中国和南非组成" not in text
    assert by_term["金砖国家"].as_of == "2025-01"


def test_the_ndrc_department_name(by_term, glossary):
    forms = {f for t in glossary.terms for f in t.forms}
    assert "创新和高技术发展司" in forms and "创新和高新技术发展司" not in forms
    assert "创新和高技术发展司" in by_term["王若蒙"].definition


def test_one_person_company_and_the_2023_company_law(by_term):
    notes = by_term["一人公司"].notes
    assert "2023年修订的《公司法》" in notes and "删除了原“一人有限责任公司的特别规定”一节" in notes
    assert "并非法律概念" in notes


def test_eight_persistences_listed_in_full(by_term):
    text = by_term["八个坚持"].definition
    assert len(re.findall("坚持", text)) == 8 + 0 and "全文见" not in text


def test_faster_payment_system_is_not_the_2025_link(by_term):
    term = by_term["快速支付系统"]
    assert "转数快" in term.definition and "内地" not in term.definition
    [note] = term.page_notes
    assert (note.source, note.line) == (SEED, 229) and "跨境支付通" in note.note and "IBPS" in note.note


def test_rmb_business_facility_is_current(by_term):
    term = by_term["人民币业务资金安排"]
    assert "2026年2月2日起总额度由1000亿元增至2000亿元" in term.definition
    assert term.as_of == "2026-02" and "2026-01-26" in term.source


def test_an_analyst_no_source_names_was_cut(by_term):
    assert "王青" not in by_term


# -- sourced and dated ------------------------------------------------------------

def test_every_entry_has_a_source_with_a_date(glossary):
    assert all(re.search(r"(19|20)\d\d", t.source) for t in glossary.terms)


def how_checked(notes: str) -> dict[str, str]:
    """The "Every entry" table of notes/glossary-sources.md: term → how-checked kind (S, A, N …)."""
    table = notes[notes.index("## Every entry"):]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| ") and " | " in line]
    kinds: dict[str, str] = {}
    for cells in rows[1:]:
        term, how = cells[0][2:], cells[-1]
        assert term not in kinds, f"{term} listed twice"
        kinds[term] = how.split(" ")[0]
    return kinds


def test_every_entry_was_read_against_a_source(glossary):
    """No entry rests on a document nobody read here (kind N): each is S (a stored copy
    was compared) or A (the articles), and the table lists exactly the glossary's entries."""
    notes = (ROOT / "notes" / "glossary-sources.md").read_text(encoding="utf-8")
    kinds = how_checked(notes)
    assert sorted(kinds) == sorted(t.term for t in glossary.terms)
    assert {term: kind for term, kind in kinds.items() if kind not in ("S", "A")} == {}
    counts = f"Counts: S {list(kinds.values()).count('S')}, A {list(kinds.values()).count('A')}, N 0"
    assert counts in notes


def test_an_unread_entry_is_found_in_the_table():
    notes = ("## Every entry\n\n| term | source | as_of | how checked |\n|---|---|---|---|\n"
             "| 示例 | 测试，2026 |  | N — named document; not seen |\n| 样例 | 测试，2026 |  | S — stored copy |\n")
    assert how_checked(notes) == {"示例": "N", "样例": "S"}


def test_office_holders_and_members_are_dated(by_term):
    for name in ("习近平", "潘功胜", "陈杰", "王若蒙", "金砖国家", "全球创新指数", "人民币业务资金安排"):
        assert by_term[name].as_of, name


def test_check_fails_on_an_entry_without_source(make_content, tmp_path):
    digest = digest_of(make_content, tmp_path, entry("示例研究院"))
    report = glossary_report(digest, TODAY, None)
    assert report[0].endswith("1 without source, 0 alias(es) without a reading of their own, "
                              "0 term(s) with uses uncounted, 0 as_of older than 2 years")
    assert report[1].endswith("glossary.yml:1: error: “示例研究院” has no source")
    assert failed(report)


def test_a_source_must_name_a_date(tmp_path):
    (tmp_path / "glossary.yml").write_text(entry("示例研究院", source="某网站"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"glossary\.yml:1: entry 示例研究院: source must name a date"):
        load_glossary(tmp_path)


@pytest.mark.parametrize("as_of, today, stale", [
    ("2024-12", date(2026, 12, 31), False),  # a month holds until its end
    ("2024-11", date(2026, 12, 1), True),
    ("2024-12-01", date(2026, 12, 2), True),
    ("2025-01", date(2026, 12, 2), False),
])
def test_as_of_older_than_two_years_is_a_warning(tmp_path, as_of, today, stale):
    (tmp_path / "glossary.yml").write_text(entry("示例研究院", source="测试，2026", as_of=as_of), encoding="utf-8")
    assert bool(stale_entries(load_glossary(tmp_path), today)) is stale


def test_the_seed_as_of_dates_are_fresh(glossary):
    assert stale_entries(glossary, TODAY) == []


def test_source_and_as_of_are_on_the_term_page(seed_files):
    page = html.unescape(seed_files["glossary/jinzhuan-guojia.md"])
    assert ('<p class="bz-term-source">资料来源：Business Standard《Brazil admits Indonesia as new member of Brics》，'
            '2025-01-07；') in page
    assert "（所述情况截至2025-01）</p>" in page


# -- page-independent wording ---------------------------------------------------------

def test_no_glossary_text_speaks_of_this_page(glossary):
    for term in glossary.terms:
        texts = [term.gloss, term.definition, term.notes or ""] + [n.note for n in term.page_notes]
        assert not any(word in text for word in PAGE_BOUND for text in texts), term.term


@pytest.mark.parametrize("word", PAGE_BOUND)
def test_page_bound_words_are_refused(tmp_path, word):
    (tmp_path / "glossary.yml").write_text(entry("示例研究院", notes=f"{word}指测试市的研究院。"), encoding="utf-8")
    with pytest.raises(ContentError, match=f"entry 示例研究院: notes says “{word}”: glossary text describes"):
        load_glossary(tmp_path)


def test_a_page_note_stands_beside_its_use(make_content, tmp_path):
    notes = "\n    - source: x.txt\n      line: 3\n      note: 指测试市的研究院。"
    digest = digest_of(make_content, tmp_path, entry("示例研究院", source="测试，2026") + f"  page_notes:{notes}\n")
    found = digest.annotations.uses["shi-li-bao-ce-shi-biao-ti"]
    assert [(o.line, o.note) for o in found] == [(3, "指测试市的研究院。"), (4, None)]


def test_a_page_note_without_a_use_on_its_line_stops_the_build(make_content, tmp_path):
    notes = "\n    - source: x.txt\n      line: 2\n      note: 指测试市的研究院。"
    with pytest.raises(ContentError) as info:
        digest_of(make_content, tmp_path, entry("示例研究院") + f"  page_notes:{notes}\n")
    assert (info.value.line, info.value.message) == (6, "page note of “示例研究院”: x.txt:2 holds no use of it")


def test_the_seed_page_notes_reach_the_reader(seed_files):
    article = seed_files["articles/yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang.md"]
    assert ('title="yāngháng｜central bank｜“中央银行”的简称，可指各国的中央银行，尤常指中国人民银行。'
            '｜编者注：指中国人民银行。" data-pinyin="yāngháng">央行</a>') in article
    term = seed_files["glossary/yanghang.md"]
    assert term.count('<span class="bz-use-note">编者注：指中国人民银行。</span>') == 4


# -- readings ---------------------------------------------------------------------------

def test_each_alias_has_its_own_reading(glossary, by_term):
    assert [a for t in glossary.terms for a in aliases_without_reading(t)] == []
    assert by_term["中国人民银行"].reading("人民银行") == "Rénmín Yínháng"
    assert by_term["一人公司"].reading("OPC") == "OPC"
    assert by_term["ITER"].reading("国际热核聚变实验堆") == "Guójì Rèhé Jùbiàn Shíyànduī"
    assert by_term["国家发展改革委"].reading("发改委") == "Fāgǎiwěi"


def test_an_alias_reading_copied_from_the_headword_is_reported(tmp_path):
    (tmp_path / "glossary.yml").write_text(
        entry("示例研究院", aliases="[SRI]", pinyin="Shìlì Yánjiūyuàn", alias_pinyin="{SRI: Shìlì Yánjiūyuàn}"),
        encoding="utf-8")
    assert aliases_without_reading(load_glossary(tmp_path).terms[0]) == ["SRI"]


def test_alias_pinyin_must_name_an_alias(tmp_path):
    (tmp_path / "glossary.yml").write_text(entry("示例研究院", alias_pinyin="{示例院: Shìlìyuàn}"), encoding="utf-8")
    with pytest.raises(ContentError, match="alias_pinyin names no alias: 示例院"):
        load_glossary(tmp_path)


def test_an_alias_in_the_text_shows_its_own_reading(seed_files):
    article = seed_files["articles/yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang.md"]
    assert 'data-pinyin="Rénmín Yínháng">人民银行</a>' in article


@pytest.mark.parametrize("term, reading", [
    ("中国人民银行", "Zhōngguó Rénmín Yínháng"),  # a name: every word capitalised
    ("世界知识产权组织", "Shìjiè Zhīshi Chǎnquán Zǔzhī"),  # neutral tone: zhīshi
    ("八个坚持", "bā gè jiānchí"),  # numeral and measure word apart
    ("揭榜挂帅", "jiēbǎng-guàshuài"),  # a four-character phrase in two halves
    ("党的十八大", "Dǎng de Shíbā Dà"),  # a function word inside a name stays lower-case
])
def test_headwords_follow_gb_t_16159(by_term, term, reading):
    assert by_term[term].pinyin == reading


def test_names_are_capitalised_word_by_word_and_punctuation_is_not_read():
    tokenizer = stock_tokenizer()
    assert reading_of("国家发展和改革委员会", "institution", tokenizer) == "Guójiā Fāzhǎn hé Gǎigé Wěiyuánhuì"
    assert reading_of("“奋斗者”号", "project", tokenizer) == "Fèndòuzhě Hào"


def test_readings_are_compared_with_a_dictionary(tmp_path):
    """A stub stands in for the dictionary layer (CC-CEDICT, issue 18)."""
    (tmp_path / "glossary.yml").write_text(
        entry("知识", "slogan", pinyin="zhīshí") + entry("尊重知识", "slogan", pinyin="zūnzhòng zhīshi")
        + entry("示例研究院", pinyin="Shìlì Yánjiūyuàn") + entry("测试市", "place"), encoding="utf-8")
    glossary = load_glossary(tmp_path)
    words = {"知识": "zhi1 shi5", "尊重": "zun1 zhong4", "示例研究院": "shì lì yán jiū yuàn"}
    assert reading_differences(glossary, words.get) == [  # 尊重知识 is compared word by word; 测试市 is unknown
        f"{glossary.path}:1: reading: “知识” zhīshí — dictionary: zhī shi"]
    assert reading_differences(glossary, None) == [
        "readings: not compared with a dictionary (no dictionary layer in this generator)"]


# -- uses counted everywhere a reader sees the term ------------------------------------------

@pytest.mark.parametrize("term, places", [
    ("北京亦庄", ["caption"]), ("国家信创园", ["caption"]), ("新华社", ["credit", "dateline"]), ("央行", [
        "para", "para", "headline", "para"])])
def test_captions_datelines_and_headlines_count(seed, term, places):
    uses = seed.annotations.by_term()[term]
    assert sorted(o.place for o in uses) == sorted(places)


@pytest.mark.parametrize("slug", ["beijing-yizhuang", "guojia-xinchuangyuan", "xinhuashe"])
def test_no_term_page_claims_no_use_while_the_term_is_on_a_page(seed_files, slug):
    page = seed_files[f"glossary/{slug}.md"]
    assert "尚未出现" not in page and '<ol class="bz-concordance">' in page


def test_a_caption_use_is_labelled_in_the_concordance(seed_files):
    assert ('<li><span class="bz-use-place">〔图片说明〕</span>这是2026年2月9日在<mark>北京亦庄</mark>拍摄的国家信创园外景。 '
            '<a class="bz-use-link" href="../articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html#title">') \
        in seed_files["glossary/beijing-yizhuang.md"]


def test_uses_outside_paragraphs_are_not_links(seed_files):
    article = seed_files["articles/yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang.md"]
    assert "# 央行：支持更多优质企业到香港上市和发债 { #title }" in article


def test_the_check_finds_uses_left_uncounted(seed):
    assert uncounted_uses(seed) == []
    body_only = Annotations(seed.annotations.occurrences, seed.annotations.numbers)  # uses outside paragraphs lost
    missed = uncounted_uses(replace(seed, annotations=body_only))
    assert sorted((term, where) for term, where, _ in missed) == sorted([
        ("世界人工智能大会", f"{SEED}:179"), ("北京亦庄", f"{SEED}:7"), ("国家信创园", f"{SEED}:7"),
        ("新华社", f"{SEED}:175"), ("新华社", f"{SEED}:9"), ("央行", f"{SEED}:217")])


def test_the_seed_check_reports_nothing_to_fix(seed):
    report = glossary_report(seed, TODAY, None)
    assert report[0] == ("\nglossary: 127 entries, 229 occurrences annotated; 0 without source, "
                         "0 alias(es) without a reading of their own, 0 term(s) with uses uncounted, "
                         "0 as_of older than 2 years")
    assert not failed(report)


# -- near misses: damage the glossary can see ---------------------------------------------

def test_a_near_miss_of_a_long_form_is_a_suspect(seed):
    assert near_misses(seed) == [f"{SEED}:203: suspect: “创新和高新技术发展司” is one character away from the "
                                 "glossary's “创新和高技术发展司” (创新和高技术发展司)"]


# -- the Traditional glossary --------------------------------------------------------------

@pytest.fixture(scope="module")
def hant_glossary(seed, seed_files):
    from generator.editions.edition import converter_for
    from generator.config import load_settings
    settings = load_settings(ROOT)
    edition = next(e for e in settings.edition_list() if e.variant)
    converter = converter_for(settings, edition, seed.glossary)
    return converter, {name: converter.convert_text(text) for name, text in seed_files.items()
                       if name.startswith("glossary/")}


@pytest.mark.parametrize("mainland", ["林佔熺", "集成電路", "射電望遠鏡", "工業和資訊化部", "數字工具", "報道"])
def test_no_mainland_form_or_altered_name_in_the_traditional_glossary(hant_glossary, mainland):
    _, pages = hant_glossary
    assert [name for name, text in pages.items() if mainland in text] == []


def test_names_convert_as_plain_characters_or_take_their_traditional_form(seed, hant_glossary):
    """Person, institution and place headwords: never rewritten by Taiwan vocabulary
    (OpenCC's plain s2t is the reference) unless the entry gives its Traditional form."""
    from generator.editions.convert import Converter
    converter, _ = hant_glossary
    plain = Converter("s2t")
    for term in seed.glossary.terms:
        if term.category in ("person", "institution", "place"):
            assert converter.convert(term.term) == (term.traditional or plain.convert(term.term)), term.term
    assert converter.convert("林占熺团队") == "林占熺團隊"


def test_esa_does_not_contradict_itself_in_traditional(hant_glossary):
    _, pages = hant_glossary
    page = pages["glossary/oukongju.md"]
    assert "# 歐洲太空總署 { #title }" in page and "簡稱" not in page
