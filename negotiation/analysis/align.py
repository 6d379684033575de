"""Suggested point correspondences between two documents with no declared lineage.

Each pair of points (one of each document) is scored from their texts (rapidfuzz's
``token_set_ratio`` on lower-cased words, so shared wording counts whatever the order and
paraphrase around it) and, where both points carry stances, from the issues those stances
share (Jaccard), with a small weight on the points' relative places (revisions mostly keep
the order of what they keep). Each new point takes its best-scoring old point when the
score reaches the threshold; two new points may take one old point (a split). Merges are
not proposed: a second origin has to be added by hand. The result prints as YAML to paste
into the new document's ``from:`` fields.

The suggestion is a reading aid, not a source: a declared ``from:`` should rest on what the
reports say, with a note where it is inferred.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, utils

from negotiation.analysis.points import point_issues
from negotiation.analysis.results import ResultSummary, ResultViews, plain_data
from negotiation.model.arguments import DOCUMENT, NUMBER, takes
from negotiation.model.lang import Lang
from negotiation.model.models import Document

if TYPE_CHECKING:
    import pandas as pd

THRESHOLD = 0.5
"""Default lowest score for a proposed correspondence (0–1)."""

TEXT_WEIGHT = 0.5
"""Weight of the text score where both points carry stances (the issue score has the rest)."""

ORDER_WEIGHT = 0.1
"""Weight of the points' relative places in their documents."""


@dataclass(frozen=True)
class Match:
    """A proposed correspondence: point ``old`` of document a → point ``new`` of document b.

    ``score`` (0–1) combines ``text`` (word overlap) and ``issues`` (shared stance issues;
    None where either point carries no stance).
    """

    old: str
    new: str
    score: float
    text: float
    issues: float | None


@dataclass(frozen=True)
class AlignmentSummary(ResultSummary):
    """An alignment's ``summary``: both documents' points counted, how many matched, the threshold."""

    a: str
    b: str
    points_a: int
    points_b: int
    matches: int
    new_points_matched: int
    unmatched: int
    """Points of ``a`` with no proposed successor."""
    threshold: float


