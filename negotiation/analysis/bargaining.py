"""Where a settlement could land: weighted median, Nash bargaining point, and the KTAB round model.

Three models, each on one issue at a time:

**Weighted median** (Black's median voter, weighted). On an ordered scale with actors at
positions :math:`x_i`, weights :math:`w_i = c_i s_i` (capability × salience), the weighted
median is the smallest :math:`x_m` with :math:`\\sum_{x_i \\le x_m} w_i \\ge \\tfrac12 \\sum_i w_i`.
No coalition of actors on one side of it outweighs the rest.

**Nash bargaining point.** Where the parties' reservation ranges share a zone
:math:`Z` (see :func:`negotiation.zopa`), each party's utility for a point :math:`z` is
:math:`u_i(z) = 1 - |z - x_i|` (positions on the unit interval, low pole 0), its
disagreement point :math:`u_i(d) = 1 - |r_i - x_i|`, the worst value it still accepts.
The Nash solution maximises :math:`\\prod_i (u_i(z) - u_i(d))^{w_i}` over :math:`z \\in Z`
(weights :math:`w_i` as above, normalised: the asymmetric Nash solution).

**Spatial Model of Politics** (:func:`bargain`; :func:`smp_rounds` on several dimensions),
the expected-utility round model of the Bueno de Mesquita family as implemented in
KAPSARC's Toolkit for Behavioral Analysis (KTAB). Each round, on positions
:math:`x_i \\in [0,1]`, capabilities :math:`c_i` and saliences :math:`s_i \\in [0,1]` (on several
dimensions, distances are :math:`\\sqrt{\\sum_k ((x_{ik} - x_{jk}) s_{ik})^2 / \\sum_k s_{ik}^2}`
and :math:`s_i` is the sum of :math:`i`'s saliences):

1. *Risk attitudes.* With risk-neutral utilities :math:`u_{ij} = 1 - |x_i - x_j|`, every
   actor votes between any two positions with :math:`v_k(i{:}j) = c_k (u_{ki} - u_{kj})`;
   the coalition for :math:`i` over :math:`j` is the sum of the positive votes,
   :math:`p_{ij} = C_{ij} / (C_{ij} + C_{ji})`, and the probabilistic Condorcet election gives
   :math:`P_i \\propto \\prod_j p_{ij}`. Risk attitudes follow (KTAB's ``BigRRange::Mid``):
   :math:`R_i = (3 P_i - P_{max} - 2 P_{min}) / (2 (P_{max} - P_{min}))`, from
   :math:`-\\tfrac12` (least likely position, risk seeking) to 1 (most likely, risk averse).
2. *Utilities.* :math:`u(d, R) = (1 - d)(1 + d R)` for a distance :math:`d`. Actor :math:`h`
   judges :math:`i`'s risk attitude as :math:`(2 R_h + R_i) / 3` (``BigRAdjust::OneThird``).
3. *Challenges.* Actor :math:`i` weighs challenging each :math:`j`: its own and :math:`j`'s
   contributions :math:`s_i c_i (u_{ii} - u_{ij})` and :math:`s_j c_j (u_{jj} - u_{ji})`; each third
   party :math:`n` looks at the little contest, estimates :math:`p^n = P[i \\text{ wins with } n]`
   and votes :math:`s_n c_n (U_{in:j} - U_{i:jn})` on the expected utilities of joining either
   side (semi-committed: it keeps its position if its side wins, adopts the winner's if it
   loses). The probability of success is :math:`P_{ij} = C_{ij} / (C_{ij} + C_{ji})` over these
   coalitions, and the expected gain of challenging is
   :math:`EU = (1 - s_j) 2u_{ii} + s_j (P_{ij} 2u_{ii} + (1 - P_{ij}) 2u_{ij}) - (u_{ii} + u_{ij})`.
   Each actor challenges the target with the largest positive gain.
4. *Bargains.* A challenge proposes a bargain: both move to
   :math:`(w_i x_i + w_j x_j) / (w_i + w_j)` with :math:`w_i = (s_i P_{ij})^2`,
   :math:`w_j = (s_j (1 - P_{ij}))^2` (``InterVecBrgn::S2P2``; each keeps a 10⁻⁶ edge toward its
   own position). Every actor then holds a probabilistic Condorcet election, with
   capabilities as votes, among the bargains that involve it and the status quo, judging each
   by the mean utility of the positions it would leave, and adopts the most likely one
   (``StateTransition::Deterministic``).
5. *Stopping.* Rounds continue until the total movement of a round falls below 1/50 of the
   first round's (after at least 3 rounds), or 100 rounds.

The result's outcome is the position the final probabilistic Condorcet election
(capability votes over the final positions) makes most likely.

References
----------
- KAPSARC, "An Introduction to the KAPSARC Toolkit for Behavioral Analysis (KTAB)" and
  "Multidimensional Bargaining using KTAB", KAPSARC discussion papers (kapsarc.org), the
  papers the KTAB SMP user guide (``web/tutorial/SMPTutorial.md``, 2019) refers to for the
  model; the guide documents the parameters.
- KTAB source, ``examples/smp/libsrc/smp.cpp``, ``smpbcn.cpp`` and
  ``KTAB/kmodel/libsrc/kmodel.cpp`` (github.com/KAPSARC/KTAB, MIT licence), whose defaults
  (Linear victory probability, Proportional voting, Conditional PCE, Mid risk range,
  OneThird risk adjustment, SemiCommit, S2P2, InitOnlyInterp, Deterministic transitions,
  identity accommodation of ideals) are the ones implemented here. With them this module
  reproduces KTAB's published reference run ``examples/smp/doc/20170530_ref-SOE-Pol-Comp.txt``
  (13 actors, 2 dimensions, 28 states) to its printed precision: ``tests/test_bargaining.py``.
- B. Bueno de Mesquita, "A decision making model: its structure and form", International
  Interactions 23 (1997) 235–266.
- J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155–162.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from negotiation.analysis.results import ResultSummary, ResultViews, plain_data
from negotiation.errors import NegotiationError
from negotiation.model.arguments import ACTORS, COUNT, NUMBER, takes
from negotiation.model.lang import Lang

if TYPE_CHECKING:
    import pandas as pd

_MIN_C = 1e-10
_MIN_W = 1e-6
_MIN_SIG = 1e-5
_COALITION_MIN = 1e-8


@dataclass(frozen=True)
class BargainSummary(ResultSummary):
    """A bargaining run's ``summary``: the outcome (0–100), rounds run, actors, the likeliest winner."""

    outcome: float
    rounds: int
    """Rounds after the input positions (round 0)."""
    actors: int
    likeliest: str | None
    """The actor whose final position most probably wins."""


