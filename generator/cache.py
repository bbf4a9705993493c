"""The build cache: work already done for the same input is not done again.

Entries live under ``.cache/`` (git-ignored, safe to delete at any time), one
file per key; a key is the SHA-256 of everything the result depends on,
including the build's version (:func:`build_version`: the hash of the
generator's code and data files, the Python version and the version of every
installed package), so neither an upgrade of Baozhai nor a new OpenCC, jieba,
MkDocs or Material ever reuses an old result. What was taken from the
cache and what was computed is counted, so a build can say what it rebuilt.

A computed entry is written at once, aside, into ``.pending-<pid>-…/`` (so a
large build does not hold every result in memory); :meth:`Cache.commit` moves
the entries into place after the build succeeded, :meth:`Cache.discard` drops
them after it failed, and pending folders of processes that no longer run are
removed when a cache is opened. Until the commit no later build can see them.

The cache is pruned, so that a digest built every day does not grow it without
end: an entry a build uses is touched (its modification time set to now), and a
whole build that succeeded removes, with :meth:`Cache.prune`, every entry that
none of the last :data:`KEEP_BUILDS` builds used (the start times of those
builds are kept in ``.cache/builds``). Shard builds never prune: the build that
joins them uses, and so keeps, what they rendered.
"""
from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import io
import os
import pickle
import platform
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from generator.write import process_alive

_PACKAGE = Path(__file__).parent


def code_version() -> str:
    """Hash of every source and data file of the generator package."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def dependency_versions() -> str:
    """``name==version`` of every installed distribution, one a line: any of them (OpenCC
    and its dictionaries, jieba, pypinyin, Markdown, MkDocs, Material…) may change the
    output, and listing them all costs a few milliseconds."""
    found = {f"{(d.metadata['Name'] or '').lower()}=={d.version}" for d in importlib.metadata.distributions()}
    return "\n".join([f"python=={platform.python_version()}", *sorted(found)])


def build_version() -> str:
    """What every cached result and the last build's stamp depend on besides their inputs."""
    return key(code_version(), dependency_versions())


