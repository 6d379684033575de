"""Comparing two documents issue by issue: distances, verdicts and a summary.

The comparison is computed once, eagerly, into typed data (:class:`Comparison`); tables,
frames, HTML and JSON are views of it (see :mod:`negotiation.render.report`). The verdict
rules, and the order they are checked in, are documented and implemented in
:mod:`negotiation.analysis.verdicts`; :func:`diff_issue` is the same rule asking the scales.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from negotiation.analysis.encoding import StanceCode, document_code
from negotiation.analysis.taxonomy_of import taxonomy_of
from negotiation.analysis.verdicts import EPS as _EPS
from negotiation.analysis.verdicts import Summary, Verdict, hinge_codes, judge_codes
from negotiation.delegates import delegate
from negotiation.model.arguments import BOOL, DOCUMENT, TAXONOMY, WEIGHTS, takes
from negotiation.model.labels import Lang
from negotiation.model.models import Document, Issue, Stance, Taxonomy

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Comparison", "Hinge", "IssueDiff", "Summary", "Verdict", "compare", "diff_issue", "summarize"]


@dataclass(frozen=True, slots=True)
class IssueDiff:
    """One issue of a comparison: both stances, their distance and the verdict.

    A plain frozen record (compared and printed by its fields), built by :func:`compare`
    or :func:`diff_issue`.
    """

    issue: Issue
    a: Stance | None
    b: Stance | None
    distance: float | None
    verdict: Verdict
    nearer_low: str | None = None
    """``"a"`` or ``"b"``: the side nearer the low pole, where both are stated and differ."""

    @property
    def area(self) -> str:
        """The issue's area id."""
        return self.issue.area

    def value(self, side: str, lang: Lang = "en") -> str:
        """The value of side ``"a"`` or ``"b"`` for people, as the tables write it; empty where silent.

        Written by :func:`negotiation.render.report.stance_text` (numbers with their unit,
        "deferred" where deferred), the one function that writes a stance in a comparison.
        """
        stance = self.a if side == "a" else self.b
        text: str = delegate("negotiation.render.report:stance_text")(stance, self.issue, lang)
        return text

    def line(self, lang: Lang = "en", poles: Any = None) -> str:
        """One readable line: "600,000 vs 800,000: 200,000 apart"."""
        return delegate("negotiation.render.report:describe_diff")(self, lang, poles)


@dataclass(frozen=True, slots=True)
class Hinge:
    """One issue the index hinges on: the index with the issue alone resolved either way."""

    issue: str
    low: float
    high: float
    swing: float
    """How far the index moves from its point estimate at the issue's further end."""


@dataclass(frozen=True, slots=True)
class StaleStance:
    """A stance older than its position by more than the staleness limit (two years by default)."""

    side: str
    """``"a"`` or ``"b"``."""
    issue: str
    date: dt.date
    document: str | None
    age_days: int
    """Days between the stance's own date and the date of the position it stands in."""


def stale_stances(doc: Document, days: int | None = None) -> list[tuple[str, dt.date, str | None, int]]:
    """(issue, date, document, age in days) of each stance of ``doc`` older than ``days`` before its date.

    Only positions carry per-stance dates; a document's own stances are as old as it is.
    ``days`` defaults to :data:`~negotiation.analysis.timeline.STALE_DAYS` (730).
    """
    from negotiation.analysis.timeline import STALE_DAYS

    limit = STALE_DAYS if days is None else days
    out = []
    for issue_id, st in doc.stances.items():
        if st.date is not None and (doc.date - st.date).days > limit:
            out.append((issue_id, st.date, st.document, (doc.date - st.date).days))
    return out


