"""Would the bargaining models have predicted the real drafts? A backtest, printed honestly.

Each draft (the US 28-point plan, the US–Ukraine Geneva framework, the 20-point plan) is
predicted issue by issue from the documents dated before it, with Russia's, Ukraine's and
the United States' positions as of the day before. The models (weighted median, Nash
bargaining point, the KTAB Spatial Model of Politics) are scored against three naive
baselines: the status quo (the author's previous draft), the Russia–Ukraine midpoint, and
the stronger side's position.
"""

import negotiation as ng

result = ng.backtest()
summary = result.hit_rates()
print("Hit rates: exact level, and within one step (k/n issues the draft states and the model predicts)\n")
print(summary.to_markdown(index=False))

shared = ["weighted_median", "smp", "previous_draft", "stronger_side"]
print("\nOn the same issues (those all four predict):\n")
print(result.hit_rates(common=shared).to_markdown(index=False))

issues = result.issues
print("\nWhere the models and the status quo disagree with the 20-point plan:\n")
twenty = issues[(issues["target"] == "us-20-point-2025-12") & ~issues["exact"]
                & issues["model"].isin(["weighted_median", "smp", "previous_draft"])]
print(twenty[["issue", "model", "predicted", "actual"]].to_markdown(index=False))

read = sorted(result.documents["us-28-point-2025-11"])
print(f"\nThe 28-point plan was predicted from {len(read)} earlier documents: {', '.join(read)}")
