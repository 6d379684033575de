"""A point followed through several versions of a plan: the redline chain.

:func:`redline_chain` redlines each version against the one before it (or against the
first) and joins the points that correspond into threads, so a point can be read across
renumbered drafts in one line.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

from negotiation.analysis.lineage import PointGroups, declared_lineage
from negotiation.analysis.points import point_issues
from negotiation.analysis.redline import Redline, RedlineSummary, redline
from negotiation.analysis.results import LinesSummary, ResultViews, deprecated_to_json
from negotiation.delegates import delegate
from negotiation.errors import NegotiationError
from negotiation.model.arguments import CORPUS_OR_DOCUMENTS, DOCUMENT, DOCUMENTS, LANG, TAXONOMY, one_of, takes
from negotiation.model.labels import Lang
from negotiation.model.models import Corpus, Document, Taxonomy

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class ChainSummary(LinesSummary):
    """A chain's ``summary``: the documents in order, the threads, and each step's ``RedlineSummary``.

    Data only; :meth:`RedlineChain.summary_lines` writes it in words (one line per step).
    """

    LINES = "negotiation.render.redline:chain_summary_lines"

    documents: tuple[str, ...]
    base: Literal["previous", "first"]
    threads: int
    steps: tuple[RedlineSummary, ...]


@dataclass(frozen=True)
class Thread:
    """One point followed through every version of a chain.

    ``points[i]`` are the keys of the point(s) in document ``i`` (empty where it has none);
    ``fates[i]`` is how it arrived in document ``i`` from the document it is redlined against
    (the previous one, or the first; ``""`` for the first document, and where the thread had
    no point in either).
    """

    points: tuple[tuple[str, ...], ...]
    fates: tuple[str, ...]
    text: str
    issues: tuple[str, ...]


@dataclass(frozen=True)
class RedlineChain(ResultViews):
    """A point followed through several versions (see :func:`redline_chain`).

    ``steps`` are the redlines of each document against the previous one (or, with
    ``base="first"``, against the first); ``threads`` follow each point from version to
    version. Its views are the ones every result has: :meth:`to_frame`, :meth:`to_dict`,
    :meth:`render` and :attr:`summary` (:mod:`negotiation.analysis.results`).
    """

    documents: tuple[Document, ...]
    steps: tuple[Redline, ...]
    threads: tuple[Thread, ...]
    base: Literal["previous", "first"] = "previous"

    def column(self, i: int) -> str:
        """The column name of document ``i``: its id without the trailing ``-YYYY-MM``."""
        return re.sub(r"-\d{4}(-\d{2}){0,2}$", "", self.documents[i].id) or self.documents[i].id

    def to_records(self, lang: Lang = "en") -> list[dict[str, Any]]:
        """One mapping per thread: the first text, then per document its points and fate."""
        return delegate("negotiation.render.redline:chain_records")(self, lang)  # type: ignore[no-any-return]

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """The threads as a DataFrame."""
        import pandas as pd

        frame: pd.DataFrame = pd.DataFrame(self.to_records(lang))
        return frame

    @property
    def columns(self) -> list[str]:
        """The columns people read: the point's text, then one per document."""
        return ["point", *(self.column(i) for i in range(len(self.documents)))]

    def title(self, lang: Lang = "en") -> str:
        """``Redline chain: a → b → c`` (or ``Redline against a: b, c``), in ``lang``."""
        return delegate("negotiation.render.redline:chain_title")(self, lang)  # type: ignore[no-any-return]

    @property
    def summary(self) -> ChainSummary:
        """The documents, the threads counted, and each step's summary: data."""
        return ChainSummary(tuple(d.id for d in self.documents), self.base, len(self.threads),
                            tuple(step.summary for step in self.steps))

    def summary_lines(self, lang: Lang = "en") -> list[str]:
        """One line per step, in ``lang``: its fates counted and how its points were lined up."""
        return self.summary.lines(lang)

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:  # type: ignore[override]
        """Deprecated: the dict :meth:`to_dict` gives (a DeprecationWarning says so).

        Every other result's ``to_json`` returns a JSON string; this one will too.
        """
        return deprecated_to_json(self, lang)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The chain as JSON-ready data: documents, threads, and every step's redline."""
        return {
            "documents": [d.id for d in self.documents],
            "threads": [
                {"text": t.text, "points": [list(p) for p in t.points], "fates": list(t.fates),
                 "issues": list(t.issues)}
                for t in self.threads
            ],
            "steps": [s.to_dict(lang) for s in self.steps],
        }

    def filter(self, areas: Iterable[str]) -> RedlineChain:
        """Only the threads whose points carry a stance on an issue of ``areas``."""
        wanted = set(areas)
        threads = tuple(t for t in self.threads if any(i.split(".", 1)[0] in wanted for i in t.issues))
        return RedlineChain(self.documents, self.steps, threads, self.base)

    def __len__(self) -> int:
        return len(self.threads)

    def __iter__(self) -> Any:
        return iter(self.threads)


@takes(documents=DOCUMENTS, base=one_of("previous", "first"), corpus=CORPUS_OR_DOCUMENTS.or_none(),
       toward=DOCUMENT.or_none(), taxonomy=TAXONOMY, lang=LANG)
