"""macros/codecache_hook.py: the build compiles dataclasses' and typing's texts through finsam's store."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import yaml

from conftest import ROOT

PROBE = (
    "import json, codecache_hook\n"
    "from finsam import codecache\n"
    "import finsam.dataset, finsam.render\n"  # what macros/hooks.py imports next: models, views, renderers
    "print(json.dumps({'installed': bool(codecache._installed), 'through_the_store': codecache.reused + codecache.added}))\n"
)


def probe(**env) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "macros"), "PYTHONDONTWRITEBYTECODE": "1", **env},
    )
    return json.loads(out.stdout)


def test_finsam_is_imported_with_the_store_in_place():
    seen = probe()
    assert seen["installed"] and seen["through_the_store"] > 100  # finsam's and pydantic's dataclasses


def test_switched_off_as_validera_is():
    assert probe(FINSAM_CODECACHE="av") == {"installed": False, "through_the_store": 0}


def test_listed_before_the_first_hook_that_imports_finsam():
    hooks = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0].replace("!ENV", ""))["hooks"]
    assert hooks.index("macros/codecache_hook.py") < hooks.index("macros/hooks.py")
    assert hooks[0] == "macros/gc_hook.py"  # which imports no finsam
