"""Package search: which concessions close the most distance between two sides, for the least movement.

A *package* is a set of moves, each side moving only toward the other:

- on an ordinal scale, steps toward the other side's level (never past it);
- on a flag, giving in (one step);
- on a numeric scale, fractions of the gap: ``numeric_steps`` equal parts (on the log scale
  where the taxonomy measures one), each a step;
- on a set scale, changes of one member at a time: adopting a member the other side names,
  then dropping one it does not (in member order), each a step.

Only issues both sides state (not deferred, not bracketed) can move. Every possible move of
every issue is turned once into the stance :func:`~negotiation.scenario` would produce, and
the distance and verdict of every pair of moves (one per side) is measured once with the
same code :func:`~negotiation.compare` uses. A package's convergence is then a sum of table
look-ups, so candidate packages are evaluated in numpy batches (``ka``/``kb`` arrays of steps
per issue), and applying a returned package with :func:`~negotiation.scenario` and comparing
gives exactly the convergence reported.

Search
------
``method="exhaustive"`` evaluates every package within the step limits: all ways side *a*
can spend at most ``max_steps`` steps, against all ways side *b* can, in blocks. It is exact:
no package of the space beats the first row. ``method="beam"`` (what ``"auto"`` picks when
the space holds more than ``exhaustive_limit`` packages) grows packages one step at a time,
from the empty package: each round, every kept package is extended by every single step
either side could still take, the children are evaluated in one batch, and the
``beam_width`` best (highest convergence, less concession on ties, and a penalty for
imbalance when ``balance`` is set) are kept; every package seen is a candidate. Beam search
is a heuristic: it can miss the best package when the best first steps are not the start
of the best package.

Ranking: with ``target``, packages reaching every target verdict, least total concession
first; otherwise highest convergence first, then least total concession, then fewest steps.

Examples
--------
>>> import negotiation as ng
>>> corpus = ng.load()
>>> ru, ua = corpus.position("RU", "2026-02-24"), corpus.position("UA", "2026-02-24")
>>> best = ng.search(ru, ua, max_steps=1, top=1)
>>> float(best["convergence"].iloc[0]) > float(best.attrs["base_convergence"])
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from negotiation.analysis.compare import Verdict
from negotiation.analysis.scenarios import Edit
from negotiation.analysis.search_space import VERDICT_RANK, IssueSpace, Option, build_space
from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.delegates import delegate
from negotiation.errors import NegotiationError
from negotiation.model.arguments import COUNT, DOCUMENT, ISSUES, NUMBER, TAXONOMY, TEXT, WEIGHTS, takes
from negotiation.model.models import Document, Taxonomy
from negotiation.model.scales import Step

if TYPE_CHECKING:
    import pandas as pd


COLUMNS = [
    "rank", "package", "convergence", "gain", "concession_a", "concession_b",
    "steps_a", "steps_b", "edits_a", "edits_b", "moves",
]


@dataclass(frozen=True)
class PackageStep:
    """One move of a package, as data: who moves (``side`` ``a``/``b``, ``name`` its party or
    document id), on which issue, and the :class:`~negotiation.model.scales.Step` it takes
    (what the value becomes; :class:`~negotiation.analysis.search_ties.PackageMove` counts steps).

    ``render/`` words it (:func:`negotiation.render.packages.package_text`); the ``package``
    column of :func:`search` is those words in English.
    """

    side: str
    name: str
    issue: str
    step: Step



@dataclass
class _Tables:
    """The move tables flattened for numpy gathers."""

    dist: np.ndarray  # flat weighted distances, NaN where invalid
    verdict: np.ndarray  # flat verdict ranks
    offset: np.ndarray  # per issue, start in the flat arrays
    nb: np.ndarray  # per issue, number of b options
    conc_a: list[np.ndarray]
    conc_b: list[np.ndarray]
    cap_a: np.ndarray
    cap_b: np.ndarray

    @classmethod
    def of(cls, spaces: list[IssueSpace]) -> _Tables:
        dist, verdict, offset, nb = [], [], [], []
        start = 0
        for s in spaces:
            offset.append(start)
            nb.append(s.distance.shape[1])
            dist.append((s.weight * s.distance).ravel())
            verdict.append(s.verdict.ravel())
            start += s.distance.size
        return cls(
            dist=np.concatenate(dist) if dist else np.zeros(0),
            verdict=np.concatenate(verdict) if verdict else np.zeros(0, dtype=int),
            offset=np.array(offset, dtype=np.int64),
            nb=np.array(nb, dtype=np.int64),
            conc_a=[s.concession_a for s in spaces],
            conc_b=[s.concession_b for s in spaces],
            cap_a=np.array([len(s.a) - 1 for s in spaces], dtype=np.int64),
            cap_b=np.array([len(s.b) - 1 for s in spaces], dtype=np.int64),
        )

    def flat_index(self, ka: np.ndarray, kb: np.ndarray) -> np.ndarray:
        """Indices into the flat tables for packages ``ka``/``kb`` (… × issues)."""
        index: np.ndarray = self.offset + ka * self.nb + kb
        return index

    def weighted_distance(self, ka: np.ndarray, kb: np.ndarray) -> np.ndarray:
        """Σ weight × distance over the movable issues; NaN for packages whose moves cross."""
        result: np.ndarray = self.dist[self.flat_index(ka, kb)].sum(axis=-1)
        return result

    def concession(self, k: np.ndarray, side: str) -> np.ndarray:
        """Each package's total weighted concession for one side."""
        tables = self.conc_a if side == "a" else self.conc_b
        out = np.zeros(k.shape[:-1])
        for m, table in enumerate(tables):
            out = out + table[k[..., m]]
        return out


