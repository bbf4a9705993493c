"""Browse pages, home page, nav and the article's links, generated from the data.

The corpus is the seed page (no date, no page number) plus the multi-day test
fixtures in ``tests/fixtures/multiday`` (test fixtures, not news).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEED_CONTENT

from generator.pipeline import process
from generator.site.browse_pages import date_label, issues, printed
from generator.site.pages import navigation, render_digest

FIXTURES = Path(__file__).parent / "fixtures" / "multiday"
SEED_PAGE = "page-wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li"  # by its first article: no page number


def combined_content(root: Path) -> Path:
    """A content folder: the project's content plus the fixture pages and glossary."""
    content = root / "content"
    shutil.copytree(SEED_CONTENT, content)
    for source in sorted((FIXTURES / "sources").iterdir()):
        shutil.copyfile(source, content / "sources" / source.name)
    glossary = content / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n"
                        + (FIXTURES / "glossary.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return process(combined_content(tmp_path_factory.mktemp("combined")))


@pytest.fixture(scope="module")
def files(digest):
    return render_digest(digest, "报摘")


def section(text: str, start: str, end: str | None = None) -> str:
    """The lines of ``text`` from the one starting with ``start`` up to (not including) ``end``."""
    tail = text[text.index(start):]
    return tail[:tail.index(end, len(start))] if end else tail


# -- issue → page → article ------------------------------------------------------------------

def test_issues_newest_first_then_undated(digest):
    found = issues(digest)
    assert [(i.key, i.label, [(p.label, p.anchor) for p in i.pages]) for i in found] == [
        ("2026-07-09", "2026年7月9日", [("示例报 A01版 要闻", "page-shi-li-bao-a01-ban-yao-wen")]),
        ("2026-07-08", "2026年7月8日", [("示例报 A01版 要闻", "page-shi-li-bao-a01-ban-yao-wen"),
                                     ("示例报 A05版 城市", "page-shi-li-bao-a05-ban-cheng-shi")]),
        ("undated", "日期不详", [("来源不详", SEED_PAGE)]),
    ]
    assert [a.number for a in found[1].articles] == [1, 2, 1, 2]  # the source's own order


def test_pages_are_ordered_by_page_number_not_file_name(make_content, tmp_path):
    # test fixture, not news
    meta = "publication: 示例报\ndate: 2026-07-08\npage: {}\n"
    content = make_content(tmp_path, {
        "sources/a.txt": "# 测试标题甲\n\n测试市举办示例活动。\n", "sources/a.meta.yml": meta.format("A10"),
        "sources/b.txt": "# 测试标题乙\n\n示例活动持续两天。\n", "sources/b.meta.yml": meta.format("A2"),
        "sources/c.txt": "# 测试标题丙\n\n内容包括讲座和展览。\n", "sources/c.meta.yml": "date: 2026-07-08\n",
    })
    [issue] = issues(process(content))
    assert [p.label for p in issue.pages] == ["示例报 A2版", "示例报 A10版", "来源不详"]


def test_page_labels_without_metadata(make_content, tmp_path):
    # test fixture, not news
    content = make_content(tmp_path, {
        "sources/x.txt": "# 测试标题\n\n测试市举办示例活动。\n",
        "sources/x.meta.yml": "publication: 示例报\ndate: 2026-07-08\n",
    })
    assert (printed(process(content).pages[0]).label, printed(process(content).pages[0]).anchor) == (
        "示例报", "page-ce-shi-biao-ti")
    assert date_label("2026-01-05") == "2026年1月5日"


def test_generated_browse_files(files):
    browse = sorted(k for k in files if k.split("/")[0] in ("browse", "issues", "topics"))
    assert browse == ["browse/index.md", "issues/2026-07-08.md", "issues/2026-07-09.md", "issues/index.md",
                      "issues/undated.md", "topics/event.md", "topics/finance.md", "topics/index.md",
                      "topics/institution.md", "topics/person.md", "topics/place.md", "topics/programme.md",
                      "topics/project.md", "topics/slogan.md", "topics/technology.md", "topics/unit.md"]


def test_date_page_lists_pages_then_articles(files):
    page = files["issues/2026-07-08.md"]
    assert section(page, "# 2026年7月8日") == """\
# 2026年7月8日 { #title }

<p class="bz-issue-summary">共 2 个版面、4 篇文章，按版面和原文顺序排列。<a href="index.html">全部日期</a></p>

## 示例报 A01版 要闻 { #page-shi-li-bao-a01-ban-yao-wen }

### [测试市图书馆延长开放时间](../articles/ce-shi-shi-tu-shu-guan-yan-chang-kai-fang-shi-jian.md) { #a-ce-shi-shi-tu-shu-guan-yan-chang-kai-fang-shi-jian }

测试市图书馆自下月起延长开放时间，工作日开放至晚上九点。

<p class="bz-difficulty">难度 <span class="bz-level">HSK 5</span> · 超出 HSK 6 的词 7&#37; · 词表外 2 词</p>

<p class="bz-kicker">测试数据，并非新闻</p>

### [测试市举办示例科技展](../articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.md) { #a-ce-shi-shi-ju-ban-shi-li-ke-ji-zhan }

测试市今天举办示例科技展，示例研究院展出了大模型和具身智能的演示项目。

<p class="bz-difficulty">难度 <span class="bz-level">HSK 5</span> · 超出 HSK 6 的词 38&#37; · 词表外 10 词</p>

## 示例报 A05版 城市 { #page-shi-li-bao-a05-ban-cheng-shi }

### [示例公园完成绿化改造](../articles/shi-li-gong-yuan-wan-cheng-lv-hua-gai-zao.md) { #a-shi-li-gong-yuan-wan-cheng-lv-hua-gai-zao }

测试市示例公园近日完成绿化改造，新增步道两公里。

<p class="bz-difficulty">难度 <span class="bz-level">HSK 5</span> · 超出 HSK 6 的词 24&#37; · 词表外 4 词</p>

### [示例科技展吸引众多市民](../articles/shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min.md) { #a-shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min }

展会首日，不少市民带着孩子参观大模型和具身智能演示项目。

<p class="bz-difficulty">难度 <span class="bz-level">HSK 5</span> · 超出 HSK 6 的词 36&#37; · 词表外 8 词</p>

"""


def test_undated_pages_without_metadata_are_filed_as_source_unknown(files):
    page = files["issues/undated.md"]
    assert "# 日期不详 { #title }" in page
    assert f"## 来源不详 {{ #{SEED_PAGE} }}" in page
    assert "371fdb277fab058e" not in page
    assert page.count("### [") == 4


def test_date_index(files):
    assert section(files["issues/index.md"], '<ul class="bz-issues">') == """\
<ul class="bz-issues">
<li><a href="2026-07-09.html">2026年7月9日</a> <span class="bz-count">2 篇</span>
<ul>
<li><a href="2026-07-09.html#page-shi-li-bao-a01-ban-yao-wen">示例报 A01版 要闻</a> <span class="bz-count">2 篇</span></li>
</ul>
</li>
<li><a href="2026-07-08.html">2026年7月8日</a> <span class="bz-count">4 篇</span>
<ul>
<li><a href="2026-07-08.html#page-shi-li-bao-a01-ban-yao-wen">示例报 A01版 要闻</a> <span class="bz-count">2 篇</span></li>
<li><a href="2026-07-08.html#page-shi-li-bao-a05-ban-cheng-shi">示例报 A05版 城市</a> <span class="bz-count">2 篇</span></li>
</ul>
</li>
<li><a href="undated.html">日期不详</a> <span class="bz-count">4 篇</span>
<ul>
<li><a href="undated.html#page-wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li">来源不详</a> <span class="bz-count">4 篇</span></li>
</ul>
</li>
</ul>
"""


# -- category, term, people and institutions ---------------------------------------------

def test_person_page_lists_each_person_with_articles_newest_first(files):
    page = files["topics/person.md"]
    assert section(page, "## 张三") == """\
## 张三 { #t-zhang-san }

<p class="bz-topic-term"><span class="bz-pinyin-text">Zhāng Sān</span> <span class="bz-gloss">Zhang San &#40;placeholder name&#41;</span> <a href="../glossary/zhang-san.html">释义与用例</a></p>

<ul class="bz-topic-articles">
<li><a href="../articles/shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao.html">示例研究院发布大模型测试报告</a> <span class="bz-where">2026年7月9日 示例报 A01版 要闻</span> <span class="bz-count">1 处</span></li>
<li><a href="../articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.html">测试市举办示例科技展</a> <span class="bz-where">2026年7月8日 示例报 A01版 要闻</span> <span class="bz-count">1 处</span></li>
<li><a href="../articles/shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min.html">示例科技展吸引众多市民</a> <span class="bz-where">2026年7月8日 示例报 A05版 城市</span> <span class="bz-count">1 处</span></li>
</ul>

"""
    assert [line.split(" {")[0] for line in page.splitlines() if line.startswith("## ")] == [
        "## 陈杰", "## 李四", "## 潘功胜", "## 王若蒙", "## 习近平", "## 张三"]


def test_institution_page_and_unused_terms(files):
    page = files["topics/institution.md"]
    assert '<a href="../articles/untitled-guo-yang-hang-lian-xu-20-ge.html">' in section(page, "## 央行")
    # a dateline and a photo credit are uses too (issue 19): never "not yet used" while on a page
    assert '<a href="../articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html">' in section(page, "## 新华社", "## ")
    assert section(page, "## 创新和高技术发展司", "## ").endswith("<p>本摘编的文章中尚未出现此词。</p>\n\n")


def test_category_index_and_browse_index(files):
    index = files["topics/index.md"]
    assert '<a href="person.html#t-zhang-san">张三</a><span class="bz-count">（3）</span>' in index
    browse = files["browse/index.md"]
    assert '<li><a href="../issues/2026-07-09.html">2026年7月9日</a> <span class="bz-count">1 个版面，2 篇</span></li>' \
        in browse
    assert '<li><a href="../topics/person.html">人物</a> <span class="bz-count">6 个术语，7 篇文章</span></li>' in browse


# -- home page and nav -----------------------------------------------------------------------

def test_home_shows_the_latest_issue_and_links_into_browse(files):
    home = files["index.md"]
    assert 'description: "示例研究院发布大模型测试报告；测试市公交新增两条线路"' in home
    assert section(home, "# 报摘", "## 浏览") == """\
# 报摘

<p class="bz-issue-summary">最新一期：<a href="issues/2026-07-09.html">2026年7月9日</a>，1 个版面、2 篇文章。</p>

## 示例报 A01版 要闻 { #page-shi-li-bao-a01-ban-yao-wen }

<p class="bz-kicker">测试数据，并非新闻</p>

### [示例研究院发布大模型测试报告](articles/shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao.md) { #a-shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao }

示例研究院今天发布大模型测试报告，报告汇总了示例科技展期间收集的测试数据。

<p class="bz-difficulty">难度 <span class="bz-level">HSK 5</span> · 超出 HSK 6 的词 21&#37; · 词表外 6 词</p>

<p class="bz-keyterms">术语：<a href="glossary/da-moxing.html">大模型</a>、<a href="glossary/jushen-zhineng.html">具身智能</a>、<a href="glossary/shili-yanjiuyuan.html">示例研究院</a>、<a href="glossary/shili-kejizhan.html">示例科技展</a>、<a href="glossary/zhang-san.html">张三</a></p>

### [测试市公交新增两条线路](articles/ce-shi-shi-gong-jiao-xin-zeng-liang-tiao-xian-lu.md) { #a-ce-shi-shi-gong-jiao-xin-zeng-liang-tiao-xian-lu }

测试市公交公司宣布新增两条公交线路，方便市民前往示例公园。

<p class="bz-difficulty">难度 <span class="bz-level">HSK 5</span> · 超出 HSK 6 的词 30&#37; · 词表外 5 词</p>

<p class="bz-keyterms">术语：<a href="glossary/ceshi-shi.html">测试市</a>、<a href="glossary/shili-gongyuan.html">示例公园</a></p>

"""
    links = section(home, "## 浏览")
    assert '往期：<a href="issues/2026-07-08.html">2026年7月8日</a>（4 篇）、<a href="issues/undated.html">日期不详</a>（4 篇）' \
        in links
    assert "- [按日期](issues/index.md)：全部 3 期，按版面和原文顺序\n" in links
    assert "[人物](topics/person.md)、[地点](topics/place.md)" in links
    assert "- [术语表](glossary/index.md)：133 个术语的拼音、英文、释义与用例\n" in links


def test_seed_home_counts_editor_notes(seed_files):
    home = seed_files["index.md"]
    assert "本摘编的版面都没有日期：<a href=\"issues/undated.html\">日期不详</a>，1 个版面、4 篇文章。" in home
    assert home.count('<p class="bz-notecount">') == 3
    assert '<p class="bz-notecount">编者注 6 条</p>' in section(home, "### [为民族复兴", "### [")


def test_nav_lists_only_index_pages(digest):
    assert navigation(digest) == [
        {"首页": "index.md"},
        {"浏览": ["browse/index.md", {"按日期": "issues/index.md"}, {"按类别": "topics/index.md"},
                {"人物": "topics/person.md"}, {"机构": "topics/institution.md"}]},
        {"术语表": "glossary/index.md"},
        {"来源与许可": "credits.md"},  # the dictionary's attribution and licences, on every page
    ]


# -- the article page's links ----------------------------------------------------------------

def test_article_continuations_link_both_ways(files):
    fair = files["articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.md"]
    assert ('<dt>接续</dt><dd>（下转A05版）：本文下转A05版，续见<a class="bz-jump" '
            'href="../articles/shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min.html">《示例科技展吸引众多市民》</a>。</dd>'
            ) in fair
    back = files["articles/shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min.md"]
    assert ('<dt>接续</dt><dd>（上接A01版）：本文上接A01版，前文见<a class="bz-jump" '
            'href="../articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.html">《测试市举办示例科技展》</a>。</dd>') in back
    park = files["articles/shi-li-gong-yuan-wan-cheng-lv-hua-gai-zao.md"]
    assert "<dt>接续</dt><dd>（下转A08版）：本文下转A08版，该版不在本摘编中。</dd>" in park


def test_seed_continuations_say_the_page_is_not_in_the_digest(seed_files):
    article = seed_files["articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"]
    assert "<dt>接续</dt><dd>（上接A01版）：本文上接A01版，该版不在本摘编中。</dd>" in article


def test_article_ends_with_its_page_and_related_articles(files):
    report = files["articles/shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao.md"]
    assert section(report, "## 相关文章", '<nav class="bz-pager"') == """\
## 相关文章 { #related data-search-exclude }

<p class="bz-printed-page">本文所在版面：<a href="../issues/2026-07-09.html#page-shi-li-bao-a01-ban-yao-wen">2026年7月9日 示例报 A01版 要闻</a></p>

<ul class="bz-related">
<li><a href="../articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.html">测试市举办示例科技展</a> <span class="bz-where">2026年7月8日 示例报 A01版 要闻</span><br><span class="bz-reason">共同术语与关键词：<a href="../glossary/da-moxing.html">大模型</a>、<a href="../glossary/jushen-zhineng.html">具身智能</a>、<a href="../glossary/shili-yanjiuyuan.html">示例研究院</a>、<a href="../glossary/shili-kejizhan.html">示例科技展</a>、<a href="../glossary/zhang-san.html">张三</a></span></li>
<li><a href="../articles/shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min.html">示例科技展吸引众多市民</a> <span class="bz-where">2026年7月8日 示例报 A05版 城市</span><br><span class="bz-reason">共同术语与关键词：<a href="../glossary/da-moxing.html">大模型</a>、<a href="../glossary/jushen-zhineng.html">具身智能</a>、<a href="../glossary/shili-yanjiuyuan.html">示例研究院</a>、<a href="../glossary/zhang-san.html">张三</a>、项目</span></li>
<li><a href="../articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.html">2026世界人工智能大会释放AI发展新信号</a> <span class="bz-where">日期、来源不详</span><br><span class="bz-reason">共同术语与关键词：<a href="../glossary/da-moxing.html">大模型</a>、<a href="../glossary/jushen-zhineng.html">具身智能</a></span></li>
<li><a href="../articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html">为民族复兴积聚磅礴伟力</a> <span class="bz-where">日期、来源不详</span><br><span class="bz-reason">共同术语与关键词：<a href="../glossary/da-moxing.html">大模型</a></span></li>
</ul>

"""


def test_articles_link_to_their_neighbours_of_the_same_date(digest, files):
    """Breadcrumbs (home › dates › the date › the page), previous/next in the date's reading
    order (page by page, crossing from A01 to A05), the other articles of the date."""
    order = [a.slug for a in issues(digest)[1].articles]
    assert len(order) == 4
    second = files[f"articles/{order[1]}.md"]
    assert ('<nav class="bz-crumbs" aria-label="位置" data-search-exclude><a href="../index.html">首页</a> › '
            '<a href="../issues/index.html">按日期</a> › <a href="../issues/2026-07-08.html">2026年7月8日</a> › '
            '<a href="../issues/2026-07-08.html#page-shi-li-bao-a01-ban-yao-wen">示例报 A01版 要闻</a></nav>') in second
    pager = section(second, '<nav class="bz-pager"', "</nav>")
    assert [m for m in pager.split('"') if m.startswith("../articles/")] == [
        f"../articles/{order[0]}.html", f"../articles/{order[2]}.html"]
    assert 'rel="prev"' in pager and 'rel="next"' in pager
    more = section(second, "## 同日文章", "## 相关文章")
    assert [m[len("../articles/"):-len(".html")] for m in more.split('"') if m.startswith("../articles/")] == [
        order[0], order[2], order[3]]
    first, last = files[f"articles/{order[0]}.md"], files[f"articles/{order[3]}.md"]
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="prev"' in last and 'rel="next"' not in last
    next_day = [a.slug for a in issues(digest)[0].articles]  # 2026-07-09: never linked from 2026-07-08
    report = section(files[f"articles/{next_day[0]}.md"], '<nav class="bz-pager"', "</nav>")
    assert [m for m in report.split('"') if m.startswith("../articles/")] == [f"../articles/{next_day[1]}.html"]
    undated = files["articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"]
    assert "## 其他日期不详的文章 { #more data-search-exclude }" in undated


def test_article_without_relatives_says_so(make_content, tmp_path):
    # test fixture, not news
    content = make_content(tmp_path, {"sources/x.txt": "# 测试标题\n\n测试市举办示例活动。\n"})
    files = render_digest(process(content), "报摘")
    assert "<p>本摘编中没有与本文共用术语或关键词的文章。</p>" in files["articles/ce-shi-biao-ti.md"]


# -- escaping ------------------------------------------------------------------------------

def test_metadata_and_titles_are_escaped_everywhere(make_content, tmp_path):
    # test fixture, not news: hostile metadata and headlines
    meta = "publication: '<b>示例报</b>'\ndate: 2026-07-08\npage: A01\nedition: '[x](javascript:y)'\n"
    content = make_content(tmp_path, {
        "sources/x.txt": "# 测试<script>标题</script>\n\n测试市举办示例活动[链接](http://example.org)。\n\n"
                         "# 测试*标题*二\n\n测试市举办示例活动，共有一百人参加。\n",
        "sources/x.meta.yml": meta,
    })
    files = render_digest(process(content), "报摘")
    for name in ("index.md", "issues/2026-07-08.md", "issues/index.md", "browse/index.md",
                 "articles/ce-shi-biao-ti-er.md"):
        body = files[name].split("\n---\n", 1)[1]  # front matter values are HTML-escaped JSON
        assert "<b>" not in body and "<script>" not in body, name
        assert "](javascript" not in body and "*标题*" not in body, name
    assert "&#60;b&#62;示例报&#60;&#47;b&#62; A01版 &#91;x&#93;&#40;javascript&#58;y&#41;" in files["issues/index.md"]


def test_a_category_page_shows_the_newest_articles_of_each_term_and_points_to_the_rest(digest, monkeypatch):
    """The term page lists every use, so a category page stays small however many
    articles there are: it shows the newest few and says how many more there are."""
    import generator.site.browse_pages as browse_pages
    monkeypatch.setattr(browse_pages, "TOPIC_ARTICLES", 2)
    files = render_digest(digest, "报摘")
    assert section(files["topics/person.md"], "## 张三") == """\
## 张三 { #t-zhang-san }

<p class="bz-topic-term"><span class="bz-pinyin-text">Zhāng Sān</span> <span class="bz-gloss">Zhang San &#40;placeholder name&#41;</span> <a href="../glossary/zhang-san.html">释义与用例</a></p>

<ul class="bz-topic-articles">
<li><a href="../articles/shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao.html">示例研究院发布大模型测试报告</a> <span class="bz-where">2026年7月9日 示例报 A01版 要闻</span> <span class="bz-count">1 处</span></li>
<li><a href="../articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.html">测试市举办示例科技展</a> <span class="bz-where">2026年7月8日 示例报 A01版 要闻</span> <span class="bz-count">1 处</span></li>
</ul>

<p class="bz-topic-more">另有 1 篇文章用到此词，见<a href="../glossary/zhang-san.html">全部用例</a>。</p>

"""
    # the counts are of every article, shown or not
    assert '<a href="person.html#t-zhang-san">张三</a><span class="bz-count">（3）</span>' in files["topics/index.md"]
    assert ('<li><a href="../topics/person.html">人物</a> <span class="bz-count">6 个术语，7 篇文章</span></li>'
            in files["browse/index.md"])


def test_articles_are_filed_under_their_own_dates(make_content, tmp_path):
    """Two records of one file, of two days (test fixture, not news): each under its day."""
    records = ('[{"title": "测试标题甲", "content": ["测试市举办示例活动。"], "source": "示例网", '
               '"publish_time": "2026-07-08 09:30"}, {"title": "测试标题乙", "content": ["示例活动持续两天。"], '
               '"source": "示例网", "publish_time": "2026-07-09 10:00"}]')
    digest = process(make_content(tmp_path, {"sources/feed.json": records}))
    assert [(i.key, [(p.label, [a.title for a in p.articles]) for p in i.pages]) for i in issues(digest)] == [
        ("2026-07-09", [("示例网", ["测试标题乙"])]), ("2026-07-08", [("示例网", ["测试标题甲"])])]
