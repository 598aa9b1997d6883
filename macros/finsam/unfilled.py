"""Values written ``ATT FYLLA I`` (to be filled in) stop validation and the build.

``python -m finsam nytt-ar`` writes this text as the value of every figure, date
and source that must be decided anew, so the site asks for them instead of
publishing last year's as new. The mark is data, not a comment: it survives a
form editor that drops comments and reformats the file. Staff may also write it
themselves for a value they have not got yet.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .problems import Problem, display_path
from .yamlload import LineMap, format_path

MARK = "ATT FYLLA I"
MARK_COMMENT = MARK  # the name older callers import; the mark is a value now
YEAR_STEM = re.compile(r"^(\d{4})$")


def marked_paths(data: Any, path: tuple = ()) -> list[tuple]:
    """Every position in ``data`` whose value is the mark, in document order."""
    if isinstance(data, str):
        return [path] if data.strip() == MARK else []
    out: list[tuple] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out += marked_paths(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += marked_paths(value, path + (i,))
    return out


def unfilled_problems(path: Path, lines: LineMap, data: Any = None) -> list[Problem]:
    """A problem for every value still written ``ATT FYLLA I`` in ``path``."""
    marked = marked_paths(data)
    if not marked:
        return []
    m = YEAR_STEM.match(Path(path).stem)
    year = f" för {m.group(1)}" if m else ""
    return [
        Problem(
            display_path(path),
            lines.line(p),
            format_path(p),
            f"uppgiften är inte ifylld{year} (där står '{MARK}'). Skriv in det beslutade värdet i "
            "stället; skriv null (i formuläret: lämna fältet tomt) om uppgiften verkligen inte är känd.",
        )
        for p in marked
    ]
