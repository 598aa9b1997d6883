"""MkDocs hook: the build keeps the code dataclasses and typing compile from text between
processes, as `python -m finsam` does (finsam/codecache.py).

Loading the configuration imports finsam: pydantic and its own dataclasses, the
annotations of pydantic-core's TypedDicts, and finsam's ~100 dataclasses (models'
helpers, views, the frozen ones), each method of which ``dataclasses`` writes as text
and compiles on every build. Listed in mkdocs.yml before macros/hooks.py (the first
hook that imports finsam), this installs the store before any of them is made, and
writes it after a build that compiled something new (as Python writes bytecode: not
under PYTHONDONTWRITEBYTECODE). The store is the one ``validera`` fills: the same texts
give the same code, and nothing the build writes depends on it (the site is the same
byte for byte with ``FINSAM_CODECACHE=av``, which switches it off).
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from finsam import codecache  # noqa: E402  (finsam/__init__.py imports nothing)

codecache.install()


def on_post_build(config):
    codecache.save()
