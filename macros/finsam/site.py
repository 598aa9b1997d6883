"""What the site is made of, as pure functions of (data, docs, build date).

The MkDocs hooks (macros/hooks.py) only hand these results to the engine, so a
prebuild step could produce the same tree for another engine:

* ``identity(ds, today)``: the site's name, description and public address, from data;
* ``tree(ds, today)``: every page and file the data adds to docs/ (generated pages,
  downloads, the förbund's own pages), each with the data files it comes from;
* ``expand_nav(nav, pages)``: the navigation with those pages in their sections;
* ``page_paths(docs_dir, ds, today)``: every page of the site, for links that must not break.

The förbund's own pages (data/sidor/) are read by ``finsam.sidor``.

No MkDocs imports here.
"""

from __future__ import annotations

import html
import re
from dataclasses import field
from pathlib import Path

from markupsafe import Markup

from . import format as fmt, urls
from .dataset import DataSet
from .sidor import own_pages
from .frozen import frozen


@frozen
class Identity:
    """The site's name, description and public address, all from data."""

    name: str  # plain text (not escaped)
    description: str
    url: str | None  # absolute, ending in "/"; None when data/forbund.yaml gives no webbplats


@frozen
class TreeFile:
    """One page or file the data adds to the docs tree."""

    path: str  # relative to docs/
    content: str | None  # text, or None when the file is ``source`` itself
    source: Path | None  # the förbund's own Markdown file (data/sidor/...)
    title: str = ""
    parent: str = ""  # the section whose navigation lists it ("" = not in the navigation)
    sources: tuple[str, ...] = field(default=())  # data files it comes from (relative to the data dir)
    year: int | None = None  # a page of a yearly series (pages.GeneratedPage.year)


def identity(ds: DataSet, today) -> Identity:
    """Name (the förbundsordning in force), description and address (data/forbund.yaml)."""
    from .render import Context
    from .render.forbund import variables

    name = plain(variables(Context(ds, today))["forbund"].namn)
    return Identity(
        name=name,
        description=f"Styrdokument, ekonomi och styrelse för {name}",
        url=site_url(ds.forbund.model.webbplats),
    )


def site_url(webbplats: str | None) -> str | None:
    """``samordningexempel.se`` -> ``https://samordningexempel.se/`` (the model admits only a host name)."""
    return f"https://{webbplats}/" if webbplats else None


def plain(escaped: str) -> str:
    """Undo Markdown escaping for a value used as plain text (the site name)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", escaped))


# -- the whole tree --------------------------------------------------------------


# The last tree, with what it was made from: the hooks and the macros both ask for it
# in one build (a loaded data set is never changed; the own pages are compared).
_last_tree: list = []


def tree(ds: DataSet, today) -> list[TreeFile]:
    """Every page and file the data adds to docs/: generated pages, generated files,
    the förbund's own pages. Each names the data files it comes from."""
    own = tuple(own_pages(ds.root))
    if _last_tree and _last_tree[0] is ds and _last_tree[1] == today and _last_tree[2] == own:
        return list(_last_tree[3])
    out = _tree(ds, today, own)
    _last_tree[:] = [ds, today, own, tuple(out)]
    return out


def _tree(ds: DataSet, today, own) -> list[TreeFile]:
    from .pages import generated_files, generated_pages

    out = [
        TreeFile(p.path, p.content, None, p.title, p.parent, _relative_sources(ds, p.sources), p.year)
        for p in generated_pages(ds)
    ]
    out += [TreeFile(path, content, None) for path, content in generated_files(ds, today)]
    out += [
        TreeFile(p.path, None, p.source, p.title, p.parent, ()) for p in own
    ]
    return out


def page_sources(ds: DataSet) -> dict[str, tuple[str, ...]]:
    """{generated page: the data files it is made from (relative to the data dir)}."""
    from .pages import generated_pages

    return {p.path: _relative_sources(ds, p.sources) for p in generated_pages(ds)}


