"""Results remembered per frozen object, while it lives: texts and codes made once, read many times.

Documents, stances, issues and taxonomies are frozen models, so what is derived from them
(a stance's value in words, a document's codes) never changes. :func:`remembered` keeps
such results beside a weak reference to the object they belong to and drops them when it is
garbage collected; objects the result also depends on (the document a stance is cited
from, the taxonomy an issue is read in) are checked by identity, also held weakly.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

_MEMO: dict[int, tuple[weakref.ref[Any], dict[Hashable, tuple[tuple[weakref.ref[Any], ...], Any]]]] = {}


def _forget(key: int) -> Callable[[weakref.ref[Any]], None]:
    def forget(_ref: weakref.ref[Any], table: dict[int, Any] = _MEMO) -> None:
        table.pop(key, None)  # the table bound here: at interpreter exit the global may be gone

    return forget


def remembered(owner: object, key: Hashable, make: Callable[[], T], context: tuple[object, ...] = ()) -> T:
    """``make()``, computed once per ``owner`` (by identity), ``key`` and ``context`` objects.

    ``key`` must be plain (strings, numbers); ``context`` holds the other objects the result
    depends on, compared by identity. Nothing here keeps any of them alive.
    """
    oid = id(owner)
    entry = _MEMO.get(oid)
    if entry is None or entry[0]() is not owner:
        entry = (weakref.ref(owner, _forget(oid)), {})
        _MEMO[oid] = entry
    full_key = (key, *map(id, context))
    hit = entry[1].get(full_key)
    if hit is not None and all(ref() is obj for ref, obj in zip(hit[0], context, strict=True)):
        result: T = hit[1]
        return result
    value = make()
    entry[1][full_key] = (tuple(weakref.ref(obj) for obj in context), value)
    return value
