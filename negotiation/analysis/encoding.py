"""Documents encoded once, compared many times: per-stance codes and documents × issues arrays.

Two encodings live here, both derived from the scales of :mod:`negotiation.model.scales`
with exactly the same arithmetic, so fast paths give the same distances and verdicts as the
reference path (``diff_issue``, which asks the scales each time):

- :func:`document_code` turns one document into a :class:`DocumentCode`: for every stance,
  its span on the issue's scale in the scale's own gap coordinates, its reservation span,
  its place between the poles and, on set scales, its member sets as bitmasks. It is
  computed once per (document, taxonomy) and cached while the document lives, so
  :func:`~negotiation.analysis.compare.compare` is a pass over tuples.
- :class:`Encoding` stacks many documents into documents × issues numpy arrays for
  matrices, nearest-neighbour search and package evaluation (see its docstring).

Documents are frozen models, so a cached code stays valid; the cache
(:func:`negotiation.memo.remembered`) is keyed by the document object's identity, checked
against a weak reference, and dropped when the document is garbage collected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from negotiation.analysis.verdicts import (
    NUMERIC,
    ORDERED,
    OTHER,
    SET,
    IssueCode,
    StanceCode,
    jaccard_mask,
    set_gap,
)
from negotiation.memo import remembered
from negotiation.model.models import Document, Issue, Stance, Taxonomy
from negotiation.model.scales import FlagScale, NumericScale, OrdinalScale, SetScale
from negotiation.model.spans import Span

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "NUMERIC", "ORDERED", "OTHER", "SET", "DocumentCode", "Encoding", "IssueCode", "StanceCode",
    "TaxonomyCode", "document_code", "encode_document", "jaccard_mask", "set_distances",
    "set_gap", "stance_code", "taxonomy_code",
]


@dataclass(frozen=True, slots=True)
class TaxonomyCode:
    """A taxonomy's issues, in order, as :class:`IssueCode` (cached per taxonomy)."""

    taxonomy: Taxonomy
    issues: tuple[IssueCode, ...]
    index: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class DocumentCode:
    """A document's stances encoded on one taxonomy, keyed by issue position.

    ``stances`` maps the issue's index in the taxonomy to its :class:`StanceCode`;
    ``unknown`` lists stance issue ids the taxonomy does not have.
    """

    taxonomy: TaxonomyCode
    stances: Mapping[int, StanceCode]
    unknown: tuple[str, ...] = ()
    readings: Mapping[int, tuple[StanceCode, ...]] = field(default_factory=dict)
    """A position's readings below the confidence floor on issues it leaves unstated."""


def _scale_kind(issue: Issue) -> int:
    scale = issue.scale
    if type(scale) in (OrdinalScale, FlagScale):
        return ORDERED
    if type(scale) is NumericScale:
        return NUMERIC
    if type(scale) is SetScale and not isinstance(scale.vocabulary, str):
        return SET
    return OTHER


def _issue_code(k: int, issue: Issue) -> IssueCode:
    kind = _scale_kind(issue)
    scale = issue.scale
    width, tolerance, vocabulary = 1.0, 0.0, {}
    if kind == NUMERIC:
        assert isinstance(scale, NumericScale)
        width = scale._transform(scale.upper) - scale._transform(scale.lower)
        tolerance = scale.tolerance
    elif kind == SET:
        assert isinstance(scale, SetScale) and not isinstance(scale.vocabulary, str)
        vocabulary = {m: v for v, m in enumerate(scale.vocabulary)}
    return IssueCode(k, issue.id, kind, issue.close_threshold, issue.weight, width, tolerance, vocabulary, issue)


def taxonomy_code(taxonomy: Taxonomy) -> TaxonomyCode:
    """The taxonomy's issues precomputed for the fast paths (cached while it lives)."""

    def make() -> TaxonomyCode:
        issues = tuple(_issue_code(k, issue) for k, issue in enumerate(taxonomy.issues.values()))
        return TaxonomyCode(taxonomy, issues, {c.id: c.index for c in issues})

    return remembered(taxonomy, "code", make)


def _masks(code: IssueCode, values: Sequence[Any]) -> tuple[int, ...]:
    vocab = code.vocabulary
    out = []
    for members in values:
        mask = 0
        for m in members:
            mask |= 1 << vocab[m]
        out.append(mask)
    return tuple(out)


