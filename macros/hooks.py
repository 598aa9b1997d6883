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
from finsam.problems import DataError, running_in_github_actions  # noqa: E402
from finsam.settings import build_date, data_dir  # noqa: E402
from finsam.site import expand_nav, identity, tree  # noqa: E402

_tree: list = []


def load(config):
    """The data set for this build (read once; macros/main.py asks again and hits the cache)."""
    project = Path(config.config_file_path).parent
    try:
        return load_dataset_cached(data_dir(project, config.extra.get("finsam_data")))
    except DataError as err:
        print(err.report(github=running_in_github_actions()), file=sys.stderr)
        raise Abort("Bygget avbröts: rätta felen i data/ ovan. Ingen webbplats skrevs.") from None


@event_priority(100)  # before the macros plugin and the theme's plugins
def on_config(config):
    ds = load(config)
    _print_notices(ds)
    today = build_date()
    site = identity(ds, today)
    # MkDocs' theme templates do not autoescape: the name from data is escaped
    # here, as Markup so that the templates' own "| e" does not escape it twice.
    config.site_name = Markup(html.escape(site.name))
    config.site_description = site.description
    if not config.site_url and site.url:  # FINSAM_SITE_URL (mkdocs.yml) wins
        config.site_url = site.url
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


def _print_notices(ds):
    """Warnings about the data: printed, never failing the (strict) build."""
    from finsam.notices import report

    text = report(ds)
    if text:
        print(text, file=sys.stderr)
