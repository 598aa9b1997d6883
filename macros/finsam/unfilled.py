"""Values written ``ATT FYLLA I`` (to be filled in) stop validation and the build.

``python -m finsam nytt-ar`` writes this text as the value of every figure, date
and source that must be decided anew, so the site asks for them instead of
publishing last year's as new. The mark is data, not a comment: it survives a
form editor that drops comments and reformats the file. Staff may also write it
themselves for a value they have not got yet.

The rest of such a file is still validated and cross-checked (``with_stand_ins``,
used by ``finsam.dataset``): its other mistakes show beside the marks.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from .problems import UNFILLED_TEXT, Problem, display_path
from .yamlload import LineMap, format_path

MARK = "ATT FYLLA I"
MARK_COMMENT = MARK  # the name older callers import; the mark is a value now
YEAR_STEM = re.compile(r"^(\d{4})$")


def _walk(data: Any, path: tuple = ()):
    """(position, value) for ``data`` and everything inside it, in document order."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(value, path + (i,))


def marked_paths(data: Any, path: tuple = ()) -> list[tuple]:
    """Every position in ``data`` whose value is the mark, in document order.

    Every data file is searched on every validation and build (some 86 000 values at
    25 years of data), so this walks without a generator per value, as _walk does,
    and makes a position only for a container or a text: the same positions in the
    same order as ``[p for p, v in _walk(data, path) if v is the mark]``."""
    found: list[tuple] = []

    def visit(node, at: tuple) -> None:
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(value, str):
                if value.strip() == MARK:
                    found.append(at + (key,))
            elif isinstance(value, (dict, list)):
                visit(value, at + (key,))

    if isinstance(data, str):
        return [path] if data.strip() == MARK else []
    if isinstance(data, (dict, list)):
        visit(data, path)
    return found


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
            f"{UNFILLED_TEXT}{year} (där står '{MARK}'). Skriv in det beslutade värdet i "
            "stället; skriv null (i formuläret: lämna fältet tomt) om uppgiften verkligen inte är känd.",
        )
        for p in marked
    ]


# -- Everything else at once -----------------------------------------------
#
# A file with marks is still validated and cross-checked, so a wrong date or an
# unknown key elsewhere in it shows now, not only once the marks are filled in.
# Each mark is replaced by a stand-in the model accepts (tried in order until
# the value's own field accepts one), and the file is read twice, with two
# unlike sets of stand-ins. A problem is kept only when it is the same in both
# readings and is not about a marked value itself (at it, inside it, or at an
# object around it): a problem that changes with the stand-ins depends on the
# value still to be filled in (a sum over an amount not yet known).

STAND_INS: tuple[tuple[Any, ...], tuple[Any, ...]] = (
    (None, dt.date(1901, 1, 1), 0, 1, Decimal("0"), Decimal("1"), dt.time(0, 0), "att-fylla-i-a", False),
    (dt.date(2198, 12, 31), 7919, 61, Decimal("61.5"), dt.time(23, 59), "att-fylla-i-b", True, None),
)


def related(path: str, marked: Iterable[str], root: bool = True) -> bool:
    """``path`` (as format_path writes it) is a marked value, inside one, or an
    object holding one (the whole file only with ``root``)."""
    for m in marked:
        if path == m or _inside(path, m) or (_inside(m, path) and (root or path)):
            return True
    return False


def _inside(inner: str, outer: str) -> bool:
    """``inner`` lies within ``outer`` ("a.b[2]" within "a.b"; everything within "", the file)."""
    if not outer:
        return bool(inner)
    return len(inner) > len(outer) and inner.startswith(outer) and inner[len(outer)] in ".["


def _put(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def with_stand_ins(model: type, doc: Any, marked: list[tuple], variant: int):
    """The file validated with stand-ins for its marks.

    Returns (model or None, the problems not about a marked value, the data the
    model was made from, the paths standing in). When the file has a mistake of
    its own too (reported here), the wrong value also gets a stand-in (an unknown
    key is left out), so the file still takes part in the cross-checks; a problem
    about that value is then left to the one reported here.
    """
    result, problems, data = _fit(model, doc, marked, variant)
    names = [format_path(p) for p in marked]
    shown = [p for p in problems if not related(p.path, names)]
    if result is None and shown:
        where = {format_path(p): p for p in _positions(doc.data)}
        unknown = [where[p.path] for p in shown if p.path in where and p.message.startswith("okänd nyckel")]
        wrong = [where[p.path] for p in shown if p.path in where and where[p.path] not in unknown]
        if unknown or wrong:
            again, _, again_data = _fit(model, doc, marked + wrong, variant, unknown)
            if again is not None:
                result, data = again, again_data
                names += [format_path(p) for p in wrong + unknown]
    return result, shown, data, tuple(names)


def _positions(data: Any) -> list[tuple]:
    """Every position inside ``data`` (not the whole file), in document order."""
    return [p for p, _ in _walk(data) if p]


def _fit(model: type, doc: Any, marked: list[tuple], variant: int, leave_out: list[tuple] = ()):
    """Try each stand-in in turn at each marked path until the model accepts the
    values there (or there is nothing more to try)."""
    import copy
    from dataclasses import replace

    from .validation import validate

    choices = STAND_INS[variant]
    tried = {p: 0 for p in marked}
    names = {p: format_path(p) for p in marked}
    for _ in range(len(choices) + 1):
        data = copy.deepcopy(doc.data)
        for p in sorted(leave_out, key=len, reverse=True):
            node = data
            for part in p[:-1]:
                node = node[part]
            node.pop(p[-1], None)
        for p in marked:
            data = _put(data, p, choices[tried[p]])
        result, problems = validate(model, replace(doc, data=data))
        wrong = {p.path for p in problems}
        again = [p for p in marked if names[p] in wrong and tried[p] + 1 < len(choices)]
        if not again:
            break
        for p in again:
            tried[p] += 1
    return result, problems, data
