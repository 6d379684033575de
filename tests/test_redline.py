"""The redline: every point of two versions with its fate, moves taken from concessions."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation.analysis.chain import RedlineChain, redline_chain
from negotiation.analysis.points import point_of
from negotiation.analysis.redline import Redline, redline
from negotiation.render.redline import word_diff
from tests.command_line import run_cli
from tests.small_corpus import document


@pytest.fixture(scope="module")
def versions(taxonomy: ng.Taxonomy) -> tuple[ng.Document, ng.Document]:
    old = document(
        "old",
        {"1": "Army capped at 600,000.", "2": "Ukraine never joins NATO.", "3": "Grain moves freely.",
         "4": "Elections within 100 days.", "5": "Full amnesty for all.", "6": "European jets in Poland.",
         "7": "A peace council.", "8": "Reconstruction and a development fund."},
        {"security.army_cap": {"value": 600000, "points": ["1"]},
         "security.nato_membership": {"value": "barred", "points": ["2"]},
         "justice.amnesty": {"value": "full_amnesty", "points": ["5"]},
         "security.guarantee_years": {"value": 10}},
    )
    new = document(
        "new",
        {"1": {"text": "Army capped at 800,000 in peacetime.", "from": ["1"]},
         "2": {"text": "Grain and ships move freely.", "from": ["3"]},
         "3": {"text": "Elections within 100 days.", "from": ["4"]},
         "4": {"text": "NATO and amnesty left to leaders.", "from": ["2", "5"]},
         "5": {"text": "Monitoring from space.", "from": []},
         "6": {"text": "A development fund.", "from": ["8"]},
         "7": {"text": "Reconstruction grants.", "from": ["8"], "note": "inferred from content"}},
        {"security.army_cap": {"value": 800000, "points": ["1"]},
         "security.nato_membership": {"value": "open_door", "points": ["4"]},
         "security.guarantee_years": {"value": 15}},
        revises="old", struck={"6": "dropped (reported)"},
    )
    corpus = ng.Corpus.of(taxonomy, [old, new])
    return corpus["old"], corpus["new"]


def test_every_point_of_either_document_is_in_exactly_one_row(versions):
    old, new = versions
    red = redline(old, new)
    assert sorted(k for r in red.rows for k in r.old) == sorted(old.points)
    assert sorted(k for r in red.rows for k in r.new) == sorted(new.points)


@pytest.mark.parametrize(
    ("key", "fate"),
    [("1", "changed"), ("3", "reworded"), ("4", "kept"), ("2", "merged"), ("5", "merged"),
     ("6", "struck"), ("7", "unaccounted"), ("8", "split")],
)
def test_each_old_point_gets_the_fate_its_lineage_and_stances_give(versions, key, fate):
    assert redline(*versions).fate_of(key) == fate


def test_a_point_with_an_empty_from_is_new(versions):
    assert redline(*versions).fate_of("5", "new") == "new"


def test_the_struck_note_and_the_point_note_travel_with_the_row(versions):
    red = redline(*versions)
    notes = {r.fate: r.note for r in red.rows}
    assert notes["struck"] == "dropped (reported)"
    assert "inferred from content" in notes["split"]


def test_moves_are_the_concessions_of_the_same_two_documents(versions):
    old, new = versions
    red = redline(old, new)
    moved = ng.concessions(old, new)
    moved = moved[moved["change"] != "unchanged"]
    assert set(red.moves) == set(moved["issue"])
    for rec in moved.to_dict("records"):
        move = red.moves[rec["issue"]]
        assert (move.change, move.toward) == (rec["change"], rec["toward"])


def test_a_changed_row_carries_the_move_of_the_stance_that_cites_it(versions):
    red = redline(*versions)
    [row] = [r for r in red.rows if r.old == ("1",)]
    [move] = row.moves
    assert move.issue == "security.army_cap" and move.toward == "low"
    assert "600,000" in move.before and "800,000" in move.after


def test_a_move_no_point_is_cited_for_gets_a_row_of_its_own(versions):
    red = redline(*versions)
    [row] = [r for r in red.rows if not r.old and not r.new]
    assert [m.issue for m in row.moves] == ["security.guarantee_years"]
    assert row.fate == "changed"


def test_rows_follow_the_old_order_and_new_points_follow_their_neighbour(versions):
    red = redline(*versions)
    keys = [(r.old, r.new) for r in red.rows if r.old or r.new]
    assert keys.index((("2", "5"), ("4",))) < keys.index(((), ("5",))) < keys.index((("6",), ()))


def test_reading_the_versions_backwards_swaps_struck_and_new(versions):
    old, new = versions
    back = redline(new, old)
    assert back.fate_of("5", "old") == "struck"
    assert back.fate_of("6", "new") == "new"


def test_two_revisions_of_one_ancestor_line_up_through_it(versions, taxonomy):
    old, new = versions
    other = document("other", {"9": {"text": "Army capped at 700,000.", "from": ["1"]}}, revises="old")
    red = redline(new, other, corpus=[old])
    assert red.lineage.via == "old"
    assert ("1", "9") in red.lineage.links
    assert red.fate_of("1") == "changed"  # "other" states no army cap: the move is "dropped"
    assert red.moves["security.army_cap"].change == "dropped"


def test_documents_with_no_declared_lineage_are_lined_up_by_align_and_say_so(versions):
    old, _ = versions
    copy = document("copy", {k: p.text for k, p in old.points.items()})
    red = redline(old, copy)
    assert red.lineage.basis == "suggested"
    assert red.lineage.links == {(k, k) for k in old.points}
    assert any("align" in line for line in red.summary_lines())


def test_a_stance_citing_a_lettered_sub_point_belongs_to_its_point(versions):
    old, _ = versions
    assert point_of(old, "1a") == "1" and point_of(old, "99") is None


def test_redline_of_more_than_two_documents_raises_pointing_to_redline_chain(versions):
    old, new = versions
    third = document("third", {"1": {"text": "Army capped at 900,000.", "from": ["1"]}}, revises="new")
    with pytest.raises(TypeError, match=r"redline_chain\(\[corpus\['old'\], corpus\['new'\], corpus\['third'\]\]\)"):
        redline(old, new, third, corpus=[old, new, third])


def test_redline_chain_of_three_documents_follows_a_point_through_all(versions):
    old, new = versions
    third = document("third", {"1": {"text": "Army capped at 900,000.", "from": ["1"]}}, revises="new")
    chain = redline_chain([old, new, third], corpus=[old, new, third])
    assert isinstance(chain, RedlineChain)
    [thread] = [t for t in chain.threads if t.points[0] == ("1",)]
    assert thread.points == (("1",), ("1",), ("1",))
    assert thread.fates[1] == "changed"


def test_a_chain_against_the_first_gives_one_thread_per_point_of_the_first(versions):
    old, new = versions
    other = document("other", {"9": {"text": "Army capped at 700,000.", "from": ["1"]}}, revises="old")
    chain = redline_chain([old, new, other], base="first", corpus=[old, new, other])
    assert [t.points[0] for t in chain.threads if t.points[0]] == [(k,) for k in old.points]
    [army] = [t for t in chain.threads if t.points[0] == ("1",)]
    assert army.points == (("1",), ("1",), ("9",))
    assert [s.old.id for s in chain.steps] == ["old", "old"]
    assert [t.fates[1] for t in chain.threads if not t.points[0]] == ["new"]


def test_a_chain_needs_two_documents(versions):
    with pytest.raises(ng.NegotiationError):
        redline_chain(versions[:1])


def test_the_html_marks_struck_and_inserted_words_and_escapes_the_text(versions):
    old, _ = versions
    nasty = document("nasty", {"1": {"text": "Army <script>alert(1)</script> at 800,000.", "from": ["1"]}},
                     revises="old")
    page = redline(old, nasty).to_html(page=True)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<del>600</del>" in page and "<ins>" in page
    assert page.startswith("<!DOCTYPE html>")


def test_word_diff_strikes_and_inserts_whole_words():
    marked = word_diff("NATO in the constitution.", "NATO by consensus.")
    assert re.sub(r"</?(del|ins)>", "", marked.replace("<del>in the constitution</del>", "")) == "NATO by consensus."
    assert "<del>in the constitution</del>" in marked and "<ins>by consensus</ins>" in marked
    assert html.unescape(word_diff("a & b", "a & b")) == "a & b"


# --- the bundled chain


OLD, NEW = "us-28-point-2025-11", "us-20-point-2025-12"


@pytest.fixture(scope="module")
def red_28_20(corpus: ng.Corpus) -> Redline:
    return redline(corpus[OLD], corpus[NEW], corpus=corpus)


def test_the_28_to_20_redline_rests_on_declared_lineage(red_28_20):
    assert red_28_20.lineage.basis == "declared" and red_28_20.lineage.via is None
    assert "unaccounted" not in red_28_20.counts()


def test_the_28_to_20_redline_lists_every_point_of_both_plans_with_a_fate(corpus, red_28_20):
    assert sorted(k for r in red_28_20.rows for k in r.old) == sorted(corpus[OLD].points)
    assert sorted(k for r in red_28_20.rows for k in r.new) == sorted(corpus[NEW].points)
    assert all(r.fate for r in red_28_20.rows)


def test_the_28_to_20_redline_agrees_with_concessions_on_every_issue(corpus, red_28_20):
    moved = ng.concessions(corpus[OLD], corpus[NEW])
    shown = {m.issue: m for r in red_28_20.rows for m in r.moves}
    for rec in moved.to_dict("records"):
        if rec["change"] == "unchanged":
            assert rec["issue"] not in shown
        else:
            assert (shown[rec["issue"]].change, shown[rec["issue"]].toward) == (rec["change"], rec["toward"])


def test_the_nato_ban_of_point_7_is_struck_in_the_20_points(red_28_20):
    assert red_28_20.fate_of("7") == "struck"
    [row] = [r for r in red_28_20.rows if r.old == ("7",)]
    assert [m.issue for m in row.moves] == ["security.nato_membership"]


def test_the_command_prints_every_point_within_100_columns(corpus, capsys):
    code, out, _ = run_cli(capsys, "redline", OLD, NEW, "--width", "100")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 100  # every character here is one column wide
    for fate in ("struck", "changed", "new"):
        assert fate in out


def test_the_command_writes_json_with_every_row_and_move(corpus, capsys):
    code, out, _ = run_cli(capsys, "redline", OLD, NEW, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert {k for r in data["rows"] for k in r["old"]} == set(corpus[OLD].points)
    assert {m["issue"] for m in data["moves"]} >= {"security.army_cap", "security.nato_membership"}


def test_the_command_writes_an_html_redline(capsys):
    code, out, _ = run_cli(capsys, "redline", OLD, NEW, "--format", "html")
    assert code == 0 and "<del>" in out and "<ins>" in out


def test_the_chain_command_follows_points_through_four_documents(capsys):
    chain = [OLD, "e3-counterproposal-2025-11", NEW, "eu-24-point-2025-11"]
    code, out, _ = run_cli(capsys, "redline", *chain, "--format", "json", "--area", "territory")
    data = json.loads(out)
    assert code == 0 and data["documents"] == chain
    assert data["threads"] and all(len(t["points"]) == 4 for t in data["threads"])
    assert all(any(i.startswith("territory.") for i in t["issues"]) for t in data["threads"])


def test_against_the_28_points_each_territory_and_security_point_has_a_fate_in_every_answer(corpus):
    docs = [corpus[i] for i in (OLD, "e3-counterproposal-2025-11", NEW, "eu-24-point-2025-11")]
    chain = redline_chain(docs, base="first", corpus=corpus).filter(["territory", "security"])
    rows = [t for t in chain.threads if t.points[0]]
    assert rows and all(all(t.fates[1:]) for t in rows)
    [nato] = [t for t in rows if t.points[0] == ("7",)]
    assert nato.fates == ("", "changed", "struck", "unaccounted")


def test_an_unknown_area_is_one_line_and_exit_2(capsys):
    code, out, err = run_cli(capsys, "redline", OLD, NEW, "--area", "teritory")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "teritory" in err


# --- properties over any declared lineage


@st.composite
def revisions(draw: st.DrawFn) -> tuple[ng.Document, ng.Document]:
    n = draw(st.integers(1, 8))
    old_keys = [str(i) for i in range(1, n + 1)]
    m = draw(st.integers(0, 8))
    points: dict[str, Any] = {}
    for j in range(1, m + 1):
        origin = draw(st.one_of(st.none(), st.lists(st.sampled_from(old_keys), max_size=3, unique=True)))
        points[str(j)] = {"text": f"new point {j}", "from": origin}
    used = {k for p in points.values() for k in p["from"] or ()}
    struck = draw(st.lists(st.sampled_from([k for k in old_keys if k not in used] or ["none"]), unique=True))
    old = document("old", {k: f"old point {k}" for k in old_keys})
    new = document("new", points, revises="old", struck=[k for k in struck if k != "none"])
    return old, new


@given(revisions())
def test_any_lineage_puts_every_point_in_exactly_one_row(pair):
    old, new = pair
    red = redline(old, new)
    assert sorted(k for r in red.rows for k in r.old) == sorted(old.points)
    assert sorted(k for r in red.rows for k in r.new) == sorted(new.points)


@given(revisions())
def test_a_point_is_struck_only_when_declared_and_new_only_with_an_empty_from(pair):
    old, new = pair
    red = redline(old, new)
    for row in red.rows:
        if row.fate == "struck":
            assert row.old[0] in new.struck
        if row.fate == "new":
            assert new.points[row.new[0]].from_ == ()


def test_with_a_reference_position_each_move_says_whether_it_came_closer(corpus):
    russia = corpus.position("RU", corpus[NEW].date)
    red = redline(corpus[OLD], corpus[NEW], corpus=corpus, toward=russia)
    moves = ng.concessions(corpus[OLD], corpus[NEW], toward=russia)
    [army] = [r for r in red.to_records() if r["new"] == ["4"]]
    closer = moves.set_index("issue").loc["security.army_cap", "closer_to"]
    assert red.reference == russia.id
    assert {"yes": "closer to", "no": "further from"}[closer] + f" {russia.id}" in army["changes"]
