"""The second, real corpus in examples/iran: the Iran nuclear talks, Nov 2013 – Jul 2015.

It has its own taxonomy, parties and poles and English-only labels; it validates, compares
without ``taxonomy=``, keeps the facts of the texts it encodes, and its example script runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.cli.main import main
from negotiation.errors import TaxonomyMismatchError

REPO = Path(__file__).resolve().parent.parent
IRAN = REPO / "examples" / "iran"
SCRIPT = REPO / "examples" / "iran_lausanne_vs_jcpoa.py"


@pytest.fixture(scope="module")
def iran() -> ng.Corpus:
    return ng.load(IRAN)


@pytest.fixture(scope="module")
def lausanne_vs_jcpoa(iran: ng.Corpus) -> ng.Comparison:
    return ng.compare(iran["lausanne-parameters-2015-04"], iran["jcpoa-2015-07"])


# --- the corpus as data -------------------------------------------------------------------

def test_the_corpus_validates_with_no_problem():
    assert ng.validate(IRAN) == []


def test_the_validate_command_accepts_the_corpus(capsys):
    assert main(["validate", str(IRAN)]) == 0
    assert "ok" in capsys.readouterr().out


def test_it_holds_the_interim_deal_lausanne_the_jcpoa_and_declared_positions(iran):
    assert {"jpoa-2013-11", "lausanne-parameters-2015-04", "jcpoa-2015-07"} <= set(iran.ids)
    declared = [d for d in iran if len(d.authors) == 1]
    assert {a for d in declared for a in d.authors} >= {"IR", "US", "P5+1"}


def test_it_has_its_own_parties_and_poles(iran):
    assert {"IR", "US", "E3", "EU", "RU", "CN"} <= set(iran.taxonomy.parties)
    assert "UA" not in iran.taxonomy.parties
    assert "Iran" in iran.taxonomy.poles.high.en and "P5+1" in iran.taxonomy.poles.low.en


def test_labels_are_english_only(iran):
    tax = iran.taxonomy
    labelled = [tax.poles.low, tax.poles.high, *tax.areas.values(), *tax.issues.values(),
                *tax.parties.values()]
    labelled += [level for issue in tax.issues.values() for level in getattr(issue.scale, "levels", ())]
    assert all(item.en and not item.labels for item in labelled)


def test_every_stance_is_sourced_and_quoted_and_every_source_can_be_followed(iran):
    for doc in iran:
        for issue_id, stance in doc.stances.items():
            source = doc.source(stance.source)
            assert stance.quote and stance.note, (doc.id, issue_id)
            assert source.outlet and source.title and source.url, (doc.id, source.id)


def test_disputed_or_second_hand_stances_are_not_high_confidence(iran):
    reported = [st for d in iran if d.status == "reported" for st in d.stances.values()]
    assert reported and all(st.confidence is not ng.Confidence.HIGH for st in reported)


# --- comparing Lausanne with the JCPOA ----------------------------------------------------

def test_lausanne_and_the_jcpoa_compare_without_a_taxonomy_argument(lausanne_vs_jcpoa, iran):
    assert lausanne_vs_jcpoa.taxonomy is iran.taxonomy
    assert len(lausanne_vs_jcpoa) == len(iran.taxonomy.issues)


def test_the_jcpoa_caps_enrichment_at_3_67_percent_with_its_unit(lausanne_vs_jcpoa):
    diff = lausanne_vs_jcpoa["enrichment.level_pct"]
    assert diff.b is not None and diff.b.value == pytest.approx(3.67)
    assert diff.verdict is ng.Verdict.AGREE
    shown = lausanne_vs_jcpoa.to_frame().set_index("issue").loc["enrichment.level_pct", "value_b_label"]
    assert "3.67" in shown and "%" in shown


def test_centrifuges_and_stockpile_are_numbers_shown_with_their_units(lausanne_vs_jcpoa):
    centrifuges, stockpile = lausanne_vs_jcpoa["enrichment.centrifuges"], lausanne_vs_jcpoa["enrichment.stockpile_kg"]
    assert centrifuges.b.value == 5060 and stockpile.b.value == 300
    shown = lausanne_vs_jcpoa.to_frame().set_index("issue")["value_b_label"]
    assert shown["enrichment.centrifuges"] == "5,060 centrifuges"
    assert shown["enrichment.stockpile_kg"] == "300 kg"


def test_fordow_is_converted_at_lausanne_and_in_the_jcpoa(lausanne_vs_jcpoa):
    diff = lausanne_vs_jcpoa["facilities.fordow"]
    assert diff.a.value == diff.b.value == "converted"


def test_the_jcpoa_settles_the_bracketed_lausanne_sanctions_sequence(lausanne_vs_jcpoa):
    diff = lausanne_vs_jcpoa["sanctions.sequence"]
    assert diff.a.alternatives == {"US": "suspended_on_verification", "IR": "lifted_on_verification"}
    assert diff.verdict is ng.Verdict.BRIDGEABLE and diff.distance == 0


def test_fordow_arak_and_inspections_moved_toward_restriction_since_the_interim_deal(iran):
    moves = ng.concessions(iran["jpoa-2013-11"], iran["jcpoa-2015-07"]).set_index("issue")
    for issue in ("facilities.fordow", "facilities.arak", "verification.inspections"):
        assert moves.loc[issue, "change"] == "moved"
        assert moves.loc[issue, "toward"] == "low", issue


def test_khameneis_190000_is_far_apart_from_the_deal_on_the_log_scale(iran):
    diff = ng.compare(iran["ir-khamenei-2014-07"], iran["jcpoa-2015-07"])["enrichment.centrifuges"]
    assert diff.verdict is ng.Verdict.APART and diff.nearer_low == "b"


def test_a_party_position_is_assembled_from_this_corpus(iran):
    iran_then = iran.position("IR", "2015-06-30")
    assert iran_then.stances["sanctions.sequence"].value == "lifted_at_signing"
    assert iran_then.taxonomy is iran.taxonomy


def test_an_iran_document_does_not_compare_with_a_bundled_one(iran, corpus):
    with pytest.raises(TaxonomyMismatchError, match="Iran nuclear talks"):
        ng.compare(iran["jcpoa-2015-07"], corpus["us-28-point-2025-11"])


# --- the example script ---------------------------------------------------------------------

def test_the_script_prints_the_comparison_and_writes_its_charts(tmp_path):
    pytest.importorskip("matplotlib")
    chart = tmp_path / "moved.png"
    result = subprocess.run([sys.executable, str(SCRIPT), str(chart)], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3.67 %" in result.stdout and "Convergence index" in result.stdout
    for written in (chart, tmp_path / "moved-dumbbell.png"):
        assert written.read_bytes()[:4] == b"\x89PNG", written


def test_the_script_skips_the_charts_with_a_message_without_matplotlib(tmp_path):
    chart = tmp_path / "moved.png"
    block = ("import runpy, sys; sys.modules['matplotlib'] = None; "
             f"sys.argv = [{str(SCRIPT)!r}, {str(chart)!r}]; runpy.run_path(sys.argv[0], run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Convergence index" in result.stdout and "charts skipped" in result.stdout
    assert not chart.exists()
