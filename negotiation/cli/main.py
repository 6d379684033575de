"""The command line: ``negotiation`` and ``python -m negotiation``.

``main(argv) -> int`` parses arguments and runs one function per subcommand. Errors the
user can fix (an unknown id, a broken data file, a bad date) print one line to stderr and
return 2; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from negotiation.cli.exits import os_error, run_guarded, sanitized_stderr
from negotiation.errors import CorpusError, NegotiationError


class _Version(argparse.Action):
    """``--version``, looked up only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=kwargs.get("help"))

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"negotiation {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("negotiation")
    except PackageNotFoundError:  # running from a source tree that is not installed
        from negotiation import __version__

        return str(__version__)

COMMAND_MODULES: tuple[str, ...] = (
    "negotiation.cli.validate",
    "negotiation.cli.init",
    "negotiation.cli.schema",
    "negotiation.cli.redline",
    "negotiation.cli.align",
    "negotiation.cli.search",
    "negotiation.cli.predict",
    "negotiation.cli.backtest",
    "negotiation.cli.agreement",
    "negotiation.cli.explain",
    "negotiation.cli.export",
)
"""Modules that add subcommands: each has ``register(add)``, where ``add(name, func, help)``
returns the new subcommand's parser (with the common options already on it)."""


def corpus_of(args: argparse.Namespace) -> Any:
    """The corpus a command reads: ``--corpus``, ``NEGOTIATION_CORPUS``, the one the working folder
    stands in (:func:`negotiation.corpus.locate.corpus_here`), else the bundled one.

    Sets ``args.corpus_line`` ("corpus: ./positions (working folder)"): the table's footer
    says it, and where the output has no footer (json, csv, an HTML page) ``main`` says it
    on standard error.
    """
    from negotiation.corpus.loader import load
    from negotiation.corpus.locate import describe_corpus, find_corpus

    folder, how = find_corpus(getattr(args, "corpus", None))
    args.corpus_line = describe_corpus(folder, how)
    return load(None if how == "bundled" else folder)


