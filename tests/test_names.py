"""Names in real articles (tests/fixtures/corpus/, test material only): found, and kept.

The names listed here were read off the articles by hand; the finder must find each
(its span may be wider: a name read back over a place name), and must not take the
market words around them for names.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.editions.convert import Converter
from generator.editions.names import NameFinder
from generator.editions.words import words

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "scraped-2026-06-12.json"

NAMES = {
    "ce_3027512": {"魅视科技": "stock", "民生证券股份有限公司": "organisation",
                   "国联民生证券股份有限公司": "organisation", "中国证券监督管理委员会": "organisation",
                   "深圳证券交易所": "organisation"},
    "ce_3025769": {"烽火通信": "stock", "武汉凡谷": "stock", "章源钨业": "brand", "天齐锂业": "brand",
                   "华西证券研究所": "organisation", "东吴证券": "organisation", "农业银行": "organisation"},
    "40738978": {"颉满斌": "byline", "余若怡": "byline", "美国化学会志": "title", "兰州大学": "organisation"},
    "40739008": {"帕蒂·柯林斯": "transliteration", "蛟龙入海": "title", "马到功成": "title"},
    "40739042": {"北京元隆雅图文化传播股份有限公司": "organisation", "中国服务贸易协会": "organisation",
                 "中海远洋运输集团": "organisation"},
    "ce_3025661": {"国家数据局": "organisation", "中国人民财产保险股份有限公司": "organisation",
                   "北京排排网保险代理有限公司": "organisation"},
    "40738707": {"信息化部": "organisation", "市场监管总局": "organisation"},
    "ce_3025612": {"深圳市信维通信股份有限公司": "organisation", "高斯贝尔数码科技股份有限公司": "organisation"},
}
NOT_NAMES = {"ce_3025769": ["通信", "股票", "价格", "光电", "连续"], "ce_3025661": ["数据"]}


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    return {a["article_id"]: "\n".join([a["title"], *a["content"]]) for a in data["articles"]}


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[n.start:n.end], n.kind) for n in NameFinder().find(text, words(text))]


@pytest.mark.parametrize("article", sorted(NAMES))
def test_names_of_real_articles_are_found(corpus, article):
    found = _found(corpus[article])
    for name, kind in NAMES[article].items():
        assert any(name in span for span, _ in found), (name, kind)
        exact = [found_kind for span, found_kind in found if span == name]
        assert not exact or set(exact) & {kind, "repeated"}, (name, exact)
    for word in NOT_NAMES.get(article, []):
        assert (word, "stock") not in found and (word, "repeated") not in found, word


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("，烽火通信涨逾9%，数据港跌逾9%。通信板块中", "，烽火通信漲逾9%，數據港跌逾9%。通訊板塊中"),
        ("近日，国家数据局发布《关于推进行业高质量数据集建设行动的实施方案》", "近日，國家數據局發布《關於推進行業高質量數據集建設行動的實施方案》"),
        ("深圳市信维通信股份有限公司定增", "深圳市信維通信股份有限公司定增"),
        ("高斯贝尔数码科技股份有限公司", "高斯貝爾數碼科技股份有限公司"),
        ("科技日报兰州6月11日电 （记者颉满斌 通讯员余若怡）", "科技日報蘭州6月11日電 （記者頡滿斌 通訊員余若怡）"),
        ("副主席帕蒂·柯林斯说", "副主席帕蒂·柯林斯說"),
        ("魅视科技(001229.SZ)昨日晚间发布公告。魅视科技于2022年上市", "魅視科技(001229.SZ)昨日晚間發布公告。魅視科技於2022年上市"),
        # a person jieba guesses (not in its dictionary), surname 余 (ce_3025621 of the corpus)
        ("研究员余丰慧对此表示", "研究員余豐慧對此表示"),
        ("余丰慧建议，其余资金", "余豐慧建議，其餘資金"),
    ],
)
def test_names_keep_their_words_in_the_edition(source, expected):
    assert Converter().convert(source) == expected


def test_names_found_in_the_whole_corpus(corpus):
    """How many names the finder sees in the 24 articles, by kind (reported in the
    issue's closing note; a change here is a change in what the edition protects)."""
    kinds: dict[str, int] = {}
    for text in corpus.values():
        for _, kind in _found(text):
            kinds[kind] = kinds.get(kind, 0) + 1
    assert set(kinds) >= {"organisation", "stock", "brand", "title", "transliteration", "byline", "tagged"}
    assert sum(kinds.values()) > 300


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("一部电影", []),  # 一部: a numeral and a measure word, not an organisation
        ("各家银行", []),  # no name before the suffix
        ("股票涨停", []),  # a dictionary word before a price move is no stock
        ("通信板块涨逾2%", []),
    ],
)
def test_words_that_are_not_names(text, kinds):
    assert [kind for _, kind in _found(text) if kind not in ("person", "tagged")] == kinds


def test_a_word_the_layers_list_is_no_name_by_jieba_s_tag_alone():
    """jieba tags 高清 and 智能化 as person names; the edition's own vocabulary says otherwise."""
    assert _found("架设高清巨幕") == [("高清", "person")]
    assert Converter().plan("架设高清巨幕")[1] == []
    assert Converter().convert("架设高清巨幕，开展智能化转型") == "架設高畫質巨幕，開展智慧化轉型"
