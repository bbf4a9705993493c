"""Atomic, deterministic builds.

* Two builds of the same content — in different folders, with different hash
  seeds and time zones — give byte-identical sites and bundles (the sitemap
  is dated with the newest page date, not today: see README, "Reproducible
  builds").
* A build killed (SIGKILL) at any moment leaves the previous site, docs and
  bundles byte-identical and complete: while it reads the sources, between
  the editions, while MkDocs writes the new site, while the bundles are
  zipped and just before the swap. Each moment is a function the build enters
  (tests/killpoint.py), never a time, so no machine is too fast or too slow
  for it. Folders a killed build leaves beside site/ are never inside it, and
  the next build removes them.

The builds run the payload project of ``test_security`` (built once per session).
"""
from __future__ import annotations

import gzip
import os
import re
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import snapshot
from test_security import build_project, make_project, payload_project

from generator.write import link_unchanged, staged, write_files, write_text


def outputs(root: Path) -> dict[str, bytes]:
    """Everything a build writes that a reader gets: site/ and the bundles."""
    files = {f"site/{k}": v for k, v in snapshot(root / "site").items()}
    files.update({f"dist/{k}": v for k, v in snapshot(root / "dist").items()})
    return files


def differing_bytes(a: dict[str, bytes], b: dict[str, bytes]) -> dict[str, int]:
    """File → number of differing bytes (a missing file counts all of its bytes)."""
    result = {}
    for name in sorted(set(a) | set(b)):
        x, y = a.get(name, b""), b.get(name, b"")
        diff = sum(p != q for p, q in zip(x, y)) + abs(len(x) - len(y))
        if diff:
            result[name] = diff
    return result


@pytest.fixture(scope="module")
def first(request) -> Path:
    return payload_project(request.config)


@pytest.fixture(scope="module")
def second(tmp_path_factory, first) -> Path:
    """The same content built again elsewhere, with another hash seed and time zone."""
    root = make_project(tmp_path_factory.mktemp("elsewhere") / "another-name")
    done = build_project(root, hash_seed="2", extra_env={"TZ": "Asia/Shanghai"})
    assert done.returncode == 0, done.stderr[-3000:]
    return root


def test_two_builds_are_byte_identical(first, second):
    a, b = outputs(first), outputs(second)
    assert len(a) > 150 and sorted(a) == sorted(b)
    assert differing_bytes(a, b) == {}
    assert {k for k in a if k.startswith("dist/")} == {"dist/baozhai-offline-zh-Hans.zip",
                                                       "dist/baozhai-offline-zh-Hant.zip"}


def test_the_sitemap_is_dated_by_the_content_not_the_clock(first):
    """The newest page of the payload content is dated 2026-07-06."""
    newest = int(datetime(2026, 7, 6, tzinfo=timezone.utc).timestamp())
    for edition in ("", "zh-Hant/"):
        sitemap = (first / "site" / edition / "sitemap.xml").read_text(encoding="utf-8")
        dates = set(sitemap.split("<lastmod>")[1:])
        assert {d.split("</lastmod>")[0] for d in dates} == {"2026-07-06"}
        with gzip.open(first / "site" / edition / "sitemap.xml.gz") as packed:
            assert packed.read().decode("utf-8") == sitemap
        header = (first / "site" / edition / "sitemap.xml.gz").read_bytes()
        assert int.from_bytes(header[4:8], "little") == newest  # gzip MTIME


def test_the_site_is_readable_by_a_web_server(first):
    """The stage folder is made with mkdtemp (0700); the swapped-in site must not be."""
    for folder in ("site", "dist", "docs"):
        assert (first / folder).stat().st_mode & 0o777 == 0o755


# -- killed builds ------------------------------------------------------------------------

KILLPOINT = Path(__file__).with_name("killpoint.py")

# where the build is killed: a function it enters (the N-th time), so the moment is the
# same on any machine at any load (see tests/killpoint.py)
KILLS = {
    "reading-sources": "generator.pipeline:process_page",  # the new page: never cached
    "between-editions": "generator.commands.build:converted_pages#2",  # Simplified site built
    "mkdocs-writing": "mkdocs.utils:write_file#25",  # the Simplified site half written
    "zipping-bundles": "generator.site.bundle:_write_deflated#100",  # the first zip half written
    "before-the-swap": "generator.write:swap",  # everything built, nothing swapped in yet
}


