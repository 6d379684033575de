"""Checks of public functions' arguments at the boundary, so misuse says what was expected.

Each public function of :mod:`negotiation` declares what it takes with one line,

>>> @takes(a=DOCUMENT, b=DOCUMENT, lang=LANG)  # doctest: +SKIP
... def compare(a, b, *, lang="en"): ...

and a wrong argument is a ``TypeError`` (a ``ValueError`` for a malformed value) that names
the function, the argument and what it expected, before any work and never an
``AttributeError`` from inside::

    TypeError: compare() takes a Document (look ids up with corpus[id]) for 'a', got None
    TypeError: matrix() takes a list of document ids, 'PARTY@YYYY-MM-DD' positions or Documents
      for 'documents', got the string 'an-id' (write ['an-id'] for one)
    ValueError: stances() takes a language code such as 'en' or 'ar' for 'lang': unknown
      language 'english!'; known: ar, en

A lone string where a list is expected is an error, never a list of characters. The kinds
of argument (:class:`Kind`) are defined once here and shared by every function that takes
one. :func:`expect`, :func:`id_list` and :func:`known_lang` are the same checks for code
that checks by hand.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache, wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

WORD_LANGS = ("ar", "en")
"""The languages the project's own words are written in (``render.i18n.WORD_LANGS``; a test
keeps the two equal), named when a language code is malformed."""

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


def _shown(value: Any) -> str:
    if value is None:
        return "None"
    text = repr(value)
    return f"{type(value).__name__} {text[:40] + '…' if len(text) > 40 else text}"


@cache
def _resolve(name: str) -> type:
    """A class named ``module:Class`` (``Document`` alone: negotiation.model.models), imported on first use,
    so that checking costs no import until an argument is checked."""
    module, _, attr = name.rpartition(":")
    cls: type = getattr(importlib.import_module(module or "negotiation.model.models"), attr)
    return cls


class Kind:
    """What an argument must be: a phrase for the message, the types that are it, and more.

    ``types`` are classes or names (``"Document"``, ``"pandas:DataFrame"``) resolved on first
    use; ``items`` makes the kind a list (any iterable but a string) of that item kind;
    ``reason`` returns why a value of the right type is still wrong (a ``ValueError``).
    A bool is never a number here, though Python counts it as one.
    """

    __slots__ = ("items", "optional", "reason", "types", "what")

    def __init__(self, what: str, types: tuple[type | str, ...] = (), *, optional: bool = False,
                 items: Kind | None = None, reason: Callable[[Any], str | None] | None = None) -> None:
        self.what, self.types, self.optional, self.items, self.reason = what, types, optional, items, reason

    def __repr__(self) -> str:
        return f"Kind({self.what!r}{', optional' if self.optional else ''})"

    def or_none(self) -> Kind:
        """The same kind, None allowed (the argument's default)."""
        return Kind(self.what, self.types, optional=True, items=self.items, reason=self.reason)

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` is of one of the types (a bool only where ``bool`` is one of them)."""
        classes = tuple(_resolve(t) if isinstance(t, str) else t for t in self.types)
        if isinstance(value, bool) and bool not in classes:
            return False
        return isinstance(value, classes)

    def check(self, value: Any, func: str, name: str) -> None:
        """Raise a ``TypeError`` or ``ValueError`` naming ``func``, ``name`` and :attr:`what` unless ``value`` fits."""
        head = f"{func}() takes {self.what} for {name!r}"
        if value is None:
            if self.optional:
                return
            raise TypeError(f"{head}, got None")
        if self.types and self.accepts(value):
            pass
        elif self.items is not None:
            if isinstance(value, str | bytes):
                raise TypeError(f"{head}, got the string {value!r} (write [{value!r}] for one)")
            if self.items.accepts(value):  # one Document is iterable (its fields), never a list of them
                raise TypeError(f"{head}, got one {type(value).__name__} (write [x] for one)")
            if not isinstance(value, Iterable) or isinstance(value, Mapping):  # a mapping's keys are no list
                raise TypeError(f"{head}, got {_shown(value)}")
            if isinstance(value, list | tuple):  # an iterator is not consumed here
                for item in value:
                    if item is None or not self.items.accepts(item):
                        raise TypeError(f"{head}, got {_shown(item)} among them")
        else:
            raise TypeError(f"{head}, got {_shown(value)}")
        wrong = self.reason(value) if self.reason is not None else None
        if wrong:
            raise ValueError(f"{head}: {wrong}")


def takes(**kinds: Kind) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Check the named arguments of the decorated function against their :class:`Kind` on each call.

    An argument left at its default is not checked; a ``*args`` parameter is checked item by
    item. The wrapped function keeps its name, docstring and signature.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        import inspect

        params = list(inspect.signature(func).parameters.values())
        unknown = set(kinds) - {p.name for p in params}
        if unknown:
            raise TypeError(f"takes(): {func.__name__}() has no argument {', '.join(sorted(unknown))}")
        plan = []
        for i, p in enumerate(params):
            if p.name in kinds:
                index = None if p.kind is p.KEYWORD_ONLY else i
                plan.append((p.name, kinds[p.name], index, p.kind is p.VAR_POSITIONAL))
        name = func.__name__

        @wraps(func)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            for arg, kind, index, many in plan:
                if many:
                    for value in args[index:]:
                        kind.check(value, name, arg)
                elif index is not None and index < len(args):
                    kind.check(args[index], name, arg)
                elif arg in kwargs:
                    kind.check(kwargs[arg], name, arg)
            return func(*args, **kwargs)

        checked.kinds = kinds  # type: ignore[attr-defined]  # what tests/test_arguments.py walks
        return checked

    return decorate


@lru_cache(maxsize=64)
def _well_formed(lang: str) -> bool:
    return _LANGUAGE_CODE.match(lang) is not None


def _language(lang: str) -> str | None:
    return None if _well_formed(lang) else f"unknown language {lang!r}; known: {', '.join(WORD_LANGS)}"


DOCUMENT = Kind("a Document (look ids up with corpus[id])", ("Document",))
DOCUMENTS = Kind("a list of Documents", items=DOCUMENT)
CORPUS = Kind("a Corpus (ng.load() or ng.load(folder))", ("Corpus",))
CORPUS_OR_FOLDER = Kind("corpora or corpus folders", ("Corpus", str, "os:PathLike"))
CORPUS_OR_DOCUMENTS = Kind("a Corpus or a list of Documents", ("Corpus",), items=DOCUMENT)
TAXONOMY = Kind("a Taxonomy (corpus.taxonomy)", ("Taxonomy",), optional=True)
SPEC = Kind("a document id, 'PARTY@YYYY-MM-DD' or a Document", (str, "Document"))
IDS = Kind("a list of document ids, 'PARTY@YYYY-MM-DD' positions or Documents", items=SPEC)
DOCUMENT_IDS = Kind("a list of document ids", items=Kind("a document id", (str,)))
ISSUE = Kind("an issue id such as 'security.army_cap'", (str,))
ISSUES = Kind("a list of issue ids", items=ISSUE)
PARTY = Kind("a party code such as 'RU'", (str,))
PARTY_CODES = Kind("a list of party codes", items=PARTY)
DATE = Kind("a date or 'YYYY-MM-DD'", ("datetime:date", str), optional=True)
DAY = Kind("a date", ("datetime:date",), optional=True)
LANG = Kind("a language code such as 'en' or 'ar'", (str,), reason=_language)
WEIGHTS = Kind("a mapping of issue ids to weights", (Mapping,), optional=True)
FOLDER = Kind("a folder (str or Path)", (str, "os:PathLike"))
ACTORS = Kind("a DataFrame or a list of mappings", ("pandas:DataFrame",), items=Kind("a mapping", (Mapping,)))
NUMBER = Kind("a number", ("numbers:Real",))
COUNT = Kind("a whole number", ("numbers:Integral",))
BOOL = Kind("True or False", (bool,))
TEXT = Kind("a string", (str,))
CONFIDENCE = Kind("a confidence: 'high', 'medium' or 'low'", ("Confidence", str))
TEXTS = Kind("a list of strings", items=TEXT)


def one_of(*choices: str) -> Kind:
    """A string that must be one of ``choices`` (a ``ValueError`` naming them otherwise)."""
    known = ", ".join(repr(c) for c in choices)
    return Kind(f"one of {known}", (str,), reason=lambda v: None if v in choices else f"unknown {v!r}")


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


def known_lang(lang: Any, known: tuple[str, ...]) -> str:
    """``lang`` if it is a language code (``en``, ``ar``, ``pt-BR``); else a ``ValueError`` naming ``known``.

    A well-formed code the project has no words for is accepted (labels in it are used and
    English fills the rest); a malformed one or a non-string is an error.
    """
    if not isinstance(lang, str) or not _well_formed(lang):
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(known)}")
    return lang
