"""Where each issue could settle, given parties' positions: three models per issue.

``weighted_median`` (weights: capability × salience), ``nash`` (the Nash bargaining point
inside the zone of agreement) and ``smp`` (the Spatial Model of Politics rounds of
:func:`~negotiation.analysis.bargaining.bargain`); the formulas are in
:mod:`negotiation.analysis.bargaining`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from negotiation.analysis.bargaining import bargain, nash_point, weighted_median
from negotiation.errors import NegotiationError
from negotiation.model.arguments import CORPUS, DATE, ISSUES, LANG, PARTY_CODES, TEXTS, takes

if TYPE_CHECKING:
    import pandas as pd

MODELS = ("weighted_median", "nash", "smp")
"""The models :func:`predict` runs: weighted median, Nash bargaining point, Spatial Model of Politics."""

PREDICTION_COLUMNS = ["area", "area_label", "issue", "issue_label", "model", "predicted", "value", "position"]


@dataclass(frozen=True)
class Prediction:
    """One model's predicted value on one issue (``position``: 0 low pole … 1 high pole; NaN on sets)."""

    issue: str
    model: str
    value: Any
    position: float


def value_at_position(scale: Any, p: float) -> Any:
    """The value of a scale at pole position ``p`` (the nearest level on ordinal scales)."""
    return scale.value_at(p)


def midpoint(scale: Any, stance: Any) -> float:
    ends = scale.pole_position(stance.span(scale))
    return float((ends[0] + ends[1]) / 2)


def issue_inputs(
    issue_id: str, positions: Mapping[str, Any], salience: Any, taxonomy: Any, capability: Mapping[str, float],
) -> tuple[dict[str, Any], dict[str, float], dict[str, float]]:
    """One issue's inputs to :func:`predict_issue`, from each party's position (party → document).

    Returns ``(stances, weights, salience)``, each keyed by party: its stance on the issue
    (None where it has none), its weight (``capability`` × salience) and its salience of the
    issue (from ``salience``, a :class:`~negotiation.model.salience.Salience`).
    """
    stances = {p: pos.stances.get(issue_id) for p, pos in positions.items()}
    sal = {p: salience.salience(p, issue_id, taxonomy) for p in positions}
    weights = {p: sal[p] * capability[p] for p in positions}
    return stances, weights, sal


def predict_issue(
    issue: Any, stances: Mapping[str, Any], weights: Mapping[str, float],
    salience: Mapping[str, float], capability: Mapping[str, float],
    models: Sequence[str] = MODELS,
) -> list[Prediction]:
    """Every model's prediction on one issue from the parties' stances (party → stance).

    ``weights`` are capability × salience; ``salience``/``capability`` feed the round model.
    Parties that do not state the issue (silent or deferred) are left out; sets are decided by
    weighted majority per member (the median of a yes/no vote), and have no Nash point.
    """
    from negotiation.analysis.zopa import shared_values
    scale = issue.scale
    parties = [p for p, st in stances.items() if st is not None and st.stated]
    if not parties:
        return []
    out: list[Prediction] = []
    if not scale.ordered:  # members, not positions: a weighted majority of members
        if "weighted_median" in models:
            members = sorted({m for p in parties for v in stances[p].values for m in v})
            total = sum(weights[p] for p in parties)
            chosen = frozenset(
                m for m in members
                if sum(weights[p] for p in parties if any(m in v for v in stances[p].values)) > total / 2
            )
            out.append(Prediction(issue.id, "weighted_median", chosen, float("nan")))
        return out
    x = np.array([midpoint(scale, stances[p]) for p in parties])
    w = np.array([weights[p] for p in parties])
    if "weighted_median" in models:
        p_med = weighted_median(list(x), list(w)) if w.sum() > 0 else float(np.median(x))
        value = stances[parties[int(np.argmin(np.abs(x - p_med)))]]
        own = value.values[0] if len(value.values) == 1 else value_at_position(scale, p_med)
        out.append(Prediction(issue.id, "weighted_median", own, p_med))
    if "nash" in models and len(parties) >= 2:
        spans = [stances[p].reservation(scale) for p in parties]
        if shared_values(scale, spans) is not None:
            res = [scale.pole_position(s) for s in spans]
            lo, hi = max(r[0] for r in res), min(r[1] for r in res)
            # each party's worst acceptable point: the end of its range farthest from it
            worst = [r[0] if abs(r[0] - xi) > abs(r[1] - xi) else r[1] for r, xi in zip(res, x, strict=True)]
            z = nash_point(list(x), worst, (lo, hi), list(w) if w.sum() > 0 else None)
            out.append(Prediction(issue.id, "nash", value_at_position(scale, z), z))
    if "smp" in models:
        if len(parties) == 1:
            z = float(x[0])
        else:
            table = [{"actor": p, "capability": max(capability[p], 1e-6) * 100, "position": xi * 100,
                      "salience": max(salience[p], 0.01) * 100} for p, xi in zip(parties, x, strict=True)]
            z = bargain(table).outcome / 100.0
        out.append(Prediction(issue.id, "smp", value_at_position(scale, z), z))
    return out


