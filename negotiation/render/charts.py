"""Charts (the optional extra ``[plot]``): dumbbell, trajectory, clustered heatmap, position map.

Each function returns a matplotlib :class:`~matplotlib.figure.Figure` built without pyplot,
so it never changes a notebook's backend; notebooks display it, :func:`save` writes it as
PNG or SVG. SVG keeps text as text, so a browser shapes Arabic labels and runs them right to
left; matplotlib itself does not shape Arabic, so PNG charts in Arabic are drawn with
English labels unless ``arabic-reshaper`` and ``python-bidi`` are installed.

The heatmap orders documents by average-linkage agglomerative clustering implemented here
with numpy (scipy is not a dependency): the leaf order of the merge tree puts documents
that converge next to each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation.errors import NegotiationError
from negotiation.render import i18n
from negotiation.render.i18n import Lang

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from negotiation.analysis.compare import Comparison
    from negotiation.model.models import Corpus, Taxonomy

A_COLOR = "#1f5fbf"
B_COLOR = "#c2410c"
PARTY_COLORS = ("#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#b45309", "#0e7490", "#be123c", "#4d7c0f")


def _figure(width: float, height: float) -> Figure:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise NegotiationError("charts need matplotlib: pip install 'negotiation[plot]'") from None
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig


def _shaper(lang: Lang) -> Any:
    """A function making Arabic text drawable by matplotlib, or None where it cannot."""
    if lang not in i18n.RTL:
        return lambda s: s
    try:
        import arabic_reshaper  # type: ignore[import-not-found,unused-ignore]
        from bidi.algorithm import get_display  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return lambda s: str(get_display(arabic_reshaper.reshape(s)))


def chart_lang(lang: Lang, *, svg: bool = False) -> Lang:
    """The language charts are labelled in: ``lang``, or English where Arabic cannot be drawn."""
    if lang in i18n.RTL and not svg and _shaper(lang) is None:
        return "en"
    return lang


def _drawable(lang: Lang, *, svg: bool = False) -> Callable[[str], str]:
    """What makes a chart's text drawable: Arabic shaped for PNG, left as is for SVG.

    A browser shapes and orders SVG text itself; shaping it here too would reverse it.
    """
    shape = None if svg else _shaper(lang)
    return shape if shape is not None else (lambda text: text)


def dumbbell(cmp: Comparison, *, lang: Lang = "en", ax: Axes | None = None, svg: bool = False) -> Figure:
    """One row per issue on an ordered scale: A and B placed from the low pole to the high pole.

    A bracketed stance is drawn as a span; a deferred side as a hollow marker at the row's
    end labelled "deferred"; a one-sided issue has one marker. Issues on set scales have no
    poles and are left out.
    """
    lang = chart_lang(lang, svg=svg)
    t = _drawable(lang, svg=svg)
    diffs = [d for d in cmp.diffs if d.issue.scale.ordered]
    height = max(2.5, 0.38 * len(diffs) + 1.6)
    if ax is None:
        fig = _figure(9.5, height)
        ax = fig.add_subplot()
    else:
        fig = ax.figure  # type: ignore[assignment]
    tax = cmp.taxonomy
    ys = list(range(len(diffs)))[::-1]
    for y, d in zip(ys, diffs, strict=True):
        ends: list[float] = []
        spans = [d.issue.scale.pole_position(s.span(d.issue.scale)) if s is not None and s.stated else None
                 for s in (d.a, d.b)]
        mids = [None if s is None else (s[0] + s[1]) / 2 for s in spans]
        # Equal positions: A a little above the row and B a little below, so neither hides the other.
        same = mids[0] is not None and mids[1] is not None and abs(mids[0] - mids[1]) < 0.01
        for stance, pos, color, marker, nudge in ((d.a, spans[0], A_COLOR, "o", 0.14 if same else 0.0),
                                                  (d.b, spans[1], B_COLOR, "s", -0.14 if same else 0.0)):
            if stance is None:
                continue
            if not stance.stated:
                ax.scatter([1.04], [y], marker=marker, facecolors="none", edgecolors=color, s=40, zorder=3,
                           clip_on=False, gid="deferred")
                continue
            if pos is None:
                continue
            lo, hi = pos
            if hi > lo:
                ax.plot([lo, hi], [y, y], color=color, linewidth=6, alpha=0.35, solid_capstyle="butt", gid="span")
            mid = (lo + hi) / 2
            ax.scatter([mid], [y + nudge], marker=marker, color=color, s=44, zorder=3, gid="stance")
            ends.append(mid)
        if len(ends) == 2:
            ax.plot(ends, [y, y], color="#777777", linewidth=1.2, zorder=2, gid="gap")
        if d.verdict.value == "deferred":
            ax.text(1.07, y, t(i18n.verdict("deferred", lang)), va="center", fontsize=8, color="#555555")
    import textwrap

    # At most two lines a label: a row is 0.38 in high, and a third line runs into the next row's label.
    # Arabic set by the browser (SVG) runs wider than matplotlib measures it: wrap it shorter.
    wrap = 30 if lang in i18n.RTL else 38
    ax.set_yticks(ys, [t("\n".join(textwrap.wrap(d.issue.label(lang), wrap, max_lines=2, placeholder=" …")))
                       for d in diffs], fontsize=8.5)
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.7, len(diffs) - 0.3)
    ax.set_xticks([0, 0.5, 1], [t(tax.poles.low.label(lang)), "", t(tax.poles.high.label(lang))],
                  fontsize=8.5)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.scatter([], [], marker="o", color=A_COLOR, label=t(f"{i18n.side('a', lang)}: {cmp.a.id}"))
    ax.scatter([], [], marker="s", color=B_COLOR, label=t(f"{i18n.side('b', lang)}: {cmp.b.id}"))
    fig.legend(loc="outside lower center", ncol=2, frameon=False, fontsize=8.5)
    ax.set_title(t(i18n.say("chart", lang, low=tax.poles.low.label(lang), high=tax.poles.high.label(lang))),
                 fontsize=10)
    return fig


def trajectory_chart(frame: pd.DataFrame, party_a: str, party_b: str, *, taxonomy: Taxonomy | None = None,
                     lang: Lang = "en", svg: bool = False) -> Figure:
    """Convergence of two parties at each change, on a time axis, with the range the data allows.

    Each change is a point at its date, numbered and keyed (under the chart) to the
    documents that caused it; the shaded band is the convergence range (``low``–``high``:
    brackets, readings below the confidence floor, reported stances taken or left).
    Busy months bunch up, as they did in time; the key keeps every change readable.
    """
    import textwrap

    import matplotlib.dates as mdates
    import pandas as pd

    lang = chart_lang(lang, svg=svg)
    t = _drawable(lang, svg=svg)
    stated = frame.dropna(subset=["convergence"]).reset_index(drop=True)
    n = len(stated)
    rows_of_key = (n + 2) // 3
    fig = _figure(10, 4.2 + 0.17 * rows_of_key)
    grid = fig.add_gridspec(2, 1, height_ratios=[4.2, max(0.4, 0.17 * rows_of_key)])
    ax = fig.add_subplot(grid[0])
    xs = list(pd.to_datetime(stated["date"]))
    if "low" in stated and "high" in stated:
        ax.fill_between(xs, list(stated["low"]), list(stated["high"]), step="post", color=A_COLOR, alpha=0.15,
                        linewidth=0, gid="range", label=t(i18n.header("range", lang)))
    ax.plot(xs, list(stated["convergence"]), marker="o", color=A_COLOR, linewidth=1.6, gid="convergence",
            drawstyle="steps-post", label=t(i18n.header("convergence", lang)))
    if xs:
        ax.legend(loc="upper right", fontsize=7.5, frameon=False)
    key = []
    for k, (x, value, docs) in enumerate(zip(xs, stated["convergence"], stated["documents"], strict=True)):
        names = docs if isinstance(docs, list) else str(docs).split(", ")
        ax.annotate(str(k + 1), (x, value), xytext=(0, 7 if k % 2 == 0 else -13), textcoords="offset points",
                    fontsize=7, ha="center", color="#333333", gid="document")
        # 56 characters: a third of the width
        key.append(textwrap.shorten(f"{k + 1}. {x.date().isoformat()} {', '.join(names)}", 56, placeholder=" …"))
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=7.5)
    party = {p: (taxonomy.parties[p].label(lang) if taxonomy and p in taxonomy.parties else p)
             for p in (party_a, party_b)}
    ax.set_title(t(i18n.say("trajectory", lang, a=party[party_a], b=party[party_b])), fontsize=10)
    ax.set_ylabel(t(i18n.header("convergence", lang)))
    ax.set_ylim(-0.05, 1.1)
    if xs:
        pad = max(pd.Timedelta(days=20), (xs[-1] - xs[0]) * 0.03)
        ax.set_xlim(xs[0] - pad, xs[-1] + pad)
    ax.grid(color="#e5e5e5")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    legend = fig.add_subplot(grid[1])
    legend.axis("off")
    for column in range(3):
        chunk = key[column * rows_of_key:(column + 1) * rows_of_key]
        legend.text(column / 3, 1.0, "\n".join(chunk), va="top", ha="left", fontsize=6.5, family="monospace",
                    transform=legend.transAxes, gid="key")
    return fig


def cluster_order(distances: Any) -> list[int]:
    """Leaf order of average-linkage agglomerative clustering of a square distance matrix."""
    import numpy as np

    d = np.array(distances, dtype=float)
    n = d.shape[0]
    clusters: dict[int, list[int]] = {i: [i] for i in range(n)}
    while len(clusters) > 1:
        keys = list(clusters)
        best: tuple[float, int, int] | None = None
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                a, b = clusters[keys[x]], clusters[keys[y]]
                score = float(d[np.ix_(a, b)].mean())
                if best is None or score < best[0]:
                    best = (score, keys[x], keys[y])
        assert best is not None
        _, i, j = best
        a, b = clusters.pop(i), clusters.pop(j)
        # Join the ends that are nearest each other.
        options = [a + b, a + b[::-1], a[::-1] + b, b + a]
        clusters[min(i, j)] = min(options, key=lambda o: d[o[len(a) - 1], o[len(a)]] if len(o) > len(a) else 0)
    return next(iter(clusters.values())) if clusters else []


def heatmap(frame: pd.DataFrame, *, lang: Lang = "en", svg: bool = False) -> Figure:
    """The pairwise convergence matrix as a heatmap, rows and columns in clustered order.

    Pairs with no issue in common (NaN) count as far apart for the ordering and are left blank.
    """
    import numpy as np

    lang = chart_lang(lang, svg=svg)
    t = _drawable(lang, svg=svg)
    values = frame.to_numpy(dtype=float)
    distance = 1.0 - np.nan_to_num(values, nan=0.0)
    order = cluster_order(distance)
    ids = [str(frame.index[i]) for i in order]
    ordered = values[np.ix_(order, order)]
    n = len(ids)
    size = max(4.0, 0.28 * n + 2.5)
    fig = _figure(size + 1.2, size)
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(ordered), cmap="viridis", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks(range(n), ids, rotation=90, fontsize=6.5)
    ax.set_yticks(range(n), ids, fontsize=6.5)
    fig.colorbar(image, ax=ax, shrink=0.7, label=t(i18n.header("convergence", lang)))
    title = f"{i18n.say('matrix', lang)}\n{i18n.say('matrix_blank', lang)}"
    ax.set_title(t(title), fontsize=10)
    return fig


def position_map(corpus: Corpus, issue_id: str, *, lang: Lang = "en", svg: bool = False) -> Figure:
    """For one issue, every document's stance over time, one colour per party (first author).

    A bracketed stance is a vertical span; a deferred stance a hollow marker on the middle line.
    """
    lang = chart_lang(lang, svg=svg)
    t = _drawable(lang, svg=svg)
    tax = corpus.taxonomy
    issue = tax.issue(issue_id)
    if not issue.scale.ordered:
        raise NegotiationError(f"{issue_id} is on a set scale, which has no poles to place stances between")
    fig = _figure(10, 4.5)
    ax = fig.add_subplot()
    parties: list[str] = []
    for doc in corpus:
        stance = doc.stances.get(issue_id)
        if stance is None:
            continue
        party = doc.authors[0] if doc.authors else "?"
        if party not in parties:
            parties.append(party)
        color = PARTY_COLORS[parties.index(party) % len(PARTY_COLORS)]
        when = dt.datetime.combine(doc.date, dt.time())
        if not stance.stated:
            ax.scatter([when], [0.5], facecolors="none"  # type: ignore[arg-type]
                       , edgecolors=color, s=40, gid="deferred")
            continue
        pos = issue.scale.pole_position(stance.span(issue.scale))
        if pos is None:
            continue
        lo, hi = pos
        if hi > lo:
            ax.plot([when, when], [lo, hi], color=color  # type: ignore[arg-type]
                    , linewidth=5, alpha=0.35, gid="span")
        ax.scatter([when], [(lo + hi) / 2], color=color  # type: ignore[arg-type]
                   , s=36, zorder=3, gid="stance")
    for k, party in enumerate(parties):
        name = tax.parties[party].label(lang) if party in tax.parties else party
        ax.scatter([], [], color=PARTY_COLORS[k % len(PARTY_COLORS)], label=t(name))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    ax.set_yticks([0, 1], [t(tax.poles.low.label(lang)), t(tax.poles.high.label(lang))], fontsize=8)
    ax.set_ylim(-0.08, 1.08)
    ax.set_title(t(i18n.say("position_map", lang, issue=issue.label(lang))), fontsize=10)
    ax.grid(color="#e5e5e5")
    return fig


def save(fig: Figure, path: str | Path) -> Path:
    """Write a chart to ``path``: ``.png`` or ``.svg`` (text kept as text in SVG)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise NegotiationError(f"--plot {path}: expected a .png or .svg file name")
    try:
        if suffix == ".svg":
            import matplotlib

            with matplotlib.rc_context(_SVG):
                fig.savefig(target, format="svg", metadata=_SVG_METADATA)
        else:
            fig.savefig(target, format="png", dpi=150)
    except OSError as exc:
        raise NegotiationError(f"cannot write {path}: {exc.strerror}") from None
    return target


_SVG = {"svg.fonttype": "none", "svg.hashsalt": "negotiation"}
"""Text kept as text; element ids from a fixed salt, so the same chart is the same SVG."""
_SVG_METADATA = {"Date": None}
"""No timestamp in the SVG: the same comparison gives the same page, byte for byte."""


def to_svg(fig: Figure) -> str:
    """A chart as SVG text (text kept as text, so a browser shapes any script), without the XML prolog."""
    import io

    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(_SVG):
        fig.savefig(buffer, format="svg", metadata=_SVG_METADATA)
    svg = buffer.getvalue()
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def count_marks(ax: Axes, gid: str) -> int:
    """How many marks with a gid an axes holds (points in scatter collections, lines otherwise)."""
    total = 0
    for coll in ax.collections:
        if coll.get_gid() == gid:
            total += len(coll.get_offsets())  # type: ignore[arg-type]
    total += sum(1 for line in ax.lines if line.get_gid() == gid)
    return total


__all__: Sequence[str] = ["cluster_order", "count_marks", "dumbbell", "heatmap", "position_map", "save",
                          "to_svg", "trajectory_chart"]
