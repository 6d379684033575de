"""Formats for programs: json, csv and tsv, every key of the records and no prose."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

from negotiation.render.table import Table, keys_of, plain


def json_default(value: Any) -> Any:
    """JSON for dates, sets and numpy scalars."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    simple = plain(value)
    if simple is not value:
        return simple
    return str(value)


def json_safe(value: Any) -> Any:
    """``value`` with non-finite floats as None and mapping keys as strings, for JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def to_json(table: Table) -> str:
    """The records (or the table's richer ``data``) as JSON: ids and labels, NaN as null."""
    data = table.rows if table.data is None else table.data
    return json.dumps(json_safe(data), ensure_ascii=False, indent=2, default=json_default)


def _machine_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return ";".join(_machine_value(v) for v in value)
    if isinstance(value, Mapping):  # a bracket: {"US": "demilitarized", "UA": "contact_line"}
        return ";".join(f"{k}:{_machine_value(v)}" for k, v in value.items())
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _machine_keys(table: Table) -> list[str]:
    return keys_of(table.rows) or [c.name for c in table.columns]


def to_delimited(table: Table, delimiter: str, *, raw: bool = False) -> str:
    """CSV (quoted where needed) or TSV (tabs and newlines inside cells become spaces).

    Lists are joined with ``;``, mappings (brackets) as ``RU:x;UA:y``; booleans are ``true``/``false``;
    missing values are empty. Unless ``raw``, a cell a spreadsheet would run as a formula
    gets a leading ``'`` (:func:`~negotiation.render.sanitize.spreadsheet_cell`).
    """
    import csv
    import io

    from negotiation.render.sanitize import spreadsheet_cell

    cell = (lambda v: v) if raw else spreadsheet_cell

    keys = _machine_keys(table)
    out = io.StringIO()
    if delimiter == ",":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(keys)
        for r in table.rows:
            writer.writerow([cell(_machine_value(r.get(k))) for k in keys])
        return out.getvalue()
    lines = ["\t".join(keys)]
    for r in table.rows:
        cells = [cell(" ".join(_machine_value(r.get(k)).split())) for k in keys]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"

