"""Named cross-checks over the whole data set.

A check is a function ``(DataSet) -> Iterable[Problem]`` registered with
``@check(name, description)``. All checks run; their problems are collected and
reported together. The registry also drives the staff guide's list of checks
and the test that every check has a failing example.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from ..problems import Problem, display_path
from ..frozen import frozen


@frozen
class Check:
    name: str
    description: str  # Swedish, for staff
    run: Callable[..., Iterable[Problem]]


CHECKS: dict[str, Check] = {}


def check(name: str, description: str):
    def register(fn):
        if name in CHECKS:  # pragma: no cover - programming error
            raise ValueError(f"check {name} registered twice")
        CHECKS[name] = Check(name, description, fn)
        return fn

    return register


def repeats(values) -> list[int]:
    """Positions of the values that already occurred earlier in ``values``."""
    seen: set = set()
    out = []
    for i, value in enumerate(values):
        if value in seen:
            out.append(i)
        seen.add(value)
    return out


def run_checks(dataset) -> list[Problem]:
    problems: list[Problem] = []
    for c in CHECKS.values():
        problems += [replace(p, check=c.name) for p in run_one(c, dataset)]
    return sorted(set(problems))


def run_one(c: Check, dataset) -> list[Problem]:
    """One check's problems. A check that crashes on valid but unexpected data is a
    fault in the check, not in the data: it becomes one more problem that names the
    check, in Swedish and without a traceback, and the other checks still run
    (the wrapper pattern of rust-lang/team's validator)."""
    found: list[Problem] = []
    try:
        for p in c.run(dataset):
            found.append(p)
    except Exception as err:  # noqa: BLE001 - any crash of any check is reported the same way
        found.append(crash_problem(c.name, dataset, err))
    return found


def crash_problem(name: str, dataset, err: Exception) -> Problem:
    detail = " ".join(str(err).split())
    detail = f"{type(err).__name__}: {detail[:200]}" if detail else type(err).__name__
    return Problem(
        display_path(dataset.root),
        0,
        "",
        f"kontrollen {name} kunde inte köras klart på de här uppgifterna ({detail}). Det är ett fel i "
        "kontrollen, inte nödvändigtvis i dina data: be den som sköter webbplatsen att rätta kontrollen.",
        check=name,
    )


def _register_all() -> None:
    """Import every module of this package: each registers its checks."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


_register_all()
