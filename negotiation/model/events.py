"""The event list: what happened in the talks, dated and sourced, tied to the documents.

An event is a summit, a round of talks, a plan, an offer, a truce, a decision… Each either
names the corpus documents that encode the positions it stated (``documents``) or says why
it stated none on any issue of the taxonomy (``no_position``). The list is what lets a
reader trust the record's silences: a stretch with no document is a stretch in which the
list shows nothing position-changing happened. Events live in ``events/*.yaml`` beside
``documents/``; ``negotiation validate`` ties them to the documents.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class EventKind(str, Enum):
    """What sort of event it was."""

    SUMMIT = "summit"
    TALKS = "talks"
    PLAN = "plan"
    COUNTER_PLAN = "counter_plan"
    OFFER = "offer"
    MEMORANDUM = "memorandum"
    TRUCE = "truce"
    DECISION = "decision"
    STATEMENT = "statement"
    CALL = "call"
    SANCTIONS = "sanctions"


class EventSource(BaseModel):
    """An outlet's report of the event."""

    model_config = _FROZEN

    outlet: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: dt.date
    url: str | None = None


class Event(BaseModel):
    """One dated event of the talks, with the documents that encode what it stated."""

    model_config = _FROZEN

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    date: dt.date
    title: str = Field(min_length=1)
    kind: EventKind
    parties: tuple[str, ...] = Field(min_length=1)
    documents: tuple[str, ...] = ()
    no_position: str | None = None
    """Why the event stated no position on any issue of the taxonomy (procedural, a truce…)."""
    sources: tuple[EventSource, ...] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _documents_or_reason(self) -> Event:
        if not self.documents and not self.no_position:
            raise ValueError("an event names the documents that encode it, or says why there are none (no_position)")
        return self
