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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from negotiation.analysis.concessions import concession_moves
from negotiation.analysis.lineage import Basis, Lineage, LineageNote, NoteKind, components, lineage
from negotiation.analysis.points import point_issues
from negotiation.analysis.results import LinesSummary, ResultViews, deprecated_to_json
from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.delegates import delegate
from negotiation.model.arguments import CORPUS_OR_DOCUMENTS, DOCUMENT, LANG, TAXONOMY, takes
from negotiation.model.frozen import freeze_fields
from negotiation.model.labels import Lang
from negotiation.model.models import Corpus, Document, Issue, Poles, Stance, Taxonomy

if TYPE_CHECKING:
    import pandas as pd

Fate = Literal["kept", "reworded", "changed", "merged", "split", "struck", "new", "unaccounted"]
FATES: tuple[str, ...] = ("kept", "reworded", "changed", "merged", "split", "struck", "new", "unaccounted")
"""Every fate a point can have, in the order summaries list them."""


def fate_label(fate: str, lang: Lang = "en") -> str:
    """A fate's name in ``lang`` (:func:`negotiation.render.redline.fate_label`)."""
    return delegate("negotiation.render.redline:fate_label")(fate, lang)  # type: ignore[no-any-return]


# --- stance moves, from the concessions engine


@dataclass(frozen=True)
class Move:
    """How one issue's stance moved between the two versions (one row of ``concessions``): data.

    ``change`` is ``moved``, ``added``, ``dropped`` or ``deferred``; ``toward`` the pole it
    moved toward (``low``/``high``, ``other`` on a set scale, ``none``); ``steps`` counts
    ordinal steps and ``distance`` is the move on the issue's 0–1 scale. ``from_`` and ``to``
    are the plain values (None where not stated), ``before_stance`` and ``after_stance`` the
    stances themselves; the words (:meth:`describe`, :attr:`label`, :attr:`before`,
    :attr:`after`) are written by :mod:`negotiation.render.redline` in the language asked for.
    """

    issue: str
    change: str
    steps: int | None = None
    distance: float | None = None
    toward: str = "none"
    closer_to: str | None = None
    from_: Any = None
    to: Any = None
    subject: Issue | None = field(default=None, repr=False, compare=False)
    """The issue (its labels and scale), for the words."""
    before_stance: Stance | None = field(default=None, repr=False)
    after_stance: Stance | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        freeze_fields(self)  # from_ and to (plain values: lists, mappings) are read-only

    def describe(self, taxonomy: Taxonomy | None = None, lang: Lang = "en", reference: str | None = None) -> str:
        """One readable phrase: ``NATO membership: barred → open door (2 steps, toward …)``.

        With a reference position (``toward=``), it also says whether the move came closer to
        ``reference`` (``RU@2025-12-23``) or went further from it. Written by
        :func:`negotiation.render.redline.move_text`.
        """
        return delegate("negotiation.render.redline:move_text")(self, taxonomy, lang, reference)  # type: ignore[no-any-return]

    @property
    def label(self) -> str:
        """The issue's label in English (:func:`negotiation.render.redline.move_words` for others)."""
        return str(delegate("negotiation.render.redline:move_words")(self, "en")[0])

    @property
    def before(self) -> str:
        """The stance before, in English words ("" where there was none)."""
        return str(delegate("negotiation.render.redline:move_words")(self, "en")[1])

    @property
    def after(self) -> str:
        """The stance after, in English words ("" where there is none)."""
        return str(delegate("negotiation.render.redline:move_words")(self, "en")[2])


