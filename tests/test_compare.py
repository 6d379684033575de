"""Comparing two documents issue by issue: every verdict, spans, and the summary."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

import negotiation as ng
from negotiation.analysis.compare import Comparison, Verdict, compare, diff_issue
from negotiation.model.models import Document, Taxonomy

# --- a tiny taxonomy built in code


def _levels(*ids: str) -> list[dict[str, str]]:
    return [{"id": i, "en": i.replace("_", " "), "ar": f"مستوى {i}"} for i in ids]


TAXONOMY: dict[str, Any] = {
    "poles": {
        "low": {"en": "Low pole", "ar": "القطب الأدنى"},
        "high": {"en": "High pole", "ar": "القطب الأعلى"},
    },
    "areas": {"t": {"en": "Territory", "ar": "الأراضي"}, "s": {"en": "Security", "ar": "الأمن"}},
    "parties": {
        "RU": {"en": "Russia", "ar": "روسيا"},
        "UA": {"en": "Ukraine", "ar": "أوكرانيا"},
        "US": {"en": "United States", "ar": "أمريكا"},
        "UK": {"en": "UK", "ar": "بريطانيا"},
        "FR": {"en": "France", "ar": "فرنسا"},
    },
    "issues": {
        # five levels: one step = 0.25
        "t.land": {
            "en": "Land",
            "ar": "الأرض",
            "weight": 3,
            "scale": {"kind": "ordinal", "levels": _levels("l0", "l1", "l2", "l3", "l4")},
        },
        # linear 0..100, tolerance 5: close up to 15
        "s.days": {
            "en": "Days",
            "ar": "الأيام",
            "weight": 1,
            "scale": {"kind": "numeric", "unit": "days", "lower": 0, "upper": 100, "tolerance": 5},
        },
        # a cap: the lower number is the high pole
        "s.cap": {
            "en": "Army cap",
            "ar": "سقف الجيش",
            "weight": 1,
            "scale": {
                "kind": "numeric",
                "unit": "troops",
                "lower": 0,
                "upper": 1000,
                "high_pole": "lower",
                "unlimited": {"id": "no_cap", "en": "no cap", "ar": "بلا سقف"},
            },
        },
        "s.guarantors": {
            "en": "Guarantors",
            "ar": "الضامنون",
            "weight": 1,
            "scale": {"kind": "set", "vocabulary": "parties"},
        },
        "s.neutral": {
            "en": "Neutrality",
            "ar": "الحياد",
            "weight": 1,
            "scale": {"kind": "flag", "high_pole": True},
        },
        # the same five levels, but an explicit close threshold of 0.1 (under one step)
        "t.strict": {
            "en": "Strict",
            "ar": "صارم",
            "close": 0.1,
            "scale": {"kind": "ordinal", "levels": _levels("l0", "l1", "l2", "l3", "l4")},
        },
    },
}


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return Taxonomy.model_validate(TAXONOMY)


def _stance(value: Any = None, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"source": "s", **kw}
    if value is not None:
        data["value"] = value
    return data


def doc(
    doc_id: str, stances: dict[str, dict[str, Any]], authors: tuple[str, ...] = ("RU",)
) -> Document:
    """A document with one source ``s`` and the given stances."""
    return Document.model_validate(
        {
            "id": doc_id,
            "title": doc_id.upper(),
            "date": dt.date(2025, 1, 1),
            "kind": "proposal",
            "status": "official",
            "authors": authors,
            "sources": [{"id": "s", "outlet": "Outlet", "title": "Title", "date": "2025-01-01"}],
            "stances": stances,
        }
    )


def one(
    tax: Taxonomy, issue: str, a: dict[str, Any] | None, b: dict[str, Any] | None, **kw: Any
) -> Any:
    """The diff of one issue between two one-stance documents."""
    da = doc("a", {issue: a} if a is not None else {}, authors=("RU", "UA"))
    db = doc("b", {issue: b} if b is not None else {}, authors=("UA",))
    return compare(da, db, taxonomy=tax, **kw)[issue]


# --- verdicts


def test_equal_values_agree(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance("l2"), _stance("l2"))
    assert d.verdict is Verdict.AGREE
    assert d.distance == 0.0


def test_equal_sets_agree_whatever_the_order(tax: Taxonomy) -> None:
    d = one(tax, "s.guarantors", _stance(["US", "UK"]), _stance(["UK", "US"]))
    assert d.verdict is Verdict.AGREE


def test_equal_flags_agree(tax: Taxonomy) -> None:
    assert one(tax, "s.neutral", _stance(True), _stance(True)).verdict is Verdict.AGREE


def test_numbers_within_tolerance_agree(tax: Taxonomy) -> None:
    d = one(tax, "s.days", _stance(30), _stance(35))
    assert d.verdict is Verdict.AGREE
    assert d.distance == pytest.approx(0.05)


def test_numbers_just_beyond_tolerance_do_not_agree(tax: Taxonomy) -> None:
    assert one(tax, "s.days", _stance(30), _stance(36)).verdict is Verdict.CLOSE


def test_one_ordinal_step_is_close(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance("l1"), _stance("l2"))
    assert d.verdict is Verdict.CLOSE
    assert d.distance == pytest.approx(0.25)


def test_two_ordinal_steps_are_apart(tax: Taxonomy) -> None:
    assert one(tax, "t.land", _stance("l1"), _stance("l3")).verdict is Verdict.APART


def test_numbers_within_fifteen_percent_of_the_range_are_close(tax: Taxonomy) -> None:
    d = one(tax, "s.days", _stance(30), _stance(45))
    assert d.verdict is Verdict.CLOSE
    assert d.distance == pytest.approx(0.15)


def test_numbers_beyond_fifteen_percent_of_the_range_are_apart(tax: Taxonomy) -> None:
    assert one(tax, "s.days", _stance(30), _stance(46)).verdict is Verdict.APART


def test_issue_close_threshold_overrides_the_scale_default(tax: Taxonomy) -> None:
    # one step (0.25) is close by default, but not under t.strict's close: 0.1
    assert one(tax, "t.strict", _stance("l1"), _stance("l2")).verdict is Verdict.APART


def test_different_flags_are_apart(tax: Taxonomy) -> None:
    d = one(tax, "s.neutral", _stance(True), _stance(False))
    assert d.verdict is Verdict.APART
    assert d.distance == 1.0


def test_overlapping_accepts_make_different_values_bridgeable(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance("l0", accepts=["l2"]), _stance("l3", accepts=["l2"]))
    assert d.verdict is Verdict.BRIDGEABLE
    assert d.distance == pytest.approx(0.75)


def test_accepts_reaching_the_other_value_are_bridgeable(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance("l0", accepts=["l3"]), _stance("l3"))
    assert d.verdict is Verdict.BRIDGEABLE


def test_accepts_that_do_not_overlap_stay_apart(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance("l0", accepts=["l1"]), _stance("l4", accepts=["l3"]))
    assert d.verdict is Verdict.APART


def test_apart_names_the_side_nearer_the_low_pole(tax: Taxonomy) -> None:
    assert one(tax, "t.land", _stance("l0"), _stance("l4")).nearer_low == "a"
    assert one(tax, "t.land", _stance("l4"), _stance("l0")).nearer_low == "b"


def test_nearer_low_follows_the_high_pole_of_a_numeric_scale(tax: Taxonomy) -> None:
    # s.cap: the lower cap is the high pole, so the bigger army is nearer the low pole
    assert one(tax, "s.cap", _stance(100), _stance(900)).nearer_low == "b"


def test_agreement_names_no_side_nearer_the_low_pole(tax: Taxonomy) -> None:
    assert one(tax, "t.land", _stance("l2"), _stance("l2")).nearer_low is None


def test_set_scale_names_no_side_nearer_the_low_pole(tax: Taxonomy) -> None:
    d = one(tax, "s.guarantors", _stance(["US"]), _stance(["FR"]))
    assert d.verdict is Verdict.APART
    assert d.nearer_low is None


def test_a_deferred_side_makes_the_issue_deferred(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance("l2"), _stance(modality="deferred"))
    assert d.verdict is Verdict.DEFERRED
    assert d.distance is None


def test_deferred_with_a_value_is_still_deferred(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance("l2", modality="deferred"), _stance("l2"))
    assert d.verdict is Verdict.DEFERRED


def test_an_issue_only_one_side_addresses_is_one_sided(tax: Taxonomy) -> None:
    a_only = one(tax, "t.land", _stance("l2"), None)
    b_only = one(tax, "t.land", None, _stance("l2"))
    assert a_only.verdict is b_only.verdict is Verdict.ONE_SIDED
    assert a_only.distance is None


def test_an_issue_only_one_side_defers_is_one_sided(tax: Taxonomy) -> None:
    assert one(tax, "t.land", _stance(modality="deferred"), None).verdict is Verdict.ONE_SIDED


def test_issues_neither_side_addresses_are_left_out_by_default(tax: Taxonomy) -> None:
    cmp = compare(doc("a", {"t.land": _stance("l0")}), doc("b", {}), taxonomy=tax)
    assert [d.issue.id for d in cmp] == ["t.land"]
    with pytest.raises(KeyError):
        cmp["s.days"]


def test_issues_neither_side_addresses_are_silent_with_all_issues(tax: Taxonomy) -> None:
    cmp = compare(doc("a", {"t.land": _stance("l0")}), doc("b", {}), taxonomy=tax, all_issues=True)
    assert len(cmp) == len(tax.issues)
    assert cmp["s.days"].verdict is Verdict.SILENT
    assert cmp["s.days"].distance is None


def test_diff_issue_of_two_missing_stances_is_silent(tax: Taxonomy) -> None:
    assert diff_issue(tax.issues["t.land"], None, None).verdict is Verdict.SILENT


def test_diffs_follow_taxonomy_order(tax: Taxonomy) -> None:
    cmp = compare(
        doc("a", {"s.neutral": _stance(True), "t.land": _stance("l0")}),
        doc("b", {"s.days": _stance(1)}),
        taxonomy=tax,
    )
    assert [d.issue.id for d in cmp] == ["t.land", "s.days", "s.neutral"]


def test_compare_rejects_stances_on_issues_outside_the_taxonomy(tax: Taxonomy) -> None:
    small = Taxonomy.model_validate(
        {**TAXONOMY, "issues": {"t.land": TAXONOMY["issues"]["t.land"]}}
    )
    with pytest.raises(KeyError, match=r"s\.days"):
        compare(doc("a", {"s.days": _stance(1)}), doc("b", {}), taxonomy=small)


# --- bracketed alternatives


def test_bracketed_alternatives_cover_their_span(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance(alternatives={"RU": "l0", "UA": "l4"}), _stance("l2"))
    assert d.distance == 0.0


def test_a_bracket_holding_the_other_value_is_bridgeable_not_agreed(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance(alternatives={"RU": "l0", "UA": "l4"}), _stance("l2"))
    assert d.verdict is Verdict.BRIDGEABLE
    assert "within the bracket" in d.line()


def test_identical_brackets_agree(tax: Taxonomy) -> None:
    bracket = _stance(alternatives={"RU": "l1", "UA": "l3"})
    assert one(tax, "t.land", bracket, bracket).verdict is Verdict.AGREE


def test_bracketed_numbers_cover_their_span(tax: Taxonomy) -> None:
    d = one(tax, "s.days", _stance(alternatives={"RU": 10, "UA": 90}), _stance(60))
    assert d.distance == 0.0


def test_bracketed_alternatives_measure_from_the_nearest_end(tax: Taxonomy) -> None:
    d = one(tax, "t.land", _stance(alternatives={"RU": "l0", "UA": "l1"}), _stance("l4"))
    assert d.distance == pytest.approx(0.75)
    assert d.verdict is Verdict.APART


def test_bracketed_sets_take_the_nearest_alternative(tax: Taxonomy) -> None:
    d = one(
        tax,
        "s.guarantors",
        _stance(alternatives={"RU": ["RU"], "UA": ["US", "UK"]}),
        _stance(["US", "UK"]),
    )
    assert d.distance == 0.0


def test_bracketed_numbers_are_described_as_a_range(tax: Taxonomy) -> None:
    d = one(tax, "s.cap", _stance(alternatives={"RU": 85, "UA": 250}), _stance(600))
    assert d.value("a") == "85–250 troops"
    assert d.value("b") == "600 troops"


# --- summary


@pytest.fixture
def mixed(tax: Taxonomy) -> Comparison:
    """agree (t.land), apart (s.days, 0.5), deferred (s.cap), one_sided (s.neutral)."""
    a = doc(
        "a",
        {
            "t.land": _stance("l2"),
            "s.days": _stance(0),
            "s.cap": _stance(modality="deferred"),
            "s.neutral": _stance(True),
        },
    )
    b = doc("b", {"t.land": _stance("l2"), "s.days": _stance(50), "s.cap": _stance(100)})
    return compare(a, b, taxonomy=tax)


def test_summary_counts_every_verdict_key_even_when_zero(mixed: Comparison) -> None:
    assert set(mixed.summary.counts) == {v.value for v in Verdict}
    assert mixed.summary.counts == {
        "agree": 1,
        "close": 0,
        "bridgeable": 0,
        "apart": 1,
        "deferred": 1,
        "one_sided": 1,
        "silent": 0,
    }


def test_summary_counts_silent_issues_with_all_issues(tax: Taxonomy) -> None:
    cmp = compare(doc("a", {"t.land": _stance("l0")}), doc("b", {}), taxonomy=tax, all_issues=True)
    assert cmp.summary.counts["silent"] == len(tax.issues) - 1


def test_coverage_is_the_share_of_addressed_issues_both_sides_address(mixed: Comparison) -> None:
    # addressed: 4; addressed by both (deferred included): 3
    assert mixed.summary.addressed == 4
    assert mixed.summary.coverage == pytest.approx(3 / 4)


def test_coverage_ignores_silent_issues(tax: Taxonomy) -> None:
    a, b = doc("a", {"t.land": _stance("l0")}), doc("b", {"t.land": _stance("l0")})
    assert compare(a, b, taxonomy=tax, all_issues=True).summary.coverage == 1.0


def test_convergence_is_one_minus_the_weighted_mean_distance(mixed: Comparison) -> None:
    # stated by both: t.land (weight 3, distance 0) and s.days (weight 1, distance 0.5)
    assert mixed.summary.both_stated == 2
    assert mixed.summary.convergence == pytest.approx(1 - (3 * 0 + 1 * 0.5) / 4)


def test_convergence_weights_override_the_taxonomy_weights(mixed: Comparison) -> None:
    cmp = compare(mixed.a, mixed.b, taxonomy=mixed.taxonomy, weights={"t.land": 1})
    assert cmp.summary.convergence == pytest.approx(1 - 0.5 / 2)


def test_convergence_weights_keep_the_taxonomy_weight_of_issues_not_named(
    mixed: Comparison,
) -> None:
    cmp = compare(mixed.a, mixed.b, taxonomy=mixed.taxonomy, weights={"s.days": 3})
    assert cmp.summary.convergence == pytest.approx(1 - 3 * 0.5 / 6)


def test_identical_documents_converge_fully(tax: Taxonomy) -> None:
    a = doc("a", {"t.land": _stance("l3"), "s.days": _stance(20)})
    assert compare(a, a, taxonomy=tax).summary.convergence == 1.0


def test_convergence_is_nan_when_nothing_is_stated_by_both(tax: Taxonomy) -> None:
    cmp = compare(
        doc("a", {"t.land": _stance("l0")}),
        doc("b", {"s.days": _stance(1), "t.strict": _stance(modality="deferred")}),
        taxonomy=tax,
    )
    assert cmp.summary.both_stated == 0
    assert math.isnan(cmp.summary.convergence)
    assert "convergence n/a" in str(cmp.summary)


def test_comparison_is_indexed_by_issue_id(mixed: Comparison) -> None:
    assert mixed["s.days"].issue.id == "s.days"
    assert mixed["s.days"].verdict is Verdict.APART


def test_comparison_index_raises_key_error_for_an_issue_not_compared(mixed: Comparison) -> None:
    with pytest.raises(KeyError, match=r"t\.strict"):
        mixed["t.strict"]


def test_comparison_index_raises_key_error_for_an_unknown_issue(mixed: Comparison) -> None:
    with pytest.raises(KeyError, match=r"no\.such"):
        mixed["no.such"]


def test_by_verdict_selects_diffs_with_one_verdict(mixed: Comparison) -> None:
    assert [d.issue.id for d in mixed.by_verdict("apart")] == ["s.days"]
    assert [d.issue.id for d in mixed.by_verdict(Verdict.DEFERRED)] == ["s.cap"]


# --- the bundled corpus

_CORPUS = ng.load()
_ISTANBUL, _US28 = "istanbul-draft-2022-04", "us-28-point-2025-11"
needs_both = pytest.mark.skipif(
    not (_ISTANBUL in _CORPUS and _US28 in _CORPUS),
    reason=f"{_ISTANBUL} and {_US28} are not in the bundled corpus yet",
)


@needs_both
def test_bundled_istanbul_draft_brackets_the_army_cap() -> None:
    cmp = compare(_CORPUS[_ISTANBUL], _CORPUS[_US28], taxonomy=_CORPUS.taxonomy)
    row = cmp["security.army_cap"]
    assert (row.value("a"), row.value("b")) == ("85,000–250,000 personnel", "600,000 personnel")


@needs_both
def test_bundled_army_caps_of_istanbul_and_the_28_points_are_apart() -> None:
    cmp = compare(_CORPUS[_ISTANBUL], _CORPUS[_US28], taxonomy=_CORPUS.taxonomy)
    row = cmp["security.army_cap"]
    assert row.verdict is Verdict.APART
    assert row.nearer_low == "b"  # the bigger army is nearer Ukraine's full sovereignty


@needs_both
def test_bundled_army_cap_row_appears_in_the_frame() -> None:
    frame = compare(_CORPUS[_ISTANBUL], _CORPUS[_US28], taxonomy=_CORPUS.taxonomy).to_frame()
    row = frame.set_index("issue").loc["security.army_cap"]
    assert (row["value_a"], row["value_b"]) == ({"RU": 85000, "UA": 250000}, 600000)
    assert (row["value_a_label"], row["value_b_label"]) == ("85,000–250,000 personnel", "600,000 personnel")


def test_compare_defaults_to_the_bundled_taxonomy() -> None:
    a = doc("a", {"security.non_nuclear": _stance(True)})
    assert (
        compare(a, a)["security.non_nuclear"].issue.en
        == _CORPUS.taxonomy.issues["security.non_nuclear"].en
    )


# --- encodings behind compare() ---------------------------------------------------------


def test_a_document_is_encoded_once_and_reused() -> None:
    from negotiation.analysis.encoding import document_code

    doc = _CORPUS[_ISTANBUL]
    assert document_code(doc, _CORPUS.taxonomy) is document_code(doc, _CORPUS.taxonomy)


def test_a_document_measured_on_another_taxonomy_is_encoded_for_it(tax: Taxonomy) -> None:
    from negotiation.analysis.encoding import document_code

    a = doc("a", {"t.land": _stance("l2")})
    assert document_code(a, tax).taxonomy.taxonomy is tax
    other = tax.model_copy()
    assert document_code(a, other).taxonomy.taxonomy is other


def test_the_encoding_cache_forgets_a_document_once_it_is_gone(tax: Taxonomy) -> None:
    import gc

    from negotiation import memo
    from negotiation.analysis import encoding

    a = doc("a", {"t.land": _stance("l2")})
    encoding.document_code(a, tax)
    key = id(a)
    assert key in memo._MEMO
    del a
    gc.collect()
    assert key not in memo._MEMO


def test_issue_diffs_and_comparisons_are_frozen(mixed: Comparison) -> None:
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        mixed.diffs[0].verdict = Verdict.AGREE  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        mixed.summary = mixed.summary  # type: ignore[misc]
