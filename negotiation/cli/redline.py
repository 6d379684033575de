"""``negotiation redline OLD NEW [MORE...]``: a point-by-point redline of versions of a plan.

Two documents give one row per point with its fate (kept, reworded, changed, merged, split,
struck, new, unaccounted), both texts and the stance moves; three or more give the chain,
one line per point followed through every version. ``--format html`` writes a page with
struck words in ``<del>`` and inserted words in ``<ins>``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from negotiation.cli.options import add_output_options, emit, lang_of
from negotiation.render.results import chain_table, redline_table
from negotiation.render.sanitize import for_output


def run(args: argparse.Namespace) -> int:
    """Redline the documents named on the command line and print the result."""
    from negotiation.analysis.chain import RedlineChain, redline_chain
    from negotiation.analysis.redline import Redline, redline
    from negotiation.cli.main import corpus_of
    from negotiation.errors import NegotiationError

    corpus = corpus_of(args)
    docs = [corpus.resolve(spec) for spec in [args.old, args.new, *args.more]]
    unknown = sorted(set(args.area or ()) - set(corpus.taxonomy.areas))
    if unknown:
        raise NegotiationError(f"unknown area {unknown[0]!r}; expected one of {', '.join(corpus.taxonomy.areas)}")
    toward = corpus.position(args.toward, docs[-1].date) if args.toward else None
    lang = lang_of(args)
    if len(docs) > 2:
        result: Redline | RedlineChain = redline_chain(docs, base=args.base, corpus=corpus, toward=toward, lang=lang)
    else:
        result = redline(docs[0], docs[1], corpus=corpus, toward=toward, lang=lang)
    if args.area:
        result = result.filter(args.area)
    if isinstance(result, Redline) and args.format == "html":
        sys.stdout.write(for_output(result.to_html(lang, page=True), "html"))  # a terminal may read it
        return 0
    emit(redline_table(result, lang) if isinstance(result, Redline) else chain_table(result, lang), args)
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``redline`` subcommand."""
    p = add("redline", run, "point-by-point redline of two versions (or a chain of several)")
    p.add_argument("old", metavar="OLD", help="the earlier document (id, or PARTY@YYYY-MM-DD)")
    p.add_argument("new", metavar="NEW", help="the later document")
    p.add_argument("more", metavar="MORE", nargs="*", help="further versions: follow each point through all")
    p.add_argument("--toward", metavar="PARTY", help="also say whether each move came closer to this party's position")
    p.add_argument("--base", choices=("previous", "first"), default="previous",
                   help="with three or more documents, redline each against the previous one (default) or the first")
    p.add_argument("--area", action="append", metavar="AREA",
                   help="only points that carry a stance in this area (repeatable: --area territory --area security)")
    add_output_options(p)
