"""A document's numbered points and the issues whose stances cite them."""

from __future__ import annotations

import re

from negotiation.model.models import Document

_LEADING_NUMBER = re.compile(r"^(\d+)")


def point_of(doc: Document, ref: str) -> str | None:
    """The point of ``doc`` a stance's ``points`` entry names: ``"21a"`` is point ``"21"``."""
    if ref in doc.points:
        return ref
    m = _LEADING_NUMBER.match(ref)
    return m.group(1) if m and m.group(1) in doc.points else None


def point_issues(doc: Document) -> dict[str, tuple[str, ...]]:
    """For each point of ``doc``, the issues whose stances cite it."""
    out: dict[str, list[str]] = {k: [] for k in doc.points}
    for issue_id, stance in doc.stances.items():
        for ref in stance.points:
            key = point_of(doc, ref)
            if key is not None and issue_id not in out[key]:
                out[key].append(issue_id)
    return {k: tuple(v) for k, v in out.items()}
