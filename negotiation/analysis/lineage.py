"""The lineage of a plan's points: which points of one version come from which of another.

The lineage is data: a document that ``revises`` another names, for each of its points, the
points it comes from (``from:``) and the points it strikes (``struck:``). :func:`lineage`
follows that declared lineage from two documents to their nearest shared ancestor; two
documents with no declared lineage are lined up by :func:`~negotiation.analysis.align.align`,
and the result says so (``basis="suggested"``). The redline (:mod:`negotiation.analysis.redline`)
and the chain (:mod:`negotiation.analysis.chain`) are built on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from negotiation.analysis.align import align
from negotiation.model.frozen import freeze_fields
from negotiation.model.models import Corpus, Document

Basis = Literal["declared", "suggested"]


class NoteKind(str, Enum):
    """How a point's fate is known, when the lineage says more than the fate itself.

    The words for each kind are written by :func:`negotiation.render.redline.note_text`.
    """

    DOCUMENT = "document"
    """The corpus's own note (``text``), as the data file writes it."""
    STRUCK_IN = "struck_in"
    """Struck in ``document`` (a revision that names the point in ``struck:`` without a note)."""
    NO_MATCH = "no_match"
    """No declared lineage, and :func:`~negotiation.analysis.align.align` suggested no match."""
    ADDED_ABSENT = "added_absent"
    """Added in ``document`` (the later version), absent from ``other`` (the one it revises)."""
    RESTORES = "restores"
    """Restores ``points`` of ``other`` (the shared ancestor), struck in ``document``."""


@dataclass(frozen=True)
class LineageNote:
    """Why a point is struck or new, as data: a :class:`NoteKind` and the ids it names.

    ``text`` is the corpus's own note for :attr:`NoteKind.DOCUMENT` (empty otherwise);
    ``document``, ``other`` and ``points`` are the ids the kind's sentence names.
    """

    kind: NoteKind
    document: str = ""
    other: str = ""
    points: tuple[str, ...] = ()
    text: str = ""


NO_MATCH = LineageNote(NoteKind.NO_MATCH)


@dataclass(frozen=True)
class Lineage:
    """Which points of ``old`` and ``new`` correspond, and how that is known.

    ``links`` pairs an old point with a new one; ``struck`` holds old points the new
    version deletes, each with the :class:`LineageNote` s that say how that is known;
    ``new_points`` the points of the new version that have no ancestor, with theirs (none
    where nothing is said); ``basis`` is ``declared`` (from ``revises:``, ``from:`` and
    ``struck:``) or ``suggested`` (from :func:`~negotiation.analysis.align.align`);
    ``via`` names the shared ancestor when the two documents are lined up through one.
    """

    old: str
    new: str
    links: frozenset[tuple[str, str]]
    struck: Mapping[str, tuple[LineageNote, ...]] = field(default_factory=dict)
    new_points: Mapping[str, tuple[LineageNote, ...]] = field(default_factory=dict)
    basis: Basis = "declared"
    via: str | None = None

    def __post_init__(self) -> None:
        freeze_fields(self)  # struck and new_points are read-only


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


def _struck_since(doc: Document, ancestor: str, lookup: Mapping[str, Document]) -> dict[str, LineageNote]:
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
            out[r] = (LineageNote(NoteKind.DOCUMENT, document=doc.id, text=note) if note
                      else LineageNote(NoteKind.STRUCK_IN, document=doc.id))
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
    declared = declared_lineage(old, new, lookup)
    if declared is not None:
        return declared
    found = align(old, new)
    linked_old = {o for o, _ in found.links}
    linked_new = {n for _, n in found.links}
    return Lineage(
        old=old.id, new=new.id, links=frozenset(found.links),
        struck={k: (NO_MATCH,) for k in old.points if k not in linked_old},
        new_points={k: (NO_MATCH,) for k in new.points if k not in linked_new},
        basis="suggested",
    )


def declared_lineage(old: Document, new: Document, lookup: Mapping[str, Document]) -> Lineage | None:
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
    struck: dict[str, tuple[LineageNote, ...]] = {}
    for p, rp in roots_old.items():
        if p in linked_old or rp is None:
            continue
        if rp and rp <= struck_in_new.keys():
            struck[p] = tuple(dict.fromkeys(struck_in_new[r] for r in sorted(rp)))
        elif not rp and ancestor == new.id:
            struck[p] = (LineageNote(NoteKind.ADDED_ABSENT, document=old.id, other=new.id),)
    new_points: dict[str, tuple[LineageNote, ...]] = {}
    for q, rq in roots_new.items():
        if q in linked_new or rq is None:
            continue
        if not rq:
            note = new.points[q].note
            new_points[q] = (LineageNote(NoteKind.DOCUMENT, document=new.id, text=note),) if note else ()
        elif rq <= struck_in_old.keys():
            new_points[q] = (LineageNote(NoteKind.RESTORES, document=old.id, other=ancestor,
                                         points=tuple(sorted(rq))),)
    via = ancestor if ancestor not in (old.id, new.id) else None
    return Lineage(old=old.id, new=new.id, links=links, struck=struck, new_points=new_points, via=via)



class PointGroups:
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


def components(old_keys: Sequence[str], new_keys: Sequence[str],
                links: Iterable[tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
    """Groups of linked points (connected components of the link graph), keys in document order."""
    g = PointGroups()
    for p, q in links:
        g.join([("old", p), ("new", q)])
    groups: dict[tuple[Any, str], tuple[list[str], list[str]]] = {}
    for k in old_keys:
        groups.setdefault(g.find(("old", k)), ([], []))[0].append(k)
    for k in new_keys:
        groups.setdefault(g.find(("new", k)), ([], []))[1].append(k)
    return list(groups.values())
