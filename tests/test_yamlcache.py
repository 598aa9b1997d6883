"""Data files kept between processes by their bytes (finsam/yamlcache.py) change nothing.

Validation gives the same models, messages and warnings with the store off, empty
and filled, for the fixtures, the real data and every bad input; a result from the
store equals a fresh read (values, their types and lines); what a caller changes
stays out of the store; a file with a problem is never kept; an entry that would
make any other object is not used; another loader is another header; ``python -m
finsam`` fills the store once and then only reads it.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import pycache_stores as stores
from test_validatorcache import every_data_tree

from finsam import yamlcache
from finsam.yamlload import read_yaml_bytes

STORE = stores.Store("yamlcache", "FINSAM_YAMLCACHE", "yaml-data", b"finsam-yaml-1", minimum=10)
env_for, run_all = STORE.env_for, STORE.run_all


@contextmanager
def _empty_store(folder: Path):
    """This process's store, empty, in ``folder`` (as after a first install); as it was after."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("FINSAM_YAMLCACHE", str(folder))
        m.setattr(yamlcache, "_store", {})
        m.setattr(yamlcache, "_used", set())
        m.setattr(yamlcache, "_installed", [True])
        m.setattr(yamlcache, "loaded", 0)
        m.setattr(yamlcache, "added", 0)
        yield folder


@pytest.fixture
def store(tmp_path):
    with _empty_store(tmp_path) as folder:
        yield folder


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> list[Path]:
    return every_data_tree(tmp_path_factory.mktemp("yaml-trees"))


def test_the_same_models_and_messages_with_and_without_the_store(trees, tmp_path):
    off, what_off = run_all(trees, "av")
    cold, what_cold = run_all(trees, str(tmp_path / "store"))
    warm, what_warm = run_all(trees, str(tmp_path / "store"))
    assert what_off == {"installed": False, "loaded": 0, "stored": 0}
    # The trees share most files' bytes: the first read of each is kept, the others come from the store.
    assert what_cold["installed"] and what_cold["stored"] > 20
    # The second time every file read without a problem comes from the store, and nothing is new.
    assert what_warm["loaded"] == what_cold["loaded"] + what_cold["stored"]
    assert what_warm["stored"] == what_cold["stored"]
    assert cold == off and warm == off
    codes = [off[str(t)][0] for t in trees]
    assert codes[:3] == [0, 0, 0] and codes.count(1) >= 50


_scalar = st.one_of(
    st.integers(-10**6, 10**6).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**6).map(str),
    st.sampled_from(["true", "false", "null", "~", "no", "ja", "18:30", "2024-01-01", "''", '"a\\u00e5"', "|\n    två\n    rader"]),
    st.text(alphabet="abcåäö -.,", min_size=1, max_size=12).map(lambda t: f'"{t}"'),
)


@st.composite
def _document(draw) -> str:
    keys = draw(st.lists(st.sampled_from(["namn", "belopp", "ar", "text", "lista", "datum"]), min_size=1, max_size=5, unique=True))
    lines = []
    for key in keys:
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(_scalar)}")
        else:
            lines.append(f"{key}:")
            lines += [f"  - {draw(_scalar)}" for _ in range(draw(st.integers(1, 3)))]
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None)
@given(_document(), st.integers(1, 3))
def test_a_result_from_the_store_is_a_fresh_read(text, first_line):
    with tempfile.TemporaryDirectory() as folder, _empty_store(Path(folder)):
        _fresh_then_stored(text.encode("utf-8"), first_line)


def _fresh_then_stored(raw: bytes, first_line: int) -> None:
    fresh, problems = read_yaml_bytes(raw, Path("data/x.yaml"), first_line=first_line)
    if fresh is None:
        assert problems and not yamlcache._store  # a file with a problem is never kept
        return
    before = yamlcache.loaded
    again, problems = read_yaml_bytes(raw, Path("data/y.yaml"), first_line=first_line)
    assert problems == [] and yamlcache.loaded == before + 1
    assert again.path == Path("data/y.yaml")  # the path is the caller's, not the store's
    assert repr(again.data) == repr(fresh.data)  # the same values of the same types (Decimal stays Decimal)
    assert again.lines.lines == fresh.lines.lines


