"""Build-time half of Chinese search: the extra index fields and the worker layer."""
from __future__ import annotations

import builtins
import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.config import load_settings
from generator.editions.convert import Converter
from generator.editions.edition import search_options
from generator.engine.pagefind import read_index, records, stub, whole, write_index
from generator.engine.plugin import BaozhaiPlugin
from generator.engine.search import enrich, exclude_furniture, rewrite_site, worker_script
from generator.model import Glossary, Term
from generator.search.index import alt_tokens, exact_token, pagefind_words, simplifier

ROOT = Path(__file__).resolve().parents[1]


def test_alt_tokens_are_single_han_characters_and_latin_runs():
    assert alt_tokens("<p>\u200b新质\u200b生产力与ＡＩ，16万P、1.6万家</p>") == \
        "新 质 生 产 力 与 ai 16 万 p 1 6 万 家"


def test_alt_tokens_unescape_entities_and_drop_markup():
    assert alt_tokens("<mark>&lt;OPC&gt;</mark> 公司") == "opc 公 司"


def test_exact_token_is_the_whole_title_hex_encoded():
    assert exact_token("新质\u200b生产力") == "x65b08d28751f4ea7529b"
    assert exact_token("AI＋") == "x00610069"


def index(*docs):
    return {"config": {"fields": {"title": {"boost": 1000.0}}}, "docs": list(docs)}


def test_enrich_indexes_the_traditional_edition_in_simplified():
    hant = index({"location": "a.html#p1", "title": "黃金", "text": "<p>人工智慧與歐洲太空總署</p>"},
                 {"location": "b.html", "title": "資訊", "text": ""})
    enrich(hant, {}, simplifier("s2twp", {"歐洲太空總署": "欧空局"}))
    assert [d["alt"] for d in hant["docs"]] == ["黄 金 人 工 智 能 与 欧 空 局", "信 息"]
    assert hant["docs"][0]["exact"] == exact_token("黄金")
    assert hant["config"]["fields"] == {"title": {"boost": 1000.0}, "alt": {"boost": 1.0},
                                        "exact": {"boost": 1000000.0}}


def test_the_simplified_edition_is_indexed_as_it_is(tmp_path):
    """The Simplified edition's options name no conversion, so its index keeps each
    character as written, even one OpenCC would change (臺灣資訊 → 台湾信息): the
    worker cuts the "alt" field from the title and text, which the build does not send."""
    hans = load_settings(ROOT).edition_list()[0]
    options = json.loads(search_options(Glossary(()), hans, None, "articles/"))
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(
        index({"location": "a.html", "title": "臺灣資訊", "text": "<p>人工智慧與乾隆</p>"})), encoding="utf-8")
    (tmp_path / "assets" / "javascripts" / "workers").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "workers" / "search.x.min.js").write_text("MATERIAL_WORKER();")
    assert rewrite_site(tmp_path, options)
    [doc] = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert "alt" not in doc
    assert worker_alt([doc]) == ["臺 灣 資 訊 人 工 智 慧 與 乾 隆"]


