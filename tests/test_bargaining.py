"""Bargaining outcomes: weighted median, Nash point, the KTAB round model, and predict()."""

from __future__ import annotations

import math

import numpy as np
import pytest

import negotiation as ng
from negotiation.analysis.bargaining import nash_point, smp_rounds, weighted_mean, weighted_median

# KTAB's published example: KAPSARC's Toolkit for Behavioral Analysis, github.com/KAPSARC/KTAB
# (MIT licence). Input: examples/smp/doc/SOE-Pol-Comp.csv, "China Policy/Competitive; scen 2",
# 13 actors of China's upstream oil and gas reform with influence and, on two dimensions
# (policy, competitiveness), a position (0-100) and a salience (0-100).
SOE_POL_COMP = [  # actor, capability, policy position, policy salience, competitive position, salience
    ("XJ", 100.0, 30, 24.0, 20, 48.0), ("LK", 60.2, 45, 44.7, 65, 41.3), ("ZG", 35.0, 30, 28.9, 15, 65.1),
    ("MK", 35.0, 45, 20.6, 45, 49.4), ("LH", 40.0, 50, 44.7, 65, 47.8), ("XS", 20.0, 15, 32.0, 10, 32.0),
    ("NEA", 15.0, 20, 32.0, 15, 32.0), ("MLR", 25.0, 60, 43.9, 50, 50.1), ("MEP", 20.0, 30, 26.4, 15, 17.6),
    ("MOF", 35.0, 45, 35.9, 40, 46.6), ("SHX", 20.0, 50, 44.7, 50, 47.8), ("HLJ", 20.0, 20, 47.4, 30, 40.6),
    ("WY", 40.0, 15, 49.0, 60, 46.0),
]
# KTAB's published run of that file with its default parameters (Linear, Prop, Conditional,
# Deterministic, Mid, OneThird, SemiCommit, S2P2, InitOnlyInterp): the reference log
# examples/smp/doc/20170530_ref-SOE-Pol-Comp.txt ("History of actor positions over time",
# 28 states). Rounds 1, 2 and the last, per actor: (policy...), (competitive...).
KTAB_RUN = {
    "XJ": ((30.0, 30.9, 43.2), (20.0, 20.4, 43.3)), "LK": ((44.8, 44.7, 43.2), (64.6, 64.4, 43.3)),
    "ZG": ((30.0, 30.0, 38.7), (15.0, 15.0, 28.8)), "MK": ((44.9, 44.8, 38.6), (45.0, 45.0, 28.8)),
    "LH": ((49.6, 49.6, 38.7), (64.4, 64.4, 28.8)), "XS": ((42.9, 39.7, 38.6), (38.8, 35.4, 29.5)),
    "NEA": ((20.0, 39.7, 38.7), (15.0, 35.4, 29.0)), "MLR": ((59.7, 59.4, 38.7), (49.8, 49.6, 29.0)),
    "MEP": ((29.6, 44.8, 38.7), (14.7, 45.0, 28.9)), "MOF": ((42.9, 42.0, 38.8), (38.8, 38.2, 30.7)),
    "SHX": ((49.9, 49.9, 38.8), (50.0, 49.9, 30.8)), "HLJ": ((20.0, 20.0, 38.8), (29.9, 29.9, 30.8)),
    "WY": ((15.0, 15.0, 15.0), (60.0, 60.0, 60.0)),
}
KTAB_STATES = 28


def soe_run() -> np.ndarray:
    cap = np.array([row[1] for row in SOE_POL_COMP])
    x = np.array([[row[2], row[4]] for row in SOE_POL_COMP]) / 100
    sal = np.array([[row[3], row[5]] for row in SOE_POL_COMP]) / 100
    return np.array(smp_rounds(x, cap, sal)) * 100


def test_rounds_reproduce_ktab_published_reference_run() -> None:
    """Every actor, both dimensions, rounds 1, 2 and the last: within KTAB's printed precision (0.1)."""
    run = soe_run()
    assert len(run) == KTAB_STATES
    for a, (actor, *_rest) in enumerate(SOE_POL_COMP):
        for dim, published in enumerate(KTAB_RUN[actor]):
            ours = (run[1, a, dim], run[2, a, dim], run[-1, a, dim])
            assert ours == pytest.approx(published, abs=0.051), (actor, dim)


