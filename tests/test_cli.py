"""The ``baozhai`` command line: help, ``check`` on the seed, and bad input refused.

Every refusal exits non-zero, names the file and line, and writes nothing.
"""
from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, SEED_CONTENT, SEED_NAME, snapshot, write_content

from generator.cli import main

# test fixture, not news
PAGE = "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n活动持续两天，内容包括讲座和展览。\n"
PAGE_HANT = "\n# 示例報測試標題\n測試市今天舉辦示例活動，共有一百人參加。\n活動持續兩天，內容包括講座和展覽。\n"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seed_root(tmp_path):
    """A project folder: a copy of mkdocs.yml and of the seed content."""
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SEED_CONTENT, tmp_path / "content")
    return tmp_path


def test_help_lists_the_verbs(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: baozhai ")
    assert "    build      generate the pages and build the site\n" in out
    assert "    check      validate the content and report; writes nothing\n" in out


def test_no_verb_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    assert "the following arguments are required: COMMAND" in capsys.readouterr().err


def test_check_on_the_seed_reports_joins_errata_and_suspects_and_writes_nothing(capsys, seed_root):
    before = snapshot(seed_root)
    code, out, err = run(capsys, "--root", seed_root, "check")
    assert code == 0
    assert snapshot(seed_root) == before
    assert sorted(p.name for p in seed_root.iterdir()) == ["content", "mkdocs.yml"]
    lines = out.split("\n")
    assert lines[0] == "1 page(s), 4 article(s)"
    assert "  article 3: 无标题稿件（始于“国央行连续20个月增持黄…”） (provisional title) [2 paragraphs] " \
           "→ untitled-guo-yang-hang-lian-xu-20-ge" in lines
    joins = lines.index("  joins: 10")
    assert lines[joins + 1] == f"    {SEED_NAME}:43+45: line ends mid-sentence: “…梦是强国梦的” + “重要组成部分…”"
    assert lines[joins + 9] == f"    {SEED_NAME}:215+209: line ends mid-sentence: “…，黄金是全球” + “广泛接受的最…”"
    assert lines[joins + 10] == f"    {SEED_NAME}:225+227: line ends mid-sentence: “…计价、交易、” + “结算体系。…”"
    assert "  punctuation made full-width: 351 on 105 lines" in lines
    assert "  errata: 11" in lines
    assert f"    {SEED_NAME}:115: text: “场”字重复，系排印错误。" in lines
    suspects = lines.index("  suspects: 7")
    assert lines[suspects + 1:suspects + 8] == [
        f"    {SEED_NAME}:29: repeated: phrase repeated back-to-back: "
        "““强大的基础研究和原始创新能力”“强大的基础研究和原始创新能力””",
        f"    {SEED_NAME}:85: word-repeated: word repeated around a verb: “科技成果转化加快转化为现实生”",
        f"    {SEED_NAME}:87: same-pair: the same item on both sides: ““最后一公里”与“最后一公里””",
        f"    {SEED_NAME}:115: char-doubled: character doubled across words: “者、新的赛场场的重要主”",
        f"    {SEED_NAME}:119: numeral-missing: measure word 个 without a numeral: “水平决定着个国家科技”",
        f"    {SEED_NAME}:205: dangling-de: sentence ends in 的 without 是: “品新业态蓬勃发展的。”",
        f"    {SEED_NAME}:211: heading-is-sentence: heading ends like a sentence: “国央行连续20个月增持黄金。”",
    ]
    glossary = next(i for i, line in enumerate(lines) if line.startswith("glossary: "))
    assert lines[glossary].startswith(  # the as_of count depends on the day the check runs
        "glossary: 127 entries, 229 occurrences annotated; 0 without source, "
        "0 alias(es) without a reading of their own, 0 term(s) with uses uncounted, ")
    assert lines[-2:] == ["preservation: every source character accounted for and shown", ""]
    assert f"{SEED_NAME}:11:1: ( → （" not in out


def test_check_verbose_lists_each_punctuation_change(capsys, seed_root):
    code, out, _ = run(capsys, "--root", seed_root, "check", "--verbose")
    assert code == 0
    changes = [line for line in out.split("\n") if " → " in line and line.startswith(f"    {SEED_NAME}:")]
    assert len(changes) == 351
    assert changes[:3] == [f"    {SEED_NAME}:11:1: ( → （", f"    {SEED_NAME}:11:8: ) → ）",
                           f"    {SEED_NAME}:11:30: ; → ；"]


def test_check_with_content_flag(capsys, tmp_path):
    content = write_content(tmp_path / "elsewhere", {"sources/x.txt": PAGE})
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    code, out, _ = run(capsys, "--root", tmp_path, "check", "--content", content)
    assert code == 0
    assert "  article 1: 示例报测试标题 [2 paragraphs] → shi-li-bao-ce-shi-biao-ti" in out.split("\n")


# -- bad input: refused with file and line, nothing written ---------------------------

def refused(capsys, root, verb="build"):
    code, out, err = run(capsys, "--root", root, verb)
    assert code == 1
    assert out == ""
    assert sorted(p.name for p in root.iterdir()) == ["content", "mkdocs.yml"]  # no docs/, no site/
    assert err.startswith("baozhai: error: ") and err.endswith("\n")
    return err[len("baozhai: error: "):-1]


def test_missing_content_folder(capsys, tmp_path):
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    code, _, err = run(capsys, "--root", tmp_path, "build")
    assert code == 1
    assert err == f"baozhai: error: {tmp_path / 'content'}: content folder does not exist\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


def test_missing_mkdocs_yml(capsys, tmp_path):
    write_content(tmp_path, {"sources/x.txt": PAGE})
    code, _, err = run(capsys, "--root", tmp_path, "build")
    assert (code, err) == (1, f"baozhai: error: {tmp_path / 'mkdocs.yml'}: mkdocs.yml not found\n")


@pytest.mark.parametrize("data,line,message", [
    (b"", 1, "page is empty"),
    ("\n \n\u3000\n", 1, "page is empty (only whitespace)"),
    (("\n" + PAGE).encode("gb18030"), 2,
     "not UTF-8: looks like GB18030/GBK; convert it with `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8` "
     "and replace the file"),
    (PAGE_HANT.encode("big5"), 2,
     "not UTF-8: looks like Big5; convert it with `iconv -f BIG5 -t UTF-8 FILE > FILE.utf8` and replace the file"),
    (PAGE.encode("utf-16"), 1,
     "not UTF-8: looks like UTF-16; convert it with `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8` "
     "and replace the file"),
    (PAGE.encode() + b"\x00\x00\x01\x02\xff", 4, "binary data (NUL byte): not a text page"),
    ("---\ndate: 2026-01-05\n" + PAGE, 1, "front matter opened with --- is never closed"),
], ids=["empty", "whitespace", "gb18030", "big5", "utf16", "binary", "unclosed-front-matter"])
# pages of headings without body text build, with warnings: tests/test_bad_input.py
def test_bad_page_is_refused(capsys, tmp_path, data, line, message):
    content = write_content(tmp_path, {"sources/x.txt": data}, mkdocs=True)
    assert refused(capsys, tmp_path) == f"{content / 'sources' / 'x.txt'}:{line}: {message}"


def test_bad_page_is_refused_by_check_too(capsys, tmp_path):
    content = write_content(tmp_path, {"sources/x.txt": b""}, mkdocs=True)
    assert refused(capsys, tmp_path, "check") == f"{content / 'sources' / 'x.txt'}:1: page is empty"


def test_two_sources_claiming_the_same_page(capsys, tmp_path):
    meta = "publication: 示例报\ndate: 2026-01-05\npage: A02\n"
    content = write_content(tmp_path, {"sources/a.txt": PAGE, "sources/a.meta.yml": meta,
                                       "sources/b.txt": "---\n" + meta + "---\n" + PAGE}, mkdocs=True)
    assert refused(capsys, tmp_path) == (f"{content / 'sources' / 'b.txt'}:1: same page as a.txt "
                                         "(2026-01-05 A02): duplicate pages would share their URLs")


def test_bad_erratum_is_refused(capsys, tmp_path):
    content = write_content(tmp_path, {"sources/x.txt": PAGE, "errata.yml": (
        "- source: x.txt\n  line: 2\n  original: 示例报\n  correction: null\n  reason: 测试用途。\n")}, mkdocs=True)
    assert refused(capsys, tmp_path) == f"{content / 'errata.yml'}:1: original text “示例报” is no longer on x.txt:2"


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf" + PAGE.encode(), PAGE.replace("\n", "\r\n").encode(),
                                  PAGE.replace("\n", "\r").encode()], ids=["BOM", "CRLF", "CR"])
