"""``negotiation backtest``: would the models have predicted the corpus's drafts from what came before?

Each target is predicted from documents dated before it; hit rates (exact level, within one
step) of the models and of naive baselines; see :mod:`negotiation.analysis.backtest`. The
targets and parties are given, or found from the corpus (its ``joint_draft`` and
``agreement`` documents; on the bundled corpus the 28-point plan, Geneva and the 20-point
plan), and the output says which were scored.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from negotiation.cli.options import add_output_options, emit, lang_of


def run(args: argparse.Namespace) -> int:
    """Run the backtest and print the hit-rate table (or, with --issues, every prediction)."""
    from negotiation.analysis.backtest import backtest, default_parties, default_targets
    from negotiation.cli.main import corpus_of
    from negotiation.render import i18n
    from negotiation.render.formats import Column

    lang = lang_of(args)
    corpus = corpus_of(args)
    targets = args.targets or default_targets(corpus)
    parties = args.parties or (default_parties(corpus, targets) if targets else None)
    result = backtest(corpus, targets=targets or None, parties=parties)
    scored = _scored(corpus, targets, parties or [], args, lang)
    if args.issues:
        emit(result.issues, args, title=i18n.say("backtest_every", lang), summary=scored)
        return 0
    summary = [*scored, i18n.say("backtest_exact", lang), i18n.say("backtest_kn", lang)]
    if args.common:
        models = i18n.join((i18n.word(m, lang) for m in args.common), lang)
        summary.append(i18n.say("backtest_common", lang, models=models))
    frame = result.hit_rates(common=args.common)
    columns = [Column(str(c), header=_header(str(c), lang)) for c in frame.columns]
    emit(frame, args, title=i18n.say("backtest_title", lang), summary=summary, columns=columns)
    return 0


def _scored(corpus: object, targets: list[str], parties: list[str], args: argparse.Namespace,
            lang: str) -> list[str]:
    """What was scored, and whence: the drafts (dates) and the parties, given or found."""
    from negotiation.render import i18n

    c: Any = corpus
    drafts = i18n.join((f"{t} ({c[t].date.isoformat()})" for t in targets), lang)
    how_t = i18n.say("backtest_given" if args.targets else "backtest_found", lang)
    how_p = i18n.say("backtest_given" if args.parties else "backtest_found", lang)
    return [i18n.say("backtest_scored", lang, drafts=drafts, how=how_t),
            i18n.say("backtest_parties", lang, parties=i18n.join(parties, lang), how=how_p)]


def _header(name: str, lang: str) -> str:
    from negotiation.render import i18n

    return i18n.hit_rate_header(name, lang)


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``backtest`` subcommand."""
    p = add("backtest", run, "score the bargaining models against real drafts, using only earlier documents")
    p.add_argument("targets", nargs="*", metavar="DOCUMENT",
                   help="drafts to predict (default: the corpus's joint drafts and agreements; on the bundled "
                        "corpus the 28-point plan, Geneva and the 20-point plan)")
    p.add_argument("--parties", nargs="+", default=None, metavar="PARTY",
                   help="whose positions the models weigh, the two sides first (default: the drafts' authors, "
                        "most documents first; RU UA US on the bundled corpus)")
    p.add_argument("--issues", action="store_true", help="print every prediction instead of the summary")
    p.add_argument("--common", nargs="+", metavar="MODEL",
                   choices=("weighted_median", "nash", "smp", "previous_draft", "midpoint", "stronger_side"),
                   help="score these models and baselines on the issues all of them predict")
    add_output_options(p)