def redline_chain(
    documents: Sequence[Document],
    *,
    base: Literal["previous", "first"] = "previous",
    corpus: Corpus | Iterable[Document] | None = None,
    toward: Document | None = None,
    taxonomy: Taxonomy | None = None,
    lang: Lang = "en",
) -> RedlineChain:
    """Follow every point through several versions, in the order given.

    Each version is redlined against the one before it (``base="previous"``, a chain of
    revisions) or against the first (``base="first"``: several answers to one plan, such as
    the E3 redline, the 20 points and the European 24 points beside the US 28 points). A
    thread joins the points that correspond, by declared lineage between any two of the
    documents or by the redline of neighbours, so ``28-point 21 → E3 21 → 20-point 14``
    reads as one line even where a version in between has no public points. ``lang`` has
    no effect (kept for older calls): each view takes its own language.

    Examples
    --------
    >>> import negotiation as ng
    >>> c = ng.load()
    >>> chain = ng.redline_chain([c[i] for i in ("us-28-point-2025-11", "e3-counterproposal-2025-11",
    ...                                          "us-20-point-2025-12")])
    >>> len(chain.steps)
    2
    """
    docs = tuple(documents)
    if len(docs) < 2:
        raise NegotiationError("a redline needs at least two documents")
    if base not in ("previous", "first"):
        raise NegotiationError(f"base must be 'previous' or 'first', not {base!r}")
    pool = list(corpus) if corpus is not None else []
    pool += [d for d in docs if d not in pool]
    known: dict[str, Document] = {}  # as lineage() looks documents up: the pair first, then the pool
    for d in pool:
        known.setdefault(d.id, d)
    tax = taxonomy if taxonomy is not None else getattr(corpus, "taxonomy", None)
    pairs = list(pairwise(range(len(docs)))) if base == "previous" else [(0, j) for j in range(1, len(docs))]
    steps = tuple(
        redline(docs[i], docs[j], corpus=pool, toward=toward, taxonomy=tax, lang=lang) for i, j in pairs
    )
    if base == "first":
        return RedlineChain(docs, steps, _threads_from_first(docs, steps), base)
    g = PointGroups()
    find, join = g.find, g.join
    for (i, j), step in zip(pairs, steps, strict=True):
        for row in step.rows:
            join([(i, k) for k in row.old] + [(j, k) for k in row.new])
    stepped = set(pairs)
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if (i, j) in stepped:
                continue
            found = declared_lineage(docs[i], docs[j], ChainMap({docs[i].id: docs[i], docs[j].id: docs[j]}, known))
            if found is not None:
                for p, q in found.links:
                    join([(i, p), (j, q)])
    order = [{k: n for n, k in enumerate(d.points)} for d in docs]
    groups: dict[tuple[int, str], list[tuple[int, str]]] = {}
    sequence: list[tuple[int, str]] = []
    for i, doc in enumerate(docs):
        previous: tuple[int, str] | None = None
        for k in doc.points:
            root = find((i, k))
            groups.setdefault(root, []).append((i, k))
            if root not in sequence:  # a thread first met here follows the thread of the point before
                sequence.insert(sequence.index(previous) + 1 if previous in sequence else len(sequence), root)
            previous = root
    issues_of = [point_issues(d) for d in docs]
    threads = []
    for root in sequence:
        members = groups[root]
        keys = tuple(tuple(k for j, k in members if j == i) for i in range(len(docs)))
        fates = [""]
        for (i, j), step in zip(pairs, steps, strict=True):
            touched = [r.fate for r in step.rows if set(r.old) & set(keys[i]) or set(r.new) & set(keys[j])]
            fates.append("/".join(dict.fromkeys(touched)))
        first = min(members, key=lambda m: (m[0], order[m[0]][m[1]]))
        issues = tuple(dict.fromkeys(x for i, k in sorted(members) for x in issues_of[i][k]))
        threads.append(Thread(keys, tuple(fates), docs[first[0]].points[first[1]].text, issues))
    return RedlineChain(docs, steps, tuple(threads), base)


def _threads_from_first(docs: Sequence[Document], steps: Sequence[Redline]) -> tuple[Thread, ...]:
    """One thread per point of the first document; points of the others with no ancestor there follow."""
    issues_of = [point_issues(d) for d in docs]
    n = len(docs)
    threads: list[Thread] = []
    for k in docs[0].points:
        keys: list[tuple[str, ...]] = [(k,)] + [()] * (n - 1)
        fates = [""] * n
        for j, step in enumerate(steps, start=1):
            for row in step.rows:
                if k in row.old:
                    keys[j], fates[j] = row.new, row.fate
        issues = tuple(dict.fromkeys(x for i in range(n) for key in keys[i] for x in issues_of[i][key]))
        threads.append(Thread(tuple(keys), tuple(fates), docs[0].points[k].text, issues))
    for j, step in enumerate(steps, start=1):
        for row in step.rows:
            if row.old or not row.new:
                continue
            keys = [()] * n
            keys[j] = row.new
            fates = [""] * n
            fates[j] = row.fate
            issues = tuple(dict.fromkeys(x for key in row.new for x in issues_of[j][key]))
            threads.append(Thread(tuple(keys), tuple(fates), docs[j].points[row.new[0]].text, issues))
    return tuple(threads)
