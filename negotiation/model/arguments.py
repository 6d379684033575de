"""Checks of public functions' arguments at the boundary, so misuse says what was expected.

One helper per kind of argument, used by the public API rather than copied into it:
:func:`expect` (a type), :func:`id_list` (a list of ids, never a lone string) and
:func:`known_lang` (a language code).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


def _shown(value: Any) -> str:
    if value is None:
        return "None"
    text = repr(value)
    return f"{type(value).__name__} {text[:40] + '…' if len(text) > 40 else text}"


def expect(value: Any, types: type | tuple[type, ...], func: str, what: str) -> None:
    """Raise ``TypeError: func() takes WHAT, got …`` unless ``value`` is one of ``types``."""
    if not isinstance(value, types):
        raise TypeError(f"{func}() takes {what}, got {_shown(value)}")


def id_list(value: Any, func: str, what: str = "a list of document ids or Documents") -> list[Any] | None:
    """``value`` as a list (None stays None); a lone string or a non-iterable is a ``TypeError``."""
    if value is None:
        return None
    if isinstance(value, str | bytes):
        raise TypeError(f"{func}() takes {what}, got the string {value!r} (write [{value!r}] for one)")
    if not isinstance(value, Iterable):
        raise TypeError(f"{func}() takes {what}, got {_shown(value)}")
    return list(value)


@lru_cache(maxsize=64)
def known_lang(lang: Any, known: tuple[str, ...]) -> str:
    """``lang`` if it is a language code (``en``, ``ar``, ``pt-BR``); else a ``ValueError`` naming ``known``.

    A well-formed code the project has no words for is accepted (labels in it are used and
    English fills the rest); a malformed one or a non-string is an error.
    """
    if not isinstance(lang, str) or not _LANGUAGE_CODE.match(lang):
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(known)}")
    return lang
