"""Views of a :class:`~negotiation.analysis.compare.Comparison`: records, frames, tables, JSON, HTML.

Nothing here computes a distance or a verdict. The comparison is turned once into records
(:func:`comparison_rows`: language-neutral ids with a label beside each), and every view
is written from them: a text table in any format (:func:`comparison_table`), a titled
report (:func:`comparison_report`), a DataFrame (:func:`comparison_frame`), JSON
(:func:`comparison_dict`), the notebook's coloured table (:func:`comparison_html`) and a
pandas Styler (:func:`comparison_style`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from negotiation.memo import remembered
from negotiation.model.models import Document, Issue, Poles, Stance, Taxonomy, plain_stance
from negotiation.model.scales import NumericScale, OrdinalScale, SetScale
from negotiation.render import diff_text, i18n
from negotiation.render.citations import citation_of
from negotiation.render.diff_text import (
    NUMERIC_GAP,
    OPPOSITE_GAP,
    ORDINAL_GAP,
    RECORD_KEYS,
    SET_GAP,
    VERDICT_ORDER,
    DocumentTexts,
    IssueTexts,
    StanceTexts,
)
from negotiation.render.formats import VERDICT_COLORS as VERDICT_COLORS  # re-exported for notebooks
from negotiation.render.formats import Column, Table, bidi_html, html_table, page_attributes, render
from negotiation.render.i18n import Lang

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

    from negotiation.analysis.compare import Comparison, IssueDiff

VERDICT_LABELS = i18n.VERDICTS
HEADERS = i18n.HEADERS

def set_display_language(lang: Lang) -> None:
    """Removed: there is no global display language (the language is always an argument).

    Raises a ``TypeError`` that says what to call instead: ``cmp.view("ar")`` in a notebook,
    ``cmp.render(lang="ar")``, ``cmp.to_html("ar")``.
    """
    raise TypeError(f"there is no global display language any more: show a comparison in {lang!r} with "
                    f"cmp.view({lang!r}) in a notebook, or pass lang={lang!r} to render, to_frame or to_html")


def verdict_label(verdict: str, lang: Lang = "en") -> str:
    """A verdict's name in ``lang``."""
    return i18n.verdict(str(verdict), lang)


# --- values and lines


def number_text(scale: NumericScale, value: Any, lang: Lang) -> str:
    """A number with its unit ("85,000 personnel"); the scale's "no limit" word as is."""
    text = scale.format(value, lang)
    if isinstance(value, str):
        return text
    return f"{text} {i18n.unit(scale.unit, lang)}"


def value_text(scale: Any, value: Any, lang: Lang = "en") -> str:
    """One value in words, the one function that writes one: a level's label, a number with its unit."""
    return number_text(scale, value, lang) if isinstance(scale, NumericScale) else scale.format(value, lang)


def stance_text(stance: Stance | None, issue: Issue, lang: Lang = "en") -> str:
    """A stance's value(s) for people, numbers with their unit; "deferred" where deferred.

    The one function that writes a stance (tables, notes, frames' labels, ``IssueDiff.value``).
    """
    if stance is None:
        return ""
    scale = issue.scale
    if stance.alternatives and isinstance(scale, NumericScale):
        values = sorted(stance.values, key=lambda v: scale.number(v))
        lo, hi = values[0], values[-1]
        if scale.number(lo) == scale.number(hi):
            text = number_text(scale, lo, lang)
        elif isinstance(hi, str) or isinstance(lo, str):
            text = f"{number_text(scale, lo, lang)} – {number_text(scale, hi, lang)}"
        else:
            text = f"{scale.format(lo, lang)}–{number_text(scale, hi, lang)}"
    elif stance.alternatives:
        text = " / ".join(f"{p}: {scale.format(v, lang)}" for p, v in stance.alternatives.items())
    elif stance.value is None:
        text = ""
    else:
        text = value_text(scale, stance.value, lang)
    if not stance.stated:
        word = i18n.word("deferred", lang)
        text = f"{text} ({word})" if text else word
    return text


