"""A redline of two versions of a plan, point by point, and the chain through many versions.

The lineage is data: a document that ``revises`` another names, for each of its points, the
points it comes from (``from:``) and the points it strikes (``struck:``). From that,
:func:`redline` gives every point of either document one fate:

========== ==================================================================
kept       one point to one point, same text, no stance moved
reworded   one to one, the text differs, no stance moved
changed    one to one, and a stance the point carries moved (which issue, how
           far, toward which pole: taken from :func:`~negotiation.analysis.concessions.concessions`,
           so the redline and the concessions never disagree)
merged     several points became one
split      one point became several
struck     the new version deletes the point
new        the point has no ancestor (``from: []``)
unaccounted the lineage does not say (the text is not public, or ``from:`` is missing)
========== ==================================================================

Two documents that revise the same ancestor (the E3 text and the 20 points both revise the
28 points) are lined up through it. Documents with no declared lineage are lined up by
:func:`~negotiation.analysis.align.align`, and the result says so.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal, overload

from negotiation.analysis.concessions import concession_rows
from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.errors import NegotiationError
from negotiation.model.labels import Lang
from negotiation.model.models import Corpus, Document, Taxonomy
from negotiation.render import i18n

if TYPE_CHECKING:
    import pandas as pd

Fate = Literal["kept", "reworded", "changed", "merged", "split", "struck", "new", "unaccounted"]
FATES: tuple[str, ...] = ("kept", "reworded", "changed", "merged", "split", "struck", "new", "unaccounted")
"""Every fate a point can have, in the order summaries list them."""

Basis = Literal["declared", "suggested"]


def fate_label(fate: str, lang: Lang = "en") -> str:
    """A fate's name in ``lang`` (English where no translation exists; see ``i18n.FATES``)."""
    return i18n.fate(fate, lang)


# --- stance moves, from the concessions engine


@dataclass(frozen=True)
class Move:
    """How one issue's stance moved between the two versions (one row of ``concessions``).

    ``change`` is ``moved``, ``added``, ``dropped`` or ``deferred``; ``toward`` the pole it
    moved toward (``low``/``high``, ``other`` on a set scale, ``none``); ``steps`` counts
    ordinal steps and ``distance`` is the move on the issue's 0–1 scale.
    """

    issue: str
    label: str
    before: str
    after: str
    change: str
    steps: int | None = None
    distance: float | None = None
    toward: str = "none"
    closer_to: str | None = None

    def describe(self, taxonomy: Taxonomy | None = None, lang: Lang = "en", reference: str = "the reference") -> str:
        """One readable phrase: ``NATO membership: barred → open door, 2 steps toward …``.

        With a reference position (``toward=``), it also says whether the move came closer to
        ``reference`` (``RU@2025-12-23``) or went further from it.
        """
        if self.change == "added":
            return f"{self.label}: + {self.after}"
        if self.change == "dropped":
            return f"{self.label}: {self.before} → (silent)"
        if self.change == "deferred":
            return f"{self.label}: {self.before or '—'} → {self.after or '—'} (deferred)"
        text = f"{self.label}: {self.before} → {self.after}"
        how = []
        if self.steps:
            how.append(f"{self.steps} step{'s' if self.steps != 1 else ''}")
        elif self.distance:
            how.append(f"{self.distance:.2f} of the scale")
        if self.toward in ("low", "high") and taxonomy is not None:
            pole = getattr(taxonomy.poles, self.toward)
            how.append(f"toward {pole.label(lang)}")
        elif self.toward in ("low", "high"):
            how.append(f"toward the {self.toward} pole")
        if self.closer_to == "yes":
            how.append(f"closer to {reference}")
        elif self.closer_to == "no":
            how.append(f"further from {reference}")
        return text + (f" ({', '.join(how)})" if how else "")


