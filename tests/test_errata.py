"""Editorial errata: loaded from errata.yml, located in the source, shown to readers."""
from __future__ import annotations

import re

import pytest
from conftest import SEED_CONTENT, SEED_NAME

from generator.errors import ContentError
from generator.ingest.errata import load_errata
from generator.model import Erratum
from generator.pipeline import process
from generator.site.pages import erratum_text, render_digest

FIRST = "articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"
THIRD = "articles/untitled-guo-yang-hang-lian-xu-20-ge.md"

# test fixture, not news
PAGE = "# 示例报测试标题\n本报记者 王五\n测试市今天举办示例活动，共有一百人参加。\n活动持续两天。\n"


WAIC = "articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.md"


def test_seed_errata_are_loaded_with_their_yaml_lines():
    errata = load_errata(SEED_CONTENT)
    assert [(e.line, e.kind, yaml_line) for e, yaml_line in errata] == [
        (29, "text", 14), (85, "text", 20), (87, "text", 26), (115, "text", 32), (115, "text", 38),
        (119, "text", 44), (201, "text", 50), (203, "text", 56), (205, "text", 62), (211, "text", 68),
        (209, "move", 74)]
    assert errata[4][0] == Erratum(SEED_NAME, 115, "新的赛场场", "新的赛场", "“场”字重复，系排印错误。")
    assert errata[10][0] == Erratum(SEED_NAME, 209, "", None,
                                    "本段在原版面中错置于上一篇之后、本篇之前；它上接本篇末段“同时，黄金是全球”，"
                                    "文意相连，故移至此处。", "move", 215)


def test_seed_errata_are_located(seed_result):
    assert [(loc.erratum.line, loc.start, loc.end) for loc in seed_result.errata] == [
        (29, 15, 47), (85, 53, 71), (87, 14, 29), (115, 61, 64), (115, 77, 82), (119, 16, 22), (201, 12, 25),
        (203, 7, 17), (205, 226, 231), (211, 3, 17), (209, 0, 50)]
    lines = {ln.number: ln.text for ln in seed_result.page.source.lines}
    for loc in seed_result.errata[:10]:
        assert lines[loc.erratum.line][loc.start:loc.end] == loc.erratum.original
    assert seed_result.errata[10].end == len(lines[209])  # a move covers its whole line


@pytest.mark.parametrize("number,marked,note", [
    (1, "“强大的基础研究和原始创新能力”“强大的基础研究和原始创新能力”",
     "编者注：原文作“‘强大的基础研究和原始创新能力’‘强大的基础研究和原始创新能力’”，"
     "应为“‘强大的基础研究和原始创新能力’‘强大的关键核心技术攻关能力’”。"
     "此处列举“五个强大”，同一项误重复一次，漏列“强大的关键核心技术攻关能力”；据2024年6月24日全国科技大会讲话原文补正。"),
    (2, "推动科技成果转化加快转化为现实生产力",
     "编者注：原文作“推动科技成果转化加快转化为现实生产力”，正确文字不详，未作改动。"
     "“转化”一词重复，句子不通；引语原文未能核实，故未改。"),
    (3, "“最后一公里”与“最后一公里”",
     "编者注：原文作“‘最后一公里’与‘最后一公里’”，正确文字不详，未作改动。"
     "“与”字前后是同一个词，原文似有误植；应为何词无从确定，故未改。"),
    (4, "使成为", "编者注：原文作“使成为”，正确文字不详，未作改动。"
     "“使”后缺少宾语，原文不通；引语原文未能核实，所缺文字无从确定，故未补。"),
    (5, "新的赛场场", "编者注：原文作“新的赛场场”，应为“新的赛场”。“场”字重复，系排印错误。"),
    (6, "决定着个国家", "编者注：原文作“决定着个国家”，应为“决定着一个国家”。“决定着”与“个国家”之间脱一“一”字。"),
])
def test_seed_text_errata_are_shown_in_article_1(seed_files, number, marked, note):
    page = seed_files[FIRST]
    assert f'<span class="bz-erratum" id="e{number}">{marked}</span>[^e{number}]' in page
    assert f"\n[^e{number}]: {note}\n" in page


@pytest.mark.parametrize("number,marked,note", [
    (1, "《“人工智能&#43;”行动方案》",
     "编者注：原文作“《‘人工智能&#43;’行动方案》”，应为“《关于深入实施‘人工智能&#43;’行动的意见》”。"
     "国务院2025年8月印发的文件题为《关于深入实施“人工智能&#43;”行动的意见》（国发〔2025〕11号）。"),
    (2, "创新和高新技术发展司",
     "编者注：原文作“创新和高新技术发展司”，应为“创新和高技术发展司”。国家发展改革委内设司局的名称是“创新和高技术发展司”。"),
    (3, "蓬勃发展的", "编者注：原文作“蓬勃发展的”，正确文字不详，未作改动。"
     "句末“的”字后似缺一词（与前两句“作用”“深化”并列），原文不通；所缺文字无从确定，故未补。"),
])
def test_seed_errata_on_the_waic_article(seed_files, number, marked, note):
    page = seed_files[WAIC]
    assert f'<span class="bz-erratum" id="e{number}">{marked}</span>[^e{number}]' in page
    assert f"\n[^e{number}]: {note}\n" in page


def test_seed_damaged_heading_erratum_is_shown_in_article_3(seed_files):
    page = seed_files[THIRD]
    assert '<span class="bz-erratum" id="e1">国央行连续20个月增持黄金。</span>[^e1]' in page
    assert ("\n[^e1]: 编者注：原文作“国央行连续20个月增持黄金。”，正确文字不详，未作改动。"
            "此行在原版面中为标题格式，却以句号结尾，开头似缺一字，像是正文中的一句；本篇因此没有可用的标题。\n") in page


def test_seed_move_erratum_is_marked_where_the_line_now_starts(seed_files):
    page = seed_files[THIRD]
    assert "同时，黄金是全球[^e2]广泛接受的最终支付手段" in page
    assert ("\n[^e2]: 编者注：本段在原版面中错置于上一篇之后、本篇之前；它上接本篇末段“同时，黄金是全球”，"
            "文意相连，故移至此处。\n") in page


def test_seed_marks(seed_files):
    marks = {path: text.count('class="bz-erratum"') for path, text in seed_files.items()}
    assert (marks[FIRST], marks[WAIC], marks[THIRD]) == (6, 3, 1)
    assert sum(marks.values()) == 10


def test_every_note_is_clean_prose(seed_files):
    """No heading markup, raw line numbers, doubled quotation marks or empty marks."""
    notes = [line for text in seed_files.values() for line in text.splitlines() if line.startswith("[^e")]
    assert len(notes) == 11
    for note in notes:
        assert not re.search(r"##|&#35;|第\d+行|““|””|:\s*$", note), note
    for text in seed_files.values():
        assert not re.search(r'<span class="bz-erratum" id="e\d+"></span>', text)


@pytest.mark.parametrize("erratum, note", [
    (Erratum("x.txt", 1, "## 标题。", None, "理由。"), "编者注：原文作“标题。”，正确文字不详，未作改动。理由。"),
    (Erratum("x.txt", 1, "“甲”与“甲”", "“甲”与“乙”", "理由。"),
     "编者注：原文作“‘甲’与‘甲’”，应为“‘甲’与‘乙’”。理由。"),
    (Erratum("x.txt", 9, "", None, "移回原处。", "move", 3), "编者注：移回原处。"),
])
def test_erratum_text(erratum, note):
    assert erratum_text(erratum) == note


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