@dataclass(frozen=True)
class Comparison:
    """The result of comparing document ``a`` with document ``b``.

    ``diffs`` holds one :class:`IssueDiff` per issue, in taxonomy order; ``summary`` the
    counts, coverage and convergence index. Index it by issue id: ``cmp["security.army_cap"]``.
    A plain frozen record, compared by its fields.
    """

    a: Document
    b: Document
    taxonomy: Taxonomy
    diffs: tuple[IssueDiff, ...]
    summary: Summary

    def __getitem__(self, issue_id: str) -> IssueDiff:
        for d in self.diffs:
            if d.issue.id == issue_id:
                return d
        raise KeyError(f"issue '{issue_id}' is not in this comparison")

    def __iter__(self) -> Any:
        return iter(self.diffs)

    def __len__(self) -> int:
        return len(self.diffs)

    def by_verdict(self, verdict: Verdict | str) -> list[IssueDiff]:
        """The diffs with one verdict."""
        return [d for d in self.diffs if d.verdict == Verdict(verdict)]

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """One row per issue; ids with labels beside them, ``verdict`` an ordered categorical.

        Columns: area, area_label, issue, issue_label, value_a, value_a_label, value_b,
        value_b_label, distance, verdict, verdict_label, note, source_a, source_b,
        points_a, points_b, weight, then each side's citation: quote_a, quote_kind_a,
        source_outlet_a, source_title_a, source_date_a, url_a, no_url_reason_a and the same
        for b (see :func:`negotiation.render.report.comparison_frame`).
        """
        return delegate("negotiation.render.report:comparison_frame")(self, lang)

    def to_table(self, fmt: str = "github", lang: Lang = "en", *, width: int = 100) -> str:
        """The table in any format of ``negotiation.render.formats.FORMATS``, fitted to ``width``.

        Raises ``FormatError`` (a ValueError) for a format it does not write.
        """
        return delegate("negotiation.render.report:comparison_table")(self, fmt, lang, width=width)

    def render(self, fmt: str = "simple", lang: Lang = "en", *, width: int = 100) -> str:
        """A titled report in ``fmt`` and ``lang``: both documents, the table, and the summary."""
        return delegate("negotiation.render.report:comparison_report")(self, fmt, lang, width=width)

    def summary_lines(self, lang: Lang = "en") -> list[str]:
        """:attr:`summary` in words, in ``lang``: convergence (and range), coverage, verdicts counted."""
        lines: list[str] = delegate("negotiation.render.report:summary_lines")(self, lang)
        return lines

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The comparison as plain JSON-ready data: ids, values, labels in ``lang``, summary."""
        return delegate("negotiation.render.report:comparison_dict")(self, lang)

    def to_json(self, lang: Lang = "en", indent: int | None = 2) -> str:
        """The comparison as a JSON string (like pandas, ``to_json`` returns text; see :meth:`to_dict`)."""
        return delegate("negotiation.render.report:comparison_json")(self, lang, indent)

    def style(self, lang: Lang = "en") -> Any:
        """A pandas Styler for notebooks: rows coloured by verdict, text and background set."""
        return delegate("negotiation.render.report:comparison_style")(self, lang)

    def plot(self, lang: Lang = "en", ax: Any = None) -> Any:
        """A dumbbell chart (matplotlib Figure): A and B on each issue's scale. Needs ``[plot]``."""
        return delegate("negotiation.render.charts:dumbbell")(self, lang=lang, ax=ax)

    def to_html(self, lang: Lang = "en") -> str:
        """A self-contained report page (UTF-8, escaped, chart inlined when matplotlib is installed)."""
        return delegate("negotiation.render.page:report_page")(self, lang)

    def view(self, lang: Lang) -> Any:
        """This comparison shown in ``lang`` in a notebook (its own ``_repr_html_``)."""
        return delegate("negotiation.render.report:ComparisonView")(self, lang)

    def _repr_html_(self) -> str:
        return delegate("negotiation.render.report:comparison_html")(self)

    def hinges(self, n: int = 3) -> list[Hinge]:
        """The issues whose resolution moves the convergence index most: what the verdict hinges on.

        For each issue whose data is uncertain (a bracket, a reading below the confidence
        floor, a ``reported`` stance), the index with that issue alone resolved each way and
        every other issue at its point estimate; the ``n`` that move it furthest, furthest first.
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise TypeError(f"hinges() takes a number of issues, got {n!r}")
        code_a, code_b = document_code(self.a, self.taxonomy), document_code(self.b, self.taxonomy)
        point = {d.issue.id: d.distance for d in self.diffs if d.distance is not None}

        def through_scale(k: int, p: StanceCode, q: StanceCode) -> tuple[float, Verdict, None]:
            return diff_issue(code_a.taxonomy.issues[k].issue, p.stance, q.stance).distance or 0.0, Verdict.APART, None

        found = hinge_codes(code_a.taxonomy.issues, code_a.stances, code_b.stances, code_a.readings,
                            code_b.readings, point, self.summary.convergence, through_scale)
        return [Hinge(*h) for h in found[:n]]

    def stale(self, days: int | None = None) -> list[StaleStance]:
        """Stances of either side older than ``days`` (default two years) before their position's date.

        A figure a party last stated long ago is not plainly its current position: output
        marks these (see ``position(..., max_age=days)`` to leave them out instead).
        """
        return [StaleStance(side, issue, date, document, age)
                for side, doc in (("a", self.a), ("b", self.b))
                for issue, date, document, age in stale_stances(doc, days)
                if any(d.issue.id == issue for d in self.diffs)]

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Comparison({self.a.id!r} vs {self.b.id!r}: {self.summary})"


def diff_issue(issue: Issue, a: Stance | None, b: Stance | None) -> IssueDiff:
    """Compare two stances on one issue (either may be None: silent).

    The reference rule, asking the scale for spans and gaps each time; :func:`compare`
    gives the same diffs from cached encodings.
    """
    if a is None and b is None:
        return IssueDiff(issue=issue, a=a, b=b, distance=None, verdict=Verdict.SILENT)
    if a is None or b is None:
        return IssueDiff(issue=issue, a=a, b=b, distance=None, verdict=Verdict.ONE_SIDED)
    if not (a.stated and b.stated):
        return IssueDiff(issue=issue, a=a, b=b, distance=None, verdict=Verdict.DEFERRED)
    scale = issue.scale
    span_a, span_b = a.span(scale), b.span(scale)
    distance = scale.gap(span_a, span_b)
    points = not (a.bracketed or b.bracketed)
    within = distance <= _EPS or scale.within_tolerance(span_a, span_b)
    if within and (points or span_a == span_b):
        verdict = Verdict.AGREE
    elif within:
        # Overlapping but different spans: a bracket already holds the other side's value.
        verdict = Verdict.BRIDGEABLE
    elif distance <= issue.close_threshold + _EPS:
        verdict = Verdict.CLOSE
    elif (a.accepts or b.accepts) and scale.gap(a.reservation(scale), b.reservation(scale)) <= _EPS:
        verdict = Verdict.BRIDGEABLE
    else:
        verdict = Verdict.APART
    nearer = None
    pa, pb = scale.pole_position(span_a), scale.pole_position(span_b)
    if verdict is not Verdict.AGREE and pa is not None and pb is not None and pa != pb:
        nearer = "a" if (pa[0] + pa[1]) < (pb[0] + pb[1]) else "b"
    return IssueDiff(issue=issue, a=a, b=b, distance=distance, verdict=verdict, nearer_low=nearer)


def summarize(diffs: tuple[IssueDiff, ...], weights: Mapping[str, float] | None = None) -> Summary:
    """Counts per verdict, coverage and the weighted convergence index of some diffs."""
    counts = {v.value: 0 for v in Verdict}
    for d in diffs:
        counts[d.verdict.value] += 1
    addressed = [d for d in diffs if d.verdict is not Verdict.SILENT]
    both = [d for d in addressed if d.a is not None and d.b is not None]
    stated = [d for d in diffs if d.distance is not None]
    total_w = 0.0
    weighted = 0.0
    for d in stated:
        w = d.issue.weight if weights is None else weights.get(d.issue.id, d.issue.weight)
        total_w += w
        weighted += w * (d.distance or 0.0)
    convergence = 1.0 - weighted / total_w if total_w > 0 else math.nan
    coverage = len(both) / len(addressed) if addressed else math.nan
    return Summary(
        counts=counts,
        coverage=coverage,
        convergence=convergence,
        both_stated=len(stated),
        addressed=len(addressed),
    )


@takes(a=DOCUMENT, b=DOCUMENT, taxonomy=TAXONOMY, weights=WEIGHTS, all_issues=BOOL)
def compare(
    a: Document,
    b: Document,
    *,
    taxonomy: Taxonomy | None = None,
    weights: Mapping[str, float] | None = None,
    all_issues: bool = False,
) -> Comparison:
    """Compare two documents (or positions, or scenarios) issue by issue.

    Parameters
    ----------
    a, b
        The two sides. Positions and scenarios are documents too.
    taxonomy
        The issues and scales to measure on; by default the taxonomy of the corpus the
        documents came from (the bundled one for documents built alone). Documents of two
        different taxonomies raise :class:`~negotiation.errors.TaxonomyMismatchError`.
    weights
        Issue weights for the convergence index; issues not named keep the taxonomy's.
    all_issues
        Also list the issues neither side addresses (verdict ``silent``).

    Returns
    -------
    Comparison
        One diff per issue that either side addresses, in taxonomy order, and a summary.

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> cmp = ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"])
    >>> cmp["security.army_cap"].verdict
    <Verdict.APART: 'apart'>
    """
    taxonomy = taxonomy_of((a, b), taxonomy)
    code_a, code_b = document_code(a, taxonomy), document_code(b, taxonomy)
    if code_a.unknown or code_b.unknown:
        unknown = sorted(set(code_a.unknown) | set(code_b.unknown))
        raise KeyError(f"issues not in the taxonomy: {', '.join(unknown)}")
    issues = code_a.taxonomy.issues

    def through_scale(k: int, x: StanceCode, y: StanceCode) -> tuple[float, Verdict, str | None]:
        diff = diff_issue(issues[k].issue, x.stance, y.stance)
        return diff.distance or 0.0, diff.verdict, diff.nearer_low

    judged, summary = judge_codes(issues, code_a.stances, code_b.stances, weights=weights,
                                  all_issues=all_issues, other=through_scale,
                                  ra=code_a.readings, rb=code_b.readings)
    diffs = [IssueDiff(issues[k].issue, None if x is None else x.stance, None if y is None else y.stance,
                       distance, verdict, nearer) for k, x, y, distance, verdict, nearer in judged]
    return Comparison(a=a, b=b, taxonomy=taxonomy, diffs=tuple(diffs), summary=summary)
