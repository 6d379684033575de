"""``negotiation align A B``: suggest which point of A each point of B comes from.

The default output is YAML to paste into B's file (``revises:``, each point with
``from:``, the unmatched points of A under ``struck:``), scores as comments. With
``--format`` it is a table. Where B already declares its lineage from A, the summary
gives the precision and recall of the suggestion against it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from negotiation.cli.options import add_output_options, emit, lang_of


def _threshold(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {value!r}") from None
    if not 0 <= x <= 1:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {value}")
    return x


def run(args: argparse.Namespace) -> int:
    """Align the two documents and print YAML (or a table with ``--format``)."""
    from negotiation.analysis.align import align
    from negotiation.analysis.lineage import lineage
    from negotiation.cli.main import corpus_of
    from negotiation.errors import NegotiationError
    from negotiation.render import i18n

    lang = lang_of(args)
    corpus = corpus_of(args)
    a, b = corpus.resolve(args.a), corpus.resolve(args.b)
    for doc in (a, b):
        if not doc.points:
            raise NegotiationError(f"{doc.id} has no numbered points to align")
    found = align(a, b) if args.threshold is None else align(a, b, threshold=args.threshold)
    summary = []
    if b.revises == a.id:
        s = found.score(lineage(a, b, corpus=corpus).links)
        summary.append(i18n.say("align_score", lang, b=b.id, precision=f"{s['precision']:.2f}",
                                recall=f"{s['recall']:.2f}", proposed=int(s["proposed"]), declared=int(s["declared"])))
    if args.format is None:
        from negotiation.cli.options import output_width
        from negotiation.render.text import wrap

        corpus_line = getattr(args, "corpus_line", None)
        lines = [*summary, *([str(corpus_line)] if corpus_line else [])]
        comments = [part for line in lines for part in wrap(line, output_width(args) - 2, hyphens=False)]
        sys.stdout.write("".join(f"# {line}\n" for line in comments) + found.to_yaml())
        return 0
    emit(found.to_records(), args, title=i18n.say("align_title", lang, a=a.id, b=b.id), summary=summary,
         columns=["point", "from", "score", "text", "from_text"])
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``align`` subcommand."""
    p = add("align", run, "suggest point correspondences between two documents, as YAML for `from:` fields")
    p.add_argument("a", metavar="A", help="the earlier document")
    p.add_argument("b", metavar="B", help="the later document")
    p.add_argument("--threshold", type=_threshold, default=None, metavar="X",
                   help="lowest score (0-1) for a suggestion (default 0.5)")
    add_output_options(p)
    p.set_defaults(format=None)  # YAML unless a table format is asked for
