"""Options every output command shares, and the one place a command's result is printed.

A command builds its result as data (a DataFrame, a list of records, or a
:class:`~negotiation.render.formats.Table`) and calls :func:`emit`; it never formats text
itself. :func:`emit` writes it in ``--format`` and ``--lang``, fitted to ``--width`` (or
``COLUMNS``, or the terminal's width; 100 columns when not a terminal), with verdicts in colour on
a terminal unless ``--no-color`` or ``NO_COLOR`` is set.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from negotiation.render import i18n
from negotiation.render.formats import DEFAULT_FORMAT, FORMATS, MACHINE_FORMATS, Column, Table, render, table_of
from negotiation.render.sanitize import for_output, terminal_table

__all__ = ["FORMATS", "LANGS", "add_output_options", "emit", "lang_of", "nothing_stated", "output_width",
           "use_color", "writable_file"]

LANGS = ("en", "ar")
"""The languages of ``--lang``."""


def lang_of(args: argparse.Namespace) -> str:
    """The ``--lang`` of a command (English for commands without one)."""
    return getattr(args, "lang", "en") or "en"


def _width(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of columns, got {value!r}") from None
    if n < 20:
        raise argparse.ArgumentTypeError(f"--width must be at least 20, got {n}")
    return n


def writable_file(value: str) -> str:
    """An output file name (``--output``, ``--plot``), checked when the arguments are read, before any work.

    ``-`` (standard output) passes; otherwise the folder must exist and the name must not be a
    folder, so that a command never prints a whole table and then fails to write its file.
    """
    if value == "-":
        return value
    from pathlib import Path

    path = Path(value)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write {value}: the folder {folder} does not exist")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write {value}: it is a folder; give a file name")
    if not os.access(folder, os.W_OK):
        raise argparse.ArgumentTypeError(f"cannot write {value}: the folder {folder} is not writable")
    return value


def _plot_file(value: str) -> str:
    """A ``--plot`` file name, checked before any work is done (not after the table prints)."""
    if not value.lower().endswith((".png", ".svg")):
        raise argparse.ArgumentTypeError(f"expected a .png or .svg file name, got {value!r}")
    return writable_file(value)


def add_output_options(parser: argparse.ArgumentParser, *, lang: bool = True, plot: bool = False) -> None:
    """Add ``--format``, ``--lang``, ``--width`` and ``--no-color`` (and ``--plot``) to a subcommand."""
    parser.add_argument(
        "--format", "-f", default=DEFAULT_FORMAT, choices=FORMATS, metavar="FORMAT",
        help=f"output format (default {DEFAULT_FORMAT}): {', '.join(FORMATS)}",
    )
    if lang:
        parser.add_argument("--lang", default="en", choices=LANGS, help="language of labels and words (default en)")
    parser.add_argument("--width", type=_width, metavar="N", help="fit text tables to N columns "
                        "(default: COLUMNS, else the terminal's width, else 100)")
    parser.add_argument("--no-color", action="store_true", help="no colour even on a terminal (also NO_COLOR=1)")
    parser.add_argument("--raw", action="store_true", help="csv/tsv exactly as in the corpus, for programs "
                        "(default: cells a spreadsheet would run as formulas get a leading ')")
    if plot:
        parser.add_argument("--plot", metavar="FILE", type=_plot_file,
                            help="also draw a chart to FILE.png or FILE.svg (needs [plot])")


def output_width(args: argparse.Namespace | None = None) -> int:
    """The width to fit: ``--width``, then ``COLUMNS``, then the terminal, else 100."""
    explicit = getattr(args, "width", None)
    if explicit:
        return int(explicit)
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        if sys.stdout.isatty():
            return shutil.get_terminal_size((100, 24)).columns
    except (AttributeError, ValueError):
        pass
    return 100


def use_color(args: argparse.Namespace | None = None) -> bool:
    """Colour only on a terminal, and never with ``--no-color`` or ``NO_COLOR``."""
    if getattr(args, "no_color", False) or os.environ.get("NO_COLOR"):
        return False
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError):
        return False


def emit(
    result: Any,
    args: argparse.Namespace,
    *,
    title: str | None = None,
    summary: Sequence[str] | str | None = None,
    columns: Iterable[Column | str] | None = None,
    notes: Sequence[str] = (),
    data: Any = None,
) -> None:
    """Print ``result`` (a DataFrame, records as a list of mappings, or a Table) in ``args.format``.

    ``title``, ``summary`` and ``notes`` surround the table in text and markup formats and
    are left out of machine formats (json, csv, tsv). ``columns`` names the columns people
    read (default: every key, a ``<key>_label`` shown in place of its id); machine formats
    write every key. ``data`` replaces the records in ``json``.
    """
    lang = lang_of(args)
    notes = [*notes, *_corpus_note(args, lang)]
    table = table_of(result, lang=lang, title=title, summary=summary, columns=columns, notes=notes, data=data)
    if isinstance(result, Table) and lang != table.lang:
        table = replace(table, lang=lang)
    fmt = getattr(args, "format", DEFAULT_FORMAT) or DEFAULT_FORMAT
    if fmt not in MACHINE_FORMATS and getattr(args, "corpus_line", None):
        args.corpus_shown = True  # the footer says it; otherwise main() says it on stderr
    raw, color = bool(getattr(args, "raw", False)), use_color(args)
    if color:
        table = terminal_table(table)
    out = for_output(render(table, fmt, width=output_width(args), color=color, raw=raw), fmt, raw=raw, color=color)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")


def nothing_stated(a: str, b: str, lang: str) -> None:
    """Say on stderr that documents ``a`` and ``b`` state nothing to compare (the command exits 1)."""
    print(f"negotiation: {i18n.say('nothing_stated', lang, a=a, b=b)}", file=sys.stderr)


def save_plot(fig: Any, path: str, lang: str) -> None:
    """Write a chart for ``--plot``; say so on stderr when Arabic labels had to fall back to English."""
    from negotiation.render.charts import chart_lang, save

    save(fig, path)
    if chart_lang(lang, svg=path.lower().endswith(".svg")) != lang:
        print("negotiation: note: PNG chart labels are in English (matplotlib cannot shape Arabic without "
              "arabic-reshaper and python-bidi); an .svg chart keeps Arabic text", file=sys.stderr)


def say_corpus(args: argparse.Namespace) -> None:
    """Say on stderr which corpus a command read when nobody named it and its output did not say.

    A corpus named by ``--corpus`` or ``NEGOTIATION_CORPUS`` needs no reminder on stderr (json
    and csv stay quiet for programs); one found in the working folder, or the bundled one, is
    always said, in the table's footer or here.
    """
    line = getattr(args, "corpus_line", None)
    implicit = str(line).endswith(("(working folder)", "(bundled with the library)"))
    if line and implicit and not getattr(args, "corpus_shown", False):
        print(f"negotiation: {line}", file=sys.stderr)
        args.corpus_shown = True


def _corpus_note(args: argparse.Namespace, lang: str) -> list[str]:
    """Which corpus was read (set by the command line as ``args.corpus_line``), in ``lang``."""
    line = getattr(args, "corpus_line", None)
    if not line:
        return []
    if lang == "en":
        return [str(line)]
    path = str(line).split(": ", 1)[-1].rsplit(" (", 1)[0]

    return [i18n.say("corpus", lang, path=path)]
