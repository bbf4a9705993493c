"""Editor-written YAML lists (glossary, errata): entries with the line they start on.

Errors name the file and the line; nothing from the file is trusted (a
date-like value that is no date, nesting deep enough to exhaust the stack).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import ContentError
from generator.ingest.read import read_text


def entries(path: Path, what: str) -> list[yaml.Node]:
    """The nodes of the top-level list of ``path``; ``what`` names its entries in errors."""
    try:
        root = yaml.compose(read_text(path))
    except (yaml.YAMLError, RecursionError) as err:
        mark = getattr(err, "problem_mark", None)
        raise ContentError(f"not valid YAML: {_problem(err)}", path, mark.line + 1 if mark else None) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise ContentError(f"{what} must be a list of entries", path, root.start_mark.line + 1)
    return list(root.value)


def mapping(node: yaml.Node, path: Path, what: str) -> dict:
    """One entry as a dict; ``what`` names it in errors ("a glossary entry")."""
    line = node.start_mark.line + 1
    try:
        data = yaml.safe_load(yaml.serialize(node))
    except (yaml.YAMLError, ValueError, RecursionError) as err:  # ValueError: a date like 2026-02-30
        raise ContentError(f"not valid YAML: {_problem(err)}", path, line) from None
    if not isinstance(data, dict):
        raise ContentError(f"{what} must be a mapping", path, line)
    return data


def _problem(err: Exception) -> str:
    if isinstance(err, RecursionError):  # Python words it by where the stack ran out: say it one way
        return "maximum recursion depth exceeded"
    return str(getattr(err, "problem", None) or err)
