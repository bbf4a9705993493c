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

from markupsafe import Markup

_MARKUP_CHARS = set("\\`*_{}[]()<>#+-.!|~^=&:$\"'%;/?@,\n\r\t")
# YAML (front matter) reads these as line breaks inside a quoted value.
_YAML_BREAKS = set("\x85\u2028\u2029")


def md(text: str) -> Markup:
    """Text → Markdown that renders as exactly that text."""
    return Markup("".join(f"&#{ord(ch)};" if ch in _MARKUP_CHARS else ch for ch in text))


def attr(text: str) -> Markup:
    """Text → a safe HTML attribute value (inside double quotes) or raw HTML text
    that Material prints unescaped (page title, description, nav labels)."""
    return Markup("".join(f"&#{ord(ch)};" if ch in _MARKUP_CHARS or ch in _YAML_BREAKS else ch
                          for ch in text))
