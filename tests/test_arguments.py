"""Every public function checks its arguments at the boundary and says what it expected.

The walk goes through every callable of ``negotiation.__all__``: each argument it declares
(``@takes``) is fed None, a value of a wrong type and, where a list is expected, a lone
string; each must raise a ``TypeError`` or ``ValueError`` naming the function, the argument
and what was expected — never an AttributeError, KeyError or IndexError from inside.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import negotiation as ng
from negotiation.model import arguments
from negotiation.model.arguments import Kind, takes

CORPUS = ng.load()
DOC = CORPUS["us-28-point-2025-11"]
OTHER = CORPUS["istanbul-draft-2022-04"]

FUNCTIONS = {name: getattr(ng, name) for name in ng.__all__ if inspect.isfunction(getattr(ng, name))}

UNCHECKED = {("accept", "value"), ("set_value", "value"), ("concede", "toward"), ("matrix", "dtype")}
"""Arguments that take any value: the scale of the issue judges it later (a located ScaleError)."""

SAMPLES: dict[str, Any] = {
    arguments.DOCUMENT.what: DOC, arguments.CORPUS.what: CORPUS, arguments.CORPUS_OR_FOLDER.what: CORPUS,
    arguments.DOCUMENTS.what: [DOC, OTHER], arguments.PARTY.what: "RU", arguments.PARTY_CODES.what: ["RU", "UA"],
    arguments.ISSUE.what: "security.army_cap", arguments.FOLDER.what: "folder", arguments.LANG.what: "en",
    "a DataFrame or a list of mappings": [{"actor": "A", "position": 0, "capability": 1, "salience": 1}],
    "a list of Edits (ng.concede, ng.accept, ng.set_value)": [ng.set_value("security.army_cap", 600_000)],
    "the frame of packages ng.search returns": pd.DataFrame(),
}
"""A valid value of each kind a function requires, so that one wrong argument is the only one."""


def _call(func: Callable[..., Any], **wrong: Any) -> Any:
    """``func`` called with a sample for each required argument and ``wrong`` in place of some."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    kinds: dict[str, Kind] = getattr(func, "kinds", {})
    skipped = False  # after an argument left at its default, the rest go by name
    for p in inspect.signature(func).parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            args.extend([wrong[p.name]] if p.name in wrong else [])
            continue
        if p.name in wrong:
            value = wrong[p.name]
        elif p.default is p.empty:
            value = SAMPLES[kinds[p.name].what] if p.name in kinds else 1
        else:
            skipped = True
            continue
        if p.kind is p.KEYWORD_ONLY or skipped:
            kwargs[p.name] = value
        else:
            args.append(value)
    return func(*args, **kwargs)


def _declared(*, required: bool = False) -> list[tuple[str, str]]:
    """Every (function, argument) declared with ``@takes``; ``required``: only those None is not the default of."""
    return [(name, arg) for name, func in FUNCTIONS.items() for arg, kind in getattr(func, "kinds", {}).items()
            if not (required and kind.optional)]


def test_every_public_function_declares_what_each_argument_takes() -> None:
    for name, func in FUNCTIONS.items():
        params = inspect.signature(func).parameters
        declared = getattr(func, "kinds", {})
        missing = [p for p in params if p not in declared and (name, p) not in UNCHECKED]
        assert not missing, f"{name}() does not check {', '.join(missing)}: add it to its @takes(...)"


@pytest.mark.parametrize(("name", "arg"), _declared(required=True))
def test_none_where_it_is_not_allowed_says_what_was_expected(name: str, arg: str) -> None:
    func = FUNCTIONS[name]
    kind: Kind = func.kinds[arg]  # type: ignore[attr-defined]
    with pytest.raises(TypeError) as raised:
        _call(func, **{arg: None})
    message = str(raised.value)
    assert message.startswith(f"{name}() takes {kind.what} for {arg!r}") and message.endswith("got None")


@pytest.mark.parametrize(("name", "arg"), _declared())
def test_a_value_of_a_wrong_type_says_what_was_expected(name: str, arg: str) -> None:
    func = FUNCTIONS[name]
    kind: Kind = func.kinds[arg]  # type: ignore[attr-defined]
    with pytest.raises(TypeError) as raised:
        _call(func, **{arg: object()})
    assert str(raised.value).startswith(f"{name}() takes {kind.what} for {arg!r}, got object")


LISTS = [(name, arg) for name, arg in _declared() if FUNCTIONS[name].kinds[arg].items is not None]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "arg"), LISTS)
def test_a_lone_string_where_a_list_is_expected_is_an_error(name: str, arg: str) -> None:
    lone = rf"^{name}\(\) takes .* for '{arg}', got the string 'x' \(write \['x'\] for one\)"
    with pytest.raises(TypeError, match=lone):
        _call(FUNCTIONS[name], **{arg: "x"})


