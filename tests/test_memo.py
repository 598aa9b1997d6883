"""Memoising by identity: same objects give the cached answer, new objects a new one."""

from finsam.memo import by_identity


def test_same_objects_are_computed_once_and_new_objects_again():
    calls = []

    @by_identity
    def f(a, b):
        calls.append((a, b))
        return len(a) + len(b)

    x, y = [1], [2, 3]
    assert f(x, y) == 3 and f(x, y) == 3
    assert len(calls) == 1
    assert f([1], [2, 3]) == 3  # equal but not the same objects: computed again
    assert len(calls) == 2
