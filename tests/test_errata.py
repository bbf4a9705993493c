"""Editorial errata: loaded from errata.yml, located in the source, shown to readers."""
from __future__ import annotations

import pytest
from conftest import SEED_CONTENT, SEED_NAME

from generator.errors import ContentError
from generator.ingest.errata import load_errata
from generator.model import Erratum
from generator.pipeline import process
from generator.site.pages import render_digest

FIRST = "articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"
THIRD = "articles/untitled-guo-yang-hang-lian-xu-20-ge.md"

# test fixture, not news
PAGE = "# 示例报测试标题\n本报记者 王五\n测试市今天举办示例活动，共有一百人参加。\n活动持续两天。\n"


def test_seed_errata_are_loaded_with_their_yaml_lines():
    errata = load_errata(SEED_CONTENT)
    assert [(e.line, e.kind, yaml_line) for e, yaml_line in errata] == [
        (29, "text", 12), (87, "text", 18), (115, "text", 24), (119, "text", 30), (211, "text", 36),
        (209, "move", 42)]
    assert errata[2][0] == Erratum(SEED_NAME, 115, "新的赛场场", "新的赛场", "“场”字重复，系排印错误。")
    assert errata[5][0] == Erratum(SEED_NAME, 209, "", None,
                                   "本段在原版面中错置于上一篇之后、本篇之前；它上接本篇末段“同时，黄金是全球”，"
                                   "文意相连，故移至此处。", "move", 215)


def test_seed_errata_are_located(seed_result):
    assert [(loc.erratum.line, loc.start, loc.end) for loc in seed_result.errata] == [
        (29, 15, 47), (87, 14, 29), (115, 77, 82), (119, 16, 22), (211, 0, 17), (209, 0, 50)]
    lines = {ln.number: ln.text for ln in seed_result.page.source.lines}
    for loc in seed_result.errata[:5]:
        assert lines[loc.erratum.line][loc.start:loc.end] == loc.erratum.original
    assert seed_result.errata[5].end == len(lines[209])  # a move covers its whole line


@pytest.mark.parametrize("marked,note", [
    ("“强大的基础研究和原始创新能力”“强大的基础研究和原始创新能力”",
     "编者注：原文作““强大的基础研究和原始创新能力”“强大的基础研究和原始创新能力””，正确文字不详，未作改动。"
     "此处列举“五个强大”，但同一项连续出现两次，只列出四项不同内容；缺漏的一项本版原文无从确定，故未补。"),
    ("“最后一公里”与“最后一公里”",
     "编者注：原文作““最后一公里”与“最后一公里””，正确文字不详，未作改动。"
     "“与”字前后是同一个词，原文似有误植；应为何词本版无从确定，故未改。"),
    ("新的赛场场", "编者注：原文作“新的赛场场”，应为“新的赛场”。“场”字重复，系排印错误。"),
    ("决定着个国家", "编者注：原文作“决定着个国家”，正确文字不详，未作改动。"
     "“决定着”与“个国家”之间似脱一字，原文不通；缺字本版无从确定，故未补。"),
])
def test_seed_text_errata_are_shown_in_article_1(seed_files, marked, note):
    page = seed_files[FIRST]
    number = {"“强": 1, "“最": 2, "新的": 3, "决定": 4}[marked[:2]]
    assert f'<span class="bz-erratum" id="e{number}">{marked}</span>[^e{number}]' in page
    assert f"\n[^e{number}]: {note}\n" in page


def test_seed_damaged_heading_erratum_is_shown_in_article_3(seed_files):
    page = seed_files[THIRD]
    assert '<span class="bz-erratum" id="e1">国央行连续20个月增持黄金。</span>[^e1]' in page
    assert ("\n[^e1]: 编者注：原文作“&#35;&#35; 国央行连续20个月增持黄金。”，正确文字不详，未作改动。"
            "此行在原版面中为标题格式，却以句号结尾，开头似缺一字，像是正文中的一句；本篇因此没有可用的标题。\n") in page


def test_seed_move_erratum_is_shown_where_the_line_now_starts(seed_files):
    page = seed_files[THIRD]
    assert '<span class="bz-erratum" id="e2"></span>[^e2]广泛接受的最终支付手段' in page
    assert ("\n[^e2]: 编者注：本段在原版面中错置于上一篇之后、本篇之前；它上接本篇末段“同时，黄金是全球”，"
            "文意相连，故移至此处。（原文第209行）\n") in page


def test_seed_has_six_notes_and_no_other_marks(seed_files):
    marks = {path: text.count('class="bz-erratum"') for path, text in seed_files.items()}
    assert marks[FIRST] == 4 and marks[THIRD] == 2
    assert sum(marks.values()) == 6


def test_without_the_move_erratum_line_209_stays_in_article_2(seed_raw):
    assert seed_raw.errata == []
    assert seed_raw.page.articles[1].blocks[-1].text.lines == (209,)


# -- bad errata -------------------------------------------------------------------

def refused(make_content, tmp_path, errata, page=PAGE) -> ContentError:
    content = make_content(tmp_path, {"sources/x.txt": page, "errata.yml": errata})
    with pytest.raises(ContentError) as info:
        process(content)
    assert info.value.path == str(content / "errata.yml")
    return info.value


def entry(**fields):
    return "- " + "\n  ".join(f"{k}: {v}" for k, v in fields.items()) + "\n"


