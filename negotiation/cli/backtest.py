"""``negotiation backtest``: would the models have predicted the 28-point plan, Geneva and the 20-point plan?

Each target is predicted from documents dated before it; hit rates (exact level, within one
step) of the models and of naive baselines; see :mod:`negotiation.analysis.backtest`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from negotiation.cli.options import add_output_options, emit, lang_of


def run(args: argparse.Namespace) -> int:
    """Run the backtest and print the hit-rate table (or, with --issues, every prediction)."""
    from negotiation.analysis.backtest import TARGETS, backtest
    from negotiation.cli.main import corpus_of
    from negotiation.render import i18n
    from negotiation.render.formats import Column

    lang = lang_of(args)
    corpus = corpus_of(args)
    result = backtest(corpus, targets=args.targets or TARGETS, parties=args.parties)
    if args.issues:
        emit(result.issues, args, title=i18n.say("backtest_every", lang))
        return 0
    summary = [i18n.say("backtest_exact", lang), i18n.say("backtest_kn", lang)]
    if args.common:
        summary.append(i18n.say("backtest_common", lang, models=", ".join(i18n.word(m, lang) for m in args.common)))
    frame = result.summary(common=args.common)
    columns = [Column(str(c), header=_header(str(c), lang)) for c in frame.columns]
    emit(frame, args, title=i18n.say("backtest_title", lang), summary=summary, columns=columns)
    return 0


_WORDS = {"exact": {"en": "exact", "ar": "مطابق"}, "all": {"en": "All", "ar": "الكل"}}


def _header(name: str, lang: str) -> str:
    """A hit-rate column ("28-pt exact", "all ±1") in ``lang``; the draft's short name stays as written."""
    from negotiation.render import i18n

    if name in ("model", "kind"):
        return i18n.header(name, lang)
    words = [(_WORDS[w].get(lang) or _WORDS[w]["en"]) if w in _WORDS else w for w in name.split(" ")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


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
    add_output_options(p)
