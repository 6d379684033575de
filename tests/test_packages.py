"""The words of a package search's moves (render/packages.py), from the moves as data."""

from __future__ import annotations

import pytest

import negotiation as ng
from negotiation.analysis.search import PackageStep
from negotiation.render.packages import option_text, package_text


@pytest.fixture(scope="module")
def tax() -> ng.Taxonomy:
    return ng.load().taxonomy


def test_a_level_move_names_the_level_and_the_steps(tax: ng.Taxonomy) -> None:
    issue = tax.issues["security.nato_membership"]
    step = ng.Step(ng.StepKind.LEVEL, "open_door", k=2)
    assert option_text(step, issue) == f"{issue.scale.format('open_door')} (2 steps)"
    assert option_text(step, issue, "ar") == f"{issue.scale.format('open_door', 'ar')} (درجتان)"  # the dual: i18n.steps


def test_a_part_of_a_numeric_gap_names_the_number_and_the_part(tax: ng.Taxonomy) -> None:
    step = ng.Step(ng.StepKind.PART, 300_000.0, k=2, n=4)
    assert option_text(step, tax.issues["security.army_cap"]) == "300,000 (2/4 of the gap)"
    assert option_text(step, tax.issues["security.army_cap"], "ar") == "300,000 (2/4 من الفجوة)"


def test_set_moves_name_the_member_and_a_flag_its_new_value(tax: ng.Taxonomy) -> None:
    guarantors = tax.issues["security.guarantors"]
    assert option_text(ng.Step(ng.StepKind.ADD, frozenset({"US"}), member="US"), guarantors) == "+US"
    assert option_text(ng.Step(ng.StepKind.DROP, frozenset(), member="US"), guarantors) == "−US"
    flag = tax.issues["security.non_nuclear"]
    assert option_text(ng.Step(ng.StepKind.GIVE_IN, True), flag) == "yes"
    assert option_text(ng.Step(ng.StepKind.GIVE_IN, True), flag, "ar") == "نعم"


def test_a_package_joins_its_moves_and_an_empty_one_says_so(tax: ng.Taxonomy) -> None:
    moves = (PackageStep("a", "RU", "security.guarantors", ng.Step(ng.StepKind.ADD, frozenset({"US"}), member="US")),
             PackageStep("b", "UA", "security.non_nuclear", ng.Step(ng.StepKind.GIVE_IN, True)))
    label = tax.issues["security.guarantors"].label("en")
    assert package_text(moves, tax).startswith(f"RU: {label} → +US; UA: ")
    assert "؛ UA: " in package_text(moves, tax, "ar")
    assert package_text((), tax) == "no moves"
    assert package_text((), tax, "ar") == "لا تحرّكات"


def test_the_search_frame_carries_its_moves_as_data_and_the_english_words_beside() -> None:
    corpus = ng.load()
    ru, ua = corpus.position("RU", "2026-02-24"), corpus.position("UA", "2026-02-24")
    best = ng.search(ru, ua, max_steps=1, top=3)
    for moves, words in zip(best["moves"], best["package"], strict=True):
        assert all(isinstance(m, PackageStep) for m in moves)
        assert words == package_text(moves, corpus.taxonomy, "en")
