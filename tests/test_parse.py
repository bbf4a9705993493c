"""Ingest, parse: splitting a page into articles, and what becomes metadata."""
from __future__ import annotations

import pytest
from conftest import SEED_NAME

from generator.errors import SourceError
from generator.ingest.classify import Kind, kind_of
from generator.ingest.preserve import check_accounting
from generator.model import PageMeta
from generator.site.pages import source_label


def texts(items):
    return [t.text for t in items]


def body(article):
    return [(b.kind, b.text.text) for b in article.blocks]


def all_body_text(article):
    return "".join(b.text.text for b in article.blocks)


# -- the seed ----------------------------------------------------------------

def test_seed_has_exactly_four_articles_with_these_titles(seed_result):
    articles = seed_result.page.articles
    assert [a.title for a in articles] == [
        "为民族复兴积聚磅礴伟力",
        "2026世界人工智能大会释放AI发展新信号",
        "无标题稿件（始于“国央行连续20个月增持黄…”）",
        "央行：支持更多优质企业到香港上市和发债",
    ]
    assert [a.number for a in articles] == [1, 2, 3, 4]
    assert [a.provisional for a in articles] == [False, False, True, False]
    assert [a.source for a in articles] == [SEED_NAME] * 4


def test_seed_slugs(seed_result):
    assert [a.slug for a in seed_result.page.articles] == [
        "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li",
        "2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan",
        "untitled-guo-yang-hang-lian-xu-20-ge",
        "yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang",
    ]


def test_seed_paragraph_counts(seed_result):
    assert [len(a.paragraphs) for a in seed_result.page.articles] == [77, 10, 2, 7]
    assert [len(a.blocks) for a in seed_result.page.articles] == [79, 10, 2, 7]


def test_seed_article_1_sections(seed_result):
    first = seed_result.page.articles[0]
    headings = [(b.anchor, b.text.text, b.text.lines) for b in first.blocks if b.kind == "heading"]
    assert headings == [("s1", "向新而行：深化改革拓宽发展之路", (51,)),
                        ("s2", "接续奋斗：以长远布局统筹人才培养与开放创新", (109,))]
    assert first.kicker is None and first.deck is None


def test_seed_article_1_photo_caption_and_credit(seed_result):
    first = seed_result.page.articles[0]
    assert len(first.photos) == 1
    photo = first.photos[0]
    assert photo.caption.text == "这是2026年2月9日在北京亦庄拍摄的国家信创园外景。"
    assert photo.caption.lines == (7,)
    assert photo.credit.text == "新华社记者 谢吟 摄"
    assert photo.credit.lines == (9,)
    assert "国家信创园外景" not in all_body_text(first)
    assert "谢吟" not in all_body_text(first)


def test_seed_article_1_reporters_and_dateline_are_metadata(seed_result):
    first = seed_result.page.articles[0]
    assert first.reporters.text == "（记者吴鼎、胡喆、温竟华、李恒、彭韵佳、顾天成）"
    assert first.reporters.pieces[0].raw == "(记者吴鼎、胡喆、温竟华、李恒、彭韵佳、顾天成)"
    assert first.dateline.text == "（新华社北京7月7日电）"
    assert first.reporters.lines == first.dateline.lines == (175,)
    assert first.bylines == []
    last = first.blocks[-1].text.text
    assert last.endswith("为中国式现代化建设、人类文明进步持续贡献力量！")
    text = all_body_text(first)
    assert "吴鼎" not in text and "新华社北京" not in text


def test_seed_continuations_are_metadata(seed_result):
    first, _, _, fourth = seed_result.page.articles
    for article, line in ((first, 11), (fourth, 219)):
        assert [(c.direction, c.page, c.marker.line, c.marker.raw, c.marker.text)
                for c in article.continuations] == [("from", "A01", line, "(上接A01版)", "（上接A01版）")]
        assert "上接" not in all_body_text(article)
    assert first.blocks[0].text.text == "聚焦基础研究、人工智能、量子科技等前沿领域；"
    assert fourth.blocks[0].text.text.startswith("将南向通债券纳入质押回购支持范畴，")
    assert fourth.blocks[0].text.pieces[0].start == len("(上接A01版)")


def test_seed_article_2_kicker_and_byline(seed_result):
    first, second = seed_result.page.articles[:2]
    assert second.kicker.text == "两大国家级成果将发布"
    assert second.kicker.lines == (177,)
    assert texts(second.bylines) == ["● 本报记者 乔翔"]
    assert second.blocks[0].text.text.startswith("7月7日，上海市人民政府举行")
    assert "两大国家级成果将发布" not in all_body_text(first)
    assert "乔翔" not in all_body_text(second)
    assert max(line for b in first.blocks for line in b.text.lines) == 175


