"""Ties among searched packages: which share a convergence, and what tells them apart.

:func:`~negotiation.search` ranks packages by convergence, then by less total concession,
then by fewer steps. Packages often reach the same convergence by different moves (one side
gives a step on any of several issues that weigh the same). :func:`search_ties` groups the
consecutive ranks that share a convergence and says, as data, what they have in common, which
moves differ, and what (if anything) still orders them. The words are written in
:mod:`negotiation.render.search_text`.

Examples
--------
>>> import negotiation as ng
>>> corpus = ng.load()
>>> ru, ua = corpus.position("RU", "2026-02-24"), corpus.position("UA", "2026-02-24")
>>> tie = ng.search_ties(ng.search(ru, ua, max_steps=1, top=5))[0]
>>> tie.ranks[0], tie.order
(2, 'none')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from negotiation.model.arguments import NUMBER, Kind, takes

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PackageMove", "Tie", "search_ties"]


@dataclass(frozen=True)
class PackageMove:
    """One side's move in a package: ``steps`` on ``issue`` toward the other side."""

    side: Literal["a", "b"]
    issue: str
    steps: int


@dataclass(frozen=True)
class Tie:
    """Consecutive ranks of a search that share one convergence.

    ``shared`` are the moves every tied package makes; ``differing`` the moves some make and
    others do not (first seen first). ``order`` says what still ranks them: ``"concession"``
    (less total concession first), ``"steps"`` (fewer steps first) or ``"none"`` (nothing in
    the scores: their order among themselves is arbitrary). ``split_differs``: equal total
    concession, split differently between the two sides.
    """

    ranks: tuple[int, ...]
    convergence: float
    shared: tuple[PackageMove, ...]
    differing: tuple[PackageMove, ...]
    order: Literal["concession", "steps", "none"]
    split_differs: bool


def _moves(row: pd.Series) -> list[PackageMove]:
    return [PackageMove(side, e.issue, int(e.steps))
            for side in ("a", "b") for e in row[f"edits_{side}"]]


@takes(packages=Kind("the frame of packages ng.search returns", ("pandas:DataFrame",)), tolerance=NUMBER)
def search_ties(packages: pd.DataFrame, *, tolerance: float = 1e-9) -> tuple[Tie, ...]:
    """The ties among the ranked ``packages`` of :func:`~negotiation.search` (the rows shown).

    A tie is a run of two or more consecutive ranks whose convergence differs by at most
    ``tolerance``. Packages beyond the last row are not known here: a tie reaching the last
    row may go on past it.
    """
    rows = [packages.iloc[i] for i in range(len(packages))]
    groups: list[list[pd.Series]] = []
    for row in rows:
        if groups and abs(float(row["convergence"]) - float(groups[-1][0]["convergence"])) <= tolerance:
            groups[-1].append(row)
        else:
            groups.append([row])
    out = []
    for group in (g for g in groups if len(g) > 1):
        moves = [_moves(r) for r in group]
        shared = tuple(m for m in moves[0] if all(m in other for other in moves[1:]))
        differing = tuple(dict.fromkeys(m for ms in moves for m in ms if m not in shared))

        def spread(values: list[float]) -> bool:
            return max(values) - min(values) > tolerance

        total = [float(r["concession_a"]) + float(r["concession_b"]) for r in group]
        steps = [float(r["steps_a"]) + float(r["steps_b"]) for r in group]
        order: Literal["concession", "steps", "none"] = (
            "concession" if spread(total) else "steps" if spread(steps) else "none")
        out.append(Tie(
            ranks=tuple(int(r["rank"]) for r in group),
            convergence=float(group[0]["convergence"]),
            shared=shared,
            differing=differing,
            order=order,
            split_differs=order == "none" and spread([float(r["concession_a"]) for r in group]),
        ))
    return tuple(out)
