"""Zones of possible agreement: per issue, what every given position could live with.

Each position's reservation on an issue is its demand plus what it ``accepts``: an interval
on ordered scales (ordinal, numeric, flag), a list of member sets on a set scale. The zone
is what all reservations share; where they share nothing, ``gap`` is the distance between
the nearest reservation points (the largest pairwise gap, which is what must be bridged).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.delegates import delegate
from negotiation.errors import NegotiationError
from negotiation.model.arguments import DOCUMENTS, LANG, TAXONOMY, takes
from negotiation.model.labels import Lang
from negotiation.model.models import Document, Taxonomy
from negotiation.model.spans import Span
from negotiation.model.values import RawValue

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ["area", "area_label", "issue", "issue_label", "zone", "zone_label", "empty", "gap", "positions",
           "positions_label"]


def shared_values(scale: object, spans: Sequence[Span]) -> list[RawValue] | tuple[float, float] | None:
    """What every reservation span contains: level ids, booleans, member sets, or a numeric range.

    ``None`` where the spans share nothing.
    """
    return scale.shared(spans)  # type: ignore[attr-defined,no-any-return]


@takes(positions=DOCUMENTS, taxonomy=TAXONOMY, lang=LANG)
def zopa(
    positions: Sequence[Document],
    *,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> pd.DataFrame:
    """Per issue that every position states, the values all of them accept.

    Columns: ``area``/``area_label``, ``issue``/``issue_label``, ``zone`` (the shared values
    as a list: level ids, booleans, member lists, or ``[low, high]`` on a numeric scale;
    None where there are none) with ``zone_label`` for people, ``empty`` (True where there
    is no shared value), ``gap`` (0 where there is a zone, else the distance between the
    nearest reservation points), ``positions`` (the ids of the positions, a list) and
    ``positions_label`` (each side's demand and what it accepts, a list of texts).

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> z = ng.zopa([corpus.position("RU", "2026-02-24"), corpus.position("UA", "2026-02-24")])
    >>> bool(z.set_index("issue").loc["territory.donetsk", "empty"])
    True
    """
    import pandas as pd

    if len(positions) < 2:
        raise NegotiationError("zopa needs at least two positions")
    taxonomy = taxonomy_of(positions, taxonomy)
    rows = delegate("negotiation.render.frames:label_zones")(zones(positions, taxonomy), positions, taxonomy, lang)
    return pd.DataFrame(rows, columns=COLUMNS)  # type: ignore[no-any-return,unused-ignore]


def zones(positions: Sequence[Document], taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """Per issue every position states: ``zone`` (plain values), ``shared`` (as the scale holds them),
    ``empty``, ``gap`` and the ``positions``' ids — data only; :func:`zopa` adds the labels."""
    from negotiation.model.values import plain_value

    rows = []
    for issue_id, issue in taxonomy.issues.items():
        stances = [p.stances.get(issue_id) for p in positions]
        if any(s is None or not s.stated for s in stances):
            continue
        scale = issue.scale
        spans = [s.reservation(scale) for s in stances]  # type: ignore[union-attr]
        zone = shared_values(scale, spans)
        gap = 0.0 if zone is not None else max(
            scale.gap(x, y) for i, x in enumerate(spans) for y in spans[i + 1:]
        )
        if zone is None:
            plain_zone = None
        elif isinstance(zone, tuple):
            plain_zone = [plain_value(float(zone[0])), plain_value(float(zone[1]))]
        else:
            plain_zone = [plain_value(v) for v in zone]
        rows.append({
            "area": issue.area,
            "issue": issue_id,
            "zone": plain_zone,
            "shared": zone,
            "empty": zone is None,
            "gap": gap,
            "positions": [doc.id for doc in positions],
        })
    return rows
