"""Checks of the record as a whole: the event list, confidence, and quotes against their sources.

These are ``validate``'s checks that span documents or read files beside them:

- :func:`event_problems`: every event names existing documents (or says why it has none);
  every document dated :data:`EVENTS_FROM` or later is named by an event; from
  :data:`GAPS_FROM` on, a stretch of more than :data:`MAX_GAP_DAYS` days between documents
  has events listed inside it (so the list shows what happened there, and that it stated no
  position), else a warning.
- :func:`confidence_problems`: a stance of a ``reported`` document is ``high`` only with a
  second, independent source named in ``corroborated_by`` (positions/README.md states the rule).
- :func:`quote_checks`: each quote against its source's stored text, as data for
  ``negotiation validate --quotes``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pydantic import ValidationError

from negotiation.corpus.confine import MAX_TEXT_BYTES, Refused, read_bytes, regular_file, relative_name
from negotiation.corpus.problems import validation_problems
from negotiation.corpus.yaml_reader import Parsed, read_data
from negotiation.errors import Problem
from negotiation.model.events import Event
from negotiation.model.models import Confidence, Document, QuoteKind, Source, Stance

EVENTS_FROM = dt.date(2024, 1, 1)
"""Documents from this date on must each be named by an event."""
GAPS_FROM = dt.date(2025, 1, 1)
"""From this date on, long stretches without a document must be explained by the event list."""
MAX_GAP_DAYS = 75


def event_files(folder: Path) -> list[Path]:
    """The event files of a corpus folder (``events/*.yaml|.yml|.json``), sorted by name."""
    events_dir = folder / "events"
    if not events_dir.is_dir():
        return []
    return sorted(f for f in events_dir.iterdir() if f.suffix in (".yaml", ".yml", ".json") and f.is_file())


def read_events(folder: Path, problems: list[Problem]) -> tuple[list[Event], dict[str, tuple[Parsed, int]]]:
    """Every event of ``events/``, and where each was read (file, index); problems appended."""
    events: list[Event] = []
    where: dict[str, tuple[Parsed, int]] = {}
    for file in event_files(folder):
        before = len(problems)
        parsed = read_data(file, problems)
        if len(problems) > before:
            continue
        if not isinstance(parsed.data, list):
            problems.append(Problem(str(file), "", "expected a list of events", line=parsed.line("")))
            continue
        for i, item in enumerate(parsed.data):
            try:
                event = Event.model_validate(item)
            except ValidationError as exc:
                problems += validation_problems(parsed, exc, prefix=(i,))
                continue
            if event.id in where:
                problems.append(Problem(str(file), f"[{i}].id", f"duplicate event id {event.id!r}",
                                        line=parsed.line(f"[{i}].id")))
                continue
            events.append(event)
            where[event.id] = (parsed, i)
    return events, where


def event_problems(
    events: list[Event], where: Mapping[str, tuple[Parsed, int]], documents: Mapping[str, Document],
    doc_files: Mapping[str, Parsed], parties: Mapping[str, object],
) -> list[Problem]:
    """The event list against the documents: unknown ids, unlisted documents, unexplained gaps."""
    found: list[Problem] = []
    named: set[str] = set()
    for event in events:
        parsed, i = where[event.id]
        for j, doc_id in enumerate(event.documents):
            at = f"[{i}].documents[{j}]"
            if doc_id not in documents:
                found.append(Problem(str(parsed.file), at, f"no document {doc_id!r} in the corpus",
                                     line=parsed.line(at)))
            named.add(doc_id)
        for j, code in enumerate(event.parties):
            if code not in parties:
                at = f"[{i}].parties[{j}]"
                found.append(Problem(str(parsed.file), at, f"unknown party {code!r}", line=parsed.line(at)))
    for doc in documents.values():
        if doc.date >= EVENTS_FROM and doc.id not in named:
            parsed = doc_files[doc.id]
            found.append(Problem(str(parsed.file), "id", f"no event in events/ names {doc.id}", line=parsed.line("id"),
                                 severity="warning"))
    dates = sorted({d.date for d in documents.values() if d.date >= GAPS_FROM})
    first_file = str(where[events[0].id][0].file) if events else "events/"
    for before, after in itertools.pairwise(dates):
        if (after - before).days <= MAX_GAP_DAYS:
            continue
        inside = [e for e in events if before < e.date < after]
        if not inside:
            found.append(Problem(first_file, "", f"{(after - before).days} days without a document "
                                 f"({before.isoformat()} to {after.isoformat()}) and no event listed between them",
                                 severity="warning"))
    return found


def confidence_problems(documents: Mapping[str, Document], doc_files: Mapping[str, Parsed]) -> list[Problem]:
    """Warnings where a ``reported`` document's stance is ``high`` without a second source."""
    found: list[Problem] = []
    for doc in documents.values():
        if doc.status != "reported":
            continue
        for issue_id, stance in doc.stances.items():
            if stance.confidence is Confidence.HIGH and not stance.corroborated_by:
                at = f"stances.{issue_id}.confidence"
                parsed = doc_files[doc.id]
                found.append(Problem(str(parsed.file), at, "high in a reported document needs a second, independent "
                                     "source in corroborated_by (else medium)", line=parsed.line(at),
                                     severity="warning"))
    return found


class QuoteStatus(str, Enum):
    """What the quote check found for one stance."""

    VERBATIM = "verbatim"  # found word for word in the source's stored text
    TRANSLATION = "translation"  # marked as a translation
    PARAPHRASE = "paraphrase"  # marked as a paraphrase
    NOT_FOUND = "not_found"  # said to be verbatim, but not in the stored text
    UNCHECKED = "unchecked"  # said to be verbatim; no stored text to check against


@dataclass(frozen=True)
class QuoteCheck:
    """One stance's quote and what the check found."""

    document: str
    issue: str
    source: str
    status: QuoteStatus
    text_file: str | None


def stored_text(folder: Path, source: Source) -> tuple[Path, Path] | None:
    """The file holding a source's text, and the folder it must stay inside: its
    ``text_file`` (in the corpus folder), or its seed in a seeds folder (``NEGOTIATION_SEEDS``,
    or ``<corpus>/seeds`` inside the corpus). None for a name the rules of
    :mod:`negotiation.corpus.confine` refuse (:func:`source_file_problems` reports it)."""
    if source.text_file:
        return None if relative_name(source.text_file) else (folder, folder / source.text_file)
    if source.seed and _seed_name(source.seed) is None:
        for seeds, root in _seed_folders(folder):
            with contextlib.suppress(OSError, Refused):
                regular_file(root, seeds / source.seed)
                return root, seeds / source.seed
    return None


def _seed_folders(folder: Path) -> list[tuple[Path, Path]]:
    """Where seeds are looked for, each with the folder a seed must stay inside."""
    named = os.environ.get("NEGOTIATION_SEEDS")
    return [*([(Path(named), Path(named))] if named else []), (folder / "seeds", folder)]


def _seed_name(name: str) -> str | None:
    """Why ``name`` is not a plain file name of a seed; None if it is."""
    if relative_name(name) or "/" in name or "\\" in name or name in (".", ".."):
        return "must be a plain file name in the seeds folder"
    return None


def source_file_problems(folder: Path, doc: Document, parsed: Parsed) -> list[Problem]:
    """Errors for the files a document's sources name that a corpus may not read.

    A ``text_file`` outside the corpus folder, a symlink leading out of it or looping, a
    FIFO, device or folder, a file over :data:`~negotiation.corpus.confine.MAX_TEXT_BYTES`;
    a ``seed`` that is not a plain file name, or whose file is such a thing. The message
    states the rule, never anything about the target. A file missing inside the corpus is
    not an error (its quotes stay unchecked).
    """
    found: list[Problem] = []

    def add(at: str, why: str) -> None:
        found.append(Problem(str(parsed.file), at, why, line=parsed.line(at)))

    for i, src in enumerate(doc.sources):
        if src.text_file:
            at = f"sources[{i}].text_file"
            why = relative_name(src.text_file)
            if why:
                add(at, f"text_file {why}")
                continue
            try:
                info = regular_file(folder, folder / src.text_file)
            except Refused as exc:
                add(at, f"text_file {exc}")
            except OSError:
                continue
            else:
                if info.st_size > MAX_TEXT_BYTES:
                    add(at, f"text_file is over the {MAX_TEXT_BYTES:,}-byte limit: not read")
        elif src.seed:
            at = f"sources[{i}].seed"
            why = _seed_name(src.seed)
            if why:
                add(at, f"seed {why}")
                continue
            for seeds, root in _seed_folders(folder):
                try:
                    regular_file(root, seeds / src.seed)
                except Refused as exc:
                    add(at, f"seed {exc}")
                    break
                except OSError:
                    continue
                else:
                    break
    return found


def normal(text: str) -> str:
    """Text as compared: NFC, typographic quotes and dashes folded, runs of white space as one space."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_FOLD)
    return re.sub(r"\s+", " ", text).strip()


_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                       "\u2013": "-", "\u2014": "-", "\u00ab": '"', "\u00bb": '"'})


def quote_checks(folder: Path, documents: Mapping[str, Document], texts: dict[Path, str | None]) -> list[QuoteCheck]:
    """Every quoted stance and whether its quote occurs in the source's stored text."""
    found: list[QuoteCheck] = []
    for doc in sorted(documents.values(), key=lambda d: (d.date, d.id)):
        for issue_id, stance in doc.stances.items():
            if stance.quote:
                found.append(_check_quote(folder, doc, issue_id, stance, texts))
    return found


def _check_quote(
    folder: Path, doc: Document, issue_id: str, stance: Stance, texts: dict[Path, str | None]
) -> QuoteCheck:
    try:
        src = doc.source(stance.source)
    except KeyError:
        return QuoteCheck(doc.id, issue_id, stance.source, QuoteStatus.UNCHECKED, None)
    if stance.quote_kind is QuoteKind.TRANSLATION:
        return QuoteCheck(doc.id, issue_id, src.id, QuoteStatus.TRANSLATION, src.text_file)
    if stance.quote_kind is QuoteKind.PARAPHRASE:
        return QuoteCheck(doc.id, issue_id, src.id, QuoteStatus.PARAPHRASE, src.text_file)
    stored = stored_text(folder, src)
    if stored is None:
        return QuoteCheck(doc.id, issue_id, src.id, QuoteStatus.UNCHECKED, None)
    root, file = stored
    text = read_stored(root, file, texts)
    if text is None:
        return QuoteCheck(doc.id, issue_id, src.id, QuoteStatus.UNCHECKED, str(file.name))
    status = QuoteStatus.VERBATIM if normal(stance.quote or "") in text else QuoteStatus.NOT_FOUND
    return QuoteCheck(doc.id, issue_id, src.id, status, str(file.name))


def read_stored(root: Path, file: Path, texts: dict[Path, str | None]) -> str | None:
    """The normalised text of a stored source file inside ``root`` (read once per check), None
    if unreadable or refused (:mod:`negotiation.corpus.confine`)."""
    if file not in texts:
        try:
            texts[file] = normal(read_bytes(root, file).decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, Refused):
            texts[file] = None
    return texts[file]
