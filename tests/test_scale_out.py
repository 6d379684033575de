"""Past one machine's memory: nearest without the matrix, the matrix streamed to zarr, and dask."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import negotiation as ng
from negotiation.analysis.encoding import Encoding
from negotiation.analysis.matrix import convergence, convergence_dask, strips
from negotiation.analysis.nearest import nearest_in
from tests.generated_corpus import copies

BASE = ng.load()
CORPUS = copies(BASE, 3 * len(BASE))
ENC = Encoding.of(list(CORPUS), CORPUS.taxonomy)
FULL = convergence(ENC, dtype=np.float64)
np.fill_diagonal(FULL, np.where(np.isnan(np.diag(FULL)), np.nan, 1.0))


def test_strips_cover_the_matrix_one_block_of_rows_at_a_time() -> None:
    seen = []
    for rows, strip in strips(ENC, block=40, dtype=np.float64):
        assert strip.shape == (rows.stop - rows.start, len(ENC)) and strip.shape[0] <= 40
        assert np.allclose(strip, FULL[rows], atol=1e-12, equal_nan=True)
        seen.append((rows.start, rows.stop))
    assert seen[0][0] == 0 and seen[-1][1] == len(ENC)


def test_matrix_streamed_to_zarr_equals_the_in_memory_matrix(tmp_path: Path) -> None:
    pytest.importorskip("zarr", reason="zarr is in the [dask] extra")
    stored = CORPUS.matrix(out=tmp_path / "m.zarr", block=50, dtype="float64")
    assert list(stored.attrs["ids"]) == CORPUS.ids
    assert np.allclose(stored[:], FULL, atol=1e-12, equal_nan=True)


def test_dask_on_a_two_worker_cluster_equals_the_in_memory_matrix() -> None:
    pytest.importorskip("dask.array", reason="dask is in the [dask] extra")
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is in the [dask] extra")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        lazy = convergence_dask(ENC, block=37, dtype=np.float64)
        assert lazy.chunks[0][0] == 37
        assert np.allclose(client.compute(lazy).result(), FULL, atol=1e-12, equal_nan=True)


def test_dask_strips_stored_to_zarr_equal_the_in_memory_matrix(tmp_path: Path) -> None:
    pytest.importorskip("dask.array", reason="dask is in the [dask] extra")
    pytest.importorskip("zarr", reason="zarr is in the [dask] extra")
    stored = CORPUS.matrix(out=tmp_path / "m.zarr", use_dask=True, block=64, dtype="float64")
    assert np.allclose(stored[:], FULL, atol=1e-12, equal_nan=True)


def test_nearest_leaves_the_document_itself_out() -> None:
    doc = "us-28-point-2025-11-0"
    assert doc not in [d for d, _ in CORPUS.nearest(doc, k=10)]


def test_nearest_finds_the_copies_of_a_document_first() -> None:
    got = CORPUS.nearest("us-28-point-2025-11-0", k=2, min_shared=5)
    assert sorted(d for d, _ in got) == ["us-28-point-2025-11-1", "us-28-point-2025-11-2"]
    assert [c for _, c in got] == [1.0, 1.0]


def test_nearest_row_is_the_matrix_row() -> None:
    i = CORPUS.ids.index("istanbul-draft-2022-04-1")
    got = dict(CORPUS.nearest("istanbul-draft-2022-04-1", k=len(CORPUS)))
    for j, doc_id in enumerate(CORPUS.ids):
        if doc_id in got:
            assert got[doc_id] == pytest.approx(FULL[i, j], abs=1e-12)
        else:
            assert doc_id == "istanbul-draft-2022-04-1" or math.isnan(FULL[i, j])


def test_nearest_keeps_to_documents_with_enough_issues_in_common() -> None:
    query = CORPUS["us-28-point-2025-11-0"]
    for doc_id, _ in CORPUS.nearest(query, k=20, min_shared=8):
        shared = set(query.stances) & set(CORPUS[doc_id].stances)
        stated = [i for i in shared if query.stances[i].stated and CORPUS[doc_id].stances[i].stated]
        assert len(stated) >= 8


def test_nearest_takes_a_position_as_the_query() -> None:
    got = BASE.nearest("RU@2026-02-24", k=3, min_shared=3)
    assert len(got) == 3 and all(0.0 <= c <= 1.0 for _, c in got)


def test_a_prebuilt_encoding_answers_like_the_corpus() -> None:
    query = Encoding.of([CORPUS["istanbul-draft-2022-04-0"]], CORPUS.taxonomy)
    assert nearest_in(ENC, query, 5, exclude=["istanbul-draft-2022-04-0"]) == \
        CORPUS.nearest("istanbul-draft-2022-04-0", k=5)


def test_nearest_of_zero_documents_is_empty() -> None:
    assert CORPUS.nearest("istanbul-draft-2022-04-0", k=0) == []


def test_encodings_of_batches_concatenate_to_the_encoding_of_all() -> None:
    docs = list(CORPUS)
    parts = [Encoding.of(docs[k:k + 50], CORPUS.taxonomy) for k in range(0, len(docs), 50)]
    whole = Encoding.concat(parts)
    assert whole.ids == ENC.ids
    assert np.allclose(convergence(whole, dtype=np.float64), convergence(ENC, dtype=np.float64), equal_nan=True)


def test_encodings_on_different_weights_do_not_concatenate() -> None:
    other = Encoding.of(list(CORPUS)[:2], CORPUS.taxonomy, {"territory.crimea": 0.0})
    with pytest.raises(ValueError, match="different issues or weights"):
        Encoding.concat([ENC, other])
