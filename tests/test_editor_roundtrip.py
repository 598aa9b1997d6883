"""Data survives the form editor: every data file, written back through the
editor's own YAML library (tests/editor_yaml.cjs runs Decap CMS's `yaml` with its
format's steps), keeps its meaning and stays valid. The editor drops comments
and reformats; nothing a check needs may live in either."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import FIXTURE, REAL_DATA, ROOT
from finsam.dataset import load_dataset

SCRIPT = ROOT / "tests" / "editor_yaml.cjs"
CORE = ROOT / "node_modules" / "decap-cms-core" / "package.json"


def _need_editor():
    if shutil.which("node") and CORE.is_file():
        return
    if os.environ.get("FINSAM_QUALITY_STRICT") == "1":
        pytest.fail("node eller node_modules/decap-cms-core saknas (kör npm ci)")
    pytest.skip("node or node_modules/decap-cms-core missing (npm ci)")


@pytest.mark.parametrize("source", [REAL_DATA, FIXTURE], ids=["data", "exempelforbund"])
def test_every_file_written_back_by_the_editor_keeps_its_meaning(tmp_path, source):
    _need_editor()
    copy = tmp_path / "data"
    shutil.copytree(source, copy)
    files = sorted(copy.rglob("*.yaml"))
    args = [str(a) for p in files for a in (p, p)]
    result = subprocess.run(["node", str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not any("#" == line.lstrip()[:1] for p in files for line in p.read_text(encoding="utf-8").splitlines())
    before = load_dataset(source)
    after = load_dataset(copy)  # valid: every model and check passes
    pairs = zip(before.documents(), after.documents(), strict=True)
    for old, new in pairs:
        assert old.path.relative_to(source) == new.path.relative_to(copy)
        assert old.model == new.model, old.display
