"""Reading and writing ``salience.yaml``: parties' salience per issue and capability, with provenance.

The file is optional; a corpus without one uses the defaults of
:class:`negotiation.model.salience.Salience`. Problems (bad values, unknown parties, issues or
sources, values with neither source nor assumption) are collected with the file, the field
path and the line, like every other corpus file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from negotiation.corpus.problems import validation_problems
from negotiation.corpus.yaml_reader import read_data
from negotiation.errors import CorpusError, Problem
from negotiation.model.salience import Salience

FILE_NAME = "salience.yaml"


def read_salience(
    file: Path, taxonomy: Any, documents: Iterable[str], problems: list[Problem]
) -> Salience:
    """A salience file, usually a corpus folder's ``salience.yaml`` (an empty :class:`Salience` if absent).

    Problems are appended to ``problems``; an unreadable or invalid file gives an empty
    :class:`Salience` (the caller raises once every file is read).
    """
    if not file.is_file():
        return Salience()
    before = len(problems)
    parsed = read_data(file, problems)
    if len(problems) > before or parsed.data is None:
        return Salience()
    if not isinstance(parsed.data, dict):
        problems.append(Problem(str(file), "", "expected a mapping with sources and parties", line=parsed.line("")))
        return Salience()
    try:
        salience = Salience.model_validate(parsed.data)
    except ValidationError as exc:
        problems += validation_problems(parsed, exc)
        return Salience()
    for at, message in salience.problems(taxonomy, documents):
        problems.append(Problem(str(file), at, message, line=parsed.line(at)))
    return salience


def corpus_salience(folder: Path, taxonomy: Any, documents: Iterable[str]) -> Salience:
    """The salience of a corpus folder (``salience.yaml``, optional); raises :class:`CorpusError` on problems."""
    problems: list[Problem] = []
    salience = read_salience(folder / FILE_NAME, taxonomy, documents, problems)
    if problems:
        raise CorpusError(sorted(problems, key=lambda p: p.sort_key), corpus=str(folder))
    return salience


def salience_data(salience: Salience) -> dict[str, Any]:
    """The salience as plain data for ``salience.yaml`` (defaults left out)."""
    data: dict[str, Any] = salience.model_dump(mode="json", exclude_defaults=True)
    return data


def salience_schema() -> dict[str, Any]:
    """The JSON Schema of ``salience.yaml``, generated from :class:`Salience`."""
    schema: dict[str, Any] = Salience.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "negotiation salience"
    return schema
