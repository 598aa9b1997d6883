"""The benchmark's synthetic data stays valid (the benchmark itself is `make bench`, not a test)."""

import importlib.util

import pytest
from conftest import FIXTURE, REAL_DATA, ROOT

from finsam.dataset import load_dataset

spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.parametrize("source", [REAL_DATA, FIXTURE], ids=["real", "fixture"])
@pytest.mark.parametrize("years", [1, 5, 25])
def test_scaled_data_is_valid(tmp_path, source, years):
    data, how = bench.scaled_data(source, years, tmp_path / "data")
    ds = load_dataset(data)
    if "per-year" not in how:  # one förbundsordning version per year instead
        assert len(ds.forbundsordningar) == len(load_dataset(source).forbundsordningar) + years - 1


def test_output_path_outside_the_project_is_named_whole(tmp_path):
    # `benchmarks/run.py --out /tmp/x.md` wrote the report, then crashed naming it.
    assert bench.shown(tmp_path / "x.md") == str((tmp_path / "x.md").resolve())
    assert bench.shown(ROOT / "benchmarks" / "results.md") == "benchmarks/results.md"


def test_instructions_are_summed_over_every_process(tmp_path):
    # cachegrind writes one file per process (the build and each git command it runs).
    (tmp_path / "cg.101").write_text("desc: --cache-sim=no\ncmd: python\nevents: Ir\nfl=x\n1 5\nsummary: 1200\n")
    (tmp_path / "cg.102").write_text("events: Ir\nsummary: 34\n")
    (tmp_path / "other.txt").write_text("summary: 999\n")
    assert bench.cachegrind_total(tmp_path) == 1234
