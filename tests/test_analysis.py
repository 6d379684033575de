"""Positions, trajectories, matrices, concessions, ZOPA and scenarios on the bundled corpus."""

from __future__ import annotations

import datetime as dt
import math

import pytest

import negotiation as ng

CORPUS = ng.load()


def test_a_position_takes_the_newest_stance_per_issue_and_names_its_document():
    early = CORPUS.position("RU", "2024-06-30")
    late = CORPUS.position("RU", "2026-02-24")
    assert early.stances["territory.donetsk"].document == "ru-putin-conditions-2024-06"
    assert late.stances["territory.donetsk"].document != "ru-putin-conditions-2024-06"
    assert late.kind == "position" and late.date == dt.date(2026, 2, 24)


def test_a_position_cites_the_source_of_each_stance_renamed_by_document():
    pos = CORPUS.position("UA", "2026-02-24")
    for st in pos.stances.values():
        doc_id, _, source_id = st.source.partition("/")
        assert doc_id == st.document
        assert CORPUS[doc_id].source(source_id) == pos.source(st.source).model_copy(update={"id": source_id})


def test_a_joint_draft_gives_each_author_its_own_bracket():
    ru = CORPUS.position("RU", "2022-04-15")
    ua = CORPUS.position("UA", "2022-04-15")
    assert ru.stances["security.army_cap"].value == 85000
    assert ua.stances["security.army_cap"].value == 250000


def test_endorsements_can_be_left_out_of_a_position():
    with_endorsed = CORPUS.position("UA", "2025-03-12")
    own_only = CORPUS.position("UA", "2025-03-12", endorsements=False)
    assert with_endorsed.stances["ceasefire.duration_days"].document == "us-ceasefire-jeddah-2025-03"
    assert "ceasefire.duration_days" not in own_only.stances or \
        own_only.stances["ceasefire.duration_days"].document != "us-ceasefire-jeddah-2025-03"


def test_a_position_before_any_document_is_empty_and_unknown_parties_are_refused():
    assert CORPUS.position("RU", "2022-01-01").stances == {}
    with pytest.raises(ng.UnknownPartyError, match="XX"):
        CORPUS.position("XX")
    with pytest.raises(ng.NegotiationError, match=r"YYYY-MM-DD"):
        CORPUS.position("RU", "24 Feb")


def test_positions_resolve_from_party_at_date_specs():
    assert CORPUS.resolve("RU@2026-02-24") == CORPUS.position("RU", "2026-02-24")


def test_trajectory_has_one_row_per_change_in_date_order_with_moved_issues():
    frame = CORPUS.trajectory("RU", "UA")
    assert list(frame.columns) == ["date", "convergence", "low", "high", "coverage", "both_stated", "apart",
                                   "moved", "documents"]
    assert list(frame["date"]) == sorted(frame["date"])
    stated = frame.dropna(subset=["convergence"])
    assert (stated["low"] <= stated["convergence"] + 1e-9).all()
    assert (stated["convergence"] <= stated["high"] + 1e-9).all()
    assert (stated["high"] - stated["low"]).max() > 0.1  # the band is there: brackets, readings, reports
    assert frame["moved"].map(len).gt(0).all()  # lists of PARTY:issue
    assert str(frame["date"].dtype).startswith("datetime64")
    assert dt.datetime(2026, 2, 24) in set(frame["date"])


def test_matrix_is_square_symmetric_and_one_on_the_diagonal():
    ids = ["istanbul-draft-2022-04", "us-28-point-2025-11", "e3-counterproposal-2025-11", "RU@2026-02-24"]
    m = CORPUS.matrix(ids)
    assert list(m.index) == list(m.columns) == ids
    for i in range(len(ids)):
        assert m.iloc[i, i] == 1.0
        for j in range(len(ids)):
            assert m.iloc[i, j] == pytest.approx(m.iloc[j, i])
    assert m.loc["us-28-point-2025-11", "istanbul-draft-2022-04"] == pytest.approx(
        ng.compare(CORPUS["us-28-point-2025-11"], CORPUS["istanbul-draft-2022-04"]).summary.convergence)


