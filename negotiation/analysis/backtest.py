"""A backtest: would the bargaining models have predicted the real drafts, issue by issue?

For each target draft (by default the US 28-point plan, the US–Ukraine Geneva framework
and the 20-point plan), the corpus is cut to the documents dated *before* the target, the
parties' positions are taken as of the day before, and every model of
:func:`negotiation.analysis.predict.predict` predicts each issue the target states. Three
naive baselines predict the same issues:

- ``previous_draft``: the status quo of the talks, the position of the target's first author
  as of the day before (its previous draft or statement);
- ``midpoint``: halfway between the first two parties (Russia and Ukraine), on the scale's
  pole positions (nearest level on ordinal scales; no midpoint of sets);
- ``stronger_side``: the position of whichever of those two has the higher capability in
  ``salience.yaml``.

A prediction is a hit at the *exact level* when ``compare`` finds no distance between it and
the target's stance (numbers within the scale's tolerance; a bracketed target counts any
value of its span), and *within one step* when the distance is within the issue's close
threshold (one level on ordinal scales, 15 % of the range on numeric ones).

No look-ahead: positions come from the cut corpus, so no document dated on or after the
target can be read; salience judgements whose source is such a document fall back to their
defaults. :attr:`BacktestResult.documents` records every document each target's predictions
read. (The assumptions in ``salience.yaml`` are undated judgements made later; they are the
one input the cut cannot date.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from negotiation.analysis.compare import diff_issue
from negotiation.analysis.predict import MODELS, issue_inputs, midpoint, predict_issue, value_at_position
from negotiation.analysis.results import ResultSummary, ResultViews, plain_data
from negotiation.analysis.verdicts import EPS
from negotiation.errors import NegotiationError
from negotiation.model.arguments import CORPUS, DOCUMENT_IDS, PARTY_CODES, takes
from negotiation.model.frozen import freeze_fields
from negotiation.model.lang import Lang
from negotiation.model.models import Corpus, Stance
from negotiation.model.salience import Salience

if TYPE_CHECKING:
    import pandas as pd

TARGETS = ("us-28-point-2025-11", "us-ua-geneva-framework-2025-11", "us-20-point-2025-12")
"""The bundled corpus's headline drafts: the default targets of a corpus that holds all three."""

PARTIES = ("RU", "UA", "US")
"""The default parties alongside :data:`TARGETS`."""

TARGET_KINDS = ("joint_draft", "agreement")
"""Kinds of document a corpus's own drafts to score are found among (:func:`default_targets`)."""


def default_targets(corpus: Corpus) -> list[str]:
    """The drafts a backtest of ``corpus`` scores when none are given.

    :data:`TARGETS` when the corpus holds all three (the bundled corpus); otherwise every
    ``joint_draft`` or ``agreement`` document, in date order, that has at least one document
    of another party's or its own dated before it (a first document cannot be predicted).
    """
    if all(t in corpus for t in TARGETS):
        return list(TARGETS)
    first = min((d.date for d in corpus), default=None)
    return [d.id for d in corpus if d.kind in TARGET_KINDS and first is not None and d.date > first]


def default_parties(corpus: Corpus, targets: Sequence[str]) -> list[str]:
    """Whose positions a backtest weighs when none are given.

    :data:`PARTIES` on a corpus that holds :data:`TARGETS` (the bundled one); otherwise the
    targets' authors, those with the most documents first (so the first two, the sides of
    the ``midpoint`` and ``stronger_side`` baselines, are the ones the corpus follows most),
    leaving out authors with no document of their own; where that leaves fewer than two
    (a one-author proposal), the other parties with the most documents are added.
    """
    if all(t in corpus for t in TARGETS) and all(p in corpus.taxonomy.parties for p in PARTIES):
        return list(PARTIES)
    counts = {p: len(corpus.documents_by(p, endorsements=False)) for p in corpus.taxonomy.parties}
    authors = [a for a in dict.fromkeys(a for t in targets for a in corpus[t].authors) if counts.get(a)]
    chosen = sorted(authors, key=lambda a: (-counts[a], a))
    others = sorted((p for p, n in counts.items() if n and p not in chosen), key=lambda p: (-counts[p], p))
    return chosen + others[: max(0, 2 - len(chosen))]

BASELINES = ("previous_draft", "midpoint", "stronger_side")

SHORT = {
    "us-28-point-2025-11": "28-pt",
    "us-ua-geneva-framework-2025-11": "Geneva",
    "us-20-point-2025-12": "20-pt",
}


@dataclass(frozen=True)
class ModelScore:
    """One model's or baseline's hits over every target: predictions made, exact, within one step."""

    model: str
    kind: str
    """``model`` or ``baseline``."""
    predicted: int
    exact: int
    within_one: int


