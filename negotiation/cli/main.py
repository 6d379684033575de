"""The command line: ``negotiation`` and ``python -m negotiation``.

``main(argv) -> int`` parses arguments and runs one function per subcommand. Errors the
user can fix (an unknown id, a broken data file, a bad date) print one line to stderr and
return 2; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from negotiation.errors import CorpusError, NegotiationError

FORMATS = ("github", "pipe", "grid", "simple", "plain", "html", "latex", "tsv", "rst", "json", "csv")

COMMAND_MODULES: tuple[str, ...] = (
    "negotiation.cli.validate",
    "negotiation.cli.init",
    "negotiation.cli.schema",
)
"""Modules that add subcommands: each has ``register(add)``, where ``add(name, func, help)``
returns the new subcommand's parser (with the common options already on it)."""


def _corpus(args: argparse.Namespace) -> Any:
    """The corpus a command reads: ``--corpus``, ``NEGOTIATION_CORPUS``, ``./positions``, the bundled one.

    Sets ``args.corpus_line`` ("corpus: ./positions (working folder)") for the summary.
    """
    from negotiation.corpus.loader import load
    from negotiation.corpus.locate import describe_corpus, find_corpus

    folder, how = find_corpus(getattr(args, "corpus", None))
    args.corpus_line = describe_corpus(folder, how)
    return load(None if how == "bundled" else folder)


