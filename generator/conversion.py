"""Stage 5, convert, beside the rendering: a Traditional edition in a process of its own.

When a digest is large enough for its editions' sites to be built in parallel
processes (see generator.builds), one core has nothing to do until the first
MkDocs build starts: the generator runs on the other. A :class:`ConvertProcess`
then takes each Simplified page as soon as it is rendered and converts and
writes it there, so the Traditional edition is ready about when the Simplified
one is, and its site build starts with the Simplified one instead of after
the whole edition was converted.

The result is the one :func:`generator.editions.converted_pages` gives: the
same converter (made again in the process from the same arguments), the same
files, the same cache entries. Those are written aside under the build's own
name and adopted by the build's cache when the process is done, so they are
committed or dropped with everything else the build computed.
"""
from __future__ import annotations

import queue
import time
import traceback
from multiprocessing import get_context
from pathlib import Path
from typing import Iterator

from .cache import Cache
from .config import Edition
from .convert import Converter
from .errors import BuildError
from .write import write_files

_DONE = None  # sent after the last page


class ConvertProcess:
    """One edition converted and written page by page in a spawned process."""

    def __init__(self, edition: Edition, converter: Converter, docs: Path, cache: Cache) -> None:
        context = get_context("spawn")  # the parent holds threads and the digest: nothing is forked
        self.edition, self.cache = edition, cache
        self._pages, self._report = context.Queue(), context.Queue()
        self._process = context.Process(
            target=_convert_pages, name=f"baozhai-convert-{edition.code}", daemon=True,
            args=(converter.arguments, docs, cache.folder, cache.version, cache.helper_folder(),
                  self._pages, self._report))
        self._process.start()

    def send(self, name: str, text: str) -> None:
        self._pages.put((name, text))

    def finish(self) -> float:
        """Wait until every page sent is converted and written; return the seconds the
        process worked. Its cache entries join ``cache``; its failure is a BuildError."""
        self._pages.put(_DONE)
        while True:
            try:
                report = self._report.get(timeout=1)
                break
            except queue.Empty:
                if not self._process.is_alive():
                    raise BuildError(f"converting {self.edition.code}: the process stopped "
                                     f"(exit code {self._process.exitcode})") from None
        self._process.join()
        if report[0] == "error":
            raise BuildError(f"converting {self.edition.code} failed:\n{report[1]}")
        _, hits, misses, pending, seconds = report
        self.cache.adopt(hits, misses, pending)
        return seconds

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _convert_pages(arguments: tuple, docs: Path, folder: Path | None, version: str, aside: Path | None,
                   pages: "queue.Queue", report: "queue.Queue") -> None:
    begin = time.perf_counter()
    try:
        converter = Converter(*arguments)
        cache = Cache(folder, version, aside=aside)

        def converted() -> Iterator[tuple[str, str]]:
            while (page := pages.get()) is not _DONE:
                name, text = page
                yield name, cache.get("convert", (converter.identity, text), lambda: converter.convert_text(text))
        write_files(docs, converted())
        report.put(("done", cache.hits, cache.misses, cache.pending, time.perf_counter() - begin))
    except BaseException:  # noqa: BLE001  (reported to the build, which fails with it)
        report.put(("error", traceback.format_exc()))


class Beside:
    """The editions converted beside the rendering (none when the build runs in one process)."""

    def __init__(self, converters: list[tuple[Edition, Converter | None]], docs: Path, cache: Cache,
                 parallel: bool) -> None:
        self.processes: dict[str, ConvertProcess] = {}
        if parallel:
            for edition, converter in converters:
                if converter is not None:
                    self.processes[edition.code] = ConvertProcess(edition, converter, docs / edition.code, cache)

    def send(self, name: str, text: str) -> None:
        for process in self.processes.values():
            process.send(name, text)

    def converts(self, edition: Edition) -> bool:
        return edition.code in self.processes

    def finish(self, edition: Edition) -> float:
        return self.processes[edition.code].finish()

    def __enter__(self) -> "Beside":
        return self

    def __exit__(self, *exc) -> None:
        for process in self.processes.values():
            process.stop()

