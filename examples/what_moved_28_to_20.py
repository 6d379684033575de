"""What moved from the US 28-point plan to its revisions (Geneva framework, 20-point plan)?

For each step, the issues that moved and toward which pole: toward Ukraine's full
sovereignty (low) or Russia's maximal demand (high), and whether each move brought the text
nearer Russia's position of the day.
"""

from itertools import pairwise

import negotiation as ng
from negotiation.render.report import frame_table

corpus = ng.load()
steps = ["us-28-point-2025-11", "us-ua-geneva-framework-2025-11", "us-20-point-2025-12"]

for old_id, new_id in pairwise(steps):
    old, new = corpus[old_id], corpus[new_id]
    russia = corpus.position("RU", new.date)
    moves = ng.concessions(old, new, toward=russia)
    changed = moves[moves["change"] != "unchanged"]
    print(f"\n{old_id} → {new_id}\n")
    columns = ["issue_label", "from_label", "to_label", "steps", "toward_label", "closer_to", "change"]
    print(frame_table(changed[columns], "github"))
    moved = changed[changed["change"] == "moved"]
    low = int((moved["toward"] == "low").sum())
    high = int((moved["toward"] == "high").sum())
    print(f"\n{len(moved)} moved: {low} toward Ukraine's full sovereignty, {high} toward Russia's maximal demand")

ru, ua = corpus.position("RU", "2026-02-24"), corpus.position("UA", "2026-02-24")
print("\nEach version against both sides' positions of 24 February 2026 (convergence index):")
for doc_id in steps:
    doc = corpus[doc_id]
    with_ru = ng.compare(doc, ru).summary.convergence
    with_ua = ng.compare(doc, ua).summary.convergence
    print(f"- {doc_id}: Russia {with_ru:.2f}, Ukraine {with_ua:.2f}")
