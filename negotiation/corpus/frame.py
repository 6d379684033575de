"""The corpus as a table: one tidy row per stance, and the codebook that explains its columns.

:func:`stances` is what a researcher opens in pandas or a spreadsheet (``negotiation export``
writes it); :func:`codebook` lists every issue, its scale, its levels and their labels in
every language the taxonomy has, so that the values in the table can be read without the
YAML files.

One row per stance. A bracketed stance (a joint draft's ``alternatives``) gives one row per
alternative, with ``party`` the author whose value it is and ``bracketed`` true; every other
stance has ``party`` = the document's authors joined by ``+`` (``US+UA``). Silent issues have
no row; a deferred issue has a row with ``modality`` ``deferred`` and no value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from negotiation.model.arguments import CORPUS, ISSUES, LANG, takes

if TYPE_CHECKING:
    import pandas as pd

    from negotiation.model.models import Corpus, Document, Issue, Source, Stance, Taxonomy

__all__ = ["CODEBOOK_COLUMNS", "STANCE_COLUMNS", "codebook", "stances"]

STANCE_COLUMNS: dict[str, str] = {
    "document": "the document's id (a file documents/<id>.yaml)",
    "title": "the document's title, in English",
    "date": "the document's own date",
    "kind": "proposal, joint_draft, memorandum, statement, agreement, position or scenario",
    "status": "official, leaked or reported",
    "authors": "the document's authors, party codes joined by +",
    "party": "whose stance the row is: the authors joined by +, or, for a bracketed stance, the one author",
    "area": "the area id, the part of the issue id before the dot",
    "issue": "the issue id (codebook: its scale and levels)",
    "scale": "ordinal, numeric, set or flag",
    "modality": "stated, or deferred (left to later talks; no value)",
    "value": "the value as written: a level id, a number, members joined by ';', true or false",
    "value_label": "the value as a reader sees it, in the export's language",
    "level": "ordinal scales: the level's rank, 0 at the low pole",
    "number": "numeric scales: the number, in the scale's unit (an 'unlimited' word is the upper bound)",
    "unit": "numeric scales: the unit",
    "position": "where the value sits between the low pole (0) and the high pole (1); empty on set scales",
    "bracketed": "true for one alternative of a bracketed stance (each author's value in a joint draft)",
    "accepts": "values the author could also live with, joined by ';'",
    "points": "the document's point numbers the stance comes from, joined by ';'",
    "confidence": "high, medium or low (ordered low < medium < high)",
    "source_outlet": "the outlet the stance is cited to",
    "source_title": "the cited article's or text's title",
    "source_date": "the cited source's date",
    "url": "the cited source's address, where it has one (a printed primary text may have none)",
    "no_url_reason": "why the cited source has no address (a printed text, a page that cannot be found)",
    "quote": "the source's words behind the stance",
    "quote_kind": "verbatim, translation or paraphrase",
    "quote_lang": "the quote's language",
    "note": "one line in our words: how the stance was read",
}
"""The columns of :func:`stances`, in order, each with what it holds (the codebook's first part)."""

CODEBOOK_COLUMNS = ("area", "issue", "scale", "unit", "lower", "upper", "log", "weight", "value",
                    "level", "position")
"""The codebook's fixed columns; ``area_label_<lang>``, ``issue_label_<lang>`` and
``label_<lang>`` follow for every language of the taxonomy."""

_CONFIDENCE = ("low", "medium", "high")


def _text(value: Any) -> str:
    """A value as written in the corpus: a level id, a number, ``a;b`` members, ``true``/``false``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, frozenset | set | tuple | list):
        return ";".join(sorted(str(v) for v in value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _measures(issue: Issue, value: Any) -> tuple[int | None, float | None, float | None]:
    """``(level, number, position)`` of a value on its issue's scale."""
    scale = issue.scale
    return scale.rank(value), scale.amount(value), scale.position(value)


def _source(doc: Document, stance: Stance) -> Source | None:
    try:
        return doc.source(stance.source)
    except KeyError:
        return None


def _rows(doc: Document, taxonomy: Taxonomy, lang: str) -> list[dict[str, Any]]:
    rows = []
    authors = "+".join(doc.authors)
    for issue_id, stance in doc.stances.items():
        issue = taxonomy.issues[issue_id]
        src = _source(doc, stance)
        base: dict[str, Any] = {
            "document": doc.id, "title": doc.title, "date": doc.date, "kind": doc.kind, "status": doc.status,
            "authors": authors, "area": issue.area, "issue": issue_id, "scale": issue.scale.kind,
            "modality": stance.modality.value,
            "unit": issue.scale.quantity_unit,
            "accepts": ";".join(_text(v) for v in stance.accepts) or None,
            "points": ";".join(stance.points) or None,
            "confidence": stance.confidence.value,
            "source_outlet": src.outlet if src else None, "source_title": src.title if src else None,
            "source_date": src.date if src else None, "url": src.url if src else None,
            "no_url_reason": src.no_url_reason if src else None,
            "quote": stance.quote, "quote_kind": stance.quote_kind.value,
            "quote_lang": stance.quote_lang or (src.language if src else None), "note": stance.note,
        }
        values: list[tuple[str, Any, bool]]
        if stance.alternatives:
            values = [(party, v, True) for party, v in stance.alternatives.items()]
        else:
            values = [(authors, stance.value, False)]
        for party, value, bracketed in values:
            level, number, position = _measures(issue, value) if value is not None else (None, None, None)
            rows.append({
                **base, "party": party, "bracketed": bracketed,
                "value": None if value is None else _text(value),
                "value_label": None if value is None else issue.scale.format(value, lang),
                "level": level, "number": number, "position": position,
            })
    return rows


@takes(corpus=CORPUS, lang=LANG, issues=ISSUES.or_none())
def stances(corpus: Corpus, *, lang: str = "en", issues: list[str] | None = None) -> pd.DataFrame:
    """Every stance of the corpus as a tidy DataFrame, one row per stance.

    Parameters
    ----------
    corpus
        A loaded corpus (:func:`negotiation.load`).
    lang
        The language of ``value_label`` (English where the taxonomy has no label in it).
    issues
        Only these issue ids (default: all). When every issue kept has the same ordinal
        levels, ``value`` is a categorical ordered from the low pole to the high pole.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`STANCE_COLUMNS`, in that order, sorted by date, document and
        the taxonomy's issue order. ``date`` and ``source_date`` are ``datetime64``;
        ``issue`` and ``area`` are categoricals in the taxonomy's order, ``confidence`` is
        ordered ``low < medium < high``; ``level`` is ``Int64``, ``number`` and
        ``position`` are ``Float64`` (missing where the scale has none).

    Examples
    --------
    >>> import negotiation as ng
    >>> frame = ng.stances(ng.load())
    >>> frame.loc[frame.issue == "security.army_cap", ["document", "party", "number"]].head(2)  # doctest: +SKIP
    """
    import pandas as pd

    taxonomy = corpus.taxonomy
    unknown = sorted(set(issues or ()) - set(taxonomy.issues))
    if unknown:
        from negotiation.errors import NegotiationError

        raise NegotiationError(f"unknown issue(s) {', '.join(unknown)}")
    keep = set(issues) if issues else None
    rows = [r for doc in corpus for r in _rows(doc, taxonomy, lang) if keep is None or r["issue"] in keep]
    frame = pd.DataFrame(rows, columns=list(STANCE_COLUMNS))
    order = {issue_id: i for i, issue_id in enumerate(taxonomy.issues)}
    frame["_order"] = frame["issue"].map(order)
    frame = frame.sort_values(["date", "document", "_order", "party"], kind="stable").drop(columns="_order")
    frame = frame.reset_index(drop=True)
    for column in ("date", "source_date"):
        frame[column] = pd.to_datetime(frame[column])
    frame["issue"] = pd.Categorical(frame["issue"], categories=list(taxonomy.issues), ordered=True)
    frame["area"] = pd.Categorical(frame["area"], categories=list(taxonomy.areas), ordered=True)
    frame["confidence"] = pd.Categorical(frame["confidence"], categories=_CONFIDENCE, ordered=True)
    for column in ("kind", "status", "scale", "modality", "quote_kind"):
        frame[column] = frame[column].astype("category")
    frame["level"] = frame["level"].astype("Int64")
    frame["number"] = frame["number"].astype("Float64")
    frame["position"] = frame["position"].astype("Float64")
    frame["bracketed"] = frame["bracketed"].astype(bool)
    kept = [taxonomy.issues[i] for i in (issues or taxonomy.issues)]
    levels = {i.scale.level_order for i in kept}
    if issues and len(levels) == 1 and None not in levels:
        frame["value"] = pd.Categorical(frame["value"], categories=list(levels.pop() or ()), ordered=True)
    return frame


def _scale_values(issue: Issue, taxonomy: Taxonomy) -> list[tuple[str | None, Any]]:
    """``(value as written, the value)`` for every value a scale names (one row for a bare numeric scale)."""
    return issue.scale.listed(list(taxonomy.parties))


def _languages(taxonomy: Taxonomy) -> list[str]:
    found: set[str] = set()
    for item in (*taxonomy.areas.values(), *taxonomy.issues.values(), *taxonomy.parties.values()):
        found |= set(item.labels)
    return ["en", *sorted(found)]


@takes(corpus=CORPUS)
def codebook(corpus: Corpus) -> pd.DataFrame:
    """What every value in :func:`stances` means: one row per issue and level (or member).

    Ordinal scales list each level with its rank (``level``) and ``position`` (0 at the low
    pole, 1 at the high pole); flag scales ``false`` and ``true``; set scales each member of
    their vocabulary (party codes with the party's name as label); numeric scales one row
    with their unit, bounds and whether distances are on a log scale, plus their
    ``unlimited`` word where they have one. Labels follow for every language the taxonomy
    has: ``area_label_en``, ``issue_label_en``, ``label_en``, then ``_ar``…

    Examples
    --------
    >>> import negotiation as ng
    >>> from negotiation.corpus.frame import codebook
    >>> book = codebook(ng.load())
    >>> book.loc[book.issue == "territory.crimea", "value"].tolist()[:2]
    ['ukrainian', 'contact_line']
    """
    import pandas as pd

    taxonomy = corpus.taxonomy
    langs = _languages(taxonomy)
    rows = []
    for issue_id, issue in taxonomy.issues.items():
        scale = issue.scale
        area = taxonomy.areas.get(issue.area)
        lower, upper, log = scale.bounds or (None, None, None)
        for written, value in _scale_values(issue, taxonomy):
            row: dict[str, Any] = {
                "area": issue.area, "issue": issue_id, "scale": scale.kind,
                "unit": scale.quantity_unit, "lower": lower, "upper": upper, "log": log,
                "weight": issue.weight, "value": written,
                "level": scale.rank(value) if value is not None else None,
                "position": scale.position(value) if value is not None else None,
            }
            for lang in langs:
                row[f"area_label_{lang}"] = area.label(lang) if area else issue.area
                row[f"issue_label_{lang}"] = issue.label(lang)
                row[f"label_{lang}"] = _value_label(issue, taxonomy, written, value, lang)
            rows.append(row)
    frame = pd.DataFrame(rows)
    frame["level"] = frame["level"].astype("Int64")
    frame["position"] = frame["position"].astype("Float64")
    return frame


def _value_label(issue: Issue, taxonomy: Taxonomy, written: str | None, value: Any, lang: str) -> str | None:
    if written is None:
        return None
    if value is None:  # a member a set scale lists (Scale.listed): named by its party where it is one
        party = taxonomy.parties.get(written)
        return party.label(lang) if party else written
    return issue.scale.format(value, lang)
