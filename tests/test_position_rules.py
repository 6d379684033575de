"""The position rules of DESIGN §4a, one test per rule, on the bundled record and on small corpora."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import negotiation as ng
from negotiation.analysis.timeline import STALE_DAYS, Reason, explain
from tests.small_corpus import TAXONOMY_YAML

TAX = ng.Taxonomy.model_validate({
    **__import__("yaml").safe_load(TAXONOMY_YAML),
    "parties": {"RU": {"code": "RU", "en": "Russia"}, "UA": {"code": "UA", "en": "Ukraine"}},
})
SOURCE = {"id": "s", "outlet": "Outlet", "title": "Title", "date": "2025-01-01"}


def doc(doc_id: str, date: str, stances: dict[str, Any], **extra: Any) -> ng.Document:
    data = {"id": doc_id, "title": doc_id, "date": date, "kind": "statement", "status": "official",
            "authors": ["RU"], "sources": [SOURCE],
            "stances": {k: {"source": "s", **v} for k, v in stances.items()}, **extra}
    return ng.Document.model_validate(data)


def corpus(*docs: ng.Document) -> ng.Corpus:
    return ng.Corpus.of(TAX, list(docs))


# --- on the bundled record: the rows of issue 21's table


def test_points_a_co_authored_revision_struck_leave_the_position(corpus_bundled: ng.Corpus) -> None:
    us = corpus_bundled.position("US", "2026-06-15")
    assert "justice.amnesty" not in us.stances  # point 26 of the 28 points, struck by the revisions
    why = explain(corpus_bundled, "US", "justice.amnesty", "2026-06-15")
    assert [c.reason for c in why] == [Reason.RETIRED]
    assert why[0].by is not None and corpus_bundled[why[0].by].revises is not None


def test_a_low_confidence_report_does_not_overturn_stated_demands(corpus_bundled: ng.Corpus) -> None:
    ru = corpus_bundled.position("RU", "2026-06-15")
    for issue in ("territory.zaporizhzhia", "territory.kherson"):
        stance = ru.stances[issue]
        assert stance.value == "de_jure_russian"
        assert stance.confidence is not ng.Confidence.LOW
        assert any(r.value == "contact_line" for r in stance.readings)  # kept as a reading, not dropped


def test_low_confidence_gives_the_old_newest_wins_rule(corpus_bundled: ng.Corpus) -> None:
    ru = corpus_bundled.position("RU", "2026-06-15", min_confidence="low")
    assert ru.stances["territory.zaporizhzhia"].value == "contact_line"


def test_every_stance_of_a_position_carries_its_document_date_and_status(corpus_bundled: ng.Corpus) -> None:
    ru = corpus_bundled.position("RU", "2026-06-15")
    for stance in ru.stances.values():
        assert stance.document in corpus_bundled
        assert stance.date == corpus_bundled[stance.document].date
        assert stance.status == corpus_bundled[stance.document].status
    assert ru.stances["security.army_cap"].date == dt.date(2022, 4, 15)  # old, and visibly so


def test_max_age_drops_stances_older_than_that(corpus_bundled: ng.Corpus) -> None:
    ru = corpus_bundled.position("RU", "2026-06-15", max_age=730)
    assert "security.army_cap" not in ru.stances
    why = explain(corpus_bundled, "RU", "security.army_cap", "2026-06-15", max_age=730)
    assert Reason.TOO_OLD in {c.reason for c in why}


def test_the_2022_force_ceilings_russia_never_restated_are_not_its_2026_position(corpus_bundled: ng.Corpus) -> None:
    # 85,000 troops and 342 tanks come from the April 2022 draft alone: no later Russian text gives a figure
    issues = ("security.army_cap", "security.tank_cap")
    ru = corpus_bundled.position("RU", "2026-02-24")
    for issue in issues:
        assert ru.stances[issue].document == "istanbul-draft-2022-04"
        assert (dt.date(2026, 2, 24) - ru.stances[issue].date).days > STALE_DAYS  # shown as stale
    assert not set(issues) & set(corpus_bundled.position("RU", "2026-02-24", max_age=730).stances)


# --- on small corpora: each rule alone


def test_a_stance_below_the_floor_with_nothing_in_force_leaves_the_issue_unstated() -> None:
    c = corpus(doc("d1", "2025-01-01", {"sec.level": {"value": "a", "confidence": "low"}}))
    p = c.position("RU", "2025-06-01")
    assert "sec.level" not in p.stances
    assert [r.document for r in p.readings["sec.level"]] == ["d1"]
    assert c.position("RU", "2025-06-01", min_confidence="low").stances["sec.level"].value == "a"


def test_a_revision_that_retires_an_issue_drops_it_and_silence_retires_nothing() -> None:
    old = doc("old", "2025-01-01", {"sec.level": {"value": "a"}, "sec.army_cap": {"value": 5000}},
              points={"1": "x"})
    silent = doc("new", "2025-02-01", {}, revises="old")
    assert set(corpus(old, silent).position("RU", "2025-03-01").stances) == {"sec.level", "sec.army_cap"}
    retiring = doc("new", "2025-02-01", {}, revises="old", retires={"sec.level": "Reported: dropped."})
    assert set(corpus(old, retiring).position("RU", "2025-03-01").stances) == {"sec.army_cap"}


def test_a_revision_by_other_authors_retires_nothing_for_the_party() -> None:
    old = doc("old", "2025-01-01", {"sec.level": {"value": "a", "points": ["1"]}}, points={"1": "x"})
    new = doc("new", "2025-02-01", {}, revises="old", struck={"1": "gone"}, authors=["UA"])
    assert "sec.level" in corpus(old, new).position("RU", "2025-03-01").stances


def test_an_endorsement_fills_unstated_issues_but_does_not_replace_own_words() -> None:
    own = doc("own", "2025-01-01", {"sec.level": {"value": "a"}})
    endorsed = doc("plan", "2025-02-01", {"sec.level": {"value": "c"}, "sec.army_cap": {"value": 9000}},
                   authors=["UA"], endorsed_by=["RU"])
    p = corpus(own, endorsed).position("RU", "2025-03-01")
    assert p.stances["sec.level"].value == "a"
    assert p.stances["sec.army_cap"].value == 9000
    why = explain(corpus(own, endorsed), "RU", "sec.level", "2025-03-01")
    assert [c.reason for c in why] == [Reason.IN_FORCE, Reason.NOT_COVERED]


def test_an_endorsement_covering_the_issue_replaces_own_words() -> None:
    own = doc("own", "2025-01-01", {"sec.level": {"value": "a"}})
    endorsed = doc("plan", "2025-02-01", {"sec.level": {"value": "c"}}, authors=["UA"], endorsed_by=["RU"],
                   endorses={"RU": ["sec.level"]})
    assert corpus(own, endorsed).position("RU", "2025-03-01").stances["sec.level"].value == "c"


def test_explain_lists_every_candidate_and_takes_at_most_one(corpus_bundled: ng.Corpus) -> None:
    for party in ("RU", "UA", "US"):
        for issue in ("territory.donetsk", "security.nato_membership"):
            rows = explain(corpus_bundled, party, issue, "2026-06-15")
            assert sum(c.taken for c in rows) <= 1
            frame = corpus_bundled.explain(party, issue, "2026-06-15")
            assert len(frame) == len(rows)


def test_an_unknown_floor_or_issue_is_a_clear_error(corpus_bundled: ng.Corpus) -> None:
    with pytest.raises(ValueError, match="min_confidence must be one of high, medium, low"):
        corpus_bundled.position("RU", "2026-01-01", min_confidence="certain")
    with pytest.raises(KeyError, match="did you mean"):
        explain(corpus_bundled, "RU", "territory.donetsc")


@pytest.fixture
def corpus_bundled() -> ng.Corpus:
    return ng.load()


def test_the_explain_command_answers_in_both_languages_and_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tests.command_line import run_cli

    code, out, _ = run_cli(capsys, "explain", "RU@2026-06-15", "territory.zaporizhzhia", "--width", "240")
    assert code == 0 and "below the confidence floor" in out and "ru-memorandum-offer-2026-02" in out
    code, out, _ = run_cli(capsys, "explain", "RU@2026-06-15", "territory.zaporizhzhia", "--lang", "ar", "-f", "csv")
    assert code == 0 and "دون حدّ الثقة" in out
    code, out, _ = run_cli(capsys, "explain", "US@2026-06-15", "justice.amnesty", "-f", "json")
    rows = json.loads(out)
    assert [r["reason"] for r in rows] == ["retired"]
    for fmt in ("csv", "github", "html"):
        assert run_cli(capsys, "explain", "UA", "territory.donetsk", "-f", fmt)[0] == 0


def test_stances_older_than_two_years_are_marked_in_show_and_compare(capsys) -> None:
    from tests.command_line import run_cli

    c = ng.load()
    cmp = ng.compare(c.position("RU", "2026-06-15"), c.position("UA", "2026-06-15"))
    stale = {(s.side, s.issue): s for s in cmp.stale()}
    assert stale[("a", "security.army_cap")].date.isoformat() == "2022-04-15"
    assert stale[("a", "security.army_cap")].age_days > 730
    assert all(s.age_days > 730 for s in stale.values())
    assert not ng.compare(c["istanbul-draft-2022-04"], c["us-28-point-2025-11"]).stale()  # documents: no per-stance age
    code, out, _ = run_cli(capsys, "show", "RU@2026-06-15", "--format", "github")
    assert code == 0 and "2022-04-15" in out and "†" in out and "more than two years" in out
    code, out, _ = run_cli(capsys, "compare", "RU@2026-06-15", "UA@2026-06-15", "--format", "github")
    assert code == 0 and "A Army size cap" in out and "not restated since" in out
    code, out, _ = run_cli(capsys, "show", "RU@2026-06-15", "--lang", "ar")
    assert code == 0 and "†" in out and "أكثر من سنتين" in out


def test_the_arabic_stale_list_names_the_sides_in_arabic(capsys) -> None:
    from tests.command_line import run_cli

    code, out, _ = run_cli(capsys, "compare", "RU@2026-06-15", "UA@2026-06-15", "--lang", "ar")
    line = next(x for x in out.splitlines() if x.startswith("†"))
    assert code == 0 and "أ " in line and " A " not in line