def allocations(caps: np.ndarray, max_steps: int) -> np.ndarray:
    """Every way one side can spend at most ``max_steps`` steps: rows of steps per issue."""
    rows = np.zeros((1, 0), dtype=np.int64)
    for cap in caps:
        choices = np.arange(min(int(cap), max_steps) + 1)
        grown = np.concatenate([np.repeat(rows, len(choices), axis=0),
                                np.tile(choices, len(rows))[:, None]], axis=1)
        rows = grown[grown.sum(axis=1) <= max_steps]
    return rows


def _count(caps: np.ndarray, max_steps: int) -> int:
    """How many allocations :func:`allocations` would return (without building them)."""
    ways = np.zeros(max_steps + 1, dtype=object)
    ways[0] = 1
    for cap in caps:
        new = np.zeros_like(ways)
        for k in range(min(int(cap), max_steps) + 1):
            new[k:] += ways[: max_steps + 1 - k]
        ways = new
    return int(sum(ways))


@dataclass
class _Pool:
    """The best packages found so far (kept to a bounded size)."""

    keep: int
    ka: list[np.ndarray] = field(default_factory=list)
    kb: list[np.ndarray] = field(default_factory=list)
    key: list[np.ndarray] = field(default_factory=list)

    def add(self, ka: np.ndarray, kb: np.ndarray, key: np.ndarray) -> None:
        if len(key) > self.keep:
            part = np.argpartition(key, self.keep)[: self.keep]
            ka, kb, key = ka[part], kb[part], key[part]
        self.ka.append(ka)
        self.kb.append(kb)
        self.key.append(key)
        if sum(len(k) for k in self.key) > 4 * self.keep:
            self.compact()

    def compact(self) -> None:
        if not self.key:
            return
        ka, kb, key = np.concatenate(self.ka), np.concatenate(self.kb), np.concatenate(self.key)
        if len(key) > self.keep:
            part = np.argpartition(key, self.keep)[: self.keep]
            ka, kb, key = ka[part], kb[part], key[part]
        self.ka, self.kb, self.key = [ka], [kb], [key]


