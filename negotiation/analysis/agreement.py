"""Agreement between two codings of the same documents: Krippendorff's alpha, per issue and overall.

Two coders encode the same documents independently (two corpus folders with the same
document ids). Each (document, issue) is a *unit*; each coder's *value* for it is where the
stance sits on the issue's scale. Per issue, alpha uses the scale's own level of
measurement (:attr:`~negotiation.model.scales.OrdinalScale.measurement`: ordinal levels,
interval numbers, nominal sets and flags); units a coder left silent are missing values, so
the per-issue alpha measures agreement on *what* was coded where both coded it. Whether an
issue was addressed at all is measured apart (``presence``: nominal alpha over every
document × issue of the taxonomy). ``overall`` is interval alpha on the 0–1 pole positions
of every unit both coded (sets, which have no poles, are left out of it).

A bracketed stance is coded at the midpoint of its span. Alpha is undefined (None) where a
coding has fewer than two values to tell apart; :attr:`IssueAgreement.units` says how many
units both coded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation.analysis.results import ResultSummary, ResultViews
from negotiation.model.arguments import CORPUS_OR_FOLDER, DOCUMENT_IDS, takes
from negotiation.model.lang import Lang
from negotiation.model.models import Corpus, Stance, Taxonomy
from negotiation.model.scales import Scale

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class IssueAgreement:
    """Alpha on one issue: its level of measurement, the units both coders coded, and either's alone."""

    issue: str
    measurement: str
    units: int
    only_a: int
    only_b: int
    alpha: float | None


@dataclass(frozen=True)
class Disagreement:
    """One unit the coders coded differently: the two values (None: silent) and their distance."""

    document: str
    issue: str
    value_a: Any
    value_b: Any
    distance: float | None
    """Distance on the issue's scale (0–1) where both stated; None where one was silent."""


@dataclass(frozen=True)
class AgreementSummary(ResultSummary):
    """An agreement's ``summary``: documents and issues counted, alpha overall and on presence, disagreements."""

    documents: int
    issues: int
    overall: float | None
    presence: float | None
    disagreements: int


@dataclass(frozen=True)
class Agreement(ResultViews):
    """The agreement of two codings: alpha per issue, overall, on presence, and every disagreement.

    Its views are the ones every result has (:mod:`negotiation.analysis.results`).
    """

    documents: tuple[str, ...]
    issues: tuple[IssueAgreement, ...]
    overall: float | None
    presence: float | None
    disagreements: tuple[Disagreement, ...]

    def issue(self, issue_id: str) -> IssueAgreement:
        """The agreement on one issue."""
        for row in self.issues:
            if row.issue == issue_id:
                return row
        raise KeyError(f"no unit of issue {issue_id!r} was coded by either coder")

    @property
    def summary(self) -> AgreementSummary:
        """Documents and issues counted, alpha overall and on presence, disagreements counted."""
        return AgreementSummary(len(self.documents), len(self.issues), self.overall, self.presence,
                                len(self.disagreements))

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """One row per issue: measurement, units, only_a, only_b, alpha (ids only: the same in every ``lang``)."""
        import pandas as pd

        return pd.DataFrame([vars(row) for row in self.issues],
                            columns=["issue", "measurement", "units", "only_a", "only_b", "alpha"])

    def disagreements_frame(self) -> pd.DataFrame:
        """One row per disagreement: document, issue, value_a, value_b, distance."""
        import pandas as pd

        return pd.DataFrame([vars(d) for d in self.disagreements],
                            columns=["document", "issue", "value_a", "value_b", "distance"])

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """Plain data for JSON (ids only: the same in every ``lang``)."""
        return {
            "documents": list(self.documents), "overall": self.overall, "presence": self.presence,
            "issues": [vars(row) for row in self.issues],
            "disagreements": [{**vars(d), "value_a": _plain(d.value_a), "value_b": _plain(d.value_b)}
                              for d in self.disagreements],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, (frozenset, set, tuple)):  # set-scale members, or a bracket's values
        return sorted(value) if isinstance(value, (frozenset, set)) else [_plain(v) for v in value]
    return value


def alpha(rows: list[list[float | None]], measurement: str) -> float | None:
    """Krippendorff's alpha of a coders × units table (None: missing); None where it is undefined.

    ``measurement`` is ``nominal``, ``ordinal``, ``interval`` or ``ratio``. A thin wrapper of the
    ``krippendorff`` package that turns its "one value only" error into None.
    """
    import krippendorff
    import numpy as np

    data = np.array([[math.nan if v is None else v for v in row] for row in rows], dtype=float)
    paired = ~np.isnan(data).any(axis=0)
    if paired.sum() < 1 or len(np.unique(data[~np.isnan(data)])) < 2:
        return None
    try:
        with np.errstate(invalid="ignore", divide="ignore"):  # no expected disagreement: alpha undefined
            value = float(krippendorff.alpha(reliability_data=data, level_of_measurement=measurement))
    except (ValueError, ZeroDivisionError):
        return None
    return None if math.isnan(value) else value