@dataclass(frozen=True)
class BacktestSummary(ResultSummary):
    """A backtest's ``summary``: the targets scored and each model's and baseline's hits.

    Calling it, ``result.summary(common=...)``, still gives the old hit-rate table
    (:meth:`BacktestResult.hit_rates`), with a DeprecationWarning.
    """

    targets: tuple[str, ...]
    scores: tuple[ModelScore, ...]
    result: BacktestResult | None = field(default=None, repr=False, compare=False)

    def __call__(self, *, common: Sequence[str] | None = None) -> pd.DataFrame:
        import warnings

        warnings.warn("summary is data now (a frozen dataclass); call hit_rates(common=...) for the table "
                      "summary() used to give", DeprecationWarning, stacklevel=2)
        assert self.result is not None
        return self.result.hit_rates(common=common)


@dataclass(frozen=True)
class BacktestResult(ResultViews):
    """Per target, issue and model: prediction, actual and hits; plus the documents read.

    ``issues``: one row per (target, issue, model) with ``predicted``, ``actual``,
    ``distance``, ``exact`` and ``within_one``. ``documents``: target id → the ids of every
    document whose stances the predictions used. Its views are the ones every result has
    (:mod:`negotiation.analysis.results`); :meth:`hit_rates` is the table people read.
    """

    issues: pd.DataFrame
    documents: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        freeze_fields(self)  # documents is read-only

    @property
    def summary(self) -> BacktestSummary:
        """The targets scored and each model's and baseline's hits over all of them."""
        frame = self.issues
        scores = []
        for model in (*MODELS, *BASELINES):
            sub = frame[frame["model"] == model]
            scores.append(ModelScore(model, "model" if model in MODELS else "baseline", len(sub),
                                     int(sub["exact"].sum()), int(sub["within_one"].sum())))
        return BacktestSummary(tuple(dict.fromkeys(frame["target"])), tuple(scores), self)

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """Every prediction: the ``issues`` frame."""
        return self.issues

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """Plain data for JSON: every prediction, and per target the documents read."""
        return {"issues": plain_data(self.issues.to_dict(orient="records")),
                "documents": {t: sorted(ids) for t, ids in self.documents.items()}}

    def hit_rates(self, *, common: Sequence[str] | None = None) -> pd.DataFrame:
        """Hit rates per model and target: one row per model, ``k/n`` cells and overall rates.

        ``common``: score only the issues every one of these models and baselines predicts
        (and list only them), so that their rates share a denominator.
        """
        import pandas as pd

        frame = self.issues
        names = list(MODELS) + list(BASELINES)
        targets = list(dict.fromkeys(frame["target"]))
        if common is not None:
            names = [m for m in names if m in common]
            frame = frame[frame["model"].isin(names)]
            counts = frame.groupby(["target", "issue"])["model"].nunique()
            shared = counts[counts == len(names)].index
            frame = frame.set_index(["target", "issue"]).loc[lambda f: f.index.isin(shared)].reset_index()
        rows = []
        for model in names:
            sub = frame[frame["model"] == model]
            row: dict[str, Any] = {"model": model, "kind": "model" if model in MODELS else "baseline"}
            for t in targets:
                part = sub[sub["target"] == t]
                name = SHORT.get(t, t)
                row[f"{name} exact"] = f"{int(part['exact'].sum())}/{len(part)}"
                row[f"{name} ±1"] = f"{int(part['within_one'].sum())}/{len(part)}"
            n = len(sub)
            row["all exact"] = f"{int(sub['exact'].sum())}/{n}" + (f" ({sub['exact'].mean():.0%})" if n else "")
            row["all ±1"] = f"{int(sub['within_one'].sum())}/{n}" + (f" ({sub['within_one'].mean():.0%})" if n else "")
            rows.append(row)
        table: pd.DataFrame = pd.DataFrame(rows)
        return table


def corpus_before(corpus: Corpus, day: dt.date) -> Corpus:
    """The corpus cut to documents dated strictly before ``day``; salience sourced later falls back to defaults."""
    kept = {d.id: d for d in corpus if d.date < day}
    dates = {d.id: d.date for d in corpus}
    return Corpus(taxonomy=corpus.taxonomy, documents=kept, salience=_salience_before(corpus.salience, day, dates))


def _salience_before(salience: Salience, day: dt.date, dates: dict[str, dt.date]) -> Salience:
    source_dates = {s.id: s.date for s in salience.sources}
    parties = {}
    for code, entry in salience.parties.items():
        def known(j: Any) -> bool:
            if j is None or j.source is None:
                return True
            when = source_dates.get(j.source) or dates.get(j.source)
            return when is not None and when < day

        kept = {k: v for k, v in entry.salience.items() if known(v)}
        capability = entry.capability if known(entry.capability) else None
        parties[code] = entry.model_copy(update={"salience": kept, "capability": capability})
    return salience.model_copy(update={"parties": parties})


