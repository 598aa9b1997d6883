"""References from data to pages of this site.

A page reference (``sida``, typed model/base.py: PagePath, so it cannot leave the
site with ``../`` or start with ``/``) must name a page the build has: a file in
docs/ or a page generated from data. A reference to a page that does not exist
would otherwise be left out of the page without a word.
"""

from __future__ import annotations

from typing import Any, Iterator

from . import check

PAGE_KEYS = ("sida",)  # every PagePath field is called this (tests/test_bad_input_classes.py checks)


def _references(node: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in PAGE_KEYS and isinstance(value, str):
                yield path + (key,), value
            else:
                yield from _references(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _references(item, path + (i,))


def site_pages(ds) -> frozenset[str]:
    """Every page of the build: the files in docs/ and the pages generated from ``ds``."""
    from ..pages import generated_pages
    from ..render.links import DOCS_DIR

    written = {p.relative_to(DOCS_DIR).as_posix() for p in DOCS_DIR.rglob("*.md")} if DOCS_DIR.is_dir() else set()
    return frozenset(written | {p.path for p in generated_pages(ds)})


@check("sidor_finns", "En hänvisning till en sida på webbplatsen (sida:) pekar på en sida som finns.")
def pages_exist(ds):
    pages = None
    for doc in ds.documents():
        for path, page in _references(doc.raw, ()):
            if pages is None:
                try:
                    pages = site_pages(ds)
                except Exception:  # noqa: BLE001 - data another check reports; the pages cannot be listed
                    return
            if page.split("#", 1)[0] not in pages:
                yield doc.problem(
                    path,
                    f"sidan '{page}' finns inte på webbplatsen; skriv sökvägen under docs/ till en sida som finns "
                    "(t.ex. forbundsordning/nvsam.md), eller ta bort raden",
                )