def gap_kind(scale: Any) -> str:
    """How :func:`~negotiation.render.diff_text.gap_text` puts a gap on this scale in words."""
    if isinstance(scale, OrdinalScale):
        return ORDINAL_GAP
    if isinstance(scale, NumericScale):
        return NUMERIC_GAP
    if isinstance(scale, SetScale):
        return SET_GAP
    return OPPOSITE_GAP


def _gap_text(diff: IssueDiff, lang: Lang) -> str:
    scale = diff.issue.scale
    assert diff.a is not None and diff.b is not None
    unit = i18n.unit(scale.unit, lang) if isinstance(scale, NumericScale) else ""
    return diff_text.gap_text(gap_kind(scale), diff.a.span(scale), diff.b.span(scale), lang, unit)


def describe_diff(diff: IssueDiff, lang: Lang = "en", poles: Poles | None = None, *, values: bool = True) -> str:
    """One readable line for an issue diff: "85,000 personnel vs 600,000 personnel: 515,000 personnel apart".

    With ``values=False`` the line leaves out what the table's value columns already say
    (the Note column of a table): "515,000 personnel apart; A nearer …".
    """
    va = None if diff.a is None else stance_text(diff.a, diff.issue, lang)
    vb = None if diff.b is None else stance_text(diff.b, diff.issue, lang)
    low_pole = None if poles is None else poles.low.label(lang)
    return _note(diff, va, vb, lang, low_pole)(values=values)


def _note(diff: IssueDiff, va: str | None, vb: str | None, lang: Lang, low_pole: str | None) -> partial[str]:
    """:func:`~negotiation.render.diff_text.diff_note` for ``diff``, all but ``values`` given."""
    a, b = diff.a, diff.b
    return partial(
        diff_text.diff_note, diff.verdict.value, va, vb, lang,
        deferred=(a is not None and not a.stated, b is not None and not b.stated),
        gap=partial(_gap_text, diff, lang), set_scale=isinstance(diff.issue.scale, SetScale),
        distance=diff.distance, nearer_low=diff.nearer_low, low_pole=low_pole,
    )


def document_title(doc: Document, lang: Lang = "en", taxonomy: Taxonomy | None = None) -> str:
    """A document's title in ``lang``; a party's position is titled in ``lang`` too."""
    tax = taxonomy or doc.taxonomy
    if doc.kind == "position" and len(doc.authors) == 1 and tax is not None and doc.authors[0] in tax.parties:
        party = tax.parties[doc.authors[0]].label(lang)
        return i18n.say("position_as_of", lang, party=party, date=doc.date.isoformat())
    return doc.label(lang)


def title_is_translated(doc: Document, lang: Lang) -> bool:
    """Whether :func:`document_title` has the title in ``lang`` (positions always do)."""
    return lang == "en" or doc.kind == "position" or bool(doc.titles.get(lang))


def _cite(doc: Document, stance: Stance | None) -> str | None:
    if stance is None:
        return None
    try:
        src = doc.source(stance.source)
    except KeyError:
        return stance.source
    return f"{src.outlet} ({src.date.isoformat()})"


# --- texts


def issue_texts(issue: Issue, taxonomy: Taxonomy, lang: Lang = "en") -> IssueTexts:
    """What a comparison says of ``issue`` in ``lang`` (labels, weight, how its gaps read); made once."""

    def make() -> IssueTexts:
        area = taxonomy.areas[issue.area]
        scale = issue.scale
        return IssueTexts(
            id=issue.id, area=issue.area, area_label=area.label(lang), area_translated=area.has_label(lang),
            label=issue.label(lang), translated=issue.has_label(lang), weight=issue.weight,
            gap_kind=gap_kind(scale), unit=i18n.unit(scale.unit, lang) if isinstance(scale, NumericScale) else "",
        )

    return remembered(issue, ("texts", lang), make, (taxonomy,))


def stance_texts(doc: Document, stance: Stance, issue: Issue, lang: Lang = "en") -> StanceTexts:
    """What a comparison says of a stance of ``doc`` in ``lang`` (value, source, points); made once."""

    def make() -> StanceTexts:
        return StanceTexts(label=stance_text(stance, issue, lang), plain=_plain_stance(stance),
                           cite=_cite(doc, stance), points=tuple(stance.points), stated=stance.stated,
                           citation=citation_of(doc, stance))

    return remembered(stance, ("texts", lang), make, (doc, issue))