@pytest.mark.usefixtures("store")
def test_what_a_caller_changes_stays_out_of_the_store():
    raw = b"belopp: 1.50\nlista:\n  - a\n"
    first, _ = read_yaml_bytes(raw, Path("a.yaml"))
    first.data["belopp"] = Decimal("99")
    first.data["lista"].append("b")
    first.lines.lines[("extra",)] = 7
    second, _ = read_yaml_bytes(raw, Path("a.yaml"))
    third, _ = read_yaml_bytes(raw, Path("a.yaml"))
    assert yamlcache.loaded == 2
    assert second.data == {"belopp": Decimal("1.50"), "lista": ["a"]} and ("extra",) not in second.lines.lines
    second.data["lista"].append("c")
    assert third.data["lista"] == ["a"]


@pytest.mark.usefixtures("store")
def test_a_file_with_a_problem_is_never_kept():
    for raw in (b"a: 1\na: 2\n", b"a: 0123\n", b"a: &x 1\nb: *x\n", b"a: [1\n", b"\xff\xfe", b"# bara en kommentar\n"):
        doc, problems = read_yaml_bytes(raw, Path("a.yaml"))
        assert doc is None and problems
    assert yamlcache._store == {} and yamlcache.added == 0


@pytest.mark.usefixtures("store")
def test_an_entry_that_would_make_another_object_is_not_used():
    raw = b"namn: Kalle\n"

    class Evil:
        def __reduce__(self):
            return (print, ("körd",))

    yamlcache._store[yamlcache._key(raw)] = pickle.dumps(({"namn": Evil()}, {}))
    doc, problems = read_yaml_bytes(raw, Path("a.yaml"))
    assert problems == [] and doc.data == {"namn": "Kalle"}  # read afresh
    assert pickle.loads(yamlcache._store[yamlcache._key(raw)]) == ({"namn": "Kalle"}, {(): 1, ("namn",): 1})
    for damaged in (b"", b"\x80\x05garbage", pickle.dumps(({"namn": "Kalle"}, "not lines"))):
        yamlcache._store[yamlcache._key(raw)] = damaged
        assert read_yaml_bytes(raw, Path("a.yaml"))[0].data == {"namn": "Kalle"}


def test_another_loader_is_another_header(monkeypatch, tmp_path):
    header = yamlcache._header()
    copy = tmp_path / "finsam"
    copy.mkdir()
    here = Path(yamlcache.__file__).parent
    for name in yamlcache._SOURCES:
        (copy / name).write_bytes((here / name).read_bytes())
    monkeypatch.setattr(yamlcache, "__file__", str(copy / "yamlcache.py"))
    assert yamlcache._header() == header
    (copy / "yamlload.py").write_bytes((here / "yamlload.py").read_bytes() + b"\n# changed\n")
    assert yamlcache._header() != header


def test_the_oldest_unused_go_first_when_it_is_full(store, monkeypatch):
    monkeypatch.setattr(yamlcache, "MAX_ENTRIES", 3)
    for i in range(3):
        read_yaml_bytes(f"a: {i}\n".encode(), Path("a.yaml"))
    yamlcache.save()
    yamlcache._used.clear()
    read_yaml_bytes(b"a: 0\n", Path("a.yaml"))  # used again, from the store
    read_yaml_bytes(b"a: 3\n", Path("a.yaml"))  # new: one must go
    yamlcache.save()
    kept = {pickle.loads(v)[0]["a"] for v in yamlcache._store.values()}
    assert kept == {0, 2, 3}


def test_the_command_line_fills_the_store_once_then_only_reads_it(tmp_path):
    stores.fills_once_then_only_reads(STORE, tmp_path)


def test_another_python_or_a_file_cut_short_is_not_read(tmp_path):
    stores.another_python_or_a_file_cut_short_is_not_read(STORE, tmp_path)


def test_not_written_where_python_writes_no_bytecode(tmp_path):
    stores.not_written_where_python_writes_no_bytecode(STORE, tmp_path)


def test_loading_the_data_twice_reads_it_from_the_store(tmp_path):
    """load_dataset (the build's hooks and macros, and validation, read the data with it):
    the second time every file comes from the store, and the file is not written again."""
    code = ("from pathlib import Path\nfrom finsam import yamlcache\nfrom finsam.dataset import load_dataset\n"
            "load_dataset(Path(sys.argv[1]))\nprint(yamlcache.loaded, len(yamlcache._store))\n")
    out = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", "import sys\n" + code, str(stores.FIXTURE)],
                              env=env_for(str(tmp_path)), capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        out.append(list(map(int, done.stdout.split())))
    (loaded_first, stored_first), (loaded_second, stored_second) = out
    assert loaded_first == 0 and stored_first > 10
    assert loaded_second == stored_first == stored_second
