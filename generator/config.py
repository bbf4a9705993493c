"""Configuration, declared and validated in one place.

Options live in ``mkdocs.yml`` under ``extra.baozhai`` (so one file configures
the site); command-line flags override the folders. Unknown keys are errors.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import ConfigError

VARIANTS = ("s2twp", "s2tw", "s2hk", "s2t")


@dataclass(frozen=True)
class Edition:
    """One edition of the site: its language code, folder and OpenCC config."""

    code: str  # "zh-Hans" | "zh-Hant"
    label: str  # shown in the language selector
    folder: str  # "" for the site root
    variant: str | None  # OpenCC config, None for the source script


@dataclass(frozen=True)
class Settings:
    root: Path  # folder holding mkdocs.yml
    content: Path
    site: Path
    docs: Path  # generated Markdown, one subfolder per edition
    cache: Path
    dist: Path
    site_title: str = "报摘"
    traditional: str = "s2twp"  # OpenCC config of the Traditional edition
    editions: tuple[str, ...] = ("zh-Hans", "zh-Hant")

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    def edition_list(self) -> list[Edition]:
        known = {
            "zh-Hans": Edition("zh-Hans", "简体中文", "", None),
            "zh-Hant": Edition("zh-Hant", "繁體中文", "zh-Hant", self.traditional),
        }
        if len(self.editions) == 1:
            return [known["zh-Hans"]]
        return [known[code] for code in self.editions]


_OPTIONS = {"site_title": str, "traditional": str, "editions": list}


def load_settings(root: Path, content: Path | None = None, site: Path | None = None) -> Settings:
    """Read ``extra.baozhai`` from mkdocs.yml and validate it."""
    config_file = root / "mkdocs.yml"
    options = _read_options(config_file)
    for key, value in options.items():
        if key not in _OPTIONS:
            raise ConfigError(f"unknown option extra.baozhai.{key} (known: {', '.join(sorted(_OPTIONS))})",
                              config_file)
        if not isinstance(value, _OPTIONS[key]):
            raise ConfigError(f"extra.baozhai.{key} must be a {_OPTIONS[key].__name__}", config_file)
    if options.get("traditional", "s2twp") not in VARIANTS:
        raise ConfigError(f"extra.baozhai.traditional must be one of {', '.join(VARIANTS)}", config_file)
    editions = tuple(options.pop("editions", ("zh-Hans", "zh-Hant")))
    if not editions or editions[0] != "zh-Hans" or not set(editions) <= {"zh-Hans", "zh-Hant"}:
        raise ConfigError("extra.baozhai.editions must start with zh-Hans and may add zh-Hant", config_file)
    return Settings(root=root, content=(content or root / "content").resolve(),
                    site=(site or root / "site").resolve(), docs=root / "docs", cache=root / ".cache",
                    dist=root / "dist", editions=editions, **options)


def read_mkdocs(config_file: Path) -> dict:
    """mkdocs.yml as plain data (custom tags read as None)."""
    if not config_file.exists():
        raise ConfigError("mkdocs.yml not found", config_file)
    try:
        return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise ConfigError(f"not valid YAML: {err}", config_file, mark.line + 1 if mark else None) from None


def _read_options(config_file: Path) -> dict:
    data = read_mkdocs(config_file)
    options = (data.get("extra") or {}).get("baozhai") or {}
    if not isinstance(options, dict):
        raise ConfigError("extra.baozhai must be a mapping", config_file)
    return dict(options)


class _Loader(yaml.SafeLoader):
    """Safe loader that tolerates MkDocs' and Material's custom tags (!ENV, !!python/name…)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
