"""The URL plan: where every page and file of the site lives.

One module owns the paths, so a page and every link to it cannot disagree. Paths
are relative to the docs tree (``docs/`` plus the generated pages), as MkDocs'
``src_uri``: ``ekonomi/budget/2024.md`` is published as ``ekonomi/budget/2024/``.
Nothing here reads data or files: a path is a function of a data kind's key
(a year, a version, an id). Pure strings, no imports from the rest of finsam,
so every layer (model, checks, compute, render, the adapters) may use it.

The förbund's own pages (``data/sidor/**/*.md``, see ``finsam.site``) keep the
path they have under ``sidor/``: ``data/sidor/om/lansforbundet.md`` is the page
``om/lansforbundet.md``.
"""

from __future__ import annotations

import functools
import posixpath

# -- hand-written pages in docs/ (the sections' index pages) -------------------
START = "index.md"
AKTUELLT = "aktuellt/index.md"
OM = "om/index.md"
MEDLEMMAR = "medlemmar/index.md"
INSATSER = "insatser/index.md"
EKONOMI = "ekonomi/index.md"
BUDGET = "ekonomi/budget/index.md"
MEDLEMSINSATSER = "ekonomi/medlemsinsatser/index.md"
FORDELNINGSMODELL = "ekonomi/statens-fordelningsmodell.md"
ARVODEN = "ekonomi/arvoden.md"
FORBUNDSORDNING = "forbundsordning/index.md"
STYRELSE = "styrelse/index.md"
MOTEN = "moten/index.md"
ARSHJUL = "arshjul/index.md"
VERKSAMHETSPLAN = "verksamhetsplan/index.md"
DOKUMENT = "dokument/index.md"
OM_WEBBPLATSEN = "om-webbplatsen/index.md"
TILLGANGLIGHET = "om-webbplatsen/tillganglighet.md"
REDIGERA = "om-webbplatsen/redigera.md"

# -- the news (Material's blog) ------------------------------------------------
NEWS_POSTS_DIR = "aktuellt/posts"  # a post's page is aktuellt/posts/<file name>
FEED = "feed_rss_created.xml"  # the rss plugin's feed, at the site's root

# -- the förbund's own pages, kept in its data tree ---------------------------
OWN_PAGES_DIR = "sidor"  # relative to the data directory


# -- pages generated from data (one per year, version or id) -------------------
def budget_page(year: int | str) -> str:
    """One budget year (data/budget/<year>.yaml)."""
    return f"ekonomi/budget/{year}.md"


def medlemsinsatser_page(year: int | str) -> str:
    """The members' contributions for one year (data/medlemsinsatser/<year>.yaml)."""
    return f"ekonomi/medlemsinsatser/{year}.md"


def forbundsordning_page(key: str) -> str:
    """One version of the förbundsordning (data/forbundsordning/<key>.yaml)."""
    return f"forbundsordning/{key}.md"


def verksamhetsplan_page(year: int | str) -> str:
    """One year's verksamhetsplan (data/verksamhetsplan/<year>.yaml)."""
    return f"verksamhetsplan/{year}.md"


def insats_page(insats_id: str) -> str:
    """One insats (an entry of data/insatser.yaml)."""
    return f"insatser/{insats_id}.md"


def medlem_page(org_id: str) -> str:
    """One member organisation (an organisation of data/forbund.yaml)."""
    return f"medlemmar/{org_id}.md"


# -- files generated from data -------------------------------------------------
ARSHJUL_ICS = "arshjul/arshjul.ics"  # the yearly cycle as iCalendar
DOWNLOADS_DIR = "ekonomi/data"  # every CSV/JSON download of the money pages


def download_csv(name: str) -> str:
    return f"{DOWNLOADS_DIR}/{name}.csv"


def download_csv_metadata(name: str) -> str:
    """The CSV on the Web description of ``download_csv(name)``."""
    return f"{DOWNLOADS_DIR}/{name}.csv-metadata.json"


def download_json(name: str) -> str:
    return f"{DOWNLOADS_DIR}/{name}.json"


# -- links between them ---------------------------------------------------------
@functools.lru_cache(maxsize=8192)  # a pure function of two paths; pages link to the same places
def relative(from_page: str, to_page: str) -> str:
    """A relative link from one page to another (both in the plan; ``#anchor`` kept).

    >>> relative("ekonomi/budget/2024.md", "forbundsordning/index.md#8")
    '../../forbundsordning/index.md#8'
    """
    page, _, anchor = to_page.partition("#")
    rel = posixpath.relpath(page, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def section_index(page: str) -> str:
    """The index page of the section a page belongs to (``om/x.md`` -> ``om/index.md``).

    A top-level page belongs to the start page.
    """
    folder = posixpath.dirname(page)
    if posixpath.basename(page) == "index.md":
        folder = posixpath.dirname(folder)
    return f"{folder}/index.md" if folder else START