def cmd_list(args: argparse.Namespace) -> int:
    """List the documents: id, date, kind, status, authors, stances, title."""
    from negotiation.cli.options import emit
    from negotiation.render.views import documents_table

    emit(documents_table(corpus_of(args), args.lang), args)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Show one document (or PARTY@DATE position): its stances with points and sources."""
    from negotiation.cli.options import emit
    from negotiation.render.views import document_table

    corpus = corpus_of(args)
    doc = corpus.resolve(args.id)
    data = doc.model_dump(mode="json", exclude_defaults=True)
    emit(document_table(doc, corpus.taxonomy, args.lang), args, data=data)
    _quotes(args, [("", doc)], corpus.taxonomy)
    return 0


def _quotes(args: argparse.Namespace, documents: list[tuple[str, Any]], taxonomy: Any) -> None:
    """``--quotes``: the quote and citation of every stance, after a text or markup table."""
    from negotiation.cli.options import MACHINE_FORMATS, use_color
    from negotiation.render.quotes import quotes_text

    if not getattr(args, "quotes", False) or args.format in MACHINE_FORMATS or args.format == "html":
        return
    sys.stdout.write("\n" + quotes_text(documents, taxonomy, args.lang, hyperlinks=use_color(args)))


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


def cmd_compare(args: argparse.Namespace) -> int:
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
    _quotes(args, [("A", cmp.a), ("B", cmp.b)], corpus.taxonomy)
    if args.plot:
        from negotiation.cli.options import save_plot
        from negotiation.render.charts import dumbbell

        save_plot(dumbbell(cmp, lang=args.lang, svg=args.plot.lower().endswith(".svg")), args.plot, args.lang)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
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


def cmd_sources(args: argparse.Namespace) -> int:
    """List the citations behind a document and which issues each supports."""
    from negotiation.cli.options import emit
    from negotiation.render.views import sources_table

    corpus = corpus_of(args)
    doc = corpus.resolve(args.id)
    emit(sources_table(doc, args.lang), args)
    _quotes(args, [("", doc)], corpus.taxonomy)
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    """Documents × areas: how many issues each document addresses per area."""
    from negotiation.cli.options import emit
    from negotiation.render.views import coverage_table

    emit(coverage_table(corpus_of(args), args.lang), args)
    return 0


def _analysis(name: str) -> Callable[[argparse.Namespace], int]:
    def run_analysis(args: argparse.Namespace) -> int:
        from negotiation.cli import analyses as commands

        result: int = getattr(commands, name)(corpus_of(args), args)
        return result

    run_analysis.__doc__ = f"Run the {name} analysis."
    return run_analysis


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one subcommand per function above."""
    parser = _Parser(
        prog="negotiation",
        description="Compare negotiating positions issue by issue (Russia–Ukraine talks 2022–2026).",
    )
    corpus_help = ("a corpus folder, before or after the command (default: $NEGOTIATION_CORPUS, else the "
                   "working folder or a parent holding taxonomy.yaml or positions/, else the bundled corpus)")
    parser.add_argument("--corpus", metavar="PATH", default=None, help=corpus_help)
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    # --corpus is accepted before or after the subcommand.
    common = _Parser(add_help=False)
    common.add_argument("--corpus", metavar="PATH", default=argparse.SUPPRESS, help=corpus_help)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, parents=[common])
        p.set_defaults(func=func)
        return p

    from negotiation.cli.options import LANGS, writable_file
    from negotiation.cli.options import add_output_options as output

    output(add("list", cmd_list, "list the documents in the corpus"))
    p = add("show", cmd_show, "show one document's stances (ID, or PARTY@YYYY-MM-DD for a position)")
    p.add_argument("id")
    p.add_argument("--quotes", action="store_true", help="also print each stance's quote, outlet, date and "
                   "full URL (a clickable link on a terminal); text and markup formats")
    output(p)
    p = add("compare", cmd_compare, "compare two documents (ids or PARTY@YYYY-MM-DD positions)")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--all-issues", action="store_true", help="also list issues neither side addresses")
    p.add_argument("--quotes", action="store_true", help="also print each stance's quote, outlet, date and "
                   "full URL (a clickable link on a terminal); text and markup formats")
    output(p, plot=True)
    p = add("report", cmd_report, "write a self-contained HTML page comparing two documents")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--output", "-o", metavar="FILE", type=writable_file,
                   help="the page to write (default: standard output)")
    p.add_argument("--all-issues", action="store_true", help="also list issues neither side addresses")
    p.add_argument("--lang", default="en", choices=LANGS, help="language of the page (default en)")
    p = add("sources", cmd_sources, "list the citations behind a document")
    p.add_argument("id")
    p.add_argument("--quotes", action="store_true", help="also print each stance's quote, outlet, date and "
                   "full URL (a clickable link on a terminal); text and markup formats")
    output(p)
    output(add("coverage", cmd_coverage, "documents × areas: issues addressed"))

    p = add("timeline", _analysis("timeline"), "convergence of two parties' positions over time")
    p.add_argument("party_a")
    p.add_argument("party_b")
    p.add_argument("--no-endorsements", action="store_true", help="leave out texts a party only endorsed")
    output(p, plot=True)
    p = add("matrix", _analysis("matrix"), "pairwise convergence of documents")
    p.add_argument("ids", nargs="*", help="document ids (default: all)")
    output(p, plot=True)
    p = add("concessions", _analysis("concessions"), "what moved between two versions (ids or PARTY@DATE)")
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--toward", metavar="PARTY[@DATE]",
                   help="also say whether each move is toward this party's position (at DATE; default: the "
                        "new version's date, shown in the header)")
    output(p)
    p = add("zopa", _analysis("zopa"), "zone of possible agreement among parties' positions")
    p.add_argument("parties", nargs="+", metavar="PARTY")
    p.add_argument("--as-of", metavar="DATE", help="YYYY-MM-DD (default: latest)")
    output(p)
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module).register(add)
    return parser


class _Parser(argparse.ArgumentParser):
    """argparse with a "did you mean" for a mistyped command or choice (``comapre``)."""

    def error(self, message: str) -> NoReturn:
        import difflib
        import re

        m = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if m:
            # Older Pythons quote each choice, newer ones (3.12.8+, 3.13.1+) do not.
            choices = [c.strip().strip("'") for c in m.group(2).split(",")]
            near = difflib.get_close_matches(m.group(1), choices, n=2)
            if near:
                message = f"{message.split(':')[0]}: unknown {m.group(1)!r}; did you mean {' or '.join(near)}?"
        super().error(message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code (0 ok, 2 bad input)."""
    args = _compare_args(sys.argv[1:] if argv is None else argv)
    if args is None:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # argparse already printed its message
            return int(exc.code or 0)
    with sanitized_stderr():
        return _run(args)


def _compare_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """A plain ``compare A B``, read without building the whole parser (see :mod:`negotiation.cli.snapshot`)."""
    if "compare" not in argv:
        return None
    from negotiation.cli.snapshot import compare_args

    args = compare_args(argv)
    if args is not None:
        args.func = cmd_compare
    return args


def _run(args: argparse.Namespace) -> int:
    from negotiation.cli.options import say_corpus

    try:
        code: int = args.func(args)
        if code == 0:
            say_corpus(args)
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
    except OSError as exc:
        if exc.filename is None:
            raise  # stdout itself failed (a full disk, closed): run() says so
        return os_error(exc)


def run() -> None:
    """Entry point for the ``negotiation`` script (clean endings: :mod:`negotiation.cli.exits`)."""
    sys.exit(run_guarded(main))
