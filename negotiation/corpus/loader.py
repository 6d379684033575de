"""Reading and writing a corpus folder: ``taxonomy.yaml``, ``parties.yaml``, ``documents/``.

Files are read with a safe YAML loader (``.json`` files by their suffix), validated by the
models, and checked against the taxonomy. Every problem in every file is collected before
anything is raised, so a corpus loads whole or raises one :class:`CorpusError` naming each
file, field path and what was expected: never a half-loaded corpus.

The default corpus ships inside the installed package (``negotiation/positions``); in a
source checkout it is the repository's top-level ``positions/``.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from negotiation.corpus.cache import SUFFIXES, cached, store
from negotiation.corpus.locate import bundled_path
from negotiation.corpus.problems import one_line, validation_problems
from negotiation.corpus.record import (
    QuoteStatus,
    confidence_problems,
    event_problems,
    quote_checks,
    read_events,
    source_file_problems,
)
from negotiation.corpus.salience import FILE_NAME as SALIENCE_FILE
from negotiation.corpus.salience import corpus_salience, read_salience, salience_data
from negotiation.corpus.schemas import document_schema as document_schema  # re-exported
from negotiation.corpus.yaml_reader import Parsed, location, read_data
from negotiation.errors import CorpusError, Problem
from negotiation.model.arguments import CORPUS, DAY, FOLDER, takes
from negotiation.model.identifiers import confusable, identifier_problem, text_problems
from negotiation.model.models import DOCUMENT_ID, Corpus, Document, Party, Taxonomy, lineage_problems


@takes(path=FOLDER.or_none())
def load(path: str | Path | None = None) -> Corpus:
    """Load a corpus folder; with no path, the bundled Russia–Ukraine corpus (cached).

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> "us-28-point-2025-11" in corpus
    True
    """
    if path is None:
        return _load_bundled()
    return cached(Path(path), _load)  # negotiation.corpus.cache: reused while the files are unchanged


@lru_cache(maxsize=1)
def _load_bundled() -> Corpus:
    return cached(bundled_path(), _load)


def _read_parties(parsed: Parsed, problems: list[Problem]) -> dict[str, Party] | None:
    """The parties of ``parties.yaml``, each problem reported against that file."""
    file = str(parsed.file)
    if not isinstance(parsed.data, dict):
        problems.append(Problem(file, "", "expected a mapping of party codes to names", line=parsed.line("")))
        return None
    parties: dict[str, Party] = {}
    for code, names in parsed.data.items():
        if not isinstance(code, str) or not code:
            problems.append(Problem(file, str(code), "a party code must be text such as RU or NO",
                                    line=parsed.line(str(code))))
            continue
        if (why := identifier_problem(code, "a party code")) is not None:
            problems.append(Problem(file, code, why, line=parsed.line(code)))
            continue
        try:
            data = {"code": code, **names} if isinstance(names, dict) else names
            parties[code] = Party.model_validate(data)
        except ValidationError as exc:
            problems += validation_problems(parsed, exc, prefix=(code,))
    for first, later in confusable(parties):
        problems.append(Problem(file, later, f"party code {later!r} looks like {first!r} but differs; use one spelling",
                                line=parsed.line(later)))
        parties.pop(later)  # reported here, against parties.yaml, not again by the taxonomy
    return parties


def text_control_problems(parsed: Parsed) -> list[Problem]:
    """Bidi controls anywhere in a data file's text (:func:`negotiation.model.identifiers.text_problems`)."""
    return [Problem(str(parsed.file), location(at), why, line=parsed.line(location(at)))
            for at, why in text_problems(parsed.data)]


