"""Values marked ``# ATT FYLLA I`` (to be filled in) stop validation and the build.

``python -m finsam nytt-ar`` leaves next year's figures unset with this mark, so
the site asks for them instead of publishing last year's figures as new. Staff
may also use the mark themselves for a value they have not got yet.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem, display_path
from .yamlload import LineMap, format_path

MARK = "ATT FYLLA I"
MARK_COMMENT = f"# {MARK}"
MARK_RE = re.compile(r"#\s*ATT FYLLA I\b")
YEAR_STEM = re.compile(r"^(\d{4})$")


def unfilled_problems(path: Path, lines: LineMap) -> list[Problem]:
    """A problem for every value still marked ``# ATT FYLLA I`` in ``path``."""
    text = Path(path).read_text(encoding="utf-8")
    if not MARK_RE.search(text):
        return []
    # The field on each line: the deepest named key (``andelar``, not ``andelar[2]``,
    # for a list written on one line), else the deepest position.
    by_line: dict[int, tuple] = {}
    for key_path, line in lines.lines.items():
        rank = (bool(key_path) and isinstance(key_path[-1], str), len(key_path))
        best = by_line.get(line)
        if best is None or rank > (bool(best) and isinstance(best[-1], str), len(best)):
            by_line[line] = key_path
    m = YEAR_STEM.match(Path(path).stem)
    year = f" för {m.group(1)}" if m else ""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if MARK_RE.search(line) and not line.lstrip().startswith("#"):
            problems.append(
                Problem(
                    display_path(path),
                    number,
                    format_path(by_line.get(number, ())),
                    f"uppgiften är inte ifylld{year} (markerad '{MARK_COMMENT}'). Skriv in det beslutade "
                    "värdet och ta bort markeringen; skriv null om uppgiften verkligen inte är känd.",
                )
            )
    return problems
