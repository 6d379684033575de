"""The moves a package search can make: every option of either side on every issue, and their effects.

:func:`build_space` lists, per issue both sides state, the moves each side can make toward
the other (see :mod:`negotiation.analysis.search` for the rules per scale) and tabulates the
distance and verdict of every pair of moves; :func:`~negotiation.analysis.search.search`
combines them into packages.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from negotiation.analysis.compare import Verdict, diff_issue
from negotiation.analysis.scenarios import Edit, apply_edit, concede, set_value
from negotiation.errors import NegotiationError
from negotiation.model.models import Document, Issue, Stance, Taxonomy
from negotiation.model.scales import FlagScale, NumericScale, OrdinalScale, Scale, SetScale

VERDICT_RANK = {Verdict.AGREE: 0, Verdict.CLOSE: 1, Verdict.BRIDGEABLE: 2, Verdict.APART: 3}
"""Verdicts a package can reach, best first; a target is met by it or anything better."""


@dataclass(frozen=True)
class Option:
    """One way a side can move on one issue: ``steps`` toward the other side."""

    steps: int
    stance: Stance
    edit: Edit | None
    text: str


@dataclass
class IssueSpace:
    """Every move either side can make on one issue, and the tables of their effects.

    ``distance[ka, kb]`` and ``verdict[ka, kb]`` hold the result of side *a* taking its
    ``ka``-th option and side *b* its ``kb``-th (NaN / -1 where the two would cross);
    ``concession_a[ka]`` is how far *a* moved (weighted distance from its stance, over the
    total weight), likewise for *b*.
    """

    issue: Issue
    weight: float
    a: list[Option]
    b: list[Option]
    distance: np.ndarray = field(default_factory=lambda: np.zeros((1, 1)))
    verdict: np.ndarray = field(default_factory=lambda: np.zeros((1, 1), dtype=int))
    concession_a: np.ndarray = field(default_factory=lambda: np.zeros(1))
    concession_b: np.ndarray = field(default_factory=lambda: np.zeros(1))


def _steps_text(n: int) -> str:
    return f"{n} step" + ("" if n == 1 else "s")


def _options(doc: Document, other: Stance, issue: Issue, taxonomy: Taxonomy, numeric_steps: int) -> list[Option]:
    """The moves one side can make toward ``other`` on ``issue`` (option 0: no move)."""
    own = doc.stances[issue.id]
    scale = issue.scale
    out = [Option(0, own, None, "")]
    mine, theirs = own.value, other.value
    assert mine is not None and theirs is not None
    edits: list[tuple[Edit, str]] = []
    if isinstance(scale, OrdinalScale):
        gap = scale.index(theirs) - scale.index(mine)
        for k in range(1, abs(gap) + 1):
            level = scale.levels[scale.index(mine) + (k if gap > 0 else -k)]
            edits.append((concede(issue.id, theirs, k), f"{level.label('en')} ({_steps_text(k)})"))
    elif isinstance(scale, FlagScale):
        if mine != theirs:
            edits.append((concede(issue.id, theirs, 1), scale.format(theirs)))
    elif isinstance(scale, NumericScale):
        lo, hi = (min(max(scale.number(v), scale.lower), scale.upper) for v in (mine, theirs))
        if not scale.within_tolerance(scale.span([lo]), scale.span([hi])):
            for k in range(1, numeric_steps + 1):
                # k equal parts of the gap, measured the way the scale measures distance
                if scale.log:
                    value = math.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * k / numeric_steps)
                else:
                    value = lo + (hi - lo) * k / numeric_steps
                whole = lo.is_integer() and hi.is_integer() and abs(value) < 1000
                # round like the stances do: whole numbers stay whole, large ones to 3 significant digits
                shown = theirs if k == numeric_steps else float(round(value) if whole else f"{value:.3g}")
                if (edits and edits[-1][0].value == shown) or shown == mine:
                    continue  # rounding left nothing to move: no step
                edits.append((set_value(issue.id, shown), f"{scale.format(shown)} ({k}/{numeric_steps} of the gap)"))
    elif isinstance(scale, SetScale):
        assert isinstance(mine, frozenset) and isinstance(theirs, frozenset)
        current = set(mine)
        for member, add in [(m, True) for m in sorted(theirs - mine)] + [(m, False) for m in sorted(mine - theirs)]:
            current = current | {member} if add else current - {member}
            edits.append((set_value(issue.id, frozenset(current)), ("+" if add else "−") + member))
    for k, (edit, text) in enumerate(edits, start=1):
        stance = apply_edit(doc, edit, taxonomy).stances[issue.id]
        out.append(Option(k, stance, edit, text))
    return out


def _movable(stance: Stance | None) -> bool:
    return stance is not None and stance.stated and not stance.bracketed and stance.value is not None


def build_space(
    a: Document,
    b: Document,
    taxonomy: Taxonomy,
    *,
    weights: Mapping[str, float] | None = None,
    fix: Iterable[str] = (),
    fix_a: Iterable[str] = (),
    fix_b: Iterable[str] = (),
    issues: Iterable[str] | None = None,
    numeric_steps: int = 4,
) -> tuple[list[IssueSpace], float, float]:
    """The per-issue move tables, the constant distance of issues that cannot move, and the total weight.

    Distances and verdicts come from :func:`negotiation.analysis.compare.diff_issue` on the
    stances :func:`negotiation.scenario` produces, so they are exactly what ``compare`` says.
    """
    fix, fix_a, fix_b = set(fix), set(fix_a), set(fix_b)
    for name in fix | fix_a | fix_b | set(issues or ()):
        taxonomy.issue(name)  # a clear error for unknown ids
    chosen = set(issues) if issues is not None else None
    spaces: list[IssueSpace] = []
    constant = 0.0
    total = 0.0
    for issue_id, issue in taxonomy.issues.items():
        sa, sb = a.stances.get(issue_id), b.stances.get(issue_id)
        if sa is None or sb is None or not (sa.stated and sb.stated):
            continue
        w = issue.weight if weights is None else weights.get(issue_id, issue.weight)
        total += w
        base = diff_issue(issue, sa, sb)
        dist = base.distance or 0.0
        can_move = (
            _movable(sa) and _movable(sb) and base.verdict is not Verdict.AGREE
            and issue_id not in fix and (chosen is None or issue_id in chosen)
        )
        if not can_move:
            constant += w * dist
            continue
        assert sa is not None and sb is not None
        opts_a = [] if issue_id in fix_a else _options(a, sb, issue, taxonomy, numeric_steps)
        opts_b = [] if issue_id in fix_b else _options(b, sa, issue, taxonomy, numeric_steps)
        opts_a = opts_a or [Option(0, sa, None, "")]
        opts_b = opts_b or [Option(0, sb, None, "")]
        if len(opts_a) == 1 and len(opts_b) == 1:
            constant += w * dist
            continue
        space = IssueSpace(issue=issue, weight=w, a=opts_a, b=opts_b)
        na, nb = len(opts_a), len(opts_b)
        space.distance = np.full((na, nb), np.nan)
        space.verdict = np.full((na, nb), -1, dtype=int)
        scale = issue.scale
        for i, oa in enumerate(opts_a):
            for j, ob in enumerate(opts_b):
                if i and j and _crossed(scale, sa, sb, oa.stance, ob.stance):
                    continue
                d = diff_issue(issue, oa.stance, ob.stance)
                space.distance[i, j] = d.distance
                space.verdict[i, j] = VERDICT_RANK.get(d.verdict, 3)
        span_a, span_b = sa.span(scale), sb.span(scale)
        space.concession_a = np.array([w * scale.gap(span_a, o.stance.span(scale)) for o in opts_a])
        space.concession_b = np.array([w * scale.gap(span_b, o.stance.span(scale)) for o in opts_b])
        spaces.append(space)
    if total <= 0:
        raise NegotiationError(f"{a.id} and {b.id} state no issue in common: nothing to search")
    for space in spaces:
        space.concession_a = space.concession_a / total
        space.concession_b = space.concession_b / total
    return spaces, constant, total


def _crossed(scale: Scale, sa: Stance, sb: Stance, na: Stance, nb: Stance) -> bool:
    """Whether two moves toward each other pass each other (or both give in on a flag)."""
    if isinstance(scale, SetScale):
        return False
    if isinstance(scale, FlagScale):
        return True  # both giving in swaps the values: never toward each other

    def at(stance: Stance) -> float:
        ends = scale.pole_position(stance.span(scale))
        assert ends is not None
        return ends[0]

    return bool((at(sa) - at(sb)) * (at(na) - at(nb)) < 0)
