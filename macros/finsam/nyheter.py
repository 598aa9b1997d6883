"""The news posts (docs/aktuellt/posts/*.md): data too, checked like data.

The posts are Markdown files of Material's blog plugin. Their front matter is
read with the same strict YAML loader as data/ and validated by a model
(``PostMeta``), so a wrong key, date or boolean is reported as
``docs/aktuellt/posts/x.md:3: date.created: ...``; each post needs a title (the
first ``# `` heading, or ``title:``). The start page's list reads date, title,
file name and description from here. No MkDocs here: macros/hooks.py makes the
title and front matter inert on the post page, the blog index and the feed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model.base import Model, PositiveInt, Slug, StrictBool, Text
from .problems import DataError, Problem, display_path
from .validation import validate
from . import yamlcache
from .yamlload import read_yaml_bytes
from .frozen import frozen

POSTS_DIR = "aktuellt/posts"


class PostDate(Model):
    created: dt.date
    updated: dt.date | None = None


class PostMeta(Model):
    """What a post's front matter may hold (Material's blog: categories and authors are off)."""

    date: PostDate  # written "date:" then "  created: ÅÅÅÅ-MM-DD" on the next line
    slug: Slug | None = None
    title: Text | None = None
    description: Text | None = None
    draft: StrictBool = False
    pin: StrictBool = False
    readtime: PositiveInt | None = None


@frozen
class Post:
    date: dt.date
    title: str
    path: str  # relative to docs/, e.g. aktuellt/posts/2024-01-01-start.md
    description: str | None


def _split(source: str) -> tuple[str, int, str] | None:
    """(front matter, the body's first line, body), or None without front matter."""
    lines = source.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]) + "\n", i + 2, "\n".join(lines[i + 1 :])
    return None


def _title(body: str) -> str | None:
    fence = False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and line.startswith("# ") and line[2:].strip():
            return line[2:].strip()
    return None


def read_post(path: Path, docs_dir: Path) -> tuple[Post | None, list[Problem]]:
    display = display_path(path)
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        return None, [Problem(display, 0, "", f"nyheten kan inte läsas ({err.strerror})")]
    except UnicodeDecodeError:
        return None, [Problem(display, 0, "", "nyheten är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8")]
    parts = _split(source.replace("\r\n", "\n"))
    if parts is None:
        return None, [
            Problem(display, 1, "", "nyheten ska börja med uppgifter mellan två rader '---' (date: created: ÅÅÅÅ-MM-DD)")
        ]
    front, body_line, body = parts
    doc, problems = read_yaml_bytes(front.encode("utf-8"), path, first_line=2)
    if doc is None:
        return None, [p if p.message != "filen är tom" else Problem(display, 2, "", "uppgifterna mellan '---' saknas (date: created: ÅÅÅÅ-MM-DD)") for p in problems]
    meta, problems = validate(PostMeta, doc)
    if meta is None:
        return None, problems
    title = meta.title or _title(body)
    if not title:
        body_line += next((i for i, ln in enumerate(body.split("\n")) if ln.strip()), 0)
        return None, [Problem(display, body_line, "", "nyheten saknar rubrik: skriv en rad som börjar med '# ' (eller title:)")]
    created = meta.date.created
    rel = path.relative_to(docs_dir).as_posix()
    return Post(created, title, rel, meta.description), []


def post_files(docs_dir: Path, posts_dir: str = POSTS_DIR) -> list[Path]:
    return sorted((Path(docs_dir) / posts_dir).glob("*.md"))


def post_problems(docs_dir: Path, posts_dir: str = POSTS_DIR) -> list[Problem]:
    """Every problem in every post's front matter and title (all at once)."""
    problems: list[Problem] = []
    for path in post_files(docs_dir, posts_dir):
        problems += read_post(path, Path(docs_dir))[1]
    yamlcache.save()
    return problems


def read_posts(docs_dir: Path, posts_dir: str = POSTS_DIR) -> list[Post]:
    """Every post, newest first. Raises DataError with every problem found."""
    posts, problems = [], []
    for path in post_files(docs_dir, posts_dir):
        post, found = read_post(path, Path(docs_dir))
        problems += found
        if post is not None:
            posts.append(post)
    yamlcache.save()
    if problems:
        raise DataError(problems)
    return sorted(posts, key=lambda p: (p.date, p.path), reverse=True)
