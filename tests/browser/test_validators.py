"""Validators over the built site: the Nu HTML Checker (vnu.jar) on every page,
hosted and offline, and axe-core in Chromium on a home page, an article and a
term page of each edition.

Both come from npm (package.json / package-lock.json, ``npm ci`` in the
Makefile); without them, or without Java, the tests skip with the reason
(under CI they fail). What Material itself produces and we cannot change without copying
its templates is listed below, each with its reason; everything else is ours
and must be clean.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import require_tool

from .conftest import EDITIONS, ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# (message starts with, markup the message quotes, why it is Material's and left alone)
MATERIAL_HTML = [
    ("Attribute “autocomplete” is only allowed when the input type is",
     '<input class="md-toggle" data-md-toggle=',
     "Material's base.html puts autocomplete=off on its drawer and search toggle checkboxes so that "
     "browsers do not restore an open drawer or search after a reload"),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     '<label class="md-nav__title" for="__toc">',
     "Material's partials/toc.html labels the table of contents for the __toc checkbox, which its "
     "navigation renders only when the page itself is in the navigation (term pages are not)"),
    ("Bad value “” for attribute “tabindex” on element “label”",
     '_label" tabindex="">',
     "Material's partials/nav-item.html writes tabindex=\"\" on the label of a section that "
     "navigation.tabs shows as a tab (its tabindex is set only for sections that are not tabs)"),
]


def _installed(path: Path) -> Path:
    require_tool(path.exists(), str(path.relative_to(ROOT)), "run `npm ci --ignore-scripts`; make test does")
    return path


def _material(message: dict) -> bool:
    return any(message.get("message", "").startswith(start) and markup in message.get("extract", "")
               for start, markup, _ in MATERIAL_HTML)


def test_nu_html_checker_finds_nothing_but_materials_own(site, output):
    require_tool(shutil.which("java") is not None, "java", "apt-get install default-jre-headless; .ci/run does")
    # the bundle's pages are the hosted ones, byte for byte (test_delivery), plus its start page
    start = [site.bundle(edition) / "index.html" for edition in EDITIONS]
    pages = sorted(site.site.rglob("*.html")) + start
    run = subprocess.run(["java", "-jar", str(_installed(VNU)), "--format", "json", "--skip-non-html",
                          str(site.site), *map(str, start)], capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr)["messages"]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    ours = [m for m in errors if not _material(m)]
    summary = [f"{len(pages)} pages checked, {len(errors)} errors, {len(errors) - len(ours)} of them Material's:"]
    summary += [f"  {sum(m['message'].startswith(s) and k in m.get('extract', '') for m in errors)}× {s}…"
                f" ({k}): {why}" for s, k, why in MATERIAL_HTML]
    (output / "nu-html-checker.txt").write_text("\n".join(summary) + "\n", encoding="utf-8")
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert len(pages) > 100
    assert not ours, "\n".join(f"{m['url']}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
                               for m in ours[:20])


@pytest.mark.browser
@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("path", ["index.html", "articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.html",
                                  "glossary/xinzhi-shengchanli.html"], ids=["home", "article", "term"])
def test_axe_finds_no_serious_or_critical_violation(page, site, edition, path, output):
    page.goto(site.url("hosted", edition, path))
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(_installed(AXE)))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    name = f"axe-{edition}-{Path(path).parent.name or 'home'}.json"
    (output / name).write_text(json.dumps([{k: v[k] for k in ("id", "impact", "help")} | {"nodes": len(v["nodes"])}
                                           for v in result["violations"]], ensure_ascii=False, indent=1),
                               encoding="utf-8")
    assert not violations, "\n".join(f"{v['impact']}: {v['id']}: {v['help']} — "
                                     f"{[n['target'] for n in v['nodes'][:5]]}" for v in violations)
