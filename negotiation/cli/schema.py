"""``negotiation schema``: the JSON Schema of a document, taxonomy or parties file.

``schema`` prints the document schema; ``schema taxonomy`` (or ``--kind taxonomy``) another one; ``--out
DIR`` writes all three (``document.json``, ``taxonomy.json``, ``parties.json``) so that an
editor can check YAML files against them with a first line such as
``# yaml-language-server: $schema=../schemas/document.json``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from negotiation.cli.options import add_output_options, emit

KINDS = ("document", "taxonomy", "parties")
"""The kinds of data file with a schema (as :data:`negotiation.corpus.schemas.KINDS`)."""


def run(args: argparse.Namespace) -> int:
    """Print one schema, or write all of them to ``--out``."""
    from negotiation.corpus.schemas import schema, write_schemas

    if args.out is None:
        print(json.dumps(schema(args.which or args.kind), ensure_ascii=False, indent=2))
        return 0
    files = write_schemas(args.out)
    rows = [{"kind": kind, "file": str(file)} for kind, file in zip(KINDS, files, strict=True)]
    hint = "first line of a data file, for editors: # yaml-language-server: $schema=<path to the file above>"
    emit(rows, args, title=f"schemas written to {args.out}", summary=hint)
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``schema`` subcommand."""
    p = add("schema", run, "print the JSON Schema of a data file (document, taxonomy or parties)")
    p.add_argument("which", nargs="?", choices=KINDS, metavar="KIND",
                   help=f"which file's schema: {', '.join(KINDS)} (default document; also --kind)")
    p.add_argument("--kind", choices=KINDS, default="document", help=argparse.SUPPRESS)
    p.add_argument("--out", metavar="DIR", help="write document.json, taxonomy.json and parties.json into DIR")
    add_output_options(p, lang=False)
