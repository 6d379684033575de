"""The US 28-point plan (Nov 2025) against the Istanbul draft treaty (Apr 2022).

Where did the 2025 plan land relative to the text the two sides almost initialled in 2022?
Prints the issue-by-issue table, then the issues on which the two texts are furthest apart.
"""

import negotiation as ng

corpus = ng.load()
istanbul = corpus["istanbul-draft-2022-04"]
plan = corpus["us-28-point-2025-11"]

cmp = ng.compare(istanbul, plan)
print(cmp.render("github"))

print("\nFurthest apart (both texts state the issue):")
frame = cmp.to_frame()
stated = frame.dropna(subset=["distance"]).sort_values("distance", ascending=False)
for row in stated.head(5).itertuples():
    print(f"- {row.issue_label}: {row.note}")

army = cmp["security.army_cap"]
print(f"\nArmy cap: {army.value('a')} in 2022 against {army.value('b')} in 2025 ({army.verdict}).")
