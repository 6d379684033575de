"""Positions over time: a party's effective stances at a date, and two parties' trajectory.

Which documents make a party's position (also stated in the README):

- documents it authored: proposals, memoranda, statements; in a joint draft, the agreed
  text and the party's own bracketed alternative (the other author's bracket is left out);
- with ``endorsements=True`` (the default), texts it only accepted or co-signed
  (``endorsed_by``: the March 2025 ceasefire, the Geneva framework); their bracketed
  stances are left out, since an endorser has no alternative of its own;
- for each issue the newest stance wins; documents of the same date are taken in id order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from negotiation.errors import NegotiationError, UnknownPartyError
from negotiation.model.models import Corpus, Document, Source, Stance

if TYPE_CHECKING:
    import pandas as pd


def parse_date(value: dt.date | str | None, default: dt.date | None = None) -> dt.date:
    """A date from a ``date`` or ``YYYY-MM-DD`` string; ``None`` gives ``default`` (or today)."""
    if value is None:
        return default or dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise NegotiationError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def _own_stance(doc: Document, party: str, stance: Stance) -> Stance | None:
    """The party's reading of one stance of a document, or None if it has none."""
    if stance.alternatives:
        if party not in doc.authors or party not in stance.alternatives:
            return None
        return stance.model_copy(update={"value": stance.alternatives[party], "alternatives": None})
    return stance


def position(
    corpus: Corpus,
    party: str,
    as_of: dt.date | str | None = None,
    *,
    endorsements: bool = True,
) -> Document:
    """A party's effective stances as of a date, as a document of kind ``position``.

    Each stance keeps the id of the document it came from (``stance.document``) and cites
    that document's source, renamed ``DOCUMENT/SOURCE``; the position compares and renders
    like any document.

    Examples
    --------
    >>> import negotiation as ng
    >>> ru = ng.load().position("RU", as_of="2026-02-24")
    >>> ru.stances["territory.crimea"].value
    'de_jure_russian'
    """
    if party not in corpus.taxonomy.parties:
        raise UnknownPartyError(party, corpus.taxonomy.parties)
    latest = max((d.date for d in corpus), default=dt.date.today())
    when = parse_date(as_of, default=latest)
    running = _Running(corpus, party)
    for doc in corpus.documents_by(party, endorsements=endorsements):
        if doc.date <= when:
            running.add(doc)
    return running.document(when)


class _Running:
    """A party's position built up one document at a time, documents in (date, id) order.

    ``position`` adds every document up to a date; ``trajectory`` adds each day's
    documents as it walks the dates once, so its work grows linearly with the corpus.
    """

    def __init__(self, corpus: Corpus, party: str) -> None:
        self.corpus, self.party = corpus, party
        self.stances: dict[str, Stance] = {}
        self.sources: dict[str, Source] = {}
        self.used: list[str] = []

    def add(self, doc: Document) -> None:
        took = False
        for issue_id, stance in doc.stances.items():
            own = _own_stance(doc, self.party, stance)
            if own is None:
                continue
            source_id = f"{doc.id}/{stance.source}"
            self.stances[issue_id] = own.model_copy(update={"source": source_id, "document": doc.id})
            self.sources[source_id] = doc.source(stance.source).model_copy(update={"id": source_id})
            took = True
        if took:
            self.used.append(doc.id)
            cited = {st.source for st in self.stances.values()}
            # Sources no stance cites any more can never be cited again (each document is added once).
            self.sources = {k: v for k, v in self.sources.items() if k in cited}

    def document(self, when: dt.date) -> Document:
        taxonomy = self.corpus.taxonomy
        name = taxonomy.parties[self.party].en
        return Document(
            id=f"{self.party}@{when.isoformat()}",
            title=f"{name}: position as of {when.isoformat()}",
            date=when,
            kind="position",
            status="derived",
            authors=(self.party,),
            summary="Newest stance per issue from: " + (", ".join(self.used) if self.used else "no documents"),
            sources=tuple(self.sources.values()),
            stances={k: self.stances[k] for k in taxonomy.issues if k in self.stances},
        ).with_taxonomy(taxonomy)


def _stance_key(stance: Stance) -> tuple[Any, ...]:
    alts = tuple(sorted((stance.alternatives or {}).items()))
    return (stance.value, alts, stance.modality, stance.accepts)


def moved_issues(old: Mapping[str, Stance], new: Mapping[str, Stance]) -> list[str]:
    """Issues whose stance differs between two stance mappings (added, dropped or changed)."""
    out = []
    for issue_id in sorted(set(old) | set(new)):
        a, b = old.get(issue_id), new.get(issue_id)
        if (a is None) != (b is None) or (a is not None and b is not None and _stance_key(a) != _stance_key(b)):
            out.append(issue_id)
    return out


def trajectory(
    corpus: Corpus,
    party_a: str,
    party_b: str,
    *,
    endorsements: bool = True,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """How far apart two parties' positions were at each date either changed.

    Returns a DataFrame with one row per such date: ``date`` (datetime64, so
    ``.set_index("date").resample(...)`` works), ``convergence``, ``coverage``,
    ``both_stated`` (issues both sides state), ``apart`` (issues apart), ``moved`` (a list
    of the issues whose stance changed that day, as ``PARTY:issue``) and ``documents``
    (a list of the documents of that day).
    """
    import pandas as pd

    from negotiation.analysis.compare import compare

    for p in (party_a, party_b):
        if p not in corpus.taxonomy.parties:
            raise UnknownPartyError(p, corpus.taxonomy.parties)
    rows = []
    prev: dict[str, Mapping[str, Stance]] = {party_a: {}, party_b: {}}
    running = {p: _Running(corpus, p) for p in (party_a, party_b)}

    days: dict[dt.date, list[Document]] = {}
    for d in corpus:  # one pass in (date, id) order: every position grows by its day's documents
        if d.involves(party_a, endorsements=endorsements) or d.involves(party_b, endorsements=endorsements):
            days.setdefault(d.date, []).append(d)
    for day, todays in days.items():
        for p in (party_a, party_b):
            for d in todays:
                if d.involves(p, endorsements=endorsements):
                    running[p].add(d)
        now = {p: running[p].document(day) for p in (party_a, party_b)}
        moved = [f"{p}:{i}" for p in (party_a, party_b) for i in moved_issues(prev[p], now[p].stances)]
        if not moved:
            continue
        cmp = compare(now[party_a], now[party_b], taxonomy=corpus.taxonomy, weights=weights)
        docs = [d.id for d in todays]
        rows.append({
            "date": day,
            "convergence": cmp.summary.convergence,
            "coverage": cmp.summary.coverage,
            "both_stated": cmp.summary.both_stated,
            "apart": cmp.summary.counts["apart"],
            "moved": moved,
            "documents": docs,
        })
        prev = {p: doc.stances for p, doc in now.items()}
    columns = ["date", "convergence", "coverage", "both_stated", "apart", "moved", "documents"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame  # type: ignore[no-any-return,unused-ignore]


def coverage(corpus: Corpus) -> pd.DataFrame:
    """Documents × areas: how many issues each document addresses in each area."""
    import pandas as pd

    areas = list(corpus.taxonomy.areas)
    rows = {}
    for doc in corpus:
        counts = dict.fromkeys(areas, 0)
        for issue_id in doc.stances:
            counts[corpus.taxonomy.issues[issue_id].area] += 1
        rows[doc.id] = counts
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=areas)
    frame.index.name = "document"
    frame["total"] = frame.sum(axis=1)
    return frame  # type: ignore[no-any-return,unused-ignore]
