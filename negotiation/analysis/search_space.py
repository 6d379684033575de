"""The moves a package search can make: every option of either side on every issue, and their effects.

:func:`build_space` lists, per issue both sides state, the moves each side can make toward
the other (see :mod:`negotiation.analysis.search` for the rules per scale) and tabulates the
distance and verdict of every pair of moves; :func:`~negotiation.analysis.search.search`
combines them into packages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from negotiation.analysis.compare import Verdict, diff_issue
from negotiation.analysis.scenarios import Edit, apply_edit, concede, set_value
from negotiation.errors import NegotiationError
from negotiation.model.models import Document, Issue, Stance, Taxonomy
from negotiation.model.scales import Step

VERDICT_RANK = {Verdict.AGREE: 0, Verdict.CLOSE: 1, Verdict.BRIDGEABLE: 2, Verdict.APART: 3}
"""Verdicts a package can reach, best first; a target is met by it or anything better."""


@dataclass(frozen=True)
class Option:
    """One way a side can move on one issue: ``steps`` toward the other side.

    ``step`` says what the move does, as data (``None`` for option 0, no move); ``render/``
    words it (:func:`negotiation.render.packages.option_text`).
    """

    steps: int
    stance: Stance
    edit: Edit | None
    step: Step | None = None


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


def _options(doc: Document, other: Stance, issue: Issue, taxonomy: Taxonomy, numeric_steps: int) -> list[Option]:
    """The moves one side can make toward ``other`` on ``issue`` (option 0: no move)."""
    own = doc.stances[issue.id]
    out = [Option(0, own, None)]
    mine, theirs = own.value, other.value
    assert mine is not None and theirs is not None
    for k, step in enumerate(issue.scale.moves_toward(mine, theirs, numeric_steps), start=1):
        edit = concede(issue.id, theirs, step.k) if step.concedes else set_value(issue.id, step.value)
        stance = apply_edit(doc, edit, taxonomy).stances[issue.id]
        out.append(Option(k, stance, edit, step))
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
        opts_a = opts_a or [Option(0, sa, None)]
        opts_b = opts_b or [Option(0, sb, None)]
        if len(opts_a) == 1 and len(opts_b) == 1:
            constant += w * dist
            continue
        space = IssueSpace(issue=issue, weight=w, a=opts_a, b=opts_b)
        na, nb = len(opts_a), len(opts_b)
        space.distance = np.full((na, nb), np.nan)
        space.verdict = np.full((na, nb), -1, dtype=int)
        scale = issue.scale
        span_a, span_b = sa.span(scale), sb.span(scale)
        moved_a, moved_b = [o.stance.span(scale) for o in opts_a], [o.stance.span(scale) for o in opts_b]
        for i, oa in enumerate(opts_a):
            for j, ob in enumerate(opts_b):
                if i and j and scale.passes(span_a, span_b, moved_a[i], moved_b[j]):
                    continue  # the two moves pass each other (or both give in on a flag)
                d = diff_issue(issue, oa.stance, ob.stance)
                space.distance[i, j] = d.distance
                space.verdict[i, j] = VERDICT_RANK.get(d.verdict, 3)
        space.concession_a = np.array([w * scale.gap(span_a, s) for s in moved_a])
        space.concession_b = np.array([w * scale.gap(span_b, s) for s in moved_b])
        spaces.append(space)
    if total <= 0:
        raise NegotiationError(f"{a.id} and {b.id} state no issue in common: nothing to search")
    for space in spaces:
        space.concession_a = space.concession_a / total
        space.concession_b = space.concession_b / total
    return spaces, constant, total