def test_where_ktab_lands_the_weighted_median_and_mean_do_not() -> None:
    """KTAB's run ends with 10 of 13 actors within a point of (38.7, 29.5); the weighted median
    (45, 40) and weighted mean (36.3, 38.9) of the inputs (weights capability × salience) are
    more than 5 points away, our last round is not."""
    final = np.array([[KTAB_RUN[a][0][-1], KTAB_RUN[a][1][-1]] for a, *_ in SOE_POL_COMP])
    landing = np.median(final, axis=0)
    ours = np.median(soe_run()[-1], axis=0)
    assert np.linalg.norm(ours - landing) <= 1
    cap = np.array([row[1] for row in SOE_POL_COMP])
    dims = [([r[p] for r in SOE_POL_COMP], cap * [r[s] for r in SOE_POL_COMP]) for p, s in ((2, 3), (4, 5))]
    median = [weighted_median(x, w) for x, w in dims]
    mean = [weighted_mean(x, w) for x, w in dims]
    assert np.linalg.norm(np.array(median) - landing) > 5
    assert np.linalg.norm(np.array(mean) - landing) > 5


# A second published run: examples/smp/doc/dummyData_3Dim.csv (7 actors, 3 dimensions) and its
# reference log examples/smp/doc/20170530_ref-dummyData_3Dim.txt (same defaults, 11 states).
DUMMY_3DIM = [  # actor, power, (position, salience) × 3
    ("SActor-00", 102.543, 75.79, 49.53, 6.37, 5.91, 70.45, 28.15),
    ("SActor-01", 53.393, 82.72, 30.33, 73.50, 21.22, 64.00, 24.79),
    ("SActor-02", 129.643, 82.45, 48.47, 90.89, 13.55, 0.07, 34.62),
    ("SActor-03", 75.920, 62.52, 20.76, 50.82, 39.24, 62.33, 22.21),
    ("SActor-04", 63.224, 82.34, 40.96, 45.77, 25.43, 73.31, 22.59),
    ("SActor-05", 120.048, 84.48, 22.92, 33.70, 39.35, 88.11, 15.42),
    ("SActor-06", 54.178, 70.96, 31.75, 33.46, 27.93, 90.36, 26.03),
]
DUMMY_3DIM_RUN = {  # actor: (round 1, last round) per dimension, from the reference log
    "SActor-00": ((79.5, 78.6), (44.7, 31.8), (72.0, 74.1)),
    "SActor-01": ((78.9, 78.6), (56.3, 31.8), (72.5, 74.1)),
    "SActor-02": ((82.5, 82.5), (90.9, 90.9), (0.1, 0.1)),
    "SActor-03": ((65.8, 67.1), (50.8, 50.1), (63.0, 63.7)),
    "SActor-04": ((79.5, 78.6), (44.7, 31.6), (72.0, 74.1)),
    "SActor-05": ((84.4, 79.9), (34.1, 34.4), (86.3, 75.2)),
    "SActor-06": ((75.6, 78.6), (24.8, 31.6), (72.0, 74.1)),
}


def test_rounds_reproduce_ktab_reference_run_on_three_dimensions() -> None:
    cap = np.array([r[1] for r in DUMMY_3DIM])
    x = np.array([r[2::2] for r in DUMMY_3DIM]) / 100
    sal = np.array([r[3::2] for r in DUMMY_3DIM]) / 100
    run = np.array(smp_rounds(x, cap, sal)) * 100
    assert len(run) == 11
    for a, row in enumerate(DUMMY_3DIM):
        for dim, published in enumerate(DUMMY_3DIM_RUN[row[0]]):
            assert (run[1, a, dim], run[-1, a, dim]) == pytest.approx(published, abs=0.051), (row[0], dim)


def test_bargain_is_the_one_dimension_front_end() -> None:
    """On one dimension ``bargain`` runs the same rounds as :func:`smp_rounds`."""
    actors = [{"actor": r[0], "capability": r[1], "position": r[2], "salience": r[3]} for r in SOE_POL_COMP]
    result = ng.bargain(actors)
    cap = np.array([r[1] for r in SOE_POL_COMP])
    rounds = smp_rounds(np.array([r[2] for r in SOE_POL_COMP]) / 100, cap, np.array([r[3] for r in SOE_POL_COMP]) / 100)
    assert result.rounds.to_numpy() == pytest.approx(np.array([h[:, 0] for h in rounds]) * 100)
    assert result.outcome in set(result.final)


def soe_actors() -> list[dict[str, object]]:
    return [{"actor": r[0], "capability": r[1], "position": r[2], "salience": r[3]} for r in SOE_POL_COMP]


def test_rounds_start_from_the_input_positions() -> None:
    result = ng.bargain(soe_actors())
    assert list(result.rounds.columns) == [r[0] for r in SOE_POL_COMP]
    assert list(result.rounds.iloc[0]) == [float(r[2]) for r in SOE_POL_COMP]
    assert 1 < len(result.rounds) <= 101


