"""One renderer for every command: a :class:`Table` of records, written in any listed format.

A command builds its result as data: records (plain dicts whose values are ids, numbers,
booleans, dates, lists or None, with a ``<name>_label`` beside an id where people need a
word) plus the names of the columns people read. :func:`render` writes it as

- a text table in any tabulate format, fitted to a width (long cells wrap inside their
  column; a table too wide even then is split into column blocks), right to left in
  Arabic, verdicts coloured on a terminal;
- ``markdown`` (a pipe table with a heading and the summary as paragraphs);
- ``html`` (a whole UTF-8 page, everything escaped, ``dir="rtl" lang="ar"`` in Arabic);
- ``latex`` (a ``tabular``, prose escaped);
- ``json``, ``csv``, ``tsv``: machine formats with every key of the records
  (language-neutral ids plus labels), no prose.

The formats ``unsafehtml`` and ``latex_raw`` of tabulate are not offered: they would write
data unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from negotiation.render import i18n
from negotiation.render.bidi import bidi_html
from negotiation.render.i18n import Lang
from negotiation.render.machine import json_default, json_safe, to_delimited, to_json
from negotiation.render.markup import (
    html_table,
    latex_escape,
    page_attributes,
    to_html_page,
    to_latex,
    to_markdown,
)
from negotiation.render.palette import VERDICT_COLORS, VERDICT_DARK_COLORS, VERDICT_STYLE
from negotiation.render.table import (
    DEFAULT_FORMAT,
    FORMATS,
    MACHINE_FORMATS,
    TABULATE_FORMATS,
    UNFITTED,
    WORD_COLUMNS,
    Column,
    FormatError,
    Table,
    cell_text,
    check_format,
    default_columns,
    records_of,
)
from negotiation.render.text_table import to_text

_UNFITTED = UNFITTED
_json_safe = json_safe


def render(table: Table, fmt: str, *, width: int = 100, color: bool = False, raw: bool = False) -> str:
    """Write ``table`` in ``fmt`` (one of :data:`FORMATS`), fitted to ``width`` columns.

    csv and tsv neutralise cells a spreadsheet would run as formulas unless ``raw``
    (:func:`negotiation.render.sanitize.spreadsheet_cell`).
    """
    check_format(fmt)
    untranslated = [c.name for c in table.columns
                    if c.header is None and not c.name.isdigit() and not i18n.has_header(c.name, table.lang)]
    note = i18n.say("english_fallback", table.lang)
    if untranslated and note and note not in table.notes:
        table = replace(table, notes=[*table.notes, note])
    if fmt == "json":
        return to_json(table)
    if fmt in ("csv", "tsv"):
        return to_delimited(table, "," if fmt == "csv" else "\t", raw=raw)
    if fmt == "html":
        return to_html_page(table)
    if fmt == "markdown":
        return to_markdown(table)
    if fmt.startswith("latex"):
        return to_latex(table, fmt)
    return to_text(table, fmt, width=width, color=color)



def table_of(result: Any, *, lang: Lang = "en", title: str | None = None,
             summary: Sequence[str] | str | None = None, columns: Iterable[Column | str] | None = None,
             notes: Sequence[str] = (), data: Any = None, key: int = 0) -> Table:
    """A :class:`Table` from a DataFrame, records, or a Table (a new one, with what is given added).

    A given table is never changed: what is given replaces its title, summary, columns and
    data, and its notes are followed by ``notes``.
    """
    if isinstance(result, Table):
        changes: dict[str, Any] = {"notes": (*result.notes, *notes)}
        if title is not None:
            changes["title"] = title
        if summary is not None:
            changes["summary"] = (summary,) if isinstance(summary, str) else tuple(summary)
        if columns is not None:
            changes["columns"] = tuple(c if isinstance(c, Column) else Column(c) for c in columns)
        if data is not None:
            changes["data"] = data
        return replace(result, **changes)
    rows = records_of(result)
    if columns is not None:
        cols = [c if isinstance(c, Column) else Column(c) for c in columns]
    else:
        cols = default_columns(rows)
    lines = [summary] if isinstance(summary, str) else list(summary or [])
    return Table(rows=rows, columns=cols, title=title, summary=lines, notes=list(notes), lang=lang, data=data, key=key)


__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "MACHINE_FORMATS",
    "TABULATE_FORMATS",
    "VERDICT_COLORS",
    "VERDICT_DARK_COLORS",
    "VERDICT_STYLE",
    "WORD_COLUMNS",
    "Column",
    "FormatError",
    "Table",
    "bidi_html",
    "cell_text",
    "check_format",
    "default_columns",
    "html_table",
    "json_default",
    "latex_escape",
    "page_attributes",
    "records_of",
    "render",
    "table_of",
    "to_delimited",
    "to_html_page",
    "to_json",
    "to_latex",
    "to_markdown",
    "to_text",
]
