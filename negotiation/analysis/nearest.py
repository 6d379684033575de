"""Which documents are closest to one: a row of the convergence matrix, never the whole.

A full matrix of 100,000 documents is 40 GB of float32; the documents nearest one need a
single row of it: the query's convergence with every document, computed in tiles from the
documents × issues :class:`~negotiation.analysis.encoding.Encoding` (tens of bytes per
document and issue), then the ``k`` best.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from negotiation.analysis.encoding import Encoding
from negotiation.analysis.matrix import cross_convergence, documents_of
from negotiation.model.models import Corpus, Document


def nearest_in(
    encoding: Encoding, query: Encoding, k: int = 5, *, exclude: Iterable[str] = (), min_shared: int = 1
) -> list[tuple[str, float]]:
    """The ``k`` documents of ``encoding`` closest to the single document encoded in ``query``.

    Closest means the highest convergence index over at least ``min_shared`` issues both
    state; among equals, more issues in common first, then by id. The ids in ``exclude``
    are left out. Use this form to ask many questions of one large encoding without
    encoding it again.
    """
    import numpy as np

    if len(query) != 1:
        raise ValueError(f"expected one query document, got {len(query)}")
    row = cross_convergence(query, encoding, dtype=np.float64)[0]
    shared = encoding.stated.astype(np.int32) @ query.stated[0].astype(np.int32)
    valid = ~np.isnan(row) & (shared >= max(1, min_shared))
    positions = encoding.positions()
    for doc_id in exclude:
        if doc_id in positions:
            valid[positions[doc_id]] = False
    candidates = np.flatnonzero(valid)
    if k <= 0 or candidates.size == 0:
        return []
    if candidates.size > k:
        values = row[candidates]
        kth = np.partition(values, candidates.size - k)[candidates.size - k]
        candidates = candidates[values >= kth]  # ties at the cut stay, ordered below
    names = np.array([encoding.ids[i] for i in candidates])
    ranked = candidates[np.lexsort((names, -shared[candidates], -row[candidates]))][:k]
    return [(encoding.ids[i], float(row[i])) for i in ranked]


def nearest(
    corpus: Corpus,
    document: str | Document,
    k: int = 5,
    *,
    documents: Iterable[str | Document] | None = None,
    weights: Mapping[str, float] | None = None,
    encoding: Encoding | None = None,
    min_shared: int = 1,
) -> list[tuple[str, float]]:
    """The ``k`` documents closest to ``document``, best first, as ``(id, convergence)``.

    Parameters
    ----------
    corpus
        The corpus searched (its taxonomy measures the documents).
    document
        An id, a ``PARTY@DATE`` position or a Document (it need not be in the corpus;
        when it is, it is not its own neighbour).
    k
        How many neighbours.
    documents
        Search these instead of every document of the corpus.
    weights
        Issue weights for the convergence index; issues not named keep the taxonomy's.
    encoding
        A prebuilt :class:`Encoding` of the searched documents (same taxonomy and
        weights), to skip encoding them again for each query.
    min_shared
        Leave out documents that state fewer issues in common with ``document``.

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> [doc_id for doc_id, _ in corpus.nearest("us-28-point-2025-11", k=2)]  # doctest: +SKIP
    ['us-20-point-2025-12', 'ru-us-anchorage-2025-08']
    """
    query = corpus.resolve(document)
    if encoding is None:
        encoding = Encoding.of(documents_of(corpus, documents), corpus.taxonomy, weights)
    q = Encoding.of([query], corpus.taxonomy, weights)
    return nearest_in(encoding, q, k, exclude=(query.id,), min_shared=min_shared)

