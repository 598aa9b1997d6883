"""MkDocs hook: "Senast uppdaterad" on each page, from git history (see finsam.lastmod).

Sets ``page.meta.senast_uppdaterad`` (Swedish date) and
``page.meta.senast_uppdaterad_iso``; overrides/main.html shows them. No date
outside a git checkout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from finsam.lastmod import LastModified  # noqa: E402
from finsam import format as fmt  # noqa: E402
from finsam.settings import data_dir  # noqa: E402

_state: dict = {}


def on_config(config):
    project = Path(config.config_file_path).parent
    _state["lastmod"] = LastModified(project, data_dir(project, config.extra.get("finsam_data")))
    return config


def on_page_context(context, page, config, nav):
    lastmod: LastModified | None = _state.get("lastmod")
    if lastmod is None:
        return context
    src = page.file.abs_src_path
    if src and Path(src).is_file():
        day = lastmod.for_source(Path(src), page.meta)
    else:
        day = lastmod.for_generated(page.file.src_uri)
    if day is not None:
        page.meta["senast_uppdaterad"] = fmt.date(day)
        page.meta["senast_uppdaterad_iso"] = day.isoformat()
    return context
