"""The one way render/ produces HTML: autoescaping Jinja templates.

Templates live in ``macros/finsam/templates/<area>/<name>.html`` (area = the
data kind the page shows: ``budget``, ``styrelse``, ...). Every value from data
is escaped by Jinja's autoescape; nothing in render/ concatenates tags in Python.
Undefined names fail loudly (StrictUndefined). Formatting is done by the
filters below (Babel, sv_SE); templates never do arithmetic: every total,
difference and selection comes ready-made in a view object from ``compute``.

Usage::

    from .templating import render_template
    html = render_template("budget/tabell.html", tabell=view)

The result is ``Markup``. When it is placed in a Markdown page, wrap block HTML in
an element with ``markdown="0"`` (or start the block at the line's beginning) so
Python-Markdown leaves it alone.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import format as fmt


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("finsam", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(
        number=fmt.number,
        kr=fmt.kr,
        tkr=fmt.tkr,
        percent=fmt.percent,
        date=fmt.date,
        iso=fmt.iso,
    )
    return env


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between builds in the project's .cache/jinja (gitignored),
    as macros/speed_hook.py does for the theme; keyed by path and source checksum."""
    if os.environ.get("FINSAM_JINJA_CACHE", "1") == "0":
        return None
    directory = Path(__file__).resolve().parents[3] / ".cache" / "jinja"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(directory), "finsam-%s.cache")


def render_template(name: str, /, **values) -> Markup:
    """Render ``templates/<name>`` with ``values``; the result is safe HTML."""
    return Markup(environment().get_template(name).render(**values).strip())