def fingerprint(value: Any) -> bytes:
    """Bytes that stand for ``value`` in a key: its pickle without pickle's memo (``fast``),
    so equal values give equal bytes whichever of their parts are one object (a value just
    computed and the same value read from the cache share strings differently). A value
    that holds a set gives other bytes in another process (string hashes are salted): a
    needless miss, never a wrong hit. Cyclic values are refused (ValueError)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(value)
    return out.getvalue()


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@dataclass
class Cache:
    folder: Path | None  # None: no cache (everything is computed)
    version: str = ""
    hits: dict[str, int] = field(default_factory=dict)
    misses: dict[str, int] = field(default_factory=dict)
    pending: list[tuple[Path, Path]] = field(default_factory=list)  # (written aside, its place)
    waiting: dict[Path, Path] = field(default_factory=dict)  # its place → written aside, for this build
    aside: Path | None = None  # this process's pending folder, made on the first entry
    _folders: set[Path] = field(default_factory=set, repr=False)  # made under ``aside``
    # the process whose pid names the pending folder (0: this one). A forked process whose
    # entries its parent takes and commits (:meth:`take`) names it after the parent, so that
    # it is abandoned when the parent ends, not when the child does: named after the child,
    # an MkDocs worker opening the cache (``Cache.at``) between the child's end and the
    # parent's commit removed it, and the commit failed
    owner: int = 0

    @classmethod
    def at(cls, folder: Path | None) -> "Cache":
        if folder is not None:
            _remove_abandoned(folder)
        return cls(folder, build_version() if folder is not None else "")

    def has(self, kind: str, parts: tuple) -> bool:
        """Whether ``kind`` for ``parts`` is cached (so that what is missing can be computed
        together, e.g. in another process, before :meth:`get` files it)."""
        return self.folder is not None and (self.folder / kind / key(self.version, *parts)).exists()

    def get(self, kind: str, parts: tuple, compute: Callable[[], Any]) -> Any:
        """The cached value of ``kind`` for ``parts``, computing and storing it if absent."""
        if self.folder is None:
            return self._count(self.misses, kind, compute())
        path = self.folder / kind / key(self.version, *parts)
        try:
            value = _loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            value = compute()
            self._set_aside(path, value)
            return self._count(self.misses, kind, value)
        _touch(path)
        return self._count(self.hits, kind, value)

    def peek(self, kind: str, parts: tuple) -> Any:
        """The cached value of ``kind`` for ``parts``, or None (counted as a hit, or not at
        all: the caller computes what is missing and files it with :meth:`put`)."""
        if self.folder is None:
            return None
        path = self.folder / kind / key(self.version, *parts)
        try:
            value = _loads(self.waiting.get(path, path).read_bytes())  # this build's own, or committed
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if path not in self.waiting:
            _touch(path)
        return self._count(self.hits, kind, value)

    def later(self, kind: str, parts: tuple, compute: Callable[[], Any]) -> Callable[[], Any] | None:
        """A loader of the cached value of ``kind`` for ``parts`` (None when it is not
        cached), for a value that may never be needed: the entry is touched and counted
        as taken from the cache now, read only when the loader is called (and computed
        with ``compute``, and filed, if it could not be read by then)."""
        if self.folder is None:
            return None
        path = self.folder / kind / key(self.version, *parts)
        if not path.exists():
            return None
        _touch(path)
        self._count(self.hits, kind, None)

        def load() -> Any:
            try:
                return _loads(path.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):  # removed since
                value = compute()
                self._set_aside(path, value)
                return self._count(self.misses, kind, value)
        return load

    def put(self, kind: str, parts: tuple, value: Any) -> None:
        """File a value computed outside :meth:`get` (counted as computed)."""
        self._count(self.misses, kind, value)
        if self.folder is not None:
            self._set_aside(self.folder / kind / key(self.version, *parts), value)

    def _set_aside(self, path: Path, value: Any) -> None:
        assert self.folder is not None
        if path in self.waiting:  # filed already by this build (the same key: the same value)
            return
        if self.aside is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.aside = Path(tempfile.mkdtemp(prefix=f"{_PENDING}{self.owner or os.getpid()}-", dir=self.folder))
        waiting = self.aside / path.relative_to(self.folder)
        self._store(waiting, value)
        self.pending.append((waiting, path))
        self.waiting[path] = waiting

    def take(self, other: "Cache") -> None:
        """Take over what ``other``, a forked process's copy of this cache, filed and
        counted (generator.commands.build runs the generator in a process of its own):
        its pending entries are committed or discarded with this cache's."""
        self.hits, self.misses, self.pending, self.waiting = other.hits, other.misses, other.pending, other.waiting
        self.aside, self._folders = other.aside, other._folders

    def commit(self) -> None:
        """Put the entries computed since the last commit in place."""
        for folder in {path.parent for _, path in self.pending}:
            folder.mkdir(parents=True, exist_ok=True)
        for waiting, path in self.pending:
            os.replace(waiting, path)
        self.discard()

    def discard(self) -> None:
        """Forget the entries computed since the last commit (the build failed)."""
        if self.aside is not None:
            shutil.rmtree(self.aside, ignore_errors=True)
            try:
                self.aside.parent.rmdir()  # a cache folder this build made and nothing else uses
            except OSError:
                pass
        self.pending.clear()
        self.waiting.clear()
        self._folders.clear()
        self.aside = None

    def _store(self, path: Path, value: Any) -> None:
        """Write an entry into this process's own pending folder: nothing else reads
        it before the commit moves it (atomically) into place, and a build killed
        while writing leaves its folder to be removed as abandoned."""
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        with open(path, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def _count(counter: dict[str, int], kind: str, value: Any) -> Any:
        counter[kind] = counter.get(kind, 0) + 1
        return value

    def prune(self, started: float) -> tuple[int, int]:
        """Record a whole build that started at ``started`` (seconds since the epoch) and
        succeeded; remove the entries none of the last :data:`KEEP_BUILDS` builds used
        (committed or touched before the earliest of them started). Return the number
        of entries removed and their bytes."""
        if self.folder is None or not self.folder.is_dir():
            return 0, 0
        record = self.folder / BUILDS
        try:
            earlier = [float(line) for line in record.read_text(encoding="utf-8").split()]
        except (OSError, ValueError):  # none yet, or damaged: start counting again
            earlier = []
        runs = [*earlier, started][-KEEP_BUILDS:]
        record.write_text("".join(f"{run!r}\n" for run in runs), encoding="utf-8")
        if len(runs) < KEEP_BUILDS:
            return 0, 0
        removed = size = 0
        for kind in os.scandir(self.folder):
            if not kind.is_dir(follow_symlinks=False) or kind.name.startswith(_PENDING):
                continue
            for entry in os.scandir(kind.path):
                info = entry.stat(follow_symlinks=False)
                if info.st_mtime < runs[0]:
                    os.unlink(entry.path)
                    removed, size = removed + 1, size + info.st_size
        return removed, size

    def report(self) -> str:
        kinds = sorted(set(self.hits) | set(self.misses))
        return ", ".join(f"{kind}: {self.misses.get(kind, 0)} computed, {self.hits.get(kind, 0)} cached"
                         for kind in kinds)


class Memo:
    """Values of a pure function by the hash of its input, the last build's in one cache
    entry (``kind``): a build takes each value its input had before and computes the
    others; :meth:`file` writes this build's values (only those asked for: the entry
    holds the current digest's, not every input ever seen) when any differ. One entry
    a kind, not one an input: a +1 page build reads one file instead of a thousand."""

    def __init__(self, cache: Cache, kind: str, name: str = "") -> None:
        self.cache, self.kind, self.name = cache, kind, name  # name: one of several memos of a kind
        before = cache.peek(kind, (kind, name))
        self.before: dict[bytes, Any] = before if isinstance(before, dict) else {}
        self.now: dict[bytes, Any] = {}

    def get(self, parts: tuple, compute: Callable[[], Any]) -> Any:
        digest = bytes.fromhex(key(*parts))
        found = self.before[digest] if digest in self.before else compute()
        self.now[digest] = found
        return found

    def last(self, parts: tuple) -> Any:
        """The last build's value for ``parts`` (None if it had none); see :meth:`keep`."""
        return self.before.get(bytes.fromhex(key(*parts)))

    def keep(self, parts: tuple, value: Any) -> None:
        """Record this build's value for ``parts``, worked out by its caller."""
        self.now[bytes.fromhex(key(*parts))] = value

    def file(self) -> None:
        if self.now != self.before:
            self.cache.put(self.kind, (self.kind, self.name), self.now)


_PENDING = ".pending-"
BUILDS = "builds"  # in the cache folder: the start times of the last whole builds
KEEP_BUILDS = 3  # an entry none of the last three whole builds used is removed


def _touch(path: Path) -> None:
    """Mark an entry as used now (see :meth:`Cache.prune`)."""
    try:
        os.utime(path)
    except OSError:  # removed meanwhile by another build's prune: this build has its value
        pass


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block with the cyclic garbage collector paused, then collect once (or, in a
    process that ends soon, freeze: see :data:`ENDS_SOON`).

    The generator's pass builds the digest — every page, article, word and link, read
    from the cache or computed, all reachable until the pass ends — and makes almost
    no cyclic garbage (a cold pass over 1,000 articles: about 1,500 objects, the same
    peak memory with the collector off). With the collector on, each full collection
    the new objects set off walks the whole digest built so far: at 1,000 articles a
    +1 page pass (main process, from load to preservation) took 4.5–4.6 s of CPU with
    it and 3.0–3.3 s without. One collection at the end frees what cycles there are
    and leaves the digest in the oldest generation."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if ENDS_SOON:  # freeze, not collect: see ENDS_SOON
                gc.freeze()
            else:
                gc.collect()
            gc.enable()


# True in a process that ends when the editions are written (the generator's own,
# generator.commands.build.apart): the digest of :func:`collector_paused` is frozen
# (``gc.freeze``: left out of every later collection) instead of collected. That one
# collection walked the whole digest (≈ 0.5 s of a +1 page build at 1,000 articles) to
# free the few cycles the pass made, which the process's end frees as well.
ENDS_SOON = False


def _loads(data: bytes) -> Any:
    """Unpickle a cache entry with the cyclic garbage collector paused: an entry (a
    parsed page, an article's words) is thousands of new objects, all reachable, and
    each collection they set off walks them and the whole digest built so far for
    nothing (a +1 page build reads some 1,250 such entries: with the collector on,
    unpickling them took 3–4 times as long, about a sixth of the generator's pass)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def _remove_abandoned(folder: Path) -> None:
    """Pending folders of builds that were killed (their process is gone)."""
    for aside in folder.glob(f"{_PENDING}*"):
        pid = aside.name[len(_PENDING):].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(aside, ignore_errors=True)
