"""Rendering only: readable lines, DataFrames, text tables, HTML and JSON.

Nothing here computes a distance or a verdict; it formats a :class:`Comparison` (or any
DataFrame the analysis functions return) in English or Arabic.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from negotiation.model.models import Poles
from negotiation.model.scales import Lang, NumericScale, OrdinalScale, SetScale

if TYPE_CHECKING:
    import pandas as pd

    from negotiation.analysis.compare import Comparison, IssueDiff

VERDICT_LABELS: dict[str, dict[str, str]] = {
    "agree": {"en": "agree", "ar": "اتفاق"},
    "close": {"en": "close", "ar": "تقارب"},
    "bridgeable": {"en": "bridgeable", "ar": "قابل للتجسير"},
    "apart": {"en": "apart", "ar": "تباعد"},
    "deferred": {"en": "deferred", "ar": "مؤجل"},
    "one_sided": {"en": "one-sided", "ar": "من طرف واحد"},
    "silent": {"en": "silent", "ar": "غائب"},
}

HEADERS: dict[str, dict[str, str]] = {
    "area": {"en": "Area", "ar": "المجال"},
    "issue": {"en": "Issue", "ar": "القضية"},
    "a": {"en": "A", "ar": "أ"},
    "b": {"en": "B", "ar": "ب"},
    "distance": {"en": "Distance", "ar": "المسافة"},
    "verdict": {"en": "Verdict", "ar": "الحكم"},
    "note": {"en": "Note", "ar": "ملاحظة"},
}

VERDICT_COLORS = {
    "agree": "#c8e6c9",
    "close": "#e6f4c8",
    "bridgeable": "#fff3c4",
    "apart": "#ffcdd2",
    "deferred": "#e0e0e0",
    "one_sided": "#f5f5f5",
    "silent": "#ffffff",
}


def verdict_label(verdict: str, lang: Lang = "en") -> str:
    """A verdict's name in ``lang``."""
    return VERDICT_LABELS[str(verdict)][lang]


def describe_diff(diff: IssueDiff, lang: Lang = "en", poles: Poles | None = None) -> str:
    """One readable line for an issue diff, in English or Arabic."""
    ar = lang == "ar"
    va, vb = diff.value("a", lang), diff.value("b", lang)
    verdict = diff.verdict.value
    if verdict == "silent":
        return "لا يتناولها أي من الطرفين" if ar else "neither side addresses it"
    if verdict == "one_sided":
        side, value = ("أ", va) if diff.a is not None else ("ب", vb)
        if not ar:
            side = "A" if diff.a is not None else "B"
        return f"فقط {side}: {value}" if ar else f"only {side}: {value}"
    if verdict == "deferred":
        who = [s for s, st in (("A", diff.a), ("B", diff.b)) if st is not None and not st.stated]
        if ar:
            return "مؤجل لدى " + " و".join("أ" if w == "A" else "ب" for w in who)
        return "deferred by " + " and ".join(who)
    assert diff.a is not None and diff.b is not None
    if verdict == "agree":
        return f"كلاهما: {va}" if ar else f"both: {va}"
    scale = diff.issue.scale
    span_a, span_b = diff.a.span(scale), diff.b.span(scale)
    gap = scale.format_gap(span_a, span_b)
    if ar:
        if isinstance(scale, OrdinalScale):
            gap = f"{scale.steps(span_a, span_b)} درجة"
        elif isinstance(scale, SetScale):
            gap = f"مسافة {diff.distance:.2f}"
        elif not isinstance(scale, NumericScale):
            gap = "متعاكسان"
    text = f"{va} مقابل {vb}: فارق {gap}" if ar else f"{va} vs {vb}: {gap} apart"
    if not ar and (isinstance(scale, SetScale) or gap == "opposite"):
        text = f"{va} vs {vb}: {gap}"
    if verdict == "bridgeable" and (diff.distance or 0.0) <= 1e-9:
        text = (f"{va} مقابل {vb}: أحد البدائل يطابق الطرف الآخر" if ar
                else f"{va} vs {vb}: the other side's value lies within the bracket")
    elif verdict == "bridgeable":
        text += "، لكن ما يقبله الطرفان يتقاطع" if ar else "; what each accepts overlaps"
    if verdict == "apart" and diff.nearer_low and poles is not None:
        side = diff.nearer_low.upper()
        if ar:
            side = "أ" if side == "A" else "ب"
            text += f"؛ {side} أقرب إلى {poles.low.ar}"
        else:
            text += f"; {side} nearer {poles.low.en}"
    return text


def _sources(diff: IssueDiff, cmp: Comparison) -> str:
    parts = []
    for side, stance, doc in (("A", diff.a, cmp.a), ("B", diff.b, cmp.b)):
        if stance is None:
            continue
        try:
            src = doc.source(stance.source)
            parts.append(f"{side}: {src.outlet} ({src.date.isoformat()})")
        except KeyError:
            parts.append(f"{side}: {stance.source}")
    return "; ".join(parts)


def comparison_rows(cmp: Comparison, lang: Lang = "en") -> list[dict[str, Any]]:
    """The comparison as plain rows, one per issue."""
    tax = cmp.taxonomy
    rows = []
    for d in cmp.diffs:
        rows.append(
            {
                "area": tax.areas[d.area].label(lang),
                "issue": d.issue.id,
                "label": d.issue.label(lang),
                "value_a": d.value("a", lang),
                "value_b": d.value("b", lang),
                "distance": d.distance,
                "verdict": d.verdict.value,
                "note": describe_diff(d, lang, tax.poles),
                "sources": _sources(d, cmp),
                "points_a": ", ".join(d.a.points) if d.a else "",
                "points_b": ", ".join(d.b.points) if d.b else "",
                "weight": d.issue.weight,
            }
        )
    return rows


