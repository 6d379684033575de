"""Positions over time: a party's effective stances at a date, and two parties' trajectory.

Which documents make a party's position (also stated in the README):

- documents it authored: proposals, memoranda, statements; in a joint draft, the agreed
  text and the party's own bracketed alternative (the other author's bracket is left out);
- with ``endorsements=True`` (the default), texts it only accepted or co-signed
  (``endorsed_by``: the March 2025 ceasefire, the Geneva framework); their bracketed
  stances are left out, since an endorser has no alternative of its own;
- per issue, the stance in force by the rules of :func:`position` (newest at or above the
  confidence floor; revisions supersede; own words over endorsements; age visible);
  documents of the same date are taken in id order. :func:`explain` says why, per issue.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from negotiation.errors import NegotiationError, UnknownPartyError
from negotiation.model.arguments import BOOL, CONFIDENCE, CORPUS, COUNT, DATE, PARTY, WEIGHTS, takes
from negotiation.model.models import Confidence, Corpus, Document, Source, Stance

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
    text = str(value)
    match = _ISO_DATE.match(text)
    if match is None:
        raise NegotiationError(f"invalid date {text!r}: expected YYYY-MM-DD")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise NegotiationError(f"invalid date {text!r}: there is no month {month} (months run 01 to 12)")
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        why = f"{day} {name} does not exist ({name} {year} has {last} days)" if day else "there is no day 00"
        raise NegotiationError(f"invalid date {text!r}: {why}")
    return dt.date(year, month, day)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def require_documents(corpus: Corpus, party: str, as_of: dt.date | str | None = None, *,
                      endorsements: bool = True) -> None:
    """Raise a one-line error when ``party`` has no document dated up to ``as_of``.

    A position before a party's first document is empty; comparing or predicting from it
    would print an empty table. The error names the first document and its date, so the
    user knows which date to ask for instead. Unknown parties raise
    :class:`~negotiation.errors.UnknownPartyError`.
    """
    if party not in corpus.taxonomy.parties:
        raise UnknownPartyError(party, corpus.taxonomy.parties)
    documents = corpus.documents_by(party, endorsements=endorsements)
    if not documents:
        raise NegotiationError(f"{party} has no documents in this corpus: no position to take")
    date = parse_date(as_of)
    first = documents[0]
    if first.date > date:
        raise NegotiationError(f"{party} has no documents up to {date.isoformat()}: its first, "
                               f"{first.id}, is dated {first.date.isoformat()}")


def _own_stance(doc: Document, party: str, stance: Stance) -> Stance | None:
    """The party's reading of one stance of a document, or None if it has none."""
    if stance.alternatives:
        if party not in doc.authors or party not in stance.alternatives:
            return None
        return stance.model_copy(update={"value": stance.alternatives[party], "alternatives": None})
    return stance


_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}

STALE_DAYS = 730
"""Output marks a stance more than this many days older than the position it stands in."""


class Reason(str, Enum):
    """Why a candidate stance was taken into a position, or passed over (see :func:`explain`)."""

    IN_FORCE = "in_force"
    """Taken: the stance in force at the date."""
    SUPERSEDED = "superseded"
    """A newer stance of the party, at or above the floor, replaced it."""
    RETIRED = "retired"
    """A revision the party co-authored struck the point it came from, or retired the issue."""
    BELOW_FLOOR = "below_floor"
    """Its confidence is below the floor: kept as an alternative reading only."""
    NOT_COVERED = "not_covered"
    """From a text the party only endorsed, on an issue the endorsement does not cover and the
    party states in its own words."""
    TOO_OLD = "too_old"
    """Older than ``max_age`` days at the date."""
    OTHER_BRACKET = "other_bracket"
    """A bracket of a joint draft holding another author's wording, not the party's."""


@dataclass(frozen=True)
class Candidate:
    """One stance a party's position could take on one issue, and what the rules did with it."""

    issue: str
    date: dt.date
    document: str
    stance: Stance
    taken: bool
    reason: Reason
    by: str | None = None
    """The document that superseded or retired it, where one did."""


