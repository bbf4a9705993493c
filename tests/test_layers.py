"""The reviewed layers (generator/editions/layers/): their format, conditions and coverage."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import opencc
import pytest

from generator.editions.layers import LAYERS, Cut, Layer, parse_rule, read_rules
from generator.editions.words import boundaries, words


def layer(*lines: str) -> Layer:
    return Layer([parse_rule(line, f"test:{n}") for n, line in enumerate(lines, start=1)])


def apply(rules: Layer, text: str) -> list[tuple[str, str]]:
    cut = Cut(boundaries(words(text)))
    return [(text[m.start:m.end], m.rule.value) for m in rules.matches(text, cut, lambda s, e: False)]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("计算机\t電腦\t-", "expected 4 tab-separated columns"),
        ("计算机\t電腦\t\t理由", "expected 4 tab-separated columns"),
        ("计算 机\t電腦\t-\t理由", "Han characters"),
        ("计算机\t<b>\t-\t理由", "Han characters"),
        ("计算机\t電腦\tsoon\t理由", "unknown condition 'soon'"),
        ("计算机\t電腦\tafter=(\t理由", "bad pattern '('"),
    ],
)
def test_a_bad_rule_names_its_file_and_line(line, message):
    with pytest.raises(ValueError, match=f"^test:7: .*{re.escape(message)}"):
        parse_rule(line, "test:7")


def test_a_repeated_rule_is_an_error(tmp_path: Path):
    path = tmp_path / "layer.tsv"
    path.write_text("# x\n计算机\t電腦\t-\t理由\n\n计算机\t電算機\t-\t又一个\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"layer\.tsv:4: rule 计算机 \(-\) repeats line 2"):
        read_rules(path)


def test_conditions():
    rules = layer("质量\t品質\t!before=高 !after=守恒\tquality",
                  "水平\t水準\tnot=水平线|海平水平\tlevel",
                  "社区\t社群\tbefore=(开源|在线)$\tonline",
                  "系\t係\talone\tcopula",
                  "硅\t矽\tanywhere\telement")
    assert apply(rules, "产品质量") == [("质量", "品質")]
    assert apply(rules, "高质量发展") == []
    assert apply(rules, "质量守恒") == []
    assert apply(rules, "收入水平") == [("水平", "水準")]
    assert apply(rules, "一条水平线") == []
    assert apply(rules, "开源社区") == [("社区", "社群")]
    assert apply(rules, "社区医院") == []
    assert apply(rules, "，系排印错误") == [("系", "係")]
    assert apply(rules, "体系") == []  # not a word of its own
    assert apply(rules, "单晶硅片") == [("硅", "矽")]


def test_several_rules_for_a_word_the_first_that_holds_wins():
    rules = layer("笔记本\t筆電\tafter=[、]?(平板|手机)\tlaptop", "笔记本\t筆電\tbefore=(手机|平板)[、]?\tlaptop")
    assert apply(rules, "笔记本、平板") == [("笔记本", "筆電")]
    assert apply(rules, "手机、笔记本") == [("笔记本", "筆電")]
    assert apply(rules, "一本笔记本") == []


def test_word_boundaries_hard_soft_and_guessed():
    rules = layer("数码\t數位\t-\tdigital", "大语言模型\t大型語言模型\t-\tLLM", "传感\t感測\t-\tsensing",
                  "书签\t書籤\t-\tbookmark")
    assert apply(rules, "数码产品") == [("数码", "數位")]  # 数码|产品: two dictionary words
    assert apply(rules, "地面传感器") == [("传感", "感測")]  # 传感|器
    assert apply(rules, "大语言模型") == [("大语言模型", "大型語言模型")]
    assert apply(rules, "最大语言模型") == []  # 最|大: no boundary inside 最大
    assert apply(rules, "招股说明书签署") == []  # 书签 would cut both 说明书 and 签署


def test_every_rule_file_reads():
    taiwan = read_rules(LAYERS / "taiwan.tsv")
    characters = read_rules(LAYERS / "characters.tsv")
    assert len(taiwan) > 800 and len(characters) >= 5
    assert all(rule.reason for rule in taiwan + characters)


def _twphrases(tmp_path: Path) -> dict[str, str]:
    """OpenCC's TWPhrases, read with the opencc package's own opencc_dict tool, keyed
    like the layer (the entry taken back to Simplified)."""
    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    source = Path(opencc.OpenCC("s2t").config).parent / "TWPhrases.ocd2"
    target = tmp_path / "TWPhrases.txt"
    subprocess.run([str(tool), "-i", str(source), "-o", str(target), "-f", "ocd2", "-t", "text"], check=True,
                   capture_output=True)
    to_simplified = opencc.OpenCC("t2s")
    entries = (line.split("\t") for line in target.read_text(encoding="utf-8").splitlines() if line)
    return {to_simplified.convert(key): value.split(" ")[0] for key, value in entries}


def test_every_twphrases_entry_was_reviewed(tmp_path: Path):
    """Each of OpenCC's TWPhrases entries is either a rule of taiwan.tsv or left out
    with its reason in twphrases_review.tsv: none was skipped; one in both is a word
    whose TWPhrases form was replaced by a rule of Baozhai's own (reason "own rule")."""
    entries = _twphrases(tmp_path)
    adopted = {rule.source for rule in read_rules(LAYERS / "taiwan.tsv")}
    review = [line.split("\t") for line in (LAYERS / "twphrases_review.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    left_out = {row[0] for row in review}
    assert all(len(row) == 3 and row[2] for row in review)
    assert len(entries) == 818
    assert sorted(set(entries) - adopted - left_out) == []
    own = {row[0] for row in review if row[2].startswith("own rule")}
    assert sorted(adopted & left_out - own) == []