@dataclass(frozen=True)
class Alignment(ResultViews):
    """The correspondences :func:`align` proposes between ``a`` (older) and ``b`` (newer).

    Its views are the ones every result has (:mod:`negotiation.analysis.results`).
    """

    a: Document
    b: Document
    matches: tuple[Match, ...]
    threshold: float

    @property
    def links(self) -> frozenset[tuple[str, str]]:
        """The proposed (old point, new point) pairs."""
        return frozenset((m.old, m.new) for m in self.matches)

    def from_of(self, new: str) -> tuple[str, ...]:
        """The points of ``a`` proposed as the origin of ``b``'s point ``new``."""
        order = {k: i for i, k in enumerate(self.a.points)}
        return tuple(sorted((m.old for m in self.matches if m.new == new), key=order.__getitem__))

    @property
    def unmatched(self) -> tuple[str, ...]:
        """Points of ``a`` with no proposed successor (candidates for ``struck:``)."""
        used = {m.old for m in self.matches}
        return tuple(k for k in self.a.points if k not in used)

    def score(self, declared: Iterable[tuple[str, str]]) -> dict[str, float]:
        """Precision and recall of the proposed links against ``declared`` (old, new) pairs."""
        truth, found = set(declared), set(self.links)
        hit = len(truth & found)
        return {
            "precision": hit / len(found) if found else 1.0,
            "recall": hit / len(truth) if truth else 1.0,
            "proposed": float(len(found)),
            "declared": float(len(truth)),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One mapping per point of ``b``: its proposed ``from``, best score, and its text."""
        best: dict[str, Match] = {}
        for m in self.matches:
            if m.new not in best or m.score > best[m.new].score:
                best[m.new] = m
        return [
            {
                "point": k,
                "from": list(self.from_of(k)),
                "score": round(best[k].score, 2) if k in best else None,
                "text": p.text,
                "from_text": " / ".join(self.a.points[o].text for o in self.from_of(k)),
            }
            for k, p in self.b.points.items()
        ]

    @property
    def summary(self) -> AlignmentSummary:
        """Both documents' points counted, the matches, the points of ``a`` left unmatched."""
        return AlignmentSummary(self.a.id, self.b.id, len(self.a.points), len(self.b.points), len(self.matches),
                                len({m.new for m in self.matches}), len(self.unmatched), self.threshold)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """Plain data for JSON: both ids, the threshold, every match, and one record per point of ``b``."""
        return {"a": self.a.id, "b": self.b.id, "threshold": self.threshold,
                "matches": plain_data(self.matches), "points": self.to_records()}

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """The records as a DataFrame (the documents' own texts: the same in every ``lang``)."""
        import pandas as pd

        frame: pd.DataFrame = pd.DataFrame(self.to_records())
        return frame

    def to_yaml(self) -> str:
        """YAML for ``b``'s file: ``revises:``, each point in long form with ``from:``, ``struck:``.

        Scores follow as comments; points with no match get ``from: []`` (new).
        """
        def q(s: str) -> str:
            return json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar

        lines = [
            f"# Suggested by `negotiation align {self.a.id} {self.b.id}` (threshold {self.threshold:.2f}).",
            "# Scores are word overlap and shared stance issues, 0-1: check each against the reports.",
            f"revises: {self.a.id}",
            "points:",
        ]
        for rec in self.to_records():
            origin = ", ".join(q(k) for k in rec["from"])
            comment = f"  # {rec['score']:.2f}" if rec["score"] is not None else "  # no match: new?"
            lines += [f"  {q(rec['point'])}:", f"    text: {q(rec['text'])}", f"    from: [{origin}]{comment}"]
        if self.unmatched:
            lines.append("struck:  # no successor proposed: struck, or not public?")
            lines += [f"  {q(k)}: \"\"" for k in self.unmatched]
        return "\n".join(lines) + "\n"


def _issues(doc: Document) -> Mapping[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in point_issues(doc).items()}


@takes(a=DOCUMENT, b=DOCUMENT, threshold=NUMBER, text_weight=NUMBER, order_weight=NUMBER)
def align(
    a: Document,
    b: Document,
    *,
    threshold: float = THRESHOLD,
    text_weight: float = TEXT_WEIGHT,
    order_weight: float = ORDER_WEIGHT,
) -> Alignment:
    """Propose which point of ``a`` each point of ``b`` comes from.

    Every pair is scored; each point of ``b`` takes its best-scoring point of ``a`` when
    that score reaches ``threshold`` (two points of ``b`` may take the same point: a split).
    Points of ``a`` that no point takes are candidates for ``struck:``.

    Parameters
    ----------
    a, b : Document
        The older and the newer version; both need ``points``.
    threshold : float
        Lowest score (0–1) for a proposal.
    text_weight : float
        Weight of the text score where both points carry stances; the shared-issue score
        has the rest. Where either carries none, the text score alone counts.
    order_weight : float
        Weight of the points' relative places in their documents (revisions mostly keep
        the order of what they keep).

    Examples
    --------
    >>> import negotiation as ng
    >>> c = ng.load()
    >>> found = ng.align(c["us-28-point-2025-11"], c["us-20-point-2025-12"])
    >>> found.from_of("4")
    ('6',)
    """
    issues_a, issues_b = _issues(a), _issues(b)
    texts_a = {k: utils.default_process(p.text) for k, p in a.points.items()}
    texts_b = {k: utils.default_process(p.text) for k, p in b.points.items()}
    place_a = {k: i / max(len(texts_a) - 1, 1) for i, k in enumerate(texts_a)}
    place_b = {k: i / max(len(texts_b) - 1, 1) for i, k in enumerate(texts_b)}
    chosen: list[Match] = []
    for q, tq in texts_b.items():
        best: Match | None = None
        for p, tp in texts_a.items():
            text = fuzz.token_set_ratio(tp, tq) / 100
            ia, ib = issues_a[p], issues_b[q]
            shared = len(ia & ib) / len(ia | ib) if ia and ib else None
            content = text if shared is None else text_weight * text + (1 - text_weight) * shared
            score = (1 - order_weight) * content + order_weight * (1 - abs(place_a[p] - place_b[q]))
            if best is None or score > best.score:
                best = Match(p, q, score, text, shared)
        if best is not None and best.score >= threshold:
            chosen.append(best)
    return Alignment(a, b, tuple(chosen), threshold)
