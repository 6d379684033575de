"""The tables of the display commands, built as records (no pandas): documents, one document,
its sources, and coverage of areas.

Each function returns a :class:`~negotiation.render.formats.Table` that
:func:`~negotiation.render.formats.render` writes in any format.
"""

from __future__ import annotations

from negotiation.analysis.compare import stale_stances
from negotiation.model.models import Corpus, Document, Stance, Taxonomy
from negotiation.render import i18n
from negotiation.render.citations import Citation, citation_of
from negotiation.render.formats import Column, Table
from negotiation.render.i18n import Lang
from negotiation.render.notes import readable_note
from negotiation.render.report import document_title, stance_text, title_is_translated


def _fallback(lang: Lang, missing: bool) -> list[str]:
    note = i18n.say("english_fallback", lang)
    return [note] if missing and note else []


def documents_table(corpus: Corpus, lang: Lang = "en") -> Table:
    """One row per document: id, date, kind, status, authors, stances, title."""
    tax = corpus.taxonomy
    rows = []
    for d in corpus:
        rows.append({
            "id": d.id,
            "date": d.date,
            "kind": d.kind,
            "kind_label": i18n.word(d.kind, lang),
            "status": d.status,
            "status_label": i18n.word(d.status, lang),
            "authors": list(d.authors),
            "authors_label": [tax.parties[a].label(lang) if a in tax.parties else a for a in d.authors],
            "stances": len(d.stances),
            "title": d.title,
            "title_label": document_title(d, lang, tax),
        })
    columns = [Column(c) for c in ("id", "date", "kind", "status", "authors", "stances", "title")]
    missing = any(not title_is_translated(d, lang) for d in corpus)
    return Table(rows=rows, columns=columns, lang=lang, notes=_fallback(lang, missing))


def _position_title(doc: Document, tax: Taxonomy, lang: Lang) -> str:
    return document_title(doc, lang, tax)


def document_table(doc: Document, taxonomy: Taxonomy, lang: Lang = "en") -> Table:
    """One document's stances: issue, value (with unit), points, confidence, source or document, note.

    Each record also carries the stance's citation (quote, outlet, title, date, URL or why
    there is none: :data:`~negotiation.render.citations.CITATION_KEYS`); ``source`` is the
    outlet and date a reader sees, never the corpus's internal source key.
    """
    position = doc.kind == "position"
    stale = stale_stances(doc)
    old = {issue_id for issue_id, _, _, _ in stale}
    rows = []
    for issue_id, issue in taxonomy.issues.items():
        st = doc.stances.get(issue_id)
        if st is None:
            continue
        rows.append({
            "issue": issue_id,
            "issue_label": issue.label(lang),
            "value": _plain(st),
            "value_label": stance_text(st, issue, lang),
            "modality": st.modality.value,
            "points": list(st.points),
            "confidence": st.confidence.value,
            "document": st.document,
            "date": None if st.date is None else st.date.isoformat(),
            "date_label": _stance_date(doc, st, issue_id in old),
            "source": _cite(doc, st),
            "note": st.note,
            **citation_of(doc, st).record(),
            "note_label": readable_note(st.note, issue, taxonomy, lang),
        })
    authors = i18n.join((taxonomy.parties[a].label(lang) if a in taxonomy.parties else a for a in doc.authors), lang)
    meta = [doc.id, doc.date.isoformat(), i18n.word(doc.kind, lang), i18n.word(doc.status, lang), authors]
    title = _position_title(doc, taxonomy, lang) + "\n" + " · ".join(meta)
    if doc.summary and not position:
        title += "\n\n" + doc.summary.strip()
    elif position and doc.summary:
        used = doc.summary.split(":", 1)[-1].strip()
        title += "\n\n" + i18n.say("position_from", lang, ids=i18n.join((i.strip() for i in used.split(",")), lang))
    names = ["issue", "value", "points", "confidence", "document" if position else "source"]
    if any(r["date_label"] for r in rows):
        names.insert(names.index("document"), "date")
    notes_present = any(r["note"] for r in rows)
    if notes_present:
        names.append("note")
    columns = [Column(n) for n in names]
    missing = not title_is_translated(doc, lang) or (lang != "en" and (notes_present or bool(doc.summary)))
    notes = _fallback(lang, missing)
    if stale:
        comma = i18n.say("comma", lang)
        items = comma.join(f"{taxonomy.issues[i].label(lang)} ({d.isoformat()})" for i, d, _, _ in stale
                           if i in taxonomy.issues)
        notes = [i18n.say("stale", lang, items=items), *notes]
    return Table(rows=rows, columns=columns, title=title, lang=lang, notes=notes)


