"""``mkdocs.yml`` as MkDocs reads it, and the baozhai plugin's options.

MkDocs' own loader reads the file, so ``!ENV`` and ``INHERIT`` work as in any MkDocs
project. Baozhai's settings are the baozhai plugin's options (:class:`BaozhaiConfig`,
declared here once, validated by MkDocs like Material's plugins' options): an unknown
key, a wrong value or bad YAML stops with ``mkdocs.yml:LINE: message``.
"""
from __future__ import annotations

import logging
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import yaml
from mkdocs.config import base, load_config
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from generator.errors import ConfigError
from generator.model.edition import DEFAULT_VARIANT, EDITIONS, SOURCE, VARIANTS

PLUGIN = "baozhai"
SEARCH = "material/search"  # Material's search plugin (``- search`` under theme material)
INHERIT = "INHERIT"


class Editions(opt.ListOfItems):
    """The site's editions (codes of :data:`generator.model.edition.EDITIONS`): the
    sources' own script first, each edition once."""

    def __init__(self) -> None:
        super().__init__(opt.Choice(tuple(EDITIONS)), default=list(EDITIONS))

    def run_validation(self, value: object) -> list[str]:
        codes = super().run_validation(value)
        if not codes or codes[0] != SOURCE or len(set(codes)) != len(codes):
            raise base.ValidationError(f"must start with {SOURCE} and name each edition once, got {codes}")
        return codes


class BaozhaiConfig(base.Config):
    """The baozhai plugin's options (``plugins: - baozhai: {…}`` in mkdocs.yml)."""

    enabled = opt.Type(bool, default=True)  # false: MkDocs alone builds; `baozhai build` refuses
    site_title = opt.Type(str, default="报摘")  # the home page's title
    traditional = opt.Choice(VARIANTS, default=DEFAULT_VARIANT)  # OpenCC config of the Traditional edition
    editions = Editions()
    # false: no dictionary layer (word lookup, ruby pinyin, word lists, difficulty badges,
    # credits page, dict/ data, the words assets): a quicker build, e.g. to measure the layer
    words = opt.Type(bool, default=True)


def load(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load and validate mkdocs.yml with MkDocs (``overrides`` replace top-level options);
    configuration warnings are errors, as in a strict build."""
    if not config_file.exists():
        raise ConfigError("mkdocs.yml not found", config_file)
    with collected() as said:
        try:
            return load_config(str(config_file), strict=True, **overrides)
        except MkDocsException as err:
            raise config_error(config_file, err, said) from None


def read(config_file: Path) -> MkDocsConfig:
    """mkdocs.yml for its settings only: MkDocs checks that ``docs_dir`` exists, and the
    generator writes it later, so an empty folder stands in for it while loading."""
    with tempfile.TemporaryDirectory(prefix="baozhai-docs-") as empty:
        return load(config_file, docs_dir=empty)


def options(config: MkDocsConfig) -> BaozhaiConfig:
    """The baozhai plugin's validated options (their defaults when it is not listed)."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None:
        return plugin.config
    defaults = BaozhaiConfig()
    defaults.load_dict({})
    defaults.validate()
    return defaults


def read_raw(config_file: Path) -> dict:
    """mkdocs.yml as plain data, as MkDocs' loader gives it (``!ENV`` resolved, an
    ``INHERIT`` parent merged), before validation: the per-edition overrides start from it."""
    if not config_file.exists():
        raise ConfigError("mkdocs.yml not found", config_file)
    try:
        with open(config_file, "rb") as source:
            return yaml_load(source)
    except MkDocsException as err:
        raise config_error(config_file, err, []) from None


def config_files(config_file: Path) -> list[Path]:
    """mkdocs.yml and the files it inherits from (``INHERIT``), nearest first."""
    files = [config_file]
    while files[-1].exists() and len(files) < 10:
        try:
            with open(files[-1], "rb") as source:
                data = yaml.load(source, Loader=get_yaml_loader()) or {}
        except yaml.YAMLError:
            break
        parent = data.get(INHERIT) if isinstance(data, dict) else None
        if not isinstance(parent, str):
            break
        files.append((files[-1].parent / parent).resolve())
    return files


def plugin_problem(config: MkDocsConfig) -> str | None:
    """Why ``baozhai build`` cannot trust MkDocs with Baozhai's checks, or None."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        return (f"the {PLUGIN} plugin is not in mkdocs.yml's plugins: add `- {PLUGIN}` (without it "
                "the build would skip the preservation check of the HTML and Baozhai's Chinese search)")
    if not plugin.config.enabled:
        return (f"the {PLUGIN} plugin is disabled (enabled: false): the build would skip the "
                "preservation check of the HTML and Baozhai's Chinese search")
    search = config.plugins.get(SEARCH)
    if search is None or not search.config.enabled:
        return (f"Material's search plugin is not enabled in mkdocs.yml's plugins: add `- search` "
                f"(the {PLUGIN} plugin adds its Chinese search to it)")
    return None


# -- errors as file:line -------------------------------------------------------------

class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected() -> Iterator[list[str]]:
    """The warnings and errors MkDocs logs meanwhile (kept off the terminal: they
    come back in the error that names the file and line)."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def config_error(config_file: Path, err: BaseException, said: list[str]) -> ConfigError:
    """MkDocs' configuration failure as ``file:line: message``."""
    where = yaml_problem(err)
    if where is not None:
        name, line, problem = where
        return ConfigError(f"not valid YAML: {problem}", name, line)
    messages = [m for m in said if not m.startswith("Aborted with")] or [str(err)]
    return ConfigError("; ".join(messages), config_file, line_of(config_file, messages[0]))


def yaml_problem(err: BaseException | None) -> tuple[str, int, str] | None:
    """(file, line, problem) of the YAML error behind ``err`` (MkDocs wraps it), if any."""
    while err is not None:
        if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
            mark = err.problem_mark
            return mark.name, mark.line + 1, err.problem or "not valid YAML"
        err = err.__cause__ or err.__context__
    return None


_VALUE = re.compile(r"Config value '([^']+)'")
_OPTION = re.compile(r"Plugin '([^']+)' option '([^']+)'")


def line_of(config_file: Path, message: str) -> int | None:
    """The line of mkdocs.yml that a MkDocs validation message is about: the top-level
    key it names and, for a plugin's option, that option's key."""
    found = _VALUE.search(message)
    if not found:
        return None
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, OSError):
        return None
    key, value = _entry(root, found.group(1))
    if key is None:
        return None
    option = _OPTION.search(message)
    if option and found.group(1) == "plugins":
        plugin_key, settings = _plugin_entry(value, option.group(1))
        option_key, _ = _entry(settings, option.group(2))
        key = option_key or plugin_key or key
    return key.start_mark.line + 1


def _entry(node, name: str):
    """(key node, value node) of ``name`` in a YAML mapping node."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return key, value
    return None, None


def _plugin_entry(node, name: str):
    """(node naming the plugin, its options node) in a plugins list or mapping."""
    short = name.rsplit("/", 1)[-1]
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.value in (name, short):
                return item, None
            for candidate in (name, short):
                key, value = _entry(item, candidate)
                if key is not None:
                    return key, value
    for candidate in (name, short):
        key, value = _entry(node, candidate)
        if key is not None:
            return key, value
    return None, None
