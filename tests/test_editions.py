"""The Traditional edition: conversion of whole pages, overrides, checks, twin pages."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import markdown_html

from generator import pipeline
from generator.commands import build as commands
from generator.config import load_settings
from generator.editions.convert import Converter
from generator.editions.edition import convert_files, converter_for, edition_checks
from generator.engine.options import overrides
from generator.errors import ContentError
from generator.ingest.preserve import visible_text as _visible_text

ROOT = Path(__file__).resolve().parents[1]


def visible_text(markdown_text: str) -> str:
    return _visible_text(markdown_text, markdown_html)


def project(tmp_path: Path, glossary: str | None = None, phrases: str | None = None,
            traditional: str | None = None) -> Path:
    """A copy of the project's config and seed content, optionally changed."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    if traditional:
        text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
        (tmp_path / "mkdocs.yml").write_text(text.replace("traditional: s2twp", f"traditional: {traditional}"),
                                             encoding="utf-8")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    if glossary is not None:
        (tmp_path / "content" / "glossary.yml").write_text(glossary, encoding="utf-8")
    if phrases is not None:
        (tmp_path / "content" / "phrases.txt").write_text(phrases, encoding="utf-8")
    return tmp_path


def edition_files(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    settings = load_settings(root)
    digest, files = pipeline.generate(settings)
    hant = settings.edition_list()[1]
    return files, convert_files(files, converter_for(settings, hant, digest.glossary))


@pytest.fixture(scope="module")
def seed_editions() -> tuple[dict[str, str], dict[str, str]]:
    return edition_files(ROOT)


def test_same_files_and_anchors_in_both_editions(seed_editions):
    hans, hant = seed_editions
    assert sorted(hans) == sorted(hant)
    ids = re.compile(r"\{: #([\w-]+) \}|\{ #([\w-]+) \}|id=\"([\w-]+)\"")
    for name in hans:
        assert ids.findall(hans[name]) == ids.findall(hant[name]), name


def test_taiwan_vocabulary_and_quotes_in_the_traditional_article(seed_editions):
    _, hant = seed_editions
    markdown = hant["articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.md"]
    assert "# 2026世界人工智慧大會釋放AI發展新訊號 { #title }" in markdown
    waic = visible_text(markdown)
    outside_titles = re.sub("《[^《》]*》", "", waic)
    assert "人工智能" not in outside_titles  # a title (《“人工智能+”行动方案》) keeps its own words
    assert "《人工智能全球治理上海宣言》" in waic
    assert "「人工智慧+」" in waic and "“" not in waic and "”" not in waic
    gold = hant["articles/untitled-guo-yang-hang-lian-xu-20-ge.md"]
    assert "「這意味著儘管黃金價格處於歷史高位" in gold


def test_news_words_keep_their_news_form(seed_editions):
    _, hant = seed_editions
    first = visible_text(hant["articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"])
    assert "世界智慧財產權組織發布" in first  # not 釋出
    assert "把握發展的主動權" in first  # not 髮


def test_nested_quotes_become_corner_brackets(seed_editions):
    _, hant = seed_editions
    first = visible_text(hant["articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"])
    assert "「黨中央非常重視和愛惜科技人才。『人生能有幾回搏』，大家要放開手腳" in first


def test_a_link_never_splits_a_phrase(seed_editions):
    """The page is converted as the reader reads it, through its inline markup: a
    glossary link inside 开源社区 leaves the phrase whole (開源社群, not 開源社區),
    and the markup is back where it was."""
    _, hant = seed_editions
    page = hant["glossary/kaiyuan.md"]
    assert "全市<mark>開源</mark>社群匯聚模型超15萬個" in page
    converter = Converter()
    assert converter.convert_text('全市<a class="bz-term" href="../glossary/k.html" title="开源｜open">开源</a>社区') \
        == '全市<a class="bz-term" href="../glossary/k.html" title="開源｜open">開源</a>社群'
    # a rule that changes length never crosses a tag: each side is converted alone
    assert converter.convert_text("大语<mark>言模</mark>型") == "大語<mark>言模</mark>型"
    assert converter.convert_text("<p>大语言模型</p>") == "<p>大型語言模型</p>"
    # a block tag is a hard break: no word runs across table cells
    assert converter.convert_text("<td>把握</td><td>发展</td>") == "<td>把握</td><td>發展</td>"


def test_seed_traditional_pages_have_xin_zhengcheng(seed_editions):
    _, hant = seed_editions
    pages = [text for name, text in hant.items() if "新時代新征" in text]
    assert pages and all("新時代新徵程" not in text for text in hant.values())
    assert "「場」字重複，係排印錯誤。" in hant["articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"]  # an editor's note


def test_term_page_counts_read_right_in_both_scripts(seed_editions):
    hans, hant = seed_editions
    assert '<p class="bz-use-count">本摘编共有 4 处。</p>' in hans["glossary/kaiyuan.md"]  # not 本摘编中共
    assert '<p class="bz-use-count">本摘編共有 4 處。</p>' in hant["glossary/kaiyuan.md"]


GLOSSARY_WITH_FORM = """\
- term: 奋斗者号
  category: project
  gloss: Fendouzhe (a deep-sea submersible)
  definition: 中国的全海深载人潜水器。
  aliases: [奋斗者]
  traditional: 奮鬥者號
- term: 手撕钢
  category: technology
  gloss: hand-torn steel
  definition: 一种极薄的不锈钢箔。
  traditional: 手撕鋼材
"""


def test_glossary_traditional_form_wins_over_opencc(tmp_path):
    _, hant = edition_files(project(tmp_path, glossary=GLOSSARY_WITH_FORM))
    first = hant["articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"]
    assert ">手撕鋼材</a>" in first
    assert "# 手撕鋼材 { #title }" in hant["glossary/shou-sigang.md"]


def test_editor_phrase_wins_and_applies_everywhere(tmp_path):
    phrases = "神舟二十三号\t神舟二十三號太空船\n"
    _, hant = edition_files(project(tmp_path, phrases=phrases))
    assert ">神舟二十三號太空船</a>載人飛船" in hant["articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md"]
    assert "# 神舟二十三號太空船 { #title }" in hant["glossary/shenzhou-ershisan-hao.md"]


def test_bad_phrases_line_names_file_and_line(tmp_path):
    root = project(tmp_path, phrases="# ok\n神舟 only-one-column\n")
    settings = load_settings(root)
    digest, _ = pipeline.generate(settings)
    with pytest.raises(ContentError, match=r"phrases\.txt:2: expected 2 tab-separated columns"):
        converter_for(settings, settings.edition_list()[1], digest.glossary)


def test_check_reports_leftover_simplified_and_stale_overrides(tmp_path):
    root = project(tmp_path, phrases="不存在的词\t不存在的詞\n")
    settings = load_settings(root)
    digest, files = pipeline.generate(settings)
    converter = converter_for(settings, settings.edition_list()[1], digest.glossary)
    converted = convert_files(files, converter)
    converted["index.md"] += "\n这里有经济发展\n"
    report = edition_checks(files, converted, converter)
    assert report == ["  index.md: Simplified left: 这里、经济发",
                      "  warning: override “不存在的词” → “不存在的詞” no longer occurs in any page"]


def test_seed_has_no_simplified_left_in_the_traditional_edition(seed_editions):
    hans, hant = seed_editions
    settings = load_settings(ROOT)
    converter = converter_for(settings, settings.edition_list()[1], pipeline.generate(settings)[0].glossary)
    assert edition_checks(hans, hant, converter) == []


def test_hong_kong_variant_is_selectable(tmp_path):
    root = project(tmp_path, traditional="s2hk")
    settings = load_settings(root)
    assert settings.edition_list()[1].variant == "s2hk"
    _, hant = edition_files(root)
    waic = visible_text(hant["articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.md"])
    assert "人工智能" in waic  # Hong Kong keeps 人工智能 (Taiwan: 人工智慧)
    assert "「人工智能+」" in waic


def test_language_selector_points_at_the_twin_root():
    settings = load_settings(ROOT)
    hans, hant = settings.edition_list()
    assert overrides(settings, hans, [])["extra"]["alternate"] == [
        {"name": "简体中文", "lang": "zh-Hans", "link": "./"},
        {"name": "繁體中文", "lang": "zh-Hant", "link": "zh-Hant/"}]
    assert [a["link"] for a in overrides(settings, hant, [])["extra"]["alternate"]] == ["../", "../zh-Hant/"]
    assert overrides(settings, hant, [])["theme"]["language"] == "zh-Hant"
    assert overrides(settings, hant, [], language="zh-TW")["theme"]["language"] == "zh-TW"


def test_every_edition_is_built_to_be_read_from_disk_too():
    """One build serves the host and the bundles: Material's offline plugin after the
    project's own plugins, and the vendored shim as the only polyfill."""
    from generator.engine.options import SHIM
    settings = load_settings(ROOT)
    for edition in settings.edition_list():
        options = overrides(settings, edition, [])
        names = [p if isinstance(p, str) else next(iter(p)) for p in options["plugins"]]
        assert names == ["baozhai", "search", "offline"]
        assert options["extra"]["polyfills"] == [SHIM]


@pytest.fixture(scope="module")
def built_site(seed_site) -> Path:
    return seed_site.site


def test_every_page_has_its_twin_and_the_switch_lands_on_it(built_site):
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html")
                   if "zh-Hant" not in p.parts and p.name != "404.html")  # 404: absolute base
    assert len(pages) > 100
    link = re.compile(r'<a href="([^"]+)" hreflang="zh-Hant" class="md-select__link')
    for page in pages:
        twin = built_site / "zh-Hant" / page
        assert twin.exists(), page
        html = (built_site / page).read_text(encoding="utf-8")
        target = (built_site / page).parent / link.search(html).group(1)
        assert target.resolve() == twin.resolve(), page
        back = re.search(r'<a href="([^"]+)" hreflang="zh-Hans" class="md-select__link',
                         twin.read_text(encoding="utf-8")).group(1)
        assert (twin.parent / back).resolve() == (built_site / page).resolve(), page


