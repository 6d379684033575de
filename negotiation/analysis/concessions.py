"""Who moved on what between two versions: a plan and its revision, or a party at two dates.

For every issue stated in both versions, :func:`concessions` gives where it was, where it
went, how far (ordinal steps, or the distance on other scales) and toward which pole; with
a reference document (another party's position), also whether the move brought the new
version nearer to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.delegates import delegate
from negotiation.model.arguments import DOCUMENT, LANG, TAXONOMY, takes
from negotiation.model.labels import Lang
from negotiation.model.models import Document, Taxonomy, plain_stance

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = [
    "area", "area_label", "issue", "issue_label", "from", "from_label", "to", "to_label", "steps", "distance",
    "toward", "toward_label", "closer_to", "change",
]


@takes(old=DOCUMENT, new=DOCUMENT, toward=DOCUMENT.or_none(), taxonomy=TAXONOMY, lang=LANG)
def concessions(
    old: Document,
    new: Document,
    *,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> pd.DataFrame:
    """Per issue, how the stance moved from ``old`` to ``new``.

    Columns: ``area`` and ``area_label``, ``issue`` and ``issue_label``, ``from``/``to``
    (plain values: a level id, a number, a list of members, a {party: value} bracket; None
    where absent or deferred) with ``from_label``/``to_label`` (for people, numbers with
    their unit), ``steps`` (ordinal steps, else missing), ``distance`` (0–1), ``toward``
    (``low``/``high`` pole, ``none`` if unmoved, ``other`` on a set scale) with
    ``toward_label`` (the pole's name), ``closer_to`` (with ``toward``:
    ``yes``/``no``/``same`` whether ``new`` is nearer the reference than ``old``), and
    ``change`` (``moved``, ``unchanged``, ``added``, ``dropped``, ``deferred``).

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> moves = ng.concessions(corpus["us-28-point-2025-11"], corpus["us-20-point-2025-12"])
    >>> "security.army_cap" in set(moves["issue"])
    True
    """
    import pandas as pd

    rows = concession_rows(old, new, toward=toward, taxonomy=taxonomy, lang=lang)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["steps"] = frame["steps"].astype("Int64")
    frame["distance"] = frame["distance"].astype("float64")
    return frame  # type: ignore[no-any-return,unused-ignore]


def concession_rows(
    old: Document,
    new: Document,
    *,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> list[dict[str, Any]]:
    """The rows of :func:`concessions` as plain dicts (``steps``/``distance``/``closer_to``: None where missing).

    The analysis gives ids, values and numbers (:func:`concession_moves`); the ``_label``
    columns in ``lang`` are written by :func:`negotiation.render.frames.label_concessions`.
    """
    taxonomy = taxonomy_of((old, new, *([toward] if toward else [])), taxonomy)
    rows = concession_moves(old, new, toward=toward, taxonomy=taxonomy)
    labelled: list[dict[str, Any]] = delegate("negotiation.render.frames:label_concessions")(
        rows, old, new, taxonomy, lang)
    return labelled


def concession_moves(
    old: Document,
    new: Document,
    *,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[dict[str, Any]]:
    """Per issue either version states: ids, plain values, ``steps``, ``distance``, ``toward``,
    ``closer_to`` and ``change`` — data only, no words (the columns of :data:`COLUMNS` without ``_label``)."""
    taxonomy = taxonomy_of((old, new, *([toward] if toward else [])), taxonomy)
    rows: list[dict[str, Any]] = []
    for issue_id, issue in taxonomy.issues.items():
        a, b = old.stances.get(issue_id), new.stances.get(issue_id)
        if a is None and b is None:
            continue
        scale = issue.scale
        row: dict[str, Any] = {
            "area": issue.area,
            "issue": issue_id,
            "from": plain_stance(a) if a and a.stated else None,
            "to": plain_stance(b) if b and b.stated else None,
            "steps": None,
            "distance": None,
            "toward": "none",
            "closer_to": None,
        }
        if a is None or b is None:
            row["change"] = "added" if a is None else "dropped"
        elif not (a.stated and b.stated):
            row["change"] = "deferred" if a.stated != b.stated else "unchanged"
        else:
            span_a, span_b = a.span(scale), b.span(scale)
            dist = scale.gap(span_a, span_b)
            row["distance"] = dist
            row["steps"] = scale.steps(span_a, span_b)
            pa, pb = scale.pole_position(span_a), scale.pole_position(span_b)
            moved = dist > 0 or pa != pb
            row["change"] = "moved" if moved else "unchanged"
            if pa is not None and pb is not None and moved:
                row["toward"] = "high" if sum(pb) > sum(pa) else "low"
            elif not scale.ordered and moved:
                row["toward"] = "other"
            ref = toward.stances.get(issue_id) if toward is not None else None
            if ref is not None and ref.stated:
                span_r = ref.span(scale)
                before, after = scale.gap(span_a, span_r), scale.gap(span_b, span_r)
                row["closer_to"] = "yes" if after < before else ("no" if after > before else "same")
        rows.append(row)
    return rows
