"""Baozhai's search installed into Material's: the enriched index and the query layer
in front of Material's search worker (see generator.search for what they hold).

Couplings (generator.engine lists them): Material's ``search/search_index.json``
(``docs`` of ``location``/``title``/``text``, Lunr ``config.fields`` boosts), its
worker ``assets/javascripts/workers/search.*.min.js`` and that worker's message
protocol (``worker.js``), its Lunr language files under ``assets/javascripts/lunr``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

from generator.search.index import HERE, document_fields, simplifier

ENGINE = Path(__file__).parent
FIELDS = {"alt": {"boost": 1.0}, "exact": {"boost": 1000000.0}}  # Lunr boosts of Baozhai's fields
UNINDEXED = ("text",)  # Material's fields Lunr need not index: ``alt`` holds their characters
# Material ships Lunr support for some 40 languages; the worker loads only the
# configured one (zh) and the stemmer support. Source maps serve debugging only.
_LUNR_KEPT = {"lunr.stemmer.support.min.js", "lunr.zh.min.js", "lunr.multi.min.js"}
# Page furniture the reader does not search for and a snippet must not show: tool
# buttons and hints, caption and admonition labels, the home page's per-article
# difficulty, term and note counts. Elements with one of these classes get
# Material's own data-search-exclude (Material's search parser skips them).
FURNITURE = ("bz-tools", "bz-photo-label", "admonition-title", "bz-printed-page", "bz-difficulty",
             "bz-keyterms", "bz-notecount")
# In a metadata list (dl.bz-meta: an article's 出处/署名/电头…, a term's 拼音/英文/类别) the
# labels are excluded and the values kept (a byline, a gloss are searched), except the
# values the site writes itself or that name the source file.
GENERATED_VALUES = ("出处", "出處", "难度", "難度", "接续", "接續")
_OPENING = re.compile(r'<([a-z][a-z0-9]*)(\s[^>]*?\bclass="([^"]*)"[^>]*)>')
_META = re.compile(r'(<dl\s[^>]*?\bclass="(?:[^"]*\s)?bz-meta(?:\s[^"]*)?"[^>]*>)(.*?)(</dl>)', re.S)
_ENTRY = re.compile(r"<dt>([^<]*)</dt>(\s*)<dd\b([^>]*)>")


def exclude_furniture(html: str) -> str:
    """Mark the page's furniture (:data:`FURNITURE`, labels of metadata lists)
    ``data-search-exclude``."""
    def mark(match: re.Match[str]) -> str:
        if not set(match.group(3).split()) & set(FURNITURE) or "data-search-exclude" in match.group(2):
            return match.group(0)
        return f"<{match.group(1)}{match.group(2)} data-search-exclude>"

    def entry(match: re.Match[str]) -> str:
        value = f"<dd{match.group(3)}" + (" data-search-exclude>" if match.group(1) in GENERATED_VALUES else ">")
        return f"<dt data-search-exclude>{match.group(1)}</dt>{match.group(2)}{value}"

    html = _META.sub(lambda m: m.group(1) + _ENTRY.sub(entry, m.group(2)) + m.group(3), html)
    return _OPENING.sub(mark, html)


def enrich(index: dict, pinyin: dict[str, str], to_simplified: Callable[[str], str] | None = None,
           lines: dict[str, list[str]] | None = None) -> dict:
    """Add ``alt`` and ``exact`` to every document of a Material search index, and to a
    glossary term's page its result line (``line``: pinyin and gloss, from ``lines``).

    Without ``to_simplified`` (the Simplified edition) ``alt`` is not written: the
    worker cuts it from the title and text it already has (``query.js`` altTokens,
    the same rule as :func:`generator.search.index.alt_tokens`), and a term page's
    toneless pinyin goes into ``pinyin``; that halves what a reader downloads.
    Lunr indexes ``alt`` and ``exact`` (and the title); Material's ``text`` field,
    which Baozhai's queries never address, is kept for the result text only."""
    lines = lines or {}
    for doc in index["docs"]:
        fields = document_fields(doc.get("title", ""), doc.get("text", ""), pinyin.get(doc["location"], ""),
                                 to_simplified or str)
        if to_simplified is None:
            del fields["alt"]
            if doc["location"] in pinyin:
                fields["pinyin"] = pinyin[doc["location"]]
        doc.update(fields)
        if doc["location"] in lines:
            doc["line"] = lines[doc["location"]]
    kept = {name: boost for name, boost in index["config"]["fields"].items() if name not in UNINDEXED}
    index["config"]["fields"] = {**kept, **FIELDS}
    return index


def worker_script(material_worker: str, settings: dict) -> str:
    """opencc-js, the build's search settings (``self.baozhaiSearch``), Baozhai's query
    layer, its hook into Material's worker, then Material's own worker, in that order."""
    data = "self.baozhaiSearch = " + json.dumps(settings, sort_keys=True) + ";"
    parts = [(HERE / "opencc-t2cn.js").read_text(encoding="utf-8"), data,
             (HERE / "query.js").read_text(encoding="utf-8"), (ENGINE / "worker.js").read_text(encoding="utf-8"),
             material_worker]
    return "\n;\n".join(parts)


def prune_assets(site_dir: Path) -> None:
    """Drop the theme files no page of this site can load."""
    scripts = site_dir / "assets" / "javascripts"
    for path in sorted((scripts / "lunr").rglob("*.js")):
        if path.name not in _LUNR_KEPT:
            path.unlink()
    for path in sorted((site_dir / "assets").rglob("*.map")):
        path.unlink()


def rewrite_site(site_dir: Path, options: dict) -> bool:
    """Enrich the built index, install the worker and prune unused theme files
    (run after Material's search); False when Material wrote no index or worker."""
    prune_assets(site_dir)
    path = site_dir / "search" / "search_index.json"
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not path.exists() or not workers:
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    variant = options.get("variant")
    enrich(index, options.get("pinyin", {}), simplifier(variant, options.get("reverse", {})) if variant else None,
           options.get("lines", {}))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for worker in workers:
        original = worker.read_text(encoding="utf-8")
        if "Baozhai search" not in original:
            worker.write_text(worker_script(original, {"articles": options["articles"]}), encoding="utf-8")
    return True
