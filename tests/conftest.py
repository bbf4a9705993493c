"""Shared fixtures for the Baozhai test suite.

* ``make_content(root, files, mkdocs=False)`` writes a small content folder
  under ``root`` (``files`` maps paths inside content/ to text or bytes) and,
  when asked, a copy of the project's mkdocs.yml so the CLI can run there.
* ``seed`` is the seed page processed with its errata (session-wide, read
  only: do not mutate it); ``seed_result`` its one page; ``seed_files`` the
  rendered Markdown; ``seed_raw`` the seed processed WITHOUT errata.
* ``process_text(text)`` runs the pipeline over one hand-made page.

Hand-made pages in the test files are test fixtures, not news: they use
made-up places and papers (测试市, 示例报) and no real names or quotes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import load_settings
from generator.model import Digest, PageResult
from generator.pipeline import process
from generator.site.pages import render_digest

ROOT = Path(__file__).resolve().parents[1]
SEED_CONTENT = ROOT / "content"
SEED_NAME = "000_371fdb277fab058e.txt"
SEED_SOURCE = SEED_CONTENT / "sources" / SEED_NAME
PROJECT = load_settings(ROOT)  # the project's settings: mkdocs.yml as MkDocs reads it
EXTENSIONS = list(PROJECT.markdown_extensions)  # mkdocs.yml's markdown_extensions
markdown_html = PROJECT.markdown_html  # Markdown → HTML as the site's pages are rendered


def write_content(root: Path, files: dict[str, str | bytes], mkdocs: bool = False) -> Path:
    """Write ``files`` into ``root/content`` (and mkdocs.yml into ``root``); return content/."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    if mkdocs:
        shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return content


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: to prove nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def make_content():
    """``make_content(tmp_path, {"sources/x.txt": "..."}, mkdocs=True)`` → content folder."""
    return write_content


@pytest.fixture
def process_text(tmp_path):
    """Run the whole pipeline over one hand-made page; return its :class:`PageResult`."""
    def run(text: str | bytes, name: str = "x.txt", files: dict | None = None) -> PageResult:
        digest = process(write_content(tmp_path, {f"sources/{name}": text, **(files or {})}))
        assert len(digest.pages) == 1
        return digest.pages[0]
    return run


@pytest.fixture(scope="session")
def seed() -> Digest:
    """The seed page with the project's errata, as ``baozhai build`` sees it."""
    return process(SEED_CONTENT)


@pytest.fixture(scope="session")
def seed_result(seed) -> PageResult:
    return seed.pages[0]


@pytest.fixture(scope="session")
def seed_files(seed) -> dict[str, str]:
    """Rendered Markdown of the seed digest, by output path."""
    return render_digest(seed, "报摘")


@pytest.fixture(scope="session")
def seed_raw(tmp_path_factory) -> PageResult:
    """The seed page processed without any errata (no editor moves, no marks)."""
    root = tmp_path_factory.mktemp("seed_raw")
    content = write_content(root, {f"sources/{SEED_NAME}": SEED_SOURCE.read_bytes()})
    return process(content).pages[0]