def _moves(rows: Iterable[Mapping[str, Any]]) -> dict[str, Move]:
    """The issues that moved, from the rows of :func:`~negotiation.analysis.concessions.concession_rows`."""
    out = {}
    for rec in rows:
        if rec["change"] == "unchanged":
            continue
        steps, dist, closer = rec["steps"], rec["distance"], rec["closer_to"]
        out[str(rec["issue"])] = Move(
            issue=str(rec["issue"]),
            label=str(rec["issue_label"]),
            before=str(rec["from_label"] or ""),
            after=str(rec["to_label"] or ""),
            change=str(rec["change"]),
            steps=None if steps is None else int(steps),
            distance=None if dist is None else float(dist),
            toward=str(rec["toward"]),
            closer_to=None if closer is None else str(closer),
        )
    return out


# --- lineage between two documents


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


@dataclass(frozen=True)
class Lineage:
    """Which points of ``old`` and ``new`` correspond, and how that is known.

    ``links`` pairs an old point with a new one; ``struck`` holds old points the new
    version deletes (with the note that says how that is known); ``new_points`` the points
    of the new version that have no ancestor; ``basis`` is ``declared`` (from ``revises:``,
    ``from:`` and ``struck:``) or ``suggested`` (from :func:`~negotiation.analysis.align.align`);
    ``via`` names the shared ancestor when the two documents are lined up through one.
    """

    old: str
    new: str
    links: frozenset[tuple[str, str]]
    struck: Mapping[str, str] = field(default_factory=dict)
    new_points: Mapping[str, str] = field(default_factory=dict)
    basis: Basis = "declared"
    via: str | None = None


def _chain(doc: Document, lookup: Mapping[str, Document]) -> list[str]:
    """``doc``'s id and the ids it revises, transitively (as far as ``lookup`` knows them)."""
    ids = [doc.id]
    cursor: Document | None = doc
    while cursor is not None and cursor.revises and cursor.revises not in ids:
        ids.append(cursor.revises)
        cursor = lookup.get(cursor.revises)
    return ids


def _roots(doc: Document, key: str, ancestor: str, lookup: Mapping[str, Document]) -> frozenset[str] | None:
    """The points of ``ancestor`` that ``doc``'s point ``key`` comes from; None if not declared."""
    if doc.id == ancestor:
        return frozenset({key})
    point = doc.points.get(key)
    if point is None or point.from_ is None or doc.revises is None:
        return None
    if doc.revises == ancestor:
        return frozenset(point.from_)
    parent = lookup.get(doc.revises)
    if parent is None:
        return None
    parts = [_roots(parent, k, ancestor, lookup) for k in point.from_]
    known = [p for p in parts if p is not None]
    if point.from_ and not known:
        return None
    return frozenset().union(*known)


def _struck_since(doc: Document, ancestor: str, lookup: Mapping[str, Document]) -> dict[str, str]:
    """Points of ``ancestor`` struck on the way down to ``doc``, with their notes."""
    if doc.id == ancestor or doc.revises is None:
        return {}
    parent = lookup.get(doc.revises)
    out = _struck_since(parent, ancestor, lookup) if parent is not None else {}
    for key, note in doc.struck.items():
        roots = frozenset({key}) if doc.revises == ancestor else (
            _roots(parent, key, ancestor, lookup) if parent is not None else None
        )
        for r in roots or ():
            out[r] = note or f"struck in {doc.id}"
    return out


def lineage(old: Document, new: Document, *, corpus: Corpus | Iterable[Document] | None = None) -> Lineage:
    """The declared correspondence of ``old``'s and ``new``'s points (or a suggested one).

    Declared lineage is followed from either document to their nearest shared ancestor (the
    other document itself when one revises the other); ``corpus`` supplies documents in
    between. Without a shared ancestor the points are lined up by
    :func:`~negotiation.analysis.align.align`, and ``basis`` is ``suggested``.
    """
    lookup: dict[str, Document] = {old.id: old, new.id: new}
    if corpus is not None:
        for d in corpus:
            lookup.setdefault(d.id, d)
    declared = _declared_lineage(old, new, lookup)
    if declared is not None:
        return declared
    from negotiation.analysis.align import align

    found = align(old, new)
    linked_old = {o for o, _ in found.links}
    linked_new = {n for _, n in found.links}
    return Lineage(
        old=old.id, new=new.id, links=frozenset(found.links),
        struck={k: "no match suggested" for k in old.points if k not in linked_old},
        new_points={k: "no match suggested" for k in new.points if k not in linked_new},
        basis="suggested",
    )


