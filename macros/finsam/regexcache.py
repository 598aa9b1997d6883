"""Regular expressions compiled in an earlier process, put into ``re``'s own cache.

Every module that validating imports compiles its regular expressions when it is
imported, on every start: about 70 patterns (PyYAML's reader and resolver, the
standard library's platform and fractions, pydantic, finsam's own). Compiling them
is about a tenth of the instructions of ``python -m finsam validera``; one pattern
alone, PyYAML's ``Reader.NON_PRINTABLE`` (a class of characters up to U+10FFFF),
is six per cent.

``re.compile(pattern, flags)`` (and ``re.match`` and the rest) first looks the
pattern up in ``re._cache``, keyed by ``(type(pattern), pattern, flags)``, and
compiles only what is not there. A compiled pattern is made by
``_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`` from a list
of integers (the pattern's program for the regular expression engine) that
``re._compiler`` computes in Python. ``save()``, at the end of a command, keeps
those arguments for every pattern in ``re._cache`` that the store lacks;
``install()``, at the start of a later command and before anything else is imported,
makes the patterns again from them with ``_sre.compile`` and puts them into
``re._cache``. Nothing of ``re`` is replaced: a pattern the store has is found in
the cache as if this process had compiled it already; any other is compiled as usual.

What is stored is exactly what ``re._compiler.compile`` passed to ``_sre.compile``
(``save()`` compiles the pattern once more, recording the call), and it is kept only
when the pattern made from it is equal to the one in the cache (``re.Pattern``
equality compares the pattern, its flags and its program) with the same groups.
The file is kept beside Python's bytecode (``finsam/__pycache__/``, or under
``sys.pycache_prefix``), named by this Python's cache tag and headed by its bytecode
magic number, full version and the regular expression engine's magic number; any
other header, or a file cut short, is not read (everything is compiled again). It is
written where and when Python writes bytecode (not under PYTHONDONTWRITEBYTECODE),
whole or not at all, only when this process compiled a pattern the store lacks.
If ``re`` keeps no ``_cache`` dictionary (a later Python), nothing is installed and
tests/test_regexcache.py fails, so it is seen.

``FINSAM_REGEXCACHE=av`` turns it off; ``FINSAM_REGEXCACHE=<mapp>`` keeps the file in
that folder (and writes it even under PYTHONDONTWRITEBYTECODE).
"""

import _sre
import importlib.util
import os
import re
import sys
from re import _compiler

from .pycache import read_store, store_path, write_store

_FORMAT = b"finsam-regex-1\n"
# re's cache holds 512 patterns (3.11); the store keeps at most half of that, so that
# patterns made from data at run time cannot grow it (nor have it rewritten) forever.
MAX_ENTRIES = 256

# (pattern, flags) -> the arguments of _sre.compile; re._cache keys the pattern made
# from them by (type(pattern), pattern, flags).
_store: dict[tuple, tuple] = {}
_installed: list[bool] = []
# What this process did (tests read these): patterns put into re's cache from the
# file, and patterns added to the store by save().
loaded = 0
added = 0


def _setting() -> str:
    return os.environ.get("FINSAM_REGEXCACHE", "")


def _path() -> tuple[str, bool]:
    """The file, and whether this process may write it."""
    return store_path(f"compiled-regex.{sys.implementation.cache_tag}.marshal", _setting())


def _header() -> bytes:
    return _FORMAT + importlib.util.MAGIC_NUMBER + f"\n{sys.version}\n{_sre.MAGIC} {_sre.CODESIZE}\n".encode()


def _cache():
    """re's own cache, when it is the dictionary this module assumes; else None."""
    cache = getattr(re, "_cache", None)
    return cache if type(cache) is dict else None


def _load() -> dict:
    return read_store(_path()[0], _header())  # another Python or engine: empty


def install() -> bool:
    """Put the stored patterns into re's cache; True when the store is in place."""
    global loaded
    if _installed:
        return True
    cache = _cache()
    if _setting() == "av" or cache is None:
        return False
    for (pattern, flags), arguments in _load().items():
        key = (type(pattern), pattern, flags)
        if key not in cache:
            cache[key] = _sre.compile(*arguments)
        _store[pattern, flags] = arguments
        loaded += 1
    _installed.append(True)
    return True


class _Recorder:
    """``_sre`` as ``re._compiler`` sees it while ``save()`` compiles a pattern again:
    everything passed through, and the arguments of ``compile`` kept."""

    def __init__(self):
        self.arguments = None

    def compile(self, *arguments):
        self.arguments = arguments
        return _sre.compile(*arguments)

    def __getattr__(self, name):
        return getattr(_sre, name)


def _arguments(pattern, flags: int):
    """What ``re._compiler.compile(pattern, flags)`` passes to ``_sre.compile``."""
    recorder = _Recorder()
    _compiler._sre = recorder
    try:
        _compiler.compile(pattern, flags)
    finally:
        _compiler._sre = _sre
    if recorder.arguments is None or len(recorder.arguments) != 6:
        return None  # another engine's compile: nothing kept
    pattern, flags, code, groups, groupindex, indexgroup = recorder.arguments
    # re._compiler writes the program with named int constants (OPCODES); marshal
    # keeps plain ints only, and _sre reads them as ints either way.
    return pattern, int(flags), [int(c) for c in code], int(groups), dict(groupindex), tuple(indexgroup)


def _same(made: re.Pattern, compiled: re.Pattern) -> bool:
    return made == compiled and made.groups == compiled.groups and made.groupindex == compiled.groupindex


def save() -> None:
    """Keep the patterns in re's cache that the store lacks (the file written whole or not at all)."""
    global added
    cache = _cache()
    if not _installed or cache is None:
        return
    path, writable = _path()
    if not writable:
        return
    for (kind, pattern, flags), compiled in list(cache.items()):
        if (pattern, flags) in _store or len(_store) >= MAX_ENTRIES:
            continue
        if kind not in (str, bytes) or type(pattern) is not kind or type(flags) is not int:
            continue
        if not isinstance(compiled, re.Pattern):
            continue
        arguments = _arguments(pattern, flags)
        if arguments is not None and _same(_sre.compile(*arguments), compiled):
            _store[pattern, flags] = arguments
            added += 1
    if not added:
        return
    if write_store(path, _header(), _store):
        added = 0
