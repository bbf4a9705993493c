"""Build one edition's generated Markdown with MkDocs + Material, in this process.

The build refuses to run without the baozhai plugin (or Material's search), and
fails when a check the plugin owns did not run: a plugin left out of mkdocs.yml
must not quietly give a site without the preservation check or Chinese search.
Every MkDocs, Jinja or YAML error comes out as ``file:line: message``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.cache import Cache, key
from generator.engine import pages
from generator.engine.config import PLUGIN, collected, line_of, load, plugin_problem, read, read_raw
from generator.engine.plugin import BaozhaiPlugin, Report
from generator.errors import BuildError, ConfigError, template_error

if TYPE_CHECKING:  # the settings are handed in: the engine never imports generator.config
    from generator.config import Settings


def require_plugin(config_file: Path, config: MkDocsConfig | None = None) -> None:
    """Stop unless mkdocs.yml enables the baozhai plugin and Material's search."""
    problem = plugin_problem(config or read(config_file))
    if problem:
        raise ConfigError(problem, config_file, line_of(config_file, "Config value 'plugins'"))


def build_edition(settings: Settings, docs: Path, site: Path, checked: int = 0, cache: Cache | None = None,
                  only: Callable[[str], bool] | None = None, **overrides) -> Report:
    """Run ``mkdocs build`` in-process on ``docs`` into ``site``; warnings fail it.

    ``overrides`` replace top-level mkdocs.yml options (nav, theme, extra…);
    ``checked`` is how many articles' HTML the plugin must have checked. With a
    ``cache``, pages already built for the same inputs are not rendered again
    (generator.engine.pages); with ``only`` as well, a shard: only the pages it
    selects are rendered (into the cache), the count of checks is the join's to make.
    """
    config = load(settings.mkdocs_yml, docs_dir=str(docs), site_dir=str(site), **overrides)
    require_plugin(settings.mkdocs_yml, config)
    counts = None
    with collected() as said:
        try:
            if cache is None:
                mkdocs_build(config)
            else:
                counts = pages.build(config, cache, edition_base(settings, cache, overrides), only)
        except (MkDocsException, SystemExit) as err:
            detail = "; ".join(m for m in said if not m.startswith("Error building page")) or str(err)
            raise BuildError(f"mkdocs build failed: {detail}", settings.mkdocs_yml) from None
        except jinja2.TemplateError as err:
            raise template_error(err) from None
    plugin = config.plugins[PLUGIN]
    if not isinstance(plugin, BaozhaiPlugin):
        raise BuildError(f"the {PLUGIN} plugin in mkdocs.yml is not Baozhai's ({type(plugin).__module__})")
    report = plugin.report
    if counts is not None:
        report.rendered, report.cached = counts.rendered, counts.cached
    if report.preserved != checked and only is None:
        raise BuildError(f"the {PLUGIN} plugin checked the HTML of {report.preserved} of {checked} pages: "
                         "the preservation check did not run on every article and source view")
    if not report.search:
        raise BuildError(f"the {PLUGIN} plugin found no search index or worker of Material's to add "
                         "Baozhai's Chinese search to")
    return report


def edition_base(settings: Settings, cache: Cache, overrides: dict) -> str:
    """What every page of an edition depends on besides itself and the navigation: the
    build version, mkdocs.yml as read (and the files it inherits), the edition's
    overrides and the project's theme overrides (generator.engine.pages)."""
    parts: list[bytes | str] = [cache.version, json.dumps(read_raw(settings.mkdocs_yml), sort_keys=True,
                                                          ensure_ascii=False, default=str),
                                json.dumps(overrides, sort_keys=True, ensure_ascii=False, default=str)]
    for path in settings.config_files:
        parts += [str(path), path.read_bytes() if path.is_file() else b""]
    if settings.theme_dir:
        for path in sorted(p for p in settings.theme_dir.rglob("*") if p.is_file()):
            parts += [path.relative_to(settings.theme_dir).as_posix(), path.read_bytes()]
    return key(*parts)