def test_bom_and_other_line_ends_are_accepted(capsys, tmp_path, data):
    write_content(tmp_path, {"sources/x.txt": data}, mkdocs=True)
    code, out, err = run(capsys, "--root", tmp_path, "check")
    assert (code, err) == (0, "")
    assert "  article 1: 示例报测试标题 [2 paragraphs] → shi-li-bao-ce-shi-biao-ti" in out.split("\n")


# -- the one real build ----------------------------------------------------------------

def test_build_then_a_failed_build_leaves_the_site_alone(capsys, tmp_path):
    content = write_content(tmp_path, {"sources/x.txt": PAGE}, mkdocs=True)
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    code, out, err = run(capsys, "--root", tmp_path, "build", "--timings", tmp_path / "timings.json")
    assert code == 0, err
    assert out.startswith("built 1 articles from 1 pages")
    timings = json.loads((tmp_path / "timings.json").read_text(encoding="utf-8"))
    stages = {"load", "read", "parse", "repair", "annotate", "words", "link", "render", "preservation", "write",
              "convert", "words data", "mkdocs", "mkdocs zh-Hans", "mkdocs zh-Hant", "bundles", "search index"}
    # every stage, and when the first MkDocs build began and the last could begin
    assert set(timings) == stages | {"mkdocs starts", "editions written", "total"}
    assert 0 < timings["mkdocs starts"] < timings["editions written"] < timings["total"]
    before = stages - {"convert", "words data", "mkdocs", "mkdocs zh-Hans", "mkdocs zh-Hant", "bundles", "search index"}
    assert timings["mkdocs starts"] > sum(timings[s] for s in before)  # the stages come first
    site = snapshot(tmp_path / "site")
    docs = snapshot(tmp_path / "docs")
    assert "index.html" in site
    article = "articles/shi-li-bao-ce-shi-biao-ti"
    assert any(name.startswith(article) and name.endswith(".html") for name in site)
    assert f"zh-Hans/{article}.md" in docs
    (content / "sources" / "x.txt").write_bytes(PAGE.encode("gb18030"))
    code, _, err = run(capsys, "--root", tmp_path, "build")
    assert code == 1 and "looks like GB18030/GBK" in err
    assert snapshot(tmp_path / "site") == site
    assert snapshot(tmp_path / "docs") == docs
