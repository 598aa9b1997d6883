"""What finsam keeps beside Python's bytecode (finsam/codecache.py, finsam/regexcache.py,
finsam/yamlcache.py), tested alike: each store's own test module describes it with a ``Store`` and calls the
shared tests below (filled once then only read, a broken file not read, nothing
written where Python writes no bytecode)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import BUILD_DATE, FIXTURE, ROOT
from test_validatorcache import VALIDATE_ALL


@dataclass(frozen=True)
class Store:
    module: str  # finsam.<module>, with install(), save(), loaded and _store
    variable: str  # its setting: "av" off, a folder, or unset (beside the bytecode)
    file_prefix: str  # its file's name before ".<cache tag>.marshal"
    tag: bytes  # the first line of its file's header, without the newline
    minimum: int  # entries one validation of the fixture stores at least
    counters: tuple[str, ...] = ()  # further counters of the module to print
    unset: tuple[str, ...] = ()  # environment variables the runs must not inherit

    def with_store(self) -> str:
        """VALIDATE_ALL of test_validatorcache, with the store installed first as `python
        -m finsam` does it, and saved at the end; prints what the store did last."""
        m = self.module
        counters = "".join(f", '{c}': {m}.{c}" for c in self.counters)
        return (f"from finsam import {m}\ninstalled = {m}.install()\n" + VALIDATE_ALL
                + f"{m}.save()\nprint(json.dumps({{'installed': installed, 'loaded': {m}.loaded{counters}, "
                f"'stored': len({m}._store)}}))\n")

    def env_for(self, store: str) -> dict:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "macros"), FINSAM_IDAG=BUILD_DATE, **{self.variable: store})
        for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", *self.unset):
            env.pop(name, None)
        return env

    def run_all(self, trees: list[Path], store: str) -> tuple[dict, dict]:
        done = subprocess.run([sys.executable, "-c", self.with_store(), *map(str, trees)], env=self.env_for(store),
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        *_, results, what = done.stdout.splitlines()
        return json.loads(results)["results"], json.loads(what)

    def store_file(self, folder: Path) -> Path:
        return folder / f"{self.file_prefix}.{sys.implementation.cache_tag}.marshal"


def fills_once_then_only_reads(store: Store, tmp_path: Path) -> None:
    env = store.env_for(str(tmp_path))
    command = [sys.executable, "-m", "finsam", "validera", str(FIXTURE)]
    first = subprocess.run(command, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    path = store.store_file(tmp_path)
    stored = path.read_bytes()
    os.utime(path, ns=(1, 1))
    second = subprocess.run(command, env=env, capture_output=True, text=True)
    assert second.returncode == 0 and second.stdout.split("(")[0] == first.stdout.split("(")[0]
    assert second.stderr == first.stderr
    assert path.stat().st_mtime_ns == 1 and path.read_bytes() == stored  # nothing new to write


def another_python_or_a_file_cut_short_is_not_read(store: Store, tmp_path: Path) -> None:
    store.run_all([FIXTURE], str(tmp_path))
    path = store.store_file(tmp_path)
    whole = path.read_bytes()
    other = store.tag[:-1] + bytes([store.tag[-1] - 1])  # another version of the format
    for broken in (whole.replace(store.tag, other, 1), whole[:-100], b"", store.tag + b"\n"):
        path.write_bytes(broken)
        results, what = store.run_all([FIXTURE], str(tmp_path))
        assert what["loaded"] == 0 and what["stored"] > store.minimum, broken[:20]
        assert path.read_bytes() != broken  # written again, whole
    assert store.run_all([FIXTURE], str(tmp_path))[1]["loaded"] > store.minimum


def not_written_where_python_writes_no_bytecode(store: Store, tmp_path: Path) -> None:
    env = store.env_for("")
    env.pop(store.variable)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "finsam", "validera", str(FIXTURE)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.rglob(f"{store.file_prefix}.*"))