def stance_code(code: IssueCode, stance: Stance, reported: bool = False) -> StanceCode:
    """Encode one stance on its issue (values are checked by the scale, as ``span`` does).

    ``reported``: the stance's document is ``reported``; with no reading to fall back on, the
    stance may then be left out (for the range). A position's stances say their own status.
    """
    plain = _stance_code(code, stance)
    readings = tuple(_stance_code(code, r) for r in stance.readings)
    optional = (reported or stance.status == "reported") and not readings
    if readings or optional:
        return replace(plain, readings=readings, optional=optional)
    return plain


def _stance_code(code: IssueCode, stance: Stance) -> StanceCode:
    scale = code.issue.scale
    if not stance.stated:  # a deferred stance is never measured
        return StanceCode(False, bool(stance.alternatives), bool(stance.accepts), Span(), stance=stance)
    values = stance.values
    span = scale.span(values)
    reservation = scale.span(values + stance.accepts) if stance.accepts else span
    common = (True, bool(stance.alternatives), bool(stance.accepts), span)
    if code.kind == ORDERED:
        assert isinstance(scale, OrdinalScale | FlagScale)
        unit = scale._unit
        lo, hi = unit(span.lo), unit(span.hi)
        return StanceCode(*common, lo, hi, unit(reservation.lo), unit(reservation.hi),
                          (min(lo, hi), max(lo, hi)), reservation=reservation, stance=stance)
    if code.kind == NUMERIC:
        assert isinstance(scale, NumericScale)
        t = scale._transform
        pole = scale.pole_position(span)
        return StanceCode(*common, t(span.lo), t(span.hi), t(reservation.lo), t(reservation.hi),
                          pole, reservation=reservation, stance=stance)
    if code.kind == SET:
        return StanceCode(*common, masks=_masks(code, span.members),
                          res_masks=_masks(code, reservation.members), reservation=reservation, stance=stance)
    return StanceCode(*common, pole=scale.pole_position(span), reservation=reservation, stance=stance)


def encode_document(document: Document, taxonomy: Taxonomy) -> DocumentCode:
    """Encode every stance of ``document`` on ``taxonomy`` (uncached; see :func:`document_code`)."""
    tcode = taxonomy_code(taxonomy)
    stances: dict[int, StanceCode] = {}
    unknown = []
    for issue_id, stance in document.stances.items():
        k = tcode.index.get(issue_id)
        if k is None:
            unknown.append(issue_id)
            continue
        stances[k] = stance_code(tcode.issues[k], stance, document.status == "reported")
    readings = {
        tcode.index[issue_id]: tuple(stance_code(tcode.issues[tcode.index[issue_id]], r) for r in rs)
        for issue_id, rs in document.readings.items() if issue_id in tcode.index
    }
    return DocumentCode(tcode, dict(sorted(stances.items())), tuple(unknown), readings)


def document_code(document: Document, taxonomy: Taxonomy) -> DocumentCode:
    """The document's :class:`DocumentCode` on ``taxonomy``, computed once and cached.

    The cache holds one code per live document and taxonomy (see :mod:`negotiation.memo`)
    and forgets it when the document is garbage collected.
    """
    return remembered(document, "code", lambda: encode_document(document, taxonomy), (taxonomy,))


