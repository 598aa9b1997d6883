"""MkDocs hook: "Senast uppdaterad" on each page, from git history (see finsam.lastmod).

Sets ``page.meta.senast_uppdaterad`` (Swedish date) and
``page.meta.senast_uppdaterad_iso``; overrides/main.html shows them. No date
outside a git checkout. A generated page is dated by the data files it declares
(finsam.site.page_sources), never guessed from its name.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from finsam import format as fmt  # noqa: E402
from finsam.dataset import load_dataset_cached  # noqa: E402
from finsam.lastmod import LastModified  # noqa: E402
from finsam.settings import data_dir  # noqa: E402
from finsam.site import page_sources  # noqa: E402

_state: dict = {}


def on_config(config):
    project = Path(config.config_file_path).parent
    data = data_dir(project, config.extra.get("finsam_data"))
    _state["lastmod"] = LastModified(project, data)
    _state["sources"] = page_sources(load_dataset_cached(data))  # hooks.py has loaded it: a cache hit
    return config


def on_page_context(context, page, config, nav):
    lastmod: LastModified = _state["lastmod"]
    src = page.file.abs_src_path
    if src and Path(src).is_file():  # docs/, or the förbund's own page in data/sidor/
        day = lastmod.for_source(Path(src), page.meta)
    else:
        day = lastmod.for_generated(_state["sources"].get(page.file.src_uri, ()))
    if day is not None:
        page.meta["senast_uppdaterad"] = fmt.date(day)
        page.meta["senast_uppdaterad_iso"] = day.isoformat()
    return context
