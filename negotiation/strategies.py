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
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from negotiation.analysis.scenarios import Edit
from negotiation.model.labels import Labelled
from negotiation.model.models import Area, Corpus, Document, Issue, Party, Poles, Source, Stance, Taxonomy
from negotiation.model.scales import FlagScale, Level, NumericScale, OrdinalScale, SetScale

SOURCE = Source(id="generated", outlet="hypothesis", title="generated", date=dt.date(2025, 1, 1))


def values(issue: Issue) -> st.SearchStrategy[Any]:
    """Values that fit ``issue``'s scale."""
    scale = issue.scale
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


def stances(
    issue: Issue,
    *,
    authors: Sequence[str] = ("A",),
    brackets: bool = True,
    accepts: bool = True,
    deferred: bool = False,
) -> st.SearchStrategy[Stance]:
    """Stances on ``issue``: a value, or (with ``brackets``) alternatives keyed by ``authors``."""
    vals = values(issue)
    plain = st.builds(
        lambda v, acc: Stance(value=v, accepts=tuple(acc), source=SOURCE.id),
        vals,
        st.lists(vals, max_size=2) if accepts else st.just([]),
    )
    options = [plain]
    if brackets and len(authors) > 1:
        options.append(st.fixed_dictionaries({a: vals for a in authors}).map(
            lambda alts: Stance(alternatives=alts, source=SOURCE.id)))
    if deferred:
        options.append(st.just(Stance(modality="deferred", source=SOURCE.id)))
    return st.one_of(options)


@st.composite
def documents(
    draw: st.DrawFn,
    taxonomy: Taxonomy,
    *,
    authors: Sequence[str] | None = None,
    min_issues: int = 1,
    max_issues: int | None = None,
    brackets: bool = False,
    accepts: bool = True,
    deferred: bool = False,
    id: str | None = None,
) -> Document:
    """Documents over ``taxonomy`` stating between ``min_issues`` and ``max_issues`` issues."""
    issue_ids = list(taxonomy.issues)
    chosen = draw(st.lists(st.sampled_from(issue_ids), min_size=min(min_issues, len(issue_ids)),
                           max_size=max_issues or len(issue_ids), unique=True))
    codes = list(authors) if authors else [draw(st.sampled_from(list(taxonomy.parties) or ["A"]))]
    stance_map = {
        i: draw(stances(taxonomy.issues[i], authors=codes, brackets=brackets, accepts=accepts, deferred=deferred))
        for i in issue_ids if i in chosen
    }
    doc_id = id or draw(st.from_regex(r"\Adoc-[a-z0-9]{1,8}\Z"))
    return Document(
        id=doc_id,
        title=f"generated {doc_id}",
        date=draw(st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31))),
        kind="joint_draft" if len(codes) > 1 else "proposal",
        status="reported",
        authors=tuple(codes),
        sources=(SOURCE,),
        stances=stance_map,
    )


@st.composite
def taxonomies(draw: st.DrawFn, *, min_issues: int = 1, max_issues: int = 8) -> Taxonomy:
    """Small taxonomies mixing all four scale kinds, with parties ``A``, ``B``, ``C``."""
    n = draw(st.integers(min_issues, max_issues))
    issues = {}
    for k in range(n):
        kind = draw(st.sampled_from(["ordinal", "numeric", "set", "flag"]))
        if kind == "ordinal":
            m = draw(st.integers(2, 6))
            levels = tuple(Level(id=f"l{j}", en=f"level {j}", labels={"ar": f"م{j}"}) for j in range(m))
            scale: Any = OrdinalScale(levels=levels)
        elif kind == "numeric":
            lower = draw(st.integers(1, 100))
            upper = lower + draw(st.integers(1, 10_000))
            scale = NumericScale(unit="u", lower=lower, upper=upper, log=draw(st.booleans()),
                                 tolerance=draw(st.sampled_from([0, 1])),
                                 high_pole=draw(st.sampled_from(["lower", "higher"])))
        elif kind == "set":
            scale = SetScale(vocabulary=("A", "B", "C", "D"))
        else:
            scale = FlagScale(high_pole=draw(st.booleans()))
        issue_id = f"area.issue{k}"
        issues[issue_id] = Issue(id=issue_id, en=issue_id, labels={"ar": issue_id},
                                 weight=draw(st.sampled_from([1, 2, 3])), scale=scale)
    return Taxonomy(
        poles=Poles(low=Labelled(en="low", labels={"ar": "أدنى"}), high=Labelled(en="high", labels={"ar": "أعلى"})),
        areas={"area": Area(id="area", en="Area", labels={"ar": "مجال"})},
        issues=issues,
        parties={c: Party(code=c, en=c, labels={"ar": c}) for c in ("A", "B", "C")},
    )


@st.composite
def corpora(draw: st.DrawFn, *, min_documents: int = 1, max_documents: int = 6) -> Corpus:
    """Generated corpora: a generated taxonomy and documents by parties ``A``, ``B``, ``C``."""
    tax = draw(taxonomies())
    n = draw(st.integers(min_documents, max_documents))
    docs = [
        draw(documents(tax, authors=[draw(st.sampled_from(["A", "B", "C"]))], id=f"doc-{k}"))
        for k in range(n)
    ]
    return Corpus.of(tax, docs)


@st.composite
def edits(draw: st.DrawFn, document: Document, taxonomy: Taxonomy,
          *, ops: Sequence[str] = ("set", "concede", "accept")) -> Edit:
    """One edit that applies to ``document``: ``set`` any issue, ``concede``/``accept`` on a stated one."""
    stated = [i for i, s in document.stances.items() if s.stated]
    allowed = [op for op in ops if op == "set" or stated]
    op = draw(st.sampled_from(allowed))
    issue_id = draw(st.sampled_from(stated if op != "set" else list(taxonomy.issues)))
    value = draw(values(taxonomy.issues[issue_id]))
    steps = draw(st.integers(1, 3)) if op == "concede" else 1
    return Edit(op=op, issue=issue_id, value=value, steps=steps)