def _declared_lineage(old: Document, new: Document, lookup: Mapping[str, Document]) -> Lineage | None:
    """The lineage declared through the nearest shared ancestor of ``old`` and ``new``; None without one.

    ``lookup`` maps ids to the documents the declared lineage may pass through.
    """
    up_old, up_new = _chain(old, lookup), _chain(new, lookup)
    ancestor = next((i for i in up_new if i in up_old), None)
    if ancestor is None:
        return None
    roots_old = {k: _roots(old, k, ancestor, lookup) for k in old.points}
    roots_new = {k: _roots(new, k, ancestor, lookup) for k in new.points}
    links = frozenset(
        (p, q)
        for p, rp in roots_old.items() if rp
        for q, rq in roots_new.items() if rq and rp & rq
    )
    struck_in_new = _struck_since(new, ancestor, lookup)
    struck_in_old = _struck_since(old, ancestor, lookup)
    linked_old = {p for p, _ in links}
    linked_new = {q for _, q in links}
    struck: dict[str, str] = {}
    for p, rp in roots_old.items():
        if p in linked_old or rp is None:
            continue
        if rp and rp <= struck_in_new.keys():
            struck[p] = "; ".join(dict.fromkeys(struck_in_new[r] for r in sorted(rp)))
        elif not rp and ancestor == new.id:
            struck[p] = f"added in {old.id}, absent from {new.id}"
    new_points: dict[str, str] = {}
    for q, rq in roots_new.items():
        if q in linked_new or rq is None:
            continue
        if not rq:
            new_points[q] = new.points[q].note or ""
        elif rq <= struck_in_old.keys():
            new_points[q] = f"restores point {', '.join(sorted(rq))} of {ancestor}, struck in {old.id}"
    via = ancestor if ancestor not in (old.id, new.id) else None
    return Lineage(old=old.id, new=new.id, links=links, struck=struck, new_points=new_points, via=via)


