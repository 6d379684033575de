"""Text tables: every tabulate format, fitted to a width, right to left in Arabic, verdicts coloured."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from negotiation.render import i18n, text
from negotiation.render.table import UNFITTED, Column, Table, cells, shown, verdict_of


def _blocks(headers: Sequence[str], rows: Sequence[Sequence[str]], key: int,
            available: Callable[[int], int]) -> list[list[int]]:
    """Split columns into blocks in which every column holds its longest word, each block
    repeating the key column.

    Words such as ids stay whole (so each row keeps to one line) when a block can still hold
    the key column and two more; otherwise they may break at their hyphens.
    """
    others = [i for i in range(len(headers)) if i != key]
    whole = len(others) < 2 or text.fits_words([headers[j] for j in [key, *others[:2]]],
                                               [[r[j] for j in [key, *others[:2]]] for r in rows],
                                               available(3), hyphens=False)
    blocks: list[list[int]] = []
    current: list[int] = [key]
    for i in others:
        trial = [*current, i]
        cols = [[r[j] for j in trial] for r in rows]
        fits = text.fits_words([headers[j] for j in trial], cols, available(len(trial)), hyphens=not whole)
        if len(current) > 1 and not fits:
            blocks.append(current)
            current = [key, i]
        else:
            current = trial
    blocks.append(current)
    return blocks


def to_text(table: Table, fmt: str, *, width: int = 100, color: bool = False) -> str:
    """A text table in a tabulate format, fitted to ``width``; title and summary around it."""
    style = text.STYLES.get(fmt)
    fitted = fmt not in UNFITTED

    def overhead(n: int) -> int:
        if style is not None:
            return text.overhead(style, n)
        return _tabulate_overhead(fmt, n)

    headers, rows, aligns = cells(table)
    if not fitted:  # one record, one row: a continuation line would be a bogus row once pasted
        headers = [_one_line(h) for h in headers]
        rows = [[_one_line(c) for c in r] for r in rows]
        from negotiation.render.markup import escaped  # markup imports this module: imported on use

        table, headers, rows = escaped(table, fmt, headers, rows)  # corpus text cannot break a pasted table
    optional = [i for i, c in enumerate(table.columns) if c.optional]
    if fitted and optional and not text.fits_words(headers, rows, width - overhead(len(headers))):
        dropped = [c for c in table.columns if c.optional]
        keep = [c for c in table.columns if not c.optional]
        table = replace(table, columns=keep)
        headers, rows, aligns = cells(table)
        grouping = next((c for c in dropped if c.group), None)
        if grouping is not None and keep:  # its values become heading rows, not lost
            table, rows = _heading_rows(table, rows, grouping)
    for i, col in enumerate(table.columns):
        if col.group and fitted:  # markup repeats the value: every pasted row stands alone
            previous = None
            for r in rows:
                r[i], previous = ("" if r[i] == previous else r[i]), r[i]
    rtl = table.lang in i18n.RTL
    verdicts = [verdict_of(r) for r in table.rows]

    def natural_widths(h: list[str], body: list[list[str]]) -> list[int]:
        return [max([text.natural_width(x)] + [text.natural_width(b[i]) for b in body]) for i, x in enumerate(h)]

    def one_block(cols: list[int]) -> str:
        h = [headers[i] for i in cols]
        body = [[r[i] for i in cols] for r in rows]
        al = [aligns[i] for i in cols]
        names = [table.columns[i].name for i in cols]
        if rtl and fitted:  # a terminal has no bidi: draw right to left; markup stays in logical order
            h, body, al, names = h[::-1], [b[::-1] for b in body], al[::-1], names[::-1]
        room = max(len(h), width - overhead(len(h)))
        widths = text.fit_widths(h, body, room) if fitted else None
        if widths is None and fitted:  # too narrow even for four columns' worth each: break words anywhere
            widths = text.water_fill(natural_widths(h, body), [1] * len(h), room)
        if widths is None:
            widths = natural_widths(h, body)
        elif fitted:
            body = text.wrap_cells(body, widths)
            h = ["\n".join(text.wrap(x, widths[i])) for i, x in enumerate(h)]
        if style is not None:
            paint = None
            if color:
                def paint(r: int, c: int, s: str) -> str:
                    v = verdicts[r]
                    return text.ansi(s, text.COLORS[v]) if v and names[c] == "verdict" else s
            return text.draw(h, body, widths, al, style, paint)
        return tabulate_table(h, body, al, fmt)

    if not table.columns:
        blocks: list[list[int]] = []
    elif fitted:
        n = len(headers)
        # Many narrow columns (a matrix, coverage) split into blocks; a few wide ones break long words.
        too_narrow = text.fit_widths(headers, rows, width - overhead(n)) is None
        if (n > 6 and not text.fits_words(headers, rows, width - overhead(n))) or (n > 2 and too_narrow):
            blocks = _blocks(headers, rows, table.key, lambda k: width - overhead(k))
        else:
            blocks = [list(range(n))]
    else:
        blocks = [list(range(len(headers)))]
    parts = []
    if table.title:
        parts.append(text.wrap_paragraph(table.title, width) if fitted else table.title)
        parts.append("")
    parts.append("\n\n".join(one_block(b) for b in blocks) if table.rows or table.columns else "")
    prose = [*table.summary, *table.notes]
    if prose:
        parts.append("")
        parts.extend(text.wrap_paragraph(line, width) if fitted else line for line in prose)
    return "\n".join(parts)


def _heading_rows(table: Table, rows: list[list[str]], grouping: Column) -> tuple[Table, list[list[str]]]:
    """Rows with a heading row (``▸ Territory``) before each run of one value of ``grouping``."""


    out_records: list[dict[str, object]] = []
    out_rows: list[list[str]] = []
    previous = None
    for record, row in zip(table.rows, rows, strict=True):
        value = shown(table, record, grouping)
        if value and value != previous:
            out_records.append({})
            out_rows.append([f"▸ {value}", *([""] * (len(row) - 1))])
        previous = value
        out_records.append(record)
        out_rows.append(row)
    return replace(table, rows=out_records), out_rows


def _one_line(cell: str) -> str:
    """A cell on one line: its line breaks written ``; `` (a header's as a space)."""
    return "; ".join(part.strip() for part in cell.splitlines() if part.strip()) if "\n" in cell else cell


def tabulate_table(headers: Sequence[str], rows: Sequence[Sequence[str]], aligns: Sequence[str], fmt: str) -> str:
    from tabulate import tabulate

    return str(tabulate(rows, headers=list(headers), tablefmt=fmt, disable_numparse=True,
                        colalign=list(aligns) if rows else None))


_OVERHEADS: dict[tuple[str, int], int] = {}


def _tabulate_overhead(fmt: str, n: int) -> int:
    """Columns a tabulate format spends on borders, measured on a one-row table."""
    if (fmt, n) not in _OVERHEADS:
        drawn = tabulate_table(["x"] * n, [["x"] * n], ["left"] * n, fmt)
        _OVERHEADS[(fmt, n)] = max(text.display_width(line) for line in drawn.splitlines()) - n
    return _OVERHEADS[(fmt, n)]

