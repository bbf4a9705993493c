"""Fixtures of the browser tests: one build, one server, one browser per session.

* ``site`` is the session's seed site (tests/conftest.py ``seed_site``: the
  seed content built once, hosted site and both offline bundles), served on
  127.0.0.1 at the port that is also its ``site_url`` (so canonical URLs,
  sitemaps and instant navigation work as they do on the real host), with
  both bundles unzipped. ``site.url(mode, edition, path)`` is where a page is read:
  ``mode`` "hosted" (http://127.0.0.1:PORT/) or "offline" (file:// into the
  unzipped bundle of that edition).
* ``browser`` is Debian's Chromium (/usr/bin/chromium, never a downloaded
  one; missing, the tests skip, or fail under CI), headless, shared by every test; ``page`` is a fresh context and page
  per test, and ``requests`` every URL that page (its frames and workers
  included) asked for. A test that lets the browser ask anything of another
  host fails at teardown.
* ``mode`` runs a test hosted and offline.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        # belt and braces: no name resolves except 127.0.0.1, so nothing can reach the network;
        # an attempt still shows up as a request and fails the test
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
EDITIONS = ("zh-Hans", "zh-Hant")
OUTPUT = ROOT / "test-output"  # screenshots and request logs (git-ignored)
VIEWPORT = {"width": 1280, "height": 900}


def bundled(edition: str) -> str:
    """An edition's folder inside an unzipped bundle (which holds the hosted site in site/)."""
    return "site" if edition == "zh-Hans" else f"site/{edition}"


@dataclass(frozen=True)
class Site:
    root: Path  # the temporary project: mkdocs.yml, overrides/, docs/, site/, dist/, offline/
    port: int

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    def bundle(self, edition: str) -> Path:
        """The unzipped offline bundle whose start page opens ``edition``."""
        return self.root / "offline" / f"baozhai-offline-{edition}"

    def inside(self, mode: str, edition: str = "zh-Hans") -> str:
        """What every URL a page asks for must start with."""
        if mode == "hosted":
            return f"http://127.0.0.1:{self.port}/"
        return self.bundle(edition).as_uri() + "/"

    def url(self, mode: str, edition: str, path: str = "index.html", bundle: str | None = None) -> str:
        """A page of ``edition``; offline, in the bundle of ``bundle`` (default: the same edition)."""
        if mode == "hosted":
            return self.inside(mode) + ("" if edition == "zh-Hans" else f"{edition}/") + path
        return (self.bundle(bundle or edition) / bundled(edition) / path).as_uri()


@pytest.fixture(scope="session")
def site(seed_site) -> Site:
    return Site(seed_site.root, seed_site.port)


@pytest.fixture(scope="session")
def browser():
    require_tool(CHROMIUM.exists(), str(CHROMIUM), "apt-get install chromium; .ci/run does")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def requests() -> list[str]:
    return []


@pytest.fixture
def page(browser, site, requests):
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    allowed = (site.inside("hosted"), (site.root / "offline").as_uri() + "/", "about:", "data:")
    strays = [url for url in requests if not url.startswith(allowed)]
    assert not strays, f"the page asked another host: {strays}"


@pytest.fixture(params=["hosted", "offline"])
def mode(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def output() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