def _floor(value: Confidence | str) -> Confidence:
    try:
        return Confidence(value)
    except ValueError:
        known = ", ".join(c.value for c in Confidence)
        raise ValueError(f"min_confidence must be one of {known}, got {value!r}") from None


@takes(corpus=CORPUS, party=PARTY, as_of=DATE, endorsements=BOOL, max_age=COUNT.or_none(),
       min_confidence=CONFIDENCE)
def position(
    corpus: Corpus,
    party: str,
    as_of: dt.date | str | None = None,
    *,
    endorsements: bool = True,
    min_confidence: Confidence | str = Confidence.MEDIUM,
    max_age: int | None = None,
) -> Document:
    """A party's effective stances as of a date, as a document of kind ``position``.

    The party's documents up to ``as_of`` (those it authored and, with ``endorsements``,
    those it endorsed) are read in (date, id) order, and per issue the stance in force is
    kept by these rules (DESIGN §4a; each is tested):

    - **Newest wins, at or above the floor.** A newer stance replaces the one in force only if
      its ``confidence`` is at least ``min_confidence`` (default ``medium``). A stance below
      the floor never enters the position on its own: it does not displace the stance in
      force, and where nothing else is in force the issue stays unstated. It is kept as an
      alternative reading (``stance.readings``, or ``position.readings`` for an unstated
      issue) so that the convergence range can use it. ``min_confidence="low"`` lets every
      stance count, the rule before this one.
    - **Revisions supersede.** When a document ``revises`` an earlier one and the party is an
      author of both, the earlier document's stances on points the revision ``struck``, and on
      issues it ``retires``, leave the position from the revision's date. A revision's
      silence retires nothing.
    - **Own words over endorsements.** A text the party only endorsed fills issues the party
      has not stated itself; it replaces the party's own stance only on issues its
      ``endorses: {PARTY: [...]}`` list covers.
    - **Age is visible.** Every stance carries the ``document``, ``date`` and ``status`` it
      came from; ``max_age`` (days) drops stances older than that at ``as_of``. Output marks
      stances more than two years (:data:`STALE_DAYS`) older than the position.
    - A ``reported`` stance that displaces another keeps the displaced one as a reading, so
      the range covers the report taken or left.

    In a joint draft the party's position takes the agreed text and its own bracketed
    alternative; documents of the same date are taken in id order. Each stance cites its
    document's source, renamed ``DOCUMENT/SOURCE``. :func:`explain` lists every candidate
    stance of one issue and why it was taken or passed over.

    Examples
    --------
    >>> import negotiation as ng
    >>> ru = ng.load().position("RU", as_of="2026-02-24")
    >>> ru.stances["territory.crimea"].value
    'de_jure_russian'
    """
    return _walk(corpus, party, as_of, endorsements, min_confidence, max_age).document()


def explain(
    corpus: Corpus,
    party: str,
    issue: str,
    as_of: dt.date | str | None = None,
    *,
    endorsements: bool = True,
    min_confidence: Confidence | str = Confidence.MEDIUM,
    max_age: int | None = None,
) -> list[Candidate]:
    """Every stance ``party``'s position could take on ``issue`` up to ``as_of``, and why it was taken or not.

    One :class:`Candidate` per stance in date order, with its :class:`Reason`; at most one is
    taken (none where the issue is unstated). :meth:`Corpus.explain` gives the same as a
    DataFrame. The rules are those of :func:`position`.
    """
    corpus.taxonomy.issue(issue)  # a clear error, with near ids, for an unknown issue
    running = _walk(corpus, party, as_of, endorsements, min_confidence, max_age)
    return [c for c in running.final_candidates() if c.issue == issue]


