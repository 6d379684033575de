"""The backtest: each draft predicted from earlier documents only, scored against baselines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.analysis.backtest import BASELINES, TARGETS, backtest, corpus_before
from negotiation.analysis.predict import MODELS


@pytest.fixture(scope="module")
def result(corpus: ng.Corpus) -> ng.BacktestResult:
    return backtest(corpus)


def test_no_document_dated_on_or_after_a_target_is_read(corpus, result) -> None:
    for target in TARGETS:
        read = result.documents[target]
        assert read, f"{target}: nothing was read"
        for doc_id in read:
            assert corpus[doc_id].date < corpus[target].date, f"{target} read {doc_id}"


def test_a_document_dated_on_the_target_day_changes_nothing(corpus, result) -> None:
    """Plant a Russian statement on each target's own date with other values: no prediction moves."""
    day = corpus["us-28-point-2025-11"].date
    source = ng.Source(id="planted", outlet="test", title="planted", date=day)
    planted = ng.Document(
        id="ru-planted", title="planted", date=day, kind="statement", status="reported", authors=("RU",),
        sources=(source,), stances={
            "territory.donetsk": ng.Stance(value="ukrainian", source="planted"),
            "security.army_cap": ng.Stance(value=990000, source="planted"),
            "reconstruction.sanctions": ng.Stance(value="maintained", source="planted"),
        })
    poisoned = ng.Corpus(taxonomy=corpus.taxonomy, documents={**corpus.documents, planted.id: planted},
                         salience=corpus.salience)
    again = backtest(poisoned, targets=["us-28-point-2025-11"])
    before = result.issues[result.issues["target"] == "us-28-point-2025-11"].reset_index(drop=True)
    assert again.issues.equals(before)
    assert "ru-planted" not in again.documents["us-28-point-2025-11"]


def test_the_cut_corpus_holds_only_earlier_documents(corpus) -> None:
    day = dt.date(2025, 11, 23)
    cut = corpus_before(corpus, day)
    assert cut.ids and all(d.date < day for d in cut)
    assert len(cut) == sum(d.date < day for d in corpus)


def test_salience_sourced_after_the_target_falls_back_to_the_default(corpus) -> None:
    cut = corpus_before(corpus, dt.date(2025, 11, 20))
    later = corpus.salience.judgement("UA", "security.guarantee")
    assert later is not None and corpus[later.source].date >= dt.date(2025, 11, 20)
    assert cut.salience.judgement("UA", "security.guarantee") is None


def test_every_model_and_baseline_is_scored_on_every_target(result) -> None:
    summary = result.hit_rates()
    assert list(summary["model"]) == list(MODELS) + list(BASELINES)
    assert set(result.issues["target"]) == set(TARGETS)


def test_an_exact_hit_is_also_within_one_step(result) -> None:
    issues = result.issues
    assert (issues["within_one"] | ~issues["exact"]).all()


def test_only_issues_the_target_states_are_scored(corpus, result) -> None:
    for row in result.issues.itertuples():
        stance = corpus[row.target].stances[row.issue]
        assert stance.stated


def test_the_backtest_command_prints_the_hit_rates(capsys) -> None:
    import json

    from negotiation.cli.main import main

    code = main(["backtest", "-f", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [r["model"] for r in json.loads(out)] == list(MODELS) + list(BASELINES)


def test_common_scores_every_listed_model_on_the_same_issues(result) -> None:
    shared = ["weighted_median", "previous_draft"]
    summary = result.hit_rates(common=shared)
    assert list(summary["model"]) == shared
    assert summary["all exact"].str.split("/").str[1].str.split(" ").str[0].nunique() == 1


def test_an_empty_corpus_is_backtested_as_it_is_not_replaced_by_the_bundled_one(taxonomy) -> None:
    empty = ng.Corpus.of(taxonomy, [])
    result = backtest(empty, targets=[])
    assert result.issues.empty and result.documents == {}
    with pytest.raises(ng.NegotiationError, match="no drafts to score"):  # nothing to find in it
        backtest(empty)


def test_backtest_runs_on_another_corpus_and_says_what_it_scored(capsys) -> None:
    from negotiation.cli.main import main

    iran = Path(__file__).resolve().parent.parent / "examples" / "iran"
    assert main(["--corpus", str(iran), "backtest", "--width", "200"]) == 0
    out = capsys.readouterr().out
    assert "Drafts scored (found in the corpus): jcpoa-2015-07 (2015-07-14)." in out
    assert "Parties weighed (found in the corpus), the two sides first: IR, US," in out
    assert "jcpoa-2015-07 exact" in out


def test_backtest_targets_and_parties_can_be_given(capsys) -> None:
    from negotiation.cli.main import main

    iran = Path(__file__).resolve().parent.parent / "examples" / "iran"
    argv = ["--corpus", str(iran), "backtest", "lausanne-parameters-2015-04", "--parties", "US", "IR", "-f", "json"]
    assert main(argv) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["model"] for r in rows} >= {"weighted_median", "midpoint"}


def test_backtest_without_drafts_to_find_says_so(tmp_path, capsys) -> None:
    from negotiation.cli.main import main
    from tests.small_corpus import corpus_folder

    folder = corpus_folder(tmp_path / "c")
    assert main(["--corpus", str(folder), "backtest"]) == 2
    assert "no drafts to score" in capsys.readouterr().err
