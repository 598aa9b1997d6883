"""The news posts (docs/aktuellt/posts/*.md), read for the start page's list.

The posts are Markdown files of Material's blog plugin; this reads only what the
start page needs from each: its date (front matter ``date.created`` or
``date``), its title (the first ``# `` heading) and its file name. No MkDocs here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Post:
    date: dt.date
    title: str
    path: str  # relative to docs/, e.g. aktuellt/posts/2024-01-01-start.md
    description: str | None


def read_posts(docs_dir: Path, posts_dir: str = "aktuellt/posts") -> list[Post]:
    """Every post, newest first. A post without a date or title is an error."""
    posts = []
    for path in sorted((Path(docs_dir) / posts_dir).glob("*.md")):
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        created = meta.get("date")
        if isinstance(created, dict):
            created = created.get("created")
        if isinstance(created, dt.datetime):
            created = created.date()
        title = next((ln[2:].strip() for ln in body.splitlines() if ln.startswith("# ")), None)
        if not isinstance(created, dt.date) or not title:
            raise ValueError(f"{path}: nyheten saknar datum (date: created:) eller rubrik (# ...)")
        posts.append(Post(created, title, f"{posts_dir}/{path.name}", meta.get("description")))
    return sorted(posts, key=lambda p: (p.date, p.path), reverse=True)


def _front_matter(source: str) -> tuple[dict, str]:
    if not source.startswith("---\n"):
        return {}, source
    end = source.index("\n---", 4)
    return yaml.safe_load(source[4:end]) or {}, source[end + 4 :]
