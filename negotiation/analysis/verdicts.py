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

from negotiation.analysis.results import ResultSummary
from negotiation.model.frozen import freeze_fields
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
class Summary(ResultSummary):
    """Counts per verdict, coverage, and the convergence index with its range: a comparison's ``summary``.

    ``convergence`` is the point estimate: 1 − the weighted mean distance over the issues
    both sides state (a bracket at the near end of its range, the gap between spans). ``low`` and
    ``high`` bound it over every resolution of the uncertainty the data records: each
    bracket anywhere in its span, each alternative reading kept below the confidence floor,
    and each stance from a ``reported`` document taken or left. ``low <= convergence <= high``;
    where the data records no uncertainty the three are equal.
    """

    counts: dict[str, int]
    coverage: float
    convergence: float
    both_stated: int
    addressed: int
    low: float = math.nan
    high: float = math.nan

    def __post_init__(self) -> None:
        freeze_fields(self)  # counts is read-only

    def __str__(self) -> str:
        parts = ", ".join(f"{k} {v}" for k, v in self.counts.items() if v)
        return f"convergence {self.convergence_text()}, coverage {self.coverage:.2f} ({parts})"

    def convergence_text(self) -> str:
        """``0.62 (range 0.41–0.80)``, or ``0.62`` where there is no range, ``n/a`` where there is no index."""
        if math.isnan(self.convergence):
            return "n/a"
        if math.isnan(self.low) or (abs(self.high - self.low) < 0.005):
            return f"{self.convergence:.2f}"
        return f"{self.convergence:.2f} (range {self.low:.2f}–{self.high:.2f})"

    @property
    def uncertain(self) -> bool:
        """Whether the data allows a different index (``low < high``)."""
        return not math.isnan(self.low) and self.high - self.low > EPS


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
    optional: bool = False
    """The stance may be left out: it comes from a ``reported`` document (taken or left, for the range)."""
    readings: tuple[StanceCode, ...] = ()
    """Other readings the data allows in its place (below the confidence floor, or displaced by a report)."""


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


def far_codes(ic: IssueCode, x: StanceCode, y: StanceCode) -> float:
    """The largest distance between a value of ``x`` and one of ``y`` (``scale.far``)."""
    if ic.kind == SET:
        return max(jaccard_mask(a, b) for a in x.masks for b in y.masks)
    raw = max(0.0, y.hi - x.lo, x.hi - y.lo)
    return min(1.0, raw / ic.width if ic.kind == NUMERIC else raw)


@dataclass(frozen=True, slots=True)
class IssueRange:
    """What the data allows on one issue: the distance's range, and whether it may leave or join the index."""

    index: int
    low: float
    """The smallest distance any resolution gives (the gap of the closest readings)."""
    high: float
    """The largest distance any resolution gives (the far end of the widest brackets)."""
    fixed: bool
    """The issue is in the index whatever the resolution (neither side may be left out)."""


def _candidates(x: StanceCode | None, extra: tuple[StanceCode, ...]) -> list[StanceCode]:
    out = [] if x is None else [x, *x.readings]
    return [c for c in (*out, *extra) if c.stated]


def issue_range(
    ic: IssueCode, x: StanceCode | None, y: StanceCode | None,
    rx: tuple[StanceCode, ...] = (), ry: tuple[StanceCode, ...] = (),
    other: Fallback | None = None,
) -> IssueRange | None:
    """The range of one issue over its readings (None: never in the index)."""
    cx, cy = _candidates(x, rx), _candidates(y, ry)
    if not cx or not cy:
        return None
    lo, hi = 1.0, 0.0
    for a in cx:
        for b in cy:
            if ic.kind == OTHER:
                if other is None:
                    raise TypeError(f"issue {ic.id}: no encoding for its scale")
                d = other(ic.index, a, b)[0]
                g, f = d, d
            else:
                g = judge(ic, a, b)[0]
                f = far_codes(ic, a, b) if (a.bracketed or b.bracketed) and a.span != b.span else g
            lo, hi = min(lo, g), max(hi, f)
    fixed = (x is not None and y is not None and x.stated and y.stated and not x.optional and not y.optional)
    return IssueRange(ic.index, lo, hi, fixed)


def convergence_bounds(ranges: Iterable[tuple[IssueRange, float]]) -> tuple[float, float]:
    """(low, high) of the convergence index over every resolution of the issues' ranges.

    Each item is an issue's range and its weight. An issue that is ``fixed`` is always in
    the index; any other may be in or out. The extremes of a weighted mean over such
    choices are exact by a greedy pass: to make the index highest, take the fixed issues at
    their smallest distance and add optional ones, closest first, while each is closer than
    the mean so far (and the mirror image for the lowest).
    """
    items = list(ranges)

    def extreme(pick_high: bool) -> float:
        total_w = weighted = 0.0
        optional: list[tuple[float, float]] = []
        for r, w in items:
            d = r.low if pick_high else r.high
            if r.fixed:
                total_w += w
                weighted += w * d
            else:
                optional.append((d, w))
        optional.sort(key=lambda dw: dw[0], reverse=not pick_high)
        for d, w in optional:
            mean = weighted / total_w if total_w > 0 else None
            if mean is None or (d < mean - EPS if pick_high else d > mean + EPS):
                total_w += w
                weighted += w * d
            else:
                break
        return 1.0 - weighted / total_w if total_w > 0 else math.nan

    return extreme(False), extreme(True)


