"""``negotiation validate [PATH]``: check a corpus folder and list every problem at once.

The corpus checked is ``PATH``, else the one every command reads (``--corpus``,
``NEGOTIATION_CORPUS``, ``./positions``, the bundled corpus), and the output always says
which. Without ``--format`` each problem is one line, ``file:line:column: field: message``,
the form editors and CI annotate, sorted by file and line, followed by a count. With
``--format json`` the result is one JSON object (corpus, counts, problems) for tools; any
other ``--format`` is a table. Errors exit 2; warnings alone exit 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from negotiation.cli.options import add_output_options, emit
from negotiation.corpus.locate import describe_corpus, find_corpus
from negotiation.errors import Problem
from negotiation.render.sanitize import terminal_text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    """Check the corpus, print every problem and a count; exit 2 on errors."""
    from negotiation.corpus.loader import check

    folder, how = (Path(args.path), "path given") if args.path else find_corpus(getattr(args, "corpus", None))
    where = describe_corpus(folder, how)
    problems, corpus = check(folder)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    counts = f"{_plural(len(errors), 'error')}, {_plural(len(warnings), 'warning')}"
    if errors:
        verdict = f"{counts} in {_plural(len({p.file for p in problems}), 'file')}; {where}"
    else:
        assert corpus is not None, "a folder without errors makes a corpus"
        stances = sum(len(d.stances) for d in corpus)
        verdict = (f"ok: {len(corpus)} documents, {stances} stances, {len(corpus.taxonomy.issues)} issues"
                   + (f", {counts}" if warnings else "") + f"; {where}")
    if args.format is None:
        for p in problems:
            print(p, file=sys.stderr)  # main() shows control characters on stderr visibly
        print(terminal_text(verdict), file=sys.stderr if errors else sys.stdout)
    else:
        data = {
            "corpus": str(folder), "how": how, "ok": not errors,
            "errors": len(errors), "warnings": len(warnings), "problems": [p.to_json() for p in problems],
        }
        emit([_row(p) for p in problems], args, title=where, summary=verdict, data=data,
             columns=["file", "line", "severity", "location", "message"])
    return 2 if errors else 0


def _row(p: Problem) -> dict[str, object]:
    return {**p.to_json(), "line": p.line if p.line is not None else ""}


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``validate`` subcommand."""
    p = add("validate", run, "check a corpus folder and list every problem (file:line: field: message)")
    p.add_argument("path", nargs="?", help="the corpus folder (default: the corpus every command reads)")
    add_output_options(p, lang=False)
    p.set_defaults(format=None)  # no --format: one line per problem, as editors and CI read them
