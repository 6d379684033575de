"""Library misuse: results are immutable all the way down, and wrong arguments say what was expected."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import negotiation as ng
from negotiation.model.frozen import FrozenDict

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
    with pytest.raises(TypeError, match=r"compare\(\) takes two Documents .*got None"):
        ng.compare(None, DOC)  # type: ignore[arg-type]


def test_matrix_of_a_lone_string_is_an_error_not_a_list_of_characters() -> None:
    with pytest.raises(TypeError, match=r"matrix\(\) takes a list of document ids .*got the string 'an-id'"):
        ng.matrix(CORPUS, "an-id")


def test_a_malformed_language_is_an_error_naming_the_known_ones() -> None:
    cmp = ng.compare(DOC, CORPUS["istanbul-draft-2022-04"])
    with pytest.raises(ValueError, match=r"unknown language 'english!'; known: ar, en"):
        cmp.to_table(lang="english!")
