"""The judged measure of the Traditional edition (issue 17): real articles, judged spot by spot.

tests/conversion/expectations.tsv holds how a careful Taiwanese editor prints each spot
where stock OpenCC s2tw, s2twp and the edition disagree (and words all of them miss) on
the samples of tests/conversion/sample.tsv. The edition must meet every judgement but the
ones the file lists as known misses; every disagreement must be judged; and on the dev
sample it makes fewer errors than s2tw in every class, at most 1 per 1,000 Han characters.
The fresh sample (judged by a second reader, on articles the rules were never written
against) is measured, not fitted: its misses are pinned, so a change to the edition shows.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Spots every converter gets wrong and the edition does not fix yet (see the report).
KNOWN_MISSES = {"的“【谷子】”产", "辽中、【沈北】、法"}
# The edition's misses on the fresh sample (article, spot), as measured: 13 in 9,492 Han
# characters when first judged; 10 since surnames in guessed names and 只 after 10余 were
# fixed (mechanisms seen on this sample: it is no longer untouched, see the closing note).
FRESH_MISSES = sorted([
    ("ce_3025638", "紫晶【存储】案累"),
    ("ce_3025621", "指数【编制】规则"), ("ce_3025621", "资金向【编制】逻辑"), ("ce_3025621", "品。【编制】端要"),
    ("40739041", "到31.65【万亿】元"), ("ce_3025643", "到31.65【万亿】元"),
    ("ce_3025773", "动态【跟踪】，防"), ("ce_3025621", "、【跟踪】误差"), ("ce_3025621", "与【跟踪】效率"),
    ("ce_3025597", "可【跟踪】的配"),
])


def _module():
    spec = importlib.util.spec_from_file_location("conversion_errors", ROOT / "bench" / "conversion_errors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def judged():
    return _module()


@pytest.fixture(scope="module", params=["dev", "held-out", "fresh"])
def failures(request, judged):
    found, han = judged.judge(request.param)
    return request.param, found, han


def test_the_edition_meets_every_judgement(failures):
    name, found, _ = failures
    if name == "fresh":
        assert sorted((e.article, e.spot) for kind in found["edition"].values() for e in kind) == FRESH_MISSES
        return
    wrong = [(e.article, e.spot, e.expected) for kind in found["edition"].values() for e in kind
             if e.spot not in KNOWN_MISSES]
    assert wrong == []


def test_every_disagreement_is_judged(judged, failures):
    name, _, _ = failures
    assert judged.unjudged(name) == []


def test_dev_sample_meets_the_target_and_beats_s2tw_in_every_class(failures):
    name, found, han = failures
    if name != "dev":
        pytest.skip("the target is set on the dev sample")
    assert han >= 8000
    edition = {kind: len(spots) for kind, spots in found["edition"].items()}
    s2tw = {kind: len(spots) for kind, spots in found["s2tw"].items()}
    assert 1000 * sum(edition.values()) / han <= 1.0
    assert all(edition[kind] < s2tw[kind] for kind in ("names", "phrases", "characters", "vocabulary")), \
        (edition, s2tw)


def test_the_samples_are_fair(judged):
    """Several outlets and subjects, at least 8,000 Han characters each, no article in both
    (the corpus has six outlets: the held-out and fresh samples got two of them)."""
    rows = [line.split("\t") for line in (ROOT / "tests" / "conversion" / "sample.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for name, outlets in (("dev", 5), ("held-out", 2), ("fresh", 2)):
        chosen = [row for row in rows if row[1] == name]
        assert len({row[2] for row in chosen}) >= outlets and len({row[3] for row in chosen}) >= 6
        assert sum(int(row[4]) for row in chosen) >= 8000
    samples = [set(judged.sample(name)) for name in ("dev", "held-out", "fresh")]
    assert sum(len(ids) for ids in samples) == len(set().union(*samples)) == 24


def test_a_spot_is_read_whole_through_a_longer_output(judged):
    """The measure reads a converter's form through an alignment: 存储 → 儲存 and
    大语言模型 → 大型語言模型 are read whole, not character by character."""
    text = "提升存储与大语言模型"
    aligned = judged.Aligned(text, "提升儲存與大型語言模型")
    assert aligned.form(2, 4) == "儲存"
    assert aligned.form(5, 10) == "大型語言模型"
    assert aligned.form(4, 5) == "與"