def _scores(
    tables: _Tables, ka: np.ndarray, kb: np.ndarray, constant: float, total: float,
    target_idx: list[tuple[int, int]], balance: float | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Convergence, concessions and feasibility of a batch of packages."""
    wd = tables.weighted_distance(ka, kb)
    conv = 1.0 - (wd + constant) / total
    ca, cb = tables.concession(ka, "a"), tables.concession(kb, "b")
    ok = ~np.isnan(conv)
    if target_idx:
        idx = tables.flat_index(ka, kb)
        for m, rank in target_idx:
            v = tables.verdict[idx[..., m]]
            ok &= (v >= 0) & (v <= rank)
    if balance is not None:
        ok &= np.abs(ca - cb) <= balance + 1e-12
    return conv, ca, cb, ok


def _sort_key(conv: np.ndarray, ca: np.ndarray, cb: np.ndarray, steps: np.ndarray, ok: np.ndarray,
              targeted: bool) -> np.ndarray:
    """A key to minimise: infeasible last; then (target) concession or (else) -convergence."""
    conc = ca + cb
    safe_conv = np.where(np.isnan(conv), -1.0, conv)
    key = conc * 1e3 - safe_conv if targeted else -safe_conv * 1e3 + conc
    return np.asarray(np.where(ok, key + steps * 1e-6, np.inf))


@takes(a=DOCUMENT, b=DOCUMENT, taxonomy=TAXONOMY, weights=WEIGHTS, fix=ISSUES, fix_a=ISSUES, fix_b=ISSUES,
       issues=ISSUES.or_none(), max_steps=COUNT, max_steps_b=COUNT.or_none(), balance=NUMBER.or_none(),
       target=WEIGHTS, numeric_steps=COUNT, top=COUNT, method=TEXT, beam_width=COUNT, exhaustive_limit=COUNT)
def search(
    a: Document,
    b: Document,
    *,
    taxonomy: Taxonomy | None = None,
    weights: Mapping[str, float] | None = None,
    fix: Iterable[str] = (),
    fix_a: Iterable[str] = (),
    fix_b: Iterable[str] = (),
    issues: Iterable[str] | None = None,
    max_steps: int = 2,
    max_steps_b: int | None = None,
    balance: float | None = None,
    target: Mapping[str, Verdict | str] | None = None,
    numeric_steps: int = 4,
    top: int = 10,
    method: str = "auto",
    beam_width: int = 256,
    exhaustive_limit: int = 5_000_000,
) -> pd.DataFrame:
    """Rank packages of concessions that bring ``a`` and ``b`` closer.

    Parameters
    ----------
    a, b
        The two sides (documents or positions).
    taxonomy, weights
        As for :func:`~negotiation.compare`; the convergence index is the same.
    fix, fix_a, fix_b
        Issues nobody moves on; issues side *a* (or *b*) will not move on.
    issues
        Only these issues may move (default: every issue both sides state).
    max_steps, max_steps_b
        At most this many steps per side (``max_steps_b`` for side *b*, default the same).
    balance
        If given, each package's two concessions (weighted movement over the total weight,
        the units of the convergence index) differ by at most this much: ``0`` is strictly
        equal movement.
    target
        ``{issue: verdict}``: only packages that reach at least this verdict on each issue
        (``agree`` > ``close`` > ``bridgeable`` > ``apart``), cheapest first.
    numeric_steps
        Into how many equal steps a numeric gap is cut.
    top
        How many packages to return.
    method
        ``"exhaustive"``, ``"beam"`` or ``"auto"`` (exhaustive up to ``exhaustive_limit``
        packages). See the module docstring.

    Returns
    -------
    pandas.DataFrame
        One row per package, best first: ``rank``, ``package`` (the moves, for people),
        ``convergence`` (after the package), ``gain`` (over the base), ``concession_a`` and
        ``concession_b`` (each side's weighted movement), ``steps_a``, ``steps_b``, and
        ``edits_a``/``edits_b`` (the :class:`~negotiation.Edit` tuples to pass to
        :func:`~negotiation.scenario`). ``attrs`` holds ``base_convergence``, ``method`` and
        ``evaluated`` (how many packages were scored).
    """
    import pandas as pd

    if max_steps < 0 or (max_steps_b is not None and max_steps_b < 0):
        raise NegotiationError("max_steps must be 0 or more")
    if numeric_steps < 1:
        raise NegotiationError("numeric_steps must be 1 or more")
    if method not in ("auto", "exhaustive", "beam"):
        raise NegotiationError(f"unknown search method {method!r}; expected auto, exhaustive or beam")
    steps_b = max_steps if max_steps_b is None else max_steps_b
    taxonomy = taxonomy_of((a, b), taxonomy)
    spaces, constant, total = build_space(
        a, b, taxonomy, weights=weights, fix=fix, fix_a=fix_a, fix_b=fix_b,
        issues=issues, numeric_steps=numeric_steps,
    )
    tables = _Tables.of(spaces)
    target_idx = _targets(spaces, target, taxonomy)
    base_conv = 1.0 - (sum(s.weight * s.distance[0, 0] for s in spaces) + constant) / total
    n_a, n_b = _count(tables.cap_a, max_steps), _count(tables.cap_b, steps_b)
    use = method if method != "auto" else ("exhaustive" if n_a * n_b <= exhaustive_limit else "beam")
    keep = max(top * 20, 200)
    pool = _Pool(keep)
    targeted = bool(target_idx)
    if use == "exhaustive":
        evaluated = _exhaustive(tables, constant, total, max_steps, steps_b, target_idx, balance, targeted, pool)
    else:
        evaluated = _beam(tables, constant, total, max_steps, steps_b, target_idx, balance, targeted, pool, beam_width)
    pool.compact()
    rows = []
    if pool.key and len(pool.key[0]):
        ka, kb, key = pool.ka[0], pool.kb[0], pool.key[0]
        order = np.argsort(key, kind="stable")
        ka, kb, key = ka[order], kb[order], key[order]
        ka, kb = ka[np.isfinite(key)], kb[np.isfinite(key)]
        conv, ca, cb, _ok = _scores(tables, ka, kb, constant, total, target_idx, balance)
        seen: set[bytes] = set()
        for i in range(len(ka)):
            signature = ka[i].tobytes() + kb[i].tobytes()
            if signature in seen:
                continue
            seen.add(signature)
            rows.append(_row(spaces, a, b, ka[i], kb[i], float(conv[i]), base_conv, float(ca[i]), float(cb[i])))
            if len(rows) >= top:
                break
    words = delegate("negotiation.render.packages:package_text")
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
        row["package"] = words(row["moves"], taxonomy, "en")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame.attrs.update(base_convergence=base_conv, method=use, evaluated=evaluated,
                       a=a.id, b=b.id, issues=[s.issue.id for s in spaces])
    result: pd.DataFrame = frame
    return result


def _targets(spaces: list[IssueSpace], target: Mapping[str, Verdict | str] | None,
             taxonomy: Taxonomy) -> list[tuple[int, int]]:
    out = []
    for issue_id, verdict in (target or {}).items():
        taxonomy.issue(issue_id)
        try:
            v = Verdict(verdict)
        except ValueError:
            raise NegotiationError(
                f"target for {issue_id}: {verdict!r} is not a verdict (agree, close, bridgeable, apart)") from None
        if v not in VERDICT_RANK:
            raise NegotiationError(f"target for {issue_id}: a package can only reach agree, close, bridgeable or apart")
        index = next((m for m, s in enumerate(spaces) if s.issue.id == issue_id), None)
        if index is None:
            raise NegotiationError(f"target {issue_id}: not an issue both sides state and can move on")
        out.append((index, VERDICT_RANK[v]))
    return out


def _exhaustive(tables: _Tables, constant: float, total: float, steps_a: int, steps_b: int,
                target_idx: list[tuple[int, int]], balance: float | None, targeted: bool, pool: _Pool) -> int:
    alloc_a = allocations(tables.cap_a, steps_a)
    alloc_b = allocations(tables.cap_b, steps_b)
    m = len(tables.cap_a)
    block = max(1, 2_000_000 // max(1, len(alloc_b) * max(m, 1)))
    sb = alloc_b.sum(axis=1)
    for start in range(0, len(alloc_a), block):
        ka = np.repeat(alloc_a[start:start + block], len(alloc_b), axis=0)
        kb = np.tile(alloc_b, (min(block, len(alloc_a) - start), 1))
        conv, ca, cb, ok = _scores(tables, ka, kb, constant, total, target_idx, balance)
        steps = ka.sum(axis=1) + np.tile(sb, min(block, len(alloc_a) - start))
        pool.add(ka, kb, _sort_key(conv, ca, cb, steps, ok, targeted))
    return len(alloc_a) * len(alloc_b)


def _beam(tables: _Tables, constant: float, total: float, steps_a: int, steps_b: int,
          target_idx: list[tuple[int, int]], balance: float | None, targeted: bool, pool: _Pool,
          width: int) -> int:
    m = len(tables.cap_a)
    ka = np.zeros((1, m), dtype=np.int64)
    kb = np.zeros((1, m), dtype=np.int64)
    evaluated = 0
    eye = np.eye(m, dtype=np.int64)
    for _level in range(steps_a + steps_b):
        children_a, children_b = [], []
        for side in ("a", "b"):
            k = ka if side == "a" else kb
            cap = tables.cap_a if side == "a" else tables.cap_b
            limit = steps_a if side == "a" else steps_b
            grown = (k[:, None, :] + eye[None, :, :]).reshape(-1, m)
            parent = np.repeat(np.arange(len(k)), m)
            valid = (grown <= cap).all(axis=1) & (grown.sum(axis=1) <= limit)
            other = (kb if side == "a" else ka)[parent[valid]]
            children_a.append(grown[valid] if side == "a" else other)
            children_b.append(other if side == "a" else grown[valid])
        if not sum(len(c) for c in children_a):
            break
        ca_all, cb_all = np.concatenate(children_a), np.concatenate(children_b)
        both = np.unique(np.concatenate([ca_all, cb_all], axis=1), axis=0)
        ca_all, cb_all = both[:, :m], both[:, m:]
        conv, ca, cb, ok = _scores(tables, ca_all, cb_all, constant, total, target_idx, balance)
        evaluated += len(conv)
        steps = ca_all.sum(axis=1) + cb_all.sum(axis=1)
        pool.add(ca_all, cb_all, _sort_key(conv, ca, cb, steps, ok, targeted))
        # Keep the most promising (feasible or not: a target or balance may need more steps).
        guide = np.where(np.isnan(conv), -np.inf, conv) - (0.0 if balance is None else np.abs(ca - cb))
        order = np.lexsort((ca + cb, -guide))[:width]
        ka, kb = ca_all[order], cb_all[order]
    return evaluated


def side_name(doc: Document) -> str:
    """How a package names a side: the party of a position, otherwise the document's id."""
    return doc.authors[0] if doc.kind == "position" and doc.authors else doc.id


def _row(spaces: list[IssueSpace], a: Document, b: Document, ka: np.ndarray, kb: np.ndarray,
         conv: float, base: float, ca: float, cb: float) -> dict[str, Any]:
    name_a, name_b = side_name(a), side_name(b)
    moves: list[PackageStep] = []
    edits_a: list[Edit] = []
    edits_b: list[Edit] = []
    for m, space in enumerate(spaces):
        sides = (("a", ka[m], space.a, edits_a, name_a), ("b", kb[m], space.b, edits_b, name_b))
        for side, k, opts, edits, name in sides:
            if k:
                option = opts[int(k)]
                assert option.edit is not None and option.step is not None
                edits.append(option.edit)
                moves.append(PackageStep(side, name, space.issue.id, option.step))
    return {
        "rank": 0,
        "package": "",
        "convergence": conv,
        "gain": conv - base,
        "concession_a": ca,
        "concession_b": cb,
        "steps_a": int(ka.sum()),
        "steps_b": int(kb.sum()),
        "edits_a": tuple(edits_a),
        "edits_b": tuple(edits_b),
        "moves": tuple(moves),
    }


def evaluate_one_by_one(a: Document, b: Document, packages: Iterable[tuple[Iterable[Edit], Iterable[Edit]]],
                        taxonomy: Taxonomy | None = None) -> list[float]:
    """The convergence of packages applied with :func:`~negotiation.scenario` and :func:`~negotiation.compare`.

    The slow, obvious way, kept for tests and the benchmark to check the search against.
    """
    from negotiation.analysis.compare import compare
    from negotiation.analysis.scenarios import scenario

    taxonomy = taxonomy_of((a, b), taxonomy)
    out = []
    for edits_a, edits_b in packages:
        sa = scenario(a, edits_a, taxonomy=taxonomy)
        sb = scenario(b, edits_b, taxonomy=taxonomy)
        out.append(compare(sa, sb, taxonomy=taxonomy).summary.convergence)
    return out


__all__ = ["IssueSpace", "Option", "PackageStep", "allocations", "build_space", "evaluate_one_by_one", "search"]
