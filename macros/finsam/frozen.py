"""``@frozen``: ``@dataclass(frozen=True)`` that compiles fewer methods per class.

For every class it decorates, ``dataclasses`` writes each method as source text
and compiles it (``exec``): ``__init__``, ``__setattr__`` and ``__delattr__``
(frozen), ``__repr__``, ``__eq__`` and ``__hash__``. On Python 3.11 that is
about 1.5 ms a class, and finsam makes ~100 such classes on every start (the
views of compute/, the checks' arithmetic, problems, pages): about 0.1 s of
CPU of a build or a validation before any data is read.

``@frozen`` lets ``dataclasses`` write only the three it must (``__init__``
and the two that make instances frozen) and gives the class ``__repr__``,
``__eq__`` and ``__hash__`` made here from the class's field names, without
compiling anything. They do exactly what the generated ones do:

* ``repr``: ``Qualname(a=1, b='x')`` over the fields with ``repr=True``, in
  field order, ``...`` for an instance met again inside itself;
* ``==``: only between instances of the very same class, as the tuples of
  the fields with ``compare=True`` (otherwise ``NotImplemented``);
* ``hash``: the hash of the tuple of the fields with ``hash=True``, or
  ``hash=None`` and ``compare=True``: the same numbers.

tests/test_frozen.py checks each of these against ``@dataclass(frozen=True)``
for every class of finsam decorated with ``@frozen``. A class that writes its
own ``__repr__``, ``__eq__`` or ``__hash__`` uses ``@dataclass`` instead.
"""

from __future__ import annotations

import dataclasses
import reprlib
from operator import attrgetter

_OWN = ("__repr__", "__eq__", "__hash__")


def _getter(names: tuple[str, ...]):
    """self -> the tuple of these attributes (as the generated methods build it)."""
    if not names:
        return lambda self: ()
    if len(names) == 1:
        name = names[0]
        return lambda self: (getattr(self, name),)
    return attrgetter(*names)


def frozen(cls=None, /, *, kw_only: bool = False):
    """``@dataclass(frozen=True[, kw_only=True])`` with the same repr, == and hash, compiled less."""

    def wrap(cls):
        for name in _OWN:
            if name in cls.__dict__:
                raise TypeError(f"@frozen: {cls.__qualname__} defines {name}; use @dataclass(frozen=True)")
        cls = dataclasses.dataclass(cls, frozen=True, repr=False, eq=False, kw_only=kw_only)
        fields = dataclasses.fields(cls)
        shown = tuple(f.name for f in fields if f.repr)
        compared = _getter(tuple(f.name for f in fields if f.compare))
        hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))

        @reprlib.recursive_repr()
        def __repr__(self):
            return self.__class__.__qualname__ + "(" + ", ".join(
                f"{name}={getattr(self, name)!r}" for name in shown) + ")"

        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return compared(self) == compared(other)
            return NotImplemented

        def __hash__(self):
            return hash(hashed(self))

        for function in (__repr__, __eq__, __hash__):
            function.__qualname__ = f"{cls.__qualname__}.{function.__name__}"
            setattr(cls, function.__name__, function)
        return cls

    return wrap if cls is None else wrap(cls)
