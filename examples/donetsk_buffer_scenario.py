"""A Donetsk buffer-zone scenario: what is left apart if both sides give ground?

If Ukraine accepts a demilitarized economic zone in Donetsk and Russia accepts the line of
contact in Zaporizhzhia and Kherson, what still divides the two positions of 24 February
2026, and where is there a zone of possible agreement?
"""

import negotiation as ng
from negotiation.render.report import frame_table

corpus = ng.load()
day = "2026-02-24"
ru, ua = corpus.position("RU", day), corpus.position("UA", day)

ua_moves = ng.scenario(ua, [ng.set_value("territory.donetsk", "demilitarized")], id="UA+buffer")
ru_moves = ng.scenario(ru, [
    ng.set_value("territory.zaporizhzhia", "contact_line"),
    ng.set_value("territory.kherson", "contact_line"),
], id="RU+line")

before = ng.compare(ru, ua)
after = ng.compare(ru_moves, ua_moves)
print(f"Convergence {before.summary.convergence:.2f} → {after.summary.convergence:.2f}")
print(f"Issues apart: {before.summary.counts['apart']} → {after.summary.counts['apart']}\n")

print("Still apart after the package:\n")
apart = [d for d in after if d.verdict is ng.Verdict.APART]
for d in apart:
    print(f"- {d.issue.label()}: {d.line(poles=corpus.taxonomy.poles)}")

print("\nZone of possible agreement between the edited positions:\n")
zone = ng.zopa([ru_moves, ua_moves])
print(frame_table(zone[["issue_label", "zone_label", "empty", "gap"]], "github"))
