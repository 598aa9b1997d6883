"""MkDocs hook: keep the theme's compiled Jinja templates between builds.

Material's templates are compiled from source on every build (about a quarter
of a second here; see benchmarks/results.md). A bytecode cache on the theme's
Jinja environment keeps the compiled code on disk in ``.cache/jinja/`` beside
mkdocs.yml (gitignored, outside docs/ and site/). Jinja keys each entry by the
template's path and a checksum of its source, so an edited or upgraded
template is compiled afresh; the output is the same as without the cache.
``FINSAM_JINJA_CACHE=0`` switches it off.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def on_env(env, config, files):
    if os.environ.get("FINSAM_JINJA_CACHE", "1") == "0":
        return env
    directory = Path(config.config_file_path).parent / ".cache" / "jinja"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout builds without the cache
        return env
    env.bytecode_cache = FileSystemBytecodeCache(str(directory), "theme-%s.cache")
    return env
