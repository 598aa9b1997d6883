"""Problems found in the data, and how they are reported.

Every problem is tied to a file and, where known, a line and a field path, so a
staff member can find it: ``data/forbund.yaml:12: organisationer[3].typ: ...``.
Messages are in Swedish; they are read by the people who edit the YAML.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

# Characters that would change what a terminal or a CI log shows, or start a new
# line there: C0/C1 controls (NUL, ESC, CR, LF, ...), DEL, Unicode line and
# paragraph separators, and the bidirectional overrides and isolates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: object) -> str:
    """``text`` as one visible line: every control character written as ``\\n``, ``\\x1b``, ``\\u2028``.

    Everything the project prints about data goes through here (file names, field
    paths, messages quoting a value), so a value can never start a new line in the
    output: not a forged ``fil:rad:`` line, not a GitHub workflow command such as
    ``::error``, not a terminal escape sequence.
    """
    text = str(text)
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(_escape_char, text)


def _escape_char(m: re.Match) -> str:
    ch = m.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in named:
        return named[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# How a value still written ATT FYLLA I is reported (finsam.unfilled).
UNFILLED_TEXT = "uppgiften är inte ifylld"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    message: str
    check: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # One line each, whatever the data held: see printable().
        for name in ("file", "path", "message", "check"):
            value = getattr(self, name)
            clean = printable(value)
            if clean is not value:
                object.__setattr__(self, name, clean)

    @property
    def to_fill_in(self) -> bool:
        """A value still written ATT FYLLA I, not a mistake."""
        return self.message.startswith(UNFILLED_TEXT)

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field_part = f" {self.path}:" if self.path else ""
        return f"{where}:{field_part} {self.message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        title = f"Datafel ({self.check})" if self.check else "Datafel"
        props = [f"file={_escape_property(self.file)}"]
        if self.line:
            props.append(f"line={self.line}")
        props.append(f"title={_escape_property(title)}")
        text = f"{self.path}: {self.message}" if self.path else self.message
        return f"::error {','.join(props)}::{_escape_data(text)}"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def display_path(path: Path) -> str:
    """A path as staff see it: relative to the working directory when possible."""
    path = Path(path)
    if not path.is_absolute():
        # Relative to the working directory already: what absolute() and
        # relative_to(cwd) would give back, without making either.
        return str(path)
    return _relative_to_cwd(str(path), os.getcwd())


@functools.lru_cache(maxsize=256)
def _relative_to_cwd(path: str, cwd: str) -> str:
    """An absolute path relative to ``cwd`` when under it (once a path: a file is
    named in every problem about it, and Path.relative_to is slow, slowest raising)."""
    try:
        return str(Path(path).relative_to(cwd))
    except ValueError:  # not under the working directory
        return path


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} fel i data")

    def report(self, github: bool = False) -> str:
        lines = [p.format() for p in self.problems]
        if github:
            # GitHub shows ten annotations per step: the mistakes first, then the
            # values still to fill in (a new year has dozens of those).
            lines += [p.github_annotation() for p in sorted(self.problems, key=lambda p: p.to_fill_in)]
        n = len(self.problems)
        lines.append(
            f"{n} fel i data. Webbplatsen byggs inte förrän "
            f"{'felet är rättat' if n == 1 else 'felen är rättade'}."
        )
        return "\n".join(lines)


def running_in_github_actions() -> bool:
    """True in GitHub Actions, unless FINSAM_ANNOTATIONS=0 (a job that would repeat
    another job's annotations; GitHub's own GITHUB_* variables cannot be overridden)."""
    return os.environ.get("GITHUB_ACTIONS") == "true" and os.environ.get("FINSAM_ANNOTATIONS") != "0"
