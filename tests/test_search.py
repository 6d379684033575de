"""Package search: ranked packages of concessions, checked against scenario() + compare()."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import negotiation as ng
from negotiation import strategies as nst
from negotiation.analysis.search import build_space, evaluate_one_by_one
from negotiation.render.bidi import strip_isolates

DATE = "2026-02-24"


@pytest.fixture(scope="module")
def sides(corpus: ng.Corpus) -> tuple[ng.Document, ng.Document]:
    return corpus.position("RU", DATE), corpus.position("UA", DATE)


@pytest.fixture(scope="module")
def ranked(sides: tuple[ng.Document, ng.Document]) -> object:
    return ng.search(*sides, max_steps=2, top=8)


def test_every_package_scores_what_scenario_and_compare_say(sides, ranked) -> None:
    slow = evaluate_one_by_one(*sides, zip(ranked["edits_a"], ranked["edits_b"], strict=True))
    assert slow == pytest.approx(list(ranked["convergence"]), abs=1e-12)


def test_packages_are_ranked_best_first_and_beat_the_base(ranked) -> None:
    conv = list(ranked["convergence"])
    assert conv == sorted(conv, reverse=True)
    assert conv[0] > ranked.attrs["base_convergence"]
    assert (ranked["gain"] == ranked["convergence"] - ranked.attrs["base_convergence"]).all()


def test_no_side_takes_more_steps_than_allowed(ranked) -> None:
    assert (ranked["steps_a"] <= 2).all() and (ranked["steps_b"] <= 2).all()


def test_each_side_moves_only_toward_the_other(sides, ranked, taxonomy) -> None:
    a, b = sides
    for edits_a, edits_b in zip(ranked["edits_a"], ranked["edits_b"], strict=True):
        moved_a = ng.scenario(a, edits_a, taxonomy=taxonomy)
        moved_b = ng.scenario(b, edits_b, taxonomy=taxonomy)
        for edit in edits_a:
            before = ng.compare(a, b, taxonomy=taxonomy)[edit.issue].distance
            assert ng.compare(moved_a, b, taxonomy=taxonomy)[edit.issue].distance < before
        for edit in edits_b:
            before = ng.compare(a, b, taxonomy=taxonomy)[edit.issue].distance
            assert ng.compare(a, moved_b, taxonomy=taxonomy)[edit.issue].distance < before


def test_fixed_issues_never_move(sides) -> None:
    frame = ng.search(*sides, max_steps=2, fix=["security.foreign_troops"], fix_a=["reconstruction.sanctions"])
    issues_a = {e.issue for edits in frame["edits_a"] for e in edits}
    issues_b = {e.issue for edits in frame["edits_b"] for e in edits}
    assert "security.foreign_troops" not in issues_a | issues_b
    assert "reconstruction.sanctions" not in issues_a


def test_balance_zero_means_equal_weighted_movement(sides) -> None:
    frame = ng.search(*sides, max_steps=2, balance=0.0)
    assert len(frame)
    assert (frame["concession_a"] - frame["concession_b"]).abs().max() < 1e-9


def test_a_target_verdict_is_reached_cheapest_first(sides, taxonomy) -> None:
    a, b = sides
    frame = ng.search(a, b, max_steps=2, target={"territory.donetsk": "close"})
    assert len(frame)
    costs = list(frame["concession_a"] + frame["concession_b"])
    assert costs == sorted(costs)
    for edits_a, edits_b in zip(frame["edits_a"], frame["edits_b"], strict=True):
        cmp = ng.compare(ng.scenario(a, edits_a), ng.scenario(b, edits_b), taxonomy=taxonomy)
        assert cmp["territory.donetsk"].verdict in (ng.Verdict.CLOSE, ng.Verdict.AGREE)


def test_beam_search_finds_the_exhaustive_optimum_here(sides) -> None:
    exact = ng.search(*sides, max_steps=2, method="exhaustive", top=1)
    beam = ng.search(*sides, max_steps=2, method="beam", top=1)
    assert beam.attrs["method"] == "beam" and exact.attrs["method"] == "exhaustive"
    assert beam["convergence"].iloc[0] == pytest.approx(exact["convergence"].iloc[0])


def test_unknown_issue_and_bad_target_are_one_line_errors(sides) -> None:
    with pytest.raises(KeyError, match="unknown issue"):
        ng.search(*sides, fix=["territory.donbas"])
    with pytest.raises(ng.NegotiationError, match="not a verdict"):
        ng.search(*sides, target={"territory.donetsk": "maybe"})


@st.composite
def packages(draw: st.DrawFn, caps_a: tuple[int, ...], caps_b: tuple[int, ...], max_steps: int) -> tuple[dict, dict]:
    """A package of the search space: per side, at most ``max_steps`` steps spread over issues.

    Returns ``{issue index: steps}`` for each side; ``caps_*`` are how many steps each issue allows.
    """
    out = []
    for caps in (caps_a, caps_b):
        chosen: dict[int, int] = {}
        for _ in range(draw(st.integers(0, max_steps))):
            m = draw(st.integers(0, len(caps) - 1))
            if chosen.get(m, 0) < caps[m]:
                chosen[m] = chosen.get(m, 0) + 1
        out.append(chosen)
    return out[0], out[1]


def _edits(spaces: list, ka: dict, kb: dict) -> tuple[list, list]:
    for m in set(ka) & set(kb):
        assume(spaces[m].distance[ka[m], kb[m]] == spaces[m].distance[ka[m], kb[m]])  # moves do not cross
    return [spaces[m].a[k].edit for m, k in ka.items()], [spaces[m].b[k].edit for m, k in kb.items()]


def _caps(spaces: list, side: str) -> tuple[int, ...]:
    return tuple(len(getattr(s, side)) - 1 for s in spaces)


@pytest.fixture(scope="module")
def ru_ua_space(sides, taxonomy) -> tuple[list, float]:
    spaces, _, _ = build_space(*sides, taxonomy)
    best = ng.search(*sides, max_steps=2, method="exhaustive", top=1)["convergence"].iloc[0]
    return spaces, best


@given(data=st.data())
def test_no_package_hypothesis_finds_beats_the_first(sides, taxonomy, ru_ua_space, data) -> None:
    spaces, best = ru_ua_space
    ka, kb = data.draw(packages(_caps(spaces, "a"), _caps(spaces, "b"), 2))
    edits_a, edits_b = _edits(spaces, ka, kb)
    (found,) = evaluate_one_by_one(*sides, [(edits_a, edits_b)], taxonomy)
    assert found <= best + 1e-12


@given(data=st.data())
def test_the_property_holds_on_generated_documents(taxonomy, data) -> None:
    a = data.draw(nst.documents(taxonomy, min_issues=2, max_issues=6))
    other = {i: data.draw(nst.stances(taxonomy.issues[i])) for i in a.stances}
    b = a.model_copy(update={"id": "doc-other", "stances": other})
    frame = ng.search(a, b, taxonomy=taxonomy, max_steps=2, method="exhaustive", top=3)
    rows = evaluate_one_by_one(a, b, zip(frame["edits_a"], frame["edits_b"], strict=True), taxonomy)
    assert rows == pytest.approx(list(frame["convergence"]), abs=1e-12)
    spaces, _, _ = build_space(a, b, taxonomy)
    assume(spaces)
    ka, kb = data.draw(packages(_caps(spaces, "a"), _caps(spaces, "b"), 2))
    edits_a, edits_b = _edits(spaces, ka, kb)
    (found,) = evaluate_one_by_one(a, b, [(edits_a, edits_b)], taxonomy)
    assert found <= frame["convergence"].iloc[0] + 1e-12


def test_the_command_ranks_packages_as_json(capsys) -> None:
    import json

    from negotiation.cli.main import main

    code = main(["search", f"RU@{DATE}", f"UA@{DATE}", "--fix", "territory.crimea", "--max-steps", "1",
                 "--top", "3", "-f", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = json.loads(out)
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert all("Crimea" not in r["package"] for r in rows)


def test_the_command_names_a_bad_target_in_one_line(capsys) -> None:
    from negotiation.cli.main import main

    code = main(["search", f"RU@{DATE}", f"UA@{DATE}", "--target", "territory.donetsk=maybe"])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.strip().splitlines()) == 1 and "not a verdict" in err


# Ties: packages that share a convergence, and what tells them apart.


def _frame(rows: list[dict[str, object]]) -> object:
    import pandas as pd

    base = {"concession_a": 0.1, "concession_b": 0.1, "steps_a": 1, "steps_b": 1, "edits_a": (), "edits_b": ()}
    return pd.DataFrame([{**base, "rank": k + 1, **r} for k, r in enumerate(rows)])


def test_tied_packages_share_their_convergence_and_differ_in_the_moves_named(ranked) -> None:
    from negotiation.analysis.search_ties import search_ties

    ties = search_ties(ranked)
    assert ties
    for tie in ties:
        rows = ranked[ranked["rank"].isin(tie.ranks)]
        assert len(rows) == len(tie.ranks) >= 2
        assert rows["convergence"].max() - rows["convergence"].min() <= 1e-9
        moved = [{(s, e.issue, e.steps) for s in "ab" for e in r[f"edits_{s}"]} for _, r in rows.iterrows()]
        for m in tie.shared:
            assert all((m.side, m.issue, m.steps) in ms for ms in moved)
        assert {(m.side, m.issue, m.steps) for m in tie.differing} == set().union(*moved) - {
            (m.side, m.issue, m.steps) for m in tie.shared}


def test_a_tie_says_what_orders_it_or_that_nothing_does() -> None:
    from negotiation.analysis.scenarios import concede
    from negotiation.analysis.search_ties import search_ties

    x, y = (concede("i.x", "hi"),), (concede("i.y", "hi"),)
    same = search_ties(_frame([{"convergence": 0.5, "edits_a": x}, {"convergence": 0.5, "edits_a": y}]))
    assert [t.order for t in same] == ["none"] and not same[0].split_differs
    cheaper = search_ties(_frame([{"convergence": 0.5, "concession_a": 0.05}, {"convergence": 0.5}]))
    assert cheaper[0].order == "concession"
    fewer = search_ties(_frame([{"convergence": 0.5}, {"convergence": 0.5, "steps_b": 2}]))
    assert fewer[0].order == "steps"
    split = search_ties(_frame([{"convergence": 0.5, "concession_a": 0.05, "concession_b": 0.15},
                                {"convergence": 0.5}]))
    assert split[0].order == "none" and split[0].split_differs
    assert search_ties(_frame([{"convergence": 0.5}, {"convergence": 0.4}, {"convergence": 0.3}])) == ()


def test_moves_every_tied_package_makes_are_shared_not_differing() -> None:
    from negotiation.analysis.scenarios import concede
    from negotiation.analysis.search_ties import PackageMove, search_ties

    common, x, y = concede("i.c", "lo", 2), concede("i.x", "hi"), concede("i.y", "hi")
    tie = search_ties(_frame([{"convergence": 0.5, "edits_a": (common,), "edits_b": (x,)},
                              {"convergence": 0.5, "edits_a": (common,), "edits_b": (y,)}]))[0]
    assert tie.shared == (PackageMove("a", "i.c", 2),)
    assert tie.differing == (PackageMove("b", "i.x", 1), PackageMove("b", "i.y", 1))


@pytest.mark.parametrize(("lang", "words"), [("en", ("tie at convergence", "order is arbitrary", "RU's move on")),
                                             ("ar", ("متعادلة عند تقارب", "اعتباطي", "خطوة RU في"))])
def test_the_command_explains_its_ties(lang: str, words: tuple[str, ...], capsys) -> None:
    from tests.command_line import run_cli

    code, out, _ = run_cli(capsys, "search", f"RU@{DATE}", f"UA@{DATE}", "--max-steps", "1", "--lang", lang,
                           "--width", "1000")
    assert code == 0
    out = strip_isolates(out)  # Arabic prose isolates its left-to-right runs
    for w in words:
        assert w in out
    assert "security.foreign_troops" not in out  # issues by their labels


def test_a_search_without_ties_writes_no_tie_note(capsys) -> None:
    from tests.command_line import run_cli

    code, out, _ = run_cli(capsys, "search", f"RU@{DATE}", f"UA@{DATE}", "--max-steps", "1", "--top", "1")
    assert code == 0 and "tie at convergence" not in out
