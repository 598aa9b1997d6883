"""Start a new year: next year's data files from this year's (``python -m finsam nytt-ar 2025``).

For every collection in ``COLLECTIONS`` whose files are named after a year
(``budget/2024.yaml``, ``verksamhetsplan/2024.yaml``, ...), the newest file
before the new year is copied to ``<new year>.yaml`` with comments and key
order kept (ruamel.yaml round trip). It asks only for what must be decided
anew, by writing ``ATT FYLLA I`` as the value (data, not a comment, so a form
editor keeps it):

* every number and every date;
* every source (``kalla``, ``kallor``): the new year's decision is another document;
* prose that names a year (it would state last year's facts as the new year's);
* an id or reference to another file that names a year.

What follows the year without a decision moves forward by the gap in years:
a year under ``ar``/``*_ar``, the ids defined in the file that name a year
(``budget-2024`` -> ``budget-2025``, also as keys of the amounts, so the amounts
sit under the new columns) and short headings that name a year ("Budget 2024").
Comments on last year's figures (``kommentar``, ``anmarkning``) and acknowledged
differences (``avvikelse``) are left out: they were about last year's figures.
Meetings and outcomes (``SKIP``) are never copied: they are recorded as they
happen. Numbers that number or order things (``KEEP_KEYS``) are kept.

A file that still holds the mark does not pass ``make validate`` or the build
(``unfilled_problems``). Existing files are never overwritten.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .dataset import COLLECTIONS, Collection
from .unfilled import MARK, MARK_COMMENT, YEAR_STEM
from .frozen import frozen

__all__ = ["MARK", "MARK_COMMENT", "NewFile", "new_year_text", "start_year", "year_collections"]

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR = re.compile(r"(?<!\d)(19\d\d|2[01]\d\d)(?!\d)")
KEEP_KEYS = {"nummer", "ordning", "niva", "version"}
SOURCE_KEYS = {"kalla", "kallor", "beslut_kalla"}
DROP_KEYS = {"kommentar", "anmarkning", "avvikelse", "total_avvikelse"}
SKIP = {"moten", "utfall"}  # recorded as they happen, never planned by copying
HEADING_WORDS = 4  # "Budget 2024", "Medel från huvudmännen 2024": a heading, not prose


def _is_year_key(key) -> bool:
    return isinstance(key, str) and (key == "ar" or key.endswith("_ar"))


@frozen
class NewFile:
    collection: str
    source: Path
    target: Path
    created: bool
    marks: int
    reason: str = ""


def year_collections(data_root: Path) -> list[tuple[Collection, dict[int, Path]]]:
    """Collections whose files are all named after years, with their files by year.

    Collections of versions (a model with ``giltig_fran``, like the
    förbundsordning) are left out even when a version is named after a year.
    """
    out = []
    for coll in COLLECTIONS:
        if coll.single or coll.field in SKIP:
            continue
        if "giltig_fran" in coll.model.model_fields:
            continue  # versions (förbundsordning) are adopted, not started each year
        paths = [p for p in Path(data_root).glob(coll.pattern) if p.is_file()]
        years = {int(p.stem): p for p in paths if YEAR_STEM.match(p.stem)}
        if years and len(years) == len(paths):
            out.append((coll, years))
    return out


def start_year(data_root: Path, year: int, only: set[str] | None = None) -> list[NewFile]:
    """Create ``<year>.yaml`` in every year-keyed collection (or those named in
    ``only``, by folder or field name). Never overwrites."""
    results = []
    for coll, years in year_collections(data_root):
        folder = coll.pattern.split("/")[0]
        if only is not None and coll.field not in only and folder not in only:
            continue
        earlier = [y for y in years if y < year]
        if not earlier:
            continue
        old = max(earlier)
        source = years[old]
        target = source.with_name(f"{year}.yaml")
        if target.exists():
            results.append(NewFile(coll.field, source, target, False, 0, "finns redan"))
            continue
        text, marks = new_year_text(source.read_text(encoding="utf-8"), old, year)
        target.write_text(text, encoding="utf-8")
        results.append(NewFile(coll.field, source, target, True, marks))
    return results


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return y


def new_year_text(text: str, old: int, new: int) -> tuple[str, int]:
    """The new year's file as text, and how many values were marked."""
    y = _yaml()
    data = y.load(text)
    state = _State(old, new, _own_ids(data))
    _walk(data, state)
    out = io.StringIO()
    y.dump(data, out)
    from .unfilled import marked_paths

    return _header(out.getvalue(), state), len(marked_paths(data))  # old marks still count


