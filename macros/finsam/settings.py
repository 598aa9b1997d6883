"""Build settings read from the environment (no MkDocs here).

* ``FINSAM_DATA``: the data directory (default ``data`` beside mkdocs.yml); point
  it at another förbund's data to build that förbund's site.
* ``FINSAM_IDAG``: the build date as ÅÅÅÅ-MM-DD (default: today). It decides which
  förbundsordning is in force and which meetings are upcoming; tests fix it.

A value that cannot be used raises ``DataError`` with a Swedish message naming
the variable, so the command line and the build report it like bad data: one
line, no traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from .problems import DataError, Problem

# The years the data's own rules allow (model/base.py: Year), with room for the
# computations that look a year ahead or back.
FIRST_YEAR, LAST_YEAR = 1900, 2199
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _setting_error(name: str, message: str) -> DataError:
    return DataError([Problem(name, 0, "", message)])


def data_dir(project_dir: Path, configured: str | None = None) -> Path:
    from_env = os.environ.get("FINSAM_DATA")
    value = from_env or configured or "data"
    if _CONTROL.search(value):
        raise _setting_error(
            "FINSAM_DATA" if from_env else "finsam_data",
            "sökvägen till datakatalogen innehåller ett styrtecken (t.ex. en radbrytning); skriv om den",
        )
    path = Path(value)
    return path if path.is_absolute() else (project_dir / path)


def build_date() -> dt.date:
    value = os.environ.get("FINSAM_IDAG")
    if not value:
        return dt.date.today()
    shown = value if len(value) <= 40 else value[:39] + "…"
    if not _ISO_DATE.match(value.strip()):
        raise _setting_error("FINSAM_IDAG", f"ska vara ett datum på formen ÅÅÅÅ-MM-DD (t.ex. 2026-03-01), inte '{shown}'")
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _setting_error("FINSAM_IDAG", f"datumet '{shown}' finns inte i kalendern (kontrollera månad och dag)") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise _setting_error(
            "FINSAM_IDAG", f"året {day.year} är orimligt; ange ett datum mellan {FIRST_YEAR} och {LAST_YEAR}"
        )
    return day
