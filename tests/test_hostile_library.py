"""Library misuse: results are immutable all the way down, and wrong arguments say what was expected."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import negotiation as ng
from negotiation.model.frozen import FrozenDict, FrozenList

CORPUS = ng.load()
DOC = CORPUS["us-28-point-2025-11"]


def test_the_stances_of_a_document_cannot_be_changed() -> None:
    issue = next(iter(DOC.stances))
    with pytest.raises(TypeError, match="read-only"):
        DOC.stances[issue] = DOC.stances[issue]
    with pytest.raises(TypeError, match="read-only"):
        del DOC.stances[issue]
    with pytest.raises(TypeError, match="read-only"):
        DOC.stances.clear()
    assert issue in ng.load()[DOC.id].stances


@pytest.mark.parametrize("mapping", [
    lambda: CORPUS.documents, lambda: CORPUS.taxonomy.issues, lambda: CORPUS.taxonomy.parties,
    lambda: DOC.points, lambda: DOC.titles,
])
def test_every_mapping_of_a_result_is_read_only(mapping) -> None:
    value = mapping()
    assert isinstance(value, FrozenDict)
    with pytest.raises(TypeError):
        value.update({})


def test_read_only_documents_still_pickle_copy_and_dump() -> None:
    assert pickle.loads(pickle.dumps(DOC)) == DOC
    assert copy.deepcopy(DOC) == DOC and copy.copy(DOC) == DOC
    assert json.loads(DOC.model_dump_json())["id"] == DOC.id
    assert dict(DOC.stances) == DOC.stances
    assert isinstance(pickle.loads(pickle.dumps(DOC)).stances, FrozenDict)


def test_compare_of_none_says_what_it_takes() -> None:
    with pytest.raises(TypeError, match=r"compare\(\) takes a Document .* for 'a', got None"):
        ng.compare(None, DOC)  # type: ignore[arg-type]


def test_matrix_of_a_lone_string_is_an_error_not_a_list_of_characters() -> None:
    with pytest.raises(TypeError, match=r"matrix\(\) takes a list of .* got the string 'an-id'"):
        ng.matrix(CORPUS, "an-id")


def test_a_malformed_language_is_an_error_naming_the_known_ones() -> None:
    cmp = ng.compare(DOC, CORPUS["istanbul-draft-2022-04"])
    with pytest.raises(ValueError, match=r"unknown language 'english!'; known: ar, en"):
        cmp.to_table(lang="english!")


def _mutable_inside(value: object, path: str, seen: set[int], found: list[str]) -> None:
    """Every place under ``value`` that a caller could change: a list, dict or set, an unfrozen
    dataclass, a writeable array (DataFrames are left to the next test: they are fresh per call)."""
    import dataclasses

    import numpy as np
    import pandas as pd
    from pydantic import BaseModel

    if id(value) in seen or isinstance(value, str | bytes | int | float | type | np.generic | pd.DataFrame | pd.Series):
        return
    seen.add(id(value))
    if isinstance(value, list | dict | set | bytearray) and not isinstance(value, FrozenDict | FrozenList):
        found.append(f"{path}: {type(value).__name__}")
    if isinstance(value, np.ndarray) and value.flags.writeable:
        found.append(f"{path}: writeable array")
    if isinstance(value, BaseModel):
        children = [(f".{k}", getattr(value, k)) for k in type(value).model_fields]
    elif dataclasses.is_dataclass(value):
        if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            found.append(f"{path}: {type(value).__name__} is not frozen")
        children = [(f".{f.name}", getattr(value, f.name)) for f in dataclasses.fields(value)]
    elif isinstance(value, dict):
        children = [(f"[{k!r}]", v) for k, v in value.items()]
    elif isinstance(value, tuple | list | frozenset | set):
        children = [(f"[{i}]", v) for i, v in enumerate(value)]
    else:
        return
    for suffix, child in children:
        _mutable_inside(child, path + suffix, seen, found)


OTHER = CORPUS["istanbul-draft-2022-04"]
LATER = CORPUS["us-20-point-2025-12"]
RESULTS = {
    "Corpus": lambda: CORPUS,
    "Comparison": lambda: ng.compare(OTHER, DOC),
    "Position": lambda: ng.position(CORPUS, "RU", "2025-06-01"),
    "scenario": lambda: ng.scenario(OTHER, [ng.set_value("security.army_cap", 600_000)]),
    "MatrixRange": lambda: ng.matrix_range(CORPUS, [OTHER.id, DOC.id, LATER.id]),
    "Redline": lambda: ng.redline(DOC, LATER),
    "RedlineChain": lambda: ng.redline_chain([OTHER, DOC, LATER]),
    "Alignment": lambda: ng.align(DOC, LATER),
    "Agreement": lambda: ng.agreement(CORPUS, CORPUS, [DOC.id, LATER.id]),
    "BargainResult": lambda: ng.bargain([{"actor": "A", "position": 0, "capability": 1, "salience": 1},
                                         {"actor": "B", "position": 100, "capability": 1, "salience": 1}]),
    "Edit": lambda: ng.concede("security.army_cap", 800_000),
}


@pytest.mark.parametrize("kind", sorted(RESULTS))
def test_every_result_is_read_only_all_the_way_down(kind: str) -> None:
    found: list[str] = []
    _mutable_inside(RESULTS[kind](), kind, set(), found)
    assert not found, f"{len(found)} mutable places, e.g. {found[:5]}"


def test_a_backtest_result_is_read_only() -> None:
    result = ng.backtest(CORPUS, targets=[LATER.id], parties=["RU", "UA"])
    found: list[str] = []
    _mutable_inside(result, "BacktestResult", set(), found)
    assert not found, found[:5]


@pytest.mark.parametrize("make", [
    lambda: ng.matrix_range(CORPUS, [OTHER.id, DOC.id]).convergence, lambda: ng.matrix(CORPUS, [OTHER.id, DOC.id]),
    lambda: ng.trajectory(CORPUS, "RU", "UA"), lambda: ng.stances(CORPUS), lambda: ng.coverage(CORPUS),
])
def test_a_frame_is_the_callers_own_copy(make) -> None:
    first = make()
    before = make().copy()
    first.iloc[:, 0] = first.iloc[::-1, 0].to_numpy()  # a caller changing its frame in place…
    first.loc[first.index[0]] = first.iloc[-1]
    assert make().equals(before)  # …changes nothing the next caller sees


def test_a_read_only_list_refuses_changes_yet_equals_pickles_and_dumps_as_a_list() -> None:
    values = FrozenList(["RU", "UA"])
    for change in (lambda: values.append("US"), lambda: values.__setitem__(0, "US"), values.clear, values.sort):
        with pytest.raises(TypeError, match="read-only"):
            change()
    assert values == ["RU", "UA"] and pickle.loads(pickle.dumps(values)) == values
    assert json.dumps(values) == '["RU", "UA"]' and copy.deepcopy(values) == values