@dataclass
class _State:
    old: int
    new: int
    ids: set
    marks: int = 0

    def names_a_year(self, text: str) -> bool:
        """A year of the copied file's time (not a strategy's "2030"): old-10 .. old+1."""
        return any(self.old - 10 <= int(y) <= self.old + 1 for y in YEAR.findall(text))

    def shift(self, text: str) -> str:
        def move(m):
            y = int(m.group(1))
            return str(y + self.new - self.old) if self.old - 10 <= y <= self.old + 1 else m.group(1)

        return YEAR.sub(move, text)


def _own_ids(node, out: set | None = None) -> set:
    """The ids this file defines (``id: ...``): they may follow the year."""
    out = set() if out is None else out
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                out.add(str(value))
            _own_ids(value, out)
    elif isinstance(node, list):
        for value in node:
            _own_ids(value, out)
    return out


def _header(text: str, state: "_State") -> str:
    """Move the years in the file's opening comment lines (which columns, which year)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            break
        lines[i] = state.shift(line)
    return "\n".join(lines)


_KEEP = object()


def _same_kind(value, text: str):
    """``text`` with the quoting style of ``value`` (ruamel's quoted string types)."""
    return type(value)(text) if type(value) is not str and isinstance(value, str) else text


def _new_value(key, value, state: _State, source: bool = False):
    """The new value for a scalar, ``MARK`` to ask for it, or ``_KEEP``."""
    if isinstance(value, bool) or value is None:
        return _KEEP
    if str(value).strip() == MARK:
        return _KEEP
    if _is_year_key(key) and isinstance(value, int):
        return value + (state.new - state.old)
    if key in KEEP_KEYS:
        return _KEEP
    if source:
        return MARK
    if isinstance(value, (int, float, Decimal, dt.date)):  # ruamel reads dates as dates
        return MARK
    if isinstance(value, str):
        if DATE.match(value):
            return MARK
        if not state.names_a_year(value):
            return _KEEP
        if SLUG.match(value):
            return _same_kind(value, state.shift(value)) if value in state.ids else MARK
        if len(value.split()) <= HEADING_WORDS and "." not in value:
            return _same_kind(value, state.shift(value))
        return MARK  # prose that names a year: to be written for the new year
    return _KEEP


def _walk(node, state: _State, source: bool = False) -> None:
    """Rewrite ``node`` in place."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key in [k for k in node if k in DROP_KEYS]:
            del node[key]
        if any(isinstance(k, str) and k in state.ids and state.names_a_year(k) for k in node):
            # amounts keyed by column id: each amount goes under its column's new id
            # (rebuilt at once: budget-2023 may become budget-2024 while budget-2024 exists)
            items = [(state.shift(k) if isinstance(k, str) and k in state.ids else k, v) for k, v in node.items()]
            for k in list(node):
                del node[k]
            for i, (k, v) in enumerate(items):
                node.insert(i, k, v)
        for key in list(node):
            value = node[key]
            if isinstance(value, (CommentedMap, CommentedSeq)):
                _walk(value, state, source or key in SOURCE_KEYS)
                continue
            change = _new_value(key, value, state, source or key in SOURCE_KEYS)
            if change is _KEEP:
                continue
            node[key] = change
            state.marks += change == MARK
    elif isinstance(node, CommentedSeq):
        for i, value in enumerate(node):
            if isinstance(value, (CommentedMap, CommentedSeq)):
                _walk(value, state, source)
                continue
            change = _new_value(None, value, state, source)
            if change is _KEEP:
                continue
            node[i] = change
            state.marks += change == MARK
