"""``negotiation compare A B`` and ``negotiation report A B``: two documents issue by issue.

``compare`` prints the comparison's table (from the corpus's snapshot when it can, see
:mod:`negotiation.cli.snapshot`); ``report`` writes it as a self-contained HTML page.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from negotiation.cli.documents import QUOTES_HELP, quotes
from negotiation.cli.main import corpus_of
from negotiation.errors import NegotiationError


def _comparison(args: argparse.Namespace, corpus: Any) -> Any:
    """The comparison of ``args.a`` with ``args.b``; None (having said so) when neither states anything."""
    from negotiation.analysis.compare import compare
    from negotiation.cli.options import nothing_stated

    a, b = corpus.resolve(args.a), corpus.resolve(args.b)
    cmp = compare(a, b, taxonomy=corpus.taxonomy, all_issues=args.all_issues)
    if not any(d.a is not None or d.b is not None for d in cmp.diffs):
        nothing_stated(a.id, b.id, args.lang)
        return None
    return cmp


def run(args: argparse.Namespace) -> int:
    """Compare two documents (ids or PARTY@DATE positions) issue by issue.

    Exits 1, saying so, when neither side states anything (there is nothing to compare).
    Runs from the corpus's snapshot when it can (see :mod:`negotiation.cli.snapshot`).
    """
    from negotiation.cli.snapshot import quick_compare

    code, snapshot = quick_compare(args)
    if code is not None:
        return code
    from negotiation.cli.options import emit
    from negotiation.render.report import comparison_table_data

    corpus = corpus_of(args)
    if snapshot is not None:
        snapshot.write(corpus)
    cmp = _comparison(args, corpus)
    if cmp is None:
        return 1
    emit(comparison_table_data(cmp, args.lang), args)
    quotes(args, [("A", cmp.a), ("B", cmp.b)], corpus.taxonomy)
    if args.plot:
        from negotiation.cli.options import save_plot
        from negotiation.render.charts import dumbbell

        save_plot(dumbbell(cmp, lang=args.lang, svg=args.plot.lower().endswith(".svg")), args.plot, args.lang)
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Write a self-contained HTML report page comparing two documents."""
    from pathlib import Path

    from negotiation.render.page import report_page
    from negotiation.render.sanitize import terminal_text

    cmp = _comparison(args, corpus_of(args))
    if cmp is None:
        return 1
    page = report_page(cmp, args.lang)
    if args.output in (None, "-"):
        sys.stdout.write(terminal_text(page))  # to a terminal, perhaps: controls shown, not obeyed
        return 0
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise NegotiationError(f"cannot write {args.output}: {exc.strerror}") from None
    print(terminal_text(args.output))
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``compare`` and ``report`` subcommands."""
    from negotiation.cli.options import LANGS, writable_file
    from negotiation.cli.options import add_output_options as output

    p = add("compare", run, "compare two documents (ids or PARTY@YYYY-MM-DD positions)")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--all-issues", action="store_true", help="also list issues neither side addresses")
    p.add_argument("--quotes", action="store_true", help=QUOTES_HELP)
    output(p, plot=True)
    p = add("report", run_report, "write a self-contained HTML page comparing two documents")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--output", "-o", metavar="FILE", type=writable_file,
                   help="the page to write (default: standard output)")
    p.add_argument("--all-issues", action="store_true", help="also list issues neither side addresses")
    p.add_argument("--lang", default="en", choices=LANGS, help="language of the page (default en)")
