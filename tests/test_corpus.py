"""The bundled corpus's own integrity: ids, dates, sources, quotes, brackets, coverage."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

import negotiation as ng
from tests.conftest import seeds_dir

CORPUS = ng.load()
DOCS = list(CORPUS)
SIX_AREAS = {"territory", "security", "elections", "language", "church", "reconstruction"}

REQUIRED_IDS = [
    "istanbul-communique-2022-03",
    "istanbul-draft-2022-04",
    "ua-peace-formula-2022-11",
    "cn-12-point-2023-02",
    "african-10-point-2023-06",
    "ru-putin-conditions-2024-06",
    "us-ceasefire-jeddah-2025-03",
    "ru-memorandum-2025-06",
    "ua-memorandum-2025-06",
    "us-28-point-2025-11",
    "e3-counterproposal-2025-11",
    "eu-24-point-2025-11",
    "us-ua-geneva-framework-2025-11",
    "us-20-point-2025-12",
    "ru-position-2026-02",
    "ua-position-2026-02",
]

# The fewest stances each text's content justifies (what its sources report it addresses).
MINIMUM_STANCES = {
    "istanbul-draft-2022-04": 12,
    "us-28-point-2025-11": 22,
    "us-20-point-2025-12": 15,
    "e3-counterproposal-2025-11": 15,
    "ru-memorandum-2025-06": 14,
    "ua-memorandum-2025-06": 12,
    "ua-peace-formula-2022-11": 10,
    "ru-position-2026-02": 12,
    "ua-position-2026-02": 10,
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.mark.parametrize("doc_id", REQUIRED_IDS)
def test_every_contract_document_loads(doc_id):
    assert doc_id in CORPUS
    assert CORPUS[doc_id].stances


def test_document_ids_are_unique_and_match_their_date():
    ids = [d.id for d in DOCS]
    assert len(ids) == len(set(ids))
    for d in DOCS:
        assert d.id.endswith(d.date.strftime("-%Y-%m")), d.id


def test_document_dates_fall_within_the_negotiations():
    for d in DOCS:
        assert dt.date(2022, 2, 24) <= d.date <= dt.date(2026, 6, 30), d.id


def test_sources_are_dated_no_earlier_than_the_war_and_not_in_the_future():
    for d in DOCS:
        for s in d.sources:
            assert dt.date(2022, 2, 24) <= s.date <= dt.date.today(), (d.id, s.id)


def test_every_stance_cites_a_source_with_outlet_title_and_a_short_quote():
    for d in DOCS:
        for issue_id, st in d.stances.items():
            src = d.source(st.source)
            assert src.outlet and src.title, (d.id, issue_id)
            assert st.quote and st.quote.strip(), (d.id, issue_id)
            assert len(st.quote.split()) <= 40, (d.id, issue_id, "quote too long")
            assert st.note and st.note.strip(), (d.id, issue_id)


def test_notes_are_our_own_words_not_the_quote():
    for d in DOCS:
        for issue_id, st in d.stances.items():
            assert _norm(st.note or "") != _norm(st.quote or ""), (d.id, issue_id)


def test_alternatives_appear_only_in_documents_with_several_authors_and_are_keyed_by_them():
    for d in DOCS:
        for issue_id, st in d.stances.items():
            if st.alternatives:
                assert len(d.authors) > 1, (d.id, issue_id)
                assert set(st.alternatives) <= set(d.authors), (d.id, issue_id)


def test_the_istanbul_draft_keeps_the_bracketed_army_cap():
    st = CORPUS["istanbul-draft-2022-04"].stances["security.army_cap"]
    assert st.alternatives == {"RU": 85000.0, "UA": 250000.0}


def test_the_28_point_plan_caps_the_army_at_600000_and_bars_nato():
    doc = CORPUS["us-28-point-2025-11"]
    assert doc.stances["security.army_cap"].value == 600000.0
    assert doc.stances["security.nato_membership"].value == "barred"
    assert doc.stances["elections.within_days"].value == 100.0


@pytest.mark.parametrize(("doc_id", "minimum"), sorted(MINIMUM_STANCES.items()))
def test_no_document_is_emptier_than_its_text_justifies(doc_id, minimum):
    assert len(CORPUS[doc_id].stances) >= minimum


def test_the_28_point_plan_covers_all_six_areas():
    areas = {i.split(".")[0] for i in CORPUS["us-28-point-2025-11"].stances}
    assert areas >= SIX_AREAS


@pytest.mark.parametrize("party", ["RU", "UA"])
def test_both_positions_on_the_eve_of_year_five_address_all_six_areas(party):
    pos = CORPUS.position(party, as_of="2026-02-24")
    areas = {i.split(".")[0] for i in pos.stances}
    assert areas >= SIX_AREAS


def test_disputed_facts_are_marked_below_high_confidence():
    low = [st for d in DOCS for st in d.stances.values() if st.confidence is not ng.Confidence.HIGH]
    assert len(low) >= 20
    for st in low:
        assert st.note, "a lowered confidence says why in its note"


def test_seed_sources_name_a_seed_file_and_arabic():
    for d in DOCS:
        for s in d.sources:
            if s.seed:
                assert re.fullmatch(r"00[0-4]_[0-9a-f]{16}\.txt", s.seed), (d.id, s.seed)
                assert s.language == "ar", (d.id, s.id)


@pytest.mark.skipif(seeds_dir() is None, reason="shared/seeds is not beside this checkout")
def test_every_quote_from_a_seed_occurs_verbatim_in_that_seed():
    folder = seeds_dir()
    assert folder is not None
    texts = {p.name: _norm(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt")}
    for d in DOCS:
        for issue_id, st in d.stances.items():
            src = d.source(st.source)
            if src.seed:
                assert _norm(st.quote or "") in texts[src.seed], (d.id, issue_id)
