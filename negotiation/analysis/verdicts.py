"""The verdict rules, on encoded stances: one pass over two documents' codes.

This is the arithmetic of :func:`~negotiation.analysis.compare.compare`, kept apart from the
models so that it runs on plain data: :class:`IssueCode` and :class:`StanceCode` hold
numbers, spans and bitmasks, and :func:`judge_codes` turns two documents' codes into
verdicts, distances and a :class:`Summary`. :mod:`negotiation.analysis.encoding` makes the
codes from models; the command line's snapshot of a corpus stores them and compares
without importing pydantic. Both therefore give the same verdicts by construction.

Verdicts, checked in this order for each issue:

=============  ==================================================================
``silent``     neither side addresses the issue (only with ``all_issues=True``)
``one_sided``  only one side addresses it
``deferred``   one or both sides explicitly leave it to later talks
``agree``      distance 0 (or numbers within the scale's tolerance) and the same span
``close``      distance within the issue's close threshold
``bridgeable`` the values differ, but what each side accepts overlaps, or a bracketed
               stance's span already holds the other side's value (distance 0)
``apart``      otherwise
=============  ==================================================================
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from negotiation.model.spans import Span, raw_gap

EPS = 1e-9

ORDERED, NUMERIC, SET, OTHER = 0, 1, 2, 3
"""Scale kinds as the fast paths see them: ordinal and flag scales share one rule."""


class Verdict(str, Enum):
    """How two stances on one issue relate."""

    AGREE = "agree"
    CLOSE = "close"
    BRIDGEABLE = "bridgeable"
    APART = "apart"
    DEFERRED = "deferred"
    ONE_SIDED = "one_sided"
    SILENT = "silent"

    def __str__(self) -> str:
        return self.value


VERDICT_VALUES = tuple(v.value for v in Verdict)


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts per verdict, coverage and the convergence index."""

    counts: dict[str, int]
    coverage: float
    convergence: float
    both_stated: int
    addressed: int

    def __str__(self) -> str:
        parts = ", ".join(f"{k} {v}" for k, v in self.counts.items() if v)
        conv = "n/a" if math.isnan(self.convergence) else f"{self.convergence:.2f}"
        return f"convergence {conv}, coverage {self.coverage:.2f} ({parts})"


@dataclass(frozen=True, slots=True)
class IssueCode:
    """How one issue of a taxonomy is measured, precomputed.

    ``kind`` is :data:`ORDERED` (ordinal, flag), :data:`NUMERIC`, :data:`SET` or
    :data:`OTHER` (a scale the fast path does not know: compared through the scale).
    ``width`` is the numeric scale's range in transformed units, ``tolerance`` its equality
    tolerance, ``close`` the close threshold, ``vocabulary`` the set scale's members in bit
    order. ``issue`` is the model it encodes (None in a snapshot).
    """

    index: int
    id: str
    kind: int
    close: float
    weight: float
    width: float = 1.0
    tolerance: float = 0.0
    vocabulary: Mapping[str, int] = field(default_factory=dict)
    issue: Any = None


@dataclass(frozen=True, slots=True)
class StanceCode:
    """One stance, encoded on its issue's scale.

    ``lo``/``hi`` are the span's ends in gap coordinates (position on [0, 1] for ordinal
    and flag scales, transformed value for numeric ones); ``res_lo``/``res_hi`` the same
    for the reservation span (values plus ``accepts``); ``pole`` the span's interval
    between the low and the high pole (None on set scales); ``masks``/``res_masks`` the
    member sets as bitmasks on set scales; ``span`` the raw span (for equality, the
    numeric tolerance and the gap people read). ``stance`` is the model it encodes (None
    in a snapshot).
    """

    stated: bool
    bracketed: bool
    accepts: bool
    span: Span
    lo: float = 0.0
    hi: float = 0.0
    res_lo: float = 0.0
    res_hi: float = 0.0
    pole: tuple[float, float] | None = None
    masks: tuple[int, ...] = ()
    res_masks: tuple[int, ...] = ()
    reservation: Span | None = None
    stance: Any = None


Judged = tuple[int, StanceCode | None, StanceCode | None, float | None, Verdict, str | None]
"""One issue judged: (issue index, code of a, code of b, distance, verdict, nearer_low)."""

Fallback = Callable[[int, StanceCode, StanceCode], tuple[float, Verdict, str | None]]
"""Judges an issue of kind :data:`OTHER` through its scale: (distance, verdict, nearer_low)."""


