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
from typing import Any

from negotiation.cli.options import add_output_options, emit, lang_of
from negotiation.render.i18n import say, schema_word, word

KINDS = ("document", "taxonomy", "parties")
"""The kinds of data file with a schema (as :data:`negotiation.corpus.schemas.KINDS`)."""


def run(args: argparse.Namespace) -> int:
    """Print one schema, or write all of them to ``--out``."""
    from negotiation.corpus.schemas import schema, write_schemas

    lang = lang_of(args)
    if args.out is None:
        found = schema(args.which or args.kind)
        if args.format in (None, "json"):
            print(json.dumps(found, ensure_ascii=False, indent=2))
        else:  # a table of the fields, one row per field of each part of the file
            kind = schema_word(args.which or args.kind, lang)
            rows = field_rows(found, lang)
            english = lang != "en" and any(r["description"] for r in rows)  # the schema's own descriptions
            emit(rows, args, title=schema_word("fields_of", lang, kind=kind), notes=[say("english_fallback", lang)]
                 if english else [], columns=["part", "field", "type", "required", "description"])
        return 0
    files = write_schemas(args.out)
    rows = [{"kind": kind, "file": str(file)} for kind, file in zip(KINDS, files, strict=True)]
    emit(rows, args, title=schema_word("written_to", lang, folder=args.out), summary=schema_word("hint", lang))
    return 0


def _type(prop: dict[str, Any], lang: str = "en") -> str:
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return schema_word("or", lang).join(_type(p, lang) for p in prop["anyOf"])
    if "enum" in prop:
        return " | ".join(str(v) for v in prop["enum"])
    kind = prop.get("type", "any")
    if kind == "array" and isinstance(prop.get("items"), dict):
        return schema_word("list_of", lang, x=_type(prop["items"], lang))
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return schema_word("mapping_to", lang, x=_type(prop["additionalProperties"], lang))
    return schema_word(str(kind), lang)


def field_rows(found: dict[str, Any], lang: str = "en") -> list[dict[str, str]]:
    """One row per field of a JSON Schema and of each of its ``$defs``: part, field, type, required, description."""
    parts = [(str(found.get("title", "file")), found), *found.get("$defs", {}).items()]
    rows = []
    for name, part in parts:
        required = set(part.get("required", ()))
        for field, prop in (part.get("properties") or {}).items():
            rows.append({"part": str(name), "field": field, "type": _type(prop, lang),
                         "required": word("yes", lang) if field in required else "",
                         "description": " ".join(str(prop.get("description", "")).split())})
    return rows


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``schema`` subcommand."""
    p = add("schema", run, "print the JSON Schema of a data file (document, taxonomy or parties)")
    p.add_argument("which", nargs="?", choices=KINDS, metavar="KIND",
                   help=f"which file's schema: {', '.join(KINDS)} (default document; also --kind)")
    p.add_argument("--kind", choices=KINDS, default="document", help=argparse.SUPPRESS)
    p.add_argument("--out", metavar="DIR", help="write document.json, taxonomy.json and parties.json into DIR")
    add_output_options(p)
    p.set_defaults(format=None)  # no --format: the JSON Schema itself; --format markdown: a table of fields