def _moves(old: Document, new: Document, rows: Iterable[Mapping[str, Any]], taxonomy: Taxonomy) -> dict[str, Move]:
    """The issues that moved, from the rows of :func:`~negotiation.analysis.concessions.concession_moves`."""
    out = {}
    for rec in rows:
        if rec["change"] == "unchanged":
            continue
        issue, steps, dist, closer = str(rec["issue"]), rec["steps"], rec["distance"], rec["closer_to"]
        out[issue] = Move(
            issue=issue,
            change=str(rec["change"]),
            steps=None if steps is None else int(steps),
            distance=None if dist is None else float(dist),
            toward=str(rec["toward"]),
            closer_to=None if closer is None else str(closer),
            from_=rec["from"], to=rec["to"], subject=taxonomy.issues[issue],
            before_stance=old.stances.get(issue), after_stance=new.stances.get(issue),
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
    ``notes`` say how the fate is known, as data (:class:`~negotiation.analysis.lineage.LineageNote`):
    the documents' own notes, or a kind of sentence and the ids it names.
    """

    old: tuple[str, ...]
    new: tuple[str, ...]
    fate: str
    old_text: str
    new_text: str
    issues: tuple[str, ...] = ()
    moves: tuple[Move, ...] = ()
    notes: tuple[LineageNote, ...] = ()

    @property
    def note(self) -> str:
        """The notes in English, joined by ``; `` (:func:`negotiation.render.redline.notes_text` for others)."""
        text: str = delegate("negotiation.render.redline:notes_text")(self.notes, "en")
        return text


@dataclass(frozen=True)
class RedlineSummary(LinesSummary):
    """A redline's ``summary``: its points and fates counted, how they were lined up, the moves.

    Data only; :meth:`Redline.summary_lines` writes it in words. (Calling it,
    ``red.summary(lang)``, still gives those lines, with a DeprecationWarning.)
    """

    LINES = "negotiation.render.redline:summary_lines"

    old: str
    new: str
    old_points: int
    new_points: int
    counts: Mapping[str, int]
    """Rows per fate (rows that carry only a stance move not counted), fates with none left out."""
    basis: Basis
    via: str | None
    moved: int
    toward_low: int
    toward_high: int
    added: int
    dropped: int
    deferred: int
    poles: Poles | None = field(default=None, repr=False, compare=False)
    """The taxonomy's poles, which the lines name (not part of the data)."""


@dataclass(frozen=True)
class Redline(ResultViews):
    """The point-by-point redline of ``old`` → ``new`` (see :func:`redline`).

    ``rows`` follow the old document's order, new points placed after their neighbours;
    ``moves`` holds every issue that moved (the concessions of ``old`` → ``new``);
    ``lineage`` says how the points were lined up. Its views are the ones every result has:
    :meth:`to_frame`, :meth:`to_dict`, :meth:`render` and :attr:`summary`
    (:mod:`negotiation.analysis.results`).
    """

    old: Document
    new: Document
    rows: tuple[RedlineRow, ...]
    moves: Mapping[str, Move]
    lineage: Lineage
    taxonomy: Taxonomy
    reference: str | None = None
    """The id of the ``toward`` position the moves are measured against, if any."""

    def __post_init__(self) -> None:
        freeze_fields(self)  # moves is read-only

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

    @property
    def summary(self) -> RedlineSummary:
        """The points and fates counted, how they were lined up, the moves counted: data."""
        moves = list(self.moves.values())
        moved = [m for m in moves if m.change == "moved"]
        return RedlineSummary(
            old=self.old.id, new=self.new.id, old_points=len(self.old.points), new_points=len(self.new.points),
            counts=self.counts(), basis=self.lineage.basis, via=self.lineage.via, moved=len(moved),
            toward_low=sum(m.toward == "low" for m in moved), toward_high=sum(m.toward == "high" for m in moved),
            added=sum(m.change == "added" for m in moves), dropped=sum(m.change == "dropped" for m in moves),
            deferred=sum(m.change == "deferred" for m in moves), poles=self.taxonomy.poles,
        )

    def summary_lines(self, lang: Lang = "en") -> list[str]:
        """Lines under the table, in ``lang``: the fates counted, how the points were lined up, the moves."""
        return self.summary.lines(lang)

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

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The whole redline as JSON-ready data: both documents, the lineage, rows, moves (labels in ``lang``)."""
        words = delegate("negotiation.render.redline:move_words")
        return {
            "old": {"id": self.old.id, "title": self.old.label(lang), "date": self.old.date.isoformat()},
            "new": {"id": self.new.id, "title": self.new.label(lang), "date": self.new.date.isoformat()},
            "lineage": {"basis": self.lineage.basis, "via": self.lineage.via},
            "counts": self.counts(),
            "rows": self.to_records(lang),
            "moves": [
                {"issue": m.issue, **dict(zip(("label", "from", "to"), words(m, lang), strict=True)),
                 "change": m.change, "steps": m.steps, "distance": m.distance, "toward": m.toward,
                 "closer_to": m.closer_to}
                for m in self.moves.values()
            ],
        }

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:  # type: ignore[override]
        """Deprecated: the dict :meth:`to_dict` gives (a DeprecationWarning says so).

        Every other result's ``to_json`` returns a JSON string; this one will too.
        """
        return deprecated_to_json(self, lang)

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
) -> Redline:
    """The point-by-point redline of ``old`` → ``new``: always a :class:`Redline`.

    Every point of either document gets one row and a fate (kept, reworded, changed, merged,
    split, struck, new, unaccounted). A point is ``changed`` when a stance that cites it
    moved; the moves are the rows of :func:`~negotiation.analysis.concessions.concessions`
    for the same two documents (``toward`` passed on), so the two always agree. Moves on
    issues no point is cited for get a row of their own.

    Parameters
    ----------
    old, new : Document
        Two versions; ``new`` usually ``revises`` ``old`` or shares an ancestor with it.
        Three or more versions are :func:`~negotiation.analysis.chain.redline_chain`'s
        (``redline(a, b, c)`` raises a ``TypeError`` that says so).
    corpus : Corpus or documents, optional
        Where to find documents between a version and its ancestor.
    toward : Document, optional
        A reference position: each move also says whether it came closer to it.
    lang : str, optional
        No effect, kept for older calls: a redline is data, and each view takes its own
        language (``red.to_records("ar")``, ``red.render(lang="ar")``).

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> red = ng.redline(corpus["us-28-point-2025-11"], corpus["us-20-point-2025-12"])
    >>> red.fate_of("7")
    'struck'
    """
    if more:
        ids = ", ".join(f"corpus[{d.id!r}]" if isinstance(d, Document) else repr(d) for d in (old, new, *more))
        raise TypeError(
            f"redline() takes two documents and returns a Redline; for {2 + len(more)} versions call "
            f"redline_chain([{ids}]), which returns a RedlineChain")
    tax = taxonomy_of((old, new), taxonomy if taxonomy is not None else getattr(corpus, "taxonomy", None))
    found = lineage(old, new, corpus=corpus)
    moves = _moves(old, new, concession_moves(old, new, toward=toward, taxonomy=tax), tax)
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
        notes = [LineageNote(NoteKind.DOCUMENT, document=new.id, text=note)
                 for q in news if (note := new.points[q].note)]
        if not news:
            fate = "struck" if olds[0] in found.struck else "unaccounted"
            notes.extend(found.struck.get(olds[0], ()))
        elif not olds:
            fate = "new" if news[0] in found.new_points else "unaccounted"
            notes.extend(found.new_points.get(news[0], ()))
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
            issues=issues, moves=row_moves, notes=tuple(dict.fromkeys(notes)),
        )
        rows.append((key, row))
    rows.sort(key=lambda kr: kr[0])
    unplaced = [
        RedlineRow(old=(), new=(), fate="changed", old_text="", new_text="", issues=(m.issue,), moves=(m,))
        for i, m in moves.items() if i not in placed
    ]
    rows_all = tuple(r for _, r in rows) + tuple(unplaced)
    return Redline(old, new, rows_all, moves, found, tax, toward.id if toward is not None else None)


redline_pair = redline
"""The redline of exactly two documents: the same function as :func:`redline` (an older name)."""


def __getattr__(name: str) -> Any:
    # The chain and the point helpers moved to their own modules; older imports keep working.
    if name in ("RedlineChain", "Thread", "redline_chain"):
        from negotiation.analysis import chain

        return getattr(chain, name)
    if name in ("point_of",):
        from negotiation.analysis import points

        return getattr(points, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
