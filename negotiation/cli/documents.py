"""``negotiation list``, ``show``, ``sources`` and ``coverage``: the documents of a corpus and their stances.

Each command builds a table of the corpus's data (:mod:`negotiation.render.views`) and prints it
through :func:`negotiation.cli.options.emit`; ``--quotes`` adds every stance's quote and citation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from negotiation.cli.main import corpus_of


def run_list(args: argparse.Namespace) -> int:
    """List the documents: id, date, kind, status, authors, stances, title."""
    from negotiation.cli.options import emit
    from negotiation.render.views import documents_table

    emit(documents_table(corpus_of(args), args.lang), args)
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Show one document (or PARTY@DATE position): its stances with points and sources."""
    from negotiation.cli.options import emit
    from negotiation.render.views import document_data, document_table

    corpus = corpus_of(args)
    doc = corpus.resolve(args.id)
    emit(document_table(doc, corpus.taxonomy, args.lang), args, data=document_data(doc))
    quotes(args, [("", doc)], corpus.taxonomy)
    return 0


def quotes(args: argparse.Namespace, documents: list[tuple[str, Any]], taxonomy: Any) -> None:
    """``--quotes``: the quote and citation of every stance, after a text or markup table."""
    from negotiation.cli.options import output_width, use_color
    from negotiation.render.quotes import quotes_text
    from negotiation.render.table import MACHINE_FORMATS, UNFITTED

    if not getattr(args, "quotes", False) or args.format in MACHINE_FORMATS or args.format == "html":
        return
    width = None if args.format in UNFITTED else output_width(args)  # terminal grids wrap at spaces
    sys.stdout.write("\n" + quotes_text(documents, taxonomy, args.lang, hyperlinks=use_color(args), width=width))


def run_sources(args: argparse.Namespace) -> int:
    """List the citations behind a document and which issues each supports."""
    from negotiation.cli.options import emit
    from negotiation.render.views import sources_table

    corpus = corpus_of(args)
    doc = corpus.resolve(args.id)
    emit(sources_table(doc, args.lang), args)
    quotes(args, [("", doc)], corpus.taxonomy)
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    """Documents × areas: how many issues each document addresses per area."""
    from negotiation.cli.options import emit
    from negotiation.render.views import coverage_table

    emit(coverage_table(corpus_of(args), args.lang), args)
    return 0


QUOTES_HELP = ("also print each stance's quote, outlet, date and full URL (a clickable link on a terminal); "
               "text and markup formats")


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``list``, ``show``, ``sources`` and ``coverage`` subcommands."""
    from negotiation.cli.options import add_output_options as output

    output(add("list", run_list, "list the documents in the corpus"))
    p = add("show", run_show, "show one document's stances (ID, or PARTY@YYYY-MM-DD for a position)")
    p.add_argument("id")
    p.add_argument("--quotes", action="store_true", help=QUOTES_HELP)
    output(p)
    p = add("sources", run_sources, "list the citations behind a document")
    p.add_argument("id")
    p.add_argument("--quotes", action="store_true", help=QUOTES_HELP)
    output(p)
    output(add("coverage", run_coverage, "documents × areas: issues addressed"))
