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
    "negotiation.cli.documents",
    "negotiation.cli.compare",
    "negotiation.cli.analyses",
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
"""Modules that add subcommands, in the order ``--help`` lists them: each has ``register(add)``,
where ``add(name, run, help)`` returns the new subcommand's parser (with the common options
already on it) and ``run(args) -> int`` is the function the subcommand calls. Every command,
the first ones too, is added this way."""


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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: each module of :data:`COMMAND_MODULES` adds its subcommands."""
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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code or 0)
    with sanitized_stderr():
        return _run(args)


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
