"""Small builders of the scraped and structured layouts of the real-article corpus
(tests/fixtures/corpus/): test material only, never content of the site.

* ``scraped_page(record)``: a saved article page as a scraper writes it: title, a
  ``date　来源：outlet`` line, a ``记者：`` line when the record has a reporter, a
  ``责任编辑：`` line when it has an editor, then the paragraphs, blank-line separated.
* ``feed_page(records)``: a feed archive's page: per item a numbered title, Markdown
  labels (来源, 发布时间, 链接, 作者), the text once as raw HTML and once as text, an image
  link; the site's footer (share line, copyright, ICP) at the end.
* ``records_file(records, form)``: the records as JSON (``{"date", "count",
  "articles"}``, indented), a bare JSON list, or JSONL.
"""
from __future__ import annotations

import html
import json
import re
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
            f"- 链接: {record['url']}"] + ([f"- 作者: {record['reporter']}"] if record.get("reporter") else []) + [
            "", raw, "", "\n\n".join(record["content"]), "",
            "![图片](https://example.org/image.jpg)", ""]))
    footer = ["分享到：", "Copyright © 2026 示例网 版权所有", "京ICP备12345678号-1", "京公网安备 11000002000001号"]
    return "\n".join(items + footer) + "\n"


def records_file(records: list[dict], form: str = "json", date: str = "2026-06-12") -> str:
    if form == "json":
        return json.dumps({"date": date, "count": len(records), "articles": records}, ensure_ascii=False, indent=1)
    if form == "list":
        return json.dumps(records, ensure_ascii=False, indent=2)
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


# -- scoring on the rendered Markdown (works on any version of the generator) -----------------

BOGUS = ("走访北京多个商圈", "从“普益标准”金")  # the corpus's reporter fields that are not names
WRAPPERS = ("来源：", "来源:", "发布时间", "链接:", "記者：", "记者：", "责任编辑：", "<p>", "</p>", "&nbsp;", "![",
            "ICP备", "公网安备", "版权所有", "分享到", "《 人民日报 》（")


def unescape(text: str) -> str:
    return html.unescape(text)


def article_view(markdown: str) -> dict:
    """出处, 署名 and 又见于 rows and the body paragraphs of a rendered article page."""
    rows: dict[str, list[str]] = {}
    for key, value in re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", markdown):
        rows.setdefault(key, []).append(unescape(re.sub(r"<[^>]+>", "", value)).strip())
    paragraphs = [unescape(m) for m in re.findall(r"^(.+)\n\{: #p\d+ \}$", markdown, re.M)]
    paragraphs = [re.sub(r"<[^>]+>|\[\^e\d+\]", "", p) for p in paragraphs]
    return {"rows": rows, "paragraphs": paragraphs}


def score(files: dict[str, str], records: list[dict]) -> dict:
    """Per layout: articles published, records whose date and outlet show on their article,
    furniture lines in bodies, duplicated articles, bogus bylines."""
    views = [article_view(text) for path, text in files.items() if path.startswith("articles/")]
    bodies = ["".join(v["paragraphs"]) for v in views]
    shown = 0
    for record in records:
        first = max(record["content"], key=len)[-40:]  # its end: a leading dateline is not body text
        view = next((v for v, body in zip(views, bodies) if first in body), None)
        where = " ".join(view["rows"].get("出处", []) + view["rows"].get("日期", []) + view["rows"].get("又见于", [])) \
            if view else ""
        year, month, day = record["publish_time"][:10].split("-")
        dates = (record["publish_time"][:10], f"{year}年{int(month)}月{int(day)}日")  # 又见于 ISO, 日期 as read
        if any(d in where for d in dates) and record["source"] in where:
            shown += 1
    furniture = sum(1 for v in views for p in v["paragraphs"] if any(w in p for w in WRAPPERS))
    everything = "\n".join(bodies)
    # texts (a record, or the records saved twice) published more than once: on one page or under two outlets
    tails = {max(r["content"], key=len)[-40:] for r in records}
    duplicates = sum(1 for tail in tails if everything.count(tail) > 1)
    bylines = [b for v in views for b in v["rows"].get("署名", [])]
    bogus = sum(1 for b in bylines if any(x in b for x in BOGUS))
    return {"articles": len(views), "date_outlet": shown, "furniture_in_body": furniture,
            "duplicates": duplicates, "bogus_bylines": bogus}

