"""The link stage: related articles (weighted shared features, inverted index) and
continuation jumps between pages of one issue.

The multi-day corpus is ``tests/fixtures/multiday`` — test fixtures, not news
(示例报, 测试市, placeholder names; see its README).
"""
from __future__ import annotations

import heapq
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from generator.annotate import link as link_stage
from generator.annotate.link import inverted_index, page_number, rank, weigh
from generator.model import Feature, Weighted
from generator.pipeline import process

FIXTURES = Path(__file__).parent / "fixtures" / "multiday"
LIBRARY = "ce-shi-shi-tu-shu-guan-yan-chang-kai-fang-shi-jian"  # 07-08 A01, 1
FAIR = "ce-shi-shi-ju-ban-shi-li-ke-ji-zhan"  # 07-08 A01, 2: (下转A05版)
PARK = "shi-li-gong-yuan-wan-cheng-lv-hua-gai-zao"  # 07-08 A05, 1: (下转A08版)
FAIR_2 = "shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min"  # 07-08 A05, 2: (上接A01版)
REPORT = "shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao"  # 07-09 A01, 1
BUS = "ce-shi-shi-gong-jiao-xin-zeng-liang-tiao-xian-lu"  # 07-09 A01, 2


@pytest.fixture(scope="module")
def days():
    return process(FIXTURES)


def related_of(digest, slug):
    return [(r.article.slug, [f.label for f in r.reasons]) for r in digest.links.related[slug]]


# -- ranking on hand-made feature bags -------------------------------------------------------

def bags(**articles: str) -> dict[str, Counter]:
    """``a="x y y"`` → article a uses feature x once and y twice (all glossary-like terms)."""
    return {slug: Counter(Feature("k:" + w, w) for w in words.split()) for slug, words in articles.items()}


def test_rare_shared_terms_outrank_common_ones():
    """Rare and common in jieba's general-language table: 芯片 (idf 9.0), 项目 (4.9), 发展 (3.6)."""
    features = weigh(bags(a="芯片 项目 发展", b="芯片 发展", c="项目 发展", d="发展 项目",
                          e="发展 开放", f="开放"))
    found = rank(features)
    assert [(other, [f.label for f in reasons], score) for other, score, reasons in found["a"]] == [
        ("b", ["芯片", "发展"], 0.892966673),
        ("c", ["项目", "发展"], 0.557875157),  # c and d tie, by slug
        ("d", ["项目", "发展"], 0.557875157),
        ("e", ["发展"], 0.157052206),
    ]


def test_ties_break_by_slug_and_self_is_never_related():
    found = rank(weigh(bags(z="t u", m="t u", b="t u", q="v")))
    assert [other for other, _, _ in found["z"]] == ["b", "m"]
    assert [other for other, _, _ in found["b"]] == ["m", "z"]
    assert found["q"] == []


def test_more_uses_of_a_shared_term_weigh_more():
    found = rank(weigh(bags(a="t t t t u", b="t", c="u", d="w")))
    assert [other for other, _, _ in found["a"]] == ["b", "c"]


def test_idf_and_weights():
    """(1 + ln tf) × jieba's idf, keywords at half weight; a word jieba's table lacks gets
    its median, as jieba's own extractor gives it."""
    features = weigh(bags(a="芯片 发展 发展 示例词", b="发展", c="发展"))
    weights = {w.feature.label: w.weight for w in features["a"]}
    median = 11.9547675029
    assert weights == pytest.approx({"芯片": 0.5 * 9.00283785202, "发展": 0.5 * (1 + math.log(2)) * 3.57506455044,
                                     "示例词": 0.5 * median})
    assert [w.feature.label for w in features["a"]] == ["示例词", "芯片", "发展"]
    term = Feature("t:示例词", "示例词", object())  # a glossary term: full weight
    assert [w.weight for w in weigh({"a": Counter({term: 1})})["a"]] == pytest.approx([median])


def test_an_articles_weights_do_not_depend_on_the_other_articles():
    """The idf is fixed (jieba's table), not the digest's: a new article changes no other
    article's weights, so an incremental build re-renders only the pages it is related to."""
    alone = weigh(bags(a="芯片 发展 发展"))["a"]
    assert weigh(bags(a="芯片 发展 发展", b="发展", c="芯片 项目", d="发展"))["a"] == alone


