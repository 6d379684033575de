"""Stance values in their one canonical form, whatever file or code they came from.

A value is a level name or a word (``str``), a number (``float``), a set of members
(``frozenset[str]``) or a boolean. Lists and tuples become frozensets and integers become
floats on the way in; on the way out numbers that are whole are written as integers and
sets as sorted lists, so that a corpus dumped and loaded again is equal to itself.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

RawValue = bool | float | str | frozenset[str]


def canonical_value(value: Any) -> RawValue:
    """Turn a value as written (YAML, JSON, Python) into its canonical form."""
    if isinstance(value, bool | str | frozenset):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list | tuple | set):
        if not all(isinstance(m, str) for m in value):
            raise ValueError(f"set members must be strings, got {list(value)!r}")
        return frozenset(value)
    raise ValueError(
        f"expected a level name, a number, true/false or a list of members, got {value!r}"
    )


def plain_value(value: RawValue) -> bool | int | float | str | list[str]:
    """The value as plain data: whole numbers as ints, sets as sorted lists."""
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_JSON_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {"type": "number"},
        {"type": "boolean"},
        {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
    ],
    "description": "a level id, a number or the scale's unlimited word, true/false, or a list of members",
}

Value = Annotated[
    RawValue,
    BeforeValidator(canonical_value),
    PlainSerializer(plain_value),
    WithJsonSchema(_JSON_SCHEMA),
]
"""A stance value: validated into canonical form, serialized as plain data."""
