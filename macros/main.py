"""mkdocs-macros adapter: exposes finsam's macros and variables to the pages.

Each macro in ``finsam.render.MACROS`` is available by its name, with the data
set and build date bound; see that package for what each one renders.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from mkdocs.exceptions import Abort  # noqa: E402

from finsam.dataset import load_dataset_cached  # noqa: E402
from finsam.pages import generated_pages  # noqa: E402
from finsam.problems import DataError  # noqa: E402
from finsam.render import MACROS, Context  # noqa: E402
from finsam.render.forbund import variables  # noqa: E402
from finsam.settings import build_date, data_dir  # noqa: E402


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


def define_env(env):
    project = Path(env.conf.config_file_path).parent
    try:
        ds = load_dataset_cached(data_dir(project, env.conf.extra.get("finsam_data")))
    except DataError as err:  # normally stopped earlier by hooks.py
        print(err.report(), file=sys.stderr)
        raise Abort("Bygget avbröts: rätta felen i data/ ovan.") from None
    docs_dir = Path(env.conf["docs_dir"])
    ctx = Context(ds, build_date(), site_pages(docs_dir, ds))
    for name, fn in MACROS.items():
        env.macro(_bind(fn, ctx), name)
    env.variables.update(variables(ctx))

    # The news list on the start page reads the blog's posts from docs/.
    from finsam.nyheter import read_posts
    from finsam.render.start import latest_news

    def senaste_nytt(n: int = 3) -> str:
        """The newest news posts (docs/aktuellt/posts) as a list."""
        return latest_news(read_posts(docs_dir), n)

    env.macro(senaste_nytt, "senaste_nytt")


def site_pages(docs_dir: Path, ds) -> frozenset[str]:
    """Every file in docs/ and every generated page, as paths relative to docs/."""
    written = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()}
    return frozenset(written | {p.path for p in generated_pages(ds)})