def _read_taxonomy(folder: Path, problems: list[Problem]) -> Taxonomy | None:
    tax_file, party_file = folder / "taxonomy.yaml", folder / "parties.yaml"
    for f in (tax_file, party_file):
        if not f.is_file():
            problems.append(Problem(str(f), "", "missing: a corpus folder needs taxonomy.yaml and parties.yaml"))
    if problems:
        return None
    before = len(problems)
    tax = read_data(tax_file, problems)
    tax_read = len(problems) == before
    party_data = read_data(party_file, problems)
    problems += text_control_problems(tax) + text_control_problems(party_data)
    parties = _read_parties(party_data, problems) if len(problems) == before or party_data.data is not None else None
    if not tax_read:
        return None
    if not isinstance(tax.data, dict):
        problems.append(Problem(str(tax_file), "", "expected a mapping with poles, areas and issues",
                                line=tax.line("")))
        return None
    try:
        taxonomy = Taxonomy.model_validate({**tax.data, "parties": parties or {}})
    except ValidationError as exc:
        problems += validation_problems(tax, exc)
        return None
    return taxonomy if parties is not None and len(problems) == before else None


def read_document(file: str | Path, taxonomy: Taxonomy) -> Document:
    """Read and check one document file against ``taxonomy``."""
    problems: list[Problem] = []
    doc, _ = _read_document(Path(file), taxonomy, problems)
    if problems or doc is None:
        raise CorpusError(sorted(problems, key=lambda p: p.sort_key))
    return doc


def _read_document(
    file: Path, taxonomy: Taxonomy, problems: list[Problem], root: Path | None = None
) -> tuple[Document | None, Parsed]:
    before = len(problems)
    parsed = read_data(file, problems, root)
    problems += text_control_problems(parsed)
    if len(problems) > before:
        return None, parsed
    data = parsed.data
    if not isinstance(data, dict):
        expected = "expected a mapping with id, title, date, kind, status, authors, sources, stances"
        problems.append(Problem(str(file), "", expected, line=parsed.line("")))
        return None, parsed
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        problems += validation_problems(parsed, exc)
        problems += _problems_past_errors(data, exc, taxonomy, parsed)
        return None, parsed
    if not DOCUMENT_ID.match(doc.id):
        problems.append(Problem(str(file), "id", "expected lowercase letters, digits and dashes",
                                line=parsed.line("id")))
    if doc.id != file.stem:
        problems.append(Problem(str(file), "id", f"id {doc.id!r} must equal the file name {file.stem!r}",
                                line=parsed.line("id")))
    problems += [
        Problem(str(file), loc, one_line(msg), line=parsed.line(loc)) for loc, msg in taxonomy.problems(doc)
    ]
    return doc, parsed


_STAND_INS: dict[str, Any] = {"id": "x", "title": "x", "date": "2000-01-01", "kind": "statement", "status": "official"}
"""Valid stand-ins for required scalar fields, so one bad field does not hide the rest of a file."""


def _problems_past_errors(
    data: dict[str, Any], exc: ValidationError, taxonomy: Taxonomy, parsed: Parsed
) -> list[Problem]:
    """The taxonomy problems of the parts of a document that are well formed.

    A document with a bad date (or kind, title…) or a malformed stance still has its other
    stances checked against the taxonomy, so that ``validate`` lists every problem in one
    pass: the bad scalar fields get stand-ins and the malformed stances are set aside. Where
    a list the other checks depend on (authors, sources) is itself malformed, nothing more
    is checked: its problems would be guesses.
    """
    patched = dict(data)
    stances = dict(data["stances"]) if isinstance(data.get("stances"), dict) else None
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        head = loc[0] if loc else None
        if head == "stances" and len(loc) > 1 and stances is not None:
            stances.pop(str(loc[1]), None)
        elif isinstance(head, str) and head in _STAND_INS:
            patched[head] = _STAND_INS[head]
        elif head in {"summary", "titles", "points", "revises", "struck", "endorsed_by"}:
            patched.pop(str(head), None)
        else:
            return []
    if stances is not None:
        patched["stances"] = stances
    try:
        doc = Document.model_validate(patched)
    except ValidationError:
        return []
    skip = "endorsed_by" if "endorsed_by" not in patched and "endorsed_by" in data else None
    return [
        Problem(str(parsed.file), loc, one_line(msg), line=parsed.line(loc))
        for loc, msg in taxonomy.problems(doc)
        if skip is None or not loc.startswith(skip)
    ]


