"""Pydantic's validation errors as problems of a corpus file: field path, line, one plain message.

Every corpus file (``taxonomy.yaml``, ``parties.yaml``, ``salience.yaml``, ``documents/*``)
is validated by the models; :func:`validation_problems` turns each error into one
:class:`~negotiation.errors.Problem` naming the file, the field path as written in the file
and the line of the offending key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from negotiation.corpus.schemas import KINDS as SCHEMA_KINDS
from negotiation.corpus.yaml_reader import Parsed, location
from negotiation.errors import Problem

MAX_MESSAGE = 240
"""A problem is one line: longer messages (a value nested a thousand deep) are cut."""

_UNION_TAGS = {"bool", "float", "int", "str", "frozenset[str]"}

_LOCATED = re.compile(r"^(?P<at>[\w.\[\]-]+): (?P<msg>.+)$", re.S)

_FILE_KINDS = {"taxonomy.yaml": "taxonomy", "parties.yaml": "parties", "salience.yaml": "salience"}
"""The kind of each named corpus file; every other file is a document."""


def _path_of(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """A pydantic error location as a path in the file: union-branch tags dropped."""
    out: list[int | str] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in _UNION_TAGS):
            continue  # a union branch's tag ("function-after[...]", "str"), not a field of the file
        if out and out[-1] == "scale" and part in {"ordinal", "numeric", "set", "flag"}:
            continue  # the discriminator's tag
        out.append(part)
    return tuple(out)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(message: str) -> str:
    """A message on one line, cut at :data:`MAX_MESSAGE` characters."""
    text = " ".join(message.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _file_kind(file: Path) -> str:
    return _FILE_KINDS.get(file.name, "document")


def _unknown_field(file_kind: str) -> str:
    if file_kind in SCHEMA_KINDS:  # `negotiation schema` writes the schema of this kind of file
        return f"unknown field (not part of a {file_kind} file; `negotiation schema --kind {file_kind}` lists them)"
    return f"unknown field (not part of {file_kind}.yaml)"


def _message(err: Any, file_kind: str = "document") -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return _unknown_field(file_kind)
    if kind.startswith(("date_", "datetime_")):
        return f"expected a date YYYY-MM-DD, got {_short(err.get('input'))} ({msg.split(', ', 1)[-1]})"
    text = str(msg)
    if kind == "value_error" and text.startswith("Value error, "):
        return text[len("Value error, "):]
    return text


def validation_problems(
    parsed: Parsed, exc: ValidationError, prefix: tuple[int | str, ...] = ()
) -> list[Problem]:
    """One problem per pydantic error, with the field path and the line of the offending key."""
    problems = []
    for err in exc.errors(include_url=False):
        path = prefix + _path_of(tuple(err["loc"]))
        message = _message(err, _file_kind(parsed.file))
        if len(path) == len(prefix) and (match := _LOCATED.match(message)):
            # a model validator's "issues.x.scale: unknown scale ref": the path is in the message
            path, message = (*prefix, match["at"]), match["msg"]
        at = location(path)
        problems.append(Problem(str(parsed.file), at, one_line(message), line=parsed.line(at)))
    return problems
