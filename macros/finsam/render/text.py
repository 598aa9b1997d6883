"""Text from data, made safe for Markdown and HTML.

Every string that comes from YAML passes through here before it reaches a page.
HTML special characters become entities and Markdown punctuation is
backslash-escaped (the site enables ``pymdownx.escapeall``), so ``<script>``,
``**bold**``, ``[link](javascript:…)`` and ``{{ jinja }}`` are shown as typed,
never run or formatted.

Prose fields may use two things, both produced here and not by Markdown:
blank lines between paragraphs, and lines starting with ``- `` for a list.
``[[ankare]]`` in a förbundsordning paragraph becomes a link to that paragraph.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Callable

_MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#+-.!|~^=")
_SPACE = re.compile(r"\s+")
# Markdown's punctuation, each to be backslash-escaped (inline()).
_MARKDOWN_ESCAPE = re.compile("([" + re.escape("".join(sorted(_MARKDOWN_PUNCTUATION))) + "])")


def inline(value: object) -> str:
    """One line of plain text, safe to place anywhere in Markdown."""
    # Text is kept by its value (the same names and titles recur on many pages); any
    # other value is not (equal values of other kinds or precision print differently:
    # True and 1, Decimal("1.0") and Decimal("1.00")).
    return _inline_text(value) if type(value) is str else _inline_text.__wrapped__(str(value))


@functools.lru_cache(maxsize=8192)
def _inline_text(text: str) -> str:
    # Runs of whitespace as one space, none at the ends; then HTML's three as entities
    # (& first) and Markdown's punctuation backslash-escaped, which no entity contains.
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_ESCAPE.sub(r"\\\1", text)


def external_link(url: str, label: object) -> str:
    """A link to another site, safe in Markdown and HTML: ``<a href="url">label</a>``.

    The one way a URL from data reaches a page. ``url`` must be a URL as the
    models define it (model/base.py: Url): https, a host, and none of the
    characters Markdown or HTML would read as syntax; anything else is a
    programming error and stops the build. ``label`` is plain text; it is
    escaped for HTML and Markdown both (Markdown still runs between the tags).
    """
    from ..model.base import URL_PATTERN
    from .templating import render_template

    if not isinstance(url, str) or not re.match(URL_PATTERN, url):
        raise ValueError(f"not a URL the models accept: {url!r}")
    from markupsafe import Markup

    return str(render_template("text/extern-lank.html", url=url, label=Markup(inline(label))))


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP:
# CSV injection), also after leading spaces in some programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(cell: str) -> str:
    """A CSV text cell that no spreadsheet runs: a leading ' when it could start a formula.

    Only for text: numbers are written as numbers (a negative amount stays -5), by
    the caller, which knows the value's type (render/downloads.py: csv_cell).
    """
    if cell.lstrip(" ").startswith(FORMULA_START):
        return "'" + cell
    return cell


def attr(value: object) -> str:
    """Text for an HTML attribute value (inside double quotes)."""
    return html.escape(_SPACE.sub(" ", str(value)).strip(), quote=True)


def html_text(value: object) -> str:
    """Text for HTML element content (inline SVG, raw HTML blocks)."""
    return html.escape(_SPACE.sub(" ", str(value)).strip(), quote=False)


def blocks(
    value: str,
    link: Callable[[str], str | None] | None = None,
) -> str:
    """Prose with paragraphs and ``- `` lists, as safe Markdown.

    ``link`` turns a ``[[ankare]]`` reference into Markdown for a link; a
    reference it does not know is shown as text.
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n", value.strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if lines and all(ln.startswith("- ") for ln in lines):
            out.append("\n".join("- " + _with_refs(ln[2:], link) for ln in lines))
        else:
            out.append(_with_refs(" ".join(lines), link))
    return "\n\n".join(out)


_REF = re.compile(r"\[\[([a-z0-9-]+)\]\]")


def _with_refs(text: str, link: Callable[[str], str | None] | None) -> str:
    parts = _REF.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 1:
            rendered = link(part) if link else None
            out.append(rendered if rendered is not None else inline(f"[[{part}]]"))
        else:
            # keep the spaces around a reference
            escaped = inline(part)
            if part[:1].isspace():
                escaped = " " + escaped
            if part[-1:].isspace():
                escaped += " "
            out.append(escaped)
    return "".join(out)
