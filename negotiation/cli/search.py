"""``negotiation search A B``: ranked packages of concessions that bring two sides closer.

``A`` and ``B`` are document ids or ``PARTY@YYYY-MM-DD`` positions. Each side moves only
toward the other (steps on ordinal scales, parts of the gap on numeric ones, one member at a
time on sets); see :mod:`negotiation.analysis.search`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from negotiation.cli.options import add_output_options, emit, lang_of


def _target(value: str) -> tuple[str, str]:
    issue, sep, verdict = value.partition("=")
    if not sep or not issue or not verdict:
        raise argparse.ArgumentTypeError(f"expected ISSUE=VERDICT (e.g. territory.donetsk=close), got {value!r}")
    return issue, verdict


def run(args: argparse.Namespace) -> int:
    """Search packages and print them ranked, best first."""
    from negotiation.analysis.search import search
    from negotiation.cli.main import corpus_of

    corpus = corpus_of(args)
    a, b = corpus.resolve(args.a), corpus.resolve(args.b)
    frame = search(
        a, b, taxonomy=corpus.taxonomy, fix=args.fix, fix_a=args.fix_a, fix_b=args.fix_b,
        max_steps=args.max_steps, balance=args.balance, target=dict(args.target) or None,
        numeric_steps=args.numeric_steps, top=args.top, method=args.method,
    )
    from negotiation.render import i18n

    lang = lang_of(args)
    base = frame.attrs["base_convergence"]
    method = str(frame.attrs["method"])
    summary = [
        i18n.say("packages_base", lang, base=f"{base:.3f}", n=f"{frame.attrs['evaluated']:,}",
                 method=i18n.say(method, lang) if method in i18n.SENTENCES else method),
        i18n.say("packages_units", lang),
    ]
    if frame.empty:
        summary.insert(0, i18n.say("no_package", lang))
    from negotiation.analysis.search_ties import search_ties
    from negotiation.render.packages import package_text
    from negotiation.render.search_text import tie_notes

    frame["package_label"] = [package_text(r, a, b, corpus.taxonomy, lang, numeric_steps=args.numeric_steps)
                              for r in frame.to_dict("records")]
    last = int(frame["rank"].max()) if len(frame) else None
    ties = tie_notes(search_ties(frame), a, b, corpus.taxonomy, lang, last_rank=last)
    emit(frame.drop(columns=["edits_a", "edits_b"]), args, title=i18n.say("packages", lang, a=a.id, b=b.id),
         summary=summary, notes=ties,
         columns=["rank", "package", "convergence", "gain", "concession_a", "concession_b", "steps_a", "steps_b"])
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``search`` subcommand."""
    p = add("search", run, "rank packages of concessions that bring two sides closer (ids or PARTY@DATE)")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--fix", nargs="+", default=[], metavar="ISSUE", help="issues neither side moves on")
    p.add_argument("--fix-a", nargs="+", default=[], metavar="ISSUE", help="issues A will not move on")
    p.add_argument("--fix-b", nargs="+", default=[], metavar="ISSUE", help="issues B will not move on")
    p.add_argument("--max-steps", type=int, default=2, metavar="N", help="at most N steps per side (default 2)")
    p.add_argument("--balance", type=float, default=None, metavar="X",
                   help="the two sides' weighted movement differs by at most X (0: equal)")
    p.add_argument("--target", type=_target, action="append", default=[], metavar="ISSUE=VERDICT",
                   help="reach at least this verdict on an issue (cheapest packages first); repeatable")
    p.add_argument("--numeric-steps", type=int, default=4, metavar="K", help="cut numeric gaps into K steps")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many packages (default 10)")
    p.add_argument("--method", choices=("auto", "exhaustive", "beam"), default="auto",
                   help="exhaustive, beam search, or auto (exhaustive while the space is small)")
    add_output_options(p)
