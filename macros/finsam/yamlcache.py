"""Data files read in an earlier process, kept by their bytes: the loader's result again.

Reading a data file (finsam/yamlload.py) means PyYAML composing its nodes, then the
loader building every value by hand with its line, checking each for characters and
tags. A file's result (its values and their lines) depends on nothing but the file's
bytes, where it starts (a news post's front matter starts on line 2) and the code
that reads it. At 25 years of data the build reads about 200 files, about 120 ms of
CPU, nearly all of them unchanged since the previous build; the same result from
here takes about 8 ms.

``lookup(raw)`` gives the stored result of the bytes ``raw`` (as ``read_yaml_bytes``
has them, the lines before the front matter included), or None; ``keep(raw, data,
lines)`` stores a result; ``save()``, at the end of reading the data, writes the file
when something was kept. Only a file read without a single problem is kept: a file
with problems is read again every time, so its messages are always made afresh. The
key is a BLAKE2 digest of the bytes; the file's header names this format, Python's
version, PyYAML's version and whether libyaml is used, and a digest of the loader's
own source (yamlload.py, problems.py and this file): another loader, PyYAML or
Python, or a file cut short, and nothing is read from it (every file is read
afresh, and the store written again). Each value comes from ``pickle`` (values are
text, numbers, ``Decimal``, true/false, null, lists and mappings), through an
unpickler that makes no object but those; a lookup gives new objects every time,
so nothing a caller changes reaches the store or another caller.

The file is kept beside Python's bytecode (``finsam/__pycache__/``, or under
``sys.pycache_prefix``), written where and when Python writes bytecode (not under
PYTHONDONTWRITEBYTECODE), whole or not at all (finsam/pycache.py). It holds at most
``MAX_ENTRIES`` files' results; when more are kept, those not used by this process
go first, the oldest first.

``FINSAM_YAMLCACHE=av`` turns it off; ``FINSAM_YAMLCACHE=<mapp>`` keeps the file in
that folder (and writes it even under PYTHONDONTWRITEBYTECODE).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .pycache import read_store, store_path, write_store

_FORMAT = b"finsam-yaml-1\n"
# About five times the files of 25 years of data: several data sets (the real one,
# the benchmark's, a copy staff try something in) stay in it.
MAX_ENTRIES = 1000
_SOURCES = ("yamlload.py", "problems.py", "yamlcache.py")

_store: dict[bytes, bytes] = {}  # digest of the bytes -> pickle of (values, lines)
_used: set[bytes] = set()
_installed: list[bool] = []
# What this process did (tests read these): results given from the store, and kept in it.
loaded = 0
added = 0


def _setting() -> str:
    return os.environ.get("FINSAM_YAMLCACHE", "")


def _path() -> tuple[str, bool]:
    """The file, and whether this process may write it."""
    return store_path(f"yaml-data.{sys.implementation.cache_tag}.marshal", _setting())


def _header() -> bytes:
    here = Path(__file__).parent
    code = hashlib.blake2b(digest_size=16)
    for name in _SOURCES:
        code.update((here / name).read_bytes())
    with_libyaml = getattr(yaml, "__with_libyaml__", False)
    return _FORMAT + f"{sys.version}\nPyYAML {yaml.__version__} libyaml {with_libyaml}\n{code.hexdigest()}\n".encode()


def install() -> bool:
    """Read the file (once per process); True when the store is in use."""
    if _installed:
        return _installed[0]
    on = _setting() != "av"
    if on:
        _store.update(read_store(_path()[0], _header()))
    _installed.append(on)
    return on


class _Unpickler(pickle.Unpickler):
    """Makes the values a data file can hold and nothing else."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("decimal", "Decimal"):
            return Decimal
        raise pickle.UnpicklingError(f"{module}.{name} hör inte hemma i en datafil")


def _key(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=20).digest()


def lookup(raw: bytes) -> tuple[Any, dict] | None:
    """The values and lines of the file ``raw``, from the store; None when it lacks them."""
    global loaded
    if not install():
        return None
    key = _key(raw)
    stored = _store.get(key)
    if stored is None:
        return None
    try:
        data, lines = _Unpickler(io.BytesIO(stored)).load()
    except Exception:  # noqa: BLE001 - a damaged entry: read the file afresh, and keep that
        del _store[key]
        return None
    if type(lines) is not dict:
        del _store[key]
        return None
    _used.add(key)
    loaded += 1
    return data, lines


def keep(raw: bytes, data: Any, lines: dict) -> None:
    """Store the result of reading ``raw`` (a file read without problems)."""
    global added
    if not install():
        return
    key = _key(raw)
    if key in _store:
        return
    try:
        _store[key] = pickle.dumps((data, lines), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a value pickle cannot write: read afresh next time
        return
    _used.add(key)
    added += 1


def save() -> None:
    """Write the file when this process kept something (whole or not at all)."""
    global added
    if not added or not _installed or not _installed[0]:
        return
    path, writable = _path()
    if not writable:
        return
    if len(_store) > MAX_ENTRIES:
        unused = [k for k in _store if k not in _used]
        for key in unused[: len(_store) - MAX_ENTRIES]:
            del _store[key]
    if write_store(path, _header(), _store):
        added = 0