def test_seed_article_3_has_no_headline(seed_result):
    third = seed_result.page.articles[2]
    assert third.headline is None and third.provisional
    assert body(third)[0] == ("para", "国央行连续20个月增持黄金。")
    assert third.blocks[0].text.lines == (211,)
    # the heading mark "## " is structure, the sentence after it is body text
    assert third.blocks[0].text.pieces[0].start == 3


def test_seed_article_3_without_errata_keeps_line_209_in_article_2(seed_raw):
    second, third = seed_raw.page.articles[1:3]
    assert second.blocks[-1].text.lines == (209,)
    assert third.title == "无标题稿件（始于“国央行连续20个月增持黄…”）"
    assert [b.text.lines for b in third.blocks] == [(211,), (213, 215)]


def test_seed_has_no_page_chrome_and_every_character_is_accounted(seed_result):
    assert seed_result.page.furniture == []
    assert check_accounting(seed_result.page, seed_result.repairs) == []


# -- hand-made pages (each a test fixture, not news) ---------------------------

def test_page_without_heading_marks(process_text):
    # test fixture, not news
    result = process_text("测试市新建示例公园\n"
                          "2026年1月5日\n"
                          "记者：张三\n"
                          "测试市今天宣布，示例公园将于下月向市民开放，\n"
                          "公园占地约一百亩。\n"
                          "公园内设有儿童游乐区和健身步道，市民可免费入园。\n")
    [article] = result.page.articles
    assert article.title == "测试市新建示例公园"
    assert not article.provisional
    assert article.dateline.text == "2026年1月5日"
    assert texts(article.bylines) == ["记者：张三"]
    assert body(article) == [
        ("para", "测试市今天宣布，示例公园将于下月向市民开放，公园占地约一百亩。"),
        ("para", "公园内设有儿童游乐区和健身步道，市民可免费入园。"),
    ]
    assert [(j.before, j.after) for j in result.repairs.joins] == [(4, 5)]
    assert check_accounting(result.page, result.repairs) == []


