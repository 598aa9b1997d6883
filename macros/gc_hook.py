"""`properdocs build`: Python's cyclic garbage collector waits until the site is configured.

Loading the configuration imports finsam (pydantic, its ~90 model classes, the
renderers, icalendar, Babel) and reads and checks all of data/: hundreds of
thousands of objects that live until the process ends. While they are made,
the collector runs again and again over the growing heap only to find them all
alive (about 0.2 s CPU of a build here, two full collections of it; the twin of
the benchmark, which imports none of this, spends half as much). So, in a build,
the collector is off from this hook's import (the first of the hooks in
mkdocs.yml) until every plugin's ``on_config`` has run, and then what exists is
moved out of its reach (``gc.freeze()``) and it is switched on again: every
later collection looks only at what the pages make. This is what ``python -m
finsam`` does around its imports (finsam/__main__.py).

Only the collection of reference cycles is put off; nothing is freed later than
the process's end would free it, and nothing the build writes depends on it
(tests/test_gc_hook.py compares a build with and without). ``serve`` (a process
that stays up and builds again and again) and every other command keep the
collector as it is. ``FINSAM_GC_FREEZE=0`` switches this off.
"""

from __future__ import annotations

import gc
import os
import sys

from mkdocs.plugins import event_priority

# Whether this process is `properdocs build` (or `mkdocs build`), from its command
# line, known before on_startup: the imports happen while the config is loaded.
_COMMANDS = ("properdocs", "mkdocs")


def building(argv: list[str]) -> bool:
    """True for `properdocs build …`, `python -m properdocs build …` (or mkdocs)."""
    if not argv or os.environ.get("FINSAM_GC_FREEZE", "1") == "0":
        return False
    program = os.path.basename(argv[0])
    if program == "__main__.py":
        program = os.path.basename(os.path.dirname(argv[0]))
    elif program.endswith(".exe"):
        program = program[: -len(".exe")]
    args = [a for a in argv[1:] if not a.startswith("-")]
    return program in _COMMANDS and args[:1] == ["build"]


# Set when this module put the collector off (and must switch it on again).
_held: list[bool] = []

if building(sys.argv) and gc.isenabled():
    gc.disable()
    _held.append(True)


def _release(freeze: bool) -> None:
    if _held:
        _held.clear()
        if freeze:
            gc.freeze()
        gc.enable()


def on_startup(command, dirty):
    if command != "build":
        _release(freeze=False)  # e.g. serve: the collector as usual


@event_priority(-100)  # after every plugin's and hook's on_config (data read, macros imported)
def on_config(config):
    _release(freeze=True)
    return config


def on_shutdown():
    _release(freeze=False)