def _query_js(body: str, data: object, *before: str) -> object:
    """Run ``body`` (JavaScript: ``data`` is the JSON given, ``self.baozhaiQuery`` the
    worker's query layer, ``process.argv[1:]`` the strings ``before``) in Node; its
    JSON output."""
    script = ("const vm = require('vm'), fs = require('fs'); const self = {baozhaiSearch: {articles: 'articles/'}};"
              "self.self = self; vm.createContext(self);"
              f"for (const f of process.argv.slice({1 + len(before)})) vm.runInContext(fs.readFileSync(f, 'utf8'), self);"
              "const data = JSON.parse(fs.readFileSync(0, 'utf8'));" + body)
    files = [str(ROOT / "generator" / "search" / name) for name in ("opencc-t2cn.js", "query.js")]
    done = subprocess.run(["node", "-e", script, *before, *files], input=json.dumps(data), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def worker_alt(docs: list[dict]) -> list[str]:
    """The worker's "alt" of each document (query.js altTokens, run by Node)."""
    alt = _query_js("process.stdout.write(JSON.stringify(data.map(d => self.baozhaiQuery.altTokens(d))));", docs)
    assert isinstance(alt, list)
    return alt


def test_the_worker_cuts_alt_as_the_build_does(seed_site):
    """Every document of the seed's Simplified index: the worker's "alt" is the build's."""
    index = read_index(seed_site.site)
    docs = index["docs"] + [{"title": "A&amp;B＆Ｃ", "text": "<p>&lt;OPC&gt; 16万P&#x27;s&nbsp;x</p>\u200b"}]
    assert all("alt" not in d for d in index["docs"])
    assert "text" not in index["config"]["fields"]
    want = [" ".join(w for w in (alt_tokens(d["title"]), alt_tokens(d["text"]), d.get("pinyin", "")) if w)
            for d in docs]
    assert worker_alt(docs) == want


def test_enrich_adds_toneless_pinyin_to_term_pages():
    own = index({"location": "glossary/x.html", "title": "新质生产力", "text": ""},
                {"location": "glossary/x.html#uses", "title": "用例", "text": ""})
    enrich(own, {"glossary/x.html": "xinzhi shengchanli xinzhishengchanli"}, str)
    assert own["docs"][0]["alt"] == "新 质 生 产 力 xinzhi shengchanli xinzhishengchanli"
    assert own["docs"][1]["alt"] == "用 例"


def test_search_options_give_pinyin_variant_and_reversed_overrides(tmp_path):
    term = Term("专精特新", "programme", "g", "d。", "zhuānjīng tèxīn", slug="zhuanjing-texin")
    hans, hant = load_settings(ROOT).edition_list()
    assert json.loads(search_options(Glossary((term,)), hans, None, "articles/")) == {
        "pinyin": {"glossary/zhuanjing-texin.html": "zhuanjing texin zhuanjingtexin"}, "articles": "articles/",
        "lines": {"glossary/zhuanjing-texin.html": ["zhuānjīng tèxīn", "g"]}}
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("欧空局\t歐洲太空總署\n", encoding="utf-8")
    options = json.loads(search_options(Glossary((term,)), hant, Converter("s2twp", phrases), "articles/"))
    assert options["variant"] == "s2twp"
    assert options["reverse"] == {"歐洲太空總署": "欧空局"}


def test_worker_is_opencc_then_the_query_layer_then_materials_worker():
    script = worker_script("MATERIAL_WORKER();", {"articles": "articles/"})
    order = ["OpenCC", 'self.baozhaiSearch = {"articles": "articles/"};', "scope.baozhaiQuery = ",
             "= scope.baozhaiQuery;", "MATERIAL_WORKER();"]
    assert [script.index(part) for part in order] == sorted(script.index(part) for part in order)


def test_build_fails_loudly_without_jieba(monkeypatch):
    real_import = builtins.__import__

    def no_jieba(name, *args, **kwargs):
        if name == "jieba":
            raise ImportError("No module named 'jieba'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jieba)
    with pytest.raises(PluginError, match="jieba is not installed"):
        BaozhaiPlugin().on_config({"docs_dir": "/nonexistent/docs"})


def test_materials_own_jieba_segmentation_is_switched_off(seed_site):
    """With jieba installed, Material would cut every Chinese title and text of its index
    into words joined by zero-width spaces; the built seed site's index has none."""
    for edition in ("", "zh-Hant/"):
        index = read_index(seed_site.site / edition)
        assert len(index["docs"]) > 100
        assert [d["location"] for d in index["docs"] if "\u200b" in d["title"] + d["text"]] == []


def test_furniture_is_excluded_from_the_index_and_the_text_kept():
    html = ('<div class="bz-tools" data-bz-words="x"><button>拼音</button></div>\n'
            '<dl class="bz-meta bz-term-meta">\n<dt>出处</dt><dd>000_a.txt</dd>\n<dt>署名</dt><dd>记者 乔翔</dd>\n'
            '<dt>拼音</dt><dd class="bz-pinyin-text">liǎng</dd><dt>英文</dt><dd>two-step strategy</dd></dl>\n<dl class="bz-glossary"><dt>甲</dt><dd>乙</dd></dl>\n'
            '<figcaption><span class="bz-photo-label">图片说明</span>说明文字</figcaption>\n'
            '<p class="bz-deck">副题</p><p class="bz-keyterms" data-search-exclude>术语</p>')
    assert exclude_furniture(html) == (
        '<div class="bz-tools" data-bz-words="x" data-search-exclude><button>拼音</button></div>\n'
        '<dl class="bz-meta bz-term-meta">\n<dt data-search-exclude>出处</dt><dd data-search-exclude>000_a.txt</dd>\n'
        '<dt data-search-exclude>署名</dt><dd>记者 乔翔</dd>\n'
        '<dt data-search-exclude>拼音</dt><dd class="bz-pinyin-text">liǎng</dd>'
        '<dt data-search-exclude>英文</dt><dd>two-step strategy</dd></dl>\n'
        '<dl class="bz-glossary"><dt>甲</dt><dd>乙</dd></dl>\n'
        '<figcaption><span class="bz-photo-label" data-search-exclude>图片说明</span>说明文字</figcaption>\n'
        '<p class="bz-deck">副题</p><p class="bz-keyterms" data-search-exclude>术语</p>')


def test_the_seed_index_holds_no_label(seed_site):
    """What Material indexed of the seed site: no article's 出处 line (its value was the
    source file name), no term page's 拼音/英文/类别 labels, so no snippet can show one;
    a term page carries its result line instead."""
    for edition in ("", "zh-Hant/"):
        index = read_index(seed_site.site / edition)
        articles = [d["text"] for d in index["docs"] if d["location"].startswith("articles/")]
        terms = {d["location"]: d for d in index["docs"] if d["location"].startswith("glossary/")}
        assert len(articles) > 5 and len(terms) > 50
        assert [t[:80] for t in articles if re.search("出处|出處|图片说明|圖片說明|点按任何词语|點按任何詞語", t)] == []
        assert [loc for loc, d in terms.items() if "#" not in loc and re.search("拼音|類別|类别|英文[A-Za-z]", d["text"])] == []
        assert terms["glossary/xinzhi-shengchanli.html"]["line"] == ["xīnzhì shēngchǎnlì",
                                                                     "new quality productive forces"]


def test_enrich_gives_term_pages_their_line():
    own = index({"location": "glossary/x.html", "title": "两步走", "text": ""}, {"location": "a.html", "title": "甲"})
    enrich(own, {}, str, lines={"glossary/x.html": ["liǎng bù zǒu", "two-step strategy"]})
    assert [d.get("line") for d in own["docs"]] == [["liǎng bù zǒu", "two-step strategy"], None]


def worker_merge(docs: list[dict], typed: str) -> list[list[dict]]:
    """query.js merge (run by Node) over Lunr results naming every document, for ``typed``."""
    script = ("const vm = require('vm'), fs = require('fs'); const self = {baozhaiSearch: {articles: 'articles/'}};"
              "self.self = self; vm.createContext(self);"
              "for (const f of process.argv.slice(1)) vm.runInContext(fs.readFileSync(f, 'utf8'), self);"
              "const [docs, typed] = JSON.parse(fs.readFileSync(0, 'utf8')); const q = self.baozhaiQuery;"
              "const byLocation = {}; docs.forEach((d, i) => { d.alt = q.altTokens(d); d.position = i;"
              " byLocation[d.location] = d; });"
              "const results = q.forms(typed).map(() => ({items: [docs.map(d => ({...d, score: 1}))]}));"
              "process.stdout.write(JSON.stringify(q.merge(results, typed, q.forms(typed), byLocation).items));")
    files = [str(ROOT / "generator" / "search" / name) for name in ("opencc-t2cn.js", "query.js")]
    done = subprocess.run(["node", "-e", script, *files], input=json.dumps([docs, typed]), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def test_result_text_is_escaped_and_marked_on_the_match_only():
    """Index text is data: markup in it arrives escaped (Material's index holds it
    escaped; a stray tag is dropped), and only the matched run is in <mark>."""
    docs = [{"location": "articles/a.html", "title": "<b>标题</b> &lt;i&gt;", "text": ""},
            {"location": "articles/a.html#s1", "title": "一节",
             "text": "<p>前文&lt;script&gt;alert(1)&lt;/script&gt; 与“两步走”战略 &amp; mark</p>"}]
    [[page]] = worker_merge(docs, "兩步走")  # one result: the page, with its best section's snippet
    assert page["location"] == "articles/a.html"
    assert page["title"] == "标题 &lt;i&gt;"
    assert page["text"] == ("<p>前文&lt;script&gt;alert(1)&lt;/script&gt; 与“<mark>两步走</mark>”战略 &amp; mark</p>")


# ---- The hosted site's Pagefind index (issue 21) ----

def test_pagefind_words_are_pairs_of_han_characters_and_latin_runs():
    assert pagefind_words("新 质 生 产 力 ai 发 展 16 万 p x65b0") == \
        "新质 质生 生产 产力 力 ai 发展 展 16 万 p x65b0"
    assert pagefind_words("港") == "港"
    assert pagefind_words("") == ""


def worker_call(name: str, *args) -> object:
    """query.js ``name`` (run by Node) on JSON ``args``."""
    return _query_js("process.stdout.write(JSON.stringify(self.baozhaiQuery[process.argv[1]](...data)));",
                     list(args), name)


def test_a_query_of_han_characters_is_kept_as_a_run_from_its_word_locations():
    """One run of Han characters: the pages holding it are read from the scored search's
    word locations (a chain of its pairs), with no second (phrase) search; a query with
    Latin or digits in it, or one ending in a prefix, is not."""
    assert worker_call("pagefindTerms", "新质生产力") == {"words": "新质 质生 生产 产力", "phrase": True, "chain": 4}
    assert worker_call("pagefindTerms", "天眼") == {"words": "天眼", "phrase": True, "chain": 1}
    assert worker_call("pagefindTerms", "ai生产力") == {"words": "ai 生产 产力", "phrase": True, "chain": 0}
    assert worker_call("pagefindTerms", "16万p") == {"words": "16 万 p", "phrase": False, "chain": 0}
    assert worker_call("pagefindTerms", "港") == {"words": "港", "phrase": False, "chain": 0}
    assert worker_call("holdsChain", [40, 7, 9, 8, 2], 3) is True  # 7 8 9, in any order
    assert worker_call("holdsChain", [2, 3, 5, 6, 9], 3) is False
    assert worker_call("holdsChain", [12], 1) is True
    assert worker_call("holdsChain", [], 1) is False


def test_pagefind_records_one_per_page_with_its_documents():
    own = index({"location": "glossary/x.html", "title": "新质", "text": "<p>生产</p>", "exact": "x65b08d28",
                 "pinyin": "xinzhi"},
                {"location": "glossary/x.html#uses", "title": "用例", "text": "<p>AI</p>", "alt": "用 例 ai"},
                {"location": "articles/a.html", "title": "甲", "text": ""})
    assert records(own) == [
        {"url": "glossary/x.html", "title": "新质 质", "content": "新质 质生 生产 产 xinzhi 用例 例 ai x65b08d28", "language": "und",
         "docs": json.dumps(own["docs"][:2], ensure_ascii=False, separators=(",", ":"))},
        {"url": "articles/a.html", "title": "甲", "content": "甲", "language": "und",
         "docs": json.dumps(own["docs"][2:], ensure_ascii=False, separators=(",", ":"))}]
    assert stub(own) == {"config": {**own["config"], "pagefind": "pagefind/"}, "docs": []}


def test_the_hosted_site_fetches_a_stub_and_pagefind_holds_every_page(seed_site):
    """The JSON index a hosted page fetches has no documents; the Pagefind records hold
    every page's documents, as the offline bundle's whole index does."""
    for edition in ("", "zh-Hant/"):
        folder = seed_site.site / edition
        fetched = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert fetched["docs"] == [] and fetched["config"]["pagefind"] == "pagefind/"
        entry = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["version"] == "1.5.2" and list(entry["languages"]) == ["und"]
        assert sorted(p.name for p in (folder / "pagefind").glob("pagefind*")) == [
            "pagefind-entry.json", "pagefind.js", f"pagefind.{entry['languages']['und']['hash']}.pf_meta"]
        pages = {d["location"].split("#")[0] for d in read_index(folder)["docs"]}
        assert len(pages) == entry["languages"]["und"]["page_count"] > 100


def test_a_pagefind_index_is_checked_whole(tmp_path):
    """What the build writes unpacks; a file left empty or cut short is noticed (the build
    then stops with an error)."""
    folder = tmp_path / "pagefind"
    write_index(folder, records(index({"location": "a.html", "title": "新质", "text": "<p>生产力</p>"})))
    assert whole(folder)
    assert sorted(p.name for p in folder.glob("pagefind*"))[:2] == ["pagefind-entry.json", "pagefind.js"]
    [record] = sorted((folder / "fragment").glob("*.pf_fragment"))
    packed = record.read_bytes()
    record.write_bytes(packed[: len(packed) // 2])
    assert not whole(folder)
    record.write_bytes(packed)
    docs = folder / "docs" / f"{record.stem}.json"
    kept = docs.read_bytes()
    docs.unlink()
    assert not whole(folder)
    docs.write_bytes(kept)
    assert whole(folder)
    (folder / "pagefind-entry.json").write_text("", encoding="utf-8")
    assert not whole(folder)


def test_the_documents_are_beside_pagefinds_index_not_in_it(tmp_path):
    """Each record's documents are docs/<record id>.json, read back whole; Pagefind
    indexes only the record's words (Pagefind 1.5 makes metadata searchable: the
    documents' JSON, text and, in the Traditional edition, alt were words of its index)."""
    own = index({"location": "a.html", "title": "新质", "text": "<p>生产力 lorem</p>"},
                {"location": "b.html", "title": "甲", "text": "<p>ipsum</p>", "alt": "甲 ipsum"})
    folder = tmp_path / "pagefind"
    write_index(folder, records(own))
    ids = sorted(p.stem for p in (folder / "fragment").glob("*.pf_fragment"))
    assert sorted(p.stem for p in (folder / "docs").glob("*.json")) == ids and len(ids) == 2
    shown = [json.loads((folder / "docs" / f"{i}.json").read_text(encoding="utf-8")) for i in ids]
    assert sorted(shown, key=lambda docs: docs[0]["location"]) == [own["docs"][:1], own["docs"][1:]]
    words = b"".join(gzip.decompress(p.read_bytes()) for p in (folder / "index").glob("*.pf_index"))
    assert b"location" not in words and b"html" not in words and "生产力".encode() not in words
    assert "生产".encode() in words and b"lorem" in words and b"ipsum" in words
    again = index(own["docs"][0], {**own["docs"][1], "text": "<p><b>ipsum</b></p>"})  # other documents, same words
    write_index(folder, records(again))
    assert len({p.stem for p in (folder / "fragment").glob("*.pf_fragment")} & set(ids)) == 1  # a's, not b's


def test_the_editions_are_indexed_one_after_the_other(monkeypatch, tmp_path):
    """Two Pagefind indexers at once would hold both editions' words in memory (README,
    "Where the memory goes"): the second edition's starts once the first's has ended."""
    import threading

    from generator.engine import pagefind

    events: list[str] = []

    def index(folder: Path, previous: Path | None) -> None:
        events.append(f"start {folder.name}")
        threading.Event().wait(0.3 if folder.name == "a" else 0)  # time for a second one to start
        events.append(f"end {folder.name}")

    monkeypatch.setattr(pagefind, "_index_site", index)
    pagefind.index_sites([tmp_path / "a", tmp_path / "b"])
    assert events == ["start a", "end a", "start b", "end b"]
