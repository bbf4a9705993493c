"""Configuration: the settings every command works with.

Baozhai's options are the ``baozhai`` plugin's options in ``mkdocs.yml``, declared
once (:class:`generator.engine.config.BaozhaiConfig`) and validated by MkDocs, which
reads the file (``!ENV``, ``INHERIT``); command-line flags override the folders.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import markdown

from generator.engine import config as engine_config
from generator.model.edition import Edition, editions


@dataclass(frozen=True)
class Settings:
    root: Path  # folder holding mkdocs.yml
    content: Path
    site: Path
    docs: Path  # generated Markdown, one subfolder per edition
    cache: Path
    dist: Path
    site_name: str  # mkdocs.yml's site_name
    site_url: str | None  # mkdocs.yml's site_url
    site_title: str
    traditional: str  # OpenCC config of the Traditional edition
    editions: tuple[str, ...]
    # mkdocs.yml's markdown_extensions, as MkDocs gives them (names; options by name)
    markdown_extensions: tuple[str, ...]
    theme_dir: Path | None  # the project's own theme overrides (theme.custom_dir), if any
    config_files: tuple[Path, ...]  # mkdocs.yml and the files it inherits from
    markdown_options: Mapping[str, Any] = field(default_factory=dict, hash=False)
    words: bool = True  # the dictionary layer (the plugin's ``words`` option)

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    def markdown_html(self, text: str) -> str:
        """Markdown → HTML with mkdocs.yml's markdown_extensions, as MkDocs renders a page."""
        return markdown.markdown(text, extensions=list(self.markdown_extensions),
                                 extension_configs=dict(self.markdown_options))

    def edition_list(self) -> list[Edition]:
        return editions(self.editions, self.traditional)


def load_settings(root: Path, content: Path | None = None, site: Path | None = None) -> Settings:
    """Read and validate mkdocs.yml (through MkDocs) and the baozhai plugin's options."""
    config = engine_config.read(root / "mkdocs.yml")
    options = engine_config.options(config)
    return Settings(root=root, content=(content or root / "content").resolve(),
                    site=Path(site or config.site_dir).resolve(), docs=root / "docs", cache=root / ".cache",
                    dist=root / "dist", site_name=config.site_name, site_url=config.site_url or None,
                    site_title=options.site_title, traditional=options.traditional,
                    editions=tuple(options.editions), markdown_extensions=tuple(config.markdown_extensions),
                    theme_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
                    config_files=tuple(engine_config.config_files(root / "mkdocs.yml")),
                    markdown_options=dict(config.mdx_configs), words=options.words)
