"""``negotiation export``: the whole corpus as one tidy table, one row per stance, with its codebook.

``export`` writes csv to standard output; ``--format json`` likewise; ``--output FILE`` writes
any format (csv, json, parquet, xlsx) to a file with the codebook beside it (a second sheet
in xlsx, ``NAME.codebook.csv``/``.json``/``.parquet`` beside ``NAME.csv`` otherwise). ``--codebook`` prints the
codebook instead of the stances. Which corpus was read, and what was written, is said on
standard error, so that standard output stays pure data. See :mod:`negotiation.render.export`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from negotiation.cli.options import LANGS, writable_file
from negotiation.render.export import BINARY_FORMATS, EXPORT_FORMATS


def run(args: argparse.Namespace) -> int:
    """Write the stances table (and its codebook) as ``--format`` to standard output or ``--output``."""
    from negotiation.cli.main import corpus_of
    from negotiation.corpus.frame import codebook, stances
    from negotiation.errors import NegotiationError
    from negotiation.render.export import export_text, needs_extra, write_export
    from negotiation.render.sanitize import terminal_text

    to_stdout = args.output in (None, "-")
    if to_stdout and args.format in BINARY_FORMATS:
        raise NegotiationError(f"--format {args.format} is binary: give --output FILE")
    needs_extra(args.format)
    corpus = corpus_of(args)
    frame = stances(corpus, lang=args.lang, issues=args.issue or None)
    book = codebook(corpus)
    if to_stdout:
        sys.stdout.write(export_text(book if args.codebook else frame, args.format, raw=args.raw))
        print(f"negotiation: {len(book) if args.codebook else len(frame)} rows; {args.corpus_line}",
              file=sys.stderr)
        args.corpus_shown = True
        return 0
    files = write_export(frame, book, args.format, Path(args.output), raw=args.raw)
    print(terminal_text(f"wrote {len(frame)} stances to {', '.join(str(f) for f in files)}"))
    return 0  # main() says which corpus on stderr


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``export`` subcommand."""
    p = add("export", run, "write every stance as one tidy table (csv, json, parquet, xlsx) with a codebook")
    p.add_argument("--format", "-f", default="csv", choices=EXPORT_FORMATS, metavar="FORMAT",
                   help="csv (default), json, or with --output also parquet, xlsx (these need [export])")
    p.add_argument("--output", "-o", metavar="FILE", type=writable_file,
                   help="write to FILE, with the codebook beside it (default: standard output, csv or json)")
    p.add_argument("--codebook", action="store_true",
                   help="print the codebook (issues, scales, levels, labels) instead of the stances")
    p.add_argument("--issue", action="append", metavar="ISSUE",
                   help="only this issue (repeatable); one ordinal scale makes `value` an ordered category")
    p.add_argument("--lang", default="en", choices=LANGS, help="language of value_label (default en)")
    p.add_argument("--raw", action="store_true", help="csv/xlsx cells exactly as in the corpus (default: cells "
                   "a spreadsheet would run as formulas get a leading ')")
