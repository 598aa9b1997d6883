"""Checks of source references: every ``kalla``/``kallor`` names a known source."""

from __future__ import annotations

from typing import Any, Iterator

from . import check, repeats

SOURCE_KEYS = ("kalla", "kallor")


def _walk(node: Any, path: tuple) -> Iterator[tuple[tuple, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SOURCE_KEYS:
                for i, ref in enumerate(value if isinstance(value, list) else [value]):
                    yield (path + (key, i) if isinstance(value, list) else path + (key,)), ref
            else:
                yield from _walk(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, path + (i,))


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