@dataclass(frozen=True)
class BargainResult(ResultViews):
    """The round model's run: ``rounds`` (positions 0–100, one column per actor) and ``outcome``.

    Its views are the ones every result has (:mod:`negotiation.analysis.results`).
    """

    rounds: pd.DataFrame
    """One row per round (0 = the input positions), one column per actor, on 0–100."""
    outcome: float
    """The predicted value on 0–100: the final round's most probable position."""
    probabilities: pd.Series
    """Final round: the probability each actor's position wins (probabilistic Condorcet election)."""

    @property
    def summary(self) -> BargainSummary:
        """The outcome, rounds run, actors counted, and the likeliest winner."""
        probs = self.probabilities
        likeliest = str(probs.idxmax()) if len(probs) else None
        return BargainSummary(float(self.outcome), max(len(self.rounds) - 1, 0), len(self.rounds.columns), likeliest)

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """The rounds: one row per round (0 = the input positions), one column per actor."""
        return self.rounds

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """Plain data for JSON: the outcome, each round's positions by actor, the final probabilities."""
        return {"outcome": plain_data(self.outcome),
                "rounds": plain_data(self.rounds.to_dict(orient="records")),
                "probabilities": plain_data(self.probabilities.to_dict())}

    @property
    def final(self) -> pd.Series:
        """Each actor's position in the last round."""
        return self.rounds.iloc[-1]


def weighted_median(positions: Sequence[float], weights: Sequence[float]) -> float:
    """The weighted median: the smallest position with at least half the total weight at or below it.

    Examples
    --------
    >>> weighted_median([0, 50, 100], [1, 1, 3])
    100.0
    """
    x = np.asarray(positions, dtype=float)
    w = np.asarray(weights, dtype=float)
    if x.size == 0 or x.shape != w.shape:
        raise NegotiationError("weighted_median needs as many weights as positions, and at least one")
    if (w < 0).any() or w.sum() <= 0:
        raise NegotiationError("weights must be non-negative and not all zero")
    order = np.argsort(x, kind="stable")
    cum = np.cumsum(w[order])
    return float(x[order][np.searchsorted(cum, cum[-1] / 2.0 - 1e-12)])


def weighted_mean(positions: Sequence[float], weights: Sequence[float]) -> float:
    """The weighted mean of positions: :math:`\\sum w_i x_i / \\sum w_i`."""
    x = np.asarray(positions, dtype=float)
    w = np.asarray(weights, dtype=float)
    if w.sum() <= 0:
        raise NegotiationError("weights must not all be zero")
    return float((w * x).sum() / w.sum())