@pytest.mark.parametrize(("name", "arg"), [(n, a) for n, a in _declared() if a == "lang"])
def test_a_malformed_language_names_the_known_ones(name: str, arg: str) -> None:
    malformed = rf"^{name}\(\) takes a language code .*unknown language 'english!'; known: ar, en"
    with pytest.raises(ValueError, match=malformed):
        _call(FUNCTIONS[name], lang="english!")


@pytest.mark.parametrize(("name", "arg"), [*_declared(), *sorted(UNCHECKED)])
def test_no_wrong_argument_escapes_as_an_internal_error(name: str, arg: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # init_corpus, dump: nothing is written into the repository
    for wrong in (None, object(), "x", 3, [object()]):
        try:
            _call(FUNCTIONS[name], **{arg: wrong})
        except (AttributeError, KeyError, IndexError) as error:
            if not isinstance(error, ng.NegotiationError):  # UnknownDocumentError is a KeyError on purpose
                raise AssertionError(f"{name}({arg}={wrong!r}) raised {type(error).__name__}: {error}") from error
        except Exception:  # any other error is what a check is for
            pass


def test_functions_without_arguments_are_the_schemas_and_the_bundled_path() -> None:
    bare = sorted(name for name, func in FUNCTIONS.items() if not inspect.signature(func).parameters)
    assert bare == ["bundled_path", "document_schema", "parties_schema", "taxonomy_schema"]


def test_a_lone_document_where_a_list_is_expected_is_an_error() -> None:
    with pytest.raises(TypeError, match=r"^zopa\(\) takes a list of Documents for 'positions', got one Document"):
        ng.zopa(DOC)  # type: ignore[arg-type]


def test_a_mapping_where_a_list_is_expected_is_an_error() -> None:
    with pytest.raises(TypeError, match=r"^matrix\(\) takes a list of document ids.* got dict"):
        ng.matrix(CORPUS, {DOC.id: 1})  # type: ignore[arg-type]


def test_a_wrong_item_in_a_list_is_named() -> None:
    with pytest.raises(TypeError, match=r"^matrix\(\) takes .* for 'documents', got None among them"):
        ng.matrix(CORPUS, [DOC.id, None])  # type: ignore[list-item]


def test_an_unknown_choice_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"^redline_chain\(\) takes one of 'previous', 'first' for 'base': unknown"):
        ng.redline_chain([OTHER, DOC], base="last")  # type: ignore[arg-type]


def test_a_position_spec_of_the_wrong_type_is_named_by_resolve() -> None:
    with pytest.raises(TypeError, match=r"^resolve\(\) takes a document id, 'PARTY@YYYY-MM-DD' or a Document"):
        CORPUS.resolve(3)  # type: ignore[arg-type]


def test_the_arguments_left_at_their_defaults_and_right_ones_pass() -> None:
    assert ng.compare(DOC, OTHER, weights={"security.army_cap": 2.0}).a is DOC
    assert ng.position(CORPUS, "RU", dt.date(2025, 1, 1)).kind == "position"
    assert list(ng.matrix(CORPUS, (d for d in [DOC.id, OTHER.id])).index) == [DOC.id, OTHER.id]


def test_a_check_keeps_the_name_docstring_and_signature() -> None:
    assert ng.compare.__name__ == "compare" and ng.compare.__doc__ and "Compare two documents" in ng.compare.__doc__
    assert list(inspect.signature(ng.compare).parameters)[:2] == ["a", "b"]


def test_a_check_of_an_argument_the_function_lacks_is_refused_when_written() -> None:
    with pytest.raises(TypeError, match=r"takes\(\): f\(\) has no argument nope"):
        @takes(nope=arguments.TEXT)
        def f(x: int) -> int:
            return x


def test_numbers_are_not_booleans_and_booleans_are_not_numbers() -> None:
    with pytest.raises(TypeError, match=r"^search\(\) takes a whole number for 'top', got bool True"):
        ng.search(DOC, OTHER, top=True)
    with pytest.raises(TypeError, match=r"^compare\(\) takes True or False for 'all_issues', got int 1"):
        ng.compare(DOC, OTHER, all_issues=1)  # type: ignore[arg-type]


def test_the_languages_named_are_the_ones_with_words() -> None:
    from negotiation.render import i18n

    assert arguments.WORD_LANGS == i18n.WORD_LANGS


@pytest.mark.parametrize("wrong", [None, 3, "english!"])
def test_a_wrong_language_of_a_result_view_names_the_known_ones(wrong: object) -> None:
    cmp = ng.compare(OTHER, DOC)
    for view in (cmp.to_table, cmp.to_frame, cmp.to_json, ng.redline(DOC, CORPUS["us-20-point-2025-12"]).to_frame):
        with pytest.raises(ValueError, match=r"unknown language .*; known: ar, en"):
            view(lang=wrong)


@pytest.mark.parametrize("wrong", [None, 3, "githib"])
def test_a_wrong_format_names_the_known_ones(wrong: object) -> None:
    with pytest.raises(ValueError, match=r"unknown format .*\(formats: asciidoc, "):
        ng.compare(OTHER, DOC).to_table(wrong)  # type: ignore[arg-type]
