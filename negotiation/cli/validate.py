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
    if args.quotes:
        return quotes(args, folder, where)
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


def quotes(args: argparse.Namespace, folder: Path, where: str) -> int:
    """``validate --quotes``: every quote against its source's stored text, and the rate."""
    from negotiation.corpus.loader import load
    from negotiation.corpus.record import QuoteStatus, quote_checks

    corpus = load(folder)
    checks = quote_checks(folder, corpus.documents, {})
    counts = {status: sum(c.status is status for c in checks) for status in QuoteStatus}
    good = counts[QuoteStatus.VERBATIM] + counts[QuoteStatus.TRANSLATION] + counts[QuoteStatus.PARAPHRASE]
    rate = good / len(checks) if checks else 1.0
    summary = (f"{len(checks)} quotes: {counts[QuoteStatus.VERBATIM]} found verbatim in the stored text, "
               f"{counts[QuoteStatus.TRANSLATION]} marked translation, {counts[QuoteStatus.PARAPHRASE]} marked "
               f"paraphrase, {counts[QuoteStatus.NOT_FOUND]} not found, {counts[QuoteStatus.UNCHECKED]} without a "
               f"stored text; verbatim-or-marked {rate:.1%}; {where}")
    shown = [c for c in checks if args.all or c.status in (QuoteStatus.NOT_FOUND, QuoteStatus.UNCHECKED)]
    rows = [{"document": c.document, "issue": c.issue, "source": c.source, "status": c.status.value,
             "text_file": c.text_file or ""} for c in shown]
    data = {"corpus": str(folder), "quotes": len(checks), "rate": rate,
            "counts": {s.value: n for s, n in counts.items()}, "checks": rows}
    if args.format is None:
        for r in rows:
            print(f"{r['document']}: stances.{r['issue']}.quote: {r['status']} ({r['source']})")
        print(summary)
    else:
        emit(rows, args, title=where, summary=summary, data=data,
             columns=["document", "issue", "source", "status", "text_file"])
    return 2 if counts[QuoteStatus.NOT_FOUND] else 0


def _row(p: Problem) -> dict[str, object]:
    return {**p.to_json(), "line": p.line if p.line is not None else ""}


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``validate`` subcommand."""
    p = add("validate", run, "check a corpus folder and list every problem (file:line: field: message)")
    p.add_argument("path", nargs="?", help="the corpus folder (default: the corpus every command reads)")
    p.add_argument("--quotes", action="store_true",
                   help="check every quote against its source's stored text (text_file, or the seed) and "
                        "print the verbatim-or-marked rate; lists quotes not found or without a stored text")
    p.add_argument("--all", action="store_true", help="with --quotes: list every quote, not only the unresolved")
    add_output_options(p, lang=False)
    p.set_defaults(format=None)  # no --format: one line per problem, as editors and CI read them
