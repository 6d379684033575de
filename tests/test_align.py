"""Suggested alignment: point correspondences from texts and shared stance issues."""

from __future__ import annotations

import json

import pytest
import yaml

import negotiation as ng
from negotiation.analysis.align import align
from negotiation.analysis.lineage import lineage
from negotiation.cli.main import main
from tests.small_corpus import document

OLD, NEW = "us-28-point-2025-11", "us-20-point-2025-12"


def test_a_document_aligned_with_itself_maps_every_point_to_itself(corpus):
    doc = corpus[OLD]
    assert align(doc, doc).links == {(k, k) for k in doc.points}


def test_renumbered_points_are_found_by_their_words():
    a = document("a", {"1": "Elections within 100 days.", "2": "Full amnesty for everyone.",
                       "3": "The Zaporizhzhia plant runs under IAEA supervision."})
    b = document("b", {"1": "The Zaporizhzhia plant runs under IAEA supervision, power split.",
                       "2": "Elections within 100 days of signing."})
    found = align(a, b)
    assert found.from_of("1") == ("3",) and found.from_of("2") == ("1",)
    assert found.unmatched == ("2",)


def test_shared_stance_issues_outweigh_shared_words(taxonomy):
    a = document("a", {"1": "Limits on the armed forces.", "2": "Limits on the armed forces of the region."},
                 {"security.army_cap": {"value": 600000, "points": ["1"]},
                  "security.tank_cap": {"value": 800, "points": ["2"]}})
    b = document("b", {"1": "Troop ceiling."}, {"security.army_cap": {"value": 800000, "points": ["1"]}})
    found = align(a, b)
    assert found.from_of("1") == ("1",)
    [match] = found.matches
    assert match.issues == 1.0


def test_a_higher_threshold_never_proposes_more(corpus):
    low, high = align(corpus[OLD], corpus[NEW], threshold=0.3), align(corpus[OLD], corpus[NEW], threshold=0.7)
    assert high.links <= low.links


def test_the_yaml_pastes_into_a_document_that_loads(corpus):
    found = align(corpus[OLD], corpus[NEW])
    pasted = yaml.safe_load(found.to_yaml())
    new = corpus[NEW].model_copy(update={"points": {}, "struck": {}, "revises": None})
    data = {**new.model_dump(mode="json", exclude_defaults=True), **pasted}
    doc = ng.Document.model_validate(data)
    checked = ng.Corpus.of(corpus.taxonomy, [corpus[OLD], doc])
    assert {(o, n) for n, p in checked[NEW].points.items() for o in p.from_ or ()} == set(found.links)


def test_align_reproduces_the_declared_28_to_20_lineage(corpus):
    declared = lineage(corpus[OLD], corpus[NEW], corpus=corpus)
    assert declared.basis == "declared"
    score = align(corpus[OLD], corpus[NEW]).score(declared.links)
    # Measured on the bundled chain (see the README): precision and recall both above 0.8.
    assert score["precision"] >= 0.8 and score["recall"] >= 0.8


def test_the_command_prints_yaml_with_precision_and_recall(capsys):
    code = main(["align", OLD, NEW])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("# Against the lineage")
    assert "precision" in out and "recall" in out
    assert yaml.safe_load(out)["revises"] == OLD


def test_the_command_gives_a_table_in_any_format(corpus, capsys):
    code = main(["align", OLD, NEW, "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0 and [r["point"] for r in rows] == list(corpus[NEW].points)
    assert all(set(r) >= {"from", "score", "text"} for r in rows)


@pytest.mark.parametrize("bad", ["1.5", "x"])
def test_a_bad_threshold_is_refused_in_one_line(capsys, bad):
    code = main(["align", OLD, NEW, "--threshold", bad])
    err = capsys.readouterr().err
    assert code == 2 and "threshold" in err