def hinge_codes(
    issues: tuple[IssueCode, ...],
    sa: Mapping[int, StanceCode],
    sb: Mapping[int, StanceCode],
    ra: Mapping[int, tuple[StanceCode, ...]],
    rb: Mapping[int, tuple[StanceCode, ...]],
    point: Mapping[str, float],
    convergence: float,
    other: Fallback | None = None,
) -> list[tuple[str, float, float, float]]:
    """(issue id, low, high, swing) of every issue whose data is uncertain, the furthest swing first.

    ``point`` holds the point distance of each issue both sides state, ``convergence`` the
    point estimate of the index. For each issue, the index with that issue alone resolved
    each way (and left out, where it may be) and every other issue at its point estimate;
    ``swing`` is how far that moves the index. The rule of
    :meth:`~negotiation.analysis.compare.Comparison.hinges`, on codes.
    """
    weight = {ic.id: ic.weight for ic in issues}
    found: list[tuple[str, float, float, float]] = []
    for k in sorted(sa.keys() | sb.keys() | ra.keys() | rb.keys()):
        ic = issues[k]
        r = issue_range(ic, sa.get(k), sb.get(k), ra.get(k, ()), rb.get(k, ()), other)
        if r is None or (r.fixed and r.high - r.low <= EPS):
            continue
        others = [(w, point[i]) for i, w in weight.items() if i in point and i != ic.id]
        ends = [_index([*others, (weight[ic.id], r.low)]), _index([*others, (weight[ic.id], r.high)])]
        if not r.fixed:
            ends.append(_index(others))
        ends = [e for e in ends if not math.isnan(e)]
        if not ends:
            continue
        low, high = min(ends), max(ends)
        swing = max(abs(high - convergence), abs(convergence - low)) if not math.isnan(convergence) else high - low
        found.append((ic.id, low, high, swing))
    found.sort(key=lambda h: (-h[3], h[0]))
    return found


def _index(items: list[tuple[float, float]]) -> float:
    """1 − the weighted mean distance of (weight, distance) items (NaN for no weight)."""
    total = sum(w for w, _ in items)
    return 1.0 - sum(w * d for w, d in items) / total if total > 0 else math.nan


def judge_codes(
    issues: tuple[IssueCode, ...],
    sa: Mapping[int, StanceCode],
    sb: Mapping[int, StanceCode],
    *,
    weights: Mapping[str, float] | None = None,
    all_issues: bool = False,
    other: Fallback | None = None,
    ra: Mapping[int, tuple[StanceCode, ...]] | None = None,
    rb: Mapping[int, tuple[StanceCode, ...]] | None = None,
) -> tuple[list[Judged], Summary]:
    """Judge every issue either side addresses (every issue with ``all_issues``), in taxonomy order.

    ``sa``/``sb`` map issue indices to the two sides' codes; ``weights`` override issue
    weights in the convergence index; ``other`` judges issues of kind :data:`OTHER`;
    ``ra``/``rb`` hold readings of issues a side leaves unstated (a position's readings
    below the confidence floor), used only for the range.
    """
    ra, rb = ra or {}, rb or {}
    keys: Iterable[int] = range(len(issues)) if all_issues else sorted(sa.keys() | sb.keys())
    ranges: list[tuple[IssueRange, float]] = []
    uncertain = bool(ra or rb)
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
        if x is not None and (x.bracketed or x.optional or x.readings):
            uncertain = True
        if y is not None and (y.bracketed or y.optional or y.readings):
            uncertain = True
    convergence = 1.0 - weighted / total_w if total_w > 0 else math.nan
    low = high = convergence
    if uncertain:
        for k in sorted(set(keys) | ra.keys() | rb.keys()):
            ic = issues[k]
            r = issue_range(ic, sa.get(k), sb.get(k), ra.get(k, ()), rb.get(k, ()), other)
            if r is not None:
                ranges.append((r, ic.weight if weights is None else weights.get(ic.id, ic.weight)))
        low, high = convergence_bounds(ranges)
    summary = Summary(
        counts=counts,
        coverage=both / addressed if addressed else math.nan,
        convergence=convergence,
        both_stated=stated,
        addressed=addressed,
        low=low,
        high=high,
    )
    return judged, summary
