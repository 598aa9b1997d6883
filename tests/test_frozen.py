"""finsam.frozen: ``@frozen`` classes behave as ``@dataclass(frozen=True)`` ones:
the same repr, ==, hash, frozenness and constructor, for every class of finsam that uses it."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "macros"))

import finsam  # noqa: E402
from finsam.frozen import frozen  # noqa: E402


def _finsam_frozen_classes() -> list[type]:
    found = {}
    for info in pkgutil.walk_packages(finsam.__path__, "finsam."):
        if info.name == "finsam.__main__":
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and dataclasses.is_dataclass(value)
                    and getattr(value.__repr__, "__module__", "") == "finsam.frozen"):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


CLASSES = _finsam_frozen_classes()


def _reference(cls: type) -> type:
    """The same fields (inherited ones too, in order) under plain @dataclass(frozen=True)."""
    namespace, annotations = {"__qualname__": cls.__qualname__, "__module__": cls.__module__}, {}
    for f in dataclasses.fields(cls):
        annotations[f.name] = f.type
        namespace[f.name] = dataclasses.field(repr=f.repr, compare=f.compare, hash=f.hash, kw_only=f.kw_only)
    namespace["__annotations__"] = annotations
    return dataclasses.dataclass(frozen=True)(type(cls.__name__, (), namespace))


def _instance(cls: type, values: dict):
    obj = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(obj, name, value)
    return obj


def test_finsam_uses_it():
    assert len(CLASSES) > 50  # the views, checks, problems, pages: almost all of finsam's dataclasses


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_same_repr_eq_and_hash_as_a_frozen_dataclass(cls):
    ref = _reference(cls)
    fields = dataclasses.fields(cls)
    assert [(f.name, f.repr, f.compare, f.hash, f.kw_only) for f in fields] == [
        (f.name, f.repr, f.compare, f.hash, f.kw_only) for f in dataclasses.fields(ref)]
    assert cls.__dataclass_params__.frozen
    values = {f.name: f"value {i} ({f.name})" for i, f in enumerate(fields)}
    ours, theirs = _instance(cls, values), _instance(ref, values)
    assert repr(ours) == repr(theirs)
    assert hash(ours) == hash(theirs)
    assert ours == _instance(cls, values) and theirs == _instance(ref, values)
    assert ours.__eq__(theirs) is NotImplemented and theirs.__eq__(ours) is NotImplemented
    assert ours.__eq__(object()) is NotImplemented
    for f in fields:  # each field changed alone: == and hash as the generated methods give them
        changed = dict(values, **{f.name: "another value"})
        a, b = _instance(cls, changed), _instance(ref, changed)
        assert (a == ours) == (b == theirs) == (not f.compare)
        assert hash(a) == hash(b)
        assert repr(a) == repr(b)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(ours, f.name, 1)
    assert cls.__init__.__code__.co_varnames[: cls.__init__.__code__.co_argcount + cls.__init__.__code__.co_kwonlyargcount] == \
        ref.__init__.__code__.co_varnames[: ref.__init__.__code__.co_argcount + ref.__init__.__code__.co_kwonlyargcount]


@frozen
class Empty:
    pass


@frozen
class One:
    a: int


@frozen
class Some:
    a: int
    b: str = "x"
    hidden: int = dataclasses.field(default=0, repr=False)
    ignored: int = dataclasses.field(default=0, compare=False)


@frozen(kw_only=True)
class Named:
    a: int
    b: list = dataclasses.field(default_factory=list)


@frozen
class Child(Some):
    c: float = 1.5


def test_small_classes_as_dataclasses_make_them():
    assert repr(Empty()) == "Empty()" and Empty() == Empty() and hash(Empty()) == hash(())
    assert repr(One(1)) == "One(a=1)" and hash(One(1)) == hash((1,)) and One(1) != One(2)
    assert repr(Some(1, hidden=5, ignored=6)) == "Some(a=1, b='x', ignored=6)"
    assert Some(1, ignored=1) == Some(1, ignored=2) and hash(Some(1, ignored=1)) == hash(Some(1, ignored=2))
    assert Some(1, hidden=1) != Some(1, hidden=2)
    assert repr(Child(1)) == "Child(a=1, b='x', ignored=0, c=1.5)" and Child(1) != Some(1)
    assert Named(a=1) == Named(a=1, b=[]) and repr(Named(a=1)) == "Named(a=1, b=[])"
    with pytest.raises(TypeError):
        Named(1)
    with pytest.raises(TypeError):
        hash(Named(a=1))  # a list field: unhashable, as with dataclass
    with pytest.raises(dataclasses.FrozenInstanceError):
        One(1).a = 2
    assert dataclasses.replace(Some(1), b="y") == Some(1, "y")
    assert One.__match_args__ == ("a",)


def test_a_class_met_again_inside_itself_is_shown_as_dots():
    inner = Named(a=1)
    inner.b.append(inner)
    assert repr(inner) == "Named(a=1, b=[...])"


def test_a_class_with_its_own_methods_is_refused():
    for name in ("__repr__", "__eq__", "__hash__"):
        with pytest.raises(TypeError, match=name):
            frozen(type("Own", (), {"__annotations__": {"a": int}, name: lambda self, *a: 0}))
