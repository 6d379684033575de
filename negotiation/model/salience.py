"""Salience and capability as data: how much each issue matters to a party, and how much it can weigh.

The bargaining models (:mod:`negotiation.analysis.bargaining`) weigh each party's stance by
its *salience* for the issue (0–1: how much it matters to the party) and its overall
*capability* (0–1, relative: how much it can bring to bear). Both are judgements, so both are
data with provenance, in ``positions/salience.yaml``:

.. code-block:: yaml

    sources:
      - {id: putin-2024-06, outlet: Kremlin, title: "Meeting with Foreign Ministry", date: 2024-06-14}
    parties:
      RU:
        capability: {value: 0.8, assumption: true, note: "holds the initiative on the ground"}
        salience:
          territory: {value: 1.0, source: putin-2024-06, quote: "…"}   # a whole area
          territory.crimea: {value: 1.0, source: ru-lavrov-crimea-2022-04}  # one issue

Every value either names a ``source`` (one of the file's ``sources``, or a document of the
corpus) or says ``assumption: true`` with a ``note``. A value for an issue beats one for its
area. Where neither is given, salience defaults to the issue's taxonomy weight over the
heaviest weight (territory, weight 3, is 1.0; a weight-1 issue is 0.33), and capability to
1.0 for every party (equal capabilities): both defaults are assumptions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from negotiation.model.frozen import FrozenDict

_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # validators built on first use


def duplicate_sources(sources: Iterable[Any]) -> list[tuple[str, str]]:
    """A problem (field path, message) for each source id used more than once, in id order."""
    counts = Counter(s.id for s in sources)
    dups = sorted(i for i, n in counts.items() if n > 1)
    return [("sources", f"source id {dup!r} is used more than once") for dup in dups]


def unknown_party(code: str, known: Iterable[str]) -> str:
    """The message for a party code the corpus does not know."""
    return f"unknown party {code!r}; expected one of {', '.join(known)}"


class SalienceSource(BaseModel):
    """Where a salience or capability judgement comes from."""

    model_config = _FROZEN

    id: str = Field(min_length=1)
    outlet: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: dt.date
    url: str | None = None


class Judgement(BaseModel):
    """One value in [0, 1] with its provenance: a ``source`` (and ``quote``), or ``assumption: true`` and a ``note``."""

    model_config = _FROZEN

    value: float = Field(ge=0.0, le=1.0)
    source: str | None = None
    quote: str | None = None
    assumption: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Judgement:
        if self.source is None and not self.assumption:
            raise ValueError("give a source, or mark the value `assumption: true` with a note")
        if self.assumption and not (self.note or "").strip():
            raise ValueError("an assumption needs a note saying why")
        return self


class PartySalience(BaseModel):
    """One party's capability and its salience per issue or area."""

    model_config = _FROZEN

    capability: Judgement | None = None
    salience: Annotated[dict[str, Judgement], AfterValidator(FrozenDict)] = Field(default_factory=FrozenDict)


class Salience(BaseModel):
    """Salience and capability of the parties of a corpus (empty: every value is a default)."""

    model_config = _FROZEN

    sources: tuple[SalienceSource, ...] = ()
    parties: Annotated[dict[str, PartySalience], AfterValidator(FrozenDict)] = Field(default_factory=FrozenDict)

    def __bool__(self) -> bool:
        return bool(self.sources or self.parties)

    def judgement(self, party: str, issue_id: str) -> Judgement | None:
        """The judgement for ``party`` on ``issue_id`` (or its area), or None where there is none."""
        entry = self.parties.get(party)
        if entry is None:
            return None
        return entry.salience.get(issue_id) or entry.salience.get(issue_id.split(".", 1)[0])

    def salience(self, party: str, issue_id: str, taxonomy: Any) -> float:
        """How much ``issue_id`` matters to ``party``, 0–1 (default: the issue's weight over the heaviest)."""
        found = self.judgement(party, issue_id)
        if found is not None:
            return found.value
        weights = [i.weight for i in taxonomy.issues.values()]
        heaviest = max(weights) if weights else 1.0
        return float(taxonomy.issue(issue_id).weight / heaviest) if heaviest > 0 else 1.0

    def capability(self, party: str) -> float:
        """``party``'s overall capability, 0–1 (default 1.0: equal capabilities)."""
        entry = self.parties.get(party)
        if entry is None or entry.capability is None:
            return 1.0
        return entry.capability.value

    def problems(self, taxonomy: Any, documents: Any = ()) -> list[tuple[str, str]]:
        """What does not fit the corpus, as (field path, message): unknown parties, issues, sources."""
        found = duplicate_sources(self.sources)
        known_sources = {s.id for s in self.sources} | set(documents)

        def check_source(at: str, judgement: Judgement) -> None:
            if judgement.source is not None and judgement.source not in known_sources:
                found.append((f"{at}.source",
                              f"names no source of salience.yaml and no document: {judgement.source!r}"))

        for code, entry in self.parties.items():
            at = f"parties.{code}"
            if code not in taxonomy.parties:
                found.append((at, unknown_party(code, taxonomy.parties)))
            if entry.capability is not None:
                check_source(f"{at}.capability", entry.capability)
            for key, judgement in entry.salience.items():
                if key not in taxonomy.issues and key not in taxonomy.areas:
                    found.append((f"{at}.salience.{key}", f"unknown issue or area {key!r}"))
                check_source(f"{at}.salience.{key}", judgement)
        return found
