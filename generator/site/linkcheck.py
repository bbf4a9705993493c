"""Link check of a built site: every internal link and anchor must resolve.

Reads every ``.html`` file under the site folder with :mod:`html.parser`,
collects the ``id`` (and ``<a name>``) of each page and every ``href``/``src``
it holds, and checks each internal one: the file exists inside the site (a
folder means its ``index.html``) and, for ``#anchor``, the target page has
that id. External links (``https:``, ``mailto:``…) are not fetched; a link to
the site's own address (``site_url``) counts as internal. ``href="#"`` (top of
the page) is fine.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src"}
_EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "ftp:")


@dataclass(frozen=True)
class Broken:
    page: str  # site-relative path of the page holding the link
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href}: {self.reason}"


@dataclass
class Report:
    pages: int = 0
    links: int = 0  # internal links checked
    anchors: int = 0  # of which with a #fragment
    broken: list[Broken] = field(default_factory=list)

    def summary(self, name: str) -> str:
        return (f"{name}: {self.pages} pages, {self.links} internal links "
                f"({self.anchors} to anchors), {len(self.broken)} broken")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRS:
                self.links.append(value)

    handle_startendtag = handle_starttag


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def check_site(site: Path, skip: tuple[str, ...] = (), base_url: str | None = None,
               root: Path | None = None) -> Report:
    """Check the pages under ``site`` (leaving out the sub-folders ``skip``).

    Links may lead anywhere inside ``root`` (default ``site``): an edition in a
    sub-folder links to its sibling edition through the language selector.
    """
    root = (root or site).resolve()
    site = site.resolve()
    pages = sorted(p for p in site.rglob("*.html")
                   if not any(p.relative_to(site).parts[:1] == (s,) for s in skip))
    cache: dict[Path, _Page] = {}
    report = Report(pages=len(pages))
    for path in pages:
        for href in _parsed(cache, path).links:
            target = resolve(href, path, root, base_url)
            if target is None:
                continue
            report.links += 1
            report.anchors += bool(target[1])
            reason = _problem(cache, root, *target)
            if reason:
                report.broken.append(Broken(path.relative_to(root).as_posix(), href, reason))
    return report


def resolve(href: str, page: Path, root: Path, base_url: str | None) -> tuple[Path, str] | None:
    """(target file, fragment) of an internal link; None for an external one."""
    if base_url and href.startswith(base_url):
        href = "/" + href[len(base_url):].lstrip("/")
    parts = urlsplit(href)
    if href.lower().startswith(_EXTERNAL) or parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    base = root if path.startswith("/") else page.parent
    target = base.joinpath(*PurePosixPath(path.lstrip("/")).parts)
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def _problem(cache: dict[Path, _Page], root: Path, target: Path, fragment: str) -> str | None:
    resolved = Path(*target.parts).resolve()
    if resolved != root and root not in resolved.parents:
        return "leads outside the site"
    if not resolved.is_file():
        return "no such file"
    if fragment and resolved.suffix == ".html" and fragment not in _parsed(cache, resolved).ids:
        return f"no element with id “{fragment}”"
    return None


def _parsed(cache: dict[Path, _Page], path: Path) -> _Page:
    path = path.resolve()
    if path not in cache:
        cache[path] = parse(path)
    return cache[path]


def check_editions(site: Path, folders: list[str], base_url: str | None = None) -> list[tuple[str, Report]]:
    """One report per edition folder ("" is the root edition, leaving out the others' folders)."""
    nested = tuple(f for f in folders if f)
    reports = []
    for folder in folders:
        if folder:
            reports.append((folder, check_site(site / folder, (), base_url, site)))
        else:
            reports.append((".", check_site(site, nested, base_url)))
    return reports


def run(settings, log=print) -> int:
    """``baozhai linkcheck``: print each edition's figures and broken links; 1 if any."""
    from generator.errors import BuildError

    if not (settings.site / "index.html").is_file():
        raise BuildError("no built site here: run baozhai build first", settings.site)
    reports = check_editions(settings.site, [e.folder for e in settings.edition_list()], settings.site_url)
    for name, report in reports:
        log(report.summary(f"{settings.site.name}/{name}".rstrip("/.")))
        for broken in report.broken:
            log(f"  {broken}")
    return 1 if any(r.broken for _, r in reports) else 0
