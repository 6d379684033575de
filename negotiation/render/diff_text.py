"""A comparison's words and records, from texts and numbers alone (no models needed).

:mod:`negotiation.render.report` turns a :class:`~negotiation.analysis.compare.Comparison`
of models into texts (:class:`IssueTexts`, :class:`StanceTexts`) and calls these functions
for its rows, notes, headings and summary; the command line's snapshot of a corpus stores
the same texts and calls the same functions without importing pydantic. One set of rules
for the words, whichever path made the numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from negotiation.analysis.verdicts import VERDICT_VALUES
from negotiation.model.spans import Span, closest_members, format_number, raw_gap
from negotiation.render import i18n
from negotiation.render.citations import CITATION_KEYS, NO_CITATION, Citation
from negotiation.render.i18n import Lang
from negotiation.render.table import Column, Table

ORDINAL_GAP, NUMERIC_GAP, SET_GAP, OPPOSITE_GAP = "ordinal", "numeric", "set", "opposite"
"""How a gap between two stances is put in words (a scale's ``gap_kind``): steps, a number
with its unit, shared and unshared members, or "opposite" (flags, and any scale that says so).
The values of :class:`~negotiation.model.scales.GapKind`, spelled out so that this module
needs no pydantic (tests/test_scales.py checks they match)."""

VERDICT_ORDER = VERDICT_VALUES
"""The order of the verdict categorical: agree < close < bridgeable < apart, then the rest."""

COMPARISON_COLUMNS = ["area", "issue", "value_a", "value_b", "distance", "verdict", "note"]
"""The columns people read in a comparison table (the area column is dropped first when narrow)."""


@dataclass(frozen=True, slots=True)
class IssueTexts:
    """What a comparison says of one issue in one language."""

    id: str
    area: str
    area_label: str
    area_translated: bool
    label: str
    translated: bool
    weight: float
    gap_kind: str
    unit: str = ""
    """The unit's word, for :data:`NUMERIC_GAP` issues."""


@dataclass(frozen=True, slots=True)
class StanceTexts:
    """What a comparison says of one stance of one document in one language."""

    label: str
    """The value(s) for people, with unit, "deferred" where deferred."""
    plain: Any
    """The value as plain data: a value, a {party: value} bracket, or None."""
    cite: str | None
    points: tuple[str, ...]
    stated: bool
    citation: Citation = NO_CITATION
    """The quote, outlet, title, date and URL (or why there is none) of the stance."""


@dataclass(frozen=True, slots=True)
class DocumentTexts:
    """What a comparison says of one document in one language."""

    id: str
    title: str
    title_label: str
    title_translated: bool
    date: str
    kind: str
    status: str
    authors: tuple[str, ...]


def gap_text(kind: str, span_a: Span, span_b: Span, lang: Lang, unit: str = "") -> str:
    """The gap between two stated spans in words: "2 steps", "515,000 personnel", "1 shared, …"."""
    if kind == ORDINAL_GAP:
        return i18n.steps(int(raw_gap(span_a, span_b)), lang)
    if kind == NUMERIC_GAP:
        return f"{format_number(raw_gap(span_a, span_b))} {unit}"
    if kind == SET_GAP:
        x, y = closest_members(span_a, span_b)
        return i18n.say("set_gap", lang, shared=len(x & y), only_a=len(x - y), only_b=len(y - x))
    return i18n.say("opposite", lang)


def diff_note(
    verdict: str,
    va: str | None,
    vb: str | None,
    lang: Lang,
    *,
    deferred: tuple[bool, bool],
    gap: Callable[[], str],
    set_scale: bool,
    distance: float | None,
    nearer_low: str | None,
    low_pole: str | None,
    values: bool = True,
) -> str:
    """One readable line for an issue: "85,000 personnel vs 600,000 personnel: 515,000 personnel apart".

    ``va``/``vb`` are the two sides' values in words (None where a side is silent),
    ``deferred`` whether each side defers the issue; ``gap`` is asked only where the line
    names a gap. With ``values=False`` the line leaves out what the table's value columns
    already say (the Note column).
    """
    present = (va is not None, vb is not None)
    va, vb = va or "", vb or ""
    pair = i18n.say("a_vs_b", lang, a=va, b=vb)

    def with_pair(note: str) -> str:
        return f"{pair}: {note}" if values else note

    if verdict == "silent":
        return i18n.say("neither", lang)
    if verdict == "one_sided":
        who = "a" if present[0] else "b"
        return i18n.say("only", lang, side=i18n.side(who, lang), value=va or vb) if values else ""
    if verdict == "deferred":
        if not values:  # the value cells already say "deferred"
            return ""
        sides = [i18n.side(s, lang) for s, there, later in zip("ab", present, deferred, strict=True)
                 if there and later]
        return i18n.say("deferred_by", lang, who=i18n.say("and", lang).join(sides))
    if verdict == "agree":
        return (f"{va}" if va == vb else pair) if values else ""
    words = gap()
    if set_scale or words == i18n.say("opposite", lang):
        text = with_pair(words)
    else:
        text = with_pair(i18n.say("apart_by", lang, gap=words))
    semicolon = i18n.say("semicolon", lang)
    if verdict == "bridgeable" and (distance or 0.0) <= 1e-9:
        text = with_pair(i18n.say("bracket_holds", lang))
    elif verdict == "bridgeable":
        text += semicolon + i18n.say("overlap", lang)
    if verdict == "apart" and nearer_low and low_pole is not None:
        text += semicolon + i18n.say("nearer", lang, side=i18n.side(nearer_low, lang), pole=low_pole)
    return text


def issue_record(issue: IssueTexts, a: StanceTexts | None, b: StanceTexts | None, distance: float | None,
                 verdict: str, note: str, lang: Lang) -> dict[str, Any]:
    """One row of a comparison: ids with labels beside them (the keys of :data:`RECORD_KEYS`)."""
    return {
        "area": issue.area,
        "area_label": issue.area_label,
        "issue": issue.id,
        "issue_label": issue.label,
        "value_a": a.plain if a else None,
        "value_a_label": a.label if a else "",
        "value_b": b.plain if b else None,
        "value_b_label": b.label if b else "",
        "distance": distance,
        "verdict": verdict,
        "verdict_label": i18n.verdict(verdict, lang),
        "note": note,
        "source_a": a.cite if a else None,
        "source_b": b.cite if b else None,
        "points_a": list(a.points) if a else [],
        "points_b": list(b.points) if b else [],
        "weight": issue.weight,
        **(a.citation if a else NO_CITATION).record("_a"),
        **(b.citation if b else NO_CITATION).record("_b"),
    }


RECORD_KEYS = [
    "area", "area_label", "issue", "issue_label", "value_a", "value_a_label", "value_b", "value_b_label",
    "distance", "verdict", "verdict_label", "note", "source_a", "source_b", "points_a", "points_b", "weight",
    *(f"{k}_a" for k in CITATION_KEYS), *(f"{k}_b" for k in CITATION_KEYS),
]
"""The keys of a comparison record, in order (the columns of ``Comparison.to_frame()``): the
citation of each side's stance last (``quote_a``, ``source_outlet_a``, ``url_a``, …)."""


def summary_lines(counts: Mapping[str, int], coverage: float, convergence: float, lang: Lang = "en",
                  low: float = math.nan, high: float = math.nan) -> list[str]:
    """The summary as short lines: convergence with its range, coverage, counts per verdict."""
    join = i18n.say("comma", lang).join
    listed = join(f"{i18n.verdict(k, lang)} {v}" for k, v in counts.items() if v)
    index = i18n.decimal(convergence, lang)
    if not math.isnan(low) and not math.isnan(convergence) and high - low >= 0.005:
        index = i18n.say("with_range", lang, value=index, low=i18n.decimal(low, lang), high=i18n.decimal(high, lang))
    return [
        i18n.say("convergence", lang, convergence=index),
        i18n.say("coverage", lang, coverage=i18n.percent(coverage, lang)),
        i18n.say("verdicts", lang, counts=listed or "—"),
    ]


def hinges_line(hinges: Sequence[tuple[str, float, float]], lang: Lang = "en") -> str | None:
    """"What the index hinges on: …" from (issue label, low, high) triples; None for none."""
    return _listed("hinges", [f"{label} {i18n.decimal(low, lang)}–{i18n.decimal(high, lang)}"
                              for label, low, high in hinges], lang)


def stale_line(stale: Sequence[tuple[str, str, str]], lang: Lang = "en") -> str | None:
    """The line naming stale stances, from (side, issue label, ISO date) triples; None for none."""
    return _listed("stale", [f"{i18n.header(side, lang)} {label} ({date})" for side, label, date in stale], lang)


def _listed(key: str, items: list[str], lang: Lang) -> str | None:
    """The sentence ``key`` naming ``items`` with the language's comma; None where there are none."""
    return i18n.say(key, lang, items=i18n.join(items, lang)) if items else None


def heading_lines(a: DocumentTexts, b: DocumentTexts, lang: Lang = "en") -> list[str]:
    """One line per side: "A: title (id, date, status)"."""
    comma = i18n.say("comma", lang)
    lines = []
    for side, doc in (("a", a), ("b", b)):
        meta = comma.join((doc.id, doc.date, i18n.word(doc.status, lang)))
        lines.append(f"{i18n.side(side, lang)}: {doc.title_label} ({meta})")
    return lines


def fallback_notes(a: DocumentTexts, b: DocumentTexts, issues: Sequence[IssueTexts], lang: Lang) -> list[str]:
    """A note where some text had to stay in English."""
    if lang == "en":
        return []
    missing = not (a.title_translated and b.title_translated)
    missing = missing or any(not i.translated or not i.area_translated for i in issues)
    missing = missing or not i18n.has_words(lang)
    return [i18n.say("english_fallback", lang)] if missing and i18n.say("english_fallback", lang) else []


def comparison_data(a: DocumentTexts, b: DocumentTexts, counts: Mapping[str, int], coverage: float,
                    convergence: float, both_stated: int, addressed: int,
                    issues: Sequence[dict[str, Any]], lang: Lang,
                    low: float = math.nan, high: float = math.nan) -> dict[str, Any]:
    """Plain JSON-ready data: both documents, every issue (records with stances and lines), the summary."""

    def doc(d: DocumentTexts) -> dict[str, Any]:
        return {"id": d.id, "title": d.title, "title_label": d.title_label, "date": d.date, "kind": d.kind,
                "status": d.status, "authors": list(d.authors)}

    return {
        "lang": lang,
        "a": doc(a),
        "b": doc(b),
        "summary": {
            "convergence": None if math.isnan(convergence) else convergence,
            "low": None if math.isnan(low) else low,
            "high": None if math.isnan(high) else high,
            "coverage": None if math.isnan(coverage) else coverage,
            "counts": dict(counts),
            "both_stated": both_stated,
            "addressed": addressed,
        },
        "issues": list(issues),
    }


def comparison_table(rows: list[dict[str, Any]], a: DocumentTexts, b: DocumentTexts, lang: Lang, *,
                     summary: list[str], notes: list[str], data: Any, titled: bool = True) -> Table:
    """The comparison as a :class:`~negotiation.render.formats.Table`: records, columns, title, summary."""
    columns = [Column("area", optional=True, group=True), *(Column(c) for c in COMPARISON_COLUMNS[1:])]
    title = "\n".join([i18n.say("report_title", lang, a=a.id, b=b.id), *heading_lines(a, b, lang)])
    return Table(
        rows=rows,
        columns=columns,
        title=title if titled else None,
        summary=summary if titled else [],
        notes=notes if titled else [],
        lang=lang,
        data=data,
    )
