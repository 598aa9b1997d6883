"""pydantic's validators kept between processes, next to Python's own bytecode.

Every model is built with ``defer_build``: pydantic makes a model's validator the
first time it validates, and making the 21 validators that reading data/ needs
(generating each model's core schema in Python) is about a quarter of the CPU of
``python -m finsam validera``. What it makes is a ``pydantic_core.SchemaValidator``,
which pydantic-core can pickle: its pickle is the core schema, with the classes and
functions in it named by module and name, and loading it builds the validator from
that schema in Rust (about 0.2 ms a model, against 2–20 ms to generate the schema).

So ``prepare(model)``, called before a model validates its first file, stores the
validator pydantic made in ``__pycache__`` (``finsam/__pycache__/validators/``, or under
``sys.pycache_prefix``), and in a later process puts the stored one on the class
instead of letting pydantic make it again. A stored validator is used only when its
key matches: this Python, pydantic's and pydantic-core's versions, and the text of
every module it was made from (all of finsam/model/, the model's own module and this
one), so a change to any model, pin or Python makes it again, from scratch, by
pydantic. It is written where and when Python writes bytecode (not under
PYTHONDONTWRITEBYTECODE) and trusted as that bytecode is: a file in __pycache__ runs
as code either way.

This leans on one private part of pydantic (2.14): that a deferred model's class
holds a stand-in (``MockValSer``) under ``__pydantic_validator__`` until it is built,
that ``model_validate`` only calls ``cls.__pydantic_validator__``, and that nothing
else on the class must change for validating. The class gets the validator and the
core schema it was built from (``__pydantic_core_schema__``, as pydantic would set
it); ``__pydantic_complete__`` stays False, so what needs more (``model_dump``, the
serialiser) makes pydantic build the model as usual. Each assumption is checked where it is used and fails loudly
(``ValidatorCacheError``) rather than validating with something else, and
tests/test_validatorcache.py checks that every fixture, the real data and every bad
input give the same models and the same messages with and without it.

``FINSAM_VALIDATORCACHE=av`` turns it off; ``FINSAM_VALIDATORCACHE=<mapp>`` keeps the
files in that folder (and writes them even under PYTHONDONTWRITEBYTECODE).
"""

import hashlib
import os
import pickle
import sys
from pathlib import Path

import pydantic
import pydantic_core
from pydantic_core import SchemaValidator

from .model import base

_FORMAT = b"finsam-validator-1\n"
_done: set[type] = set()
# What this process did, model by model (tests and the benchmark read these).
restored: list[str] = []
made: list[str] = []
_sources: dict[Path, bytes] = {}


class ValidatorCacheError(RuntimeError):
    """pydantic no longer works as this module assumes: update it (or turn it off)."""


def _setting() -> str:
    return os.environ.get("FINSAM_VALIDATORCACHE", "")


def _folder() -> tuple[Path, bool]:
    """Where the files are, and whether this process may write them."""
    setting = _setting()
    if setting:
        return Path(setting), True
    if sys.pycache_prefix:
        here = Path(sys.pycache_prefix) / Path(__file__).resolve().parent.relative_to(Path(__file__).anchor)
    else:
        here = Path(__file__).resolve().parent / "__pycache__"
    return here / "validators", not sys.dont_write_bytecode


def _digest(path: str) -> bytes:
    if path not in _sources:
        with open(path, "rb") as f:
            _sources[path] = hashlib.sha256(f.read()).digest()
    return _sources[path]


_common: list[bytes] = []


def _common_part() -> bytes:
    """This Python, the pins, and the text of finsam/model/ and of this module (once a process)."""
    if not _common:
        h = hashlib.sha256()
        for part in (_FORMAT, sys.version, sys.implementation.cache_tag, pydantic.VERSION, pydantic_core.__version__,
                     os.environ.get("PYDANTIC_DISABLE_PLUGINS", "")):
            h.update(repr(part).encode() + b"\0")
        model_dir = os.path.dirname(os.path.abspath(base.__file__))
        for name in sorted(n for n in os.listdir(model_dir) if n.endswith(".py")):
            h.update(f"model/{name}".encode() + b"\0" + _digest(os.path.join(model_dir, name)))
        h.update(b"validatorcache.py\0" + _digest(os.path.abspath(__file__)))
        _common.append(h.digest())
    return _common[0]