# --- the redline


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True)
class RedlineRow:
    """One line of a redline: points of the old version, points of the new, and their fate.

    Every point of either document is in exactly one row. A row with no points carries a
    stance move that no point of either document is cited for (``fate`` ``changed``).
    """

    old: tuple[str, ...]
    new: tuple[str, ...]
    fate: str
    old_text: str
    new_text: str
    issues: tuple[str, ...] = ()
    moves: tuple[Move, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Redline:
    """The point-by-point redline of ``old`` → ``new`` (see :func:`redline`).

    ``rows`` follow the old document's order, new points placed after their neighbours;
    ``moves`` holds every issue that moved (the concessions of ``old`` → ``new``);
    ``lineage`` says how the points were lined up.
    """

    old: Document
    new: Document
    rows: tuple[RedlineRow, ...]
    moves: Mapping[str, Move]
    lineage: Lineage
    taxonomy: Taxonomy
    reference: str | None = None
    """The id of the ``toward`` position the moves are measured against, if any."""

    def counts(self) -> dict[str, int]:
        """How many rows have each fate (rows that carry only a stance move not counted)."""
        out = {f: 0 for f in FATES}
        for row in self.rows:
            if row.old or row.new:
                out[row.fate] += 1
        return {k: v for k, v in out.items() if v}

    def fate_of(self, key: str, side: Literal["old", "new"] = "old") -> str:
        """The fate of point ``key`` of the old (or new) document."""
        for row in self.rows:
            if key in (row.old if side == "old" else row.new):
                return row.fate
        raise KeyError(f"{self.old.id if side == 'old' else self.new.id} has no point {key!r}")

    def title(self, lang: Lang = "en") -> str:
        """``Redline: <old title> (id) → <new title> (id)``, in ``lang``."""
        return i18n.say("redline_title", lang, old=f"{self.old.label(lang)} ({self.old.id})",
                        new=f"{self.new.label(lang)} ({self.new.id})")

    def summary(self, lang: Lang = "en") -> list[str]:
        """Lines under the table: the fates counted, how the points were lined up, the moves."""
        counts = ", ".join(f"{v} {fate_label(k, lang)}" for k, v in self.counts().items())
        lines = [f"{len(self.old.points)} points → {len(self.new.points)} points: {counts or 'no points'}"]
        if not (self.old.points or self.new.points):
            lines[0] = "Neither document has numbered points: only the stance moves are listed."
        elif self.lineage.basis == "suggested":
            lines.append("No declared lineage: points lined up by `negotiation align` (suggested, not reported).")
        elif self.lineage.via:
            lines.append(f"Both revise {self.lineage.via}; points lined up through it.")
        moved = [m for m in self.moves.values() if m.change == "moved"]
        low = sum(m.toward == "low" for m in moved)
        high = sum(m.toward == "high" for m in moved)
        poles = self.taxonomy.poles
        lines.append(
            f"{len(moved)} issues moved: {low} toward {poles.low.label(lang)}, {high} toward {poles.high.label(lang)}; "
            f"{sum(m.change == 'added' for m in self.moves.values())} added, "
            f"{sum(m.change == 'dropped' for m in self.moves.values())} dropped, "
            f"{sum(m.change == 'deferred' for m in self.moves.values())} deferred or no longer deferred"
        )
        return lines

    def to_records(self, lang: Lang = "en") -> list[dict[str, Any]]:
        """One mapping per row: point keys, fate (and its label), both texts, the moves, the note."""
        reference = self.reference or "the reference"
        return [
            {
                "old": list(r.old),
                "new": list(r.new),
                "fate": r.fate,
                "fate_label": fate_label(r.fate, lang),
                "old_text": r.old_text,
                "new_text": r.new_text,
                "changes": "; ".join(m.describe(self.taxonomy, lang, reference) for m in r.moves),
                "issues": list(r.issues),
                "moved": [m.issue for m in r.moves],
                "note": r.note,
            }
            for r in self.rows
        ]

    COLUMNS = ("old", "new", "fate", "old_text", "new_text", "changes")
    """The columns people read; the records also carry ``issues``, ``moved`` and ``note``."""

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """The rows as a DataFrame (every key of :meth:`to_records`)."""
        import pandas as pd

        frame: pd.DataFrame = pd.DataFrame(self.to_records(lang))
        return frame

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """The whole redline as JSON-ready data: both documents, the lineage, rows, moves."""
        return {
            "old": {"id": self.old.id, "title": self.old.label(lang), "date": self.old.date.isoformat()},
            "new": {"id": self.new.id, "title": self.new.label(lang), "date": self.new.date.isoformat()},
            "lineage": {"basis": self.lineage.basis, "via": self.lineage.via},
            "counts": self.counts(),
            "rows": self.to_records(lang),
            "moves": [
                {"issue": m.issue, "label": m.label, "from": m.before, "to": m.after, "change": m.change,
                 "steps": m.steps, "distance": m.distance, "toward": m.toward, "closer_to": m.closer_to}
                for m in self.moves.values()
            ],
        }

    def to_html(self, lang: Lang = "en", *, page: bool = False) -> str:
        """The redline as HTML: struck words in ``<del>``, inserted words in ``<ins>``.

        ``page=True`` gives a whole UTF-8 page; otherwise a ``<table>`` for a notebook.
        """
        from negotiation.render.redline import redline_html

        return redline_html(self, lang, page=page)

    def _repr_html_(self) -> str:
        return self.to_html()

    def filter(self, areas: Iterable[str]) -> Redline:
        """Only the rows whose points carry a stance on an issue of ``areas``."""
        wanted = set(areas)
        rows = tuple(r for r in self.rows if any(i.split(".", 1)[0] in wanted for i in r.issues))
        return Redline(self.old, self.new, rows, self.moves, self.lineage, self.taxonomy, self.reference)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Any:
        return iter(self.rows)

    def __repr__(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.counts().items())
        return f"Redline({self.old.id!r} → {self.new.id!r}: {counts})"


class _Groups:
    """Points joined into groups (union-find): linked points end in one group."""

    def __init__(self) -> None:
        self.parent: dict[tuple[Any, str], tuple[Any, str]] = {}

    def find(self, x: tuple[Any, str]) -> tuple[Any, str]:
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, nodes: Sequence[tuple[Any, str]]) -> None:
        for n in nodes[1:]:
            self.parent[self.find(n)] = self.find(nodes[0])


