"""The convergence matrix kernel: symmetric, bounded by its tiles, and equal to compare() on every pair."""

from __future__ import annotations

import math

import numpy as np
import pytest

import negotiation as ng
from negotiation.analysis.encoding import Encoding, set_distances
from negotiation.analysis.matrix import convergence, cross_convergence
from negotiation.model.labels import Labelled
from negotiation.model.models import Area, Issue, Party, Poles
from negotiation.model.scales import SetScale

CORPUS = ng.load()
DOCS = list(CORPUS)


@pytest.fixture(scope="module")
def enc() -> Encoding:
    return Encoding.of(DOCS, CORPUS.taxonomy)


def test_matrix_is_exactly_symmetric(enc: Encoding) -> None:
    m = convergence(enc, block=7)
    assert np.array_equal(m, m.T, equal_nan=True)


def test_matrix_diagonal_is_one_wherever_a_document_states_something() -> None:
    m = CORPUS.matrix().to_numpy()
    states = np.array([any(s.stated for s in d.stances.values()) for d in DOCS])
    assert states.sum() >= len(DOCS) - 2
    assert np.all(np.diag(m)[states] == 1.0)
    # a document that only defers (what it would accept, no demand) has nothing to converge on
    assert np.all(np.isnan(np.diag(m)[~states]))


def test_matrix_entries_equal_compare_for_the_bundled_corpus() -> None:
    m = CORPUS.matrix(dtype="float64").to_numpy()
    for i, a in enumerate(DOCS):
        for j, b in enumerate(DOCS):
            expected = ng.compare(a, b).summary.convergence
            assert (math.isnan(expected) and math.isnan(m[i, j])) or m[i, j] == pytest.approx(expected, abs=1e-12)


def test_float32_matrix_is_within_a_millionth_of_float64(enc: Encoding) -> None:
    m32, m64 = convergence(enc, dtype=np.float32), convergence(enc, dtype=np.float64)
    assert m32.dtype == np.float32
    assert np.allclose(m32, m64, atol=1e-6, equal_nan=True)


@pytest.mark.parametrize("block", [1, 5, 64, 1000])
def test_block_size_changes_memory_not_results(enc: Encoding, block: int) -> None:
    assert np.allclose(convergence(enc, block=block, dtype=np.float64),
                       convergence(enc, block=64, dtype=np.float64), atol=1e-12, equal_nan=True)


def test_cross_convergence_is_the_matching_block_of_the_matrix(enc: Encoding) -> None:
    full = convergence(enc, dtype=np.float64)
    rows, cols = np.arange(3, 9), np.arange(len(enc))[::2]
    block = cross_convergence(enc.take(rows), enc.take(cols), dtype=np.float64)
    assert np.allclose(block, full[np.ix_(rows, cols)], atol=1e-12, equal_nan=True)


def test_cross_convergence_rejects_encodings_on_different_issues(enc: Encoding) -> None:
    other = Encoding.of([DOCS[0].model_copy(update={"stances": {}})], _set_taxonomy(3))
    with pytest.raises(ValueError, match="different issues"):
        cross_convergence(enc, other)


def test_a_document_stating_nothing_is_nan_even_against_itself() -> None:
    empty = DOCS[0].model_copy(update={"id": "empty", "stances": {}})
    m = ng.matrix(CORPUS, [empty, DOCS[1]])
    assert m.isna().loc["empty"].all()


def test_two_empty_sets_are_zero_apart() -> None:
    masks = np.zeros((2, 1, 1), dtype=np.uint64)
    assert np.array_equal(set_distances(masks, masks), np.zeros((2, 2)))


def _set_taxonomy(members: int) -> ng.Taxonomy:
    vocab = tuple(f"M{k}" for k in range(members))
    return ng.Taxonomy(
        poles=Poles(low=Labelled(en="low"), high=Labelled(en="high")),
        areas={"area": Area(id="area", en="Area")},
        issues={"area.members": Issue(id="area.members", en="members", scale=SetScale(vocabulary=vocab))},
        parties={c: Party(code=c, en=c) for c in ("A", "B")},
    )


def _set_document(doc_id: str, **stance: object) -> ng.Document:
    """A joint draft of A and B with one stance on the set issue of :func:`_set_taxonomy`."""
    source = ng.Source(id="s", outlet="o", title="t", date="2025-01-01")
    return ng.Document(id=doc_id, title=doc_id, date="2025-01-01", kind="joint_draft", status="reported",
                       authors=("A", "B"), sources=(source,), stances={"area.members": ng.Stance(source="s", **stance)})


def test_sets_beyond_64_members_and_brackets_measure_as_compare_does() -> None:
    tax = _set_taxonomy(70)
    docs = [
        _set_document("low", value=["M0", "M1"]),
        _set_document("high", value=["M65", "M69", "M1"]),
        _set_document("bracket", alternatives={"A": ["M69"], "B": ["M0", "M2", "M66"]}),
        _set_document("empty", value=[]),
    ]
    corpus = ng.Corpus.of(tax, docs)
    m = corpus.matrix(dtype="float64")
    for a in docs:
        for b in docs:
            assert m.loc[a.id, b.id] == pytest.approx(ng.compare(a, b, taxonomy=tax).summary.convergence, abs=1e-12)


def test_encodings_with_different_bracket_widths_measure_sets_alike() -> None:
    tax = _set_taxonomy(4)
    plain = _set_document("plain", value=["M0", "M1"])
    bracket = _set_document("bracket", alternatives={"A": ["M3"], "B": ["M0", "M1"]})
    got = cross_convergence(Encoding.of([plain], tax), Encoding.of([plain, bracket], tax), dtype=np.float64)
    assert got.tolist() == [[1.0, 1.0]]
