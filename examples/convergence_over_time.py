"""How far apart were Russia and Ukraine at each date, February 2022 – June 2026?

Each party's position is the newest stance it took on each issue (its own proposals,
memoranda and statements, its bracket in joint drafts, and texts it endorsed). The
trajectory gives the convergence index every time either position changed.
"""

import negotiation as ng
from negotiation.render.report import frame_table

corpus = ng.load()
trajectory = corpus.trajectory("RU", "UA")

print("Russia–Ukraine convergence at every change of position\n")
table = trajectory[["date", "convergence", "coverage", "both_stated", "apart", "documents"]]
print(frame_table(table, "github"))

stated = trajectory.dropna(subset=["convergence"])
best = stated.loc[stated["convergence"].idxmax()]
last = stated.iloc[-1]
print(f"\nClosest: {best['date']:%Y-%m-%d} (index {best['convergence']:.2f}, after {', '.join(best['documents'])}).")
print(f"Latest:  {last['date']:%Y-%m-%d} (index {last['convergence']:.2f}, {last['apart']} issues apart).")

EVE = "2026-02-24"
print(f"\nOn the eve of the fifth year ({EVE}), issue by issue:\n")
cmp = ng.compare(corpus.position("RU", EVE), corpus.position("UA", EVE))
print(cmp.to_table("github", width=160))
