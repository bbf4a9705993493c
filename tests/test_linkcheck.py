"""The link check: a hand-made site with known faults, then the real builds.

The real builds are the project's content (both editions) and the same plus
the multi-day test fixtures (test fixtures, not news), which adds dated
pages, continuation links and related links across days.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from test_browse import combined_content

from generator.cli import main
from generator.commands import build as commands
from generator.config import load_settings
from generator.site.linkcheck import Broken, check_editions, check_site

BASE = "https://baozhai.example.org/"  # the project's site_url


def page(body: str, ids: str = "") -> str:
    return f"<!doctype html><html><body>{ids}{body}</body></html>"


@pytest.fixture
def site(tmp_path) -> Path:
    """A small site: three good links, and one of each fault the check must catch."""
    files = {
        "index.html": page('<a href="a.html">a</a> <a href="a.html#here">anchor</a> <a href="sub/">folder</a>'
                           '<a href="#">top</a> <a href="#intro">own anchor</a> <a href="https://example.org/x">ext</a>'
                           '<a href="mailto:x@example.org">mail</a> <img src="img/p.png">',
                           '<h1 id="intro">t</h1>'),
        "a.html": page('<a href="index.html">home</a> <a href="missing.html">broken</a>'
                       '<a href="index.html#nowhere">broken anchor</a> <a href="../../etc/passwd">outside</a>'
                       f'<link rel="canonical" href="{BASE}a.html"><a href="{BASE}gone.html">own host</a>',
                       '<p id="here">x</p>'),
        "sub/index.html": page('<a href="../a.html#here">up</a> <a href="../a.html#%E4%B8%AD">中</a>'
                               '<a href="index.html#%E4%B8%AD">here</a>', '<a name="中"></a>'),
        "img/p.png": "png",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_check_catches_a_broken_link_and_a_broken_anchor(site):
    report = check_site(site, base_url=BASE)
    assert report.broken == [
        Broken("a.html", "missing.html", "no such file"),
        Broken("a.html", "index.html#nowhere", "no element with id “nowhere”"),
        Broken("a.html", "../../etc/passwd", "leads outside the site"),
        Broken("a.html", f"{BASE}gone.html", "no such file"),
        Broken("sub/index.html", "../a.html#%E4%B8%AD", "no element with id “中”"),
    ]
    assert (report.pages, report.links, report.anchors) == (3, 15, 6)
    assert report.summary("site") == "site: 3 pages, 15 internal links (6 to anchors), 5 broken"


def test_external_links_are_not_checked_without_the_site_address(site):
    report = check_site(site)
    assert "https://baozhai.example.org/gone.html" not in [b.href for b in report.broken]
    assert report.links == 13


def test_a_fixed_site_reports_nothing(site):
    (site / "a.html").write_text(page('<a href="index.html#intro">ok</a>', '<p id="here">x</p>'),
                                 encoding="utf-8")
    (site / "sub/index.html").write_text(page('<a href="../a.html#here">up</a>'), encoding="utf-8")
    assert check_site(site).broken == []


def test_editions_are_counted_apart_and_may_link_to_each_other(site):
    (site / "zh-Hant").mkdir()
    (site / "zh-Hant/index.html").write_text(page('<a href="../index.html#intro">簡體</a>'), encoding="utf-8")
    (site / "zh-Hant/b.html").write_text(page('<a href="nope.html">x</a>'), encoding="utf-8")
    reports = dict(check_editions(site, ["", "zh-Hant"]))
    assert (reports["."].pages, reports["zh-Hant"].pages) == (3, 2)
    assert reports["zh-Hant"].broken == [Broken("zh-Hant/b.html", "nope.html", "no such file")]


def test_cli_reports_broken_links_and_fails(capsys, site, tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    assert main(["--root", str(root), "linkcheck", "--site", str(site)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{site.name}: 3 pages, 15 internal links (6 to anchors), 5 broken"
    assert "  a.html: missing.html: no such file" in out
    assert out[-1].startswith(f"{site.name}/zh-Hant: ")


def test_cli_without_a_built_site(capsys, tmp_path):
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert main(["--root", str(tmp_path), "linkcheck"]) == 1
    assert "no built site here: run baozhai build first" in capsys.readouterr().err


# -- the real builds -------------------------------------------------------------------------

def built(root: Path) -> Path:
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    settings = load_settings(root)
    commands.build(settings, log=lambda *_: None, offline=False)
    return settings.site


@pytest.fixture(scope="module")
def days_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("days_site")
    combined_content(root)
    return built(root)


def edition_reports(site: Path) -> dict:
    return {name: (r.pages, len(r.broken), r.broken[:5]) for name, r in check_editions(site, ["", "zh-Hant"], BASE)}


def test_the_built_seed_site_has_no_broken_links(seed_site):
    reports = dict(check_editions(seed_site.site, ["", "zh-Hant"], seed_site.site_url))
    assert [(name, r.broken) for name, r in reports.items()] == [(".", []), ("zh-Hant", [])]
    assert reports["."].pages == reports["zh-Hant"].pages > 100
    assert reports["."].anchors > 500


def test_the_built_multiday_site_has_no_broken_links(days_site, capsys):
    assert edition_reports(days_site) == {".": (166, 0, []), "zh-Hant": (166, 0, [])}  # 4 source views, credits; no 404 page: no real site_url
    assert main(["--root", str(days_site.parent), "linkcheck"]) == 0
    assert [line.split(":")[1].split(",")[-1] for line in capsys.readouterr().out.splitlines()] == [
        " 0 broken", " 0 broken"]


def test_built_pages_link_across_pages_and_days(days_site):
    fair = (days_site / "articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.html").read_text(encoding="utf-8")
    assert 'href="../articles/shi-li-ke-ji-zhan-xi-yin-zhong-duo-shi-min.html">《示例科技展吸引众多市民》</a>' in fair
    assert 'href="../articles/shi-li-yan-jiu-yuan-fa-bu-da-mo-xing-ce-shi-bao-gao.html">' in fair  # 07-09
    hant = (days_site / "zh-Hant/articles/ce-shi-shi-ju-ban-shi-li-ke-ji-zhan.html").read_text(encoding="utf-8")
    assert "續見" in hant and "相關文章" in hant
    nav = (days_site / "issues/2026-07-08.html").read_text(encoding="utf-8")
    assert 'href="../topics/person.html"' in nav and 'id="page-shi-li-bao-a05-ban-cheng-shi"' in nav