@takes(corpus=CORPUS.or_none(), targets=DOCUMENT_IDS.or_none(), parties=PARTY_CODES.or_none())
def backtest(
    corpus: Corpus | None = None,
    targets: Sequence[str] | None = None,
    parties: Sequence[str] | None = None,
) -> BacktestResult:
    """Predict each target draft from what was known the day before, and score models and baselines.

    Parameters
    ----------
    corpus
        The corpus (default: the bundled one).
    targets
        Document ids of the drafts to predict (default: :func:`default_targets`, found
        from the corpus).
    parties
        Whose positions the models weigh; the first two are the sides the ``midpoint`` and
        ``stronger_side`` baselines use (default: :func:`default_parties`).

    Returns
    -------
    BacktestResult
        ``.issues`` (one row per target, issue and model or baseline), ``.hit_rates()`` (hit
        rates) and ``.documents`` (what each target's predictions read).

    Examples
    --------
    >>> import negotiation as ng
    >>> result = ng.backtest()
    >>> list(result.hit_rates()["model"])[:3]
    ['weighted_median', 'nash', 'smp']
    """
    import pandas as pd

    from negotiation.corpus.loader import load

    corpus = corpus if corpus is not None else load()
    if targets is None:
        targets = default_targets(corpus)
        if not targets:
            raise NegotiationError(f"no drafts to score: the corpus has no {' or '.join(TARGET_KINDS)} document "
                                   "after its first; name the documents to predict")
    for target_id in targets:
        corpus[target_id]  # an unknown id: one line with the nearest ids
    if not targets:
        return BacktestResult(issues=pd.DataFrame(columns=_COLUMNS), documents={})
    if parties is None:
        parties = default_parties(corpus, targets)
    if len(parties) < 2:
        raise NegotiationError(f"backtest needs at least two parties (found {', '.join(parties) or 'none'}); "
                               "name them with --parties")
    rows: list[dict[str, Any]] = []
    read: dict[str, set[str]] = {}
    for target_id in targets:
        target = corpus[target_id]
        before = corpus_before(corpus, target.date)
        as_of = target.date - dt.timedelta(days=1)
        positions = {p: before.position(p, as_of) for p in parties}
        author = target.authors[0]
        status_quo = before.position(author, as_of)
        a, b = parties[0], parties[1]
        stronger = a if before.salience.capability(a) >= before.salience.capability(b) else b
        cap = {p: before.salience.capability(p) for p in parties}
        used: set[str] = set()
        for issue_id, actual in target.stances.items():
            if not actual.stated:
                continue
            issue = corpus.taxonomy.issues[issue_id]
            stances, weights, sal = issue_inputs(issue_id, positions, before.salience, corpus.taxonomy, cap)
            predictions = [(pr.model, pr.value) for pr in predict_issue(issue, stances, weights, sal, cap)]
            if any(st is not None and st.stated for st in stances.values()):
                used |= {st.document for st in stances.values() if st is not None and st.document}
            sq = status_quo.stances.get(issue_id)
            if sq is not None and sq.stated:
                predictions.append(("previous_draft", _single(issue, sq)))
                if sq.document:
                    used.add(sq.document)
            sa, sb = stances[a], stances[b]
            both = sa is not None and sb is not None and sa.stated and sb.stated
            if both and issue.scale.ordered:
                assert sa is not None and sb is not None
                mid = (midpoint(issue.scale, sa) + midpoint(issue.scale, sb)) / 2
                predictions.append(("midpoint", value_at_position(issue.scale, mid)))
            strong = stances[stronger]
            if strong is not None and strong.stated:
                predictions.append(("stronger_side", _single(issue, strong)))
            for model, value in predictions:
                diff = diff_issue(issue, Stance(value=value, source="prediction"), actual)
                distance = float(diff.distance if diff.distance is not None else np.nan)
                exact = distance <= EPS or diff.verdict.value == "agree"
                rows.append({
                    "target": target_id,
                    "issue": issue_id,
                    "model": model,
                    "predicted": issue.scale.format(value),
                    "actual": actual.describe(issue.scale),
                    "distance": distance,
                    "exact": bool(exact),
                    "within_one": bool(exact or distance <= issue.close_threshold + EPS),
                })
        read[target_id] = used
    return BacktestResult(issues=pd.DataFrame(rows, columns=_COLUMNS), documents=read)


_COLUMNS = ["target", "issue", "model", "predicted", "actual", "distance", "exact", "within_one"]


def _single(issue: Any, stance: Stance) -> Any:
    """One value for a stance: itself, or the middle of a bracket."""
    if len(stance.values) == 1:
        return stance.values[0]
    if not issue.scale.ordered:  # no middle between member sets: the first alternative
        return stance.values[0]
    return value_at_position(issue.scale, midpoint(issue.scale, stance))
