"""The domain model: parties, issues, the taxonomy, sources, stances, documents, the corpus.

All models are frozen pydantic models. Structure (types, required fields) is checked by
pydantic; what depends on the taxonomy (issue ids, values on scales, sources named by
stances, alternatives keyed by authors) is checked by :meth:`Taxonomy.problems`, which the
loader and :class:`Corpus` run so that every problem is reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from negotiation.delegates import delegate
from negotiation.errors import CorpusError, Problem, UnknownDocumentError, UnknownPartyError
from negotiation.model.arguments import SPEC, takes
from negotiation.model.frozen import freeze_mappings, frozen_copy
from negotiation.model.labels import Lang
from negotiation.model.lineage import lineage_problems
from negotiation.model.salience import Salience
from negotiation.model.scales import Scale
from negotiation.model.spans import Span
from negotiation.model.taxonomy import FROZEN, Area, Issue, Party, Poles, Taxonomy
from negotiation.model.values import Value, plain_value

if TYPE_CHECKING:
    import pandas as pd
    from typing_extensions import Self

_FROZEN = FROZEN
DOCUMENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")



class Source(BaseModel):
    """Where a stance comes from: an outlet, a title and a date, or a seed article."""

    model_config = _FROZEN

    id: str
    outlet: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: dt.date
    url: str | None = Field(default=None, description="the page a reader can follow (http or https)")
    no_url_reason: str | None = Field(
        default=None, min_length=1,
        description="why the source has no url: a printed text, or an article whose page cannot be found",
    )
    """Why a source has no ``url`` (a printed primary text, an article whose outlet or page is
    not known); ``negotiation validate`` warns about a source with neither."""
    language: str | None = None
    seed: str | None = None
    """Internal key of a seed article the quotes were taken from; never shown to readers."""
    text_file: str | None = None
    """A stored copy of the source's text, relative to the corpus folder (``sources/x.txt``):
    when given, ``negotiation validate`` warns about any quote that does not occur in it."""

    @model_validator(mode="after")
    def _url_or_reason(self) -> Source:
        if self.url and self.no_url_reason:
            raise ValueError("give either url or no_url_reason, not both")
        return self

    def cite(self) -> str:
        """A one-line citation a reader can follow: outlet, "title", date and the URL if any."""
        tail = f" <{self.url}>" if self.url else ""
        return f'{self.outlet}, "{self.title}", {self.date.isoformat()}{tail}'


class Modality(str, Enum):
    """How a document holds an issue: ``stated``, or explicitly ``deferred`` to later talks."""

    STATED = "stated"
    DEFERRED = "deferred"


DocumentKind = Literal[
    "proposal", "joint_draft", "memorandum", "statement", "agreement", "position", "scenario"
]
Status = Literal["official", "leaked", "reported", "derived"]


class QuoteKind(str, Enum):
    """What a stance's ``quote`` is: the source's own words, a translation of them, or a paraphrase."""

    VERBATIM = "verbatim"
    TRANSLATION = "translation"
    PARAPHRASE = "paraphrase"


class Confidence(str, Enum):
    """How sure the encoding is: disputed or thinly sourced facts are ``medium`` or ``low``."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Stance(BaseModel):
    """One document's position on one issue.

    ``value`` is the position; a bracketed stance in a joint draft has ``alternatives`` (one
    value per author) instead and covers their span. ``accepts`` lists what the author could
    also live with. ``document`` is set on stances assembled into a party's position, naming
    the document each came from.
    """

    model_config = _FROZEN

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, as read-only as the original (an ``update`` skips the validators that freeze)."""
        return frozen_copy(self, update=update, deep=deep)

    value: Value | None = None
    modality: Modality = Modality.STATED
    alternatives: dict[str, Value] | None = None
    accepts: tuple[Value, ...] = ()
    points: tuple[str, ...] = ()
    source: str
    quote: str | None = None
    quote_kind: QuoteKind = QuoteKind.VERBATIM
    """``verbatim`` (the quote occurs word for word in the source), ``translation`` or ``paraphrase``."""
    quote_lang: str | None = None
    """The quote's language where it differs from the source's ``language`` (a translation's)."""
    quote_original: str | None = None
    """For a translation: the original words, in the source's language, where known."""
    corroborated_by: tuple[str, ...] = ()
    """Other sources of the document, independent of ``source``, that report the same stance."""
    note: str | None = None
    confidence: Confidence = Confidence.HIGH
    document: str | None = None
    """On a stance of a position: the document it came from."""
    date: dt.date | None = None
    """On a stance of a position: the date of the document it came from."""
    status: Status | None = None
    """On a stance of a position: the status (official, leaked, reported) of its document."""
    readings: tuple[Stance, ...] = ()
    """On a stance of a position: other readings the data allows (a newer stance below the
    confidence floor, or the stance a ``reported`` one displaced), each with its document.
    The convergence range (:attr:`~negotiation.analysis.verdicts.Summary.low`/``high``) uses them."""

    @model_validator(mode="after")
    def _has_content(self) -> Stance:
        if self.value is not None and self.alternatives:
            raise ValueError("give either value or alternatives, not both")
        if self.value is None and not self.alternatives and self.modality is Modality.STATED:
            raise ValueError("a stated stance needs a value or alternatives")
        freeze_mappings(self)
        return self

    @property
    def stated(self) -> bool:
        """True unless the issue is deferred."""
        return self.modality is Modality.STATED

    @property
    def values(self) -> tuple[Value, ...]:
        """The values this stance stands for: its value, or its alternatives."""
        if self.alternatives:
            return tuple(self.alternatives.values())
        return () if self.value is None else (self.value,)

    @property
    def bracketed(self) -> bool:
        """Whether the stance is a span of alternatives."""
        return bool(self.alternatives)

    def span(self, scale: Scale) -> Span:
        """The span of the stance's values on ``scale``."""
        return scale.span(self.values)

    def reservation(self, scale: Scale) -> Span:
        """The span of everything the author could live with: its values and ``accepts``."""
        return scale.span(self.values + self.accepts)

    def describe(self, scale: Scale, lang: Lang = "en") -> str:
        """The stance's value(s) for people: a label, a number, a bracket of alternatives."""
        if self.alternatives:
            if scale.continuous:
                span = scale.span(self.values)
                lo = min(self.values, key=lambda v: scale.span([v]).lo)
                hi = max(self.values, key=lambda v: scale.span([v]).hi)
                if span.lo == span.hi:
                    return scale.format(lo, lang)
                return f"{scale.format(lo, lang)}–{scale.format(hi, lang)}"
            return " / ".join(f"{p}: {scale.format(v, lang)}" for p, v in self.alternatives.items())
        if self.value is None:
            return "—"
        return scale.format(self.value, lang)


def plain_stance(stance: Stance | None) -> Any:
    """The stance's value as plain data: a value, a {party: value} bracket, or None."""
    if stance is None:
        return None
    if stance.alternatives:
        return {p: plain_value(v) for p, v in stance.alternatives.items()}
    return None if stance.value is None else plain_value(stance.value)


def _point_key(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PointKey = Annotated[str, BeforeValidator(_point_key)]
"""A point number: a string, though a file may write it as a YAML number (``from: [7, 8]``, ``struck: [26]``)."""


class Point(BaseModel):
    """One numbered point of a document: its text and, in a revision, where it comes from.

    ``from_`` (written ``from:`` in a data file) names the points of the revised document
    (:attr:`Document.revises`) this point comes from: one point (kept or renumbered),
    several (a merge), or none (``from: []``, a new point). ``None`` means the lineage is
    not declared. ``note`` says how the correspondence is known (reported, or inferred).
    A point with neither is written in its short form, the bare text.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_by_name=True, validate_by_alias=True, serialize_by_alias=True,
        defer_build=True,
    )

    text: str = Field(min_length=1)
    from_: tuple[PointKey, ...] | None = Field(default=None, alias="from")
    note: str | None = None

    @field_validator("from_", mode="before")
    @classmethod
    def _keys(cls, value: Any) -> Any:
        if value is None or isinstance(value, (list, tuple)):
            return value
        raise PydanticCustomError("point_keys", 'expected a list of point numbers, e.g. ["7", "8"]')

    @model_serializer(mode="wrap")
    def _short_form(self, handler: SerializerFunctionWrapHandler) -> Any:
        if self.from_ is None and self.note is None:
            return self.text
        return handler(self)

    def __str__(self) -> str:
        return self.text


def _as_point(value: Any) -> Any:
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, (Mapping, Point)):
        return value
    raise PydanticCustomError("point", "expected the point's text, or a mapping with text, from and note")


PointEntry = Annotated[Point, BeforeValidator(_as_point, json_schema_input_type=str | Point)]
"""A point as written in a file: its text alone, or ``{text, from, note}``."""




class Document(BaseModel):
    """A dated text that carries stances: a proposal, draft, memorandum, statement…

    ``stances`` maps issue ids to :class:`Stance`. A party's position and a scenario are
    documents too (``kind`` ``position`` or ``scenario``), so they compare like any other.
    """

    model_config = _FROZEN

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, as read-only as the original (an ``update`` skips the validators that freeze)."""
        return frozen_copy(self, update=update, deep=deep)

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    titles: dict[str, str] = Field(default_factory=dict)
    """The title in other languages, by language code (``ar: …``)."""
    date: dt.date
    kind: DocumentKind
    status: Status
    authors: tuple[str, ...] = Field(min_length=1)
    endorsed_by: tuple[str, ...] = ()
    summary: str = ""
    points: dict[str, PointEntry] = Field(default_factory=dict)
    """The document's numbered points: ``"7": text``, or ``"5": {text, from: ["7", "8"], note}``."""
    revises: str | None = None
    """The id of the document this one revises; its points' ``from:`` name that document's points."""
    struck: dict[PointKey, str] = Field(default_factory=dict)
    """Points of the revised document this version deletes, each with a note on how that is
    known (``"26": Amnesty clause removed (ABC)``); a plain list ``["26"]`` is accepted."""

    @field_validator("struck", mode="before")
    @classmethod
    def _struck_list(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            if not all(isinstance(ref, str | int) and not isinstance(ref, bool) for ref in value):
                raise ValueError("expected a list of point numbers, or a mapping of point numbers to notes")
            return dict.fromkeys(value, "")
        if isinstance(value, Mapping):
            return {k: v or "" for k, v in value.items()}
        return value
    retires: dict[str, str] = Field(default_factory=dict)
    """Issues of the revised document (:attr:`revises`) that this version explicitly drops,
    each with a note on how that is known. Silence in a revision retires nothing."""
    endorses: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per party of :attr:`endorsed_by`, the issues its endorsement covers: there the endorsed
    stance replaces the party's own; elsewhere an endorsement only fills unstated issues."""
    sources: tuple[Source, ...] = ()
    stances: dict[str, Stance] = Field(default_factory=dict)
    readings: dict[str, tuple[Stance, ...]] = Field(default_factory=dict)
    """On a position: stances below the confidence floor on issues the position leaves unstated
    at that floor, kept as alternative readings (each with its document) for the range."""

    _taxonomy: Taxonomy | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _read_only(self) -> Document:
        freeze_mappings(self)  # doc.stances and the other mappings refuse changes
        return self

    @property
    def taxonomy(self) -> Taxonomy | None:
        """The taxonomy of the corpus this document was loaded in (None if built alone)."""
        return self._taxonomy

    def with_taxonomy(self, taxonomy: Taxonomy) -> Document:
        """This document, knowing ``taxonomy`` (a copy where it knew another)."""
        if self._taxonomy is taxonomy:
            return self
        copy = self.model_copy()
        copy._taxonomy = taxonomy
        return copy

    def label(self, lang: str = "en") -> str:
        """The title in ``lang``, falling back to ``title``."""
        return self.titles.get(lang) or self.title

    def involves(self, party: str, *, endorsements: bool = True) -> bool:
        """Whether ``party`` authored this document (or, by default, endorsed it)."""
        return party in self.authors or (endorsements and party in self.endorsed_by)

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(f"{self.id}: no source {source_id!r}")

    def source_of(self, issue_id: str) -> Source | None:
        """The source a stance cites, or None where the issue is silent."""
        stance = self.stances.get(issue_id)
        if stance is None:
            return None
        try:
            return self.source(stance.source)
        except KeyError:
            return None

    def __repr__(self) -> str:
        return f"Document({self.id!r}, {self.date.isoformat()}, {len(self.stances)} stances)"



class Corpus(BaseModel):
    """The taxonomy plus documents. Iterating yields documents; ``id in corpus`` works.

    Constructing a corpus checks every document against the taxonomy and raises one
    :class:`~negotiation.errors.CorpusError` listing every problem.
    """

    model_config = _FROZEN

    taxonomy: Taxonomy
    documents: dict[str, Document] = Field(default_factory=dict)
    salience: Salience = Field(default_factory=Salience)
    """Parties' salience per issue and capability (``salience.yaml``; empty: defaults)."""

    @model_validator(mode="after")
    def _check(self) -> Corpus:
        problems = []
        for key, doc in self.documents.items():
            if doc.id != key:
                problems.append(Problem(key, "id", f"id {doc.id!r} differs from its key"))
            problems += [Problem(doc.id, loc, msg) for loc, msg in self.taxonomy.problems(doc)]
        problems += [Problem(i, loc, msg) for i, loc, msg in lineage_problems(self.documents)]
        if problems:
            raise CorpusError(problems)
        # Every document knows the taxonomy it was checked against (frozen: set once, here).
        for key, doc in self.documents.items():
            self.documents[key] = doc.with_taxonomy(self.taxonomy)
        freeze_mappings(self)
        return self

    @classmethod
    def of(cls, taxonomy: Taxonomy, documents: Mapping[str, Document] | list[Document]) -> Corpus:
        """A corpus from a taxonomy and documents (a list or an id mapping)."""
        if not isinstance(documents, Mapping):
            documents = {d.id: d for d in documents}
        return cls(taxonomy=taxonomy, documents=dict(documents))

    def __getitem__(self, document_id: str) -> Document:
        try:
            return self.documents[document_id]
        except KeyError:
            raise UnknownDocumentError(document_id, self.documents) from None

    def __contains__(self, document_id: object) -> bool:
        return document_id in self.documents

    def __iter__(self) -> Iterator[Document]:  # type: ignore[override]
        return iter(sorted(self.documents.values(), key=lambda d: (d.date, d.id)))

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        return f"Corpus({len(self.documents)} documents, {len(self.taxonomy.issues)} issues)"

    @property
    def ids(self) -> list[str]:
        """Document ids in date order."""
        return [d.id for d in self]

    def documents_by(self, party: str, *, endorsements: bool = True) -> list[Document]:
        """Documents a party authored (and, by default, endorsed), in date order."""
        return [d for d in self if d.involves(party, endorsements=endorsements)]

    def position(self, party: str, as_of: dt.date | str | None = None, **rules: Any) -> Document:
        """The party's effective stances as of a date, by the position rules.

        ``rules``: ``endorsements``, ``min_confidence`` (default ``"medium"``), ``max_age``.
        See :func:`negotiation.analysis.timeline.position`.
        """
        return delegate("negotiation.analysis.timeline:position")(self, party, as_of, **rules)  # type: ignore[no-any-return]

    def explain(self, party: str, issue: str, as_of: dt.date | str | None = None, **rules: Any) -> pd.DataFrame:
        """Why the party's position holds what it does on one issue: one row per candidate stance.

        Columns: date, document, value, confidence, status, taken, reason, by. See
        :func:`negotiation.analysis.timeline.explain_frame`.
        """
        return delegate("negotiation.analysis.timeline:explain_frame")(self, party, issue, as_of, **rules)  # type: ignore[no-any-return]

    def trajectory(self, party_a: str, party_b: str, **kwargs: Any) -> pd.DataFrame:
        """Convergence of two parties' positions at every date either changed.

        See :func:`negotiation.analysis.timeline.trajectory`.
        """
        return delegate("negotiation.analysis.timeline:trajectory")(self, party_a, party_b, **kwargs)  # type: ignore[no-any-return]

    def matrix(self, documents: Any = None, **kwargs: Any) -> pd.DataFrame:
        """Pairwise convergence of documents as a square DataFrame.

        See :func:`negotiation.analysis.matrix.matrix` (with ``out=`` or ``use_dask=`` it
        returns a zarr or dask array instead).
        """
        result: pd.DataFrame = delegate("negotiation.analysis.matrix:matrix")(self, documents, **kwargs)
        return result

    def nearest(self, document: str | Document, k: int = 5, **kwargs: Any) -> list[tuple[str, float]]:
        """The ``k`` documents closest to ``document`` as ``(id, convergence)``, best first.

        One row of the matrix, never the whole: see :func:`negotiation.analysis.nearest.nearest`.
        """
        return delegate("negotiation.analysis.nearest:nearest")(self, document, k, **kwargs)  # type: ignore[no-any-return]

    def to_frame(self, **kwargs: Any) -> pd.DataFrame:
        """Every stance as a tidy DataFrame, one row per stance (``negotiation export`` writes it).

        See :func:`negotiation.corpus.frame.stances` for the columns and ``kwargs``.
        """
        result: pd.DataFrame = delegate("negotiation.corpus.frame:stances")(self, **kwargs)
        return result

    @takes(spec=SPEC)
    def resolve(self, spec: str | Document) -> Document:
        """A document by id, or a party's position by ``PARTY@YYYY-MM-DD`` (``PARTY`` alone: today).

        A position is refused, with the party's first document and its date, when the party
        has no document up to the date (:func:`~negotiation.analysis.timeline.require_documents`).
        """
        if isinstance(spec, Document):
            return spec
        if spec in self.documents:
            return self.documents[spec]
        party, sep, when = spec.partition("@")
        if party in self.taxonomy.parties and (sep or spec == party):
            delegate("negotiation.analysis.timeline:require_documents")(self, party, when or None)
            return self.position(party, when or None)
        if sep:  # PARTY@DATE with a party the corpus does not know
            raise UnknownPartyError(party, self.taxonomy.parties)
        raise UnknownDocumentError(spec, self.documents)


__all__ = [
    "DOCUMENT_ID",
    "Area",
    "Confidence",
    "Corpus",
    "Document",
    "Issue",
    "Modality",
    "Party",
    "Point",
    "Poles",
    "QuoteKind",
    "Source",
    "Stance",
    "Taxonomy",
    "lineage_problems",
    "plain_stance",
]
