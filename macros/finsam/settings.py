"""Build settings read from the environment (no MkDocs here).

* ``FINSAM_DATA``: the data directory (default ``data`` beside mkdocs.yml); point
  it at another förbund's data to build that förbund's site.
* ``FINSAM_IDAG``: the build date as ÅÅÅÅ-MM-DD (default: today). It decides which
  förbundsordning is in force and which meetings are upcoming; tests fix it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path


def data_dir(project_dir: Path, configured: str | None = None) -> Path:
    value = os.environ.get("FINSAM_DATA") or configured or "data"
    path = Path(value)
    return path if path.is_absolute() else (project_dir / path)


def build_date() -> dt.date:
    value = os.environ.get("FINSAM_IDAG")
    if value:
        return dt.date.fromisoformat(value)
    return dt.date.today()
