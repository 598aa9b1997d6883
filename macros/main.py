"""mkdocs-macros adapter: exposes finsam's macros and variables to the pages.

Each macro in ``finsam.render.MACROS`` is available by its name, with the data
set and build date bound; see that package for what each one renders.

``macros_and_variables(conf)`` takes any engine's config object that has
``config_file_path``, ``docs_dir`` and ``extra`` (MkDocs' and ProperDocs' do);
``define_env`` is mkdocs-macros' entry point and only registers the result.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from finsam.dataset import load_dataset_cached  # noqa: E402
from finsam.problems import DataError  # noqa: E402
from finsam.render import MACROS, Context  # noqa: E402
from finsam.render.forbund import variables  # noqa: E402
from finsam.settings import build_date, data_dir  # noqa: E402
from finsam.sidor import own_pages_dir  # noqa: E402
from finsam.site import page_paths  # noqa: E402


class DataProblems(Exception):
    """The data has problems (normally the hooks stop the build before this)."""


def _bind(fn, ctx):
    """``fn`` with the context bound, as a plain function.

    Not functools.partial: mkdocs-macros writes every macro to JSON for its debug
    log on each build, and a partial's repr would spell out the whole data set
    (0.4 s with 25 years of data; see benchmarks/results.md).
    """

    @functools.wraps(fn)
    def bound(*args, **kwargs):
        return fn(ctx, *args, **kwargs)

    return bound


def macros_and_variables(conf) -> tuple[dict, dict]:
    """({name: macro}, {name: variable}) for the pages, from a duck-typed config."""
    project = Path(conf.config_file_path).parent
    try:
        ds = load_dataset_cached(data_dir(project, conf.extra.get("finsam_data")))
    except DataError as err:
        print(err.report(), file=sys.stderr)
        raise DataProblems("Bygget avbröts: rätta felen i data/ ovan.") from None
    today = build_date()
    ctx = Context(ds, today, page_paths(Path(conf.docs_dir), ds, today))
    macros = {name: _bind(fn, ctx) for name, fn in MACROS.items()}

    # The news list on the start page reads the blog's posts (data/sidor/aktuellt/posts).
    from finsam.nyheter import read_posts
    from finsam.render.start import latest_news

    posts_root = own_pages_dir(ds.root)

    def senaste_nytt(n: int = 3) -> str:
        """The newest news posts as a list."""
        return latest_news(read_posts(posts_root), n)

    macros["senaste_nytt"] = senaste_nytt
    return macros, variables(ctx)


def define_env(env):
    from mkdocs.exceptions import Abort

    try:
        macros, values = macros_and_variables(env.conf)
    except DataProblems as err:
        raise Abort(str(err)) from None
    for name, fn in macros.items():
        env.macro(fn, name)
    env.variables.update(values)
