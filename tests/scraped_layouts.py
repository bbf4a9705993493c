"""Small builders of the scraped and structured layouts of the real-article corpus
(tests/fixtures/corpus/): test material only, never content of the site.

* ``scraped_page(record)``: a saved article page as a scraper writes it: title, a
  ``date　来源：outlet`` line, a ``记者：`` line when the record has a reporter, a
  ``责任编辑：`` line when it has an editor, then the paragraphs, blank-line separated.
* ``feed_page(records)``: a feed archive's page: per item a numbered title, Markdown
  labels (来源, 发布时间, 链接), the text once as raw HTML and once as text, an image
  link; the site's footer (share line, copyright, ICP) at the end.
* ``records_file(records, form)``: the records as JSON (``{"date", "count",
  "articles"}``, indented), a bare JSON list, or JSONL.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus" / "scraped-2026-06-12.json"


def corpus() -> dict:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def scraped_page(record: dict) -> str:
    lines = [record["title"], f"{record['publish_time']}\u3000来源：{record['source']}"]
    if record.get("reporter"):
        lines.append(f"记者：{record['reporter']}")
    if record.get("editor"):
        lines.append(f"责任编辑：{record['editor']}")
    return "\n".join(lines) + "\n\n" + "\n\n".join(record["content"]) + "\n"


def feed_page(records: list[dict]) -> str:
    items = []
    for number, record in enumerate(records, 1):
        raw = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in record["content"])
        items.append("\n".join([
            f"{number}.", record["title"], f"- 来源: {record['source']}", f"- 发布时间: {record['publish_time']}",
            f"- 链接: {record['url']}", "", raw, "", "\n\n".join(record["content"]), "",
            "![图片](https://example.org/image.jpg)", ""]))
    footer = ["分享到：", "Copyright © 2026 示例网 版权所有", "京ICP备12345678号-1", "京公网安备 11000002000001号"]
    return "\n".join(items + footer) + "\n"


def records_file(records: list[dict], form: str = "json", date: str = "2026-06-12") -> str:
    if form == "json":
        return json.dumps({"date": date, "count": len(records), "articles": records}, ensure_ascii=False, indent=1)
    if form == "list":
        return json.dumps(records, ensure_ascii=False, indent=2)
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
