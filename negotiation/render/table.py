"""The table every command renders: records, the columns people read, and their cells.

A command builds its result as data: records (plain dicts whose values are ids, numbers,
booleans, dates, lists or None, with a ``<name>_label`` beside an id where people need a
word) plus the names of the columns people read. :mod:`negotiation.render.formats` writes
it in any format: :mod:`~negotiation.render.text_table` (terminal and tabulate formats),
:mod:`~negotiation.render.markup` (markdown, html, latex), :mod:`~negotiation.render.machine`
(json, csv, tsv).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from negotiation.render import i18n, text
from negotiation.render.i18n import Lang

TABULATE_FORMATS = (
    "asciidoc", "colon_grid", "double_grid", "double_outline", "fancy_grid", "fancy_outline",
    "github", "grid", "heavy_grid", "heavy_outline", "html", "jira", "latex", "latex_booktabs",
    "latex_longtable", "mediawiki", "mixed_grid", "mixed_outline", "moinmoin", "orgtbl",
    "outline", "pipe", "plain", "presto", "pretty", "psql", "rounded_grid", "rounded_outline",
    "rst", "simple", "simple_grid", "simple_outline", "textile", "tsv", "youtrack",
)
"""Every tabulate format except ``unsafehtml`` and ``latex_raw`` (they write data unescaped)."""

MACHINE_FORMATS = ("json", "csv", "tsv")
"""Formats for programs: every key of the records, no prose."""

FORMATS = tuple(sorted({*TABULATE_FORMATS, "markdown", "json", "csv"}))
"""Every format :func:`negotiation.render.formats.render` writes."""

DEFAULT_FORMAT = "simple_grid"
"""The format of the command line when none is given."""

UNFITTED = frozenset({"html", "latex", "latex_booktabs", "latex_longtable", "markdown", "mediawiki",
                       "moinmoin", "textile", "asciidoc", "jira", "youtrack", "github", "pipe", "orgtbl", "rst"})
"""Markup formats: their source is pasted, not read in a terminal, so their cells never wrap:
one record is one row, always (a line break inside a cell is written ``; ``). Only the
terminal grids wrap."""

WORD_COLUMNS = frozenset({"kind", "status", "confidence", "change", "closer_to", "modality", "model"})
"""Columns whose values are the project's own words (translated with :func:`i18n.word`)."""



class FormatError(ValueError):
    """A format name that is not one of :data:`FORMATS`."""

    def __init__(self, fmt: str) -> None:
        import difflib

        near = difflib.get_close_matches(fmt, FORMATS, n=3) if isinstance(fmt, str) else []
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        super().__init__(f"unknown format {fmt!r}{hint} (formats: {', '.join(FORMATS)})")


def check_format(fmt: str) -> str:
    """``fmt`` if it is one of :data:`FORMATS`; raise :class:`FormatError` otherwise."""
    if fmt not in FORMATS:
        raise FormatError(fmt)
    return fmt


@dataclass(frozen=True)
class Column:
    """A column people read: the record key, its header, how its values are written.

    ``header`` defaults to the translated word for ``name``; ``show`` may be a function of
    a value to text. Where a record has ``<name>_label``, that label is shown instead of
    the id.
    """

    name: str
    header: str | None = None
    show: Callable[[Any], str] | None = None
    align: str | None = None
    optional: bool = False
    """Left out of a text table too narrow to hold every column's longest word."""
    group: bool = False
    """In text tables, a value equal to the row above's is left blank."""


@dataclass(frozen=True)
class Table:
    """Records and how to show them: the result of a command, ready for any format.

    Frozen: ``rows``, ``columns``, ``summary`` and ``notes`` are stored as tuples (lists
    given are made tuples). To change one, build a new table: ``dataclasses.replace(table, notes=...)``.
    """

    rows: Sequence[dict[str, Any]]
    columns: Sequence[Column]
    title: str | None = None
    summary: Sequence[str] = ()
    notes: Sequence[str] = ()
    lang: Lang = "en"
    data: Any = None
    """What ``json`` writes instead of the rows, when a command has a richer document."""
    key: int = 0

    def __post_init__(self) -> None:
        for name in ("rows", "columns", "summary", "notes"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))


def records_of(result: Any) -> list[dict[str, Any]]:
    """Records from a DataFrame (its named or non-default index as a column) or an iterable of mappings."""
    if hasattr(result, "to_dict") and hasattr(result, "columns"):
        frame = result
        if frame.index.name is not None or not _plain_index(frame):
            frame = frame.reset_index()
        return [{str(k): plain(v) for k, v in rec.items()} for rec in frame.to_dict("records")]
    return [{str(k): plain(v) for k, v in dict(r).items()} for r in result]


def _plain_index(frame: Any) -> bool:
    index = frame.index
    return type(index).__name__ == "RangeIndex" and index.start == 0 and index.step == 1


def plain(value: Any) -> Any:
    """numpy/pandas scalars as Python values; NaN and NaT as None."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes | list | tuple | dict):
        with contextlib.suppress(ValueError, AttributeError, TypeError):
            value = value.item()
    if type(value).__name__ == "Timestamp":
        if value != value:  # NaT
            return None
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 10**15:  # ns timestamps
        return value
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return value


def keys_of(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every key of some records, in the order they first appear."""
    return list(dict.fromkeys(k for r in rows for k in r))


def default_columns(rows: Sequence[Mapping[str, Any]]) -> list[Column]:
    """Every key people read: ids with a ``_label`` beside them show the label."""
    keys = keys_of(rows)
    return [Column(k) for k in keys if not (k.endswith("_label") and k[:-6] in keys)]


def cell_text(value: Any, name: str, lang: Lang) -> str:
    """A value as people read it in a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return i18n.word("yes" if value else "no", lang)
    if isinstance(value, float):
        return i18n.decimal(value, lang)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        parts = [cell_text(v, name, lang) for v in value]
        return ("\n" if any(" " in p for p in parts) else i18n.say("comma", lang)).join(parts)
    if isinstance(value, Mapping):
        return i18n.say("semicolon", lang).join(f"{k}: {cell_text(v, name, lang)}" for k, v in value.items())
    if name == "verdict" or name.startswith("verdict"):
        return i18n.verdict(value, lang) if value in i18n.VERDICTS else str(value)
    if name in WORD_COLUMNS:
        return i18n.word(str(value), lang)
    return str(value)


def shown(table: Table, row: Mapping[str, Any], col: Column) -> str:
    label_key = f"{col.name}_label"
    # A label, even a missing one, is what people read.
    value = row[label_key] if label_key in row else row.get(col.name)
    if col.show is not None:
        return col.show(value)
    return cell_text(value, col.name, table.lang)


def align_of(col: Column, rows: Sequence[Mapping[str, Any]], rtl: bool) -> str:
    if col.align:
        return col.align
    values = [r.get(col.name) for r in rows if r.get(col.name) is not None]
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "right"
    return "right" if rtl else "left"


def verdict_of(row: Mapping[str, Any]) -> str | None:
    v = row.get("verdict")
    return str(v) if v is not None and str(v) in text.COLORS else None



def cells(table: Table) -> tuple[list[str], list[list[str]], list[str]]:
    """The headers, the cell texts row by row, and each column's alignment."""
    rtl = table.lang in i18n.RTL
    headers = [c.header if c.header is not None else i18n.header(c.name, table.lang) for c in table.columns]
    rows = [[shown(table, r, c) for c in table.columns] for r in table.rows]
    aligns = [align_of(c, table.rows, rtl) for c in table.columns]
    return headers, rows, aligns

