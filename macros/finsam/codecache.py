"""Code the standard library compiles from text on every start, kept between processes.

``dataclasses`` writes each method of every dataclass (``__init__``, ``__repr__``,
``__eq__``, the frozen ``__setattr__`` ...) as source text and compiles it with
``exec``; ``typing`` compiles each string annotation it meets (pydantic-core's
core_schema: 79 TypedDicts, about 740 annotations) into a ``ForwardRef`` with
``compile``. Validating the data makes about 290 dataclass methods (pydantic's,
annotated_types' and finsam's own) and those 740 annotations from the same texts on
every run: parsing and compiling them was about 15 % of the instructions of
``python -m finsam validera``.

``install()``, called by ``python -m finsam`` before anything else is imported, gives
those two modules a compile that keeps each code object it makes, keyed by the text,
the mode (exec or eval) and the ``__future__`` flags the caller would have passed on,
and reuses it in later processes. A code object compiled from the same text, with the
same flags, by the same Python is the same code: it is what Python's own bytecode
caches (.pyc files) hold, marshalled as here. The file is kept beside that bytecode
(``finsam/__pycache__/``, or under ``sys.pycache_prefix``), named by this Python's
cache tag and headed by its bytecode magic number, version and optimisation level;
any other header, or a file cut short, is not read (everything is compiled again).
It is written where and when Python writes bytecode (not under
PYTHONDONTWRITEBYTECODE), whole or not at all, at the end of a command that
compiled something new (``save()``).

Only names are given, nothing is replaced: ``dataclasses.exec`` and ``typing.compile``
are module globals that shadow the builtins for those two modules alone, and each
does exactly what the builtin does (same globals and locals, same inherited
``__future__`` flags, same file name ``<string>``, same errors) with the code taken
from the store when it has it. A call of any other form goes to the builtin
unchanged. If a Python release defines either name itself, nothing is installed
(tests/test_codecache.py fails on that, so it is seen). The cached code is compared
with a fresh compile of every stored text by that test, and validation gives the same
models and messages with and without it.

``FINSAM_CODECACHE=av`` turns it off; ``FINSAM_CODECACHE=<mapp>`` keeps the file in
that folder (and writes it even under PYTHONDONTWRITEBYTECODE).
"""

import __future__
import builtins
import dataclasses
import importlib.util
import os
import sys
import types
import typing

from .pycache import read_store, store_path, write_store

_FORMAT = b"finsam-code-1\n"
# Enough for every dataclass and annotation finsam, pydantic and their imports make;
# texts beyond it (made at run time from data, say) are compiled as usual, not kept.
MAX_ENTRIES = 5000
# The flags a compile inherits from the calling code: its __future__ imports
# (nested_scopes and generators are no longer flags that compile takes).
_FUTURE = 0
for _name in __future__.all_feature_names:
    if _name not in ("nested_scopes", "generators"):
        _FUTURE |= getattr(__future__, _name).compiler_flag
del _name

_store: dict[tuple, types.CodeType] = {}
_installed: dict[types.ModuleType, str] = {}
# What this process did (tests and the benchmark read these): entries read from the
# file, compiles answered from the store, texts compiled and kept.
loaded = 0
reused = 0
added = 0


def _setting() -> str:
    return os.environ.get("FINSAM_CODECACHE", "")


def _path() -> tuple[str, bool]:
    """The file, and whether this process may write it."""
    return store_path(f"generated-code.{sys.implementation.cache_tag}.marshal", _setting())


def _header() -> bytes:
    return _FORMAT + importlib.util.MAGIC_NUMBER + f"\n{sys.version}\n{sys.flags.optimize}\n".encode()


def _code(text: str, mode: str, flags: int) -> types.CodeType:
    """``compile(text, "<string>", mode, flags, dont_inherit=True)``, from the store when it has it."""
    global reused, added
    key = (mode, flags, text)
    code = _store.get(key)
    if code is not None:
        reused += 1
        return code
    code = builtins.compile(text, "<string>", mode, flags, True)
    if len(_store) < MAX_ENTRIES:
        _store[key] = code
        added += 1
    return code


def _exec(source, globals=None, locals=None, /, **kwargs):
    """``exec`` as the builtin runs it for the caller, compiling a text through the store."""
    caller = sys._getframe(1)
    if globals is None:
        globals = caller.f_globals
        if locals is None:
            locals = caller.f_locals
    if type(source) is str:
        source = _code(source, "exec", caller.f_code.co_flags & _FUTURE)
    elif not isinstance(source, types.CodeType):
        source = builtins.compile(source, "<string>", "exec", caller.f_code.co_flags & _FUTURE, True)
    return builtins.exec(source, globals, locals, **kwargs)


def _compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):
    """``compile`` as the builtin does it for the caller; a plain text to code through the store."""
    if not dont_inherit:
        flags |= sys._getframe(1).f_code.co_flags & _FUTURE
    if type(source) is str and filename == "<string>" and optimize == -1 and not kwargs and not flags & ~_FUTURE:
        return _code(source, mode, flags)
    return builtins.compile(source, filename, mode, flags, True, optimize, **kwargs)


def _load() -> None:
    global loaded
    stored = read_store(_path()[0], _header())  # another Python, version or -O: empty
    _store.update(stored)
    loaded = len(stored)


def install() -> bool:
    """Give dataclasses and typing the caching compile; True when it is in place."""
    if _installed:
        return True
    if _setting() == "av":
        return False
    targets = {dataclasses: ("exec", _exec), typing: ("compile", _compile)}
    if any(name in vars(module) for module, (name, _) in targets.items()):
        return False  # the module has a name of its own there now: see the module's text
    _load()
    for module, (name, function) in targets.items():
        setattr(module, name, function)
        _installed[module] = name
    return True


def uninstall() -> None:
    """Back to the builtins (tests)."""
    for module, name in _installed.items():
        if vars(module).get(name) in (_exec, _compile):
            delattr(module, name)
    _installed.clear()


def save() -> None:
    """Write the store when this process compiled something new (whole or not at all)."""
    global added
    if not added or not _installed:
        return
    path, writable = _path()
    if not writable:
        return
    if write_store(path, _header(), _store):
        added = 0
