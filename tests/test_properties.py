"""The invariants of DESIGN §4, held with hypothesis over the bundled taxonomy and generated ones."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import negotiation as ng
from negotiation import strategies as nst
from negotiation.model.scales import FlagScale, OrdinalScale

TAXONOMY = ng.load().taxonomy
# Built once: a strategy made afresh on every draw is validated afresh by Hypothesis.
TAXONOMIES = st.one_of(st.just(TAXONOMY), nst.taxonomies())


@st.composite
def taxonomy_and_two_documents(draw: st.DrawFn, brackets: bool = True) -> tuple[ng.Taxonomy, ng.Document, ng.Document]:
    tax = draw(TAXONOMIES)
    a = draw(nst.documents(tax, authors=["A", "B"] if brackets else ["A"], brackets=brackets, id="doc-a"))
    b = draw(nst.documents(tax, authors=["C"], id="doc-b"))
    return tax, a, b


@given(taxonomy_and_two_documents())
def test_a_document_compared_with_itself_agrees_everywhere_with_index_one(case):
    tax, a, _ = case
    cmp = ng.compare(a, a, taxonomy=tax)
    assert {d.verdict for d in cmp} == {ng.Verdict.AGREE}
    assert cmp.summary.convergence == 1.0
    assert cmp.summary.coverage == 1.0


@given(taxonomy_and_two_documents())
def test_distance_and_convergence_are_symmetric(case):
    tax, a, b = case
    ab, ba = ng.compare(a, b, taxonomy=tax), ng.compare(b, a, taxonomy=tax)
    assert [d.distance for d in ab] == [d.distance for d in ba]
    assert [d.verdict for d in ab] == [d.verdict for d in ba]
    assert (math.isnan(ab.summary.convergence) and math.isnan(ba.summary.convergence)) or \
        ab.summary.convergence == pytest.approx(ba.summary.convergence)


@given(taxonomy_and_two_documents())
def test_distances_and_convergence_stay_in_the_unit_interval(case):
    tax, a, b = case
    cmp = ng.compare(a, b, taxonomy=tax)
    for d in cmp:
        assert d.distance is None or 0.0 <= d.distance <= 1.0
        if d.verdict is ng.Verdict.AGREE and d.distance > 1e-9:
            # Only numbers within the scale's tolerance agree at a distance.
            scale = d.issue.scale
            assert isinstance(scale, ng.NumericScale)
            assert scale.within_tolerance(d.a.span(scale), d.b.span(scale))
    c = cmp.summary.convergence
    assert math.isnan(c) or 0.0 <= c <= 1.0


@st.composite
def issue_and_three_values(draw: st.DrawFn):
    tax = draw(TAXONOMIES)
    issue = draw(st.sampled_from(list(tax.issues.values())))
    x, y, z = (draw(nst.values(issue)) for _ in range(3))
    return issue, x, y, z


@given(issue_and_three_values())
def test_per_issue_distance_obeys_the_triangle_inequality(case):
    issue, x, y, z = case
    d = issue.scale.distance
    assert d(x, z) <= d(x, y) + d(y, z) + 1e-9


@given(issue_and_three_values())
def test_distance_is_zero_exactly_between_equal_values_on_ordinal_and_flag_scales(case):
    issue, x, y, _ = case
    assume(isinstance(issue.scale, OrdinalScale | FlagScale))
    assert (issue.scale.distance(x, y) == 0) == (x == y)


@st.composite
def two_documents_sharing_an_ordered_issue(draw: st.DrawFn):
    tax = draw(TAXONOMIES)
    ordered = [i for i in tax.issues.values() if isinstance(i.scale, OrdinalScale | FlagScale)]
    assume(ordered)
    issue = draw(st.sampled_from(ordered))
    a = draw(nst.documents(tax, authors=["A"], id="doc-a"))
    b = draw(nst.documents(tax, authors=["B"], id="doc-b"))
    va, vb = draw(nst.values(issue)), draw(nst.values(issue))
    a = a.model_copy(update={"stances": {**a.stances, issue.id: ng.Stance(value=va, source="generated")}})
    b = b.model_copy(update={"stances": {**b.stances, issue.id: ng.Stance(value=vb, source="generated")}})
    return tax, issue, a, b


@given(two_documents_sharing_an_ordered_issue(), st.integers(1, 3))
def test_moving_a_stance_toward_the_other_side_never_increases_that_distance(case, steps):
    tax, issue, a, b = case
    before = ng.compare(a, b, taxonomy=tax)[issue.id].distance
    moved = ng.scenario(a, [ng.concede(issue.id, b.stances[issue.id].value, steps)], taxonomy=tax)
    after = ng.compare(moved, b, taxonomy=tax)[issue.id].distance
    assert after <= before + 1e-12


@given(two_documents_sharing_an_ordered_issue(), st.integers(1, 3))
def test_a_concession_toward_the_other_side_never_lowers_convergence(case, steps):
    tax, issue, a, b = case
    before = ng.compare(a, b, taxonomy=tax).summary.convergence
    moved = ng.scenario(a, [ng.concede(issue.id, b.stances[issue.id].value, steps)], taxonomy=tax)
    after = ng.compare(moved, b, taxonomy=tax).summary.convergence
    assert after >= before - 1e-12


@given(nst.corpora())
def test_a_generated_corpus_dumped_and_loaded_again_is_equal(tmp_path_factory, corpus):
    folder = tmp_path_factory.mktemp("corpus")
    assert ng.load(ng.dump(corpus, folder)) == corpus


@given(nst.corpora(min_documents=2))
def test_matrix_is_symmetric_with_unit_diagonal_and_matches_compare(corpus):
    m = corpus.matrix()
    docs = list(corpus)
    for i, a in enumerate(docs):
        for j, b in enumerate(docs):
            expected = ng.compare(a, b, taxonomy=corpus.taxonomy).summary.convergence
            got = m.iloc[i, j]
            # float32 by default: within about 1e-6 of compare()
            assert (math.isnan(expected) and math.isnan(got)) or got == pytest.approx(expected, abs=1e-6)
            assert (math.isnan(got) and math.isnan(m.iloc[j, i])) or got == m.iloc[j, i]
        if not math.isnan(m.iloc[i, i]):
            assert m.iloc[i, i] == 1.0


def _all_values(scale):
    if isinstance(scale, OrdinalScale):
        return list(scale.level_ids)
    return [False, True]


@given(taxonomy_and_two_documents(brackets=False), st.data())
def test_zopa_is_empty_exactly_when_no_value_is_accepted_by_all(case, data):
    tax, a, b = case
    ordered = [i for i in tax.issues.values() if isinstance(i.scale, OrdinalScale | FlagScale)]
    assume(ordered)
    issue = data.draw(st.sampled_from(ordered))
    stance = data.draw(nst.stances(issue, brackets=False))
    other = data.draw(nst.stances(issue, brackets=False))
    a = a.model_copy(update={"stances": {**a.stances, issue.id: stance}})
    b = b.model_copy(update={"stances": {**b.stances, issue.id: other}})
    row = ng.zopa([a, b], taxonomy=tax).set_index("issue").loc[issue.id]
    scale = issue.scale

    def accepted(st_):
        span = st_.reservation(scale)
        return {v for v in _all_values(scale) if span.lo <= scale.span([v]).lo <= span.hi}

    shared = accepted(stance) & accepted(other)
    assert bool(row["empty"]) == (not shared)
    assert (row["gap"] == 0) == bool(shared)


# --- fast paths equal the reference rules (encodings, matrix kernel, nearest) ---------------


@st.composite
def encoded_corpora(draw: st.DrawFn, max_documents: int = 4) -> ng.Corpus:
    """Generated corpora with every feature the encodings handle: brackets, sets, accepts, deferrals."""
    tax = draw(TAXONOMIES)
    n = draw(st.integers(1, max_documents))
    parties = sorted(tax.parties)[:3]
    docs = []
    for k in range(n):
        joint = draw(st.booleans())
        authors = parties[:2] if joint else [draw(st.sampled_from(parties))]
        docs.append(draw(nst.documents(tax, authors=authors, brackets=joint, deferred=True, id=f"doc-{k}")))
    return ng.Corpus.of(tax, docs)


def _reference(a: ng.Document, b: ng.Document, tax: ng.Taxonomy, all_issues: bool = False):
    from negotiation.analysis.compare import diff_issue, summarize

    diffs = tuple(
        diff_issue(issue, a.stances.get(i), b.stances.get(i))
        for i, issue in tax.issues.items()
        if all_issues or i in a.stances or i in b.stances
    )
    return diffs, summarize(diffs)


def _same_number(x: float, y: float) -> bool:
    return (math.isnan(x) and math.isnan(y)) or x == y


@given(encoded_corpora(), st.booleans())
def test_compare_on_encodings_gives_exactly_the_reference_diffs_and_summary(corpus, all_issues):
    docs = list(corpus)
    for a in docs:
        for b in docs:
            cmp = ng.compare(a, b, taxonomy=corpus.taxonomy, all_issues=all_issues)
            diffs, summary = _reference(a, b, corpus.taxonomy, all_issues)
            assert cmp.diffs == diffs
            assert cmp.summary.counts == summary.counts
            assert (cmp.summary.both_stated, cmp.summary.addressed) == (summary.both_stated, summary.addressed)
            assert _same_number(cmp.summary.convergence, summary.convergence)
            assert _same_number(cmp.summary.coverage, summary.coverage)


@given(encoded_corpora(), st.sampled_from(["float32", "float64"]), st.integers(1, 4))
def test_matrix_kernel_equals_compare_for_every_pair(corpus, dtype, block):
    m = corpus.matrix(dtype=dtype, block=block).to_numpy()
    tol = 1e-5 if dtype == "float32" else 1e-12
    docs = list(corpus)
    for i, a in enumerate(docs):
        for j, b in enumerate(docs):
            expected = ng.compare(a, b, taxonomy=corpus.taxonomy).summary.convergence
            assert (math.isnan(expected) and math.isnan(m[i, j])) or abs(m[i, j] - expected) <= tol


@given(encoded_corpora())
def test_encoded_issue_distances_equal_the_reference_distances(corpus):
    from negotiation.analysis.encoding import Encoding

    docs = list(corpus)
    enc = Encoding.of(docs, corpus.taxonomy)
    d = enc.distances()
    for i, a in enumerate(docs):
        for j, b in enumerate(docs):
            for k, diff in enumerate(_reference(a, b, corpus.taxonomy, all_issues=True)[0]):
                expected = math.nan if diff.distance is None else diff.distance
                assert _same_number(d[i, j, k], expected) or abs(d[i, j, k] - expected) <= 1e-12


@given(encoded_corpora(max_documents=6), st.integers(1, 4))
def test_nearest_returns_the_k_best_convergences_that_compare_finds(corpus, k):
    docs = list(corpus)
    query = docs[0]
    truth = {d.id: ng.compare(query, d, taxonomy=corpus.taxonomy).summary.convergence for d in docs[1:]}
    best = sorted((c for c in truth.values() if not math.isnan(c)), reverse=True)[:k]
    got = corpus.nearest(query, k)
    assert [c for _, c in got] == pytest.approx(best, abs=1e-12)
    assert all(truth[doc_id] == pytest.approx(c, abs=1e-12) for doc_id, c in got)


@given(encoded_corpora(max_documents=6))
def test_trajectory_walked_once_compares_the_positions_of_every_change_date(corpus):
    import pandas as pd

    a, b = sorted(corpus.taxonomy.parties)[:2]
    frame = corpus.trajectory(a, b)
    for day, convergence, both in zip(frame["date"], frame["convergence"], frame["both_stated"], strict=True):
        when = pd.Timestamp(day).date()
        cmp = ng.compare(corpus.position(a, when), corpus.position(b, when), taxonomy=corpus.taxonomy)
        assert _same_number(convergence, cmp.summary.convergence)
        assert both == cmp.summary.both_stated
