"""``baozhai serve``: a preview for editors.

Builds the site (without the offline bundles), serves ``site/`` on
127.0.0.1 with Python's http.server, and polls the content folder (sources,
glossary, errata, phrases), mkdocs.yml (and what it inherits) and the project's
theme overrides for changes: a changed, added or removed file rebuilds the site.
A failed build, the first one too, prints its error (``file:line: message``) and
the previous site stays served (a build only replaces ``site/`` when it succeeded).
"""
from __future__ import annotations

import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable

from generator.config import Settings
from generator.errors import BaozhaiError

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under ``paths`` (files or folders)."""
    state: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in files:
            try:
                stat = path.stat()
            except FileNotFoundError:  # removed while we looked
                continue
            if path.is_file():
                state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return state


class Watcher:
    """Tells which watched files changed, appeared or disappeared since the last look."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = list(paths)
        self.state = snapshot(self.paths)

    def changed(self) -> list[str]:
        new = snapshot(self.paths)
        names = sorted(name for name in self.state.keys() | new.keys() if self.state.get(name) != new.get(name))
        self.state = new
        return names


def watched(settings: Settings) -> list[Path]:
    return [settings.content, *settings.config_files, *([settings.theme_dir] if settings.theme_dir else [])]


def poll(watcher: Watcher, rebuild: Callable[[], object], log=print) -> bool:
    """One look: rebuild when something changed. True when a rebuild succeeded."""
    names = watcher.changed()
    if not names:
        return False
    shown = ", ".join(Path(n).name for n in names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    log(f"changed: {shown}; rebuilding")
    return attempt(rebuild, log)


def attempt(build: Callable[[], object], log=print) -> bool:
    """Build; on a failure print the error and go on serving what was there. True when it succeeded."""
    try:
        build()
    except BaozhaiError as err:
        log(f"baozhai: error: {err}\n(still serving the previous site)")
        return False
    return True


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # quiet: the editor watches the build messages
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """An HTTP server for ``site`` (port 0: any free port); serve_forever() it in a thread."""
    return ThreadingHTTPServer((host, port), partial(_Handler, directory=str(site)))


def serve(settings: Settings, build: Callable[[], object], host: str = "127.0.0.1", port: int = 8000,
          interval: float = 1.0, log=print) -> None:
    """Build, serve ``settings.site``, rebuild on changes until interrupted (Ctrl-C)."""
    watcher = Watcher(watched(settings))
    attempt(build, log)
    httpd = server(settings.site, host, port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    log(f"serving {settings.site} on http://{host}:{httpd.server_address[1]}/ (Ctrl-C stops)")
    try:
        while True:
            time.sleep(interval)
            poll(watcher, build, log)
    except KeyboardInterrupt:
        log("stopped")
    finally:
        httpd.shutdown()
        httpd.server_close()