def test_byline_with_two_reporters(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n本报记者 王五 李六\n测试市今天举办示例活动，共有一百人参加。\n")
    [article] = result.page.articles
    assert texts(article.bylines) == ["本报记者 王五 李六"]
    assert body(article) == [("para", "测试市今天举办示例活动，共有一百人参加。")]


def test_leading_dateline_and_trailing_continuation(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n"
                          "本报测试市1月5日电（记者 赵七）测试市今天举办示例活动，共有一百人参加。\n"
                          "活动持续两天，内容包括讲座和展览。(下转A05版)\n")
    [article] = result.page.articles
    assert article.dateline.text == "本报测试市1月5日电（记者 赵七）"
    assert [(c.direction, c.page, c.marker.text, c.marker.line) for c in article.continuations] == [
        ("to", "A05", "（下转A05版）", 3)]
    assert body(article) == [("para", "测试市今天举办示例活动，共有一百人参加。"),
                             ("para", "活动持续两天，内容包括讲座和展览。")]
    assert check_accounting(result.page, result.repairs) == []


def test_continuation_on_a_line_of_its_own(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n（下转第A05版）\n")
    [article] = result.page.articles
    assert [(c.direction, c.page, c.marker.text) for c in article.continuations] == [
        ("to", "A05", "（下转第A05版）")]
    assert len(article.blocks) == 1


def test_continuation_with_a_chinese_numeral_page(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n（上接第一版）测试市今天举办示例活动，共有一百人参加。\n")
    [article] = result.page.articles
    assert [(c.direction, c.page, c.marker.text) for c in article.continuations] == [
        ("from", "一", "（上接第一版）")]
    assert body(article) == [("para", "测试市今天举办示例活动，共有一百人参加。")]


def test_a_closing_bracket_that_is_not_a_dateline_stays_in_the_body(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n测试市今天举办示例活动，主办方为示例公司。（示例电）\n")
    [article] = result.page.articles
    assert article.dateline is None
    assert body(article) == [("para", "测试市今天举办示例活动，主办方为示例公司。（示例电）")]


def test_flattened_table_is_not_joined(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试数据\n"
                          "测试市统计局今天发布示例数据，具体如下\n"
                          "项目\n数量\n示例甲\n12\n示例乙\n34\n"
                          "以上数据均为测试用途。\n")
    [article] = result.page.articles
    assert [(b.kind, [c.text for c in b.cells]) for b in article.blocks] == [
        ("para", ["测试市统计局今天发布示例数据，具体如下"]), ("table", ["项目", "数量", "示例甲", "12", "示例乙", "34"]),
        ("para", ["以上数据均为测试用途。"])]
    assert result.repairs.joins == []


def test_page_chrome_is_kept_out_of_articles(process_text):
    # test fixture, not news
    result = process_text("A02 要闻\n"
                          "# 示例报测试标题\n"
                          "测试市今天举办示例活动，共有一百人\n"
                          "责任编辑：孙八\n"
                          "参加，活动持续两天。\n")
    assert [(f.text.text, f.kind, f.fields) for f in result.page.furniture] == [
        ("A02 要闻", "page-number", ("page", "edition")), ("责任编辑：孙八", "staff", ("editor",))]
    assert result.page.source.meta.page == "A02"
    [article] = result.page.articles
    assert article.title == "示例报测试标题"
    assert body(article) == [("para", "测试市今天举办示例活动，共有一百人参加，活动持续两天。")]
    assert check_accounting(result.page, result.repairs) == []


@pytest.mark.parametrize("line", ["A02 要闻", "第A02版 要闻", "第5版", "责任编辑：孙八", "版式设计：测试",
                                  "- 5 -"])
def test_chrome_lines(line):
    assert kind_of(line) is Kind.CHROME


@pytest.mark.parametrize("line,kind", [
    ("# 示例标题", Kind.HEADING),
    ("(上接A01版)", Kind.CONTINUATION),
    ("新华社记者 谢吟 摄", Kind.CREDIT),
    ("● 本报记者 乔翔", Kind.BYLINE),
    ("记者：张三", Kind.BYLINE),
    ("2026年1月5日", Kind.DATE),
    ("2026年1月5日 星期一", Kind.CHROME),  # a page header: furniture, the page date
    ("AI产业发展迅速。", Kind.TEXT),
    ("项目", Kind.TEXT),
])
def test_line_kinds(line, kind):
    assert kind_of(line) is kind


def test_kicker_above_headline_and_deck_below(process_text):
    # test fixture, not news
    result = process_text("## 示例引题\n# 示例主标题\n## 示例副题\n测试市今天举办示例活动。\n"
                          "## 示例小标题\n活动内容丰富。\n")
    [article] = result.page.articles
    assert (article.kicker.text, article.title, article.deck.text) == ("示例引题", "示例主标题", "示例副题")
    assert [(b.kind, b.anchor, b.text.text) for b in article.blocks] == [
        ("para", "p1", "测试市今天举办示例活动。"),
        ("heading", "s1", "示例小标题"),
        ("para", "p2", "活动内容丰富。")]


def test_kicker_of_two_lines(process_text):
    # test fixture, not news
    result = process_text("## 示例引题一\n## 示例引题二\n# 示例主标题\n测试市今天举办示例活动。\n")
    [article] = result.page.articles
    assert article.title == "示例主标题"
    assert [p.line for p in article.kicker.pieces] == [1, 2]
    assert article.kicker.text == "示例引题一示例引题二"


def test_kicker_belongs_to_the_next_article(process_text):
    # test fixture, not news
    result = process_text("# 示例第一篇\n测试市今天举办示例活动。\n## 示例引题\n# 示例第二篇\n活动内容丰富。\n")
    first, second = result.page.articles
    assert first.kicker is None and body(first) == [("para", "测试市今天举办示例活动。")]
    assert second.kicker.text == "示例引题"


def test_text_before_the_first_heading_is_an_article_without_headline(process_text):
    # test fixture, not news
    result = process_text("上一篇的结尾段落，内容为测试用途。\n# 示例报测试标题\n测试市今天举办示例活动。\n")
    first, second = result.page.articles
    assert first.provisional and first.title == "无标题稿件（始于“上一篇的结尾段落，内容为…”）"
    assert body(first) == [("para", "上一篇的结尾段落，内容为测试用途。")]
    assert second.title == "示例报测试标题" and not second.provisional


def test_heading_that_is_a_sentence_is_kept_as_body_text(process_text):
    # test fixture, not news
    result = process_text("# 示例第一篇\n测试市今天举办示例活动。\n## 示例活动持续两天。\n内容包括讲座和展览。\n")
    first, second = result.page.articles
    assert second.provisional
    assert body(second) == [("para", "示例活动持续两天。"), ("para", "内容包括讲座和展览。")]
    assert [(s.line, s.kind) for s in result.suspects] == [(3, "heading-is-sentence")]


def test_date_line_and_leading_dateline_are_both_kept(process_text):
    # test fixture, not news
    result = process_text("测试市新建示例公园\n2026年1月5日\n本报测试市1月5日电 测试市今天宣布示例公园开放。\n")
    [article] = result.page.articles
    assert article.dateline.text == "2026年1月5日"
    assert body(article) == [("para", "本报测试市1月5日电 测试市今天宣布示例公园开放。")]
    assert check_accounting(result.page, result.repairs) == []


def test_second_date_line_is_not_lost(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n2026年1月5日\n2026年1月6日\n测试市今天举办示例活动。\n")
    [article] = result.page.articles
    assert article.dateline.text == "2026年1月5日"
    assert body(article) == [("para", "测试市今天举办示例活动。")]
    assert [(f.text.text, f.kind) for f in result.page.furniture] == [("2026年1月6日", "date-line")]
    assert check_accounting(result.page, result.repairs) == []


# -- metadata files --------------------------------------------------------------

PAGE = "# 示例报测试标题\n测试市今天举办示例活动。\n"  # test fixture, not news


def test_front_matter_metadata(process_text):
    result = process_text("---\npublication: 示例报\ndate: 2026-01-05\npage: A02\n---\n" + PAGE)
    assert result.page.source.meta == PageMeta("示例报", "2026-01-05", "A02")
    article = result.page.articles[0]
    assert article.title == "示例报测试标题"
    assert source_label(result, article) == "示例报 A02版 · 2026年1月5日"
    assert check_accounting(result.page, result.repairs) == []


def test_sidecar_metadata(process_text):
    result = process_text(PAGE, files={"sources/x.meta.yml": "publication: 示例报\ndate: 2026-01-05\npage: A02\n"})
    assert result.page.source.meta == PageMeta("示例报", "2026-01-05", "A02")
    assert source_label(result, result.page.articles[0]) == "示例报 A02版 · 2026年1月5日"


def test_front_matter_and_sidecar_at_once(process_text):
    with pytest.raises(SourceError, match="metadata given twice: front matter and x.meta.yml"):
        process_text("---\ndate: 2026-01-05\n---\n" + PAGE, files={"sources/x.meta.yml": "page: A02\n"})


# -- pages that make no sense: they build, with warnings ------------------------

def doubts(result):
    return [(d.line, d.kind) for d in result.page.decisions if d.doubtful]


def test_page_with_only_headings(process_text):
    result = process_text("# 示例报测试标题\n## 示例小标题\n")
    [article] = result.page.articles
    assert (article.title, article.deck.text, article.blocks) == ("示例报测试标题", "示例小标题", [])
    assert doubts(result) == [(1, "no-body")]
    assert check_accounting(result.page, result.repairs) == []


def test_heading_with_no_body_becomes_a_subhead_of_the_article_before(process_text):
    result = process_text(PAGE + "\n# 示例第二篇\n")
    [article] = result.page.articles
    assert body(article) == [("para", "测试市今天举办示例活动。"), ("heading", "示例第二篇")]
    assert doubts(result) == [(4, "no-body")]
    assert check_accounting(result.page, result.repairs) == []


def test_headline_with_only_a_deck_and_a_section_heading_becomes_a_kicker(process_text):
    result = process_text("# 示例第一篇\n## 示例副题\n### 示例小标题\n# 示例第二篇\n测试市今天举办示例活动。\n")
    [article] = result.page.articles
    assert (article.kicker.text, article.title) == ("示例第一篇示例副题示例小标题", "示例第二篇")
    assert [p.line for p in article.kicker.pieces] == [1, 2, 3]
    assert doubts(result) == [(1, "no-body")]
    assert check_accounting(result.page, result.repairs) == []


def test_kicker_with_no_headline_after_it_is_a_section(process_text):
    result = process_text(PAGE + "## 示例引题\n")
    [article] = result.page.articles
    assert body(article)[-1] == ("heading", "示例引题")
    assert check_accounting(result.page, result.repairs) == []


def test_page_of_headings_only_with_a_section(process_text):
    result = process_text("# 示例第一篇\n## 示例副题\n### 示例小标题\n")
    [article] = result.page.articles
    assert body(article) == [("heading", "示例小标题")]
    assert doubts(result) == [(1, "no-body")]


@pytest.mark.parametrize("text", ["(上接A01版)\n# 0\n0", "（上接第一版）\n\n# 示例报测试标题\n测试市今天举办示例活动。\n",
                                  "(上接A01版)\n本报记者 王五\n# 示例报测试标题\n测试市今天举办示例活动。\n"])
def test_markers_above_the_first_headline_go_with_its_article(process_text, text):
    """Regression (found by the thorough Hypothesis profile): a continuation marker (or a byline)
    above the first headline opened an article with no headline and no text; settling it as the
    next article's kicker joined an empty list of headings and stopped the build."""
    # test fixture, not news
    result = process_text(text)
    [article] = result.page.articles
    assert article.kicker is None
    assert [c.marker.line for c in article.continuations] == [1]
    assert [(d.line, d.kind, d.message, d.doubtful) for d in result.page.decisions if d.kind == "no-body"] == [
        (1, "no-body", "an article of markers only (no headline, no text) has no body text: its markers go with the "
                       "next article", True)]
    assert check_accounting(result.page, result.repairs) == []
