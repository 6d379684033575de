"""The rules of declared lineage: ``revises``, each point's ``from`` and ``struck``.

These checks span documents, so they run on the whole corpus (:class:`~negotiation.model.models.Corpus`
runs them when it is built; the loader maps ids back to files). Following the lineage, once
it is valid, is :mod:`negotiation.analysis.lineage`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from negotiation.errors import UnknownDocumentError

if TYPE_CHECKING:
    from negotiation.model.models import Document


def lineage_problems(documents: Mapping[str, Document]) -> list[tuple[str, str, str]]:
    """Everything wrong with the documents' lineage, as (document id, location, message).

    ``revises`` must name another document of the corpus, without a cycle;
    each point's ``from`` and each ``struck`` entry must name a point of the revised
    document, and a struck point cannot also be the origin of a point. These checks span
    documents, so they run on the whole corpus (the loader maps ids back to files).
    """
    found: list[tuple[str, str, str]] = []
    for doc in documents.values():
        origins = {k: p.from_ for k, p in doc.points.items() if p.from_}
        if doc.revises is None:
            for key in origins:
                found.append((doc.id, f"points.{key}.from",
                               "names points of a revised document, but the document has no `revises:`"))
            if doc.struck:
                found.append((doc.id, "struck",
                              "names points of a revised document, but the document has no `revises:`"))
            continue
        old = documents.get(doc.revises)
        if old is None or old.id == doc.id:
            if old is None:  # the message, with its "did you mean", of a lookup that fails
                what = UnknownDocumentError(doc.revises, (i for i in documents if i != doc.id)).message
            else:
                what = "a document cannot revise itself"
            found.append((doc.id, "revises", what))
            continue
        seen = {doc.id}
        cursor: Document | None = old
        while cursor is not None and cursor.revises is not None:
            if cursor.id in seen:
                found.append((doc.id, "revises", f"the chain of revisions loops back through {cursor.id}"))
                break
            seen.add(cursor.id)
            cursor = documents.get(cursor.revises)
        known = ", ".join(old.points) or "(it has no points)"
        used: set[str] = set()
        for key, keys in origins.items():
            for i, ref in enumerate(keys):
                used.add(ref)
                if ref not in old.points:
                    found.append((doc.id, f"points.{key}.from[{i}]",
                                  f"{old.id} has no point {ref!r}; its points are {known}"))
        for ref in doc.struck:
            if ref not in old.points:
                found.append((doc.id, f"struck.{ref}", f"{old.id} has no point {ref!r}; its points are {known}"))
            elif ref in used:
                found.append((doc.id, f"struck.{ref}",
                              f"point {ref!r} is struck, but a point of this document comes from it"))
    return found
