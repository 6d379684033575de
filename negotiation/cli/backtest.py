"""``negotiation backtest``: would the models have predicted the 28-point plan, Geneva and the 20-point plan?

Each target is predicted from documents dated before it; hit rates (exact level, within one
step) of the models and of naive baselines; see :mod:`negotiation.analysis.backtest`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from negotiation.cli.options import add_output_options, emit


def run(args: argparse.Namespace) -> int:
    """Run the backtest and print the hit-rate table (or, with --issues, every prediction)."""
    from negotiation.analysis.backtest import TARGETS, backtest
    from negotiation.cli.main import _corpus

    corpus = _corpus(args)
    result = backtest(corpus, targets=args.targets or TARGETS, parties=args.parties)
    if args.issues:
        emit(result.issues, args, title="Backtest: every prediction")
        return 0
    summary = [
        "Exact: no distance to the draft's stance; ±1 step: within the issue's close threshold.",
        "k/n: hits over the issues the draft states that the model or baseline predicts.",
    ]
    if args.common:
        summary.append(f"Only the issues every one of {', '.join(args.common)} predicts.")
    emit(result.summary(common=args.common), args, title="Backtest: predicting each draft from the documents before it",
         summary=summary)
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``backtest`` subcommand."""
    p = add("backtest", run, "score the bargaining models against real drafts, using only earlier documents")
    p.add_argument("targets", nargs="*", metavar="DOCUMENT",
                   help="drafts to predict (default: 28-point, Geneva, 20-point)")
    p.add_argument("--parties", nargs="+", default=["RU", "UA", "US"], metavar="PARTY",
                   help="whose positions the models weigh (default RU UA US)")
    p.add_argument("--issues", action="store_true", help="print every prediction instead of the summary")
    p.add_argument("--common", nargs="+", metavar="MODEL",
                   choices=("weighted_median", "nash", "smp", "previous_draft", "midpoint", "stronger_side"),
                   help="score these models and baselines on the issues all of them predict")
    add_output_options(p, lang=False)
