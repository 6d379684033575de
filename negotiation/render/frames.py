"""The words beside an analysis's ids in its frames: labels, values for people, in one language.

An analysis gives ids, plain values and numbers; the ``*_label`` columns of its frame are
written here, in the language asked for, so that no analysis makes a word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from negotiation.model.labels import Lang
from negotiation.model.models import Document, Taxonomy
from negotiation.model.scales import NumericScale
from negotiation.render import i18n
from negotiation.render.report import number_text, stance_text, value_text


def label_concessions(rows: Sequence[Mapping[str, Any]], old: Document, new: Document, taxonomy: Taxonomy,
                      lang: Lang = "en") -> list[dict[str, Any]]:
    """The rows of :func:`~negotiation.analysis.concessions.concession_moves` with their labels in ``lang``."""
    poles = {"low": taxonomy.poles.low, "high": taxonomy.poles.high}
    out = []
    for row in rows:
        issue = taxonomy.issues[row["issue"]]
        pole = poles.get(str(row["toward"]))
        other = i18n.word("other", lang) if row["toward"] == "other" else None
        toward = pole.label(lang) if pole is not None else other
        out.append({
            "area": row["area"], "area_label": taxonomy.areas[issue.area].label(lang),
            "issue": row["issue"], "issue_label": issue.label(lang),
            "from": row["from"], "from_label": stance_text(old.stances.get(issue.id), issue, lang),
            "to": row["to"], "to_label": stance_text(new.stances.get(issue.id), issue, lang),
            "steps": row["steps"], "distance": row["distance"], "toward": row["toward"], "closer_to": row["closer_to"],
            "change": row["change"], "toward_label": toward,
        })
    return out


def zone_text(scale: Any, zone: Any, lang: Lang) -> str:
    """The shared values of a zone of agreement for people ("" where there are none)."""
    if zone is None:
        return ""
    if isinstance(scale, NumericScale):  # a numeric zone is a range: its upper end carries the unit
        lo, hi = zone
        a, b = scale.format(float(lo), lang), scale.format(float(hi), lang)
        upper = number_text(scale, float(hi), lang)
        return upper if a == b else f"{a}–{upper}"
    return i18n.join((scale.format(v, lang) for v in zone), lang)


def label_zones(rows: Sequence[Mapping[str, Any]], positions: Sequence[Document], taxonomy: Taxonomy,
                lang: Lang = "en") -> list[dict[str, Any]]:
    """The rows of :func:`~negotiation.analysis.zopa.zones` with their labels in ``lang``."""
    out = []
    for row in rows:
        issue = taxonomy.issues[row["issue"]]
        scale = issue.scale
        described = []
        for doc in positions:
            st = doc.stances[issue.id]
            text = f"{doc.id}: {stance_text(st, issue, lang)}"
            if st.accepts:
                accepted = i18n.say("comma", lang).join(value_text(scale, v, lang) for v in st.accepts)
                text += " (" + i18n.say("accepts", lang, values=accepted) + ")"
            described.append(text)
        out.append({
            "area": row["area"], "area_label": taxonomy.areas[issue.area].label(lang),
            "issue": row["issue"], "issue_label": issue.label(lang),
            "zone": row["zone"], "zone_label": zone_text(scale, row["shared"], lang),
            "empty": row["empty"], "gap": row["gap"],
            "positions": row["positions"], "positions_label": described,
        })
    return out
