"""Damage found without an editor (issue 19): the seed's damage the first detector
missed is found now, and the rules stay quiet on real articles they never saw."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.ingest.suspects import _word_level

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "scraped-2026-06-12.json"
NEW_KINDS = {"word-repeated", "char-doubled", "numeral-missing", "dangling-de"}


def test_the_seed_damage_is_found(seed_result):
    found = [(s.line, s.kind) for s in seed_result.suspects]
    assert found == [(29, "repeated"), (85, "word-repeated"), (87, "same-pair"), (115, "char-doubled"),
                     (119, "numeral-missing"), (205, "dangling-de"), (211, "heading-is-sentence")]


@pytest.mark.parametrize("text, kind", [
    ("推动科技成果转化加快转化为现实生产力。", "word-repeated"),
    ("新的赛场场的重要主导者。", "char-doubled"),
    ("其水平决定着个国家的后劲。", "numeral-missing"),
    ("这体现出新业态蓬勃发展的。", "dangling-de"),
])
def test_each_rule_on_its_own(process_text, text, kind):
    result = process_text(f"测试市的示例报道。\n\n{text}\n")  # test fixture, not news
    assert [s.kind for s in result.suspects] == [kind]


@pytest.mark.parametrize("text", [
    "预披露公告披露之日起15个交易日后",  # a noun between: no repeat
    "保险标的的特定性",  # 的 doubled: a particle
    "一张张“处方图”",  # a reduplicated measure word
    "这是可以理解的。",  # 是…的
    "科技创新和产业创新深度融合",
])
def test_sound_text_is_left_alone(text):
    assert _word_level(text) == []


def records() -> list[dict]:
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))


def test_no_new_suspect_on_the_real_articles(process_text):
    """24 real articles (34,000 characters) the rules were not written from: none flagged."""
    paragraphs = [p for record in records() for p in record["content"] if p.strip()]
    assert len(paragraphs) > 300
    flagged = [(p[:20], kind) for p in paragraphs for *_, kind, _ in _word_level(p)]
    numeral = [p[:20] for p in paragraphs if "着个" in p or "了个" in p or "过个" in p]
    assert flagged == [] and numeral == []