def jaccard_mask(x: int, y: int) -> float:
    """Jaccard distance of two member bitmasks: the same number as ``SetScale.jaccard``."""
    union = (x | y).bit_count()
    return 0.0 if not union else 1.0 - (x & y).bit_count() / union


def set_gap(xs: tuple[int, ...], ys: tuple[int, ...]) -> float:
    """Smallest Jaccard distance between any two alternatives (``SetScale.gap``)."""
    return min(jaccard_mask(x, y) for x in xs for y in ys)


def _reservation_gap(kind: int, width: float, x: StanceCode, y: StanceCode) -> float:
    """The gap between two reservation spans, as ``scale.gap`` measures it."""
    if kind == SET:
        return set_gap(x.res_masks, y.res_masks)
    raw = max(0.0, y.res_lo - x.res_hi, x.res_lo - y.res_hi)
    return min(1.0, raw / width if kind == NUMERIC else raw)


def judge(ic: IssueCode, x: StanceCode, y: StanceCode) -> tuple[float, Verdict, str | None]:
    """Distance, verdict and nearer side of two stated stances on an ordered, numeric or set issue."""
    kind = ic.kind
    if kind == ORDERED:
        distance = min(1.0, max(0.0, y.lo - x.hi, x.lo - y.hi))
        within = distance <= EPS
    elif kind == NUMERIC:
        distance = min(1.0, max(0.0, y.lo - x.hi, x.lo - y.hi) / ic.width)
        within = distance <= EPS or raw_gap(x.span, y.span) <= ic.tolerance
    else:
        distance = set_gap(x.masks, y.masks)
        within = distance <= EPS
    if within and ((not x.bracketed and not y.bracketed) or x.span == y.span):
        verdict = Verdict.AGREE
    elif within:  # overlapping but different spans: a bracket already holds the other side's value
        verdict = Verdict.BRIDGEABLE
    elif distance <= ic.close + EPS:
        verdict = Verdict.CLOSE
    elif (x.accepts or y.accepts) and _reservation_gap(kind, ic.width, x, y) <= EPS:
        verdict = Verdict.BRIDGEABLE
    else:
        verdict = Verdict.APART
    nearer = None
    pa, pb = x.pole, y.pole
    if verdict is not Verdict.AGREE and pa is not None and pb is not None and pa != pb:
        nearer = "a" if (pa[0] + pa[1]) < (pb[0] + pb[1]) else "b"
    return distance, verdict, nearer


def judge_codes(
    issues: tuple[IssueCode, ...],
    sa: Mapping[int, StanceCode],
    sb: Mapping[int, StanceCode],
    *,
    weights: Mapping[str, float] | None = None,
    all_issues: bool = False,
    other: Fallback | None = None,
) -> tuple[list[Judged], Summary]:
    """Judge every issue either side addresses (every issue with ``all_issues``), in taxonomy order.

    ``sa``/``sb`` map issue indices to the two sides' codes; ``weights`` override issue
    weights in the convergence index; ``other`` judges issues of kind :data:`OTHER`.
    """
    keys: Iterable[int] = range(len(issues)) if all_issues else sorted(sa.keys() | sb.keys())
    judged: list[Judged] = []
    counts = dict.fromkeys(VERDICT_VALUES, 0)
    addressed = both = stated = 0
    total_w = weighted = 0.0
    for k in keys:
        ic = issues[k]
        x, y = sa.get(k), sb.get(k)
        if x is None or y is None:
            if x is None and y is None:
                verdict = Verdict.SILENT
            else:
                verdict = Verdict.ONE_SIDED
                addressed += 1
            judged.append((k, x, y, None, verdict, None))
        elif not (x.stated and y.stated):
            verdict = Verdict.DEFERRED
            addressed += 1
            both += 1
            judged.append((k, x, y, None, verdict, None))
        else:
            if ic.kind == OTHER:
                if other is None:
                    raise TypeError(f"issue {ic.id}: no encoding for its scale")
                distance, verdict, nearer = other(k, x, y)
            else:
                distance, verdict, nearer = judge(ic, x, y)
            addressed += 1
            both += 1
            stated += 1
            w = ic.weight if weights is None else weights.get(ic.id, ic.weight)
            total_w += w
            weighted += w * distance
            judged.append((k, x, y, distance, verdict, nearer))
        counts[verdict.value] += 1
    summary = Summary(
        counts=counts,
        coverage=both / addressed if addressed else math.nan,
        convergence=1.0 - weighted / total_w if total_w > 0 else math.nan,
        both_stated=stated,
        addressed=addressed,
    )
    return judged, summary
