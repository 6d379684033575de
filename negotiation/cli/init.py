"""``negotiation init [DIR]``: write a small corpus to start a project of your own.

``DIR`` defaults to ``positions``: run from a project folder, every later command reads
``./positions`` without ``--corpus``; any other ``DIR`` is found by every command run inside
it (``negotiation init mine && cd mine && negotiation validate``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from negotiation.cli.options import add_output_options, emit


def run(args: argparse.Namespace) -> int:
    """Write the example corpus into ``DIR`` and list the files."""
    folder = Path(args.dir)
    from negotiation.corpus.init import init_corpus

    files = init_corpus(folder)
    rows = [{"file": str(f.relative_to(folder))} for f in files]
    target = str(folder)
    summary = [
        f"next: edit {target}/taxonomy.yaml, {target}/parties.yaml and {target}/documents/, then",
        f"  cd {target}",
        "  negotiation validate",
        "  negotiation compare union-2024-01 employer-2024-01",
        "(inside the folder, or any folder below it, every command reads this corpus)",
    ]
    emit(rows, args, title=f"a new corpus in {target}", summary=summary)
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``init`` subcommand."""
    p = add("init", run, "write a small example corpus to start your own (default folder: positions)")
    p.add_argument("dir", nargs="?", default="positions", metavar="DIR", help="a new or empty folder")
    add_output_options(p, lang=False)