def cmd_list(args: argparse.Namespace) -> int:
    """List the documents: id, date, kind, status, authors, stances."""
    import pandas as pd

    from negotiation.cli.analyses import print_frame

    corpus = _corpus(args)
    rows = [
        [d.id, d.date.isoformat(), d.kind, d.status, ",".join(d.authors), len(d.stances), d.title]
        for d in corpus
    ]
    columns = ["id", "date", "kind", "status", "authors", "stances", "title"]
    print_frame(pd.DataFrame(rows, columns=columns), args.format)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Show one document (or PARTY@DATE position): its stances with points and sources."""
    from tabulate import tabulate

    corpus = _corpus(args)
    doc = corpus.resolve(args.id)
    tax = corpus.taxonomy
    if args.format == "json":
        print(json.dumps(doc.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, indent=2))
        return 0
    print(f"{doc.title}\n{doc.id} · {doc.date.isoformat()} · {doc.kind} · {doc.status} · "
          f"authors {', '.join(doc.authors)}"
          + (f" · endorsed by {', '.join(doc.endorsed_by)}" if doc.endorsed_by else ""))
    if doc.summary:
        print(f"\n{doc.summary.strip()}\n")
    rows = []
    for issue_id, issue in tax.issues.items():
        st = doc.stances.get(issue_id)
        if st is None:
            continue
        value = st.describe(issue.scale, args.lang) + ("" if st.stated else " (deferred)")
        origin = st.document or ""
        rows.append([issue.label(args.lang), value, ",".join(st.points), st.confidence.value,
                     origin or st.source, st.note or ""])
    headers = ["issue", "value", "points", "confidence", "document" if doc.kind == "position" else "source", "note"]
    print(tabulate(rows, headers=headers, tablefmt=args.format))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare two documents (ids or PARTY@DATE positions) issue by issue."""
    from negotiation.analysis.compare import compare

    corpus = _corpus(args)
    a, b = corpus.resolve(args.a), corpus.resolve(args.b)
    cmp = compare(a, b, taxonomy=corpus.taxonomy, all_issues=args.all_issues)
    if args.format == "json":
        print(json.dumps(cmp.to_json(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(cmp.to_frame(args.lang).to_csv(index=False), end="")
    else:
        print(cmp.render(args.format, args.lang))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    """List the citations behind a document and which issues each supports."""
    from tabulate import tabulate

    corpus = _corpus(args)
    doc = corpus.resolve(args.id)
    if doc.kind == "position":
        rows = []
        for issue_id, st in doc.stances.items():
            src = doc.source(st.source)
            rows.append([issue_id, st.document, src.cite(), st.quote or ""])
        print(tabulate(rows, headers=["issue", "document", "source", "quote"], tablefmt=args.format))
        return 0
    rows = []
    for src in doc.sources:
        issues = [i for i, st in doc.stances.items() if st.source == src.id]
        rows.append([src.id, src.cite(), ", ".join(issues)])
    print(tabulate(rows, headers=["id", "source", "issues"], tablefmt=args.format))
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    """Documents × areas: how many issues each document addresses per area."""
    from negotiation.cli.analyses import print_frame
    from negotiation.analysis.timeline import coverage

    print_frame(coverage(_corpus(args)).reset_index(), args.format)
    return 0


def _analysis(name: str) -> Callable[[argparse.Namespace], int]:
    def run_analysis(args: argparse.Namespace) -> int:
        from negotiation.cli import analyses as commands

        result: int = getattr(commands, name)(_corpus(args), args)
        return result

    run_analysis.__doc__ = f"Run the {name} analysis."
    return run_analysis


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one subcommand per function above."""
    parser = argparse.ArgumentParser(
        prog="negotiation",
        description="Compare negotiating positions issue by issue (Russia–Ukraine talks 2022–2026).",
    )
    corpus_help = "a corpus folder (default: the bundled corpus)"
    parser.add_argument("--corpus", metavar="PATH", default=None, help=corpus_help)
    # --corpus is accepted before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", metavar="PATH", default=argparse.SUPPRESS, help=corpus_help)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, parents=[common])
        p.set_defaults(func=func)
        return p

    def output(p: argparse.ArgumentParser, lang: bool = True) -> None:
        p.add_argument("--format", "-f", default="github", choices=FORMATS, help="table format (default github)")
        if lang:
            p.add_argument("--lang", default="en", choices=("en", "ar"), help="label language (default en)")

    output(add("list", cmd_list, "list the documents in the corpus"), lang=False)
    p = add("show", cmd_show, "show one document's stances (ID, or PARTY@YYYY-MM-DD for a position)")
    p.add_argument("id")
    output(p)
    p = add("compare", cmd_compare, "compare two documents (ids or PARTY@YYYY-MM-DD positions)")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--all-issues", action="store_true", help="also list issues neither side addresses")
    output(p)
    p = add("sources", cmd_sources, "list the citations behind a document")
    p.add_argument("id")
    output(p, lang=False)
    output(add("coverage", cmd_coverage, "documents × areas: issues addressed"), lang=False)

    p = add("timeline", _analysis("timeline"), "convergence of two parties' positions over time")
    p.add_argument("party_a")
    p.add_argument("party_b")
    p.add_argument("--no-endorsements", action="store_true", help="leave out texts a party only endorsed")
    output(p, lang=False)
    p = add("matrix", _analysis("matrix"), "pairwise convergence of documents")
    p.add_argument("ids", nargs="*", help="document ids (default: all)")
    output(p, lang=False)
    p = add("concessions", _analysis("concessions"), "what moved between two versions (ids or PARTY@DATE)")
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--toward", metavar="PARTY", help="also say whether each move is toward this party's position")
    output(p)
    p = add("zopa", _analysis("zopa"), "zone of possible agreement among parties' positions")
    p.add_argument("parties", nargs="+", metavar="PARTY")
    p.add_argument("--as-of", metavar="DATE", help="YYYY-MM-DD (default: latest)")
    output(p)
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module).register(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code (0 ok, 2 bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code or 0)
    try:
        code: int = args.func(args)
        return code
    except CorpusError as exc:
        print(f"negotiation: error: {exc.summary()}", file=sys.stderr)
        return exc.exit_code
    except NegotiationError as exc:
        print(f"negotiation: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except (KeyError, ValueError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"negotiation: error: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


def run() -> None:
    """Entry point for the ``negotiation`` script."""
    sys.exit(main())
