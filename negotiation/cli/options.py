"""Options every output command shares, and the one place a command's result is printed.

A command builds its result as data (a DataFrame or a list of records) and calls
:func:`emit`; it never formats text itself.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import Any

FORMATS = ("github", "pipe", "grid", "simple", "plain", "html", "latex", "tsv", "rst", "json", "csv")


def add_output_options(parser: argparse.ArgumentParser, *, lang: bool = True) -> None:
    """Add ``--format`` (and ``--lang``) to a subcommand's parser."""
    parser.add_argument("--format", "-f", default="github", choices=FORMATS, help="output format (default github)")
    if lang:
        parser.add_argument("--lang", default="en", help="label language: en, ar, … (default en)")


def emit(
    result: Any,
    args: argparse.Namespace,
    *,
    title: str | None = None,
    summary: Sequence[str] | str | None = None,
) -> None:
    """Print ``result`` (a DataFrame, or records as a list of mappings) in ``args.format``.

    ``title`` and ``summary`` lines surround the table in text formats and are left out of
    machine formats (json, csv, tsv).
    """
    import pandas as pd

    from negotiation.cli.analyses import print_frame

    frame = result if isinstance(result, pd.DataFrame) else pd.DataFrame(list(_records(result)))
    machine = args.format in ("json", "csv", "tsv")
    if title and not machine:
        print(title + "\n")
    print_frame(frame, args.format)
    if summary and not machine:
        lines = [summary] if isinstance(summary, str) else list(summary)
        print("\n" + "\n".join(lines))


def _records(result: Any) -> Sequence[Mapping[str, Any]]:
    return list(result)
