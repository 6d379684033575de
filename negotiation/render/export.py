"""Writing the corpus as a table: csv, json, parquet or xlsx, with its codebook beside it.

The table is :func:`negotiation.corpus.frame.stances` and the codebook
:func:`negotiation.corpus.frame.codebook`. Where each goes:

=========  ==========================  ==========================================
format     standard output             ``--output FILE``
=========  ==========================  ==========================================
csv        the stances                 FILE and ``NAME.codebook.csv`` beside it
json       the stances (records)       FILE and ``NAME.codebook.json`` beside it
parquet    refused (binary)            FILE and ``NAME.codebook.parquet`` beside it
xlsx       refused (binary)            FILE, sheets ``stances`` and ``codebook``
=========  ==========================  ==========================================

(``NAME`` is FILE without its suffix: ``stances.csv`` has ``stances.codebook.csv`` beside it.)
Spreadsheet formats (csv, xlsx) have every text cell that a spreadsheet would run as a
formula neutralised with a leading ``'`` (:func:`~negotiation.render.sanitize.spreadsheet_cell`)
unless ``raw``; xlsx with ``raw`` still stores such cells as text, never as formulas. json
and parquet are for programs and carry the corpus's text unchanged. parquet needs pyarrow
and xlsx openpyxl: ``pip install 'negotiation[export]'``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation.errors import NegotiationError
from negotiation.render.sanitize import spreadsheet_cell

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BINARY_FORMATS", "EXPORT_FORMATS", "codebook_path", "export_text", "needs_extra", "write_export"]

EXPORT_FORMATS = ("csv", "json", "parquet", "xlsx")
"""The formats of ``negotiation export``."""

BINARY_FORMATS = ("parquet", "xlsx")
"""Formats written only to a file."""

_EXTRA = {"parquet": "pyarrow", "xlsx": "openpyxl"}


def needs_extra(fmt: str) -> None:
    """Raise a one-line error naming the ``export`` extra when ``fmt``'s library is missing."""
    module = _EXTRA.get(fmt)
    if module is None:
        return
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise NegotiationError(f"--format {fmt} needs {module}: pip install 'negotiation[export]'")


def codebook_path(path: Path, fmt: str) -> Path | None:
    """Where the codebook goes beside ``path`` (None for xlsx: it is the file's second sheet)."""
    if fmt == "xlsx":
        return None
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return path.with_name(f"{stem}.codebook.{fmt}")


def _sheet(frame: pd.DataFrame, raw: bool) -> pd.DataFrame:
    """``frame`` with formula-like text neutralised (unless ``raw``); other cells untouched."""
    if raw:
        return frame
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("str", "string"):
            out[column] = out[column].map(spreadsheet_cell, na_action="ignore")
    return out


def _json_records(frame: pd.DataFrame) -> str:
    records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    for record in records:  # dates as the corpus writes them, YYYY-MM-DD
        for key, value in record.items():
            if isinstance(value, str) and key.endswith("date") and value.endswith("T00:00:00.000"):
                record[key] = value[:10]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def export_text(frame: pd.DataFrame, fmt: str, *, raw: bool = False) -> str:
    """``frame`` as csv or json text (what ``export`` writes to standard output)."""
    if fmt == "csv":
        text: str = _sheet(frame, raw).to_csv(index=False, date_format="%Y-%m-%d")
        return text
    if fmt == "json":
        return _json_records(frame)
    raise NegotiationError(f"--format {fmt} is binary: give --output FILE")


def _xlsx(path: Path, sheets: dict[str, pd.DataFrame], raw: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for name, frame in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        shown = _sheet(frame, raw)
        for row in shown.itertuples(index=False):
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=_excel_value(value))
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, never a formula (raw keeps the text as written)
                cells.append(cell)
            sheet.append(cells)
    book.save(path)


def _excel_value(value: Any) -> Any:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_export(frame: pd.DataFrame, book: pd.DataFrame, fmt: str, path: Path, *, raw: bool = False) -> list[Path]:
    """Write ``frame`` to ``path`` in ``fmt`` with the codebook ``book`` beside it; return the files written."""
    needs_extra(fmt)
    if fmt == "xlsx":
        _xlsx(path, {"stances": frame, "codebook": book}, raw)
        return [path]
    side = codebook_path(path, fmt)
    assert side is not None
    for data, target in ((frame, path), (book, side)):
        if fmt == "parquet":
            data.to_parquet(target, index=False)
        else:
            target.write_text(export_text(data, fmt, raw=raw), encoding="utf-8")
    return [path, side]
