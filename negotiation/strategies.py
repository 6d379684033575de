"""Hypothesis strategies for users' own property tests, valid by construction.

Values are drawn from each scale directly (level ids, numbers within bounds, members of the
vocabulary) rather than filtered, so every generated stance, document and edit fits its
taxonomy. Needs ``hypothesis`` (``pip install negotiation[strategies]``).

Usage
-----
>>> from hypothesis import given
>>> import negotiation as ng
>>> from negotiation import strategies as nst
>>> tax = ng.load().taxonomy
>>> @given(nst.documents(tax))
... def test_self_comparison_agrees(doc):
...     assert ng.compare(doc, doc, taxonomy=tax).summary.convergence == 1.0
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from negotiation.analysis.scenarios import Edit
from negotiation.model.labels import Labelled
from negotiation.model.models import Area, Corpus, Document, Issue, Party, Poles, Source, Stance, Taxonomy
from negotiation.model.scales import FlagScale, Level, NumericScale, OrdinalScale, SetScale

SOURCE = Source(id="generated", outlet="hypothesis", title="generated", date=dt.date(2025, 1, 1))

# Strategies are built once and reused: Hypothesis validates every new strategy object on its
# first draw, so building them afresh on each draw (as nested composites, lambdas or from_regex
# would) costs more than the drawing. Caches are keyed by content (scales, issue ids, flags),
# or, for a whole taxonomy or document, by identity with the object kept alongside its entry
# (so its id cannot be reused while the entry lives); all are bounded.
_CACHE_SIZE = 1024
_DOC_IDS = st.from_regex(r"\Adoc-[a-z0-9]{1,8}\Z")
_DATES = st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31))
_NO_ACCEPTS: st.SearchStrategy[list[Any]] = st.just([])
_DEFERRED = st.just(Stance(modality="deferred", source=SOURCE.id))
_PARTY_CODES = ("A", "B", "C")
_AUTHOR = st.sampled_from(list(_PARTY_CODES))
_KINDS = st.sampled_from(["ordinal", "numeric", "set", "flag"])
_LEVEL_COUNTS = st.integers(2, 6)
_LOWERS = st.integers(1, 100)
_SPANS = st.integers(1, 10_000)
_TOLERANCES = st.sampled_from([0, 1])
_HIGH_POLES = st.sampled_from(["lower", "higher"])
_WEIGHTS = st.sampled_from([1, 2, 3])
_STEPS = st.integers(1, 3)


class _ByIdentity:
    """A bounded least-recently-used memo keyed by the identity of one object plus hashable extras."""

    def __init__(self, maxsize: int = 256) -> None:
        self._entries: OrderedDict[tuple[Any, ...], tuple[object, Any]] = OrderedDict()
        self._maxsize = maxsize
        self._lock = threading.Lock()

    def get(self, obj: object, extras: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        key = (id(obj), *extras)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] is obj:
                self._entries.move_to_end(key)
                return entry[1]
        value = build()
        with self._lock:
            self._entries[key] = (obj, value)
            while len(self._entries) > self._maxsize:
                self._entries.popitem(last=False)
        return value


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _sampled(options: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(list(options))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _counts(lower: int, upper: int) -> st.SearchStrategy[int]:
    return st.integers(lower, upper)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _issue_choices(issue_ids: tuple[str, ...], min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(list(issue_ids)), min_size=min_size, max_size=max_size, unique=True)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _scale_values(scale: Any) -> st.SearchStrategy[Any]:
    if scale.level_order is not None:
        return st.sampled_from(scale.level_order)
    if scale.bounds is not None:
        lower, upper, _log = scale.bounds
        numbers = st.integers(int(lower), int(upper)).map(float)
        words = [w for w, v in scale.listed(()) if w is not None]  # the "no limit" word, where there is one
        return st.one_of(numbers, st.sampled_from(words)) if words else numbers
    if scale.members is not None:
        return st.frozensets(st.sampled_from(scale.members), max_size=len(scale.members))
    if scale.ordered:  # no levels, no range: the two poles (a flag's yes and no)
        poles = {scale.value_at(0.0), scale.value_at(1.0)}
        return st.booleans() if poles == {False, True} else st.sampled_from(sorted(poles, key=str))
    raise TypeError(f"no strategy for scale {scale!r}")


def values(issue: Issue) -> st.SearchStrategy[Any]:
    """Values that fit ``issue``'s scale."""
    return _scale_values(issue.scale)


def _plain_stance(value: Any, accepts: list[Any]) -> Stance:
    return Stance(value=value, accepts=tuple(accepts), source=SOURCE.id)


def _bracketed_stance(alternatives: dict[str, Any]) -> Stance:
    return Stance(alternatives=alternatives, source=SOURCE.id)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _stances(scale: Any, authors: tuple[str, ...], brackets: bool, accepts: bool,
             deferred: bool) -> st.SearchStrategy[Stance]:
    vals = _scale_values(scale)
    plain = st.builds(_plain_stance, vals, st.lists(vals, max_size=2) if accepts else _NO_ACCEPTS)
    options = [plain]
    if brackets and len(authors) > 1:
        options.append(st.fixed_dictionaries({a: vals for a in authors}).map(_bracketed_stance))
    if deferred:
        options.append(_DEFERRED)
    return st.one_of(options)


def stances(
    issue: Issue,
    *,
    authors: Sequence[str] = ("A",),
    brackets: bool = True,
    accepts: bool = True,
    deferred: bool = False,
) -> st.SearchStrategy[Stance]:
    """Stances on ``issue``: a value, or (with ``brackets``) alternatives keyed by ``authors``."""
    return _stances(issue.scale, tuple(authors), bool(brackets), bool(accepts), bool(deferred))