def test_the_index_never_holds_more_than_the_limit():
    features = weigh({f"a{n:05d}": Counter({Feature("k:all", "all"): 1, Feature(f"k:{n % 7}", "x"): 1})
                      for n in range(500)})
    index = inverted_index(features)
    assert max(len(holders) for holders in index.values()) == link_stage.POSTING_LIMIT


def test_ten_thousand_articles_in_near_linear_time():
    """Every article shares one word, the worst case for comparing all pairs (50 million);
    the capped inverted index keeps it to N × features × POSTING_LIMIT steps."""
    vocabulary = [Feature(f"k:w{i}", f"w{i}") for i in range(3000)]
    corpus = {f"a{n:05d}": Counter({Feature("k:all", "all"): 1,
                                    **{vocabulary[(n * 7 + k * 131) % 3000]: 1 + k % 3 for k in range(8)}})
              for n in range(10_000)}
    weighted = weigh(corpus)
    index = inverted_index(weighted)
    # the work rank() does: every holder of every feature of every article is visited once
    steps = sum(len(index.get(w.feature.key, ())) for ws in weighted.values() for w in ws)
    assert steps <= 10_000 * 9 * link_stage.POSTING_LIMIT < 50_000_000 // 10  # not all pairs
    found = rank(weighted)
    assert len(found) == 10_000
    assert all(len(r) <= link_stage.RELATED for r in found.values())
    sample = dict(list(corpus.items())[:1000])
    assert rank(weigh(sample)) == rank(weigh(dict(reversed(sample.items()))))  # order-independent


# -- related articles on the fixture corpus ------------------------------------------------

def test_related_articles_with_their_reasons(days):
    assert related_of(days, FAIR) == [
        (FAIR_2, ["示例研究院", "测试市", "张三", "具身", "演示"]),
        (REPORT, ["示例研究院", "示例科技展", "张三", "具身", "模型"]),
        # the city every article of the fixture names, a glossary term jieba's table lacks
        (BUS, ["测试市"]), (LIBRARY, ["测试市"]), (PARK, ["测试市"]),
    ]
    assert related_of(days, REPORT) == [
        (FAIR, ["示例研究院", "示例科技展", "张三", "具身", "模型"]),  # the day before
        (FAIR_2, ["示例研究院", "张三", "具身", "模型", "项目"]),
        (LIBRARY, ["介绍"]),
    ]
    # 本报讯 opening a paragraph is its dateline, not body text: no longer a shared keyword
    assert related_of(days, BUS) == [(PARK, ["示例公园", "测试市", "新增"]),
                                     (FAIR_2, ["测试市", "市民"]), (LIBRARY, ["测试市"]), (FAIR, ["测试市"])]
    assert related_of(days, LIBRARY) == [(PARK, ["测试市", "开放"]), (BUS, ["测试市"]), (FAIR_2, ["测试市"]),
                                         (FAIR, ["测试市"]), (REPORT, ["介绍"])]


def test_reasons_link_glossary_terms_and_name_keywords(days):
    reasons = days.links.related[FAIR][0].reasons
    assert [(f.key, f.term.slug if f.term else None) for f in reasons[:3]] == [
        ("t:示例研究院", "shili-yanjiuyuan"), ("t:测试市", "ceshi-shi"), ("t:张三", "zhang-san")]


def test_related_scores_are_symmetric_and_ordered(days):
    scores = {(slug, r.article.slug): r.score for slug, found in days.links.related.items() for r in found}
    assert scores[(FAIR, FAIR_2)] == scores[(FAIR_2, FAIR)] == 0.679584143
    for found in days.links.related.values():
        assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)


def test_glossary_terms_are_not_counted_again_as_keywords(days):
    labels = [w.feature.key for w in days.links.features[REPORT]]
    assert "t:示例研究院" in labels and "k:示例研究院" not in labels
    assert not any(key.startswith("k:") and "示例" in key for key in labels)


def test_key_terms_strongest_first(days):
    article = next(a for a in days.articles if a.slug == REPORT)
    assert [t.term for t in days.links.key_terms(article)] == ["示例研究院", "示例科技展", "张三"]


def test_seed_related_articles(seed):
    assert related_of(seed, "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li") == [
        ("2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan", ["大模型", "开源", "新动能", "创新", "一人公司"])]
    assert related_of(seed, "yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang") == [
        ("untitled-guo-yang-hang-lian-xu-20-ge", ["央行"])]