def document_files(folder: Path) -> list[Path]:
    """The document files of a corpus folder (``documents/*.yaml|.yml|.json``), sorted by name.

    Symlinks and other non-folders with those suffixes are listed too, so that reading them
    reports what :mod:`negotiation.corpus.confine` refuses (a link out, a loop, a FIFO).
    """
    doc_dir = folder / "documents"
    if not doc_dir.is_dir():
        return []
    return sorted((f for f in doc_dir.iterdir() if f.suffix in SUFFIXES and not _folder(f)), key=lambda f: f.name)


def _folder(path: Path) -> bool:
    """Whether ``path`` is itself a folder (a symlink is not, wherever it leads)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _read_folder(folder: Path) -> tuple[Taxonomy | None, dict[str, Document], dict[str, Parsed], list[Problem]]:
    """Read every file of a corpus folder: taxonomy, documents (those that read), where each came from, problems."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    where: dict[str, Parsed] = {}
    if not folder.is_dir():
        expected = "not a folder; expected a corpus folder with taxonomy.yaml, parties.yaml and documents/"
        return None, documents, where, [Problem(str(folder), "", expected)]
    taxonomy = _read_taxonomy(folder, problems)
    if taxonomy is None:
        return None, documents, where, problems
    for file in document_files(folder):
        doc, parsed = _read_document(file, taxonomy, problems, root=folder)
        if doc is None:
            continue
        if doc.id in documents:
            problems.append(Problem(str(file), "id", f"duplicate document id {doc.id!r}", line=parsed.line("id")))
            continue
        documents[doc.id] = doc
        where[doc.id] = parsed
        problems += source_file_problems(folder, doc, parsed)
    if not problems:  # lineage spans documents: checked once all of them read cleanly
        problems += [
            Problem(str(where[i].file), loc, msg, line=where[i].line(loc))
            for i, loc, msg in lineage_problems(documents)
        ]
    return taxonomy, documents, where, problems


def _build(folder: Path, taxonomy: Taxonomy, documents: dict[str, Document]) -> Corpus:
    return Corpus(taxonomy=taxonomy, documents=documents, salience=corpus_salience(folder, taxonomy, documents))


def _load(folder: Path) -> Corpus:
    """Read a corpus folder from its files: the one place that does (a cache may wrap it)."""
    taxonomy, documents, _, problems = _read_folder(folder)
    if problems or taxonomy is None:
        raise CorpusError(sorted(problems, key=lambda p: p.sort_key), corpus=str(folder))
    return _build(folder, taxonomy, documents)


@takes(path=FOLDER.or_none(), today=DAY)
def validate(path: str | Path | None = None, *, today: dt.date | None = None) -> list[Problem]:
    """Every problem in a corpus folder, errors and warnings, sorted by file and line; never raises.

    Errors (``severity == "error"``) mean the folder does not load; warnings are legal but
    suspicious things (an empty corpus, a document without stances, a date in the future, a
    quote missing from its source's stored text), given for every document that reads even
    when others do not. An empty list means a clean corpus. ``path`` None is the bundled corpus.
    """
    return _check(Path(path) if path is not None else bundled_path(), today, build=False)[0]


def check(path: str | Path, *, today: dt.date | None = None) -> tuple[list[Problem], Corpus | None]:
    """:func:`validate`'s problems and, where there is no error, the corpus the same reading makes.

    The corpus is also kept in the cache, as :func:`load` would keep it, so a check and the
    command after it read the files once.
    """
    return _check(Path(path), today, build=True)


