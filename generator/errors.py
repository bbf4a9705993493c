"""Baozhai's exception types: the class says who is at fault, the message names the file and line."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Iterator

import jinja2


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


def template_error(err: jinja2.TemplateError) -> BuildError:
    """A Jinja error as ``template:line: message``: the template that failed to compile,
    or the innermost template line running when it failed."""
    message = f"template error: {err.message or type(err).__name__}"
    if isinstance(err, jinja2.TemplateSyntaxError) and err.filename:
        return BuildError(message, err.filename, err.lineno)
    where = template_frame(err.__traceback__)
    return BuildError(message, *where) if where else BuildError(message)


def template_frame(trace: TracebackType | None) -> tuple[str, int] | None:
    """(template file, line) of the innermost template frame of a traceback: Jinja gives
    the frames of compiled templates their template's file name and line."""
    found = None
    while trace is not None:
        name = trace.tb_frame.f_code.co_filename
        if not name.endswith(".py") and Path(name).is_file():
            found = (name, trace.tb_lineno)
        trace = trace.tb_next
    return found


@contextmanager
def template_errors() -> Iterator[None]:
    """Turn a Jinja error into a :class:`BuildError` naming the template and line."""
    try:
        yield
    except jinja2.TemplateError as err:
        raise template_error(err) from None