def comparison_frame(cmp: Comparison, lang: Lang = "en") -> pd.DataFrame:
    """A DataFrame with one row per issue (see :meth:`Comparison.to_frame`)."""
    import pandas as pd

    columns = ["area", "issue", "label", "value_a", "value_b", "distance", "verdict",
               "note", "sources", "points_a", "points_b", "weight"]
    return pd.DataFrame(comparison_rows(cmp, lang), columns=columns)


def _fmt_distance(x: float | None) -> str:
    return "" if x is None or math.isnan(x) else f"{x:.2f}"


def comparison_table(cmp: Comparison, fmt: str = "github", lang: Lang = "en") -> str:
    """A text table through tabulate: issue, A, B, distance, verdict, note."""
    rows = comparison_rows(cmp, lang)
    headers = [HEADERS[k][lang] for k in ("area", "issue", "a", "b", "distance", "verdict", "note")]
    body = [
        [r["area"], r["label"], r["value_a"], r["value_b"], _fmt_distance(r["distance"]),
         verdict_label(r["verdict"], lang), r["note"]]
        for r in rows
    ]
    return str(tabulate(body, headers=headers, tablefmt=fmt, disable_numparse=True))


def summary_lines(cmp: Comparison, lang: Lang = "en") -> list[str]:
    """The summary as short lines: convergence, coverage, counts per verdict."""
    s = cmp.summary
    conv = "n/a" if math.isnan(s.convergence) else f"{s.convergence:.2f}"
    cov = "n/a" if math.isnan(s.coverage) else f"{s.coverage:.0%}"
    counts = ", ".join(f"{verdict_label(k, lang)} {v}" for k, v in s.counts.items() if v)
    if lang == "ar":
        return [f"مؤشر التقارب: {conv}", f"التغطية: {cov}", f"الأحكام: {counts}"]
    return [
        f"Convergence index: {conv} (1 = identical on every issue both state)",
        f"Coverage: {cov} of the issues either side addresses are addressed by both",
        f"Verdicts: {counts}",
    ]


def comparison_report(cmp: Comparison, fmt: str = "github", lang: Lang = "en") -> str:
    """Both documents named, the table, then the summary."""
    def head(side: str, doc: Any) -> str:
        label = HEADERS[side][lang]
        return f"{label}: {doc.title} ({doc.id}, {doc.date.isoformat()}, {doc.status})"

    lines = [head("a", cmp.a), head("b", cmp.b), "", comparison_table(cmp, fmt, lang), ""]
    return "\n".join(lines + summary_lines(cmp, lang))


def comparison_json(cmp: Comparison) -> dict[str, Any]:
    """Plain JSON-ready data: both documents, every diff with values, and the summary."""
    def stance(st: Any) -> Any:
        if st is None:
            return None
        data: dict[str, Any] = st.model_dump(mode="json", exclude_defaults=True)
        return data

    s = cmp.summary
    return {
        "a": {"id": cmp.a.id, "title": cmp.a.title, "date": cmp.a.date.isoformat()},
        "b": {"id": cmp.b.id, "title": cmp.b.title, "date": cmp.b.date.isoformat()},
        "summary": {
            "convergence": None if math.isnan(s.convergence) else s.convergence,
            "coverage": None if math.isnan(s.coverage) else s.coverage,
            "counts": s.counts,
        },
        "issues": [
            {
                "issue": d.issue.id,
                "area": d.area,
                "a": stance(d.a),
                "b": stance(d.b),
                "value_a": d.value("a"),
                "value_b": d.value("b"),
                "distance": d.distance,
                "verdict": d.verdict.value,
                "note": describe_diff(d, "en", cmp.taxonomy.poles),
            }
            for d in cmp.diffs
        ],
    }


def comparison_html(cmp: Comparison, lang: Lang = "en") -> str:
    """A colored HTML table for notebooks: one row per issue, colored by verdict."""
    rows = comparison_rows(cmp, lang)
    direction = ' dir="rtl"' if lang == "ar" else ""
    cells = ["area", "label", "value_a", "value_b", "distance", "verdict", "note"]
    names = [HEADERS["area"][lang], HEADERS["issue"][lang], cmp.a.id, cmp.b.id,
             HEADERS["distance"][lang], HEADERS["verdict"][lang], HEADERS["note"][lang]]
    head = "".join(f"<th>{html.escape(h)}</th>" for h in names)
    body = []
    for r in rows:
        color = VERDICT_COLORS[r["verdict"]]
        tds = []
        for c in cells:
            v = r[c]
            text = _fmt_distance(v) if c == "distance" else (verdict_label(v, lang) if c == "verdict" else str(v))
            tds.append(f"<td>{html.escape(text)}</td>")
        body.append(f'<tr style="background:{color}">{"".join(tds)}</tr>')
    summary = "<br>".join(html.escape(x) for x in summary_lines(cmp, lang))
    return (
        f'<div{direction}><table class="negotiation-comparison">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<p>{summary}</p></div>"
    )


def frame_table(frame: pd.DataFrame, fmt: str = "github", floatfmt: str = ".2f") -> str:
    """Any DataFrame the analysis functions return, as a tabulate table."""
    cleaned = frame.astype(object).where(frame.notna(), None)
    return str(tabulate(cleaned, headers="keys", tablefmt=fmt, floatfmt=floatfmt, showindex=False, missingval=""))
