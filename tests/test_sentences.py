"""generator.ingest.sentences: where a sentence ends (ledes, continued texts). Test fixtures, not news."""
from __future__ import annotations

import pytest

from generator.ingest.sentences import ends_sentence, sentence_end


@pytest.mark.parametrize(("text", "expected"), [
    ("测试市举办示例活动。", True), ("真的吗？", True), ("活动还将持续……", True),
    ("他说：“活动很好。”", True), ("他说：“活动很好！”」", True),
    ("测试市举办示例活动，共有", False), ("前文的后半句；", False), ("", False),
])
def test_a_paragraph_ends_a_sentence(text, expected):
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(("text", "start", "shortest", "expected"), [
    ("甲。乙。", 0, 1, 2),
    ("甲。乙丙丁。", 0, 3, 6),  # too short: the sentence goes on
    ("他说：“好。”然后走了。", 0, 1, 12),  # an end inside quotation marks is not the sentence's
    ("他说：“好。”", 0, 1, 7),  # a text that ends after its closing quote
    ("甲。乙丙", 2, 1, None),  # from ``start`` no sentence ends
])
def test_where_the_first_sentence_ends(text, start, shortest, expected):
    assert sentence_end(text, start, shortest) == expected
