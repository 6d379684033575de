"""JSON Schemas of the three kinds of data file, generated from the models.

``document`` (``documents/<id>.yaml``), ``taxonomy`` (``taxonomy.yaml``) and ``parties``
(``parties.yaml``). The models read a file with a little help (ids come from mapping keys,
``scale: {ref: NAME}`` names a shared scale, ``ar: …`` beside ``en`` is a label), so the
schemas of the taxonomy and parties files are the models' schemas adjusted to the files as
written. An editor with the YAML language server checks and completes a file against them
with one comment on its first line: ``# yaml-language-server: $schema=schemas/taxonomy.json``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from negotiation.model.labels import LANGUAGE_CODE
from negotiation.model.models import Document, Party, Taxonomy

KINDS = ("document", "taxonomy", "parties")
"""The kinds of data file with a schema."""

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_LABEL_KEYS = {LANGUAGE_CODE.pattern: {"type": "string", "minLength": 1}}


def _labels_inline(defs: dict[str, Any]) -> None:
    """Labelled things take translations as keys beside ``en`` (``ar: …``)."""
    for schema in defs.values():
        props = schema.get("properties", {})
        if "en" in props and "labels" in props:
            schema["patternProperties"] = dict(_LABEL_KEYS)


def _key_not_required(schema: dict[str, Any], field: str) -> None:
    """Ids and codes are the mapping keys in a file, not written again inside."""
    schema["required"] = [r for r in schema.get("required", []) if r != field]
    schema["properties"].pop(field, None)


def document_schema() -> dict[str, Any]:
    """The JSON Schema of a document file, generated from the models."""
    schema = Document.model_json_schema()
    schema["$schema"] = _DRAFT
    schema["title"] = "negotiation document"
    return schema


def taxonomy_schema() -> dict[str, Any]:
    """The JSON Schema of ``taxonomy.yaml``: poles, areas, shared scales and issues."""
    schema = copy.deepcopy(Taxonomy.model_json_schema())
    defs = schema["$defs"]
    _labels_inline(defs)
    _key_not_required(defs["Area"], "id")
    _key_not_required(defs["Issue"], "id")
    scale = defs["Issue"]["properties"]["scale"]
    one_of = {"oneOf": scale["oneOf"], "discriminator": scale["discriminator"]}
    ref = {
        "type": "object", "properties": {"ref": {"type": "string", "description": "a name under scales:"}},
        "required": ["ref"], "additionalProperties": False,
    }
    defs["Issue"]["properties"]["scale"] = {"title": "Scale", "anyOf": [ref, one_of]}
    schema["properties"].pop("parties", None)  # parties live in parties.yaml
    schema["properties"]["scales"] = {
        "title": "Shared scales", "type": "object", "additionalProperties": one_of,
        "description": "scales several issues share, referenced as scale: {ref: NAME}",
    }
    for name in ("Party",):
        defs.pop(name, None)
    schema["$schema"] = _DRAFT
    schema["title"] = "negotiation taxonomy"
    return schema


def parties_schema() -> dict[str, Any]:
    """The JSON Schema of ``parties.yaml``: party codes mapped to their names."""
    party = copy.deepcopy(Party.model_json_schema())
    defs = party.pop("$defs", {})
    defs["Party"] = party
    _labels_inline(defs)
    _key_not_required(defs["Party"], "code")
    return {
        "$schema": _DRAFT, "title": "negotiation parties", "type": "object",
        "description": "party codes (RU, UA, NO…) mapped to names: en required, other languages optional",
        "additionalProperties": {"$ref": "#/$defs/Party"}, "$defs": defs,
    }


def schema(kind: str = "document") -> dict[str, Any]:
    """The JSON Schema of one kind of data file: ``document``, ``taxonomy`` or ``parties``."""
    makers = {"document": document_schema, "taxonomy": taxonomy_schema, "parties": parties_schema}
    if kind not in makers:
        raise ValueError(f"unknown schema kind {kind!r}; expected one of {', '.join(KINDS)}")
    return makers[kind]()


def write_schemas(folder: str | Path) -> list[Path]:
    """Write ``document.json``, ``taxonomy.json`` and ``parties.json`` into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        file = folder / f"{kind}.json"
        file.write_text(json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(file)
    return written
