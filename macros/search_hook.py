"""MkDocs hook: what stays out of the search index (finsam.search).

* Older years' pages: Material's own front-matter switch (``search: exclude:
  true``); the pages themselves are built and linked as before.
* Download sections and tables of figures: marked ``data-search-exclude``
  (Material's switch for a section or block) by a Markdown tree processor that
  runs after the headings have their ids.
* The index Material writes is re-encoded as UTF-8 instead of ASCII escapes
  (``\u00e5`` for å): the same JSON, about an eighth smaller.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from markdown import Extension  # noqa: E402
from markdown.treeprocessors import Treeprocessor  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from finsam.search import archived_year_pages, mark_for_search  # noqa: E402

_archived: set[str] = set()


class _Mark(Treeprocessor):
    def run(self, root):
        mark_for_search(root)


class SearchMarks(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_Mark(md), "finsam_search_marks", 4)  # after toc (5) gives the ids


def on_config(config):
    config.markdown_extensions.append(SearchMarks())
    return config


@event_priority(-50)  # after hooks.py has added the generated pages
def on_files(files, config):
    _archived.clear()
    _archived.update(archived_year_pages(f.src_uri for f in files if f.generated_by and f.src_uri.endswith(".md")))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in _archived:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
