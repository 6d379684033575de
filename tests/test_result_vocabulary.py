"""One vocabulary for results: every public result type has the same views, meaning the same thing.

``to_frame()`` a DataFrame, ``to_dict()`` JSON-ready data, ``render(fmt, lang)`` a str, and
``summary`` an attribute holding a frozen :class:`~negotiation.analysis.results.ResultSummary`
(see docs/ARCHITECTURE.md, "Result vocabulary"). The walk below finds the result types in
``negotiation.__all__``: a new analysis class fails :func:`test_every_public_analysis_class_is_walked`
until it is given an instance here, or a reason it is not a result.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import warnings
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

import negotiation as ng
from negotiation.analysis.lineage import LineageNote, NoteKind, lineage
from negotiation.analysis.results import ResultSummary
from negotiation.render.formats import Column, Table, table_of
from negotiation.render.redline import notes_text
from tests.small_corpus import document

OLD, NEW, THIRD = "us-28-point-2025-11", "us-20-point-2025-12", "e3-counterproposal-2025-11"

ACTORS = [{"actor": "A", "capability": 100, "position": 0, "salience": 80},
          {"actor": "B", "capability": 60, "position": 100, "salience": 90},
          {"actor": "C", "capability": 40, "position": 40, "salience": 50}]

MAKERS: dict[str, Callable[[ng.Corpus], Any]] = {
    "Comparison": lambda c: ng.compare(c[OLD], c[NEW]),
    "Redline": lambda c: ng.redline(c[OLD], c[NEW], corpus=c),
    "RedlineChain": lambda c: ng.redline_chain([c[OLD], c[THIRD], c[NEW]], corpus=c),
    "Agreement": lambda c: ng.agreement(c, c, documents=[OLD, NEW]),
    "Alignment": lambda c: ng.align(c[OLD], c[NEW]),
    "BacktestResult": lambda c: ng.backtest(c, targets=[NEW]),
    "BargainResult": lambda c: ng.bargain(ACTORS),
    "MatrixRange": lambda c: ng.matrix_range(c, [OLD, NEW, THIRD]),
}
"""One instance of every public result type, from the bundled corpus."""

NOT_RESULTS = {
    "IssueDiff": "one row of a Comparison (its to_frame has one row per IssueDiff)",
    "Summary": "the summary of a Comparison, itself a ResultSummary",
    "Encoding": "arrays that matrices and searches are computed from, not a result people read",
    "Verdict": "an enum",
    "Edit": "an input to scenario(), not a result",
}

DEPRECATED_TO_JSON = {"Redline", "RedlineChain"}
"""``to_json`` still returns the dict (with a DeprecationWarning); everywhere else a JSON string."""


@pytest.fixture(scope="module")
def results(corpus: ng.Corpus) -> dict[str, Any]:
    return {name: make(corpus) for name, make in MAKERS.items()}


def test_every_public_analysis_class_is_walked() -> None:
    classes = {name for name in ng.__all__
               if inspect.isclass(obj := getattr(ng, name)) and obj.__module__.startswith("negotiation.analysis")}
    assert classes == set(MAKERS) | set(NOT_RESULTS)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_the_maker_gives_the_public_type(results: dict[str, Any], name: str) -> None:
    assert type(results[name]) is getattr(ng, name)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", sorted(MAKERS))
def test_to_frame_is_a_dataframe(results: dict[str, Any], name: str, lang: str) -> None:
    assert isinstance(results[name].to_frame(lang=lang), pd.DataFrame)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_to_dict_is_json_ready_plain_data(results: dict[str, Any], name: str) -> None:
    data = results[name].to_dict()
    assert isinstance(data, dict)
    assert json.loads(json.dumps(data)) is not None  # no object json cannot write


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_to_json_is_the_dict_as_a_string(results: dict[str, Any], name: str) -> None:
    result = results[name]
    if name in DEPRECATED_TO_JSON:
        with pytest.warns(DeprecationWarning, match="to_dict"):
            assert result.to_json() == result.to_dict()
        return
    text = result.to_json()
    assert isinstance(text, str)
    assert json.loads(text) == json.loads(json.dumps(result.to_dict(), default=str))


@pytest.mark.parametrize("fmt", ["simple", "github", "json"])
@pytest.mark.parametrize("name", sorted(MAKERS))
def test_render_is_a_str_in_any_format_and_language(results: dict[str, Any], name: str, fmt: str) -> None:
    for lang in ("en", "ar"):
        text = results[name].render(fmt, lang)
        assert isinstance(text, str) and text.strip()
        if fmt == "json":
            json.loads(text)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_render_takes_the_same_defaults_everywhere(name: str) -> None:
    params = inspect.signature(getattr(ng, name).render).parameters
    assert (params["fmt"].default, params["lang"].default) == ("simple", "en")


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_render_refuses_an_unknown_format(results: dict[str, Any], name: str) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        results[name].render("nonsense")


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_summary_is_an_attribute_holding_a_frozen_result_summary(results: dict[str, Any], name: str) -> None:
    summary = results[name].summary
    assert not inspect.ismethod(summary)
    assert isinstance(summary, ResultSummary)
    assert dataclasses.is_dataclass(summary)
    field = dataclasses.fields(summary)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(summary, field, None)
    json.dumps(summary.to_dict())


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", sorted(MAKERS))
def test_summary_lines_are_the_summary_in_words(results: dict[str, Any], name: str, lang: str) -> None:
    lines = results[name].summary_lines(lang)
    assert isinstance(lines, list) and lines and all(isinstance(x, str) and x for x in lines)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_summary_holds_no_words(results: dict[str, Any], name: str) -> None:
    """Ids and numbers only: the same summary whatever language the result is shown in."""
    words = [v for v in _leaves(results[name].summary.to_dict()) if isinstance(v, str) and " " in v]
    assert words == []


def _leaves(data: Any) -> list[Any]:
    if isinstance(data, dict):
        return [x for v in data.values() for x in _leaves(v)]
    if isinstance(data, list):
        return [x for v in data for x in _leaves(v)]
    return [data]


# --- the old spellings keep working, and say what to call instead


def test_calling_a_redline_summary_gives_the_old_lines_with_a_warning(results: dict[str, Any]) -> None:
    red = results["Redline"]
    with pytest.warns(DeprecationWarning, match="summary_lines"):
        lines = red.summary("ar")
    assert lines == red.summary_lines("ar") and all(isinstance(x, str) for x in lines)


def test_calling_a_chain_summary_gives_the_old_lines_with_a_warning(results: dict[str, Any]) -> None:
    chain = results["RedlineChain"]
    with pytest.warns(DeprecationWarning, match="summary_lines"):
        assert chain.summary() == chain.summary_lines()
    assert len(chain.summary_lines()) == len(chain.steps)


def test_calling_a_backtest_summary_gives_the_old_table_with_a_warning(results: dict[str, Any]) -> None:
    result = results["BacktestResult"]
    with pytest.warns(DeprecationWarning, match="hit_rates"):
        old = result.summary(common=["nash", "midpoint"])
    pd.testing.assert_frame_equal(old, result.hit_rates(common=["nash", "midpoint"]))


def test_the_backtest_summary_counts_what_the_hit_rates_table_shows(results: dict[str, Any]) -> None:
    result = results["BacktestResult"]
    table = result.hit_rates().set_index("model")
    for score in result.summary.scores:
        assert table.loc[score.model, "all exact"].startswith(f"{score.exact}/{score.predicted}")


def test_redline_of_three_documents_raises_and_names_redline_chain(corpus: ng.Corpus) -> None:
    with pytest.raises(TypeError, match=r"redline_chain\(\[corpus\['us-28-point-2025-11'\]"):
        ng.redline(corpus[OLD], corpus[THIRD], corpus[NEW])


def test_redline_always_returns_a_redline(corpus: ng.Corpus) -> None:
    assert inspect.signature(ng.redline).return_annotation in ("Redline", ng.Redline)
    assert type(ng.redline(corpus[OLD], corpus[NEW])) is ng.Redline


# --- results are data: the lineage's notes


def test_suggested_lineage_notes_are_data_worded_in_each_language() -> None:
    old = document("old", {"1": "Army capped at 600,000.", "2": "Elections within 100 days."})
    new = document("new", {"1": "Sanctions lifted in stages."})
    found = lineage(old, new)
    assert found.basis == "suggested"
    assert all(notes == (LineageNote(NoteKind.NO_MATCH),) for notes in found.struck.values())
    assert notes_text(found.struck["2"], "en") == "no match suggested"
    assert notes_text(found.struck["2"], "ar") == "لم يُقترح بند مقابل"
    red = ng.redline(old, new)
    [row] = [r for r in red.to_records("ar") if r["old"] == ["2"]]
    assert row["note"] == "لم يُقترح بند مقابل"


def test_a_struck_point_without_a_note_names_the_revision_that_struck_it() -> None:
    old = document("old", {"1": "Army capped at 600,000.", "2": "Elections within 100 days."})
    new = document("new", {"1": {"text": "Army capped at 600,000.", "from": ["1"]}}, revises="old", struck={"2": ""})
    [note] = lineage(old, new).struck["2"]
    assert note == LineageNote(NoteKind.STRUCK_IN, document="new")
    assert notes_text([note], "en") == "struck in new"
    assert notes_text([note], "ar") == "حُذف في new"


def test_a_redline_is_data_whose_views_take_their_own_language(corpus: ng.Corpus) -> None:
    built_in_english = ng.redline(corpus[OLD], corpus[NEW], corpus=corpus)
    built_in_arabic = ng.redline(corpus[OLD], corpus[NEW], corpus=corpus, lang="ar")
    assert built_in_english.to_records("ar") == built_in_arabic.to_records("ar")
    army = built_in_english.moves["security.army_cap"]
    assert army.describe(corpus.taxonomy, "ar") != army.describe(corpus.taxonomy, "en")
    assert (army.from_, army.to) == (600000.0, 800000.0)
    assert "600,000" in army.before and "800,000" in army.after  # the English words, for older code


# --- the table every command renders is frozen


def test_a_table_is_frozen_and_table_of_builds_a_new_one() -> None:
    table = Table(rows=[{"x": 1}], columns=[Column("x")], notes=["first"])
    assert isinstance(table.rows, tuple) and isinstance(table.columns, tuple) and table.notes == ("first",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.title = "changed"  # type: ignore[misc]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = table_of(table, title="t", notes=["second"])
    assert (again.title, again.notes) == ("t", ("first", "second"))
    assert (table.title, table.notes) == (None, ("first",))
