"""Which package of concessions closes the most distance between Russia and Ukraine?

Searches every package in which each side takes at most two steps toward the other
(positions of 24 February 2026), then asks for the cheapest packages that make Donetsk at
least "close" while neither side moves on Crimea, and checks the best package by applying it
with scenario() and compare().
"""

import negotiation as ng
from negotiation.render.report import frame_table

corpus = ng.load()
ru, ua = corpus.position("RU", "2026-02-24"), corpus.position("UA", "2026-02-24")

best = ng.search(ru, ua, max_steps=2, top=5)
print(f"Base convergence {best.attrs['base_convergence']:.3f}; "
      f"{best.attrs['evaluated']:,} packages evaluated ({best.attrs['method']})\n")
print(frame_table(best[["package", "convergence", "concession_a", "concession_b"]], "simple_grid"))

donetsk = ng.search(ru, ua, max_steps=2, fix=["territory.crimea"], target={"territory.donetsk": "close"}, top=3)
print("\nCheapest ways to make Donetsk close, Crimea fixed:\n")
print(frame_table(donetsk[["package", "convergence", "concession_a", "concession_b"]], "simple_grid"))

top = best.iloc[0]
check = ng.compare(ng.scenario(ru, top["edits_a"]), ng.scenario(ua, top["edits_b"]))
print(f"\nApplied with scenario() and compare(): convergence {check.summary.convergence:.3f} "
      f"(search said {top['convergence']:.3f})")