# --- many documents: arrays -------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Encoding:
    """Documents × issues arrays of normalized positions, for matrices and searches.

    Attributes
    ----------
    ids
        Document ids, one per row.
    issues
        Issue ids, one per column, in taxonomy order.
    lo, hi
        float64 arrays (documents × issues): each stated stance's interval on [0, 1],
        low pole to high pole (a bracket covers the span of its alternatives). NaN where
        the issue is not stated and on set-scale columns.
    stated
        bool array: the document states the issue (addressed and not deferred).
    weights
        float64 issue weights (the taxonomy's, or the caller's overrides).
    set_columns
        Column indices of set-scale issues.
    masks
        uint64 array (documents × set issues × alternatives × words): each stated set
        stance's member sets as bitmasks (64 members a word). A stance with fewer
        alternatives than the widest repeats its first one, which leaves every minimum
        unchanged; unstated entries are 0.

    The distance between documents ``i`` and ``j`` on an ordered issue is
    ``max(0, lo[i] - hi[j], lo[j] - hi[i])``; on a set issue the smallest Jaccard distance
    between any of their alternatives; the convergence index is one minus the
    ``weights``-weighted mean over the issues both state. :meth:`convergence` and
    :func:`negotiation.analysis.matrix.matrix` compute it; ``Encoding.of(documents,
    taxonomy)`` builds one, :meth:`concat` joins batches, :meth:`take` selects rows.
    Treat an encoding as frozen: kernels keep derived layouts of its arrays.

    Examples
    --------
    Score candidate packages (documents or scenarios) against parties' positions, every
    pair at once:

    >>> import negotiation as ng
    >>> from negotiation.analysis.matrix import cross_convergence
    >>> corpus = ng.load()
    >>> parties = Encoding.of([corpus.position(p) for p in ("RU", "UA")], corpus.taxonomy)
    >>> candidates = Encoding.of([corpus["us-28-point-2025-11"], corpus["us-20-point-2025-12"]],
    ...                          corpus.taxonomy)
    >>> cross_convergence(candidates, parties).shape  # candidates × parties
    (2, 2)
    """

    ids: tuple[str, ...]
    issues: tuple[str, ...]
    lo: np.ndarray
    hi: np.ndarray
    stated: np.ndarray
    weights: np.ndarray
    set_columns: tuple[int, ...]
    masks: np.ndarray

    @classmethod
    def of(cls, documents: Sequence[Document], taxonomy: Taxonomy,
           weights: Mapping[str, float] | None = None) -> Encoding:
        """Encode documents on a taxonomy (issue weights optionally overridden).

        Each document's stances are read through :func:`document_code`, so encoding the
        same documents again costs a copy into arrays.
        """
        import numpy as np

        tcode = taxonomy_code(taxonomy)
        n, m = len(documents), len(tcode.issues)
        lo = np.full((n, m), np.nan)
        hi = np.full((n, m), np.nan)
        stated = np.zeros((n, m), dtype=bool)
        set_columns = tuple(c.index for c in tcode.issues if c.kind == SET)
        set_pos = {k: p for p, k in enumerate(set_columns)}
        words = max((len(tcode.issues[k].vocabulary) + 63) // 64 for k in set_columns) if set_columns else 1
        alts: list[tuple[int, int, int, tuple[int, ...]]] = []
        for i, doc in enumerate(documents):
            code = document_code(doc, taxonomy)
            if code.unknown:
                raise KeyError(f"{doc.id}: issues not in the taxonomy: {', '.join(code.unknown)}")
            for k, sc in code.stances.items():
                if not sc.stated:
                    continue
                stated[i, k] = True
                kind = tcode.issues[k].kind
                if kind == SET:
                    alts.append((i, set_pos[k], k, sc.masks))
                else:  # ordered, numeric, or another scale: its pole positions (from stance_code)
                    if sc.pole is None:
                        raise TypeError(f"issue {tcode.issues[k].issue.id}: no encoding for its scale")
                    lo[i, k], hi[i, k] = sc.pole
        width = max((len(a[3]) for a in alts), default=1)
        masks = np.zeros((n, len(set_columns), width, words), dtype=np.uint64)
        for i, p, _, ms in alts:
            for a in range(width):
                mask = ms[a] if a < len(ms) else ms[0]
                for word in range(words):
                    masks[i, p, a, word] = (mask >> (64 * word)) & 0xFFFFFFFFFFFFFFFF
        issue_weights = np.array([(weights or {}).get(c.issue.id, c.weight) for c in tcode.issues], dtype=float)
        return cls(
            ids=tuple(d.id for d in documents),
            issues=tuple(c.issue.id for c in tcode.issues),
            lo=lo, hi=hi, stated=stated, weights=issue_weights,
            set_columns=set_columns, masks=masks,
        )

    @classmethod
    def concat(cls, parts: Sequence[Encoding]) -> Encoding:
        """One encoding of the documents of several (on the same issues, with the same weights).

        Lets a corpus too large to hold as Document objects be encoded batch by batch.
        """
        import numpy as np

        if not parts:
            raise ValueError("nothing to concatenate")
        first = parts[0]
        for part in parts[1:]:
            if part.issues != first.issues or not np.array_equal(part.weights, first.weights):
                raise ValueError("encodings on different issues or weights cannot be concatenated")
        width = max(p.masks.shape[2] for p in parts)
        masks = [
            p.masks if p.masks.shape[2] == width
            else np.concatenate([p.masks] + [p.masks[:, :, :1]] * (width - p.masks.shape[2]), axis=2)
            for p in parts
        ]
        return cls(
            ids=tuple(i for p in parts for i in p.ids), issues=first.issues,
            lo=np.concatenate([p.lo for p in parts]), hi=np.concatenate([p.hi for p in parts]),
            stated=np.concatenate([p.stated for p in parts]), weights=first.weights,
            set_columns=first.set_columns, masks=np.concatenate(masks),
        )

    def __len__(self) -> int:
        return len(self.ids)

    def positions(self) -> Mapping[str, int]:
        """Row of each document id (made once; encodings are frozen)."""
        memo: dict[str, int] | None = self.__dict__.get("_positions")
        if memo is None:
            memo = {doc_id: i for i, doc_id in enumerate(self.ids)}
            self.__dict__["_positions"] = memo
        return memo

    def take(self, rows: Any) -> Encoding:
        """The encoding of some documents only (an index array, a slice or a boolean mask)."""
        import numpy as np

        index = np.arange(len(self.ids))[rows]
        return Encoding(
            ids=tuple(self.ids[i] for i in index), issues=self.issues,
            lo=self.lo[index], hi=self.hi[index], stated=self.stated[index], weights=self.weights,
            set_columns=self.set_columns, masks=self.masks[index],
        )

    def distances(self, rows: slice | None = None) -> np.ndarray:
        """Distances between documents, issue by issue: ``rows`` × documents × issues.

        NaN where the two do not both state the issue. ``rows`` picks a block of documents
        for the first axis (default: all); memory grows with its size.
        """
        import numpy as np

        rows = rows or slice(0, len(self.ids))
        lo, hi = self.lo[rows], self.hi[rows]
        gap = np.maximum(0.0, np.maximum(lo[:, None, :] - self.hi[None, :, :],
                                         self.lo[None, :, :] - hi[:, None, :]))
        for p, k in enumerate(self.set_columns):
            gap[:, :, k] = set_distances(self.masks[rows, p], self.masks[:, p])
        both = self.stated[rows][:, None, :] & self.stated[None, :, :]
        return np.where(both, np.minimum(gap, 1.0), np.nan)

    def convergence(self, block: int = 64, dtype: Any = None) -> np.ndarray:
        """Pairwise convergence index (documents × documents), computed block by block.

        See :func:`negotiation.analysis.matrix.convergence`; memory grows with
        ``block`` × documents × issues. ``dtype`` float32 (default) or float64.
        """
        from negotiation.analysis.matrix import convergence

        result: np.ndarray = convergence(self, block=block, dtype=dtype)
        return result


def set_distances(a: np.ndarray, b: np.ndarray, dtype: Any = None) -> np.ndarray:
    """Jaccard distances between two stacks of bitmask alternatives.

    ``a`` is (rows × alternatives × words) and ``b`` (documents × alternatives × words),
    uint64, as in :attr:`Encoding.masks`; the result (rows × documents) is the smallest
    distance over pairs of alternatives; two empty sets are 0 apart, as in
    ``SetScale.jaccard``. Every pair is measured on first alternatives; further
    alternatives are measured only for the rows and columns that have them.
    """
    import numpy as np

    dt = np.dtype(np.float64 if dtype is None else dtype)
    out = _jaccard(a[:, 0], b[:, 0], dt)
    width_a, width_b = a.shape[1], b.shape[1]  # two encodings may differ in their widest bracket
    if width_a > 1 or width_b > 1:
        rows = np.flatnonzero((a[:, 1:] != a[:, :1]).any(axis=(1, 2)))
        cols = np.flatnonzero((b[:, 1:] != b[:, :1]).any(axis=(1, 2)))
        for x in range(width_a):
            for y in range(width_b):
                if x and y and rows.size and cols.size:
                    block = np.ix_(rows, cols)
                    out[block] = np.minimum(out[block], _jaccard(a[rows, x], b[cols, y], dt))
                elif x and not y and rows.size:
                    out[rows] = np.minimum(out[rows], _jaccard(a[rows, x], b[:, 0], dt))
                elif y and not x and cols.size:
                    out[:, cols] = np.minimum(out[:, cols], _jaccard(a[:, 0], b[cols, y], dt))
    return out


def _jaccard(x: np.ndarray, y: np.ndarray, dt: Any) -> np.ndarray:
    """Jaccard distances (len(x) × len(y)) between bitmask rows (members × words)."""
    import numpy as np

    inter = np.bitwise_count(x[:, None, :] & y[None, :, :]).sum(axis=-1, dtype=np.int32)
    union = np.bitwise_count(x).sum(axis=-1, dtype=np.int32)[:, None] + \
        np.bitwise_count(y).sum(axis=-1, dtype=np.int32)[None, :] - inter
    share = np.ones(inter.shape, dtype=dt)
    np.divide(inter, union, out=share, where=union > 0)
    out: np.ndarray = 1 - share
    return out
