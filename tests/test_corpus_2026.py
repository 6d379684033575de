"""The corpus from March to June 2026: what the newest documents say, and how sure we are."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

import negotiation as ng

CORPUS = ng.load()
LATE = [d for d in CORPUS if d.date > dt.date(2026, 2, 24)]
ARABIC = re.compile(r"[\u0600-\u06FF]")
NEW_ISSUES = [
    "territory.ceded_zone_police",
    "ceasefire.monitoring",
    "ceasefire.leaders_meeting",
    "ceasefire.leaders_meeting_venue",
]


def stance(doc_id: str, issue_id: str) -> ng.Stance:
    return CORPUS[doc_id].stances[issue_id]


def test_the_newest_document_is_dated_in_june_2026():
    newest = max(d.date for d in CORPUS)
    assert (newest.year, newest.month) == (2026, 6)


def test_the_reported_kremlin_offer_wants_all_of_donetsk_at_low_confidence():
    st = stance("ru-memorandum-offer-2026-02", "territory.donetsk")
    assert st.value == "de_facto_russian"
    assert "оставшейся части Донецкой области" in (st.quote or "")
    assert st.confidence is ng.Confidence.LOW


def test_every_term_of_the_unconfirmed_kremlin_offer_is_low_confidence_with_a_reason():
    doc = CORPUS["ru-memorandum-offer-2026-02"]
    assert str(doc.status) == "reported"
    for issue_id, st in doc.stances.items():
        assert st.confidence is ng.Confidence.LOW, issue_id
        assert st.note, issue_id


def test_the_kremlin_offer_keeps_the_national_guard_in_the_ceded_area():
    st = stance("ru-memorandum-offer-2026-02", "territory.ceded_zone_police")
    assert st.value == "russian_guard"
    assert "нацгвардії" in (st.quote or "")


def test_the_us_zone_flies_the_ukrainian_flag():
    st = stance("us-free-economic-zone-2026-02", "reconstruction.free_economic_zone")
    assert st.value is True
    assert "під українським прапором" in (st.quote or "")


def test_lavrov_names_non_accession_to_nato_as_an_anchorage_understanding():
    st = stance("ru-lavrov-anchorage-2026-03", "security.nato_membership")
    assert st.value == "renounced"
    assert "non-accession to NATO" in (st.quote or "")


def test_the_june_letter_offers_an_all_for_all_exchange():
    st = stance("ua-letter-2026-06", "humanitarian.prisoners")
    assert st.value == "all_for_all"
    assert "all for all" in (st.quote or "")


def test_the_june_letter_offers_a_full_ceasefire_during_talks_monitored_by_the_us():
    assert stance("ua-letter-2026-06", "ceasefire.sequence").value == "ceasefire_first"
    assert "cease fire completely" in (stance("ua-letter-2026-06", "ceasefire.sequence").quote or "")
    monitoring = stance("ua-letter-2026-06", "ceasefire.monitoring")
    assert set(monitoring.value) == {"US"}
    assert "United States can monitor" in (monitoring.quote or "")


def test_the_june_letter_starts_diplomacy_from_the_front_line():
    for oblast in ("donetsk", "luhansk", "zaporizhzhia", "kherson"):
        st = stance("ua-letter-2026-06", f"territory.{oblast}")
        assert st.value == "contact_line", oblast
        assert "line from which diplomacy must begin" in (st.quote or ""), oblast


def test_the_easter_truce_lasts_32_hours():
    st = stance("ru-easter-truce-2026-04", "ceasefire.unilateral_truce_days")
    assert st.value == pytest.approx(32 / 24, abs=0.01)
    assert "April 11" in (st.quote or "") and "April 12" in (st.quote or "")


def test_holiday_truces_are_not_ceasefire_proposals():
    # A truce one side declares for a holiday is not its proposal for a ceasefire's length.
    for doc_id in ("ru-easter-truce-2026-04", "ua-easter-ceasefire-2026-04"):
        assert "ceasefire.duration_days" not in CORPUS[doc_id].stances, doc_id
    ru = CORPUS.position("RU", as_of=dt.date(2026, 6, 30)).stances
    assert ru["ceasefire.duration_days"].document != "ru-easter-truce-2026-04"


def test_reported_items_since_march_2026_are_never_high_confidence():
    reported = [d for d in LATE if str(d.status) == "reported"]
    assert len(reported) >= 5
    for d in reported:
        for issue_id, st in d.stances.items():
            assert st.confidence is not ng.Confidence.HIGH, (d.id, issue_id)


def test_the_kremlins_come_to_moscow_answer_is_not_high_confidence():
    st = stance("ru-kremlin-reply-2026-06", "ceasefire.leaders_meeting_venue")
    assert st.value == "moscow"
    assert "come to Moscow" in (st.quote or "")
    assert st.confidence in (ng.Confidence.MEDIUM, ng.Confidence.LOW)


def test_mid_june_positions_take_the_newest_ceasefire_stances():
    ru = CORPUS.position("RU", "2026-06-15")
    ua = CORPUS.position("UA", "2026-06-15")
    assert ru.stances["ceasefire.sequence"].value == "settlement_first"
    assert ru.stances["ceasefire.sequence"].document == "ru-putin-spief-2026-06"
    assert ua.stances["ceasefire.sequence"].value == "ceasefire_first"
    assert ua.stances["humanitarian.prisoners"].document == "ua-letter-2026-06"


def test_mid_june_positions_disagree_on_where_the_leaders_meet():
    cmp = ng.compare(CORPUS.position("RU", "2026-06-15"), CORPUS.position("UA", "2026-06-15"))
    frame = cmp.to_frame()
    column = "issue_id" if "issue_id" in frame.columns else "issue"
    row = frame[frame[column] == "ceasefire.leaders_meeting_venue"]
    assert len(row) == 1
    assert str(row["verdict"].iloc[0]) == "apart"


def test_the_russia_ukraine_record_runs_to_june_2026():
    # June 2026 restates (the 2025 events record said the same earlier), so the trajectory's
    # last *change* is April; the positions' stances still come from the June documents.
    trajectory = CORPUS.trajectory("RU", "UA")
    assert pd.Timestamp(trajectory["date"].iloc[-1]) >= pd.Timestamp("2026-04-01")
    for party, doc in (("UA", "ua-letter-2026-06"), ("RU", "ru-putin-spief-2026-06")):
        sources = {st.document for st in CORPUS.position(party, "2026-06-30").stances.values()}
        assert doc in sources


def test_every_document_has_an_arabic_title():
    for d in CORPUS:
        assert ARABIC.search(d.titles.get("ar", "")), d.id


@pytest.mark.parametrize("issue_id", NEW_ISSUES)
def test_new_issues_carry_arabic_labels_on_the_issue_and_every_level(issue_id):
    issue = CORPUS.taxonomy.issues[issue_id]
    assert ARABIC.search(issue.ar or "")
    for level in getattr(issue.scale, "levels", []):
        assert ARABIC.search(level.labels.get("ar", "")), (issue_id, level.id)


@pytest.mark.parametrize("issue_id", NEW_ISSUES)
def test_every_new_issue_is_used_by_a_dated_2026_stance(issue_id):
    assert any(issue_id in d.stances for d in LATE), issue_id


def test_every_source_of_the_march_to_june_documents_has_an_address():
    for d in LATE:
        for s in d.sources:
            assert s.url and s.url.startswith("http"), (d.id, s.id)
