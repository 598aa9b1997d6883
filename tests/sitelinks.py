"""Internal links and anchors of a built site, checked on the HTML itself.

MkDocs' strict validation covers links written in Markdown; this also covers
what macros, generated pages, the theme and raw HTML put into the pages: every
``href``/``src`` that points into the site must name a file that exists, and
every ``#fragment`` an ``id`` (or ``name``) on the page it points to.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "form": "action",
    "area": "href",
    "use": "href",
}


# The form editor (Decap CMS, macros/admin_hook.py) is a staff tool, not a page of the
# public site: its own bundle is tested by tests/test_cms.py, not by the page gates.
STAFF_ONLY = ("admin",)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in STAFF_ONLY)


@lru_cache(maxsize=None)
def soup_of(path: Path) -> BeautifulSoup:
    """A built HTML file, parsed once per test session and shared: read it, never
    change it (no decompose/extract). Built sites are never rewritten in place."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@lru_cache(maxsize=None)
def _ids(path: Path) -> frozenset[str]:
    soup = soup_of(path)
    return frozenset({el["id"] for el in soup.find_all(id=True)} | {
        el["name"] for el in soup.find_all("a", attrs={"name": True})
    })


def _target_file(site: Path, page: Path, url_path: str) -> Path | None:
    """The file a site-relative URL path resolves to, or None when there is none."""
    base = page.parent.relative_to(site).as_posix()
    joined = posixpath.normpath(posixpath.join(base, unquote(url_path))) if url_path else page.relative_to(site).as_posix()
    if joined.startswith(".."):
        return None
    candidate = site / joined
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor that leads nowhere, as ``page: link (why)``."""
    site = site.resolve()
    problems: list[str] = []
    for page in html_pages(site):
        rel_page = page.relative_to(site).as_posix()
        for tag, attr in LINK_ATTRS.items():
            for el in soup_of(page).find_all(tag):
                value = el.get(attr) or (el.get("xlink:href") if tag == "use" else None)
                if not value:
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    continue  # external (or mailto:, data:): not a link into the site
                url_path = parts.path
                if url_path.startswith("/"):
                    # Only the 404 page, served at any depth, is given root paths by MkDocs.
                    if rel_page != "404.html":
                        problems.append(f"{rel_page}: {value} (absolute path; links inside the site are relative)")
                        continue
                    url_path = "." + url_path
                target = _target_file(site, page, url_path)
                if target is None:
                    problems.append(f"{rel_page}: {value} (no such file)")
                    continue
                fragment = unquote(parts.fragment)
                if fragment and target.suffix == ".html" and fragment not in _ids(target):
                    problems.append(f"{rel_page}: {value} (no element with id '{fragment}')")
    return problems


def duplicate_ids(site: Path) -> list[str]:
    """Pages where one id is used twice (an anchor would be ambiguous)."""
    problems = []
    for page in html_pages(site):
        seen: set[str] = set()
        for el in soup_of(page).find_all(id=True):
            if el["id"] in seen:
                problems.append(f"{page.relative_to(site).as_posix()}: id '{el['id']}' twice")
            seen.add(el["id"])
    return problems