def nash_point(
    positions: Sequence[float],
    reservations: Sequence[float],
    zone: tuple[float, float],
    weights: Sequence[float] | None = None,
    *,
    grid: int = 401,
) -> float:
    """The (asymmetric) Nash bargaining point inside a zone of agreement, on [0, 1].

    Maximises :math:`\\sum_i w_i \\log(u_i(z) - u_i(d))` with :math:`u_i(z) = 1 - |z - x_i|` and
    the disagreement utility :math:`u_i(d) = 1 - |r_i - x_i|` (``r_i``: the reservation point,
    the worst value party ``i`` accepts). Evaluated on a grid over the zone plus its ends and
    every position inside it, so the answer is exact where it falls on one of those.
    """
    lo, hi = zone
    if lo > hi:
        raise NegotiationError("the zone is empty")
    x = np.asarray(positions, dtype=float)
    r = np.asarray(reservations, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    w = w / w.sum()
    candidates = np.unique(np.concatenate([np.linspace(lo, hi, grid), [lo, hi], x[(x >= lo) & (x <= hi)]]))
    gain = (1 - np.abs(candidates[:, None] - x[None, :])) - (1 - np.abs(r - x))[None, :]
    # A party whose reservation equals the zone's edge gains 0 there; keep the point feasible.
    with np.errstate(divide="ignore"):
        score = (w[None, :] * np.log(np.maximum(gain, 0.0) + 1e-12)).sum(axis=1)
    return float(candidates[int(np.argmax(score))])


# --- the KTAB Spatial Model of Politics ----------------------------------------------------


def _util(d: np.ndarray, r: np.ndarray | float) -> np.ndarray:
    """KTAB ``bsUtil``: :math:`(1 - d)(1 + dR)` for :math:`d \\le 1`."""
    d = np.asarray(d, dtype=float)
    result: np.ndarray = np.where(d <= 1, (1 - d) * (1 + d * r), (1 - d) * (1 + r))
    return result


def _condorcet(votes_weight: np.ndarray, util: np.ndarray) -> np.ndarray:
    """Probabilistic Condorcet election (KTAB ``scalarPCE``, Linear, Proportional, conditional).

    ``util[a, m]``: utility to actor ``a`` of option ``m``; ``votes_weight[a]`` its weight.
    Returns the probability each option wins.
    """
    diff = util[:, :, None] - util[:, None, :]  # a, i, j
    votes = votes_weight[:, None, None] * diff
    c = _COALITION_MIN + np.where(votes > 0, votes, 0.0).sum(axis=0)
    p = c / (c + c.T)
    np.fill_diagonal(p, 0.5)
    prob: np.ndarray = np.prod(p, axis=1)
    normalised: np.ndarray = prob / prob.sum()
    return normalised


def _distance(x: np.ndarray, sal: np.ndarray) -> np.ndarray:
    """KTAB ``bvDiff``: ``d[i, j]``, the salience-weighted distance from ``x[i]`` to ``x[j]`` in ``i``'s eyes.

    :math:`d_{ij} = \\sqrt{\\sum_k ((x_{ik} - x_{jk}) s_{ik})^2 / \\sum_k s_{ik}^2}`; on one dimension
    simply :math:`|x_i - x_j|`.
    """
    diff = (x[:, None, :] - x[None, :, :]) * sal[:, None, :]
    result: np.ndarray = np.sqrt((diff**2).sum(axis=2) / (sal**2).sum(axis=1)[:, None])
    return result


def _risk(d: np.ndarray, cap: np.ndarray) -> np.ndarray:
    """Risk attitudes from the risk-neutral Condorcet election (``BigRRange::Mid``)."""
    p = _condorcet(cap, 1 - d)
    pmin, pmax = p.min(), p.max()
    if pmax - pmin < 1e-12:
        return np.zeros(len(d))
    result: np.ndarray = (3 * p - (pmax + 2 * pmin)) / (2 * (pmax - pmin))
    return result


def _round4(x: np.ndarray | float) -> Any:
    return np.floor(0.5 + np.asarray(x) * 10000.0) / 10000.0


def _step(x: np.ndarray, cap: np.ndarray, sal: np.ndarray) -> np.ndarray:
    """One KTAB SMP round on positions ``x`` (actors × dimensions, 0–1) and saliences ``sal`` (same shape).

    Challenges, bargains, and each actor's choice among the bargains that involve it.
    """
    n = len(x)
    d = _distance(x, sal)
    r = _risk(d, cap)
    r_est = (2 * r[:, None] + r[None, :]) / 3  # r_est[h, i]: h's estimate of i's risk attitude (OneThird)
    # a_util[h, i, j]: h's estimate of the utility to i of j's position.
    a_util = _util(d[None, :, :], r_est[:, :, None])
    s_total = sal.sum(axis=1)
    power = s_total * cap
    idx = np.arange(n)
    bargains: list[list[tuple[int, int, np.ndarray, np.ndarray] | None]] = [[None] for _ in range(n)]
    for i in range(n):
        u = a_util[i]
        uii, uij = u[i, i], u[i, :]  # over targets j
        uji, ujj = u[:, i], np.diag(u)
        contrib_i = _MIN_C + power[i] * (uii - uij)  # j
        contrib_j = _MIN_C - power * (uji - ujj)  # j
        # third parties n (rows) for each target j (columns)
        uni = u[:, i][:, None]
        unj = u  # u[n, j]
        unn = np.diag(u)[:, None]
        little = power[:, None] * (uni - unj)
        cni = contrib_i[None, :] + np.maximum(little, 0.0)
        cnj = contrib_j[None, :] + np.maximum(-little, 0.0)
        pin = cni / (cni + cnj)
        pjn = 1 - pin
        u_ik_j = pin * (2 * uni + unn) + pjn * (3 * unj)
        u_i_jk = pin * (3 * uni) + pjn * (2 * unj + unn)
        vote = power[:, None] * (u_ik_j - u_i_jk)
        third = (idx[:, None] != i) & (idx[:, None] != idx[None, :])
        vote = np.where(third, vote, 0.0)
        chij = contrib_i + np.where(vote > 0, vote, 0.0).sum(axis=0)
        chji = contrib_j + np.where(vote < 0, -vote, 0.0).sum(axis=0)
        p_win = chij / (chij + chji)
        eu_sq = uii + uij
        vict, lose = 2 * uii, 2 * uij
        eu = (1 - s_total) * vict + s_total * (p_win * vict + (1 - p_win) * lose) - eu_sq
        eu[i] = -np.inf
        best, best_eu = -1, 0.0
        for j in range(n):  # first strict maximum, as KTAB's scan does
            if eu[j] > _MIN_SIG and eu[j] > best_eu:
                best, best_eu = j, float(eu[j])
        if best < 0:
            continue
        p = float(p_win[best])
        wi = (sal[i] * p) ** 2  # per dimension
        wj = (sal[best] * (1 - p)) ** 2
        total = wi + _MIN_W + wj
        bi = _round4(((wi + _MIN_W) * x[i] + wj * x[best]) / total)
        bj = _round4((wi * x[i] + (_MIN_W + wj) * x[best]) / total)
        bargain = (i, best, bi, bj)
        bargains[i].append(bargain)
        bargains[best].append(bargain)
    # utility to actor a of each actor's own position n, from a's perspective
    base = a_util[idx, idx, :]  # base[a, n]
    total_u = base.sum(axis=1)
    new: np.ndarray = x.copy()

    def pos_util(point: np.ndarray) -> np.ndarray:
        """Each actor's utility (own risk attitude) for one position."""
        dist = np.sqrt((((x - point[None, :]) * sal) ** 2).sum(axis=1) / (sal**2).sum(axis=1))
        result: np.ndarray = _util(dist, r)
        return result

    for k in range(n):
        options = bargains[k]
        util = np.empty((n, len(options)))
        for m, b in enumerate(options):
            if b is None:
                util[:, m] = total_u / n
                continue
            ii, jj, bi, bj = b
            util[:, m] = (total_u - base[:, ii] - base[:, jj] + pos_util(bi) + pos_util(bj)) / n
        prob = _condorcet(cap, util)
        chosen = options[int(np.argmax(prob))]
        if chosen is not None:
            new[k] = chosen[2] if chosen[0] == k else chosen[3]
    return new


def smp_rounds(
    positions: np.ndarray, capability: np.ndarray, salience: np.ndarray, *,
    max_rounds: int = 100, min_rounds: int = 3, quiet: float = 50.0,
) -> list[np.ndarray]:
    """The Spatial Model of Politics on several dimensions at once: positions per round.

    ``positions`` and ``salience`` are actors × dimensions on 0–1 (each actor's saliences
    summing to at most 1, as KTAB requires), ``capability`` one positive number per actor.
    Returns the list of position arrays, the input first. Rounds stop as :func:`bargain`
    says, the movement of a round being the sum over actors of the length of their moves
    (KTAB's ``stateDist``). :func:`bargain` is the one-dimension front end.
    """
    x = np.asarray(positions, dtype=float)
    sal = np.asarray(salience, dtype=float)
    cap = np.asarray(capability, dtype=float)
    if x.ndim == 1:
        x, sal = x[:, None], sal[:, None]
    history = [x]
    first = None
    for it in range(1, max_rounds + 1):
        x = _step(x, cap, sal)
        history.append(x)
        moved = float(np.sqrt(((history[-1] - history[-2]) ** 2).sum(axis=1)).sum())
        if first is None:
            first = moved
        if first <= 1e-12:
            break
        if it >= min_rounds and moved / first < 1.0 / quiet:
            break
    return history


def _actors_frame(actors: Any) -> pd.DataFrame:
    import pandas as pd

    frame = actors if isinstance(actors, pd.DataFrame) else pd.DataFrame(list(actors))
    missing = [c for c in ("actor", "capability", "position", "salience") if c not in frame.columns]
    if missing:
        raise NegotiationError(
            f"bargain: actors need columns actor, capability, position, salience; missing {', '.join(missing)}")
    if len(frame) < 2:
        raise NegotiationError("bargain needs at least two actors")
    for column, lo, hi in (("position", 0, 100), ("salience", 0, 100), ("capability", 0, None)):
        values = pd.to_numeric(frame[column], errors="coerce")
        bad = values.isna() | (values < lo) | ((values > hi) if hi is not None else False)
        if column in ("capability", "salience"):
            bad |= values <= 0
        if bad.any():
            row = frame["actor"][bad].iloc[0]
            bound = f"in (0, {hi}]" if column == "salience" else ("positive" if hi is None else f"in [{lo}, {hi}]")
            raise NegotiationError(f"bargain: {column} of actor {row!r} must be a number {bound}")
    if frame["actor"].duplicated().any():
        raise NegotiationError(f"bargain: actor {frame['actor'][frame['actor'].duplicated()].iloc[0]!r} appears twice")
    return frame


@takes(actors=ACTORS, max_rounds=COUNT, min_rounds=COUNT, quiet=NUMBER)
def bargain(
    actors: pd.DataFrame | Iterable[Mapping[str, Any]],
    *,
    max_rounds: int = 100,
    min_rounds: int = 3,
    quiet: float = 50.0,
) -> BargainResult:
    """Run the Spatial Model of Politics (KTAB defaults) on one issue.

    Parameters
    ----------
    actors
        A DataFrame or records with ``actor``, ``capability`` (positive), ``position``
        (0–100) and ``salience`` (0–100], the table every BDM/KTAB user already has.
    max_rounds, min_rounds, quiet
        Stop after ``max_rounds``, or once at least ``min_rounds`` are done and a round moves
        the actors less than ``1/quiet`` of what the first round moved them (KTAB's rule).

    Returns
    -------
    BargainResult
        ``.rounds``: each actor's position per round (row 0 = input); ``.outcome``: the final
        round's most probable position, 0–100.

    See the module docstring for the model, its formulas and its sources.

    Examples
    --------
    >>> import negotiation as ng
    >>> result = ng.bargain([
    ...     {"actor": "A", "capability": 100, "position": 10, "salience": 80},
    ...     {"actor": "B", "capability": 60, "position": 90, "salience": 50},
    ...     {"actor": "C", "capability": 40, "position": 60, "salience": 60},
    ... ])
    >>> 0 <= result.outcome <= 100
    True
    """
    import pandas as pd

    frame = _actors_frame(actors)
    names = [str(a) for a in frame["actor"]]
    x = frame["position"].to_numpy(dtype=float) / 100.0
    cap = frame["capability"].to_numpy(dtype=float)
    sal = frame["salience"].to_numpy(dtype=float) / 100.0
    steps = smp_rounds(x, cap, sal, max_rounds=max_rounds, min_rounds=min_rounds, quiet=quiet)
    history = [h[:, 0] for h in steps]
    x = history[-1]
    rounds = pd.DataFrame(np.array(history) * 100.0, columns=names)
    rounds.index.name = "round"
    prob = _condorcet(cap, 1 - np.abs(x[:, None] - x[None, :]))
    outcome = float(x[int(np.argmax(prob))] * 100.0)
    return BargainResult(rounds=rounds, outcome=outcome, probabilities=pd.Series(prob, index=names, name="probability"))


def __getattr__(name: str) -> Any:
    # The predictions on a corpus's issues moved to negotiation.analysis.predict; older imports keep working.
    if name in ("MODELS", "PREDICTION_COLUMNS", "Prediction", "issue_inputs", "predict", "predict_issue"):
        from negotiation.analysis import predict

        return getattr(predict, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
