"""Errors: one base class, and file errors that carry every problem found.

A corpus either loads whole or not at all: :class:`CorpusError` lists each problem with
the file, the field path inside it and what was expected, so that a user can fix them all
in one pass instead of one traceback at a time.
"""

from __future__ import annotations

import difflib
import shlex
from collections.abc import Iterable
from dataclasses import dataclass


class NegotiationError(Exception):
    """Base of every error this library raises on purpose."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the file, the field path inside it, what was expected.

    ``line`` and ``column`` (1-based) say where in the file, when the parser knows it.
    ``severity`` is ``"error"`` (the corpus does not load) or ``"warning"`` (legal but
    suspicious: a date in the future, a document without stances, an empty corpus).
    Printed as ``file:line:column: location: message``, the form editors and CI link to.
    """

    file: str
    location: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        label = "warning: " if self.severity == "warning" else ""
        if self.location:
            return f"{where}: {label}{self.location}: {self.message}"
        return f"{where}: {label}{self.message}"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order of a report: by file, then line and column, then field path."""
        return (self.file, self.line or 0, self.column or 0, self.location, self.message)

    def to_json(self) -> dict[str, object]:
        """The problem as a JSON object, for editors and CI."""
        return {
            "file": self.file, "line": self.line, "column": self.column, "location": self.location,
            "severity": self.severity, "message": self.message,
        }


class CorpusError(NegotiationError):
    """A corpus folder, file or value that cannot be loaded; ``problems`` lists them all."""

    def __init__(self, problems: Iterable[Problem], corpus: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.corpus = corpus
        """The corpus folder the problems were found in, when known (named in ``summary``)."""
        super().__init__(self._text())

    def _text(self) -> str:
        if not self.problems:
            return "invalid corpus"
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)

    def summary(self) -> str:
        """The first problem, and how many more there are: one line for a command line."""
        first = str(self.problems[0]) if self.problems else "invalid corpus"
        rest = len(self.problems) - 1
        if rest <= 0:
            return first
        # Point at the very corpus that failed: a bare `validate` might check another one.
        command = f"negotiation validate {shlex.quote(self.corpus)}" if self.corpus else "negotiation validate"
        return f"{first} (and {rest} more; run `{command}`)"


class UnknownDocumentError(NegotiationError, KeyError):
    """A document id that the corpus does not hold; suggests the nearest ids."""

    def __init__(self, document_id: str, known: Iterable[str]) -> None:
        self.document_id = document_id
        known = sorted(known)
        near = difflib.get_close_matches(document_id, known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        self.message = f"unknown document '{document_id}'{hint}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class UnknownPartyError(NegotiationError, KeyError):
    """A party code that the corpus does not know."""

    def __init__(self, code: str, known: Iterable[str]) -> None:
        self.code = code
        known = sorted(known)
        near = difflib.get_close_matches(code.upper(), known, n=3, cutoff=0.3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        self.message = f"unknown party '{code}'{hint} (parties: {', '.join(known)})"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class TaxonomyMismatchError(NegotiationError, ValueError):
    """Documents of corpora with different taxonomies, compared as if they shared one."""


class ScaleError(NegotiationError, ValueError):
    """A value that does not fit an issue's scale."""
