"""Source text is data, never markup: escape it for Markdown and HTML.

Every ASCII character that Markdown, HTML, Jinja, attribute lists or snippet
syntax could read as markup becomes a numeric character reference, which
Python-Markdown passes through and the browser shows as the character.
"""
from __future__ import annotations

from markupsafe import Markup, escape

_MARKUP_CHARS = set("\\`*_{}[]()<>#+-.!|~^=&:$\"'%;/?@,")


def md(text: str) -> Markup:
    """Text → Markdown that renders as exactly that text."""
    return Markup("".join(f"&#{ord(ch)};" if ch in _MARKUP_CHARS else ch for ch in text))


def attr(text: str) -> Markup:
    """Text → a safe HTML attribute value (for use inside double quotes)."""
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))
