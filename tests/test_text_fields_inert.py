"""Markup in EVERY free-text field of the fixture förbund is shown as typed.

Every text value in every data file of a copy of the fixture förbund is prefixed
with HTML, a script, Markdown and Jinja. Values that then no longer validate
(ids, references, fixed choices, dates) are put back, found by asking the loader
and the checks, so the test needs no list of fields and covers each new kind of
data file as soon as the fixture has an example of it. The site must build, and
no page may contain an element, script, link or Jinja output made from the payload.

The same build carries a news post with HTML in its title and front matter (its page,
the blog index and the feeds): one build for both, as the post is not a YAML file the
payload touches.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE, mkdocs_build

from finsam.checks import run_checks
from finsam.dataset import read_dataset
from finsam.yamlload import format_path, read_yaml

PAYLOAD = '</title><script>alert("x")</script><b class="inj">b</b> {{ 7*7 }} {% raw %} **fet** [l](javascript:alert(2)) '


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


def _leaves(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _leaves(v, path + (i,))
    elif isinstance(node, str):
        yield path


def _with(node, injected, path=()):
    if isinstance(node, dict):
        return {k: _with(v, injected, path + (k,)) for k, v in node.items()}
    if isinstance(node, list):
        return [_with(v, injected, path + (i,)) for i, v in enumerate(node)]
    if isinstance(node, str) and path in injected:
        return PAYLOAD + node
    return node


def inject_everywhere(data: Path) -> int:
    """Prefix every text value that stays valid; returns how many were kept."""
    files = {}
    for path in sorted(data.rglob("*.yaml")):
        doc, problems = read_yaml(path)
        assert not problems, problems
        files[path] = (doc.data, set(_leaves(doc.data)))

    def write():
        for path, (raw, injected) in files.items():
            text = yaml.dump(_with(raw, injected), Dumper=_Dumper, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")

    for _ in range(20):
        write()
        ds, problems = read_dataset(data)
        if ds is not None:
            problems = run_checks(ds)
        if not problems:
            return sum(len(injected) for _, injected in files.values())
        for p in problems:
            for path, (_, injected) in files.items():
                if p.file.endswith(path.relative_to(data).as_posix()):
                    bad = {leaf for leaf in injected if not p.path or _under(format_path(leaf), p.path)}
                    injected -= bad
    raise AssertionError(f"the injected data never validated: {[p.format() for p in problems]}")


HOSTILE_POST = """---
date:
  created: 2024-02-01
slug: fientlig
title: 'T <script>alert("t")</script> </title><b>x</b>'
description: '"><script>alert("d")</script><img src=x onerror=alert(2)>'
---

# Rubrik <script>alert("h")</script> </title><img src=x onerror=alert(1)> {{ 7*7 }}

Text.

<!-- more -->

Mer.
"""


def assert_hostile_post_inert(site: Path) -> None:
    """HTML in the post's title and front matter is inert on its page, the blog index and
    the feed (whichever writer makes it)."""
    pages = [next(site.glob("aktuellt/**/fientlig/index.html")), site / "aktuellt" / "index.html"]
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), (page, script)
        for el in soup.find_all(True):
            assert not [a for a in el.attrs if a.startswith("on")], (page, el)
        assert soup.find("img", src="x") is None and soup.find("b", string="x") is None
        assert "{{ 7*7 }}" in soup.get_text() and "49" not in soup.get_text().split()
    post = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    assert "<script>" in post.title.get_text() and post.find("meta", attrs={"name": "description"})["content"].startswith('">')
    feeds = sorted(site.glob("*.xml")) + sorted(site.glob("**/feed*.xml"))
    assert feeds, "no feed"
    for feed in feeds:
        if "sitemap" in feed.name:
            continue
        root = ET.parse(feed).getroot()
        assert not any(el.tag.lower() in ("script", "img", "b") for el in root.iter()), feed
        titles = [el.text or "" for el in root.iter() if el.tag.endswith("title")]
        assert any("<script>" in t for t in titles), (feed, titles)


def _under(leaf: str, problem_path: str) -> bool:
    return leaf == problem_path or leaf.startswith(problem_path + ".") or leaf.startswith(problem_path + "[")


@pytest.mark.build
def test_markup_in_every_text_field_is_inert(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    posts = data / "sidor" / "aktuellt" / "posts"  # where the posts live (finsam.site: own pages)
    posts.mkdir(parents=True, exist_ok=True)
    (posts / "2024-02-01-fientlig.md").write_text(HOSTILE_POST, encoding="utf-8")
    kept = inject_everywhere(data)
    assert kept >= 20, f"only {kept} text fields took the payload"

    site = tmp_path / "site"
    result = mkdocs_build(site, data)
    assert result.returncode == 0, result.stderr[-3000:]
    shown = 0
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(site).as_posix()
        assert not soup.find_all("b", class_="inj"), f"{where}: HTML from data became an element"
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), f"{where}: a script from data"
        for el in soup.find_all(True):
            assert not str(el.get("href", "")).startswith("javascript:"), f"{where}: {el}"
            for name, value in el.attrs.items():
                assert "<script" not in str(value) or name in ("title", "aria-label", "alt", "content", "value"), (
                    f"{where}: {name}={value!r}"
                )
        text = soup.get_text(" ")
        assert " 49 " not in text, f"{where}: Jinja ran on text from data"
        shown += text.count('<script>alert("x")</script>')
    assert shown >= 10, f"the payload was shown as text only {shown} times"
    assert_hostile_post_inert(site)
