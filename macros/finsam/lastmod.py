"""When each page's content last changed, from git history ("Senast uppdaterad").

One ``git log`` pass gives every file's latest commit date (``%cs``, the
committer date as ÅÅÅÅ-MM-DD). A page's date is the newest of the files it is
made from; it means the content's date, so a commit that only moves a file
(a rename with identical content) does not date it, and the file keeps the
history of its old name.

* a hand-written page (in docs/, or the förbund's own page in data/sidor/): its
  own file; if it calls macros (``{{``), also the data files it names in its front
  matter under ``data:`` (globs relative to the data directory), or, when it
  names none, every data file;
* a generated page: the data files it declares it is made from
  (``GeneratedPage.sources``, see finsam.site.page_sources); none declared, no date.

Outside a git checkout, in a shallow clone (where every file would get the
date of the one commit fetched; CI checks out with ``fetch-depth: 0``), or for a
file git does not know, there is no date and the page shows none. No MkDocs imports here; macros/lastmod_hook.py adapts it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


# (top-level directory, commit) -> the dates: the history up to a commit never changes,
# so a process that builds again (`properdocs serve`) reads the log once per commit.
_by_commit: dict[tuple[str, str], dict[str, dt.date]] = {}


def git_dates(repo_dir: Path) -> tuple[Path | None, dict[str, dt.date]]:
    """(top-level directory, {path relative to it: date of its last commit}); empty outside git."""
    try:
        top, shallow, head = subprocess.run(
            ["git", "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD"],
            cwd=repo_dir, capture_output=True, text=True, check=True, timeout=30,
        ).stdout.split()
        if shallow == "true":  # a shallow clone would date every file to its one commit
            return None, {}
        dates = _by_commit.get((top, head))
        if dates is None:
            log = subprocess.run(
                ["git", "log", "--format=%x00%cs", "--name-status", "-M", head],
                cwd=top, capture_output=True, text=True, check=True, timeout=120,
            ).stdout
            dates = _by_commit[(top, head)] = _dates_from_log(log)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None, {}
    return Path(top), dates


def _dates_from_log(log: str) -> dict[str, dt.date]:
    """{path: date of the newest commit that changed its content}, from ``--name-status -M``, newest first."""
    dates: dict[str, dt.date] = {}
    renamed_to: dict[str, str] = {}  # an older name -> the file's name today
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            try:
                current = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
            continue
        fields = line.split("\t")
        if current is None or len(fields) < 2:
            continue
        status, path = fields[0], fields[-1]
        name = renamed_to.get(path, path)
        if status.startswith(("R", "C")) and len(fields) == 3:
            if status.startswith("R"):
                renamed_to[fields[1]] = name
            if status in ("R100", "C100"):
                continue  # moved or copied, content unchanged: not a content date
        dates.setdefault(name, current)  # newest first: keep the first date seen
    return dates


class LastModified:
    """Dates for pages, given the repository's git dates and the data directory."""

    def __init__(self, repo_dir: Path, data_dir: Path):
        self.top, self.dates = git_dates(repo_dir)
        self.top_resolved = self.top.resolve() if self.top is not None else None
        self.data_dir = Path(data_dir).resolve()
        self._all_data: list[Path] | None = None  # every page asks; the tree is read once
        self._file_dates: dict[Path, dt.date | None] = {}

    def file_date(self, path: Path) -> dt.date | None:
        if self.top_resolved is None:
            return None
        if path not in self._file_dates:
            try:
                rel = Path(path).resolve().relative_to(self.top_resolved)
                self._file_dates[path] = self.dates.get(rel.as_posix())
            except ValueError:
                self._file_dates[path] = None
        return self._file_dates[path]

    def _data_files(self, globs: list[str] | None = None) -> list[Path]:
        if not self.data_dir.is_dir():
            return []
        if globs is not None:  # the page names its data files ("data: []": none)
            return [p for g in globs for p in self.data_dir.glob(g) if p.is_file()]
        if self._all_data is None:
            self._all_data = [p for p in self.data_dir.rglob("*.yaml") if p.is_file()]
        return self._all_data

    def _newest(self, paths) -> dt.date | None:
        dates = [d for d in (self.file_date(p) for p in paths) if d is not None]
        return max(dates) if dates else None

    def for_source(self, source: Path, meta: dict | None = None) -> dt.date | None:
        """A hand-written page (its Markdown file in docs/)."""
        paths = [Path(source)]
        try:
            calls_macros = "{{" in Path(source).read_text(encoding="utf-8")
        except OSError:
            calls_macros = False
        if calls_macros:
            globs = (meta or {}).get("data")
            paths += self._data_files([globs] if isinstance(globs, str) else globs)
        return self._newest(paths)

    def for_generated(self, sources) -> dt.date | None:
        """A generated page, from the data files it declares (paths, or relative to the data directory)."""
        return self._newest([p if Path(p).is_absolute() else self.data_dir / p for p in map(Path, sources)])
