"""Structure of page shapes the corpus does not have: an OCR'd page, a bulletin of short
items, a Q&A, a round-up with ####-marked paragraphs, wire stories run together, a
page set in columns, a flattened table, a Latin word split by a wrap.

Every page below is a test fixture, not news: made-up places and papers (测试市, 示例报)
and no real names or quotes.
"""
from __future__ import annotations

from generator.ingest.preserve import check_accounting


def body(article):
    return [(b.kind, b.text.text) for b in article.blocks]


def doubts(result):
    return [(d.line, d.kind) for d in result.page.decisions if d.doubtful]


def test_ocr_page_with_header_hard_wraps_and_page_number(process_text):
    result = process_text(
        "示例报　2026年7月8日　星期三\n"
        "测试市新建示例公园\n"
        "本报记者　张测\n"
        "测试市今天宣布,示例公园将于下月向市民开放,公园占地\n"
        "约一百亩,设有儿童游乐区和健身步道,市民可以免费入园\n"
        "参观游览。\n"
        "公园管理处负责人介绍,公园内种植了三十多种树木,并设\n"
        "有自行车停放点和饮水点,方便市民在园内休息和锻炼身体\n"
        "和散步。\n"
        "- 3 -\n")
    [article] = result.page.articles
    assert article.title == "测试市新建示例公园"
    assert [b.text for b in article.bylines] == ["本报记者　张测"]
    assert body(article) == [
        ("para", "测试市今天宣布，示例公园将于下月向市民开放，公园占地约一百亩，设有儿童游乐区和健身步道，"
                 "市民可以免费入园参观游览。"),
        ("para", "公园管理处负责人介绍，公园内种植了三十多种树木，并设有自行车停放点和饮水点，方便市民在园内"
                 "休息和锻炼身体和散步。")]
    assert [f.text.text for f in result.page.furniture] == ["示例报　2026年7月8日　星期三", "- 3 -"]
    assert [d.kind for d in result.page.decisions if d.kind == "wrap"] == ["wrap", "wrap"]
    assert check_accounting(result.page, result.repairs) == []


def test_bulletin_of_short_items_is_one_article(process_text):
    result = process_text("测试快讯\n\n"
                          "1. 测试市示例公园下月开放。\n"
                          "2. 示例报举办读者开放日活动。\n"
                          "3. 测试市新增两条公交线路。\n")
    [article] = result.page.articles
    assert article.title == "测试快讯"
    assert [(b.kind, [c.text for c in b.cells]) for b in article.blocks] == [
        ("list", ["1. 测试市示例公园下月开放。", "2. 示例报举办读者开放日活动。", "3. 测试市新增两条公交线路。"])]


def test_question_and_answer_turns_are_paragraphs_not_subheads(process_text):
    result = process_text("测试市示例公园答问\n\n"
                           "问：示例公园什么时候开放？\n"
                           "答：下月一日起开放，市民可以免费入园。\n"
                           "问：公园里有哪些设施？\n"
                           "答：有儿童游乐区、健身步道和饮水点。\n")
    [article] = result.page.articles
    assert article.title == "测试市示例公园答问"
    assert [k for k, _ in body(article)] == ["para"] * 4
    assert body(article)[0] == ("para", "问：示例公园什么时候开放？")


def test_round_up_with_marked_paragraphs(process_text):
    result = process_text("# 测试市一周要闻\n\n"
                          "#### 示例公园开放\n\n"
                          "测试市示例公园本周开放，市民可免费入园。\n\n"
                          "#### 测试市新增两条公交线路，方便市民出行。\n\n"
                          "#### 读者开放日\n")
    [article] = result.page.articles
    assert body(article) == [("heading", "示例公园开放"), ("para", "测试市示例公园本周开放，市民可免费入园。"),
                             ("para", "测试市新增两条公交线路，方便市民出行。"), ("heading", "读者开放日")]
    assert check_accounting(result.page, result.repairs) == []


def test_kicker_alone_at_the_end_does_not_stop_the_build(process_text):
    result = process_text("# 示例报测试标题\n测试市今天举办示例活动。\n## 示例引题\n")
    [article] = result.page.articles
    assert body(article)[-1] == ("heading", "示例引题")