def _code(stance: Stance, scale: Scale, sets: dict[frozenset[str], int]) -> float | None:
    """Where a stance sits for alpha: the midpoint of its pole positions, or a set's category."""
    if not stance.values:
        return None  # deferred without a value
    span = stance.span(scale)
    if span.members:
        if len(span.members) != 1:
            return None  # a bracket of member sets has no single category
        return float(sets.setdefault(span.members[0], len(sets)))
    ends = scale.pole_position(span)
    return None if ends is None else (ends[0] + ends[1]) / 2


def _value(stance: Stance | None) -> Any:
    if stance is None:
        return None
    if stance.alternatives:
        return tuple(stance.alternatives.values())
    return frozenset(stance.value) if isinstance(stance.value, (list, tuple)) else stance.value


@takes(a=CORPUS_OR_FOLDER, b=CORPUS_OR_FOLDER, documents=DOCUMENT_IDS.or_none())
def agreement(a: Corpus | str | Path, b: Corpus | str | Path, documents: list[str] | None = None) -> Agreement:
    """Krippendorff's alpha between two codings of the same documents, per issue and overall.

    ``a`` and ``b`` are corpora (or corpus folders) sharing a taxonomy (the issues of ``a``'s
    are used) and document ids; the documents compared are those in both (or ``documents``).

    Examples
    --------
    >>> import negotiation as ng
    >>> c = ng.load()
    >>> ng.agreement(c, c).overall
    1.0
    """
    a, b = _corpus(a), _corpus(b)
    if isinstance(documents, str):
        raise TypeError("agreement() takes a list of document ids, got a string")
    taxonomy: Taxonomy = a.taxonomy
    shared = sorted(set(a.documents) & set(b.documents)) if documents is None else list(documents)
    if not shared:
        raise ValueError("the two codings share no document id: nothing to compare")
    for doc_id in shared:
        if doc_id not in a or doc_id not in b:
            raise KeyError(f"document {doc_id!r} is not in both codings")
    per_issue: list[IssueAgreement] = []
    disagreements: list[Disagreement] = []
    overall_rows: list[list[float | None]] = [[], []]
    presence_rows: list[list[float | None]] = [[], []]
    for issue_id, issue in taxonomy.issues.items():
        scale = issue.scale
        sets: dict[frozenset[str], int] = {}
        rows: list[list[float | None]] = [[], []]
        only = [0, 0]
        for doc_id in shared:
            sa, sb = a[doc_id].stances.get(issue_id), b[doc_id].stances.get(issue_id)
            presence_rows[0].append(float(sa is not None))
            presence_rows[1].append(float(sb is not None))
            if sa is None and sb is None:
                continue
            ca = _code(sa, scale, sets) if sa is not None else None
            cb = _code(sb, scale, sets) if sb is not None else None
            rows[0].append(ca)
            rows[1].append(cb)
            if sa is not None and sb is None:
                only[0] += 1
            elif sb is not None and sa is None:
                only[1] += 1
            if scale.measurement != "nominal" or not sets:
                overall_rows[0].append(ca if sa is not None and sb is not None else None)
                overall_rows[1].append(cb if sa is not None and sb is not None else None)
            if _differs(sa, sb, scale):
                distance = _distance(sa, sb, scale)
                disagreements.append(Disagreement(doc_id, issue_id, _value(sa), _value(sb), distance))
        if not rows[0]:
            continue
        both = sum(x is not None and y is not None for x, y in zip(*rows, strict=True))
        per_issue.append(IssueAgreement(issue_id, scale.measurement, both, only[0], only[1],
                                        alpha(rows, scale.measurement)))
    return Agreement(
        documents=tuple(shared), issues=tuple(per_issue),
        overall=alpha(overall_rows, "interval"), presence=alpha(presence_rows, "nominal"),
        disagreements=tuple(disagreements),
    )


def _corpus(value: Corpus | str | Path) -> Corpus:
    if isinstance(value, Corpus):
        return value
    if isinstance(value, (str, Path)):
        from negotiation.corpus.loader import load

        return load(value)
    raise TypeError(f"agreement() takes two corpora or corpus folders, got {type(value).__name__}")


def _differs(sa: Stance | None, sb: Stance | None, scale: Scale) -> bool:
    if sa is None or sb is None:
        return sa is not sb
    if sa.modality != sb.modality:
        return True
    if not sa.values or not sb.values:
        return bool(sa.values) != bool(sb.values)
    return _distance(sa, sb, scale) != 0.0 or sa.bracketed != sb.bracketed


def _distance(sa: Stance | None, sb: Stance | None, scale: Scale) -> float | None:
    if sa is None or sb is None or not sa.values or not sb.values:
        return None
    return scale.gap(sa.span(scale), sb.span(scale))
