"""What-if packages: a base document or position plus edits, evaluated like any document.

Edits are plain frozen data, so a script can build them by hand or hypothesis can search
over them (:func:`negotiation.strategies.edits`):

- :func:`set_value`: the stance on an issue becomes a value (a new demand);
- :func:`concede`: the stance moves up to ``steps`` toward a target value (ordinal levels,
  or the other end of a flag); on numeric and set scales it moves all the way to the target;
- :func:`accept`: the author could also live with a value (its reservation range grows).

Examples
--------
>>> import negotiation as ng
>>> corpus = ng.load()
>>> ua = ng.scenario(corpus.position("UA", "2026-02-24"), [ng.set_value("territory.donetsk", "demilitarized")])
>>> ua.stances["territory.donetsk"].value
'demilitarized'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.errors import NegotiationError, ScaleError
from negotiation.model.arguments import COUNT, DOCUMENT, ISSUE, TAXONOMY, TEXT, Kind, takes
from negotiation.model.models import Document, Issue, Source, Stance, Taxonomy
from negotiation.model.values import Value

SCENARIO_SOURCE = "scenario"


class Edit(BaseModel):
    """One change to a document: ``op`` on ``issue`` with ``value`` (and ``steps``)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    op: Literal["set", "concede", "accept"]
    issue: str
    value: Value
    steps: int = Field(default=1, ge=1)

    def __str__(self) -> str:
        shown = sorted(self.value) if isinstance(self.value, frozenset) else self.value
        if self.op == "concede":
            return f"concede {self.issue} toward {shown} ({self.steps} step{'s' if self.steps > 1 else ''})"
        return f"{self.op} {self.issue} = {shown}"


@takes(issue=ISSUE)
def set_value(issue: str, value: object) -> Edit:
    """An edit: the stance on ``issue`` becomes ``value``."""
    return Edit(op="set", issue=issue, value=value)


@takes(issue=ISSUE, steps=COUNT)
def concede(issue: str, toward: object, steps: int = 1) -> Edit:
    """An edit: the stance on ``issue`` moves up to ``steps`` toward the value ``toward``."""
    return Edit(op="concede", issue=issue, value=toward, steps=steps)


@takes(issue=ISSUE)
def accept(issue: str, value: object) -> Edit:
    """An edit: the author could also live with ``value`` on ``issue``."""
    return Edit(op="accept", issue=issue, value=value)


def _step_toward(issue: Issue, current: Value, target: Value, steps: int) -> Value:
    return issue.scale.step_toward(current, target, steps)


def apply_edit(document: Document, edit: Edit, taxonomy: Taxonomy) -> Document:
    """The document with one edit applied (a new document; the original is unchanged)."""
    issue = taxonomy.issue(edit.issue)
    message = issue.scale.problem(edit.value)
    if message:
        raise ScaleError(f"{edit.issue}: {message}")
    old = document.stances.get(edit.issue)
    note = f"scenario: {edit}"
    if edit.op == "set" or (old is None and edit.op == "concede"):
        if edit.op == "concede":
            raise NegotiationError(f"cannot concede on {edit.issue}: {document.id} does not state it")
        new = Stance(value=edit.value, source=SCENARIO_SOURCE, note=note)
    elif old is None or not old.stated:
        raise NegotiationError(f"cannot {edit.op} on {edit.issue}: {document.id} does not state it")
    elif edit.op == "accept":
        accepts = old.accepts if edit.value in old.accepts else (*old.accepts, edit.value)
        new = old.model_copy(update={"accepts": accepts, "note": note})
    else:
        if old.alternatives:
            moved = {p: _step_toward(issue, v, edit.value, edit.steps) for p, v in old.alternatives.items()}
            new = old.model_copy(update={"alternatives": moved, "note": note, "source": SCENARIO_SOURCE})
        else:
            value = _step_toward(issue, old.value, edit.value, edit.steps)  # type: ignore[arg-type]
            new = old.model_copy(update={"value": value, "note": note, "source": SCENARIO_SOURCE})
    return document.model_copy(update={"stances": {**document.stances, edit.issue: new}})


@takes(base=DOCUMENT, taxonomy=TAXONOMY, id=TEXT.or_none(),
       edits=Kind("a list of Edits (ng.concede, ng.accept, ng.set_value)", items=Kind("an Edit", (Edit,))))
def scenario(
    base: Document,
    edits: Iterable[Edit],
    *,
    taxonomy: Taxonomy | None = None,
    id: str | None = None,
) -> Document:
    """A base document or position with edits applied, as a document of kind ``scenario``.

    Edited stances cite a source ``scenario`` that names the edits; the others keep theirs.
    """
    taxonomy = taxonomy_of((base,), taxonomy)
    edits = list(edits)
    doc = base
    for edit in edits:
        doc = apply_edit(doc, edit, taxonomy)
    source = Source(
        id=SCENARIO_SOURCE,
        outlet="scenario",
        title="; ".join(str(e) for e in edits) or "no edits",
        date=base.date if isinstance(base.date, dt.date) else dt.date.today(),
    )
    sources = (*(s for s in base.sources if s.id != SCENARIO_SOURCE), source)
    return doc.model_copy(update={
        "id": id or f"{base.id}+scenario",
        "title": f"Scenario on {base.title}",
        "kind": "scenario",
        "status": "derived",
        "sources": sources,
    }).with_taxonomy(taxonomy)