def test_erratum_whose_original_is_gone(make_content, tmp_path):
    errata = "# a comment line\n" + entry(source="x.txt", line=3, original="示例报", correction="null",
                                          reason="测试用途。")
    err = refused(make_content, tmp_path, errata)
    assert (err.line, err.message) == (2, "original text “示例报” is no longer on x.txt:3")
    assert str(err).endswith("errata.yml:2: original text “示例报” is no longer on x.txt:3")


def test_second_erratum_is_named_by_its_own_line(make_content, tmp_path):
    errata = (entry(source="x.txt", line=3, original="示例活动", correction="测试活动", reason="测试用途。")
              + entry(source="x.txt", line=4, original="三天", correction="null", reason="测试用途。"))
    err = refused(make_content, tmp_path, errata)
    assert (err.line, err.message) == (6, "original text “三天” is no longer on x.txt:4")


def test_erratum_on_a_line_the_page_does_not_have(make_content, tmp_path):
    err = refused(make_content, tmp_path, entry(source="x.txt", line=99, original="示例", reason="测试用途。"))
    assert (err.line, err.message) == (1, "x.txt has no line 99")


def test_move_erratum_after_a_line_the_page_does_not_have(make_content, tmp_path):
    err = refused(make_content, tmp_path, entry(source="x.txt", line=3, move_after=99, reason="测试用途。"))
    assert (err.line, err.message) == (1, "x.txt has no line 3")


@pytest.mark.parametrize("line,after", [(3, 3), (1, 3), (3, 1)])
def test_move_that_cannot_be_made(make_content, tmp_path, line, after):
    page = "---\ndate: 2026-01-05\n---\n" + PAGE
    err = refused(make_content, tmp_path, entry(source="x.txt", line=line, move_after=after, reason="测试用途。"),
                  page)
    assert (err.line, err.message) == (1, f"cannot move x.txt:{line} after line {after}")


def test_move_erratum_moves_a_line(make_content, tmp_path):
    content = make_content(tmp_path, {"sources/x.txt": PAGE, "errata.yml": entry(
        source="x.txt", line=3, move_after=4, reason="测试用途。")})
    [article] = process(content).pages[0].page.articles
    assert [b.text.first_line for b in article.blocks] == [4, 3]


def test_erratum_naming_an_unknown_source(make_content, tmp_path):
    err = refused(make_content, tmp_path, entry(source="y.txt", line=3, original="示例", reason="测试用途。"))
    assert (err.line, err.message) == (1, "erratum names unknown source 'y.txt'")


def test_bad_yaml_names_file_and_line(make_content, tmp_path):
    errata = entry(source="x.txt", line=3, original="示例", reason="测试用途。") + "- source: [x.txt\n"
    err = refused(make_content, tmp_path, errata)
    assert err.line == 6
    assert err.message.startswith("not valid YAML: ")


@pytest.mark.parametrize("errata,line,message", [
    (entry(source="x.txt", line=3, original="示例"), 1, "erratum field(s) missing reason"),
    (entry(source="x.txt", original="示例", reason="测试用途。"), 1, "erratum field(s) missing line"),
    (entry(line=3, original="示例", reason="测试用途。"), 1, "erratum field(s) missing source"),
    (entry(source="x.txt", line=3, reason="测试用途。"), 1, "erratum field(s) missing original"),
    (entry(source="x.txt", line=3, move_after=2), 1, "erratum field(s) missing reason"),
    (entry(source="x.txt", line=3, original="示例", reason="测试用途。", note="多余"), 1,
     "erratum field(s) unknown note"),
    (entry(source="x.txt", line="三", original="示例", reason="测试用途。"), 1,
     "erratum line numbers must be integers"),
    (entry(source="x.txt", line=3, original="示例", reason="''"), 1,
     "erratum field reason must be non-empty text"),
    (entry(source="x.txt", line=3, original="示例", correction="[示例]", reason="测试用途。"), 1,
     "erratum correction must be text or null"),
    ("source: x.txt\n", 1, "errata must be a list of entries"),
    ("- 示例\n", 1, "an erratum must be a mapping"),
])
def test_malformed_entries(make_content, tmp_path, errata, line, message):
    err = refused(make_content, tmp_path, errata)
    assert (err.line, err.message) == (line, message)


def test_empty_errata_file_is_no_errata(make_content, tmp_path):
    content = make_content(tmp_path, {"sources/x.txt": PAGE, "errata.yml": "# nothing yet\n"})
    assert process(content).pages[0].errata == []


# -- a hand-made erratum ---------------------------------------------------------

def test_hand_made_erratum_with_correction_is_shown(make_content, tmp_path):
    content = make_content(tmp_path, {"sources/x.txt": PAGE, "errata.yml": entry(
        source="x.txt", line=4, original="两天", correction="三天", reason="测试用途的更正。")})
    files = render_digest(process(content), "报摘")
    page = files["articles/shi-li-bao-ce-shi-biao-ti.md"]
    assert '活动持续<span class="bz-erratum" id="e1">两天</span>[^e1]。' in page
    assert "\n[^e1]: 编者注：原文作“两天”，应为“三天”。测试用途的更正。\n" in page


def test_erratum_on_a_byline_is_shown(make_content, tmp_path):
    content = make_content(tmp_path, {"sources/x.txt": PAGE, "errata.yml": entry(
        source="x.txt", line=2, original="王五", correction="null", reason="测试用途。")})
    files = render_digest(process(content), "报摘")
    assert '!!! note "编者注"\n\n    - 编者注：原文作“王五”，正确文字不详，未作改动。测试用途。\n' \
        in files["articles/shi-li-bao-ce-shi-biao-ti.md"]
