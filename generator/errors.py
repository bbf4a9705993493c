"""Baozhai's exception types: the class says who is at fault, the message names the file and line."""
from __future__ import annotations

from pathlib import Path


class BaozhaiError(Exception):
    """A problem a user can fix; printed as ``file:line: message``."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __reduce__(self):  # keep file and line when raised in a worker process
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SourceError(BaozhaiError):
    """A source page cannot be read or makes no sense."""


class ContentError(BaozhaiError):
    """Glossary, errata, phrases or metadata files are wrong."""


class ConfigError(BaozhaiError):
    """The configuration is wrong."""


class BuildError(BaozhaiError):
    """The site could not be built."""
