"""pydantic's validators kept between processes (finsam/validatorcache.py) change nothing.

Data trees are validated in fresh processes three ways: with the cache off, with an
empty cache (pydantic makes every validator and it is stored; the good trees only) and
with the cache that run left (every validator is loaded). Each must give the same models (their
repr, every field) and the same messages, exit codes and warnings for: the fixture
förbund, the fixture with a next year, the real data and every case of the bad-input
corpus (tests/bad_inputs/). A stale, cut-short or mismatched file must not be used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_DATE, FIXTURE, REAL_DATA, ROOT, add_next_year
from test_bad_inputs import CASES, apply_case, copy_fixture

# Run in a fresh process: validates each tree given as `validera` does, prints one JSON line.
VALIDATE_ALL = r"""
import json, sys
from pathlib import Path
from finsam.dataset import load_dataset
from finsam.notices import report
from finsam.nyheter import post_problems
from finsam.problems import DataError
from finsam.sidor import own_pages_dir
from finsam import validatorcache

results = {}
for tree in map(Path, sys.argv[1:]):
    posts = [repr(p) for p in post_problems(own_pages_dir(tree))]  # news posts: a model of their own
    try:
        ds = load_dataset(tree)
        results[str(tree)] = [0, posts, [repr(d.model) for d in ds.documents()], report(ds)]
    except DataError as err:
        results[str(tree)] = [1, posts, [repr(p) for p in err.problems], err.report(github=False)]
print(json.dumps({"results": results, "restored": sorted(set(validatorcache.restored)),
                  "made": sorted(set(validatorcache.made))}))
"""


def run_all(trees: list[Path], cache: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "macros"), FINSAM_IDAG=BUILD_DATE, FINSAM_VALIDATORCACHE=cache)
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run([sys.executable, "-c", VALIDATE_ALL, *map(str, trees)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> list[Path]:
    return every_data_tree(tmp_path_factory.mktemp("trees"))


def every_data_tree(where: Path) -> list[Path]:
    """The fixture, the real data, the fixture a year on, and every bad input (made under ``where``)."""
    out = [FIXTURE, REAL_DATA]
    out.append(copy_fixture(where / "next-year"))
    add_next_year(out[-1])
    for case in CASES:
        data = copy_fixture(where / case["name"])
        apply_case(case, data)
        out.append(data)
    return out


def test_the_same_models_and_messages_with_and_without_the_cache(trees, tmp_path):
    off = run_all(trees, "av")
    good = trees[:3]  # between them, every model reading data/ needs
    cold = run_all(good, str(tmp_path / "cache"))
    warm = run_all(trees, str(tmp_path / "cache"))
    assert off["restored"] == off["made"] == [], "the cache was used although it was off"
    assert cold["restored"] == [] and cold["made"], "an empty cache was not filled"
    assert warm["made"] == [] and warm["restored"] == cold["made"], "the stored validators were not all used"
    for tree in map(str, good):
        assert cold["results"][tree] == off["results"][tree], tree
    for tree in map(str, trees):
        assert warm["results"][tree] == off["results"][tree], tree
    # The corpus really exercised the validators: bad cases failed, the good trees passed.
    codes = [off["results"][str(t)][0] for t in trees]
    assert codes[:3] == [0, 0, 0] and codes.count(1) >= 50


def test_a_stale_or_broken_file_is_not_used(tmp_path):
    cache = tmp_path / "cache"
    first = run_all([FIXTURE], str(cache))
    files = sorted(cache.glob("*.pickle"))
    assert files and first["made"]
    budget = cache / "finsam.model.budget.Budget.pickle"
    header, _, payload = budget.read_bytes().partition(b"\n\n")
    lines = header.split(b"\n")
    # Another key (a model, a pin or Python changed): made again and stored over it.
    budget.write_bytes(b"\n".join([lines[0], b"0" * 64, lines[2]]) + b"\n\n" + payload)
    # Cut short: the payload does not match its digest.
    kallor = cache / "finsam.model.kallor.Kallor.pickle"
    kallor.write_bytes(kallor.read_bytes()[:-10])
    again = run_all([FIXTURE], str(cache))
    assert sorted(again["made"]) == ["Budget", "Kallor"]
    assert again["results"] == first["results"]
    assert run_all([FIXTURE], str(cache))["made"] == []


def test_a_file_with_the_right_key_but_another_validator_fails_loudly(tmp_path):
    cache = tmp_path / "cache"
    run_all([FIXTURE], str(cache))
    kallor = (cache / "finsam.model.kallor.Kallor.pickle").read_bytes()
    budget = cache / "finsam.model.budget.Budget.pickle"
    budget_header = budget.read_bytes().partition(b"\n\n")[0].split(b"\n")
    kallor_header, _, kallor_payload = kallor.partition(b"\n\n")
    budget.write_bytes(b"\n".join([budget_header[0], budget_header[1], kallor_header.split(b"\n")[2]]) + b"\n\n" + kallor_payload)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "macros"), FINSAM_IDAG=BUILD_DATE, FINSAM_VALIDATORCACHE=str(cache))
    done = subprocess.run([sys.executable, "-m", "finsam", "validera", str(FIXTURE)], env=env, capture_output=True, text=True)
    assert done.returncode != 0
    assert "ValidatorCacheError" in done.stderr and "not the validator of Budget" in done.stderr


def test_the_key_follows_the_models_text(monkeypatch):
    from finsam import validatorcache
    from finsam.model.budget import Budget
    from finsam.model.kallor import Kallor

    assert validatorcache.key(Budget) != validatorcache.key(Kallor)
    before = validatorcache.key(Budget)
    base = os.path.abspath(validatorcache.base.__file__)
    monkeypatch.setattr(validatorcache, "_common", [])
    monkeypatch.setitem(validatorcache._sources, base, b"changed")
    assert validatorcache.key(Budget) != before
