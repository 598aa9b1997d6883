"""MkDocs hooks: load and check the data first, then add the generated pages.

Thin on purpose: what the site is made of comes from ``finsam.site`` (pure
functions of data, docs and the build date). Bad data stops
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
from finsam.nyheter import POSTS_DIR, post_problems  # noqa: E402
from finsam.problems import DataError, printable, running_in_github_actions  # noqa: E402
from finsam.settings import build_date, data_dir  # noqa: E402
from finsam.sidor import own_pages_dir  # noqa: E402
from finsam.site import expand_nav, identity, tree  # noqa: E402

_tree: list = []


def load(config):
    """The data set for this build (read once; macros/main.py asks again and hits the cache).

    The settings (FINSAM_DATA, FINSAM_IDAG) are checked here too: a bad one is
    reported like bad data, in Swedish, and nothing is built.
    """
    project = Path(config.config_file_path).parent
    try:
        build_date()
        data = data_dir(project, config.extra.get("finsam_data"))
        posts = post_problems(own_pages_dir(data))  # the news posts: data/sidor/aktuellt/posts
        try:
            ds = load_dataset_cached(data)
        except DataError as err:
            raise DataError(err.problems + posts) from None
        if posts:
            raise DataError(posts)
        return ds
    except DataError as err:
        print(err.report(github=running_in_github_actions()), file=sys.stderr)
        raise Abort("Bygget avbröts: rätta felen i data/ ovan. Ingen webbplats skrevs.") from None


def _check_site_dir(config) -> None:
    """A site that cannot be written (a read-only checkout) stops here, in Swedish."""
    site = Path(config.site_dir)
    try:
        site.mkdir(parents=True, exist_ok=True)
        probe = site / ".finsam-skrivtest"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise Abort(
            f"Bygget avbröts: webbplatsen kan inte skrivas till {printable(site)} ({reason}). "
            "Är mappen skrivskyddad? Bygg med --site-dir till en mapp du får skriva i."
        ) from None


@event_priority(100)  # before the macros plugin and the theme's plugins
def on_config(config):
    ds = load(config)
    _check_site_dir(config)
    _print_notices(ds)
    today = build_date()
    site = identity(ds, today)
    # MkDocs' theme templates do not autoescape: name and description from data are
    # escaped here, as Markup so that the templates' own "| e" does not escape them twice.
    config.site_name = Markup(html.escape(site.name))
    config.site_description = Markup(html.escape(site.description))
    if not config.site_url and site.url:  # FINSAM_SITE_URL (mkdocs.yml) wins
        config.site_url = site.url
    # The footer's förbund line (overrides/main.html), escaped by its template.
    from finsam.render import Context
    from finsam.render.kontakt import sidfot

    config.extra["sidfot"] = sidfot(Context(ds, today))
    _tree[:] = tree(ds, today)
    if config.nav:
        config.nav = expand_nav(config.nav, _tree)
    return config


def on_files(files, config):
    for f in _tree:
        if f.source is not None:  # the förbund's own page, read from its data tree
            files.append(File.generated(config, f.path, abs_src_path=str(f.source)))
        else:
            files.append(File.generated(config, f.path, content=f.content))
    return files


@event_priority(100)  # before the macros plugin (Jinja) and the blog plugin (excerpts)
def on_page_markdown(markdown, page, config, files):
    """A page's title and front matter are text, never markup (news posts above all).

    Material prints ``page.meta.title`` and ``page.meta.description`` into the page
    head without escaping, and the blog plugin puts a post's title on the blog
    index and in the feed: they are escaped here, once, as Markup. A post's
    ``# `` heading is staff text like its front matter: escaped for HTML, Markdown
    and Jinja (render/text.py: inline), so it reads as typed everywhere the blog
    shows it. overrides/main.html writes the <title> with ``striptags | e``.
    """
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = Markup(html.escape(value, quote=True))
    if not page.file.src_uri.startswith(POSTS_DIR + "/"):
        return markdown
    from finsam.render.text import inline

    out, fence = [], False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and line.startswith("# "):
            line = "# " + inline(line[2:])
        out.append(line)
    return "\n".join(out)


def on_page_content(html_text, page, config, files):
    """Each page's own description (meta description, Open Graph); duplicates out of search."""
    from finsam.sidmeta import description, search_excluded

    if search_excluded(page.url):
        page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
    given = page.meta.get("description")
    if isinstance(given, Markup):  # already escaped once (front matter)
        return html_text
    text = description(html_text, given)
    if text:
        # The theme's templates do not autoescape.
        page.meta["description"] = Markup(html.escape(text, quote=True))
    return html_text


def on_post_page(output, page, config):
    """The news pages' labels in idiomatic Swedish, valid HTML (finsam/bloggord.py), and
    the theme's indentation out (finsam/htmlspace.py: the same rendering, a third of the bytes)."""
    from finsam.bloggord import is_news_page, swedish_labels, without_empty_tabindex
    from finsam.htmlspace import compact

    output = without_empty_tabindex(output)
    return compact(swedish_labels(output) if is_news_page(page.url) else output)


def _print_notices(ds):
    """Warnings about the data: printed, never failing the (strict) build."""
    from finsam.notices import report

    text = report(ds)
    if text:
        print(text, file=sys.stderr)