# A page that follows something through every year names every year's files, so
# the site names some files once per page (pages × years: 1 528 names for 103 pages
# at 25 years of data). Each distinct name is resolved on disk once per data set,
# not once per page (that was 0.16 s per pass at 25 years, and the tree and the
# lastmod hook each made a pass).
_resolved: list = [None, "", {}]  # [data set, its resolved root, {source: relative}]


def _relative_sources(ds: DataSet, sources) -> tuple[str, ...]:
    if _resolved[0] is not ds:
        _resolved[:] = [ds, Path(ds.root).resolve(), {}]
    root, known = _resolved[1], _resolved[2]
    out = []
    for s in sources:
        rel = known.get(s)
        if rel is None:
            p = Path(s)
            rel = known[s] = p.resolve().relative_to(root).as_posix() if p.is_absolute() else p.as_posix()
        out.append(rel)
    return tuple(out)


def page_paths(docs_dir: Path, ds: DataSet, today) -> frozenset[str]:
    """Every page and file of the site (hand-written in docs/ and added from data), relative to docs/."""
    written = {p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*") if p.is_file()}
    return frozenset(written | {f.path for f in tree(ds, today)})


# -- navigation -------------------------------------------------------------------


def expand_nav(nav: list, pages) -> list:
    """The configured navigation with each page (``.path``, ``.title``, ``.parent``) in its section.

    ``{title: parent.md}`` becomes a section listing parent.md and its pages; in a
    section's list, a page's children follow its ``parent.md`` entry (bare or titled).
    A yearly series (pages with a ``.year``) lists its newest years (compute.recent)
    and groups the older ones by decade (``year_groups``).
    """
    children: dict[str, list] = {}
    years: dict[str, list] = {}
    for p in pages:
        if p.parent:
            children.setdefault(p.parent, []).append({safe_title(p.title): p.path})
            years.setdefault(p.parent, []).append(getattr(p, "year", None))
    for parent, items in children.items():
        if None not in years[parent]:
            children[parent] = year_groups(items, years[parent])
    return _expand(nav, children)


def year_groups(items: list, years: list[int]) -> list:
    """A yearly series' nav entries (newest first): the ``LATEST_IN_FULL`` newest as they are,
    the older ones in one nested section per decade, titled by the years it holds.

    Every year page carries its section's navigation, so listing every year on every
    year page grew with years × years (25 entries on each of 25 budget pages at 25
    years of data). With the theme's ``navigation.prune`` a decade that holds neither
    the page shown nor its neighbours is one link (to its newest year), so a page
    carries at most the newest years, one entry per older decade and the years of its
    own decade. Every year stays in the navigation; the series' index page lists them all.
    """
    from .compute.recent import LATEST_IN_FULL

    if len(items) <= LATEST_IN_FULL + 1:  # one older year stays in the list: a group of one helps no one
        return items
    ordered = sorted(zip(years, range(len(items)), items), key=lambda t: (-t[0], t[1]))
    out = [item for _, _, item in ordered[:LATEST_IN_FULL]]
    decades: dict[int, list] = {}
    for year, _, item in ordered[LATEST_IN_FULL:]:
        decades.setdefault(year // 10, []).append((year, item))
    for decade in sorted(decades, reverse=True):
        group = decades[decade]
        out.append({fmt.years(y for y, _ in group): [item for _, item in group]})
    return out


def _expand(nav: list, children: dict[str, list]) -> list:
    out = []
    for item in nav:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, list):
                out.append({title: _expand(value, children)})
            elif value in children:
                out.append({title: [value, *children[value]]})
            else:
                out.append(item)
        else:
            out.append(item)
            out += children.get(item, [])
    return out


def safe_title(title: str) -> Markup:
    """A page title from data, safe in every place the theme puts it.

    The theme's templates do not autoescape, so the title is escaped here (as
    Markup, so "| e" does not escape it twice). mkdocs-macros renders a title
    containing "{{" or "{%" as Jinja, so braces become character references.
    Material writes ``page.title | striptags`` into <title>, which unescapes once:
    < and > are escaped twice so that no tag can appear there (a title with < or >
    then shows "&lt;" in the menu; names never need them).
    """
    escaped = html.escape(title, quote=True).replace("&lt;", "&amp;lt;").replace("&gt;", "&amp;gt;")
    return Markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))
