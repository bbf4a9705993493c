"""Ingest, read: finding, decoding and splitting source pages; page metadata."""
from __future__ import annotations

import pytest
from conftest import SEED_NAME, SEED_SOURCE

from generator.errors import SourceError
from generator.ingest.read import decode, find_sources, read_page
from generator.model import PageMeta

# test fixture, not news
PAGE = "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n"
# test fixture, not news (Traditional characters, for the Big5 case)
PAGE_HANT = "\n# 示例報測試標題\n測試市今天舉辦示例活動，共有一百人參加。\n活動持續兩天，內容包括講座和展覽。\n"
GB_HINT = ("not UTF-8: looks like GB18030/GBK; convert it with "
           "`iconv -f GB18030 -t UTF-8 FILE > FILE.utf8` and replace the file")
BIG5_HINT = ("not UTF-8: looks like Big5; convert it with "
             "`iconv -f BIG5 -t UTF-8 FILE > FILE.utf8` and replace the file")


def write(tmp_path, data, name="x.txt"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def refused(path) -> SourceError:
    with pytest.raises(SourceError) as info:
        read_page(path)
    return info.value


# -- finding sources ---------------------------------------------------------

def test_missing_content_folder(tmp_path):
    with pytest.raises(SourceError) as info:
        find_sources(tmp_path / "nowhere")
    assert str(info.value) == f"{tmp_path / 'nowhere'}: content folder does not exist"


def test_content_without_sources_folder(tmp_path):
    with pytest.raises(SourceError, match="no sources/ folder: raw pages go in sources/\\*.txt"):
        find_sources(tmp_path)


def test_sources_folder_without_pages(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(SourceError, match=r"no source pages \(\*\.txt, \*\.json, \*\.jsonl\) found"):
        find_sources(tmp_path)


def test_sources_in_name_order_and_only_txt(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    for name in ("b.txt", "a.txt", "a.meta.yml", "c.md"):
        (folder / name).write_text(PAGE, encoding="utf-8")
    assert [p.name for p in find_sources(tmp_path)] == ["a.txt", "b.txt"]


# -- the seed ----------------------------------------------------------------

def test_seed_is_read_line_for_line():
    page = read_page(SEED_SOURCE)
    assert page.name == SEED_NAME
    assert page.key == SEED_NAME[:-4]
    assert page.meta == PageMeta()
    assert page.body_start == 1
    assert len(page.lines) == 233
    assert [ln.number for ln in page.lines] == list(range(1, 234))
    assert page.lines[2].text == "# 为民族复兴积聚磅礴伟力"
    assert page.lines[0].text == page.lines[1].text == ""
    assert page.lines[232].text.endswith("为香港金融市场高质量发展筑牢坚实保障。")


# -- encodings ---------------------------------------------------------------

def test_utf8_page_is_read(tmp_path):
    page = read_page(write(tmp_path, PAGE))
    assert [ln.text for ln in page.lines] == ["# 示例报测试标题", "测试市今天举办示例活动，共有一百人参加。", ""]


def test_utf8_bom_is_accepted_and_dropped(tmp_path):
    page = read_page(write(tmp_path, b"\xef\xbb\xbf" + PAGE.encode()))
    assert page.lines[0].text == "# 示例报测试标题"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_crlf_and_cr_line_ends_are_accepted(tmp_path, newline):
    page = read_page(write(tmp_path, PAGE.replace("\n", newline)))
    assert [ln.text for ln in page.lines] == ["# 示例报测试标题", "测试市今天举办示例活动，共有一百人参加。", ""]


def test_empty_file(tmp_path):
    path = write(tmp_path, b"")
    err = refused(path)
    assert (err.path, err.line, err.message) == (str(path), 1, "page is empty")


def test_whitespace_only_file(tmp_path):
    err = refused(write(tmp_path, "  \n\t\n\u3000\n"))
    assert (err.line, err.message) == (1, "page is empty (only whitespace)")


def test_ascii_whitespace_only_file(tmp_path):
    err = refused(write(tmp_path, "\n \n\t\r\n"))
    assert (err.line, err.message) == (1, "page is empty")


def test_gb18030_file_names_the_encoding_and_the_fix(tmp_path):
    path = write(tmp_path, ("\n" + PAGE).encode("gb18030"))
    err = refused(path)
    assert (err.path, err.line, err.message) == (str(path), 2, GB_HINT)
    assert str(err) == f"{path}:2: {GB_HINT}"


def test_gb18030_file_with_traditional_characters_is_still_gb18030(tmp_path):
    err = refused(write(tmp_path, PAGE_HANT.encode("gb18030")))
    assert (err.line, err.message) == (2, GB_HINT)


def test_big5_file_names_the_encoding(tmp_path):
    err = refused(write(tmp_path, PAGE_HANT.encode("big5")))
    assert (err.line, err.message) == (2, BIG5_HINT)


def test_short_big5_file_is_not_taken_for_gb18030(tmp_path):
    err = refused(write(tmp_path, "# 測試\n測試。\n".encode("big5")))
    assert err.message == BIG5_HINT


@pytest.mark.parametrize("codec,label", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16BE"),
                                         ("utf-16-le", "UTF-16LE")])
def test_utf16_file_names_the_encoding(tmp_path, codec, label):
    data = PAGE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data  # with a byte-order mark: reported as plain UTF-16
        label = "UTF-16"
    err = refused(write(tmp_path, data))
    assert (err.line, err.message) == (1, f"not UTF-8: looks like {label}; convert it with "
                                          f"`iconv -f {label} -t UTF-8 FILE > FILE.utf8` and replace the file")


def test_binary_file_is_refused_at_the_nul_byte(tmp_path):
    err = refused(write(tmp_path, PAGE.encode() + b"\x00\x01\x02\xff\xfe binary"))
    assert (err.line, err.message) == (3, "binary data (NUL byte): not a text page")


def test_image_file_is_refused(tmp_path):
    err = refused(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))
    assert err.message == "binary data (NUL byte): not a text page"


def test_control_character_is_refused_with_its_line(tmp_path):
    err = refused(write(tmp_path, PAGE + "测试\x07示例\n"))
    assert (err.line, err.message) == (3, "control character U+0007: not a text page")


def test_unrecognised_encoding(tmp_path):
    err = refused(write(tmp_path, b"# caf\xe9 \n"))
    assert (err.line, err.message) == (
        1, "not valid UTF-8 and not a recognised Chinese encoding: save the page as UTF-8")


def test_decode_never_guesses_through(tmp_path):
    assert decode("测试\r\n示例".encode(), tmp_path) == "测试\n示例"


# -- metadata: front matter and sidecar ----------------------------------------

FRONT = "---\npublication: 示例报\ndate: 2026-01-05\npage: A02\n---\n" + PAGE


def test_front_matter_is_metadata_and_the_body_starts_after_it(tmp_path):
    page = read_page(write(tmp_path, FRONT))
    assert page.meta == PageMeta(publication="示例报", date="2026-01-05", page="A02")
    assert page.body_start == 6
    assert page.lines[5].text == "# 示例报测试标题"


def test_sidecar_is_metadata(tmp_path):
    path = write(tmp_path, PAGE)
    write(tmp_path, "publication: 示例报\ndate: 2026-01-05\npage: A02\nedition: 测试版\n", "x.meta.yml")
    page = read_page(path)
    assert page.meta == PageMeta(publication="示例报", date="2026-01-05", page="A02", edition="测试版")
    assert page.body_start == 1


def test_front_matter_and_sidecar_together_is_an_error(tmp_path):
    path = write(tmp_path, FRONT)
    write(tmp_path, "date: 2026-01-05\n", "x.meta.yml")
    err = refused(path)
    assert (err.path, err.line, err.message) == (str(path), 1, "metadata given twice: front matter and x.meta.yml")


def test_front_matter_never_closed(tmp_path):
    err = refused(write(tmp_path, "---\ndate: 2026-01-05\n" + PAGE))
    assert (err.line, err.message) == (1, "front matter opened with --- is never closed")


def test_front_matter_with_bad_yaml_names_its_line(tmp_path):
    err = refused(write(tmp_path, "---\ndate: 2026-01-05\npage: [A02\n---\n" + PAGE))
    assert err.line == 3  # the unclosed [ on the page line
    assert err.message.startswith("metadata is not valid YAML: ")


def test_sidecar_with_bad_yaml_names_the_sidecar_and_line(tmp_path):
    path = write(tmp_path, PAGE)
    sidecar = write(tmp_path, "date: 2026-01-05\npage: : :\n", "x.meta.yml")
    err = refused(path)
    assert (err.path, err.line) == (str(sidecar), 2)
    assert err.message.startswith("metadata is not valid YAML: ")


@pytest.mark.parametrize("meta,message", [
    ("date: 5.1.2026", "date must be YYYY-MM-DD, got '5.1.2026'"),
    ("page: 第二版", "page must look like A02 or 5, got '第二版'"),
    ("paper: 示例报", "unknown metadata field(s): paper"),
    ("- date", "metadata must be a mapping of publication/date/page/edition/region"),
])
def test_bad_metadata_values(tmp_path, meta, message):
    err = refused(write(tmp_path, f"---\n{meta}\n---\n" + PAGE))
    assert (err.line, err.message) == (2, message)


def test_page_with_only_front_matter_is_empty(tmp_path):
    err = refused(write(tmp_path, "---\ndate: 2026-01-05\n---\n\n"))
    assert err.message == "page is empty (only whitespace)"
