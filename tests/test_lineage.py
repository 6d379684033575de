"""Lineage as data: ``revises:``, points in short or long form with ``from:``, ``struck:``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import negotiation as ng
from negotiation.model.models import Point, lineage_problems
from tests.small_corpus import document


def test_a_point_may_be_its_text_alone_or_a_mapping_with_from_and_note():
    doc = document("b", {"1": "Kept as text.", "2": {"text": "Merged.", "from": ["7", "8"], "note": "inferred"}})
    assert doc.points["1"] == Point(text="Kept as text.")
    assert doc.points["1"].from_ is None
    assert doc.points["2"].from_ == ("7", "8")
    assert doc.points["2"].note == "inferred"


def test_point_numbers_written_as_yaml_numbers_are_read_as_strings():
    doc = document("b", {"1": {"text": "x", "from": [7, 8]}}, struck=[3])
    assert doc.points["1"].from_ == ("7", "8")
    assert doc.struck == {"3": ""}


@pytest.mark.parametrize("struck", [[[1]], [{"a": 1}]])
def test_a_struck_list_of_anything_but_point_numbers_is_a_validation_error(struck: list[Any]) -> None:
    with pytest.raises(ValidationError, match="expected a list of point numbers"):
        document("b", {"1": "x"}, struck=struck)


def test_an_empty_from_says_the_point_is_new_and_differs_from_no_from():
    doc = document("b", {"1": {"text": "new", "from": []}, "2": "undeclared"})
    assert doc.points["1"].from_ == ()
    assert doc.points["2"].from_ is None


def test_dumping_keeps_the_short_form_for_plain_points_and_the_from_key():
    doc = document("b", {"1": "plain", "2": {"text": "long", "from": ["1"]}}, revises="a")
    dumped = doc.model_dump(mode="json", exclude_defaults=True)
    assert dumped["points"] == {"1": "plain", "2": {"text": "long", "from": ["1"]}}
    assert ng.Document.model_validate(dumped) == doc


@pytest.mark.parametrize(
    ("point", "where", "expected"),
    [(5, "points.1", "the point's text"),
     ({"text": "x", "from": 7}, "points.1.from", "list of point numbers"),
     ({"from": []}, "points.1.text", "missing")],
)
def test_a_malformed_point_is_reported_with_its_file_and_path(
    tmp_path: Path, taxonomy: ng.Taxonomy, point: Any, where: str, expected: str
):
    folder = ng.dump(ng.Corpus.of(taxonomy, [document("b", {"1": "x"})]), tmp_path / "corpus")
    file = folder / "documents" / "b.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["points"]["1"] = point
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    [problem] = ng.validate(folder)
    assert (Path(problem.file).name, problem.location) == ("b.yaml", where)
    assert expected in problem.message


def test_the_json_schema_accepts_both_forms_of_a_point():
    schema = ng.document_schema()
    accepted = schema["properties"]["points"]["additionalProperties"]["anyOf"]
    assert {"type": "string"} in accepted
    point = schema["$defs"]["Point"]
    assert set(point["properties"]) == {"text", "from", "note"}
    assert "revises" in schema["properties"] and "struck" in schema["properties"]


def _problems(*docs: ng.Document) -> list[tuple[str, str, str]]:
    return lineage_problems({d.id: d for d in docs})


def test_a_well_formed_revision_has_no_lineage_problems():
    a = document("a", {"1": "x", "2": "y", "3": "z"})
    b = document("b", {"1": {"text": "x", "from": ["1", "2"]}}, revises="a", struck={"3": "dropped"})
    assert _problems(a, b) == []


def test_revises_must_name_a_document_of_the_corpus():
    b = document("b", {"1": "x"}, revises="us-28-points")
    assert _problems(b) == [("b", "revises", "unknown document 'us-28-points'")]


def test_from_must_name_points_of_the_revised_document():
    a = document("a", {"1": "x"})
    b = document("b", {"5": {"text": "x", "from": ["1", "9"]}}, revises="a")
    [(doc, where, message)] = _problems(a, b)
    assert (doc, where) == ("b", "points.5.from[1]")
    assert "a has no point '9'" in message


def test_from_without_revises_is_a_problem():
    b = document("b", {"5": {"text": "x", "from": ["1"]}})
    assert [w for _, w, _ in _problems(b)] == ["points.5.from"]


def test_a_struck_point_cannot_also_be_the_origin_of_a_point():
    a = document("a", {"1": "x"})
    b = document("b", {"1": {"text": "x", "from": ["1"]}}, revises="a", struck=["1"])
    assert [w for _, w, _ in _problems(a, b)] == ["struck.1"]


def test_a_chain_of_revisions_may_not_loop():
    a = document("a", {"1": "x"}, revises="b")
    b = document("b", {"1": "x"}, revises="a")
    assert any("loops" in m for _, _, m in _problems(a, b))


def test_a_corpus_refuses_broken_lineage_at_once(taxonomy: ng.Taxonomy):
    with pytest.raises(ng.CorpusError) as info:
        ng.Corpus.of(taxonomy, [document("b", {"1": "x"}, revises="nowhere")])
    assert info.value.problems[0].location == "revises"


def test_the_loader_names_the_file_and_field_of_a_lineage_problem(tmp_path: Path, taxonomy: ng.Taxonomy):
    a = document("a", {"1": "x"})
    b = document("b", {"1": {"text": "x", "from": ["1"]}}, revises="a")
    folder = ng.dump(ng.Corpus.of(taxonomy, [a, b]), tmp_path / "corpus")
    file = folder / "documents" / "b.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["points"]["1"]["from"] = ["2"]
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    [problem] = [p for p in ng.validate(folder) if p.severity == "error"]  # warnings: no stances
    assert Path(problem.file).name == "b.yaml"
    assert problem.location == "points.1.from[0]"
    assert "no point '2'" in problem.message