def test_actors_who_already_agree_stay_put() -> None:
    result = ng.bargain([{"actor": a, "capability": 10 + i, "position": 40, "salience": 50}
                         for i, a in enumerate("ABC")])
    assert result.outcome == pytest.approx(40)
    assert (result.final == 40).all()


def test_positions_never_leave_the_range_of_the_inputs() -> None:
    result = ng.bargain(soe_actors())
    assert result.rounds.min().min() >= 15 - 1e-9 and result.rounds.max().max() <= 60 + 1e-9


def test_bargain_explains_bad_tables_in_one_line() -> None:
    with pytest.raises(ng.NegotiationError, match="missing salience"):
        ng.bargain([{"actor": "A", "capability": 1, "position": 3}, {"actor": "B", "capability": 1, "position": 5}])
    with pytest.raises(ng.NegotiationError, match="position of actor 'B'"):
        ng.bargain([{"actor": "A", "capability": 1, "position": 3, "salience": 5},
                    {"actor": "B", "capability": 1, "position": 300, "salience": 5}])


def test_weighted_median_follows_the_weight() -> None:
    assert weighted_median([0, 50, 100], [1, 1, 1]) == 50
    assert weighted_median([0, 50, 100], [1, 1, 3]) == 100
    assert weighted_median([0, 50, 100], [3, 1, 1]) == 0


def test_nash_point_splits_a_symmetric_zone_in_the_middle() -> None:
    assert nash_point([0.0, 1.0], [0.8, 0.2], (0.2, 0.8)) == pytest.approx(0.5, abs=0.01)


def test_nash_point_leans_toward_the_heavier_party() -> None:
    z = nash_point([0.0, 1.0], [0.8, 0.2], (0.2, 0.8), weights=[3, 1])
    assert 0.2 <= z < 0.5


@pytest.fixture(scope="module")
def prediction(corpus: ng.Corpus) -> object:
    return ng.predict(corpus, ["RU", "UA", "US"], as_of="2026-02-24")


def test_predict_names_a_model_for_every_row(prediction) -> None:
    assert set(prediction["model"]) == {"weighted_median", "nash", "smp"}
    assert {"distance_RU", "distance_UA", "distance_US"} <= set(prediction.columns)


def test_predicted_distances_are_the_ones_compare_measures(corpus, prediction, taxonomy) -> None:
    ru = corpus.position("RU", "2026-02-24")
    for row in prediction.itertuples():
        stance = ru.stances.get(row.issue)
        if stance is None or not stance.stated:
            assert math.isnan(row.distance_RU)
            continue
        guess = ng.Stance(value=row.value, source="s")
        assert row.distance_RU == pytest.approx(ng.compare(
            ru.model_copy(update={"stances": {row.issue: stance}}),
            ru.model_copy(update={"stances": {row.issue: guess}}), taxonomy=taxonomy,
        ).diffs[0].distance)


def test_nash_points_lie_in_what_every_party_accepts(corpus, prediction, taxonomy) -> None:
    positions = [corpus.position(p, "2026-02-24") for p in ("RU", "UA", "US")]
    nash = prediction[prediction["model"] == "nash"]
    assert len(nash)
    for row in nash.itertuples():
        scale = taxonomy.issues[row.issue].scale
        for pos in positions:
            stance = pos.stances.get(row.issue)
            if stance is not None and stance.stated:
                assert scale.gap(scale.span([ng.Stance(value=row.value, source="s").value]),
                                 stance.reservation(scale)) == 0


def test_predict_gives_only_the_models_asked_for(corpus) -> None:
    """Set-valued issues are decided by the weighted median alone: asking for smp gives no such rows."""
    frame = ng.predict(corpus, ["RU", "UA", "US"], models=["smp"])
    assert len(frame)
    assert set(frame["model"]) == {"smp"}
    sets = {i for i, issue in corpus.taxonomy.issues.items() if isinstance(issue.scale, ng.SetScale)}
    assert sets and not sets & set(frame["issue"])


def test_predict_rejects_unknown_parties_and_models(corpus) -> None:
    with pytest.raises(ng.UnknownPartyError):
        ng.predict(corpus, ["RU", "XX"])
    with pytest.raises(ng.NegotiationError, match="unknown model"):
        ng.predict(corpus, ["RU", "UA"], models=["oracle"])


def test_the_predict_command_prints_each_model(capsys) -> None:
    import json

    from negotiation.cli.main import main

    code = main(["predict", "RU", "UA", "--as-of", "2026-02-24", "--issue", "territory.donetsk", "-f", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = json.loads(out)
    assert {r["model"] for r in rows} >= {"weighted_median", "smp"}
    assert {r["issue"] for r in rows} == {"territory.donetsk"}
