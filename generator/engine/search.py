"""Baozhai's search installed into Material's: the enriched index and the query layer
in front of Material's search worker (see generator.search for what they hold)."""
from __future__ import annotations

import json
from pathlib import Path

from generator.search.index import HERE, enrich, simplifier

# Material ships Lunr support for some 40 languages; the worker loads only the
# configured one (zh) and the stemmer support. Source maps serve debugging only.
_LUNR_KEPT = {"lunr.stemmer.support.min.js", "lunr.zh.min.js", "lunr.multi.min.js"}


def worker_script(material_worker: str) -> str:
    """opencc-js + Baozhai's query layer + Material's own worker, in that order."""
    parts = [(HERE / "opencc-t2cn.js").read_text(encoding="utf-8"),
             (HERE / "prelude.js").read_text(encoding="utf-8"), material_worker]
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
    enrich(index, options.get("pinyin", {}), simplifier(options.get("variant"), options.get("reverse", {})))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for worker in workers:
        original = worker.read_text(encoding="utf-8")
        if "Baozhai search" not in original:
            worker.write_text(worker_script(original), encoding="utf-8")
    return True
