"""When each page's content last changed, from git history ("Senast uppdaterad").

One ``git log`` pass gives every file's latest commit date (``%cs``, the
committer date as ÅÅÅÅ-MM-DD). A page's date is the newest of the files it is
made from:

* a hand-written page: its own file in docs/; if it calls macros (``{{``), also
  the data files it names in its front matter under ``data:`` (globs relative to
  the data directory), or, when it names none, every data file;
* a generated page (no file in docs/): the data file with the same name in a
  folder named in the page's path (``ekonomi/budget/2024.md`` <- ``budget/2024.yaml``),
  else those with the same name, else every data file.

Outside a git checkout, in a shallow clone (where every file would get the
date of the one commit fetched; CI checks out with ``fetch-depth: 0``), or for a
file git does not know, there is no date and the page shows none. No MkDocs imports here; macros/lastmod_hook.py adapts it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def git_dates(repo_dir: Path) -> tuple[Path | None, dict[str, dt.date]]:
    """(top-level directory, {path relative to it: date of its last commit}); empty outside git."""
    try:
        top, shallow = subprocess.run(
            ["git", "rev-parse", "--show-toplevel", "--is-shallow-repository"],
            cwd=repo_dir, capture_output=True, text=True, check=True, timeout=30,
        ).stdout.split()
        if shallow == "true":  # a shallow clone would date every file to its one commit
            return None, {}
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "HEAD"],
            cwd=top, capture_output=True, text=True, check=True, timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError, ValueError):
        return None, {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            try:
                current = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
        elif line and current is not None:
            dates.setdefault(line, current)  # newest first: keep the first date seen
    return Path(top), dates


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
        if globs:
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

    def for_generated(self, page_path: str) -> dt.date | None:
        """A generated page (``page_path`` relative to docs/)."""
        page = Path(page_path)
        same_name = [p for p in self._data_files() if p.stem == page.stem]
        # budget/2024.yaml, not verksamhetsplan/2024.yaml, for ekonomi/budget/2024.md
        same_folder = [p for p in same_name if p.parent.name in page.parent.parts]
        return self._newest(same_folder or same_name or self._data_files())