def key(model: type) -> str:
    """What the stored validator of ``model`` was made from; another key makes it afresh."""
    h = hashlib.sha256(_common_part())
    module = sys.modules[model.__module__]
    h.update(f"{model.__module__}\0{model.__qualname__}\0".encode() + _digest(os.path.abspath(module.__file__)))
    return h.hexdigest()


def _stand_in_type() -> type:
    from pydantic._internal._mock_val_ser import MockValSer  # private: see the module's text

    return MockValSer


def _schema(validator: SchemaValidator):
    """The core schema ``validator`` was built from (its pickle's first argument)."""
    reduced = validator.__reduce__()
    if not (isinstance(reduced, tuple) and len(reduced) > 1 and reduced[1] and isinstance(reduced[1][0], dict)):
        raise ValidatorCacheError("SchemaValidator.__reduce__ no longer gives its core schema; pydantic-core changed?")
    return reduced[1][0]


def _schema_class(validator: SchemaValidator):
    """The class a model validator makes."""
    schema = _schema(validator)
    # Around the model: its definitions, and its model validators (mode after/before/wrap).
    while isinstance(schema, dict) and schema.get("type") in ("definitions", "function-after", "function-before", "function-wrap"):
        schema = schema.get("schema")
    return schema.get("cls") if isinstance(schema, dict) and schema.get("type") == "model" else None


def prepare(model: type) -> None:
    """Give ``model`` its stored validator, or store the one pydantic makes now."""
    if model in _done:
        return
    _done.add(model)
    if _setting() == "av" or os.environ.get("PYDANTIC_DISABLE_PLUGINS") != "__all__":
        return  # off, or plugins may wrap validators: pydantic builds it as usual
    current = model.__dict__.get("__pydantic_validator__")
    if isinstance(current, SchemaValidator):
        return  # built already in this process
    if not isinstance(current, _stand_in_type()):
        raise ValidatorCacheError(
            f"{model.__qualname__}.__pydantic_validator__ is a {type(current).__name__}: pydantic no longer "
            "defers building as finsam/validatorcache.py assumes"
        )
    folder, writable = _folder()
    path = folder / f"{model.__module__}.{model.__qualname__}.pickle"
    wanted = key(model).encode()
    stored = _read(path, wanted)
    if stored is not None:
        validator = pickle.loads(stored)
        if type(validator) is not SchemaValidator or _schema_class(validator) is not model:
            raise ValidatorCacheError(f"{path}: not the validator of {model.__qualname__}; pydantic-core changed?")
        model.__pydantic_validator__ = validator
        model.__pydantic_core_schema__ = _schema(validator)  # the schema it was built from, as pydantic sets it
        restored.append(model.__qualname__)
        return
    model.model_rebuild()  # pydantic makes it, as it would on first use
    validator = model.__dict__.get("__pydantic_validator__")
    if type(validator) is not SchemaValidator or _schema_class(validator) is not model:
        raise ValidatorCacheError(f"{model.__qualname__}: pydantic made no plain SchemaValidator; pydantic changed?")
    made.append(model.__qualname__)
    if writable:
        try:
            payload = pickle.dumps(validator, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as err:
            raise ValidatorCacheError(
                f"the validator of {model.__qualname__} cannot be stored ({err}); a model's validators must be "
                "functions at a module's top level (no lambda or closure)"
            ) from err
        _write(path, wanted, payload)


def _read(path: Path, wanted: bytes) -> bytes | None:
    """The stored pickle when its key is ``wanted`` and it is whole; else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, _, rest = data.partition(b"\n\n")
    lines = header.split(b"\n")
    if len(lines) != 3 or lines[0] + b"\n" != _FORMAT or lines[1] != wanted:
        return None
    if hashlib.sha256(rest).hexdigest().encode() != lines[2]:
        return None  # cut short (a full disk, a killed writer): made again
    return rest


def _write(path: Path, wanted: bytes, payload: bytes) -> None:
    """Written whole or not at all (processes run side by side: tests, serve, a build)."""
    data = _FORMAT + wanted + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n\n" + payload
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        # As Python does with bytecode it cannot write: validating goes on, only slower.
        try:
            temporary.unlink()
        except OSError:
            pass
