"""What a stance stands for on its scale, as plain data: spans, Jaccard distance, numbers.

Kept apart from :mod:`negotiation.model.scales` (pydantic models) so that code which only
reads encoded stances, such as the command line's snapshot of a corpus, needs no pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """The values one stance stands for on its scale.

    ``lo``/``hi`` hold the interval on ordered scales (level index, number, 0/1);
    ``members`` holds the member sets on a set scale.
    """

    lo: float = 0.0
    hi: float = 0.0
    members: tuple[frozenset[str], ...] = ()


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """1 - |a & b| / |a | b|; two empty sets are 0 apart."""
    union = a | b
    return 0.0 if not union else 1.0 - len(a & b) / len(union)


def raw_gap(a: Span, b: Span) -> float:
    """The gap between two intervals in their own units (steps, the scale's unit); 0 where they overlap."""
    return max(0.0, b.lo - a.hi, a.lo - b.hi)


def closest_members(a: Span, b: Span) -> tuple[frozenset[str], frozenset[str]]:
    """The closest pair of member sets, one of each span: the first with the smallest Jaccard distance."""
    return min(((x, y) for x in a.members for y in b.members), key=lambda pair: jaccard(*pair))


def format_number(x: float) -> str:
    """85000.0 -> '85,000'; 2.5 -> '2.5'."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")
