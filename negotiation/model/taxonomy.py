"""The taxonomy: parties, areas, issues with their scales, and the two poles.

:meth:`Taxonomy.problems` checks a document against it (issue ids, values on scales,
sources named by stances, alternatives keyed by authors).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from negotiation.model.frozen import freeze_mappings
from negotiation.model.identifiers import confusable, identifier_problem
from negotiation.model.labels import Labelled
from negotiation.model.salience import duplicate_sources, unknown_party
from negotiation.model.scales import Scale

if TYPE_CHECKING:
    from negotiation.model.models import Document

# defer_build: validators are built on first use, not at import (a cached corpus needs none).
FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Party(Labelled):
    """An actor with a short code (``RU``, ``UA``, ``US``…)."""

    code: str


class Area(Labelled):
    """A group of issues (``territory``, ``security``…)."""

    id: str


class Poles(BaseModel):
    """What the low and the high end of every ordered scale stand for."""

    model_config = FROZEN

    low: Labelled
    high: Labelled


class Issue(Labelled):
    """The unit of comparison, ``area.name``, measured on one scale."""

    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    weight: float = Field(default=1.0, ge=0)
    close: float | None = Field(default=None, ge=0, le=1)
    scale: Scale

    @property
    def area(self) -> str:
        """The area id, the part of the issue id before the dot."""
        return self.id.split(".", 1)[0]

    @property
    def close_threshold(self) -> float:
        """Distance up to which two different stances are ``close``."""
        return self.scale.default_close if self.close is None else self.close


class Taxonomy(BaseModel):
    """Areas, issues with their scales, parties and the two poles."""

    model_config = FROZEN

    name: str = ""
    """What the taxonomy is of ("Russia–Ukraine talks 2022–2026"); named in errors."""
    poles: Poles
    areas: dict[str, Area]
    issues: dict[str, Issue]
    parties: dict[str, Party] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, data: Any) -> Any:
        """Fill ids from mapping keys, resolve ``scale: {ref: NAME}`` and ``vocabulary: parties``."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        shared = data.pop("scales", None) or {}
        for key in ("areas", "parties"):
            if isinstance(data.get(key), dict):
                field = "code" if key == "parties" else "id"
                data[key] = {
                    k: ({field: k, **v} if isinstance(v, dict) else v) for k, v in data[key].items()
                }
        parties = list(data.get("parties") or {})
        if isinstance(data.get("issues"), dict):
            issues = {}
            for k, v in data["issues"].items():
                if isinstance(v, dict):
                    v = {"id": k, **v}
                    raw = v.get("scale")  # the scale as written, before it is a scale
                    if isinstance(raw, dict) and "ref" in raw:
                        if raw["ref"] not in shared:
                            raise ValueError(f"issues.{k}.scale: unknown scale ref {raw['ref']!r}")
                        raw = shared[raw["ref"]]
                    if isinstance(raw, dict) and raw.get("vocabulary") == "parties":
                        raw = {**raw, "vocabulary": parties}
                    v["scale"] = raw
                issues[k] = v
            data["issues"] = issues
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Taxonomy:
        for kind, keys in (("areas", self.areas), ("issues", self.issues), ("parties", self.parties)):
            for key in keys:
                if (why := identifier_problem(key, "an id")) is not None:
                    raise ValueError(f"{kind}.{key}: {why}")
            for first, later in confusable(keys):
                raise ValueError(f"{kind}.{later}: looks like {first!r} but differs; use one spelling")
        for key, issue in self.issues.items():
            if issue.id != key:
                raise ValueError(f"issues.{key}: id {issue.id!r} differs from its key")
            if issue.area not in self.areas:
                raise ValueError(f"issues.{key}: area {issue.area!r} is not in areas")
        freeze_mappings(self)
        return self

    def describe(self) -> str:
        """A short name for messages: ``name``, or the first issue ids."""
        if self.name:
            return repr(self.name)
        first = ", ".join(list(self.issues)[:3])
        return f"the taxonomy of {len(self.issues)} issues ({first}…)"

    def issue(self, issue_id: str) -> Issue:
        """The issue with this id; a clear error naming near ids if there is none."""
        try:
            return self.issues[issue_id]
        except KeyError:
            near = difflib.get_close_matches(issue_id, list(self.issues), n=3)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise KeyError(f"unknown issue '{issue_id}'{hint}") from None

    def area_of(self, issue_id: str) -> Area:
        """The area an issue belongs to."""
        return self.areas[self.issue(issue_id).area]

    def problems(self, document: Document) -> list[tuple[str, str]]:
        """Everything in ``document`` that does not fit this taxonomy, as (location, message)."""
        found: list[tuple[str, str]] = []
        found += [(at, why) for at, text in _identifiers(document)
                  if (why := identifier_problem(text, "an id")) is not None]
        found += [(f"sources[{[s.id for s in document.sources].index(later)}].id",
                   f"looks like {first!r} but differs; use one spelling")
                  for first, later in confusable(s.id for s in document.sources)]
        for field in ("authors", "endorsed_by"):
            for i, code in enumerate(getattr(document, field)):
                if code not in self.parties:
                    found.append((f"{field}[{i}]", unknown_party(code, self.parties)))
        found += duplicate_sources(document.sources)
        source_ids = [s.id for s in document.sources]
        for issue_id, stance in document.stances.items():
            at = f"stances.{issue_id}"
            if issue_id not in self.issues:
                near = difflib.get_close_matches(issue_id, list(self.issues), n=3)
                hint = f" (did you mean {', '.join(near)}?)" if near else ""
                found.append((at, f"unknown issue {issue_id!r}{hint}"))
                continue
            scale = self.issues[issue_id].scale
            if stance.value is not None and (msg := scale.problem(stance.value)):
                found.append((f"{at}.value", msg))
            for party, alt in (stance.alternatives or {}).items():
                if party not in document.authors:
                    found.append(
                        (f"{at}.alternatives.{party}",
                         f"alternatives are keyed by the document's authors ({', '.join(document.authors)})")
                    )
                if msg := scale.problem(alt):
                    found.append((f"{at}.alternatives.{party}", msg))
            for i, acc in enumerate(stance.accepts):
                if msg := scale.problem(acc):
                    found.append((f"{at}.accepts[{i}]", msg))
            if stance.source not in source_ids:
                found.append(
                    (f"{at}.source",
                     f"names no source of this document; expected one of {', '.join(source_ids) or '(none)'}")
                )
            for i, other in enumerate(stance.corroborated_by):
                if other not in source_ids:
                    found.append((f"{at}.corroborated_by[{i}]",
                                  f"names no source of this document; expected one of {', '.join(source_ids)}"))
                elif other == stance.source:
                    found.append((f"{at}.corroborated_by[{i}]", "names the stance's own source; name another"))
        for party, issues in document.endorses.items():
            if party not in document.endorsed_by:
                endorsers = ", ".join(document.endorsed_by) or "empty"
                found.append((f"endorses.{party}", f"{party} is not in endorsed_by ({endorsers})"))
            for i, issue_id in enumerate(issues):
                if issue_id not in self.issues:
                    found.append((f"endorses.{party}[{i}]", f"unknown issue {issue_id!r}"))
        for issue_id in document.retires:
            if issue_id not in self.issues:
                found.append((f"retires.{issue_id}", f"unknown issue {issue_id!r}"))
            if document.revises is None:
                found.append((f"retires.{issue_id}",
                              "retires issues of a revised document, but the document has no `revises:`"))
        return found


def _identifiers(document: Document) -> Iterator[tuple[str, str]]:
    """A document's own identifiers with their locations: its id, source ids and point keys.

    A position's or scenario's source ids are ``document/source`` (each part an identifier).
    """
    yield "id", document.id
    assembled = str(getattr(document.kind, "value", document.kind)) in ("position", "scenario")
    for i, source in enumerate(document.sources):
        for part in source.id.split("/") if assembled else [source.id]:
            yield f"sources[{i}].id", part
    for key in document.points:
        yield f"points.{key}", key
    for key in document.struck:
        yield f"struck.{key}", key