def _draw_document(draw: st.DrawFn, taxonomy: Taxonomy, authors: Sequence[str] | None, min_issues: int,
                   max_issues: int | None, brackets: bool, accepts: bool, deferred: bool,
                   id: str | None) -> Document:
    issue_ids = tuple(taxonomy.issues)
    chosen = draw(_issue_choices(issue_ids, min(min_issues, len(issue_ids)), max_issues or len(issue_ids)))
    codes = list(authors) if authors else [draw(_sampled(tuple(taxonomy.parties) or ("A",)))]
    stance_map = {
        i: draw(stances(taxonomy.issues[i], authors=codes, brackets=brackets, accepts=accepts, deferred=deferred))
        for i in issue_ids if i in chosen
    }
    doc_id = id or draw(_DOC_IDS)
    return Document(
        id=doc_id,
        title=f"generated {doc_id}",
        date=draw(_DATES),
        kind="joint_draft" if len(codes) > 1 else "proposal",
        status="reported",
        authors=tuple(codes),
        sources=(SOURCE,),
        stances=stance_map,
    )


@st.composite
def _documents(draw: st.DrawFn, taxonomy: Taxonomy, authors: Sequence[str] | None, min_issues: int,
               max_issues: int | None, brackets: bool, accepts: bool, deferred: bool, id: str | None) -> Document:
    return _draw_document(draw, taxonomy, authors, min_issues, max_issues, brackets, accepts, deferred, id)


_DOCUMENTS = _ByIdentity()


def documents(
    taxonomy: Taxonomy,
    *,
    authors: Sequence[str] | None = None,
    min_issues: int = 1,
    max_issues: int | None = None,
    brackets: bool = False,
    accepts: bool = True,
    deferred: bool = False,
    id: str | None = None,
) -> st.SearchStrategy[Document]:
    """Documents over ``taxonomy`` stating between ``min_issues`` and ``max_issues`` issues."""
    codes = None if authors is None else tuple(authors)
    args = (codes, min_issues, max_issues, brackets, accepts, deferred, id)
    strategy: st.SearchStrategy[Document] = _DOCUMENTS.get(taxonomy, args, lambda: _documents(taxonomy, *args))
    return strategy


_LEVELS = {m: tuple(Level(id=f"l{j}", en=f"level {j}", labels={"ar": f"م{j}"}) for j in range(m)) for m in range(2, 7)}
_POLES = Poles(low=Labelled(en="low", labels={"ar": "أدنى"}), high=Labelled(en="high", labels={"ar": "أعلى"}))
_AREAS = {"area": Area(id="area", en="Area", labels={"ar": "مجال"})}


@st.composite
def _taxonomies(draw: st.DrawFn, min_issues: int, max_issues: int) -> Taxonomy:
    n = draw(_counts(min_issues, max_issues))
    issues = {}
    for k in range(n):
        kind = draw(_KINDS)
        if kind == "ordinal":
            scale: Any = OrdinalScale(levels=_LEVELS[draw(_LEVEL_COUNTS)])
        elif kind == "numeric":
            lower = draw(_LOWERS)
            upper = lower + draw(_SPANS)
            scale = NumericScale(unit="u", lower=lower, upper=upper, log=draw(st.booleans()),
                                 tolerance=draw(_TOLERANCES), high_pole=draw(_HIGH_POLES))
        elif kind == "set":
            scale = SetScale(vocabulary=("A", "B", "C", "D"))
        else:
            scale = FlagScale(high_pole=draw(st.booleans()))
        issue_id = f"area.issue{k}"
        issues[issue_id] = Issue(id=issue_id, en=issue_id, labels={"ar": issue_id},
                                 weight=draw(_WEIGHTS), scale=scale)
    return Taxonomy(
        poles=_POLES,
        areas=_AREAS,
        issues=issues,
        parties={c: Party(code=c, en=c, labels={"ar": c}) for c in _PARTY_CODES},
    )


@functools.lru_cache(maxsize=_CACHE_SIZE)
def taxonomies(*, min_issues: int = 1, max_issues: int = 8) -> st.SearchStrategy[Taxonomy]:
    """Small taxonomies mixing all four scale kinds, with parties ``A``, ``B``, ``C``."""
    return _taxonomies(min_issues, max_issues)


@st.composite
def _corpora(draw: st.DrawFn, min_documents: int, max_documents: int) -> Corpus:
    tax = draw(taxonomies())
    n = draw(_counts(min_documents, max_documents))
    docs = [
        draw(documents(tax, authors=(draw(_AUTHOR),), id=f"doc-{k}"))
        for k in range(n)
    ]
    return Corpus.of(tax, docs)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def corpora(*, min_documents: int = 1, max_documents: int = 6) -> st.SearchStrategy[Corpus]:
    """Generated corpora: a generated taxonomy and documents by parties ``A``, ``B``, ``C``."""
    return _corpora(min_documents, max_documents)


@st.composite
def edits(draw: st.DrawFn, document: Document, taxonomy: Taxonomy,
          *, ops: Sequence[str] = ("set", "concede", "accept")) -> Edit:
    """One edit that applies to ``document``: ``set`` any issue, ``concede``/``accept`` on a stated one."""
    stated = tuple(i for i, s in document.stances.items() if s.stated)
    allowed = tuple(op for op in ops if op == "set" or stated)
    op = draw(_sampled(allowed))
    issue_id = draw(_sampled(stated if op != "set" else tuple(taxonomy.issues)))
    value = draw(values(taxonomy.issues[issue_id]))
    steps = draw(_STEPS) if op == "concede" else 1
    return Edit(op=op, issue=issue_id, value=value, steps=steps)
