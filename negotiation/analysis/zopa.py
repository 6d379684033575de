"""Zones of possible agreement: per issue, what every given position could live with.

Each position's reservation on an issue is its demand plus what it ``accepts``: an interval
on ordered scales (ordinal, numeric, flag), a list of member sets on a set scale. The zone
is what all reservations share; where they share nothing, ``gap`` is the distance between
the nearest reservation points (the largest pairwise gap, which is what must be bridged).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.errors import NegotiationError
from negotiation.model.labels import Lang
from negotiation.model.models import Document, Taxonomy
from negotiation.model.scales import FlagScale, NumericScale, OrdinalScale, SetScale
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
    if isinstance(scale, SetScale):
        common = set(spans[0].members)
        for s in spans[1:]:
            common &= set(s.members)
        return sorted(common, key=sorted) or None  # type: ignore[arg-type]
    lo = max(s.lo for s in spans)
    hi = min(s.hi for s in spans)
    if lo > hi:
        return None
    if isinstance(scale, NumericScale):
        return (lo, hi)
    if isinstance(scale, OrdinalScale):
        return [scale.levels[i].id for i in range(int(lo), int(hi) + 1)]
    if isinstance(scale, FlagScale):
        return [v for v in (False, True) if lo <= (1.0 if v == scale.high_pole else 0.0) <= hi]
    raise TypeError(f"unknown scale {scale!r}")


def _zone_text(scale: object, zone: object, lang: Lang) -> str:
    if zone is None:
        return ""
    if isinstance(scale, NumericScale):
        lo, hi = zone  # type: ignore[misc]
        from negotiation.render.report import number_text

        a, b = scale.format(float(lo), lang), scale.format(float(hi), lang)  # type: ignore[has-type]
        upper = number_text(scale, float(hi), lang)  # type: ignore[has-type]
        return upper if a == b else f"{a}–{upper}"
    return ", ".join(scale.format(v, lang) for v in zone)  # type: ignore[attr-defined]


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

    from negotiation.model.values import plain_value
    from negotiation.render import i18n
    from negotiation.render.report import number_text, stance_text

    if len(positions) < 2:
        raise NegotiationError("zopa needs at least two positions")
    taxonomy = taxonomy_of(positions, taxonomy)
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
        described = []
        for doc, st in zip(positions, stances, strict=True):
            assert st is not None
            text = f"{doc.id}: {stance_text(st, issue, lang)}"
            if st.accepts:
                accepted = ", ".join(
                    number_text(scale, v, lang) if isinstance(scale, NumericScale) else scale.format(v, lang)
                    for v in st.accepts
                )
                text += " (" + i18n.say("accepts", lang, values=accepted) + ")"
            described.append(text)
        if zone is None:
            plain_zone = None
        elif isinstance(zone, tuple):
            plain_zone = [plain_value(float(zone[0])), plain_value(float(zone[1]))]
        else:
            plain_zone = [plain_value(v) for v in zone]
        rows.append({
            "area": issue.area,
            "area_label": taxonomy.areas[issue.area].label(lang),
            "issue": issue_id,
            "issue_label": issue.label(lang),
            "zone": plain_zone,
            "zone_label": _zone_text(scale, zone, lang),
            "empty": zone is None,
            "gap": gap,
            "positions": [doc.id for doc in positions],
            "positions_label": described,
        })
    return pd.DataFrame(rows, columns=COLUMNS)  # type: ignore[no-any-return,unused-ignore]
