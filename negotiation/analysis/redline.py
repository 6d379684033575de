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
:func:`~negotiation.analysis.align.align`, and the result says so. How points correspond is
:mod:`negotiation.analysis.lineage`; a point followed through many versions is
:mod:`negotiation.analysis.chain`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, overload

from negotiation.analysis.concessions import concession_rows
from negotiation.analysis.lineage import Lineage, components, lineage
from negotiation.analysis.points import point_issues
from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.delegates import delegate
from negotiation.model.arguments import CORPUS_OR_DOCUMENTS, DOCUMENT, LANG, TAXONOMY, takes
from negotiation.model.frozen import freeze_fields
from negotiation.model.labels import Lang
from negotiation.model.models import Corpus, Document, Taxonomy

if TYPE_CHECKING:
    import pandas as pd

    from negotiation.analysis.chain import RedlineChain

Fate = Literal["kept", "reworded", "changed", "merged", "split", "struck", "new", "unaccounted"]
FATES: tuple[str, ...] = ("kept", "reworded", "changed", "merged", "split", "struck", "new", "unaccounted")
"""Every fate a point can have, in the order summaries list them."""


def fate_label(fate: str, lang: Lang = "en") -> str:
    """A fate's name in ``lang`` (:func:`negotiation.render.redline.fate_label`)."""
    return delegate("negotiation.render.redline:fate_label")(fate, lang)  # type: ignore[no-any-return]


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

    def describe(self, taxonomy: Taxonomy | None = None, lang: Lang = "en", reference: str | None = None) -> str:
        """One readable phrase: ``NATO membership: barred → open door (2 steps, toward …)``.

        With a reference position (``toward=``), it also says whether the move came closer to
        ``reference`` (``RU@2025-12-23``) or went further from it. Written by
        :func:`negotiation.render.redline.move_text`.
        """
        return delegate("negotiation.render.redline:move_text")(self, taxonomy, lang, reference)  # type: ignore[no-any-return]


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

    __post_init__ = freeze_fields  # moves is read-only
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
        return delegate("negotiation.render.redline:redline_title")(self, lang)  # type: ignore[no-any-return]

    def summary(self, lang: Lang = "en") -> list[str]:
        """Lines under the table: the fates counted, how the points were lined up, the moves."""
        return delegate("negotiation.render.redline:redline_summary")(self, lang)  # type: ignore[no-any-return]

    def to_records(self, lang: Lang = "en") -> list[dict[str, Any]]:
        """One mapping per row: point keys, fate (and its label), both texts, the moves, the note."""
        return delegate("negotiation.render.redline:redline_records")(self, lang)  # type: ignore[no-any-return]

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
        return delegate("negotiation.render.redline:redline_html")(self, lang, page=page)  # type: ignore[no-any-return]

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


@takes(old=DOCUMENT, new=DOCUMENT, more=DOCUMENT, corpus=CORPUS_OR_DOCUMENTS.or_none(), toward=DOCUMENT.or_none(),
       taxonomy=TAXONOMY, lang=LANG)
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
        from negotiation.analysis.chain import redline_chain

        return redline_chain([old, new, *more], corpus=corpus, toward=toward, taxonomy=taxonomy, lang=lang)
    return redline_pair(old, new, corpus=corpus, toward=toward, taxonomy=taxonomy, lang=lang)


def redline_pair(
    old: Document,
    new: Document,
    *,
    corpus: Corpus | Iterable[Document] | None = None,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> Redline:
    """The redline of exactly two documents (:func:`redline` without ``*more``): always a :class:`Redline`."""
    tax = taxonomy_of((old, new), taxonomy if taxonomy is not None else getattr(corpus, "taxonomy", None))
    found = lineage(old, new, corpus=corpus)
    moves = _moves(concession_rows(old, new, toward=toward, taxonomy=tax, lang=lang))
    issues_old, issues_new = point_issues(old), point_issues(new)
    order_old = {k: i for i, k in enumerate(old.points)}
    order_new = {k: i for i, k in enumerate(new.points)}
    placed: set[str] = set()
    rows: list[tuple[tuple[float, int, float], RedlineRow]] = []
    groups = components(list(old.points), list(new.points), found.links)
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
        RedlineRow(old=(), new=(), fate="changed", old_text="", new_text="", issues=(m.issue,), moves=(m,))
        for i, m in moves.items() if i not in placed
    ]
    rows_all = tuple(r for _, r in rows) + tuple(unplaced)
    return Redline(old, new, rows_all, moves, found, tax, toward.id if toward is not None else None)


def __getattr__(name: str) -> Any:
    # The chain and the point helpers moved to their own modules; older imports keep working.
    if name in ("RedlineChain", "Thread", "redline_chain"):
        from negotiation.analysis import chain

        return getattr(chain, name)
    if name in ("point_of",):
        from negotiation.analysis import points

        return getattr(points, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
