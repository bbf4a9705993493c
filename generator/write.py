"""Write generated files into a folder atomically: build beside it, then swap.

A build that fails or is killed leaves the previous folder untouched. The new
folder is built as ``.<name>.new-<pid>-<random>`` beside the target and
exchanged with it in one step (``renameat2(RENAME_EXCHANGE)`` on Linux; two
renames elsewhere), so the target is never missing. Folders left by a build
that was killed (its process is gone) are removed by the next build.
"""
from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from generator.errors import BuildError

MAX_NAME = 200  # bytes of one path component (most file systems allow 255)
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)


def safe_relative(path: str) -> PurePosixPath:
    """A generated path must stay inside its output folder and be a portable name
    (the offline bundle is unzipped on Windows too)."""
    rel = PurePosixPath(path)
    bad = (rel.is_absolute() or ".." in rel.parts or not rel.parts or "\\" in path
           or any(ch in path for ch in '\x00:*?"<>|') or any(ord(ch) < 32 for ch in path)
           or any(len(part.encode()) > MAX_NAME or _WINDOWS_RESERVED.fullmatch(part) for part in rel.parts))
    if bad:
        raise BuildError(f"refusing to write outside the output folder or a non-portable name: {path!r}")
    return rel


def write_files(folder: Path, files: dict[str, str] | Iterable[tuple[str, str]]) -> None:
    """Write ``files`` (path → text, or such pairs one at a time) under ``folder``."""
    for name, text in (sorted(files.items()) if isinstance(files, dict) else files):
        target = folder.joinpath(*safe_relative(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder; on success it replaces ``target``."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-{os.getpid()}-", dir=target.parent))
    stage.chmod(0o755)  # mkdtemp makes it 0700: a web server could not read the site
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    swap(stage, target)


def swap(stage: Path, target: Path) -> None:
    """Put ``stage`` in the place of ``target``; the previous ``target`` is deleted."""
    if target.exists() and _exchange(stage, target):
        shutil.rmtree(stage, ignore_errors=True)  # now holds the previous folder
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(stage, target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2``); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def remove_stale(target: Path) -> None:
    """Delete ``.<name>.new-<pid>-*`` and ``.<name>.old-<pid>`` folders whose build is gone."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:new|old)-(\d+)(?:-.*)?")
    for path in sorted(target.parent.iterdir()):
        match = pattern.fullmatch(path.name)
        if match and path.is_dir() and not path.is_symlink() and not process_alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (someone else's counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process: leave its folder alone
    return True
