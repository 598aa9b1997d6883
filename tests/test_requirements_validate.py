"""The data job's requirements (requirements-validate.txt) are a subset of
requirements.txt with the same pins, and enough to validate the data."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def _pins(name):
    out = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", line)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_same_pins_as_the_site():
    site = _pins("requirements.txt")
    for name, version in _pins("requirements-validate.txt").items():
        assert site.get(name) == version, name


def test_validation_imports_nothing_else():
    code = (
        "import sys, io, contextlib\n"
        "from finsam.__main__ import main\n"
        "with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()): main(['validera', 'data'])\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    env_path = str(ROOT / "macros")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    allowed = set(_pins("requirements-validate.txt")) | {"yaml", "pydantic-core", "annotated-types", "typing-inspection", "typing-extensions", "dateutil", "jinja2", "markupsafe"}
    third_party = {m for m in imported if m not in sys.stdlib_module_names and not m.startswith("_") and m not in ("finsam", "sitecustomize", "cython_runtime")}
    norm = {m.replace("_", "-") for m in third_party}
    assert norm <= {a.lower().replace("_", "-") for a in allowed}, norm
