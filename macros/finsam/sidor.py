"""The förbund's own pages, kept in its data tree: ``data/sidor/**/*.md``.

Prose that belongs to one förbund (its history, a consultation's summary, its
news posts) is not in docs/, which any förbund shares: it is in the förbund's
data, and the build adds each file as a page at the same path below ``sidor/``
(``data/sidor/om/lansforbundet.md`` is the page ``om/lansforbundet.md``; news
posts are ``data/sidor/aktuellt/posts/*.md``). A page may call macros like any
page in docs/. Front matter, all optional:

* ``navtitel``: its title in the navigation (else ``title``, else its ``# `` heading);
* ``beskrivning``: what it is about, in a few words (lists of the section's pages);
* ``genvag: true``: listed among the start page's shortcuts;
* ``data``: globs of the data files it shows ("Senast uppdaterad").

No MkDocs imports here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import urls
from .frozen import frozen


@frozen
class OwnPage:
    """A page the förbund wrote itself, kept in its data tree (data/sidor/...)."""

    path: str  # the page's place in the docs tree, e.g. om/lansforbundet.md
    title: str  # in the navigation: front matter ``navtitel``, else ``title``, else the first ``# `` heading
    source: Path  # the Markdown file in the data tree
    description: str | None  # front matter ``beskrivning``: what the page is about, in a few words
    shortcut: bool  # front matter ``genvag: true``: listed among the start page's shortcuts
    parent: str  # the section's index page (navigation); "" for news posts (the blog lists them)


def own_pages_dir(data_dir: Path) -> Path:
    return Path(data_dir) / urls.OWN_PAGES_DIR


# root -> (every page file's name, size and modification time; the pages read from them):
# a build asks several times, and `serve` rebuilds read again only after an edit.
_read: dict[str, tuple[tuple, tuple[OwnPage, ...]]] = {}


def own_pages(data_dir: Path) -> list[OwnPage]:
    """Every Markdown file below data/sidor/, as a page at the same path in the docs tree."""
    root = own_pages_dir(data_dir)
    if not root.is_dir():
        return []
    sources = sorted(root.rglob("*.md"))
    stamp = tuple((str(p), st.st_mtime_ns, st.st_size) for p in sources if (st := p.stat()))
    hit = _read.get(str(root))
    if hit is not None and hit[0] == stamp:
        return list(hit[1])
    pages = _read_pages(root, sources)
    _read[str(root)] = (stamp, tuple(pages))
    return pages


def _read_pages(root: Path, sources: list[Path]) -> list[OwnPage]:
    pages = []
    for source in sources:
        path = source.relative_to(root).as_posix()
        meta, body = front_matter(source.read_text(encoding="utf-8"))
        heading = next((ln[2:].strip() for ln in body.splitlines() if ln.startswith("# ")), "")
        is_post = path.startswith(urls.NEWS_POSTS_DIR + "/")
        pages.append(
            OwnPage(
                path=path,
                title=str(meta.get("navtitel") or meta.get("title") or heading),
                source=source,
                description=meta.get("beskrivning"),
                shortcut=bool(meta.get("genvag")) and not is_post,
                parent="" if is_post else urls.section_index(path),
            )
        )
    return pages


def front_matter(source: str) -> tuple[dict, str]:
    """(YAML front matter, the rest) of a Markdown page."""
    if not source.startswith("---\n"):
        return {}, source
    end = source.index("\n---", 4)
    meta = yaml.safe_load(source[4:end]) or {}
    return (meta if isinstance(meta, dict) else {}), source[end + 4 :]


def shortcuts(data_dir: Path) -> list[OwnPage]:
    """The förbund's own pages marked ``genvag: true``, for the start page."""
    return [p for p in own_pages(data_dir) if p.shortcut]


def section_pages(data_dir: Path, section_index: str) -> list[OwnPage]:
    """The förbund's own pages in the section of ``section_index`` (e.g. moten/index.md)."""
    return [p for p in own_pages(data_dir) if p.parent == section_index]
