"""Write generated files into a folder atomically: build beside it, then swap.

A build that fails or is killed leaves the previous folder untouched.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterator

from .errors import BuildError


def safe_relative(path: str) -> PurePosixPath:
    """A generated path must stay inside its output folder."""
    rel = PurePosixPath(path)
    if rel.is_absolute() or ".." in rel.parts or "\x00" in path or not rel.parts:
        raise BuildError(f"refusing to write outside the output folder: {path!r}")
    return rel


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in sorted(files.items()):
        target = folder.joinpath(*safe_relative(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder; on success it replaces ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    swap(stage, target)


def swap(stage: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(stage, target)
    shutil.rmtree(old, ignore_errors=True)
