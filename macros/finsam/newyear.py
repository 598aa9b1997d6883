"""Start a new year: next year's data files from this year's (``python -m finsam nytt-ar 2025``).

For every collection in ``COLLECTIONS`` whose files are named after a year
(``budget/2024.yaml``, ``verksamhetsplan/2024.yaml``, ...), the newest file
before the new year is copied to ``<new year>.yaml`` with comments and key
order kept (ruamel.yaml round trip). What must be decided anew is left unset:

* every number becomes ``null`` and is marked ``# ATT FYLLA I``;
* every date (ÅÅÅÅ-MM-DD) likewise;
* a year under a key named ``ar`` or ending in ``_ar`` moves forward by as many
  years as the new file is ahead of the old one (``ar: 2024`` -> ``ar: 2025``);
* text that names the old year gets the new year and the mark, to be checked
  (a source id ``verksamhetsplan-2024`` becomes ``verksamhetsplan-2025``);
* numbers under keys that number or order things (``KEEP_KEYS``) are kept.

A file that still carries the mark does not pass ``make validate`` or the
build (``unfilled_problems``): the site asks for the figures instead of
publishing last year's as new. Existing files are never overwritten.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .dataset import COLLECTIONS, Collection
from .unfilled import MARK_COMMENT, MARK_RE, YEAR_STEM

__all__ = ["MARK_COMMENT", "NewFile", "new_year_text", "start_year", "year_collections"]

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KEEP_KEYS = {"nummer", "ordning", "niva", "version"}


def _is_year_key(key) -> bool:
    return isinstance(key, str) and (key == "ar" or key.endswith("_ar"))


@dataclass(frozen=True)
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
        if coll.single:
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
    counter = [0]
    _walk(data, old, new, counter)
    out = io.StringIO()
    y.dump(data, out)
    return _header(out.getvalue(), old, new), counter[0]


def _header(text: str, old: int, new: int) -> str:
    """Name the new year in the file's opening comment lines."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            break
        if "yaml-language-server" not in line:
            lines[i] = re.sub(rf"\b{old}\b", str(new), line)
    return "\n".join(lines)


_KEEP = object()


def _new_value(key, value, old: int, new: int):
    """(new value, mark it?) for a scalar, or ``_KEEP``."""
    if isinstance(value, bool) or value is None:
        return _KEEP
    if _is_year_key(key) and isinstance(value, int):
        return value + (new - old), False
    if key in KEEP_KEYS:
        return _KEEP
    if isinstance(value, (int, float, Decimal, dt.date)):  # ruamel reads dates as dates
        return None, True
    if isinstance(value, str):
        if DATE.match(value):
            return None, True
        if re.search(rf"\b{old}\b", value):
            replaced = re.sub(rf"\b{old}\b", str(new), str(value))
            # keep the quoting style of the original (ruamel's quoted string types)
            return (type(value)(replaced) if type(value) is not str else replaced), True
    return _KEEP


def _walk(node, old: int, new: int, counter: list[int]) -> bool:
    """Rewrite ``node`` in place. True when a flow collection needs its parent's key marked."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        items = list(node.items())
    elif isinstance(node, CommentedSeq):
        items = list(enumerate(node))
    else:
        return False
    flow = node.fa.flow_style()
    parent_mark = False
    for key, value in items:
        if isinstance(value, (CommentedMap, CommentedSeq)):
            if _walk(value, old, new, counter):
                if flow:
                    parent_mark = True
                else:
                    _mark(node, key, counter)
            continue
        change = _new_value(key if isinstance(node, CommentedMap) else None, value, old, new)
        if change is _KEEP:
            continue
        node[key], mark = change
        if mark:
            if flow:  # a comment cannot follow an item inside [a, b]; mark the line instead
                parent_mark = True
            else:
                _mark(node, key, counter)
    return parent_mark


def _mark(node, key, counter: list[int]) -> None:
    """Add ``# ATT FYLLA I`` after the value, keeping any comment already there."""
    from ruamel.yaml.tokens import CommentToken

    counter[0] += 1
    entry = node.ca.items.get(key)
    pos = 2 if not isinstance(key, int) else 0
    existing = entry[pos] if entry and len(entry) > pos else None
    if isinstance(existing, CommentToken) and existing.value.lstrip().startswith("#"):
        stripped = existing.value.lstrip()
        if MARK_RE.match(stripped):
            return
        existing.value = f" {MARK_COMMENT} {stripped}"
        return
    node.yaml_add_eol_comment(MARK_COMMENT, key)