# -- continuations ---------------------------------------------------------------------------

def jumps_of(digest, slug):
    return [(j.continuation.direction, j.continuation.page, j.target.slug if j.target else None)
            for j in digest.links.jumps[slug]]


def test_continuation_resolves_to_the_article_pointing_back(days):
    assert jumps_of(days, FAIR) == [("to", "A05", FAIR_2)]  # A05's second article, not its first
    assert jumps_of(days, FAIR_2) == [("from", "A01", FAIR)]  # A01's second article


def test_continuation_to_a_page_not_in_the_digest(days, seed):
    assert jumps_of(days, PARK) == [("to", "A08", None)]
    assert jumps_of(seed, "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li") == [("from", "A01", None)]  # undated
    assert jumps_of(days, LIBRARY) == []


def meta(page: str, date: str = "2026-07-08") -> str:
    return f"publication: 示例报\ndate: {date}\npage: {page}\n"


def test_continuation_without_a_marker_back_goes_to_the_pages_first_article(make_content, tmp_path):
    # test fixture, not news
    content = make_content(tmp_path, {
        "sources/a.txt": "# 测试标题甲\n\n测试市举办示例活动，共有一百人参加。(下转A3版)\n",
        "sources/a.meta.yml": meta("A01"),
        "sources/b.txt": "# 测试标题乙\n\n示例活动持续两天。\n\n# 测试标题丙\n\n内容包括讲座和展览。\n",
        "sources/b.meta.yml": meta("A03"),
        "sources/c.txt": "# 测试标题丁\n\n(上接A01版)另一天的示例活动。\n",
        "sources/c.meta.yml": meta("A03", "2026-07-09"),
    })
    digest = process(content)
    assert jumps_of(digest, "ce-shi-biao-ti-jia") == [("to", "A3", "ce-shi-biao-ti-yi")]  # A3 is A03
    assert jumps_of(digest, "ce-shi-biao-ti-ding") == [("from", "A01", None)]  # A01 of 07-09 is missing


def test_continuation_needs_the_same_publication(make_content, tmp_path):
    # test fixture, not news
    content = make_content(tmp_path, {
        "sources/a.txt": "# 测试标题甲\n\n测试市举办示例活动。(下转A05版)\n",
        "sources/a.meta.yml": meta("A01"),
        "sources/b.txt": "# 测试标题乙\n\n(上接A01版)示例活动持续两天。\n",
        "sources/b.meta.yml": meta("A05").replace("示例报", "样例报"),
    })
    digest = process(content)
    assert jumps_of(digest, "ce-shi-biao-ti-jia") == [("to", "A05", None)]
    assert jumps_of(digest, "ce-shi-biao-ti-yi") == [("from", "A01", None)]


@pytest.mark.parametrize(
    ("earlier", "expected"),
    [  # test fixtures, not news: how the part on A01 ends decides where the text on A05 begins
        ("测试市举办示例活动，共有", True),  # cut inside a sentence
        ("测试市举办示例活动。", False),
        ("他说：“活动很好。”", False),  # a closing quote after the end
        ("活动还将持续……", False),
        (None, True),  # A01 not in the digest: a jump usually cuts a sentence
    ],
)
def test_a_continued_text_begins_mid_sentence_unless_the_earlier_part_ended_one(
        make_content, tmp_path, earlier, expected):
    files = {"sources/b.txt": "# 测试标题乙\n\n(上接A01版)展出的项目很多。第二句。\n", "sources/b.meta.yml": meta("A05")}
    if earlier is not None:
        files |= {"sources/a.txt": f"# 测试标题甲\n\n{earlier}(下转A05版)\n", "sources/a.meta.yml": meta("A01")}
    digest = process(make_content(tmp_path, files))
    assert digest.links.mid_sentence == ({"ce-shi-biao-ti-yi"} if expected else set())


def test_where_the_fixture_and_seed_texts_begin(days, seed):
    assert days.links.mid_sentence == set()  # the A05 part of the fair follows a whole sentence on A01
    assert seed.links.mid_sentence == {"wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li",
                                       "yang-hang-zhi-chi-geng-duo-you-zhi-qi-ye-dao-xiang-gang"}


@pytest.mark.parametrize("page, expected", [("A05", ("A", 5)), ("A5", ("A", 5)), ("a005", ("A", 5)),
                                            ("12", ("", 12)), ("B10", ("B", 10))])