def _check(folder: Path, today: dt.date | None, *, build: bool) -> tuple[list[Problem], Corpus | None]:
    taxonomy, documents, where, problems = _read_folder(folder)
    if taxonomy is None:
        return sorted(problems, key=lambda p: p.sort_key), None
    if not problems:  # salience.yaml and events/ name documents: read once all of them read cleanly, as load does
        read_salience(folder / SALIENCE_FILE, taxonomy, documents, problems)
        events, event_where = read_events(folder, problems)
        if events:
            event_found = event_problems(events, event_where, documents, where, taxonomy.parties)
            problems += [p for p in event_found if p.severity == "error"]
            later = [p for p in event_found if p.severity != "error"]
        else:
            later = []
    else:
        later = []
    errors = bool(problems)
    problems = sorted(problems + later + _warnings(documents, where, folder, today), key=lambda p: p.sort_key)
    if errors or not build:
        return problems, None
    corpus = _build(folder, taxonomy, documents)
    store(folder, corpus)
    return problems, corpus


def _quote_notes(folder: Path, doc: Document, texts: dict[Path, str | None]) -> list[tuple[str, str]]:
    """Warnings for quotes said to be verbatim that do not occur in their source's stored text."""
    return [
        (f"stances.{c.issue}.quote", f"the quote does not occur in {c.text_file}, the text of {c.source!r}")
        for c in quote_checks(folder, {doc.id: doc}, texts) if c.status is QuoteStatus.NOT_FOUND
    ]


def _warnings(
    documents: Mapping[str, Document], where: Mapping[str, Parsed], folder: Path, today: dt.date | None
) -> list[Problem]:
    """Things legal but suspicious in the documents that read, as problems of severity ``warning``.

    A corpus without documents; a document without stances; a document or source dated
    after ``today``; a source with neither ``url`` nor ``no_url_reason``; a quote that does
    not occur in its source's stored text (a source's
    ``text_file``, or its ``seed`` found in ``NEGOTIATION_SEEDS`` or ``<corpus>/seeds``).
    ``where`` holds the file each document was read from.
    """
    today = today or dt.date.today()
    found: list[Problem] = []
    if not documents and not document_files(folder):
        doc_dir = folder / "documents"
        why = "has no document files" if doc_dir.is_dir() else "is missing"
        found.append(Problem(str(doc_dir), "", f"empty corpus: {doc_dir.name}/ {why}", severity="warning"))
    texts: dict[Path, str | None] = {}
    found += confidence_problems(documents, where)
    for doc in documents.values():
        notes: list[tuple[str, str]] = []  # (field path, message)
        if doc.date > today:
            notes.append(("date", f"{doc.date.isoformat()} is in the future"))
        if not doc.stances:
            notes.append(("stances", "the document has no stances: it adds nothing to a comparison"))
        for i, src in enumerate(doc.sources):
            if src.date > today:
                notes.append((f"sources[{i}].date", f"{src.date.isoformat()} is in the future"))
            if not src.url and not src.no_url_reason:
                notes.append((f"sources[{i}]", f"source {src.id!r} has no url: give one, or a no_url_reason "
                                               "saying why there is none"))
        notes += _quote_notes(folder, doc, texts)
        if notes:
            parsed = where[doc.id]
            found += [Problem(str(parsed.file), at, msg, line=parsed.line(at), severity="warning") for at, msg in notes]
    return sorted(found, key=lambda p: p.sort_key)


def _plain(model: Any) -> Any:
    return model.model_dump(mode="json", exclude_defaults=True)


@takes(corpus=CORPUS, folder=FOLDER)
def dump(corpus: Corpus, folder: str | Path) -> Path:
    """Write a corpus to a folder in the same layout; ``load(dump(c, p)) == c``."""
    folder = Path(folder)
    (folder / "documents").mkdir(parents=True, exist_ok=True)
    tax = corpus.taxonomy.model_dump(mode="json", exclude_none=True, exclude={"parties"})
    parties = {code: p.model_dump(mode="json", exclude={"code"}) for code, p in corpus.taxonomy.parties.items()}
    _write_yaml(folder / "taxonomy.yaml", tax)
    _write_yaml(folder / "parties.yaml", parties)
    for doc in corpus.documents.values():
        _write_yaml(folder / "documents" / f"{doc.id}.yaml", _plain(doc))
    if corpus.salience:
        _write_yaml(folder / SALIENCE_FILE, salience_data(corpus.salience))
    return folder


def _write_yaml(file: Path, data: Any) -> None:
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
