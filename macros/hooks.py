"""MkDocs hooks: load and check the data first, then add the generated pages.

Thin on purpose: all logic is in the pure package ``finsam``. Bad data stops
the build here, before anything is written, with every problem listed.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from markupsafe import Markup

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from finsam.dataset import load_dataset_cached  # noqa: E402
from finsam.pages import generated_files, generated_pages  # noqa: E402
from finsam.problems import DataError, running_in_github_actions  # noqa: E402
from finsam.render import Context, variables  # noqa: E402
from finsam.settings import build_date, data_dir  # noqa: E402

_pages: list = []


def load(config):
    """The data set for this build (read once; macros/main.py asks again and hits the cache)."""
    project = Path(config.config_file_path).parent
    try:
        return load_dataset_cached(data_dir(project, config.extra.get("finsam_data")))
    except DataError as err:
        print(err.report(github=running_in_github_actions()), file=sys.stderr)
        raise Abort("Bygget avbröts: rätta felen i data/ ovan. Ingen webbplats skrevs.") from None


@event_priority(100)  # before the macros plugin
def on_config(config):
    ds = load(config)
    _print_notices(ds)
    ctx = Context(ds, build_date())
    # MkDocs' theme templates do not autoescape: the name from data is escaped
    # here, as Markup so that the templates' own "| e" does not escape it twice.
    config.site_name = Markup(html.escape(_plain(variables(ctx)["forbund"].namn)))
    # The footer's förbund line (overrides/main.html), escaped by its template.
    from finsam.render.kontakt import sidfot

    config.extra["sidfot"] = sidfot(ctx)
    _pages[:] = generated_pages(ds)
    if config.nav:
        config.nav = _expand_nav(config.nav, _pages)
    return config


def on_files(files, config):
    for page in _pages:
        files.append(File.generated(config, page.path, content=page.content))
    for path, content in generated_files(load(config), build_date()):
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html_text, page, config, files):
    """Each page's own description (meta description, Open Graph); duplicates out of search."""
    from finsam.sidmeta import description, search_excluded

    if search_excluded(page.url):
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    text = description(html_text, page.meta.get("description"))
    if text:
        # The theme's templates do not autoescape.
        page.meta["description"] = Markup(html.escape(text, quote=True))
    return html_text


def on_post_page(output, page, config):
    """The news pages' labels in idiomatic Swedish, and valid HTML (finsam/bloggord.py)."""
    from finsam.bloggord import is_news_page, swedish_labels, without_empty_tabindex

    output = without_empty_tabindex(output)
    return swedish_labels(output) if is_news_page(page.url) else output


def _print_notices(ds):
    """Warnings about the data: printed, never failing the (strict) build."""
    from finsam.notices import report

    text = report(ds)
    if text:
        print(text, file=sys.stderr)


def _expand_nav(nav, pages):
    """Turn ``{title: parent.md}`` into a section that lists parent.md and its pages.

    A bare ``parent.md`` that opens a section's list gets its pages right after it.
    """
    out = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                out.append({title: _expand_nav(value, pages)})
                continue
            children = [{_safe_title(p.title): p.path} for p in pages if p.parent == value]
            out.append({title: [value, *children]} if children else item)
        else:
            out.append(item)
            out += [{_safe_title(p.title): p.path} for p in pages if p.parent == item]
    return out


def _safe_title(title: str) -> Markup:
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


def _plain(escaped: str) -> str:
    """Undo Markdown escaping for a value used as plain text (the site name)."""
    import re

    return html.unescape(re.sub(r"\\(.)", r"\1", escaped))
