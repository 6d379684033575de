"""Read-only mappings for frozen models, so that results are immutable all the way down.

A frozen pydantic model refuses ``doc.stances = …`` but not ``doc.stances["x"] = …``; a
plain dict inside would let one caller change what every later caller (and the cache)
sees. :class:`FrozenDict` is a ``dict`` that refuses every change; it still compares equal
to a dict, pickles, copies and serialises to JSON, so users' code that reads keeps working.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

if TYPE_CHECKING:  # pydantic is not imported here: the command line's quick path reads FrozenDicts without it
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")


class FrozenDict(dict):  # type: ignore[type-arg]
    """A dict that cannot be changed: every mutating method raises ``TypeError``.

    >>> d = FrozenDict({"a": 1})
    >>> d["a"] = 2
    Traceback (most recent call last):
    TypeError: this mapping is read-only (a result of negotiation); copy it with dict(...) to change it
    """

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("this mapping is read-only (a result of negotiation); copy it with dict(...) to change it")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))

    def __copy__(self) -> FrozenDict:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenDict:
        import copy

        return FrozenDict({k: copy.deepcopy(v, memo) for k, v in self.items()})

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))


def freeze_mappings(model: BaseModel) -> None:
    """Replace every dict field of a (frozen) model by a :class:`FrozenDict`, in place."""
    values = model.__dict__
    for name, value in values.items():
        if type(value) is dict:
            values[name] = FrozenDict(value)


class FrozenList(list):  # type: ignore[type-arg]
    """A list that cannot be changed (equal to the list it holds, as :class:`FrozenDict` is to its dict)."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("this list is read-only (a result of negotiation); copy it with list(...) to change it")

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenList, (list(self),))

    def __copy__(self) -> FrozenList:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenList:
        import copy

        return FrozenList(copy.deepcopy(v, memo) for v in self)


def read_only(value: Any) -> Any:
    """``value`` with every dict made a :class:`FrozenDict`, list a :class:`FrozenList`, set a frozenset,
    all the way down."""
    if isinstance(value, dict) and type(value) is not FrozenDict:
        return FrozenDict({k: read_only(v) for k, v in value.items()})
    if isinstance(value, list) and type(value) is not FrozenList:
        return FrozenList(read_only(v) for v in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


def freeze_fields(self: Any) -> None:
    """``__post_init__`` of a frozen dataclass: its dict, list and set fields become read-only."""
    for name in self.__dataclass_fields__:
        value = getattr(self, name)
        if isinstance(value, dict | list | set) and type(value) not in (FrozenDict, FrozenList):
            object.__setattr__(self, name, read_only(value))


def frozen_copy(self: M, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> M:
    """``BaseModel.model_copy`` whose copy is read-only too (an ``update`` skips the validators that freeze)."""
    from pydantic import BaseModel

    copy = BaseModel.model_copy(self, update=update, deep=deep)
    freeze_mappings(copy)
    return copy