def killed_build(root: Path, point: str, tmp: Path) -> int:
    """Build ``root`` with one more page, killed at ``point``; return the build's process id."""
    (root / "content" / "sources" / "zz-new.txt").write_text("# 新的一篇\n测试市今天又举办了活动。\n",
                                                              encoding="utf-8")
    env = {**os.environ, "PYTHONHASHSEED": "3", "TMPDIR": str(tmp)}
    env.pop("SOURCE_DATE_EPOCH", None)
    build = subprocess.Popen([sys.executable, str(KILLPOINT), point, "--root", str(root), "build"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    _, err = build.communicate(timeout=600)
    assert build.returncode == -signal.SIGKILL, f"not killed at {point} (exit {build.returncode}): {err[-3000:]}"
    return build.pid


def assert_intact(root: Path, before: dict[str, bytes], docs: dict[str, bytes]) -> None:
    """site/, the bundles and docs/ are as they were; nothing hidden was left inside site/."""
    assert differing_bytes(before, outputs(root)) == {}
    assert snapshot(root / "docs") == docs
    assert not any(p.name.startswith(".") for p in (root / "site").iterdir())


@pytest.mark.parametrize("moment", [moment for moment in KILLS if moment != "mkdocs-writing"])
def test_a_killed_build_leaves_the_previous_site_intact(second, moment, tmp_path):
    """The killed build has new content, so a site it swapped in would differ. (Its
    temporary folders outside the project go to this test's own TMPDIR.)"""
    before, docs = outputs(second), snapshot(second / "docs")
    killed_build(second, KILLS[moment], tmp_path)
    assert_intact(second, before, docs)


def test_a_build_killed_while_mkdocs_writes_is_cleaned_up_by_the_next(second, tmp_path):
    """The fifth moment of the test above, with what follows it: a build killed while
    MkDocs writes leaves its folders beside site/ and docs/ (never inside them); its
    process is gone, so the next build removes them."""
    before, docs = outputs(second), snapshot(second / "docs")
    pid = killed_build(second, KILLS["mkdocs-writing"], tmp_path)
    assert_intact(second, before, docs)
    left = sorted(p.name.split(f"-{pid}-")[0] for p in second.glob(f".*-{pid}-*"))
    assert left == [".docs.new", ".site.new", ".site.new"]  # docs, the site, the other editions' parts
    done = build_project(second, hash_seed="3")
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(p.name for p in second.iterdir() if p.name.startswith(".")) == [".cache"]
    assert "新的一篇" in (second / "site" / "articles" / "xin-de-yi-pian.html").read_text(encoding="utf-8")


def test_the_lock_file_pins_every_package_with_hashes():
    """Reproducible installs: ``make`` installs with ``--require-hashes``."""
    text = (Path(__file__).resolve().parents[1] / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    pins = [e for e in entries if re.match(r"[A-Za-z0-9_.-]+==", e)]
    assert len(pins) > 30
    assert [e.split()[0] for e in pins if "--hash=sha256:" not in e] == []
    assert [e.split()[0] for e in entries if re.match(r"[A-Za-z0-9]", e) and "==" not in e.split()[0]] == []


# -- the staging folder itself --------------------------------------------------------------

def test_staged_replaces_the_folder_only_on_success(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    with pytest.raises(RuntimeError):
        with staged(target) as stage:
            (stage / "new.html").write_text("new")
            raise RuntimeError("build failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert snapshot(target) == {"old.html": b"old"}
    with staged(target) as stage:
        (stage / "new.html").write_text("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert snapshot(target) == {"new.html": b"new"}


def test_staged_leaves_a_running_builds_folder_alone(tmp_path):
    """Only folders of builds whose process is gone are stale."""
    running = tmp_path / f".site.new-{os.getppid()}-abc"
    dead = tmp_path / ".site.new-999999999-abc"
    old = tmp_path / ".site.old-999999999"
    other = tmp_path / ".other.new-999999999-abc"
    for folder in (running, dead, old, other):
        folder.mkdir()
    with staged(tmp_path / "site"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, other.name, "site"])


def test_an_unchanged_file_is_linked_and_a_link_is_never_written_through(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "a.md").write_text("甲", encoding="utf-8")
    (tmp_path / "old" / "b.md").write_text("乙", encoding="utf-8")
    write_files(tmp_path / "new", {"a.md": "甲", "b.md": "丙", "c.md": "丁"}, previous=tmp_path / "old")
    inode = {name: (tmp_path / "new" / name).stat().st_ino for name in ("a.md", "b.md")}
    assert inode["a.md"] == (tmp_path / "old" / "a.md").stat().st_ino  # same bytes: linked
    assert inode["b.md"] != (tmp_path / "old" / "b.md").stat().st_ino
    write_text(tmp_path / "new" / "a.md", "戊", tmp_path / "old" / "a.md")  # written again: replaced
    assert [(tmp_path / d / "a.md").read_text(encoding="utf-8") for d in ("old", "new")] == ["甲", "戊"]
    assert snapshot(tmp_path / "new") == {"a.md": "戊".encode(), "b.md": "丙".encode(), "c.md": "丁".encode()}
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "b.md").write_text("丙", encoding="utf-8")
    assert link_unchanged(tmp_path / "later", tmp_path / "new") == 1
    assert (tmp_path / "later" / "b.md").stat().st_ino == inode["b.md"]
