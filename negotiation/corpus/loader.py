"""Reading and writing a corpus folder: ``taxonomy.yaml``, ``parties.yaml``, ``documents/``.

Files are read with a safe YAML loader (``.json`` files by their suffix), validated by the
models, and checked against the taxonomy. Every problem in every file is collected before
anything is raised, so a corpus loads whole or raises one :class:`CorpusError` naming each
file, field path and what was expected: never a half-loaded corpus.

The default corpus ships inside the installed package (``negotiation/positions``); in a
source checkout it is the repository's top-level ``positions/``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from negotiation.errors import CorpusError, Problem
from negotiation.model.models import DOCUMENT_ID, Corpus, Document, Taxonomy, lineage_problems

SUFFIXES = (".yaml", ".yml", ".json")


def bundled_path() -> Path:
    """The folder of the corpus that ships with the library."""
    packaged = resources.files("negotiation") / "positions"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "positions"
    if checkout.is_dir():
        return checkout
    raise CorpusError([Problem(str(packaged), "", "the bundled corpus is missing from this install")])


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
    return _load(Path(path))


@lru_cache(maxsize=1)
def _load_bundled() -> Corpus:
    return _load(bundled_path())


def read_file(file: Path, problems: list[Problem]) -> Any:
    """Parse one YAML or JSON file, recording a problem instead of raising."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        problems.append(Problem(str(file), "", f"cannot read: {exc.strerror or exc}"))
        return None
    try:
        if file.suffix == ".json":
            return json.loads(text)
        return yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(str(file), f"line {exc.lineno}", f"invalid JSON: {exc.msg}"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problems.append(Problem(str(file), where, f"invalid YAML: {getattr(exc, 'problem', None) or exc}"))
    return None


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validation_problems(file: Path, exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        # Drop pydantic's union-branch tags ("function-after[...]", "bool") from paths.
        loc: list[int | str] = []
        for part in err["loc"]:
            if isinstance(part, str) and ("[" in part or part in {"bool", "float", "str", "frozenset[str]"}):
                continue  # a union branch's tag, not a field of the file
            if loc and loc[-1] == "scale" and part in {"ordinal", "numeric", "set", "flag"}:
                continue  # the discriminator's tag
            loc.append(part)
        message = err["msg"]
        if err["type"] == "missing":
            message = "required field is missing"
        elif err["type"] == "extra_forbidden":
            message = "unknown field (not part of the format; see positions/README.md)"
        problems.append(Problem(str(file), _location(tuple(loc)), message))
    return problems


def _read_taxonomy(folder: Path, problems: list[Problem]) -> Taxonomy | None:
    tax_file, party_file = folder / "taxonomy.yaml", folder / "parties.yaml"
    for f in (tax_file, party_file):
        if not f.is_file():
            problems.append(Problem(str(f), "", "missing: a corpus folder needs taxonomy.yaml and parties.yaml"))
    if problems:
        return None
    data, parties = read_file(tax_file, problems), read_file(party_file, problems)
    if problems:
        return None
    if not isinstance(data, dict):
        problems.append(Problem(str(tax_file), "", "expected a mapping with poles, areas and issues"))
        return None
    if not isinstance(parties, dict):
        problems.append(Problem(str(party_file), "", "expected a mapping of party codes to names"))
        return None
    try:
        return Taxonomy.model_validate({**data, "parties": parties})
    except ValidationError as exc:
        problems += _validation_problems(tax_file, exc)
    except ValueError as exc:
        problems.append(Problem(str(tax_file), "", str(exc)))
    return None


def read_document(file: str | Path, taxonomy: Taxonomy) -> Document:
    """Read and check one document file against ``taxonomy``."""
    problems: list[Problem] = []
    doc = _read_document(Path(file), taxonomy, problems)
    if problems or doc is None:
        raise CorpusError(problems)
    return doc


def _read_document(file: Path, taxonomy: Taxonomy, problems: list[Problem]) -> Document | None:
    before = len(problems)
    data = read_file(file, problems)
    if len(problems) > before:
        return None
    if not isinstance(data, dict):
        expected = "expected a mapping with id, title, date, kind, status, authors, sources, stances"
        problems.append(Problem(str(file), "", expected))
        return None
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        problems += _validation_problems(file, exc)
        return None
    if not DOCUMENT_ID.match(doc.id):
        problems.append(Problem(str(file), "id", "expected lowercase letters, digits and dashes"))
    if doc.id != file.stem:
        problems.append(Problem(str(file), "id", f"id {doc.id!r} must equal the file name {file.stem!r}"))
    problems += [Problem(str(file), loc, msg) for loc, msg in taxonomy.problems(doc)]
    return doc


def _load(folder: Path) -> Corpus:
    if not folder.is_dir():
        expected = "not a folder; expected a corpus folder with taxonomy.yaml, parties.yaml and documents/"
        raise CorpusError([Problem(str(folder), "", expected)])
    problems: list[Problem] = []
    taxonomy = _read_taxonomy(folder, problems)
    if taxonomy is None:
        raise CorpusError(problems)
    documents: dict[str, Document] = {}
    where: dict[str, Path] = {}
    doc_dir = folder / "documents"
    files = sorted(f for f in doc_dir.iterdir() if f.suffix in SUFFIXES) if doc_dir.is_dir() else []
    for file in files:
        doc = _read_document(file, taxonomy, problems)
        if doc is None:
            continue
        if doc.id in documents:
            problems.append(Problem(str(file), "id", f"duplicate document id {doc.id!r}"))
        documents[doc.id] = doc
        where[doc.id] = file
    if not problems:  # lineage spans documents: checked once all of them read cleanly
        problems += [Problem(str(where[i]), loc, msg) for i, loc, msg in lineage_problems(documents)]
    if problems:
        raise CorpusError(problems)
    return Corpus(taxonomy=taxonomy, documents=documents)


def validate(path: str | Path | None = None) -> list[Problem]:
    """Every problem in a corpus folder (empty when it loads), without raising."""
    try:
        load(path) if path is not None else _load(bundled_path())
    except CorpusError as exc:
        return list(exc.problems)
    return []


def _plain(model: Any) -> Any:
    return model.model_dump(mode="json", exclude_defaults=True)


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
    return folder


def _write_yaml(file: Path, data: Any) -> None:
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def document_schema() -> dict[str, Any]:
    """The JSON Schema of a document file, generated from the models."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "negotiation document"
    return schema
