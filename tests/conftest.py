"""Shared test helpers: the fixture förbund, edits to a copy of it, building sites.

Built sites are shared: a test that asserts on built HTML takes the session
fixture ``real_site`` or ``fixture_site`` (a Path to the built site, built once per
test run at FINSAM_IDAG=BUILD_DATE, however many pytest-xdist workers share the run)
and reads pages with ``page(site, path)``.
Never write into a shared site. Build a site of your own (``mkdocs_build``) only
when the data must differ, and prefer checking that in-process (``problems_in``,
the macros, the view objects, tests/test_golden.py) over a whole build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock
from sitelinks import soup_of

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "exempelforbund"
REAL_DATA = ROOT / "data"
BUILD_DATE = "2026-11-22"
# The fixture förbund's own address: its data/forbund.yaml says ``webbplats:
# exempeldalen.example``, and its site is built without FINSAM_SITE_URL, so links that
# must be absolute (canonical, the RSS feed) show that the address comes from the data.
FIXTURE_SITE_URL = "https://exempeldalen.example/"

os.environ.setdefault("FINSAM_IDAG", BUILD_DATE)
# The builds and commands the tests start keep Python's bytecode caches (__pycache__/,
# ignored by git), as the Makefile lets them: a shell that sets PYTHONDONTWRITEBYTECODE
# would make each of them compile finsam, ProperDocs and Material from source again.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Each checkout keeps its test runs' temporary directories apart: pytest keeps only the
# newest three numbered directories under its temp root, so where several checkouts run
# tests at once another run's clean-up deletes this run's shared builds mid-session.
_TEMPROOT = Path(tempfile.gettempdir()) / f"finsam-tests-{ROOT.name}"
_TEMPROOT.mkdir(exist_ok=True)
os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", str(_TEMPROOT))
# The data files the tests read (thousands of made-up ones among them) are kept by the
# loader (finsam/yamlcache.py) in a store of the tests' own, not beside finsam's bytecode.
os.environ.setdefault("FINSAM_YAMLCACHE", str(_TEMPROOT / "yaml-store"))


def pytest_addoption(parser):
    parser.addoption(
        "--bless", action="store_true", default=False,
        help="write the current output as the golden snapshots in tests/golden/ (make bless)",
    )


def pytest_collection_modifyitems(config, items):
    """The longest tests (marked ``first``) go first: pytest-xdist hands out work in this
    order, so a long one never starts when the other worker is about to run out."""
    items.sort(key=lambda item: item.get_closest_marker("first") is None)


@pytest.fixture(scope="session")
def bless(request) -> bool:
    """True under ``pytest --bless``: golden tests write their snapshots instead of comparing."""
    return bool(request.config.getoption("--bless"))


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
    env.pop("FINSAM_SITE_URL", None)
    # As make, CI and the benchmark build: macros/ on PYTHONPATH (macros/sitecustomize.py).
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "macros"), *filter(None, [os.environ.get("PYTHONPATH")])])
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


def assert_built_the_same(site: Path, tmp_path: Path, extra_env: dict) -> None:
    """A build of the fixture with ``extra_env`` (a switch turned off) gives ``site``
    (the fixture's shared build) byte for byte, file for file."""
    without = mkdocs_build(tmp_path / "site", data=FIXTURE, extra_env=extra_env)
    assert without.returncode == 0, without.stderr[-3000:]

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    ours, theirs = files(site), files(tmp_path / "site")
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []


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


@dataclass(frozen=True)
class SiteBuild:
    """A finished build: the site directory and the build's process (stdout, stderr)."""

    site: Path
    result: subprocess.CompletedProcess


def _shared_root(tmp_path_factory) -> Path:
    """Where the session's shared builds live: the temporary root of this run, which
    pytest-xdist's workers (each with a directory of its own below it) have in common."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _shared_build(tmp_path_factory, name: str, make_data=None, extra_env: dict | None = None) -> SiteBuild:
    """Build a site once per test run, however many xdist workers ask for it: the first
    builds under a file lock and writes the process's outcome beside the site; the others
    wait for the lock and read it. ``make_data(dir)`` returns the data directory to build
    (None: the real data/), made inside the shared directory."""
    shared = _shared_root(tmp_path_factory) / f"shared-{name}"
    outcome = shared / "build.json"
    with FileLock(str(shared) + ".lock"):
        if not outcome.is_file():
            shared.mkdir(exist_ok=True)
            data = make_data(shared) if make_data is not None else None
            result = mkdocs_build(shared / "site", data=data, extra_env=extra_env)
            outcome.write_text(json.dumps({
                "args": result.args, "returncode": result.returncode,
                "stdout": result.stdout, "stderr": result.stderr,
            }), encoding="utf-8")
    result = subprocess.CompletedProcess(**json.loads(outcome.read_text(encoding="utf-8")))
    assert result.returncode == 0, f"the {name} site does not build:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return SiteBuild(shared / "site", result)


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> SiteBuild:
    """The real site (data/), built once per test run (strict)."""
    return _shared_build(tmp_path_factory, "real")


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory) -> SiteBuild:
    """The fixture förbund's site, built once per test run (its address from its data)."""
    return _shared_build(tmp_path_factory, "fixture", lambda _: FIXTURE)


def add_next_year(data: Path) -> None:
    """Add 2027 to the fixture förbund as data files only (a budget and a plan),
    as staff would: nothing in docs/ or mkdocs.yml changes."""
    budget = (data / "budget" / "2026.yaml").read_text(encoding="utf-8")
    (data / "budget" / "2027.yaml").write_text(
        budget.replace("ar: 2026", "ar: 2027").replace("budget-2026", "budget-2027").replace("Budget 2026", "Budget 2027")
        .replace("ar: 2025}", "ar: 2026}").replace("budget-2025", "budget-2026x").replace("Budget 2025", "Budget 2026"),
        encoding="utf-8",
    )
    plan = (data / "verksamhetsplan" / "2026.yaml").read_text(encoding="utf-8")
    (data / "verksamhetsplan" / "2027.yaml").write_text(plan.replace("ar: 2026", "ar: 2027"), encoding="utf-8")


def _fixture_with_next_year(where: Path) -> Path:
    data = where / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(FIXTURE, data)
    add_next_year(data)
    return data


@pytest.fixture(scope="session")
def fixture_next_year_site(tmp_path_factory) -> Path:
    """The fixture förbund's site with 2027 added as data files only (add_next_year). Read only."""
    return _shared_build(tmp_path_factory, "next-year", _fixture_with_next_year).site


@pytest.fixture(scope="session")
def real_site(real_build) -> Path:
    """Path to the built real site. Read only."""
    return real_build.site


@pytest.fixture(scope="session")
def fixture_site(fixture_build) -> Path:
    """Path to the built fixture förbund's site. Read only."""
    return fixture_build.site


def page(site: Path, path: str) -> BeautifulSoup:
    """A built page, parsed once per session and shared (read it, never change it):
    ``page(real_site, "om/index.html")``; a directory (``"om/"``, ``"om"``, ``""``)
    means its index.html."""
    file = site / path
    if not file.is_file():
        file = file / "index.html"
    assert file.exists(), f"{file.relative_to(site)} was not built"
    return soup_of(file)


def built_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page of a built site (path relative to the site -> parsed page),
    parsed once per session and shared: read them, never change them."""
    from sitelinks import html_pages  # the public pages: not the staff's form editor at admin/

    return {p.relative_to(site).as_posix(): soup_of(p) for p in html_pages(site)}
