"""The engine adapter: its couplings to MkDocs/Material and the versions they were
checked against, a plain MkDocs build of the generated Markdown, and a build that
refuses to run, or fails, rather than quietly lose the checks the plugin owns."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, snapshot, write_content

import generator.engine
from generator.cli import main
from generator.commands import build as commands
from generator.config import load_settings
from generator.engine import couplings
from generator.engine.plugin import BaozhaiPlugin
from generator.errors import BuildError

# test fixture, not news
PAGE = "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n"
PLUGIN = """\
  - baozhai:  # Baozhai's options (generator/engine/config.py); `baozhai build` needs the plugin
      site_title: 报摘
      traditional: s2twp     # OpenCC config of the Traditional edition: s2twp (Taiwan, default),
                             # s2tw, s2hk (Hong Kong) or s2t
      editions: [zh-Hans, zh-Hant]
"""


def project(root: Path, *changes: tuple[str, str]) -> Path:
    """A project at ``root``: one page and the project's mkdocs.yml with ``changes``."""
    write_content(root, {"sources/x.txt": PAGE}, mkdocs=True)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def line(root: Path, text: str) -> int:
    """The line of mkdocs.yml that starts with ``text``."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    return next(n for n, found in enumerate(lines, 1) if found.startswith(text))


def run(capsys, root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--root", str(root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


# -- couplings and versions ------------------------------------------------------------

def test_the_installed_versions_are_the_checked_ones():
    """Fails naming every coupling to re-check when mkdocs, Material or Markdown moved."""
    assert couplings.mismatches() == []


def test_a_moved_version_names_each_coupling_that_depends_on_it(monkeypatch):
    monkeypatch.setattr(couplings, "installed", lambda p: "9.9.0" if p == "mkdocs-material" else couplings.CHECKED[p])
    found = couplings.mismatches()
    assert [m.split("”")[0] for m in found] == [
        "coupling “jieba switch", "coupling “offline", "coupling “search index", "coupling “search worker",
        "coupling “theme templates", "coupling “page script", "coupling “output files",
        "coupling “page cache"]
    assert found[0] == ("coupling “jieba switch” (material.plugins.search.plugin.jieba set to None) was checked "
                        "against mkdocs-material 9.8.2, installed 9.9.0")


def test_a_moved_pagefind_names_its_coupling(monkeypatch):
    """The hosted search reads Pagefind's files and calls its script: a new binary is re-checked."""
    monkeypatch.setattr(couplings, "installed", lambda p: "1.6.0" if p == "pagefind-bin" else couplings.CHECKED[p])
    assert [m.split("”")[0] for m in couplings.mismatches()] == ["coupling “pagefind"]


def test_the_package_docstring_lists_every_coupling_and_the_checked_versions():
    doc = " ".join(generator.engine.__doc__.split())
    for coupling in couplings.COUPLINGS:
        assert f"* {coupling.name} (" in doc, coupling.name
    versions = ", ".join(f"{name} {version}" for name, version in couplings.CHECKED.items())
    assert f"Checked against: {versions}." in doc


def test_only_the_engine_imports_mkdocs_or_material():
    package = ROOT / "generator"
    outside = []
    for path in sorted(package.rglob("*.py")):
        if path.is_relative_to(package / "engine"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            outside += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in ("mkdocs", "material")]
    assert outside == []


def test_a_plain_mkdocs_build_takes_the_generated_markdown(tmp_path, seed, seed_files):
    """No baozhai plugin, no Baozhai templates, Material's own language: the Markdown and
    the site's assets are enough for MkDocs + Material (or a successor) to build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    for name, text in seed_files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "generator" / "site" / "assets", docs / "assets")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: plain\nuse_directory_urls: false\nstrict: true\nplugins: []\n"
        "theme:\n  name: material\n  language: zh\n"
        "markdown_extensions: [attr_list, footnotes, admonition, tables]\n"
        "extra_css: [assets/baozhai.css]\nextra_javascript: [assets/baozhai-words.js]\n", encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml")))
    article = seed.articles[0]
    html = (tmp_path / "site" / "articles" / f"{article.slug}.html").read_text(encoding="utf-8")
    assert f'<p id="p1">{article.blocks[0].text.text[:12]}' in html
    assert "baozhai-material.js" not in html  # Baozhai's templates were not there
    assert len(list((tmp_path / "site").rglob("*.html"))) == len(seed_files) + 1  # and 404.html


# -- no build without the plugin's checks ---------------------------------------------

@pytest.mark.parametrize("change,message", [
    ((PLUGIN, ""), "the baozhai plugin is not in mkdocs.yml's plugins: add `- baozhai` (without it the build "
                   "would skip the preservation check of the HTML and Baozhai's Chinese search)"),
    ((PLUGIN, "  - baozhai:\n      enabled: false\n"),
     "the baozhai plugin is disabled (enabled: false): the build would skip the preservation check of the "
     "HTML and Baozhai's Chinese search"),
    (("  - search:\n      lang: zh\n", ""),
     "Material's search plugin is not enabled in mkdocs.yml's plugins: add `- search` (the baozhai plugin "
     "adds its Chinese search to it)"),
], ids=["missing", "disabled", "no-search"])
@pytest.mark.parametrize("verb", ["build", "bundle"])
def test_build_refuses_to_run_without_the_plugin(capsys, tmp_path, change, message, verb):
    root = project(tmp_path, change)
    before = snapshot(root)
    code, out, err = run(capsys, root, verb)
    assert (code, out) == (1, "")
    assert err == f"baozhai: error: {root / 'mkdocs.yml'}:{line(root, 'plugins:')}: {message}\n"
    assert snapshot(root) == before  # nothing written


def test_check_needs_no_plugin(capsys, tmp_path):
    root = project(tmp_path, (PLUGIN, ""))
    code, out, _ = run(capsys, root, "check")
    assert code == 0 and "preservation: every source character accounted for and shown" in out


def test_a_preservation_check_that_did_not_run_fails_the_build(tmp_path, monkeypatch):
    settings = load_settings(project(tmp_path))
    monkeypatch.setattr(BaozhaiPlugin, "on_page_content", lambda self, html, **_: html)  # checks nothing
    with pytest.raises(BuildError) as info:
        commands.build(settings, log=lambda *_: None, offline=False)
    assert str(info.value) == ("the baozhai plugin checked the HTML of 0 of 2 pages: the preservation "
                               "check did not run on every article and source view")  # 1 article, 1 source view
    assert not settings.site.exists()


def test_a_search_that_was_not_installed_fails_the_build(tmp_path, monkeypatch):
    settings = load_settings(project(tmp_path))
    monkeypatch.setattr("generator.engine.plugin.rewrite_site", lambda site, options: False)
    with pytest.raises(BuildError) as info:
        commands.build(settings, log=lambda *_: None, offline=False)
    assert str(info.value) == ("the baozhai plugin found no search index or worker of Material's to add "
                               "Baozhai's Chinese search to")

