"""Checks of source references: every ``kalla``/``kallor`` names a known source."""

from __future__ import annotations

from typing import Any, Iterator

from . import check, repeats

SOURCE_KEYS = ("kalla", "kallor")


def _walk(node: Any, path: tuple) -> list[tuple[tuple, Any]]:
    """(path, reference) for every value of a ``kalla`` or ``kallor`` key, in document
    order (a list of them one by one). Walks without a generator per value and visits
    only lists and mappings (every file is walked on every validation and build)."""
    found: list[tuple[tuple, Any]] = []

    def visit(node, at: tuple) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in SOURCE_KEYS:
                    if isinstance(value, list):
                        found.extend((at + (key, i), ref) for i, ref in enumerate(value))
                    else:
                        found.append((at + (key,), value))
                elif isinstance(value, (dict, list)):
                    visit(value, at + (key,))
        else:
            for i, item in enumerate(node):
                if isinstance(item, (dict, list)):
                    visit(item, at + (i,))

    if isinstance(node, (dict, list)):
        visit(node, path)
    return found


@check("kallor_finns", "Varje hänvisning till en källa (kalla/kallor) finns i data/kallor.yaml.")
def sources_exist(ds):
    known = ds.source_ids()
    for doc in ds.documents():
        if doc is ds.kallor:
            continue
        for path, ref in _walk(doc.raw, ()):
            if ref is not None and ref not in known:
                yield doc.problem(path, f"källan '{ref}' finns inte i data/kallor.yaml")


@check("kallor_unika", "Varje källa har ett eget id.")
def unique_sources(ds):
    sources = ds.kallor.model.kallor
    for i in repeats(k.id for k in sources):
        yield ds.kallor.problem(("kallor", i, "id"), f"id '{sources[i].id}' används redan av en annan källa")