def test_html_lang_of_each_edition(built_site):
    """The Taiwan edition speaks Material's zh-TW (搜尋, 複製, 導覽列), not its zh-Hant."""
    assert '<html lang="zh-Hans"' in (built_site / "index.html").read_text(encoding="utf-8")
    hant = (built_site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-TW"' in hant
    assert '<meta property="og:locale" content="zh_TW">' in hant


def _visible(html: str) -> str:
    html = re.sub(r"<script.*?</script>|<style.*?</style>|<svg.*?</svg>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_traditional_site_s_own_text_is_traditional(built_site):
    """Site name and description, headlines, metadata, glossary entries and every UI
    string of the Traditional edition hold no character s2tw would still change (the
    language selector names the other edition in its own script: 简体中文)."""
    converter = Converter()
    hant = built_site / "zh-Hant"
    index = (hant / "index.html").read_text(encoding="utf-8")
    assert "<title>報摘 - 報摘 Baozhai</title>" in index  # the site's name
    assert '<meta name="description" content="' in index
    checked = sorted(hant.rglob("*.html"))  # home, 404, articles, glossary, dates, categories, browse
    assert len(checked) > 100
    for page in checked:
        text = _visible(page.read_text(encoding="utf-8")).replace("简体中文", "")
        attributes = " ".join(re.findall(r'(?:title|content|aria-label|placeholder)="([^"]*)"',
                                         page.read_text(encoding="utf-8")))
        assert converter.leftover_simplified(text + attributes) == [], page
    assert "找不到這個頁面" in (hant / "404.html").read_text(encoding="utf-8")
    article = (hant / "articles" / "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html").read_text(encoding="utf-8")
    assert 'title="回到正文中的第 1 條註釋"' in article
    simplified = (built_site / "articles" / "wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.html").read_text(encoding="utf-8")
    assert 'title="回到正文中的第 1 条注释"' in simplified


def test_the_hong_kong_option_builds_with_its_forms_and_language(tmp_path):
    root = project(tmp_path, traditional="s2hk")
    commands.build(load_settings(root), log=lambda _: None, offline=False)
    hant = root / "site" / "zh-Hant"
    index = (hant / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-HK"' in index
    assert '<meta property="og:locale" content="zh_HK">' in index
    assert 'placeholder="搜尋"' in index  # Material's Traditional strings
    waic = (hant / "articles" / "2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.html").read_text(
        encoding="utf-8")
    assert "人工智能" in waic and "人工智慧" not in waic  # Hong Kong keeps 人工智能
    assert "新聞發佈會" in waic  # Hong Kong writes 發佈
