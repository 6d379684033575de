"""A corpus of your own: the Iran nuclear talks, Lausanne (April 2015) against the JCPOA (July 2015).

The corpus in ``examples/iran`` has its own taxonomy (enrichment, facilities, verification,
sanctions, duration), its own parties and poles ("P5+1 maximal restriction" to "Iran's
maximal programme") and English-only labels. This script prints the Lausanne parameters
against the final deal issue by issue, what moved between them, how far each side's own
declared position stood from the deal on its eve, and then charts where every issue sat
between the two poles in the interim deal (Nov 2013), at Lausanne and in the JCPOA, next to
the library's own dumbbell chart of the Lausanne–JCPOA comparison (``Comparison.plot``).

Usage: ``python examples/iran_lausanne_vs_jcpoa.py [CHART.png]`` (by default in the temporary
directory; the dumbbell chart is written next to it as ``CHART-dumbbell.png``). The charts
need matplotlib (the ``[plot]`` extra); without it the tables still print and the charts are
skipped with a message.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import negotiation as ng
from negotiation.render.report import frame_table

CORPUS = Path(__file__).resolve().parent / "iran"
EVE = "2015-07-13"  # the day before the JCPOA was concluded

corpus = ng.load(CORPUS)
jpoa = corpus["jpoa-2013-11"]
lausanne = corpus["lausanne-parameters-2015-04"]
jcpoa = corpus["jcpoa-2015-07"]

cmp = ng.compare(lausanne, jcpoa)  # no taxonomy= needed: both documents know theirs
print(cmp.render("github"))

moves = ng.concessions(lausanne, jcpoa)
moved = moves[moves["change"] != "unchanged"].reset_index(drop=True)
print("\nWhat moved from Lausanne to the JCPOA:\n")
print(frame_table(moved[["issue_label", "from_label", "to_label", "toward_label", "change"]], "github"))
poles = corpus.taxonomy.poles
print(f"(toward 'low' is toward {poles.low.en}, 'high' toward {poles.high.en})")

# A side's declared position: the newest stance per issue among the statements it made alone
# (agreed texts and the jointly announced Lausanne parameters left out).
declared = ng.Corpus.of(corpus.taxonomy, [doc for doc in corpus if len(doc.authors) == 1])
print(f"\nEach side's own declared positions as of {EVE}, against the JCPOA:")
positions = {}
for party in ("IR", "US"):
    positions[party] = position = declared.position(party, EVE)
    against = ng.compare(position, jcpoa)
    name = corpus.taxonomy.parties[party].en
    print(f"- {name}: convergence {against.summary.convergence:.2f}")
    for diff in against:
        if diff.verdict not in (ng.Verdict.AGREE, ng.Verdict.ONE_SIDED):
            print(f"    {diff.issue.label()}: {diff.line(poles=poles)}")


def pole_points(doc: ng.Document) -> dict[str, tuple[float, float]]:
    """Where each stated stance of ``doc`` sits between the poles: 0 low, 1 high (a span for brackets)."""
    points = {}
    for issue_id, stance in doc.stances.items():
        scale = corpus.taxonomy.issues[issue_id].scale
        if stance.stated and (span := scale.pole_position(stance.span(scale))) is not None:
            points[issue_id] = span
    return points


def chart(path: Path) -> None:
    """Draw the interim deal, Lausanne and the JCPOA per issue, with both sides' declared positions."""
    import matplotlib.pyplot as plt

    issues = list(corpus.taxonomy.issues.values())
    stages = [("Interim deal (Nov 2013)", jpoa, "#9e9e9e"), ("Lausanne (Apr 2015)", lausanne, "#1f77b4"),
              ("JCPOA (Jul 2015)", jcpoa, "#d62728")]
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(issues) + 2.4))
    for offset, (label, doc, colour) in zip((-0.2, 0.0, 0.2), stages, strict=True):
        points = pole_points(doc)
        for row, issue in enumerate(issues):
            if issue.id in points:
                lo, hi = points[issue.id]
                ax.plot([lo, hi], [row + offset] * 2, color=colour, lw=4, solid_capstyle="round")
                ax.plot([(lo + hi) / 2], [row + offset], "o", color=colour, label=label)
                label = None  # one legend entry per stage
    for party, marker in (("IR", "^"), ("US", "v")):
        points = pole_points(positions[party])
        xs = [(points[i.id][0] + points[i.id][1]) / 2 for i in issues if i.id in points]
        ys = [row for row, i in enumerate(issues) if i.id in points]
        ax.scatter(xs, ys, marker=marker, s=60, facecolors="none", edgecolors="black",
                   label=f"{corpus.taxonomy.parties[party].en}, declared, {EVE}")
    ax.set_yticks(range(len(issues)), [issue.label() for issue in issues], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(-0.05, 1.05)
    ax.set_xticks([0, 0.5, 1], [poles.low.en, "", poles.high.en])
    ax.set_title("Iran nuclear talks: where each issue sat between the poles")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "iran_lausanne_vs_jcpoa.png"
try:
    import matplotlib
except ImportError:
    print("\nmatplotlib is not installed (pip install 'negotiation[plot]'): charts skipped.")
else:
    matplotlib.use("Agg")
    chart(target)
    dumbbell = target.with_name(f"{target.stem}-dumbbell{target.suffix}")
    cmp.plot().savefig(dumbbell, dpi=110)  # the library's own chart of one comparison
    print(f"\nChart of what moved written to {target}; Lausanne against the JCPOA to {dumbbell}")