def _components(old_keys: Sequence[str], new_keys: Sequence[str],
                links: Iterable[tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
    """Groups of linked points (connected components of the link graph), keys in document order."""
    g = _Groups()
    for p, q in links:
        g.join([("old", p), ("new", q)])
    groups: dict[tuple[Any, str], tuple[list[str], list[str]]] = {}
    for k in old_keys:
        groups.setdefault(g.find(("old", k)), ([], []))[0].append(k)
    for k in new_keys:
        groups.setdefault(g.find(("new", k)), ([], []))[1].append(k)
    return list(groups.values())


def _text(doc: Document, keys: Sequence[str]) -> str:
    if len(keys) == 1:
        return doc.points[keys[0]].text
    return " ".join(f"({k}) {doc.points[k].text}" for k in keys)


@overload
def redline(
    old: Document, new: Document, *, corpus: Corpus | Iterable[Document] | None = None,
    toward: Document | None = None, taxonomy: Taxonomy | None = None, lang: Lang = "en",
) -> Redline: ...


@overload
def redline(
    old: Document, new: Document, *more: Document, corpus: Corpus | Iterable[Document] | None = None,
    toward: Document | None = None, taxonomy: Taxonomy | None = None, lang: Lang = "en",
) -> Redline | RedlineChain: ...


def redline(
    old: Document,
    new: Document,
    *more: Document,
    corpus: Corpus | Iterable[Document] | None = None,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> Redline | RedlineChain:
    """The point-by-point redline of ``old`` → ``new``; with more documents, the chain.

    Every point of either document gets one row and a fate (kept, reworded, changed, merged,
    split, struck, new, unaccounted). A point is ``changed`` when a stance that cites it
    moved; the moves are the rows of :func:`~negotiation.analysis.concessions.concessions`
    for the same two documents (``toward`` passed on), so the two always agree. Moves on
    issues no point is cited for get a row of their own.

    Parameters
    ----------
    old, new : Document
        Two versions; ``new`` usually ``revises`` ``old`` or shares an ancestor with it.
    *more : Document
        Further versions: ``redline(a, b, c, d)`` is :func:`redline_chain` of the four.
    corpus : Corpus or documents, optional
        Where to find documents between a version and its ancestor.
    toward : Document, optional
        A reference position: each move also says whether it came closer to it.

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> red = ng.redline(corpus["us-28-point-2025-11"], corpus["us-20-point-2025-12"])
    >>> red.fate_of("7")
    'struck'
    """
    if more:
        return redline_chain([old, new, *more], corpus=corpus, toward=toward, taxonomy=taxonomy, lang=lang)
    return _redline(old, new, corpus=corpus, toward=toward, taxonomy=taxonomy, lang=lang)


def _redline(
    old: Document,
    new: Document,
    *,
    corpus: Corpus | Iterable[Document] | None = None,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> Redline:
    tax = taxonomy_of((old, new), taxonomy if taxonomy is not None else getattr(corpus, "taxonomy", None))
    found = lineage(old, new, corpus=corpus)
    moves = _moves(concession_rows(old, new, toward=toward, taxonomy=tax, lang=lang))
    issues_old, issues_new = point_issues(old), point_issues(new)
    order_old = {k: i for i, k in enumerate(old.points)}
    order_new = {k: i for i, k in enumerate(new.points)}
    placed: set[str] = set()
    rows: list[tuple[tuple[float, int, float], RedlineRow]] = []
    groups = _components(list(old.points), list(new.points), found.links)
    # New-only rows follow the row holding the previous point of the new document.
    anchor: dict[str, float] = {}
    for olds, news in groups:
        if olds:
            for q in news:
                anchor[q] = min(order_old[p] for p in olds)
    last = -1.0
    for q in new.points:
        last = anchor.get(q, last)
        anchor[q] = last
    for olds, news in groups:
        cited = [i for p in olds for i in issues_old[p]] + [i for q in news for i in issues_new[q]]
        issues = tuple(dict.fromkeys(cited))
        row_moves = tuple(moves[i] for i in issues if i in moves)
        placed.update(m.issue for m in row_moves)
        notes = [new.points[q].note for q in news if new.points[q].note]
        if not news:
            fate = "struck" if olds[0] in found.struck else "unaccounted"
            notes.append(found.struck.get(olds[0], ""))
        elif not olds:
            fate = "new" if news[0] in found.new_points else "unaccounted"
            notes.append(found.new_points.get(news[0], ""))
        elif len(olds) > 1 and len(olds) >= len(news):
            fate = "merged"
        elif len(news) > 1:
            fate = "split"
        elif row_moves:
            fate = "changed"
        elif _norm(old.points[olds[0]].text) == _norm(new.points[news[0]].text):
            fate = "kept"
        else:
            fate = "reworded"
        key = (
            (min(order_old[p] for p in olds), 0, min((order_new[q] for q in news), default=-1))
            if olds else (anchor[news[0]], 1, order_new[news[0]])
        )
        row = RedlineRow(
            old=tuple(olds), new=tuple(news), fate=fate,
            old_text=_text(old, olds), new_text=_text(new, news),
            issues=issues, moves=row_moves, note="; ".join(dict.fromkeys(n for n in notes if n)),
        )
        rows.append((key, row))
    rows.sort(key=lambda kr: kr[0])
    unplaced = [
        RedlineRow(old=(), new=(), fate="changed", old_text="", new_text="", issues=(m.issue,), moves=(m,),
                   note="the stances cite no point of either document")
        for i, m in moves.items() if i not in placed
    ]
    rows_all = tuple(r for _, r in rows) + tuple(unplaced)
    return Redline(old, new, rows_all, moves, found, tax, toward.id if toward is not None else None)


# --- the chain


@dataclass(frozen=True)
class Thread:
    """One point followed through every version of a chain.

    ``points[i]`` are the keys of the point(s) in document ``i`` (empty where it has none);
    ``fates[i]`` is how it arrived in document ``i`` from the document it is redlined against
    (the previous one, or the first; ``""`` for the first document, and where the thread had
    no point in either).
    """

    points: tuple[tuple[str, ...], ...]
    fates: tuple[str, ...]
    text: str
    issues: tuple[str, ...]


@dataclass(frozen=True)
class RedlineChain:
    """A point followed through several versions (see :func:`redline_chain`).

    ``steps`` are the redlines of each document against the previous one (or, with
    ``base="first"``, against the first); ``threads`` follow each point from version to
    version.
    """

    documents: tuple[Document, ...]
    steps: tuple[Redline, ...]
    threads: tuple[Thread, ...]
    base: Literal["previous", "first"] = "previous"

    def column(self, i: int) -> str:
        """The column name of document ``i``: its id without the trailing ``-YYYY-MM``."""
        return re.sub(r"-\d{4}(-\d{2}){0,2}$", "", self.documents[i].id) or self.documents[i].id

    def to_records(self, lang: Lang = "en") -> list[dict[str, Any]]:
        """One mapping per thread: the first text, then per document its points and fate."""
        out = []
        for t in self.threads:
            rec: dict[str, Any] = {"point": t.text}
            for i, (keys, fate) in enumerate(zip(t.points, t.fates, strict=True)):
                cell = ", ".join(keys) if keys else "—"
                if i and fate:
                    cell += f" {fate_label(fate, lang)}"
                elif i and not keys:
                    cell = ""
                rec[self.column(i)] = cell
            rec["issues"] = list(t.issues)
            out.append(rec)
        return out

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """The threads as a DataFrame."""
        import pandas as pd

        frame: pd.DataFrame = pd.DataFrame(self.to_records(lang))
        return frame

    @property
    def columns(self) -> list[str]:
        """The columns people read: the point's text, then one per document."""
        return ["point", *(self.column(i) for i in range(len(self.documents)))]

    def title(self, lang: Lang = "en") -> str:
        """``Redline chain: a → b → c`` (or ``Redline against a: b, c``)."""
        if self.base == "first":
            return f"Redline against {self.documents[0].id}: " + ", ".join(d.id for d in self.documents[1:])
        return "Redline chain: " + " → ".join(d.id for d in self.documents)

    def summary(self, lang: Lang = "en") -> list[str]:
        """One line per step: its fates counted and how its points were lined up."""
        lines = []
        for step in self.steps:
            counts = ", ".join(f"{v} {fate_label(k, lang)}" for k, v in step.counts().items())
            how = {"suggested": " (suggested by align)"}.get(step.lineage.basis, "")
            how = how or (f" (through {step.lineage.via})" if step.lineage.via else "")
            lines.append(f"{step.old.id} → {step.new.id}{how}: {counts}")
        return lines

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """The chain as JSON-ready data: documents, threads, and every step's redline."""
        return {
            "documents": [d.id for d in self.documents],
            "threads": [
                {"text": t.text, "points": [list(p) for p in t.points], "fates": list(t.fates),
                 "issues": list(t.issues)}
                for t in self.threads
            ],
            "steps": [s.to_json(lang) for s in self.steps],
        }

    def filter(self, areas: Iterable[str]) -> RedlineChain:
        """Only the threads whose points carry a stance on an issue of ``areas``."""
        wanted = set(areas)
        threads = tuple(t for t in self.threads if any(i.split(".", 1)[0] in wanted for i in t.issues))
        return RedlineChain(self.documents, self.steps, threads, self.base)

    def __len__(self) -> int:
        return len(self.threads)

    def __iter__(self) -> Any:
        return iter(self.threads)


def redline_chain(
    documents: Sequence[Document],
    *,
    base: Literal["previous", "first"] = "previous",
    corpus: Corpus | Iterable[Document] | None = None,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> RedlineChain:
    """Follow every point through several versions, in the order given.

    Each version is redlined against the one before it (``base="previous"``, a chain of
    revisions) or against the first (``base="first"``: several answers to one plan, such as
    the E3 redline, the 20 points and the European 24 points beside the US 28 points). A
    thread joins the points that correspond, by declared lineage between any two of the
    documents or by the redline of neighbours, so ``28-point 21 → E3 21 → 20-point 14``
    reads as one line even where a version in between has no public points.

    Examples
    --------
    >>> import negotiation as ng
    >>> c = ng.load()
    >>> chain = ng.redline_chain([c[i] for i in ("us-28-point-2025-11", "e3-counterproposal-2025-11",
    ...                                          "us-20-point-2025-12")])
    >>> len(chain.steps)
    2
    """
    docs = tuple(documents)
    if len(docs) < 2:
        raise NegotiationError("a redline needs at least two documents")
    if base not in ("previous", "first"):
        raise NegotiationError(f"base must be 'previous' or 'first', not {base!r}")
    pool = list(corpus) if corpus is not None else []
    pool += [d for d in docs if d not in pool]
    known: dict[str, Document] = {}  # as lineage() looks documents up: the pair first, then the pool
    for d in pool:
        known.setdefault(d.id, d)
    tax = taxonomy if taxonomy is not None else getattr(corpus, "taxonomy", None)
    pairs = list(pairwise(range(len(docs)))) if base == "previous" else [(0, j) for j in range(1, len(docs))]
    steps = tuple(
        _redline(docs[i], docs[j], corpus=pool, toward=toward, taxonomy=tax, lang=lang) for i, j in pairs
    )
    if base == "first":
        return RedlineChain(docs, steps, _threads_from_first(docs, steps), base)
    g = _Groups()
    find, join = g.find, g.join
    for (i, j), step in zip(pairs, steps, strict=True):
        for row in step.rows:
            join([(i, k) for k in row.old] + [(j, k) for k in row.new])
    stepped = set(pairs)
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if (i, j) in stepped:
                continue
            found = _declared_lineage(docs[i], docs[j], ChainMap({docs[i].id: docs[i], docs[j].id: docs[j]}, known))
            if found is not None:
                for p, q in found.links:
                    join([(i, p), (j, q)])
    order = [{k: n for n, k in enumerate(d.points)} for d in docs]
    groups: dict[tuple[int, str], list[tuple[int, str]]] = {}
    sequence: list[tuple[int, str]] = []
    for i, doc in enumerate(docs):
        previous: tuple[int, str] | None = None
        for k in doc.points:
            root = find((i, k))
            groups.setdefault(root, []).append((i, k))
            if root not in sequence:  # a thread first met here follows the thread of the point before
                sequence.insert(sequence.index(previous) + 1 if previous in sequence else len(sequence), root)
            previous = root
    issues_of = [point_issues(d) for d in docs]
    threads = []
    for root in sequence:
        members = groups[root]
        keys = tuple(tuple(k for j, k in members if j == i) for i in range(len(docs)))
        fates = [""]
        for (i, j), step in zip(pairs, steps, strict=True):
            touched = [r.fate for r in step.rows if set(r.old) & set(keys[i]) or set(r.new) & set(keys[j])]
            fates.append("/".join(dict.fromkeys(touched)))
        first = min(members, key=lambda m: (m[0], order[m[0]][m[1]]))
        issues = tuple(dict.fromkeys(x for i, k in sorted(members) for x in issues_of[i][k]))
        threads.append(Thread(keys, tuple(fates), docs[first[0]].points[first[1]].text, issues))
    return RedlineChain(docs, steps, tuple(threads), base)


def _threads_from_first(docs: Sequence[Document], steps: Sequence[Redline]) -> tuple[Thread, ...]:
    """One thread per point of the first document; points of the others with no ancestor there follow."""
    issues_of = [point_issues(d) for d in docs]
    n = len(docs)
    threads: list[Thread] = []
    for k in docs[0].points:
        keys: list[tuple[str, ...]] = [(k,)] + [()] * (n - 1)
        fates = [""] * n
        for j, step in enumerate(steps, start=1):
            for row in step.rows:
                if k in row.old:
                    keys[j], fates[j] = row.new, row.fate
        issues = tuple(dict.fromkeys(x for i in range(n) for key in keys[i] for x in issues_of[i][key]))
        threads.append(Thread(tuple(keys), tuple(fates), docs[0].points[k].text, issues))
    for j, step in enumerate(steps, start=1):
        for row in step.rows:
            if row.old or not row.new:
                continue
            keys = [()] * n
            keys[j] = row.new
            fates = [""] * n
            fates[j] = row.fate
            issues = tuple(dict.fromkeys(x for key in row.new for x in issues_of[j][key]))
            threads.append(Thread(tuple(keys), tuple(fates), docs[j].points[row.new[0]].text, issues))
    return tuple(threads)