def test_wire_stories_run_together_split_at_each_dateline(process_text):
    result = process_text("（示例社記者測試員測試市8日電）測試市今天舉辦示例活動，共有一百人參加。\n"
                          "活動持續兩天。\n"
                          "（示例社記者測試員測試市8日電）示例公園下月開放，市民可免費入園。\n")
    first, second = result.page.articles  # a Traditional page is read in Simplified (generator.ingest.layers)
    assert (first.dateline.text, second.dateline.text) == ("（示例社记者测试员测试市8日电）",) * 2
    assert body(second) == [("para", "示例公园下月开放，市民可免费入园。")]
    assert doubts(result) == [(3, "story"), (1, "script")]  # no Taiwan or Hong Kong word: region tw, a guess


def test_headline_ending_in_a_question_mark_or_holding_a_comma(process_text):
    result = process_text("测试市如何建好示例公园？\n\n测试市今天举办示例活动，共有一百人参加。\n\n\n"
                          "示例公园开放，市民免费入园\n\n活动持续两天，内容包括讲座和展览。\n")
    assert [a.title for a in result.page.articles] == ["测试市如何建好示例公园？", "示例公园开放，市民免费入园"]


def test_headline_over_two_lines_on_a_page_set_in_columns(process_text):
    wrapped = ["　　测试市今天举办示例活动，共有一百人参加，活动持续两", "天，内容包括讲座和展览，市民可以免费参加各项活动，",
               "主办方还为参加活动的市民准备了纪念品。",
               "　　示例公园下月开放，公园占地约一百亩，设有儿童游乐区", "和健身步道，市民可以免费入园参观游览和锻炼身体，园内",
               "还设有饮水点。"]
    result = process_text("\n".join(["示例活动在测试市举办", "百人参加"] + wrapped[:3] +
                                    ["示例公园下月开放", "本报记者　张测"] + wrapped[3:]) + "\n")
    first, second = result.page.articles
    assert (first.title, second.title) == ("示例活动在测试市举办百人参加", "示例公园下月开放")
    assert [len(a.paragraphs) for a in (first, second)] == [1, 1]


def test_latin_word_split_by_a_wrap_is_flagged(process_text):
    lines = ["　　测试市示例公司今天发布新款测试手机，型号为示例Pro", "Max，售价与上一代相同，下月起在测试市各门店销售，",
             "价格不变。",
             "　　示例公司负责人介绍，新款手机的电池容量比上一代增", "加了两成，屏幕也更大，测试市的门店已经开始接受预订，",
             "下月发货。"]
    result = process_text("示例公司发布新款手机\n" + "\n".join(lines) + "\n")
    assert (3, "wrap-latin") in doubts(result)


def test_ascii_quote_after_a_full_stop_ends_the_paragraph(process_text):
    result = process_text("# 示例报测试标题\n\n他说：\"测试市今天举办示例活动。\"\n\n活动持续两天，内容包括讲座和展览。\n")
    [article] = result.page.articles
    assert len(article.paragraphs) == 2 and result.repairs.joins == []


def test_check_reports_articles_furniture_and_doubts(process_text, tmp_path, capsys):
    from generator.cli import main
    from conftest import write_content
    write_content(tmp_path, {"sources/x.txt": "示例报　2026年7月8日　星期三\n测试市新建示例公园\n本报记者　张测\n"
                                              "测试市今天宣布，示例公园将于下月向市民开放。\n## 示例引题\n"},
                  mkdocs=True)
    assert main(["--root", str(tmp_path), "check"]) == 0
    out = capsys.readouterr().out.split("\n")
    for line in ["  article 1: 测试市新建示例公园 [1 paragraphs, 1 subheads] → ce-shi-shi-xin-jian-shi-li-gong-yuan",
                 "    x.txt:5: warning: no-body: subhead “示例引题” has no text after it: kept at the end of the article",
                 "    byline: 本报记者　张测 (x.txt:3)", "    date/outlet: 2026-07-08 示例报",
                 "  furniture: 1 line(s)"]:
        assert line in out
