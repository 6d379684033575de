"""What became of each of the 28 points in the 20-point framework, and of the territory and
security points across the November–December 2025 drafts?

The lineage is data: each later plan says which plan it revises (``revises:``) and, point by
point, where each point comes from (``from:``) and which points it strikes (``struck:``).
The redline gives every point a fate; a point is "changed" when a stance citing it moved,
and the moves are those of ``ng.concessions``, so the two never disagree.
"""

import tempfile
from pathlib import Path

import negotiation as ng
from negotiation.render.report import frame_table

corpus = ng.load()
old, new = corpus["us-28-point-2025-11"], corpus["us-20-point-2025-12"]

red = ng.redline(old, new, corpus=corpus)
print(red.title())
print()
frame = red.to_frame()
frame["old"] = frame["old"].str.join(", ")
frame["new"] = frame["new"].str.join(", ")
print(frame_table(frame[["old", "new", "fate", "changes"]], "github"))
print()
print("\n".join(red.summary_lines()))

# Journalists' shorthand, checked against the data: what happened to point 7 (the NATO ban)?
[row] = [r for r in red.rows if r.old == ("7",)]
print(f"\nPoint 7 ({row.old_text}) → {row.fate}: {row.note}")

# The chain: each territory and security point of the 28, and what the E3 redline, the 20 points
# and the European 24 points made of it (each against the 28 points, which all three answer).
chain = ng.redline_chain(
    [corpus[i] for i in ("us-28-point-2025-11", "e3-counterproposal-2025-11", "us-20-point-2025-12",
                         "eu-24-point-2025-11")],
    base="first",
    corpus=corpus,
).filter(["territory", "security"])
print("\nTerritory and security points through the chain\n")
print(chain.to_frame()[chain.columns].to_markdown(index=False))
print()
print("\n".join(chain.summary_lines()))

# How well would a suggested alignment have found the declared lineage?
score = ng.align(old, new).score(red.lineage.links)
print(f"\nng.align against the declared 28 → 20 lineage: precision {score['precision']:.2f}, "
      f"recall {score['recall']:.2f}")

page = Path(tempfile.gettempdir()) / "redline_28_to_20.html"
page.write_text(red.to_html(page=True), encoding="utf-8")
print(f"HTML redline (struck and inserted words marked): {page}")
