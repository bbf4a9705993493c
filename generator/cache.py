"""The build cache: work already done for the same input is not done again.

Entries live under ``.cache/`` (git-ignored, safe to delete at any time), one
file per key; a key is the SHA-256 of everything the result depends on,
including Baozhai's own version (the hash of the generator's code and data
files), so an upgrade never reuses an old result. What was taken from the
cache and what was computed is counted, so a build can say what it rebuilt.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

_PACKAGE = Path(__file__).parent


def code_version() -> str:
    """Hash of every source and data file of the generator package."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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
    pending: dict[Path, Any] = field(default_factory=dict)

    @classmethod
    def at(cls, folder: Path | None) -> "Cache":
        return cls(folder, code_version() if folder is not None else "")

    def get(self, kind: str, parts: tuple, compute: Callable[[], Any]) -> Any:
        """The cached value of ``kind`` for ``parts``, computing and storing it if absent."""
        if self.folder is None:
            return self._count(self.misses, kind, compute())
        path = self.folder / kind / key(self.version, *parts)
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            value = compute()
            self.pending[path] = value
            return self._count(self.misses, kind, value)
        return self._count(self.hits, kind, value)

    def commit(self) -> None:
        """Write the entries computed since the last commit."""
        for path, value in self.pending.items():
            self._store(path, value)
        self.pending.clear()

    def _store(self, path: Path, value: Any) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)

    @staticmethod
    def _count(counter: dict[str, int], kind: str, value: Any) -> Any:
        counter[kind] = counter.get(kind, 0) + 1
        return value

    def report(self) -> str:
        kinds = sorted(set(self.hits) | set(self.misses))
        return ", ".join(f"{kind}: {self.misses.get(kind, 0)} computed, {self.hits.get(kind, 0)} cached"
                         for kind in kinds)
