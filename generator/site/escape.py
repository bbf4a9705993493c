"""Source text is data, never markup: escape it for Markdown and HTML.

Every ASCII character that Markdown, HTML, Jinja, attribute lists or snippet
syntax could read as markup becomes a numeric character reference, which
Python-Markdown passes through and the browser shows as the character. Line
breaks and tabs are escaped too, so a value never ends the block it is printed in
and Python-Markdown does not expand a tab into spaces.

Attribute values get the same treatment: Python-Markdown runs its inline
patterns (code spans, links, images) over raw inline HTML before it protects
the tag, so ``title="[x](javascript:…)"`` would otherwise grow a link inside
the attribute.
"""
from __future__ import annotations

import re

from markupsafe import Markup

_MARKUP_CHARS = set("\\`*_{}[]()<>#+-.!|~^=&:$\"'%;/?@,\n\r\t")
# YAML (front matter) reads these as line breaks inside a quoted value.
_YAML_BREAKS = set("\x85\u2028\u2029")


def _references(chars: set[str]) -> dict[int, str]:
    """A ``str.translate`` table: each of ``chars`` → its numeric character reference."""
    return {ord(ch): f"&#{ord(ch)};" for ch in chars}


def _any_of(chars: set[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


# Most text (Chinese prose) holds none of these characters: one regex scan finds that
# out, and only text that does hold one pays for the (per-character) translate.
_MD_TABLE, _MD_FOUND = _references(_MARKUP_CHARS), _any_of(_MARKUP_CHARS).search
_ATTR_CHARS = _MARKUP_CHARS | _YAML_BREAKS
_ATTR_TABLE, _ATTR_FOUND = _references(_ATTR_CHARS), _any_of(_ATTR_CHARS).search


def md(text: str) -> Markup:
    """Text → Markdown that renders as exactly that text."""
    return Markup(md_text(text))


def md_text(text: str) -> str:
    """:func:`md` as a plain string, for output that is printed at once (template values)."""
    return str.translate(text, _MD_TABLE) if _MD_FOUND(text) else text


def attr(text: str) -> Markup:
    """Text → a safe HTML attribute value (inside double quotes) or raw HTML text
    that Material prints unescaped (page title, description, nav labels)."""
    return Markup(str.translate(text, _ATTR_TABLE) if _ATTR_FOUND(text) else text)