def test_page_numbers_compare_by_value(page, expected):
    assert page_number(page) == expected


def test_weighted_is_a_plain_record():
    w = Weighted(Feature("t:x", "x"), 1.5)
    assert (w.feature.label, w.weight) == ("x", 1.5)


# -- keyword extraction and ranking, as fast as their plain definitions -----------------------

def plain_keywords(text: str, limit: int = link_stage.KEYWORDS) -> list[tuple[str, int]]:
    """The definition: jieba over the whole text, every candidate word counted, ranked."""
    tokenizer, idf, median = link_stage._jieba()
    counts = Counter(w for w in tokenizer.cut(text) if len(w.strip()) >= 2 and link_stage._WORD.search(w))
    ranked = sorted(counts, key=lambda w: (-counts[w] * idf.get(w, median), w))
    return [(w, counts[w]) for w in ranked[:limit]]


# test fixtures, not news: Latin, digits, ASCII and full-width punctuation, spaces, line ends
AWKWARD = ["", " \r\n\t ", "。，！", "3.5%的增长，A股+H股 C++ 与 e-mail_地址 OPC。",
           "示例活动持续两天。示例活动持续两天！\r\n示例活动\t持续两天", "２０２６年 abc123 示例abc 12.5 1,000 100%"]


def article_texts(digest) -> list[str]:
    texts = []
    for article in digest.articles:
        found = digest.annotations.occurrences.get(article.slug, [])
        used = sorted({o.form for o in found}, key=lambda form: (-len(form), form))
        texts.append(link_stage.article_text(article, found, used))
    return texts


def test_keywords_are_jiebas_over_the_whole_text(days, seed):
    """Segmenting run by run, remembering runs across articles, gives the same keywords."""
    segmented: dict = {}
    for text in article_texts(days) + article_texts(seed) + AWKWARD:
        assert link_stage.keywords(text) == plain_keywords(text)
        assert link_stage.keywords(text, segmented=segmented) == plain_keywords(text)
        assert link_stage.keywords(text, limit=3, segmented=segmented) == plain_keywords(text, 3)
    assert segmented and all(isinstance(words, tuple) for words in segmented.values())


def test_a_run_met_before_is_not_segmented_again():
    segmented = {"示例活动持续两天": ("示例活动",)}  # what it remembers is what counts
    assert link_stage.keywords("示例活动持续两天，示例活动持续两天。", segmented=segmented) == [("示例活动", 2)]
    link_stage.keywords("测试市举办示例活动。", segmented=segmented)
    assert set(segmented) == {"示例活动持续两天", "测试市举办示例活动"}


def test_jieba_loads_its_dictionary_and_idf_table_once():
    import jieba.analyse

    from generator.annotate.glossary import stock_tokenizer

    tokenizer, idf, median = link_stage._jieba()
    assert tokenizer is stock_tokenizer()  # the glossary's stock tokenizer, not a second copy
    fresh = jieba.analyse.TFIDF()
    assert idf == fresh.idf_freq and median == fresh.median_idf


def plain_strongest(scores: dict[str, float], slug: str, limit: int) -> list[tuple[float, str]]:
    """The definition: every eligible score rounded, the best taken."""
    return heapq.nsmallest(limit, [(-round(score, 9), other) for other, score in scores.items()
                                   if score >= link_stage.MIN_SCORE and other != slug])


def test_strongest_rounds_only_near_ties_and_finds_the_same_best():
    rng = random.Random(2026)
    # scores a hair either side of a rounding boundary, exact ties, MIN_SCORE itself
    wobble = [0.0, 5e-10, -5e-10, 4.9999e-10, 5.0001e-10, 1e-9, -1e-9, 3e-9, 1e-12]
    for _ in range(3000):
        base = rng.choice([0.3, 0.123456789, 0.5, link_stage.MIN_SCORE, 0.9999999995])
        step = rng.choice([0.0, 0.0, 1e-9, 0.01])
        scores = {f"s{i:02d}": max(0.0, base + rng.choice(wobble) + step * rng.randint(0, 3))
                  for i in range(rng.randint(0, 25))}
        slug = rng.choice(["s00", "s03", "none"])
        limit = rng.randint(0, 7)
        assert link_stage.strongest(scores, slug, limit) == plain_strongest(scores, slug, limit)
