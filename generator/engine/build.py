"""Build one edition's generated Markdown with MkDocs + Material, in this process.

The build refuses to run without the baozhai plugin (or Material's search), and
fails when a check the plugin owns did not run: a plugin left out of mkdocs.yml
must not quietly give a site without the preservation check or Chinese search.
Every MkDocs, Jinja or YAML error comes out as ``file:line: message``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.engine.config import PLUGIN, collected, line_of, load, plugin_problem, read
from generator.engine.plugin import BaozhaiPlugin, Report
from generator.errors import BuildError, ConfigError, template_error

if TYPE_CHECKING:  # the settings are handed in: the engine never imports generator.config
    from generator.config import Settings


def require_plugin(config_file: Path, config: MkDocsConfig | None = None) -> None:
    """Stop unless mkdocs.yml enables the baozhai plugin and Material's search."""
    problem = plugin_problem(config or read(config_file))
    if problem:
        raise ConfigError(problem, config_file, line_of(config_file, "Config value 'plugins'"))


def build_edition(settings: Settings, docs: Path, site: Path, checked: int = 0, **overrides) -> Report:
    """Run ``mkdocs build`` in-process on ``docs`` into ``site``; warnings fail it.

    ``overrides`` replace top-level mkdocs.yml options (nav, theme, extra…);
    ``checked`` is how many articles' HTML the plugin must have checked.
    """
    config = load(settings.mkdocs_yml, docs_dir=str(docs), site_dir=str(site), **overrides)
    require_plugin(settings.mkdocs_yml, config)
    with collected() as said:
        try:
            mkdocs_build(config)
        except (MkDocsException, SystemExit) as err:
            detail = "; ".join(m for m in said if not m.startswith("Error building page")) or str(err)
            raise BuildError(f"mkdocs build failed: {detail}", settings.mkdocs_yml) from None
        except jinja2.TemplateError as err:
            raise template_error(err) from None
    plugin = config.plugins[PLUGIN]
    if not isinstance(plugin, BaozhaiPlugin):
        raise BuildError(f"the {PLUGIN} plugin in mkdocs.yml is not Baozhai's ({type(plugin).__module__})")
    report = plugin.report
    if report.preserved != checked:
        raise BuildError(f"the {PLUGIN} plugin checked the HTML of {report.preserved} of {checked} pages: "
                         "the preservation check did not run on every article and source view")
    if not report.search:
        raise BuildError(f"the {PLUGIN} plugin found no search index or worker of Material's to add "
                         "Baozhai's Chinese search to")
    return report