def document_texts(doc: Document, taxonomy: Taxonomy | None, lang: Lang = "en") -> DocumentTexts:
    """What a comparison says of ``doc`` in ``lang`` (its title, date, status)."""
    return DocumentTexts(id=doc.id, title=doc.title, title_label=document_title(doc, lang, taxonomy),
                         title_translated=title_is_translated(doc, lang), date=doc.date.isoformat(),
                         kind=doc.kind, status=doc.status, authors=tuple(doc.authors))


# --- records


def comparison_rows(cmp: Comparison, lang: Lang = "en") -> list[dict[str, Any]]:
    """The comparison as records, one per issue: ids with labels beside them.

    Keys (:data:`~negotiation.render.diff_text.RECORD_KEYS`): ``area``, ``area_label``,
    ``issue``, ``issue_label``, ``value_a``, ``value_a_label``, ``value_b``,
    ``value_b_label``, ``distance``, ``verdict``, ``verdict_label``, ``note`` (what the
    values do not already say), ``source_a``, ``source_b``, ``points_a``, ``points_b``
    (lists), ``weight``, then each side's citation (``quote_a``, ``source_outlet_a``,
    ``url_a``, … :data:`~negotiation.render.citations.CITATION_KEYS` with ``_a`` and ``_b``).
    """
    return _records(cmp, lang)[0]


