"""Shared fixtures for the Baozhai test suite.

* ``make_content(root, files, mkdocs=False)`` writes a small content folder
  under ``root`` (``files`` maps paths inside content/ to text or bytes) and,
  when asked, a copy of the project's mkdocs.yml so the CLI can run there.
* ``seed`` is the seed page processed with its errata (session-wide, read
  only: do not mutate it); ``seed_result`` its one page; ``seed_files`` the
  rendered Markdown; ``seed_raw`` the seed processed WITHOUT errata.
* ``process_text(text)`` runs the pipeline over one hand-made page.
* ``seed_site`` is the seed content built once per test run by ``baozhai build``
  (both editions and the offline bundles, also unzipped) into a temporary project
  whose ``site_url`` is a free port of 127.0.0.1, on which the run's first process
  (pytest itself, or pytest-xdist's controller) serves it until the run ends. Under
  pytest-xdist the first worker to ask builds it, under a file lock, and the other
  waits and reads the same folder: the site is built once, not once per worker.
* ``require_tool(present, what, install)``: a test whose external tool (Java,
  Chromium, the npm validators) is missing skips with the reason; under CI
  (``CI=true``, set by .ci/run) it fails instead, so CI never loses a check.
* Hypothesis profiles: ``fast`` (``make test``, the default) and ``thorough``
  (``make test-thorough``), chosen by ``HYPOTHESIS_PROFILE``.

Hand-made pages in the test files are test fixtures, not news: they use
made-up places and papers (测试市, 示例报) and no real names or quotes.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
import socketserver
import sys
import threading
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from generator.cli import main
from generator.commands.serve import server
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

# fast: few examples, deterministic, so `make test` stays quick and cannot flake; thorough:
# 1,500 examples a test, drawn afresh each run (failures kept in .hypothesis/ to replay)
_UNHEALTHY = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("fast", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_UNHEALTHY)
settings.register_profile("thorough", max_examples=1500, deadline=None, derandomize=False,
                          suppress_health_check=_UNHEALTHY)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


def require_tool(present: bool, what: str, install: str) -> None:
    """Skip the calling test when its external tool is missing, saying why and how to
    install it; under CI (``CI=true``) fail instead: a check CI cannot run is a failure."""
    if present:
        return
    reason = f"{what} is missing ({install})"
    if os.environ.get("CI", "").lower() in ("1", "true"):
        pytest.fail(f"{reason}; under CI a missing tool fails the test", pytrace=False)
    pytest.skip(reason)


def write_content(root: Path, files: Mapping[str, str | bytes], mkdocs: bool = False) -> Path:
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


SEED_SITE = "seed_site"  # the shared project's folder in the run's base temporary folder
SEED_PORT = "seed_site.port"  # the file beside it holding the port it is served on


def _run_folder(config: pytest.Config) -> Path:
    """The base temporary folder of the whole run: pytest's, or under pytest-xdist the
    controller's (each worker's own is a folder inside it)."""
    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return base.parent if hasattr(config, "workerinput") else base


def _quiet_when_the_browser_hangs_up(request, address) -> None:
    """A browser that leaves a page stops its downloads (a broken pipe): not an error of the
    site. Anything else is reported as socketserver does."""
    if not isinstance(sys.exc_info()[1], ConnectionError):
        socketserver.BaseServer.handle_error(None, request, address)  # type: ignore[arg-type]


def pytest_sessionstart(session: pytest.Session) -> None:
    """In the run's first process only: serve the (not yet built) seed site on a free port
    until the process ends; workers and tests read the port from ``seed_site.port``."""
    if hasattr(session.config, "workerinput"):
        return
    folder = _run_folder(session.config)
    httpd = server(folder / SEED_SITE / "site", port=0)
    httpd.handle_error = _quiet_when_the_browser_hangs_up  # type: ignore[method-assign, assignment]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    (folder / SEED_PORT).write_text(str(httpd.server_address[1]), encoding="utf-8")


@dataclass(frozen=True)
class SeedSite:
    """The seed content built into ``root`` (mkdocs.yml, overrides/, docs/, site/, dist/,
    and offline/: each bundle unzipped), served on 127.0.0.1:``port``."""

    root: Path
    port: int

    @property
    def site_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def dist(self) -> Path:
        return self.root / "dist"


def _build_seed_site(root: Path, port: int) -> None:
    root.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, found = re.subn(r"(?m)^site_url:.*$", f"site_url: http://127.0.0.1:{port}/", config)
    assert found == 1, "mkdocs.yml has no site_url line"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    assert main(["--root", str(root), "build", "--content", str(SEED_CONTENT)]) == 0
    for edition in ("zh-Hans", "zh-Hant"):
        with zipfile.ZipFile(root / "dist" / f"baozhai-offline-{edition}.zip") as archive:
            archive.extractall(root / "offline")  # each holds its folder baozhai-offline-EDITION


def built_once(config: pytest.Config, name: str, build: Callable[[Path], None]) -> Path:
    """The folder ``name`` in the run's base folder, made by ``build(folder)`` once per test
    run: under pytest-xdist the first worker to ask builds it under a file lock, the others
    wait for it and read the same folder (so read it, never change it)."""
    run = _run_folder(config)
    root = run / name
    with open(run / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when closed: the others wait for the first
        done = run / f"{name}.built"
        if not done.exists():
            shutil.rmtree(root, ignore_errors=True)  # left by a worker that failed half-way
            build(root)
            done.touch()
    return root


@pytest.fixture(scope="session")
def seed_site(request) -> SeedSite:
    """The seed site, built once per run (see the module's docstring): read it, never change it."""
    port = int((_run_folder(request.config) / SEED_PORT).read_text(encoding="utf-8"))
    return SeedSite(built_once(request.config, SEED_SITE, lambda root: _build_seed_site(root, port)), port)
