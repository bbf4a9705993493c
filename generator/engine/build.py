"""Engine, build: build each edition's generated Markdown with MkDocs + Material."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.config import Settings
from generator.errors import BuildError


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_edition(settings: Settings, docs: Path, site: Path, **overrides) -> None:
    """Run ``mkdocs build`` in-process on ``docs`` into ``site``; warnings fail it.

    ``overrides`` replace top-level mkdocs.yml options (nav, theme, extra…).
    """
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(settings.mkdocs_yml), docs_dir=str(docs), site_dir=str(site),
                             strict=True, **overrides)
        mkdocs_build(config)
    except (MkDocsException, SystemExit) as err:
        detail = "; ".join(handler.messages) or str(err)
        raise BuildError(f"mkdocs build failed: {detail}", settings.mkdocs_yml) from None
    finally:
        logger.removeHandler(handler)
