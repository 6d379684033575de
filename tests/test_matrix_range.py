"""matrix_range(): every pair's low/high equals compare()'s, and brackets never count as agreement."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation import strategies as nst
from negotiation.analysis.matrix_range import matrix_range
from tests.test_properties import TAXONOMIES


def _same(got: float, want: float) -> bool:
    return (math.isnan(got) and math.isnan(want)) or abs(got - want) <= 2e-6


def test_every_pair_of_the_bundled_corpus_has_compares_range() -> None:
    c = ng.load()
    docs = [*c, c.position("RU", "2026-06-15"), c.position("UA", "2026-06-15")]  # positions carry readings
    r = matrix_range(c, docs)
    for i, a in enumerate(docs):
        for j, b in enumerate(docs):
            if i != j:
                s = ng.compare(a, b).summary
                assert _same(r.low.iloc[i, j], s.low), (a.id, b.id, "low")
                assert _same(r.high.iloc[i, j], s.high), (a.id, b.id, "high")
                assert _same(r.convergence.iloc[i, j], s.convergence), (a.id, b.id)


def test_a_bracketed_draft_has_a_range_and_certain_pairs_have_none() -> None:
    c = ng.load()
    r = matrix_range(c, ["istanbul-draft-2022-04", "us-28-point-2025-11", "us-20-point-2025-12"])
    assert r.low.loc["istanbul-draft-2022-04", "us-28-point-2025-11"] < \
        r.convergence.loc["istanbul-draft-2022-04", "us-28-point-2025-11"]
    pairs = r.uncertain_pairs()
    assert set(pairs["a"]) | set(pairs["b"]) >= {"istanbul-draft-2022-04"}
    assert (pairs["low"] <= pairs["high"]).all()
    assert set(r.to_dict()) == {"convergence", "low", "high"}


STATUSES = st.sampled_from(["official", "reported", "leaked"])


@st.composite
def _documents(draw: st.DrawFn) -> tuple[ng.Taxonomy, list[ng.Document]]:
    tax = draw(TAXONOMIES)
    n = draw(st.integers(2, 5))
    docs = []
    for k in range(n):
        doc = draw(nst.documents(tax, authors=["A", "B"] if k % 2 == 0 else ["C"], brackets=k % 2 == 0,
                                 id=f"doc-{k}"))
        status = draw(STATUSES)
        docs.append(doc.model_copy(update={"status": status}))
    return tax, docs


@settings(max_examples=60, deadline=None)
@given(_documents())
def test_low_point_high_are_ordered_and_equal_compare(case) -> None:
    tax, docs = case
    corpus = ng.Corpus.model_construct(taxonomy=tax, documents={})  # documents of unknown parties: not validated
    r = matrix_range(corpus, docs)  # type: ignore[arg-type]
    lo, mid, hi = r.low.to_numpy(), r.convergence.to_numpy(), r.high.to_numpy()
    stated = ~np.isnan(mid)
    assert (lo[stated] <= mid[stated] + 2e-6).all() and (mid[stated] <= hi[stated] + 2e-6).all()
    for i, a in enumerate(docs):
        for j, b in enumerate(docs):
            if i != j:
                s = ng.compare(a, b, taxonomy=tax).summary
                assert _same(lo[i, j], s.low) and _same(hi[i, j], s.high), (i, j)


def test_a_document_against_itself_is_one_without_a_range() -> None:
    c = ng.load()
    r = matrix_range(c, ["istanbul-draft-2022-04"])
    assert r.low.iloc[0, 0] == r.high.iloc[0, 0] == pytest.approx(1.0)


def test_the_matrix_command_prints_each_uncertain_cell_with_its_range(capsys) -> None:
    import json

    from tests.command_line import run_cli

    code, out, _ = run_cli(capsys, "matrix", "us-28-point-2025-11", "istanbul-draft-2022-04", "--format", "github")
    assert code == 0 and "0.80 (0.57–0.80)" in out and "its range" in out
    code, out, _ = run_cli(capsys, "matrix", "us-28-point-2025-11", "istanbul-draft-2022-04", "--format", "json")
    rows = json.loads(out)
    assert rows[0]["low"]["istanbul-draft-2022-04"] < rows[0]["istanbul-draft-2022-04"] <= \
        rows[0]["high"]["istanbul-draft-2022-04"] + 1e-9
    code, out, _ = run_cli(capsys, "matrix", "us-28-point-2025-11", "istanbul-draft-2022-04", "--lang", "ar")
    assert code == 0 and "مداه" in out
