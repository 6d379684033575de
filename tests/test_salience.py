"""Salience and capability as data: sourced or marked as assumptions, validated with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.model.salience import Salience


def test_bundled_salience_is_sourced_or_an_assumption(corpus) -> None:
    assert corpus.salience
    for entry in corpus.salience.parties.values():
        judgements = [*entry.salience.values(), *([entry.capability] if entry.capability else [])]
        for j in judgements:
            assert j.source or (j.assumption and j.note)


def test_bundled_quotes_are_quotes_of_the_cited_documents(corpus) -> None:
    for entry in corpus.salience.parties.values():
        for j in entry.salience.values():
            if j.source in corpus and j.quote:
                quotes = [st.quote or "" for st in corpus[j.source].stances.values()]
                assert any(j.quote in q for q in quotes), f"{j.source}: {j.quote!r}"


def test_an_issue_value_beats_its_area_and_defaults_follow_taxonomy_weights(taxonomy) -> None:
    s = Salience.model_validate({"parties": {"RU": {"salience": {
        "territory": {"value": 0.4, "assumption": True, "note": "n"},
        "territory.crimea": {"value": 0.9, "assumption": True, "note": "n"},
    }}}})
    assert s.salience("RU", "territory.crimea", taxonomy) == 0.9
    assert s.salience("RU", "territory.donetsk", taxonomy) == 0.4
    heaviest = max(i.weight for i in taxonomy.issues.values())
    assert s.salience("UA", "justice.amnesty", taxonomy) == taxonomy.issues["justice.amnesty"].weight / heaviest
    assert s.capability("UA") == 1.0


def _corpus_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "c"
    shutil.copytree(ng.bundled_path(), folder)
    (folder / "salience.yaml").write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[ng.Problem]:
    with pytest.raises(ng.CorpusError) as info:
        ng.load(folder)
    return list(info.value.problems)


def test_a_value_without_source_or_assumption_is_a_problem_with_file_and_line(tmp_path) -> None:
    folder = _corpus_with(tmp_path, "parties:\n  RU:\n    capability:\n      value: 0.7\n")
    (p,) = _problems(folder)
    assert p.file.endswith("salience.yaml") and p.line == 3
    assert p.location == "parties.RU.capability" and "assumption" in p.message


def test_an_out_of_range_value_names_its_field(tmp_path) -> None:
    folder = _corpus_with(tmp_path, "parties:\n  UA:\n    salience:\n      territory.crimea:\n"
                                    "        value: 7\n        assumption: true\n        note: x\n")
    (p,) = _problems(folder)
    assert p.location == "parties.UA.salience.territory.crimea.value" and p.line == 5


def test_unknown_parties_issues_and_sources_are_reported_together(tmp_path) -> None:
    folder = _corpus_with(tmp_path, "parties:\n  XX:\n    salience:\n      territory.atlantis:\n"
                                    "        value: 0.5\n        source: nowhere\n")
    found = {p.location for p in _problems(folder)}
    assert found == {"parties.XX", "parties.XX.salience.territory.atlantis",
                     "parties.XX.salience.territory.atlantis.source"}


def test_an_unknown_field_names_salience_yaml_not_a_document_file(tmp_path) -> None:
    folder = _corpus_with(tmp_path, "parties:\n  RU:\n    capability:\n      value: 0.7\n"
                                    "      assumption: true\n      note: n\n      weight: 2\n")
    (p,) = _problems(folder)
    assert p.file.endswith("salience.yaml") and p.line == 7
    assert p.location == "parties.RU.capability.weight"
    assert p.message == "unknown field (not part of salience.yaml)"
    assert [q.message for q in ng.validate(folder) if q.severity == "error"] == [p.message]


def test_dump_and_load_keep_the_salience(tmp_path, corpus) -> None:
    again = ng.load(ng.dump(corpus, tmp_path / "out"))
    assert again.salience == corpus.salience


def test_the_bundled_file_fits_its_json_schema() -> None:
    import jsonschema
    import yaml

    from negotiation.corpus.salience import salience_schema

    data = yaml.safe_load((ng.bundled_path() / "salience.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, salience_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"parties": {"RU": {"capability": {"value": 2}}}}, salience_schema())
