"""Shared test helpers: the fixture förbund, edits to a copy of it, building sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "exempelforbund"
REAL_DATA = ROOT / "data"
BUILD_DATE = "2026-11-22"

os.environ.setdefault("FINSAM_IDAG", BUILD_DATE)


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A private copy of the fixture förbund's data, safe to edit."""
    dest = tmp_path / "data"
    shutil.copytree(FIXTURE, dest)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of ``old`` in a data file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_in(data: Path):
    """Every problem the loader and the checks find, as formatted lines."""
    from finsam.dataset import load_dataset
    from finsam.problems import DataError

    try:
        load_dataset(data)
    except DataError as err:
        return [p.format() for p in err.problems]
    return []


def mkdocs_build(site_dir: Path, data: Path | None = None, extra_env: dict | None = None):
    """Build the real site (strict, with ProperDocs) into ``site_dir``; returns the finished process."""
    env = dict(os.environ, FINSAM_IDAG=BUILD_DATE)
    env.pop("FINSAM_DATA", None)
    if data is not None:
        env["FINSAM_DATA"] = str(data)
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def assert_check_reports(data: Path, name: str, target: str, old: str, new: str) -> None:
    """Break ``target`` (relative to ``data``) and assert that the check ``name``
    reports it, in that file and with a line number."""
    from finsam.dataset import load_dataset
    from finsam.problems import DataError

    edit(data / target, old, new)
    with pytest.raises(DataError) as err:
        load_dataset(data)
    named = [p for p in err.value.problems if p.check == name]
    assert named, [p.format() for p in err.value.problems]
    assert all(p.file.endswith(target) and p.line > 0 for p in named), [p.format() for p in named]
