"""The structured reader: scraper records as JSON and JSONL, one article each.

Hand-made records are test fixtures, not news (示例报, 测试市, 张三)."""
from __future__ import annotations

import json

import pytest
from conftest import write_content

from generator.errors import SourceError
from generator.ingest.preserve import check_accounting
from generator.ingest.read import read_page
from generator.pipeline import process

# test fixture, not news
RECORD = {"title": "测试市举办示例活动", "publish_time": "2026-07-08 09:30", "source": "示例报",
          "reporter": "张三", "editor": "李四", "url": "https://example.org/1.html", "channel": "要闻",
          "content": ["示例报测试市7月8日讯 测试市今天举办示例活动，共有一百人参加。",
                      "活动亮点", "活动持续两天，内容包括讲座和展览。", "![图片](https://example.org/a.jpg)",
                      "《 示例报 》（ 2026年07月08日 02 版）"],
          "word_count": 40}


def records_json(records, **top) -> str:
    return json.dumps({**top, "articles": records}, ensure_ascii=False, indent=1)


def test_a_record_is_one_article_with_its_metadata(process_text):
    result = process_text(records_json([RECORD], date="2026-07-08"), name="x.json")
    [article] = result.page.articles
    assert article.title == "测试市举办示例活动"
    assert [b.text for b in article.bylines] == ["张三"]
    assert article.dateline.text == "示例报测试市7月8日讯"
    assert [(b.kind, b.text.text) for b in article.blocks] == [
        ("para", "测试市今天举办示例活动，共有一百人参加。"),
        ("heading", "活动亮点"), ("para", "活动持续两天，内容包括讲座和展览。")]
    assert article.meta.fields() == {"publication": "示例报", "date": "2026-07-08", "page": "02", "time": "09:30",
                                     "editor": "李四", "url": "https://example.org/1.html"}
    assert result.page.source.meta.fields() == {"date": "2026-07-08", "publication": "示例报", "time": "09:30",
                                                "editor": "李四", "url": "https://example.org/1.html"}
    assert sorted((f.kind, f.text.text) for f in result.page.furniture) == [
        ("file-field", "2026-07-08"), ("image", "![图片](https://example.org/a.jpg)"),
        ("paper-footer", "《 示例报 》（ 2026年07月08日 02 版）"), ("record-field", "2026-07-08 09:30"),
        ("record-field", "40"), ("record-field", "https://example.org/1.html"), ("record-field", "李四"),
        ("record-field", "示例报"), ("record-field", "要闻")]
    assert check_accounting(result.page, result.repairs) == []


def test_reading_lines_keep_their_file_lines(tmp_path):
    path = tmp_path / "x.json"
    text = records_json([RECORD])
    path.write_text(text, encoding="utf-8")
    page = read_page(path)
    lines = text.split("\n")
    for line in page.lines:  # one value per file line: each reading line has its file line's number
        assert line.number == line.origin.line and line.text in lines[line.number - 1]
    assert [(ln.origin.record, ln.origin.field) for ln in page.lines][:3] == [(1, "title"), (1, "publish_time"),
                                                                            (1, "source")]


def test_jsonl_records_share_a_line(tmp_path, process_text):
    other = dict(RECORD, title="测试市公布示例数据", content=["测试市今天公布示例数据，一切正常。"], reporter="")
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in (RECORD, other)) + "\n"
    result = process_text(text, name="x.jsonl")
    assert [a.title for a in result.page.articles] == ["测试市举办示例活动", "测试市公布示例数据"]
    source = result.page.source
    assert [source.where(ln.number) for ln in source.lines if ln.origin.field == "title"] == [1, 2]
    assert len({ln.number for ln in source.lines}) == len(source.lines)  # every reading line its own number
    assert check_accounting(result.page, result.repairs) == []


def one_page(tmp_path, name: str, text: str):
    [result] = process(write_content(tmp_path / name, {f"sources/{name}": text})).pages
    return result


@pytest.mark.parametrize("shape", [[RECORD], RECORD])
def test_a_bare_list_and_a_single_record(tmp_path, shape):
    assert one_page(tmp_path, "x.json", json.dumps(shape, ensure_ascii=False)).page.articles[0].title == \
        "测试市举办示例活动"


def test_a_bogus_reporter_is_a_flagged_note(process_text):
    result = process_text(records_json([dict(RECORD, reporter="走访测试市多个商圈")]), name="x.json")
    [article] = result.page.articles
    assert article.bylines == []
    [note] = [f for f in result.page.furniture if f.kind == "reporter-note"]
    assert note.text.text == "走访测试市多个商圈"
    [decision] = [d for d in result.page.decisions if d.kind == "reporter-note"]
    assert decision.doubtful and decision.line == note.text.first_line


def test_content_text_is_kept_as_a_copy_and_checked(tmp_path):
    copy = "\n".join(RECORD["content"][:3])
    result = one_page(tmp_path, "x.json", records_json([dict(RECORD, content_text=copy)]))
    assert [f.kind for f in result.page.furniture].count("copy") == 3
    assert not [d for d in result.page.decisions if d.kind == "copy"]
    result = one_page(tmp_path, "y.json", records_json([dict(RECORD, content_text="另一段文字。")]))
    assert [(d.kind, d.doubtful) for d in result.page.decisions if d.kind == "copy"] == [("copy", True)]


def test_html_in_content_becomes_paragraphs(process_text):
    record = dict(RECORD, content=["<p>测试市今天举办示例活动，共有一百人参加。</p><p>活动持续两天&nbsp;，内容包括讲座和展览。</p>"])
    result = process_text(records_json([record]), name="x.json")
    [article] = result.page.articles
    assert [b.text.text for b in article.paragraphs] == ["测试市今天举办示例活动，共有一百人参加。", "活动持续两天 ，内容包括讲座和展览。"]
    assert check_accounting(result.page, result.repairs) == []


@pytest.mark.parametrize("name,text,line,message", [
    ("x.json", '{"articles": [\n {"title": "测试",\n  "content": ["甲"]\n ,}\n]}', 4, "not valid JSON: Expecting property "
     "name enclosed in double quotes (column 3)"),
    ("x.json", '{"articles": [\n {"title": "测试", "content": ["测试市今天举办示例活动。"]},\n {"content": ["乙"]}\n]}', 3,
     "record 2 has no title"),
    ("x.json", '[\n "测试"\n]', 2, "record 1 is not an object (got str)"),
    ("x.json", '{"date": "2026-07-08"}', 1, "no list of records: expected one of articles, records, items, data or a list"),
    ("x.jsonl", '{"title": "测试", "content": ["测试市今天举办示例活动。"]}\n\n{"title": "测试二"}\n', 3,
     "record 2 has no content"),
    ("x.jsonl", '{"title": "测试", "content": ["测试市\\u0007活动。"]}\n', 1,
     "record 1, field content[0]: control character U+0007"),
    ("x.json", '[]', 1, "no records in the file"),
])
def test_bad_records_name_file_and_line(tmp_path, name, text, line, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_page(path)
    assert (info.value.line, info.value.message) == (line, message)
    assert info.value.path == str(path)


def test_a_record_without_body_text_is_an_error(tmp_path, process_text):
    with pytest.raises(SourceError, match=r"record 1 \(“测试”\) has no body text") as info:
        process_text(records_json([{"title": "测试", "content": ["![图片](a.jpg)"]}]), name="x.json")
    assert info.value.line == 6  # the content's line
