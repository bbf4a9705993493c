"""Bad input: a table of broken content, each row accepted and handled, or refused.

A refused row runs ``baozhai build`` (through ``generator.cli.main``) over a
project that already has a site, docs and bundles: it must exit 1 with
exactly ``baozhai: error: FILE:LINE: message`` and leave every file of the
project as it was. An accepted row runs ``baozhai check``: it must exit 0 and
report what the row expects. (tests/test_read.py and tests/test_cli.py cover
the plain cases — an empty page, a GB18030/Big5/UTF-16-with-BOM page, CRLF or
CR alone, a heading without body at the end, a stale erratum — this table
covers the variants and the rest.) Test fixtures, not news.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from conftest import snapshot, write_content

from generator.cli import main

PAGE = "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n活动持续两天，内容包括讲座和展览。\n"
HANT = "# 示例報測試標題\n測試市今天舉辦示例活動，共有一百人參加。\n活動持續兩天，內容包括講座和展覽。\n"
ENTRY = "- term: 示例活动\n  category: event\n  gloss: sample event\n  definition: 测试用的活动。\n"
GB_HINT = ("not UTF-8: looks like GB18030/GBK; convert it with "
           "`iconv -f GB18030 -t UTF-8 FILE > FILE.utf8` and replace the file")
BIG5_HINT = "not UTF-8: looks like Big5; convert it with `iconv -f BIG5 -t UTF-8 FILE > FILE.utf8` and replace the file"


@dataclass(frozen=True)
class Row:
    """``files`` inside content/ → refused (``where`` = file inside content/, ``line``,
    ``message``) or accepted (``report`` = lines ``baozhai check`` must print)."""

    files: dict
    where: str | None = None
    line: int | None = None
    message: str = ""
    report: tuple[str, ...] = field(default=())


def refused(where, line, message, **files):
    return Row(_files(files), where, line, message)


def accepted(*report, **files):
    return Row(_files(files), report=report)


def _files(files: dict) -> dict:
    """Keyword names → content paths: x → sources/x.txt, x_meta → sources/x.meta.yml,
    glossary/errata/phrases → their files."""
    names = {"glossary": "glossary.yml", "errata": "errata.yml", "phrases": "phrases.txt"}
    result = {}
    for key, data in files.items():
        if key in names:
            result[names[key]] = data
        elif key.endswith("_meta"):
            result[f"sources/{key[:-5]}.meta.yml"] = data
        else:
            result[f"sources/{key}.txt"] = data
    return result


BIG = 20 * 1024 * 1024

ROWS = {
    # -- encodings -------------------------------------------------------------------
    "utf8-bom-with-front-matter": accepted(
        "  article 1: 示例报测试标题 [2 paragraphs] → shi-li-bao-ce-shi-biao-ti",
        x=b"\xef\xbb\xbf---\npublication: \xe7\xa4\xba\xe4\xbe\x8b\xe6\x8a\xa5\n---\n" + PAGE.encode()),
    "utf16le-without-bom": refused(
        "sources/x.txt", 1, "not UTF-8: looks like UTF-16LE; convert it with "
        "`iconv -f UTF-16LE -t UTF-8 FILE > FILE.utf8` and replace the file", x=PAGE.encode("utf-16-le")),
    "utf16be-without-bom": refused(
        "sources/x.txt", 1, "not UTF-8: looks like UTF-16BE; convert it with "
        "`iconv -f UTF-16BE -t UTF-8 FILE > FILE.utf8` and replace the file", x=PAGE.encode("utf-16-be")),
    "gb18030-line-in-a-utf8-page": refused(
        "sources/x.txt", 4, "not UTF-8: this line looks like GB18030/GBK while the lines before it are UTF-8: "
        "retype it in UTF-8", x=PAGE.encode() + "第四行用了另一种编码。\n".encode("gb18030")),
    "big5-second-page": refused("sources/y.txt", 1, BIG5_HINT, x=PAGE, y=HANT.encode("big5")),
    "gb18030-sidecar": refused("sources/x.meta.yml", 1, GB_HINT, x=PAGE, x_meta="publication: 示例报\n".encode("gb18030")),
    "gb18030-glossary": refused("glossary.yml", 1, GB_HINT, x=PAGE, glossary=ENTRY.encode("gb18030")),
    "utf16-errata": refused("errata.yml", 1, "not UTF-8: looks like UTF-16; convert it with "
                            "`iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8` and replace the file",
                            x=PAGE, errata="- source: x.txt\n".encode("utf-16")),
    # -- bytes that are not text ----------------------------------------------------------
    "nul-byte-mid-page": refused("sources/x.txt", 2, "binary data (NUL byte): not a text page",
                                 x=PAGE.replace("今天", "今\x00天").encode()),
    "c1-control-nel": refused("sources/x.txt", 3, "control character U+0085: not a text page",
                              x=PAGE.replace("两天", "两\x85天")),
    "20mb-single-line": refused("sources/x.txt", 1, f"file is {BIG / 1e6:.1f} MB; a source page may be at most "
                                "4 MB: split it into pages", x=b"# t\n" + "测试文字，".encode() * (BIG // 15)),
    "150k-character-line": refused(
        "sources/x.txt", 2, "line has 150,001 characters; a source line may have at most 100,000 "
        "(is this extracted page text?)", x="# 示例\n" + "测试文字，" * 30000 + "。\n"),
    # -- shapes of a page --------------------------------------------------------------------
    "only-headings": accepted(  # builds: every heading published, each with a warning
        "  article 1: 第一 [0 paragraphs] → di-yi",
        "  article 2: 第二 [0 paragraphs, 1 subheads] → di-er",
        "    x.txt:1: warning: no-body: “第一” has no body text: the page has no body text: published as it is",
        x="# 第一\n# 第二\n## 第三\n### 第四\n"),
    "only-whitespace-tabs-and-ideographic": refused("sources/x.txt", 1, "page is empty (only whitespace)",
                                                    x="\t\t\r\n\u3000\u3000\r\n   \n"),
    "heading-without-body-mid-page": accepted(  # the empty headline becomes a subhead, with a warning
        "  article 1: 示例报测试标题 [2 paragraphs, 1 subheads] → shi-li-bao-ce-shi-biao-ti",
        "  article 2: 又一篇 [1 paragraphs] → you-yi-pian",
        "    x.txt:4: warning: no-body: “空的标题” has no body text: kept as section heading(s) of “示例报测试标题”",
        "preservation: every source character accounted for and shown",
        x=PAGE + "# 空的标题\n# 又一篇\n正文。\n"),
    "section-heading-with-nothing-after-it": accepted(
        "  article 1: 示例报测试标题 [2 paragraphs, 1 subheads] → shi-li-bao-ce-shi-biao-ti",
        "preservation: every source character accounted for and shown", x=PAGE + "## 最后的小标题\n"),
    "unbalanced-quotes-and-brackets": accepted(
        "  article 1: 示例报测试标题 [2 paragraphs] → shi-li-bao-ce-shi-biao-ti",
        "preservation: every source character accounted for and shown",
        x=PAGE.replace("今天", "“今天(（【《").replace("两天", "」』)]两天")),
    "tabs-inside-lines": accepted(  # PDF table columns; Markdown would expand a raw tab into spaces
        "  article 1: 示例报测试\t标题 [2 paragraphs] → shi-li-bao-ce-shi-biao-ti",
        "preservation: every source character accounted for and shown",
        x=PAGE.replace("今天", "\t今天\t\t").replace("标题", "\t标题")),
    "mixed-crlf-cr-lf": accepted(
        "  article 1: 示例报测试标题 [2 paragraphs] → shi-li-bao-ce-shi-biao-ti",
        x="# 示例报测试标题\r\n测试市今天举办示例活动，共有一百人参加。\r活动持续两天，内容包括讲座和展览。\n"),
    "10000-one-character-paragraphs": accepted(
        "  article 1: 示例报测试标题 [10000 paragraphs] → shi-li-bao-ce-shi-biao-ti",
        x="# 示例报测试标题\n\n" + "".join(f"{'甲乙丙丁戊己庚辛'[i % 8]}\n\n" for i in range(10000))),
    # -- metadata --------------------------------------------------------------------------------
    "impossible-date": refused("sources/x.txt", 3, "date must be YYYY-MM-DD, got '2026-02-30'",
                               x="---\npublication: 示例报\ndate: '2026-02-30'\n---\n" + PAGE),
    "impossible-unquoted-date": refused("sources/x.meta.yml", 2, "metadata is not valid YAML: day is out of "
                                        "range for month", x=PAGE, x_meta="page: A01\ndate: 2026-02-30\n"),
    "date-with-time": refused("sources/x.meta.yml", 1, "date must be YYYY-MM-DD, got '2026-07-08 10:00:00'",
                              x=PAGE, x_meta="date: 2026-07-08 10:00:00\n"),
    "list-as-publication": refused("sources/x.meta.yml", 2, "metadata publication must be a single value, not a list",
                                   x=PAGE, x_meta="page: A01\npublication: [示例报, 测试报]\n"),
    "yaml-alias-bomb-in-metadata": refused(
        "sources/x.meta.yml", 1, "metadata edition must be a single value, not a list", x=PAGE,
        x_meta="edition: &a [x, x, x, x, x, x, x, x, x]\npage: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
               "publication: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
               "date: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
    "invalid-yaml-sidecar": refused("sources/x.meta.yml", 2, "metadata is not valid YAML: mapping values are "
                                    "not allowed here", x=PAGE, x_meta="publication: 示例报\npage: A: 02\n"),
    # -- glossary ----------------------------------------------------------------------------------
    "invalid-yaml-glossary": refused("glossary.yml", 6, "not valid YAML: found character '\\t' that cannot "
                                     "start any token", x=PAGE, glossary=ENTRY + "- term: 讲座\n\tcategory: event\n"),
    "deeply-nested-glossary": refused("glossary.yml", None, "not valid YAML: maximum recursion depth exceeded",
                                      x=PAGE, glossary="[" * 5000 + "]" * 5000),
    "one-character-term": refused("glossary.yml", 1, "entry 展: “展” is one character; it would match inside "
                                  "countless words (one Latin letter, e.g. a unit, is allowed)",
                                  x=PAGE, glossary=ENTRY.replace("示例活动", "展")),
    "duplicate-alias": refused("glossary.yml", 6, "alias “展览” is claimed by “示例活动” (line 1) and “讲座”",
                               x=PAGE, glossary=ENTRY + "  aliases: [展览]\n- term: 讲座\n  category: event\n"
                                                        "  gloss: lecture\n  definition: 测试。\n  aliases: [展览]\n"),
    "pinyin-not-text": refused("glossary.yml", 1, "entry 示例活动: pinyin must be text", x=PAGE,
                               glossary=ENTRY + "  pinyin: 123\n"),
    "control-character-in-gloss": refused("glossary.yml", 1, "entry 示例活动: gloss holds a control character or "
                                          "line break", x=PAGE, glossary=ENTRY.replace("sample event", '"a\\x01b"')),
    "impossible-date-as-term": refused("glossary.yml", 1, "not valid YAML: day is out of range for month", x=PAGE,
                                       glossary=ENTRY.replace("示例活动", "2026-02-30")),
    "term-in-every-sentence": accepted(
        "glossary: 1 entries, 7 occurrences annotated; 0 without source, 0 alias(es) without a reading of their "
        "own, 0 term(s) with uses uncounted, 0 as_of older than 2 years",  # 6 in the body, 1 in the headline
        x="# 示例报测试标题\n" + "".join(f"第{n}句测试了{n}次。\n\n" for n in range(1, 6)) + "测试。\n",
        glossary=ENTRY.replace("示例活动", "测试") + "  source: 测试用例（非新闻），2026\n"),
    # -- errata ----------------------------------------------------------------------------------------
    "erratum-original-gone": refused("errata.yml", 5, "original text “一千人” is no longer on x.txt:2", x=PAGE,
                                     errata="- source: x.txt\n  line: 2\n  original: 一百人\n  reason: 测试。\n"
                                            "- source: x.txt\n  line: 2\n  original: 一千人\n  reason: 测试。\n"),
    "erratum-line-past-the-end": refused("errata.yml", 1, "x.txt has no line 99", x=PAGE,
                                         errata="- source: x.txt\n  line: 99\n  original: 一\n  reason: 测试。\n"),
    "erratum-unknown-source": refused("errata.yml", 1, "erratum names unknown source 'y.txt'", x=PAGE,
                                      errata="- source: y.txt\n  line: 2\n  original: 一\n  reason: 测试。\n"),
}


def project(root, files):
    """A project that already has a site, docs and bundles from an earlier build."""
    write_content(root, files, mkdocs=True)
    for name, data in {"site/index.html": "<p>previous site</p>", "site/zh-Hant/index.html": "<p>繁體</p>",
                       "docs/zh-Hans/index.md": "# previous", "dist/baozhai-offline-zh-Hans.zip": "PK"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(data, encoding="utf-8")
    return root / "content"


@pytest.mark.parametrize("row", list(ROWS.values()), ids=list(ROWS))
def test_bad_input(capsys, tmp_path, row):
    content = project(tmp_path, row.files)
    before = snapshot(tmp_path)
    code = main(["--root", str(tmp_path), "check" if row.report else "build"])
    out, err = capsys.readouterr()
    if row.report:
        assert (code, err) == (0, ""), err
        lines = out.split("\n")
        assert [line for line in row.report if line not in lines] == []
    else:
        where = str(content / row.where) + (f":{row.line}" if row.line is not None else "")
        assert (code, out, err) == (1, "", f"baozhai: error: {where}: {row.message}\n")
    assert snapshot(tmp_path) == before  # nothing written, the previous site untouched