def explain_frame(
    corpus: Corpus, party: str, issue: str, as_of: dt.date | str | None = None, **rules: Any
) -> pd.DataFrame:
    """:func:`explain` as a DataFrame: date (datetime64), document, value, confidence, status, taken, reason, by.

    ``value`` is the stance's value as written (a bracket's values as a list); ``reason`` the
    :class:`Reason` value; ``by`` the document that superseded or retired it.
    """
    import pandas as pd

    rows = [{
        "date": c.date, "document": c.document,
        "value": list(c.stance.values) if c.stance.bracketed else c.stance.value,
        "confidence": c.stance.confidence.value, "status": corpus[c.document].status,
        "taken": c.taken, "reason": c.reason.value, "by": c.by,
    } for c in explain(corpus, party, issue, as_of, **rules)]
    frame = pd.DataFrame(rows, columns=["date", "document", "value", "confidence", "status", "taken", "reason", "by"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["confidence"] = pd.Categorical(frame["confidence"], categories=["low", "medium", "high"], ordered=True)
    return frame


def _walk(
    corpus: Corpus, party: str, as_of: dt.date | str | None, endorsements: bool,
    min_confidence: Confidence | str, max_age: int | None,
) -> _Running:
    if party not in corpus.taxonomy.parties:
        raise UnknownPartyError(party, corpus.taxonomy.parties)
    if max_age is not None and (not isinstance(max_age, int) or isinstance(max_age, bool) or max_age < 0):
        raise ValueError(f"max_age is a number of days (0 or more), got {max_age!r}")
    latest = max((d.date for d in corpus), default=dt.date.today())
    when = parse_date(as_of, default=latest)
    running = _Running(corpus, party, _floor(min_confidence))
    for doc in corpus.documents_by(party, endorsements=endorsements):
        if doc.date <= when:
            running.add(doc)
    running.when, running.max_age = when, max_age
    return running


class _Running:
    """A party's position built up one document at a time, documents in (date, id) order.

    ``position`` adds every document up to a date; ``trajectory`` adds each day's
    documents as it walks the dates once, so its work grows linearly with the corpus.
    ``candidates`` records every stance met and what the rules did with it.
    """

    def __init__(self, corpus: Corpus, party: str, floor: Confidence = Confidence.MEDIUM) -> None:
        self.corpus, self.party, self.floor = corpus, party, floor
        self.stances: dict[str, Stance] = {}
        self.own: set[str] = set()  # issues whose stance in force the party stated itself
        self.pending: dict[str, list[Stance]] = {}  # below-floor readings of issues not in force
        self.sources: dict[str, Source] = {}
        self.used: list[str] = []
        self.candidates: list[Candidate] = []
        self.taken: dict[str, int] = {}  # issue -> index of its candidate in force
        self.when: dt.date | None = None
        self.max_age: int | None = None

    def _pass_over(self, issue_id: str, reason: Reason, by: str) -> None:
        """The candidate in force on ``issue_id`` leaves the position."""
        k = self.taken.pop(issue_id, None)
        if k is not None:
            c = self.candidates[k]
            self.candidates[k] = Candidate(c.issue, c.date, c.document, c.stance, False, reason, by)

    def _retire(self, doc: Document) -> None:
        """A revision the party co-authored retires the revised text's struck points and issues."""
        old = self.corpus.documents.get(doc.revises or "")
        if old is None or self.party not in doc.authors or self.party not in old.authors:
            return
        struck = set(doc.struck)
        for issue_id, stance in list(self.stances.items()):
            if stance.document != old.id:
                continue
            if issue_id in doc.retires or struck.intersection(stance.points):
                self._pass_over(issue_id, Reason.RETIRED, doc.id)
                del self.stances[issue_id]
                self.own.discard(issue_id)

    def add(self, doc: Document) -> None:
        took = False
        self._retire(doc)
        authored = self.party in doc.authors
        covered = set(doc.endorses.get(self.party, ()))
        for issue_id, stance in doc.stances.items():
            own = _own_stance(doc, self.party, stance)
            if own is None:
                self.candidates.append(Candidate(issue_id, doc.date, doc.id, stance, False, Reason.OTHER_BRACKET))
                continue
            source_id = f"{doc.id}/{stance.source}"
            others = tuple(f"{doc.id}/{other}" for other in stance.corroborated_by)
            entry = own.model_copy(update={"source": source_id, "corroborated_by": others, "document": doc.id,
                                           "date": doc.date, "status": doc.status, "readings": ()})
            current = self.stances.get(issue_id)
            if _RANK[stance.confidence] < _RANK[self.floor]:
                self.candidates.append(Candidate(issue_id, doc.date, doc.id, entry, False, Reason.BELOW_FLOOR))
                self._keep_source(source_id, doc, stance)
                if current is not None:
                    self.stances[issue_id] = current.model_copy(update={"readings": (*current.readings, entry)})
                else:
                    self.pending.setdefault(issue_id, []).append(entry)
                continue
            if not authored and issue_id in self.own and issue_id not in covered:
                self.candidates.append(Candidate(issue_id, doc.date, doc.id, entry, False, Reason.NOT_COVERED))
                continue
            if current is not None:
                self._pass_over(issue_id, Reason.SUPERSEDED, doc.id)
                if doc.status == "reported":  # the report taken or left: the displaced stance is a reading
                    entry = entry.model_copy(update={"readings": (current.model_copy(update={"readings": ()}),)})
            self.pending.pop(issue_id, None)
            self.stances[issue_id] = entry
            if authored:
                self.own.add(issue_id)
            else:
                self.own.discard(issue_id)
            self.taken[issue_id] = len(self.candidates)
            self.candidates.append(Candidate(issue_id, doc.date, doc.id, entry, True, Reason.IN_FORCE))
            self._keep_source(source_id, doc, stance)
            took = True
        if took:
            self.used.append(doc.id)

    def _keep_source(self, source_id: str, doc: Document, stance: Stance) -> None:
        self.sources[source_id] = doc.source(stance.source).model_copy(update={"id": source_id})
        for other in stance.corroborated_by:
            self.sources[f"{doc.id}/{other}"] = doc.source(other).model_copy(update={"id": f"{doc.id}/{other}"})

    def _in_force(self) -> dict[str, Stance]:
        """The stances in force at ``when``, less those older than ``max_age``."""
        if self.max_age is None or self.when is None:
            return self.stances
        oldest = self.when - dt.timedelta(days=self.max_age)
        return {k: s for k, s in self.stances.items() if s.date is None or s.date >= oldest}

    def final_candidates(self) -> list[Candidate]:
        """The candidates, with those in force but older than ``max_age`` marked so."""
        kept = self._in_force()
        out = []
        for c in self.candidates:
            if c.taken and c.issue not in kept:
                c = Candidate(c.issue, c.date, c.document, c.stance, False, Reason.TOO_OLD)
            out.append(c)
        return out

    def document(self, when: dt.date | None = None) -> Document:
        when = when or self.when or dt.date.today()
        taxonomy = self.corpus.taxonomy
        name = taxonomy.parties[self.party].en
        stances = self._in_force() if when == self.when else self.stances
        readings = {k: tuple(v) for k, v in self.pending.items() if k not in stances}
        every = [*stances.values(), *(r for st in stances.values() for r in st.readings),
                 *(r for rs in readings.values() for r in rs)]
        cited = {st.source for st in every} | {other for st in every for other in st.corroborated_by}
        return Document(
            id=f"{self.party}@{when.isoformat()}",
            title=f"{name}: position as of {when.isoformat()}",
            date=when,
            kind="position",
            status="derived",
            authors=(self.party,),
            summary="Stances in force (DESIGN §4a) from: " + (", ".join(self.used) if self.used else "no documents"),
            sources=tuple(v for k, v in self.sources.items() if k in cited),
            stances={k: stances[k] for k in taxonomy.issues if k in stances},
            readings={k: readings[k] for k in taxonomy.issues if k in readings},
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


@takes(corpus=CORPUS, party_a=PARTY, party_b=PARTY, endorsements=BOOL, weights=WEIGHTS)
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
    ``.set_index("date").resample(...)`` works), ``convergence`` with its range ``low`` and
    ``high`` (as :attr:`Summary.low`/``high``: brackets, readings kept below the confidence
    floor, reported stances taken or left), ``coverage``,
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
            "low": cmp.summary.low,
            "high": cmp.summary.high,
            "coverage": cmp.summary.coverage,
            "both_stated": cmp.summary.both_stated,
            "apart": cmp.summary.counts["apart"],
            "moved": moved,
            "documents": docs,
        })
        prev = {p: doc.stances for p, doc in now.items()}
    columns = ["date", "convergence", "low", "high", "coverage", "both_stated", "apart", "moved", "documents"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame  # type: ignore[no-any-return,unused-ignore]


@takes(corpus=CORPUS)
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