def _records(cmp: Comparison, lang: Lang, *, lines: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
    """The records of :func:`comparison_rows` and, with ``lines``, each issue's whole line, in one pass."""
    tax = cmp.taxonomy
    low_pole = tax.poles.low.label(lang)
    rows, whole = [], []
    for d in cmp.diffs:
        ta = None if d.a is None else stance_texts(cmp.a, d.a, d.issue, lang)
        tb = None if d.b is None else stance_texts(cmp.b, d.b, d.issue, lang)
        note = _note(d, None if ta is None else ta.label, None if tb is None else tb.label, lang, low_pole)
        rows.append(diff_text.issue_record(issue_texts(d.issue, tax, lang), ta, tb, d.distance,
                                           d.verdict.value, note(values=False), lang))
        if lines:
            whole.append(note(values=True))
    return rows, whole


_plain_stance = plain_stance  # moved to the model: a stance as plain data is not words


def summary_lines(cmp: Comparison, lang: Lang = "en") -> list[str]:
    """The summary as short lines: convergence, coverage, counts per verdict."""
    s = cmp.summary
    lines = diff_text.summary_lines(s.counts, s.coverage, s.convergence, lang, s.low, s.high)
    if s.uncertain:
        hinges = cmp.hinges(3)
        if hinges:
            comma = i18n.say("comma", lang)
            items = comma.join(
                f"{cmp.taxonomy.issues[h.issue].label(lang)} {i18n.decimal(h.low, lang)}–{i18n.decimal(h.high, lang)}"
                for h in hinges)
            lines.append(i18n.say("hinges", lang, items=items))
    stale = cmp.stale()
    if stale:
        comma = i18n.say("comma", lang)
        items = comma.join(
            f"{i18n.header(s.side, lang)} {cmp.taxonomy.issues[s.issue].label(lang)} ({s.date.isoformat()})"
            for s in stale)
        lines.append(i18n.say("stale", lang, items=items))
    return lines


def heading(cmp: Comparison, lang: Lang = "en") -> list[str]:
    """One line per side: "A: title (id, date, status)"."""
    return diff_text.heading_lines(document_texts(cmp.a, cmp.taxonomy, lang),
                                   document_texts(cmp.b, cmp.taxonomy, lang), lang)


def fallback_notes(cmp: Comparison, lang: Lang) -> list[str]:
    """A note where some text had to stay in English."""
    if lang == "en":
        return []
    tax = cmp.taxonomy
    return diff_text.fallback_notes(document_texts(cmp.a, tax, lang), document_texts(cmp.b, tax, lang),
                                    [issue_texts(d.issue, tax, lang) for d in cmp.diffs], lang)


def comparison_table_data(cmp: Comparison, lang: Lang = "en", *, titled: bool = True) -> Table:
    """The comparison as a :class:`Table`: records, the columns people read, title and summary."""
    tax = cmp.taxonomy
    rows, lines = _records(cmp, lang, lines=True)
    return diff_text.comparison_table(
        rows, document_texts(cmp.a, tax, lang), document_texts(cmp.b, tax, lang), lang,
        summary=summary_lines(cmp, lang), notes=fallback_notes(cmp, lang),
        data=_comparison_data(cmp, lang, rows, lines), titled=titled,
    )


def comparison_table(cmp: Comparison, fmt: str = "github", lang: Lang = "en", *, width: int = 100) -> str:
    """The table alone in any format of :data:`~negotiation.render.formats.FORMATS`.

    Raises :class:`~negotiation.render.formats.FormatError` for a format it does not write.
    """
    return render(comparison_table_data(cmp, lang, titled=False), fmt, width=width)


def comparison_report(cmp: Comparison, fmt: str = "simple", lang: Lang = "en", *, width: int = 100,
                      color: bool = False) -> str:
    """Both documents named, the table, then the summary, in any format."""
    return render(comparison_table_data(cmp, lang), fmt, width=width, color=color)


def comparison_dict(cmp: Comparison, lang: Lang = "en") -> dict[str, Any]:
    """Plain JSON-ready data: both documents, every issue with ids, values and labels, the summary."""
    return _comparison_data(cmp, lang, *_records(cmp, lang, lines=True))


def _comparison_data(cmp: Comparison, lang: Lang, rows: list[dict[str, Any]], lines: list[str]) -> dict[str, Any]:
    def stance(st: Stance | None) -> Any:
        if st is None:
            return None
        data: dict[str, Any] = st.model_dump(mode="json", exclude_defaults=True)
        return data

    s, tax = cmp.summary, cmp.taxonomy
    issues = [{**row, "a": stance(d.a), "b": stance(d.b), "line": line}
              for row, d, line in zip(rows, cmp.diffs, lines, strict=True)]
    return diff_text.comparison_data(document_texts(cmp.a, tax, lang), document_texts(cmp.b, tax, lang),
                                     s.counts, s.coverage, s.convergence, s.both_stated, s.addressed, issues, lang,
                                     s.low, s.high)


def comparison_json(cmp: Comparison, lang: Lang = "en", indent: int | None = 2) -> str:
    """:func:`comparison_dict` as a JSON string (NaN written as null)."""
    import json

    from negotiation.render.machine import json_default, json_safe

    return json.dumps(json_safe(comparison_dict(cmp, lang)), ensure_ascii=False, indent=indent, default=json_default)


# --- frames


@cache
def verdict_dtype() -> Any:
    """The ordered categorical of verdict ids."""
    import pandas as pd

    return pd.CategoricalDtype(list(VERDICT_ORDER), ordered=True)


@cache
def verdict_label_dtype(lang: Lang) -> Any:
    """The ordered categorical of verdict labels in ``lang``."""
    import pandas as pd

    return pd.CategoricalDtype([verdict_label(v, lang) for v in VERDICT_ORDER], ordered=True)


FRAME_COLUMNS = RECORD_KEYS


def comparison_frame(cmp: Comparison, lang: Lang = "en") -> pd.DataFrame:
    """A DataFrame with one row per issue (see :meth:`Comparison.to_frame`).

    ``verdict`` is an ordered categorical (agree < close < bridgeable < apart < deferred <
    one_sided < silent) of ids, ``verdict_label`` the same in ``lang``; ``distance`` is a
    float (NaN where not both stated); ``points_a``/``points_b`` are lists.
    """
    import numpy as np
    import pandas as pd

    rows = comparison_rows(cmp, lang)
    columns: dict[str, Any] = {k: [r[k] for r in rows] for k in FRAME_COLUMNS}
    # Built column by column: categoricals from their codes, distances as floats (None -> NaN).
    codes = np.array([VERDICT_ORDER.index(v) for v in columns["verdict"]], dtype=np.int8)
    columns["verdict"] = pd.Categorical.from_codes(codes, dtype=verdict_dtype())
    columns["verdict_label"] = pd.Categorical.from_codes(codes, dtype=verdict_label_dtype(lang))
    columns["distance"] = np.array([np.nan if d is None else d for d in columns["distance"]], dtype=np.float64)
    frame: pd.DataFrame = pd.DataFrame(columns, columns=FRAME_COLUMNS)
    return frame


def comparison_style(cmp: Comparison, lang: Lang = "en") -> Styler:
    """A pandas Styler of the frame's readable columns, each row coloured by its verdict.

    Text and background colour are both set, so the rows read on light and dark themes.
    pandas' Styler needs jinja2 (in the ``[plot]`` extra).
    """
    try:
        import jinja2  # noqa: F401  (pandas' Styler imports it on first use)
    except ImportError:
        from negotiation.errors import NegotiationError

        raise NegotiationError("Comparison.style() needs jinja2 (pandas' Styler): "
                               "pip install 'negotiation[plot]' or pip install jinja2") from None
    frame = comparison_frame(cmp, lang)
    shown = frame[["area_label", "issue_label", "value_a_label", "value_b_label", "distance",
                   "verdict_label", "note"]]
    shown.columns = [i18n.header(c, lang) for c in ("area", "issue", "a", "b", "distance", "verdict", "note")]
    verdicts = list(frame["verdict"].astype(str))

    def colour(row: Any) -> list[str]:
        fg, bg = VERDICT_COLORS[verdicts[row.name]]
        return [f"color: {fg}; background-color: {bg}"] * len(row)

    styler = shown.style.apply(colour, axis=1).format({shown.columns[4]: "{:.2f}"}, na_rep="")
    styler = styler.hide(axis="index")
    if lang in i18n.RTL:
        styler = styler.set_table_attributes('dir="rtl"')
    return styler  # type: ignore[no-any-return]


# --- notebook


def comparison_html(cmp: Comparison, lang: Lang = "en") -> str:
    """A coloured HTML table for notebooks: rows coloured by verdict (text and background).

    A comparison shows itself in English; ``cmp.view("ar")`` shows it in Arabic.
    """
    table = comparison_table_data(cmp, lang)
    columns = list(table.columns)
    columns[2:4] = [Column("value_a", header=cmp.a.id), Column("value_b", header=cmp.b.id)]
    table = replace(table, columns=tuple(columns))
    rules = " ".join(
        f".negotiation-comparison tr.v-{v} td {{color: {fg}; background-color: {bg};}}"
        for v, (fg, bg) in VERDICT_COLORS.items()
    )
    heads = "".join(f"<div>{bidi_html(line, lang)}</div>" for line in heading(cmp, lang))
    summary = "<br>".join(bidi_html(x, lang) for x in [*table.summary, *table.notes])
    return (
        f'<div class="negotiation-comparison" {page_attributes(lang)}><style>{rules}</style>{heads}'
        f"{html_table(table)}<p>{summary}</p></div>"
    )


def frame_table(frame: pd.DataFrame, fmt: str = "github", *, lang: Lang = "en", width: int = 100) -> str:
    """Any DataFrame the analysis functions return, as a table in any format, fitted to ``width``.

    Numbers are written as every table writes them (two decimals).
    """
    from negotiation.render.formats import table_of

    return render(table_of(frame, lang=lang), fmt, width=width)


class ComparisonView:
    """A comparison bound to a language, for notebooks: ``cmp.view("ar")``."""

    def __init__(self, cmp: Comparison, lang: Lang) -> None:
        self.comparison = cmp
        self.lang = lang

    def _repr_html_(self) -> str:
        return comparison_html(self.comparison, self.lang)

    def to_frame(self) -> pd.DataFrame:
        """The comparison's frame in this view's language."""
        return comparison_frame(self.comparison, self.lang)

    def __str__(self) -> str:
        return comparison_report(self.comparison, "simple_grid", self.lang)

    def __repr__(self) -> str:
        return f"ComparisonView({self.comparison.a.id!r} vs {self.comparison.b.id!r}, lang={self.lang!r})"