@takes(corpus=CORPUS, parties=PARTY_CODES, as_of=DATE, models=TEXTS, issues=ISSUES.or_none(), lang=LANG)
def predict(
    corpus: Any,
    parties: Sequence[str],
    as_of: Any = None,
    *,
    models: Sequence[str] = MODELS,
    issues: Iterable[str] | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Where each issue could settle, given parties' positions as of a date.

    For every issue at least one of ``parties`` states (as of ``as_of``), one row per model:
    ``weighted_median`` (weights: capability × salience from ``corpus.salience``),
    ``nash`` (the Nash bargaining point inside the zone of agreement, where there is one) and
    ``smp`` (the Spatial Model of Politics rounds of :func:`bargain`, with positions on 0–100,
    capability and salience × 100). The formulas are in this module's docstring.

    Returns
    -------
    pandas.DataFrame
        ``area``, ``area_label``, ``issue``, ``issue_label``, ``model``, ``predicted`` (for people), ``value`` (the
        raw value), ``position`` (0 = low pole … 1 = high pole; NaN on sets), and one
        ``distance_PARTY`` column per party: the distance from its stance (as ``compare``
        measures it; NaN where it does not state the issue).

    Examples
    --------
    >>> import negotiation as ng
    >>> frame = ng.predict(ng.load(), ["RU", "UA", "US"], as_of="2026-02-24")
    >>> set(frame["model"]) <= {"weighted_median", "nash", "smp"}
    True
    """
    import pandas as pd

    from negotiation.model.values import plain_value

    unknown = [m for m in models if m not in MODELS]
    if unknown:
        raise NegotiationError(f"unknown model {unknown[0]!r}; expected one of {', '.join(MODELS)}")
    if not parties:
        raise NegotiationError("predict needs at least one party")
    positions = {p: corpus.position(p, as_of) for p in parties}  # raises UnknownPartyError
    taxonomy = corpus.taxonomy
    cap = {p: corpus.salience.capability(p) for p in parties}
    chosen = set(issues) if issues is not None else None
    rows = []
    for issue_id, issue in taxonomy.issues.items():
        if chosen is not None and issue_id not in chosen:
            continue
        stances, weights, sal = issue_inputs(issue_id, positions, corpus.salience, taxonomy, cap)
        for pred in predict_issue(issue, stances, weights, sal, cap, models):
            row = {
                "area": issue.area, "area_label": taxonomy.areas[issue.area].label(lang),
                "issue": issue_id, "issue_label": issue.label(lang), "model": pred.model,
                "predicted": issue.scale.format(pred.value, lang), "value": plain_value(pred.value),
                "position": pred.position,
            }
            for p in parties:
                st = stances[p]
                if st is None or not st.stated:
                    row[f"distance_{p}"] = float("nan")
                else:
                    row[f"distance_{p}"] = issue.scale.gap(issue.scale.span([pred.value]), st.span(issue.scale))
            rows.append(row)
    columns = PREDICTION_COLUMNS + [f"distance_{p}" for p in parties]
    frame = pd.DataFrame(rows, columns=columns)
    frame.attrs.update(as_of=str(next(iter(positions.values())).date), parties=list(parties))
    result: pd.DataFrame = frame
    return result