def test_concessions_from_28_to_20_points_show_the_army_cap_moving_toward_the_low_pole():
    moves = ng.concessions(CORPUS["us-28-point-2025-11"], CORPUS["us-20-point-2025-12"]).set_index("issue")
    army = moves.loc["security.army_cap"]
    assert army["change"] == "moved" and army["toward"] == "low"
    assert (army["from"], army["to"]) == (600000, 800000)
    assert (army["from_label"], army["to_label"]) == ("600,000 personnel", "800,000 personnel")


def test_concessions_say_whether_a_move_approaches_a_reference_position():
    ru = CORPUS.position("RU", "2026-02-24")
    moves = ng.concessions(CORPUS["us-28-point-2025-11"], CORPUS["us-20-point-2025-12"], toward=ru)
    assert moves.set_index("issue").loc["security.army_cap", "closer_to"] == "no"


def test_zopa_finds_the_contact_line_where_russia_reports_flexibility():
    day = "2026-02-24"
    z = ng.zopa([CORPUS.position("RU", day), CORPUS.position("UA", day)]).set_index("issue")
    assert not z.loc["territory.zaporizhzhia", "empty"]
    assert "contact_line" in z.loc["territory.zaporizhzhia", "zone"]
    assert "contact line" in z.loc["territory.zaporizhzhia", "zone_label"]
    assert z.loc["territory.donetsk", "empty"] and z.loc["territory.donetsk", "gap"] > 0


def test_zopa_needs_two_positions():
    with pytest.raises(ng.NegotiationError):
        ng.zopa([CORPUS.position("RU", "2026-02-24")])


def test_a_scenario_applies_set_concede_and_accept_without_changing_the_base():
    ua = CORPUS.position("UA", "2026-02-24")
    s = ng.scenario(ua, [
        ng.set_value("territory.donetsk", "demilitarized"),
        ng.concede("language.russian_status", "state_language", steps=1),
        ng.accept("territory.luhansk", "demilitarized"),
    ])
    assert s.kind == "scenario"
    assert s.stances["territory.donetsk"].value == "demilitarized"
    assert s.stances["language.russian_status"].value == "protected_minority"
    assert "demilitarized" in s.stances["territory.luhansk"].accepts
    assert ua.stances["territory.donetsk"].value == "contact_line"
    assert s.source("scenario").title.startswith("set territory.donetsk")


def test_a_scenario_rejects_values_off_the_scale_and_concessions_on_silent_issues():
    ua = CORPUS.position("UA", "2026-02-24")
    with pytest.raises(ng.ScaleError, match=r"territory\.donetsk"):
        ng.scenario(ua, [ng.set_value("territory.donetsk", "annexed")])
    china = CORPUS["cn-12-point-2023-02"]
    assert "territory.crimea" not in china.stances
    with pytest.raises(ng.NegotiationError, match="does not state"):
        ng.scenario(china, [ng.concede("territory.crimea", "ukrainian")])


def test_the_donetsk_package_leaves_donetsk_bridgeable_or_apart_but_raises_convergence():
    day = "2026-02-24"
    ru, ua = CORPUS.position("RU", day), CORPUS.position("UA", day)
    before = ng.compare(ru, ua).summary.convergence
    after = ng.compare(
        ng.scenario(ru, [ng.set_value("territory.zaporizhzhia", "contact_line")]),
        ng.scenario(ua, [ng.set_value("territory.donetsk", "demilitarized")]),
    ).summary.convergence
    assert after > before


def test_coverage_counts_issues_per_area_for_every_document():
    frame = ng.coverage(CORPUS)
    assert len(frame) == len(CORPUS)
    assert frame.loc["us-28-point-2025-11", "total"] == len(CORPUS["us-28-point-2025-11"].stances)
    assert not math.isnan(frame.values.sum())


def test_the_encoding_matches_pure_python_distances():
    docs = [CORPUS["us-28-point-2025-11"], CORPUS["e3-counterproposal-2025-11"]]
    enc = ng.Encoding.of(docs, CORPUS.taxonomy)
    d = enc.distances()
    cmp = ng.compare(*docs)
    for diff in cmp:
        k = enc.issues.index(diff.issue.id)
        if diff.distance is None:
            assert math.isnan(d[0, 1, k])
        else:
            assert d[0, 1, k] == pytest.approx(diff.distance)