def document_data(doc: Document) -> dict[str, object]:
    """A document as JSON-ready data (its fields as in its file), each stance with its ``citation``
    (quote, outlet, title, date, URL or why there is none), which ``show --format json`` prints."""
    data: dict[str, object] = doc.model_dump(mode="json", exclude_defaults=True)
    stances = data.get("stances")
    if isinstance(stances, dict):
        for issue_id, dumped in stances.items():
            dumped["citation"] = citation_of(doc, doc.stances.get(issue_id)).record()
    return data


def _stance_date(doc: Document, st: Stance, old: bool) -> str:
    """A position's stance date where it is not the position's own; ``old`` (stale) marks it †."""
    if st.date is None or st.date == doc.date:
        return ""
    return st.date.isoformat() + (" †" if old else "")


def _plain(st: object) -> object:
    from negotiation.render.report import _plain_stance

    return _plain_stance(st)  # type: ignore[arg-type]


def sources_table(doc: Document, lang: Lang = "en") -> Table:
    """The citations behind a document, one record per stance (a position: per issue, with its document).

    A document's records come in the order of its sources, so that each source reads once
    with the issues it supports below it; a source no stance cites has a record of its own
    without an issue. Every record carries the stance's citation
    (:data:`~negotiation.render.citations.CITATION_KEYS`); readers see outlets, titles and
    dates, never the corpus's internal source keys.
    """
    tax = doc.taxonomy

    def label(issue_id: str) -> str:
        return tax.issues[issue_id].label(lang) if tax is not None and issue_id in tax.issues else issue_id

    rows: list[dict[str, object]] = []
    if doc.kind == "position":
        for issue_id, st in doc.stances.items():
            src = doc.source(st.source)
            cite = f'{src.outlet}, "{src.title}", {src.date.isoformat()}'  # the URL has a key of its own
            rows.append({"issue": issue_id, "issue_label": label(issue_id), "document": st.document,
                         "source": cite, **citation_of(doc, st).record()})
        columns = [Column(c) for c in ("issue", "document", "source", "quote")]
    else:
        for src in doc.sources:
            cited = [(i, citation_of(doc, st)) for i, st in doc.stances.items() if st.source == src.id]
            if not cited:  # cited by no stance (a corroboration, say): the source alone
                cited = [("", Citation(outlet=src.outlet, title=src.title, date=src.date.isoformat(),
                                       url=src.url or None, no_url_reason=src.no_url_reason))]
            for issue_id, citation in cited:
                rows.append({"source": src.cite(), "issue": issue_id or None,
                             "issue_label": label(issue_id) if issue_id else "", **citation.record()})
        columns = [Column("source", group=True), Column("issue")]
    title = document_title(doc, lang) + f" ({doc.id})"
    return Table(rows=rows, columns=columns, title=title, lang=lang,
                 notes=_fallback(lang, not title_is_translated(doc, lang)))


def _cite(doc: Document, st: Stance) -> str:
    """The outlet and date of a stance's source, as readers see it (the key only where the source is missing)."""
    try:
        src = doc.source(st.source)
    except KeyError:
        return st.source
    return f"{src.outlet} ({src.date.isoformat()})"


def coverage_table(corpus: Corpus, lang: Lang = "en") -> Table:
    """Documents × areas: how many issues each document addresses in each area."""
    tax = corpus.taxonomy
    areas = list(tax.areas)
    rows = []
    for doc in corpus:
        counts = dict.fromkeys(areas, 0)
        for issue_id in doc.stances:
            counts[tax.issues[issue_id].area] += 1
        rows.append({"document": doc.id, **counts, "total": sum(counts.values())})
    columns = [Column("document"), *(Column(a, header=tax.areas[a].label(lang)) for a in areas), Column("total")]
    missing = any(not tax.areas[a].has_label(lang) for a in areas)
    return Table(rows=rows, columns=columns, lang=lang, notes=_fallback(lang, missing))
