"""Text tables: every tabulate format, fitted to a width, right to left in Arabic, verdicts coloured."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from negotiation.render import i18n, text
from negotiation.render.bidi import isolate, isolate_cells
from negotiation.render.table import UNFITTED, Column, Table, cells, shown, verdict_of


def _blocks(headers: Sequence[str], rows: Sequence[Sequence[str]], key: int,
            available: Callable[[int], int]) -> list[list[int]]:
    """Split columns into blocks in which every column holds its longest word, each block
    repeating the key column."""
    others = [i for i in range(len(headers)) if i != key]
    blocks: list[list[int]] = []
    current: list[int] = [key]
    for i in others:
        trial = [*current, i]
        cols = [[r[j] for j in trial] for r in rows]
        if len(current) > 1 and not text.fits_words([headers[j] for j in trial], cols, available(len(trial))):
            blocks.append(current)
            current = [key, i]
        else:
            current = trial
    blocks.append(current)
    return blocks


_URL = re.compile(r"<?https?://[^\s<>]+>?")


def _url_notes(rows: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Cells with each URL replaced by a mark ``[n]``, and the lines ``[n] URL`` to print
    below the table: a URL on a line of its own stays whole, clickable and copyable."""
    found: dict[str, int] = {}

    def mark(m: re.Match[str]) -> str:
        url = m.group().strip("<>")
        found.setdefault(url, len(found) + 1)
        return f"[{found[url]}]"

    marked = [[_URL.sub(mark, c) for c in r] for r in rows]
    return marked, [f"[{n}] {url}" for url, n in found.items()]


def to_text(table: Table, fmt: str, *, width: int = 100, color: bool = False) -> str:
    """A text table in a tabulate format, fitted to ``width``; title and summary around it.

    Terminal formats wrap cells at spaces only: ids, URLs, dates, numbers and quotes stay
    whole on one line. Where their longest words do not fit ``width``, optional columns go
    first (a grouping column becomes heading rows), then URLs move below the table as
    numbered lines, then the columns split into blocks repeating the key column, and last
    the table is laid out record by record (a two-column table per record). A single word
    wider than what is left widens its column rather than being broken.
    """
    style = text.STYLES.get(fmt)
    fitted = fmt not in UNFITTED

    def overhead(n: int) -> int:
        if style is not None:
            return text.overhead(style, n)
        return _tabulate_overhead(fmt, n)

    headers, rows, aligns = cells(table)
    if not fitted:  # one record, one row: a continuation line would be a bogus row once pasted
        headers = [_one_line(h) for h in headers]
        rows = [[_one_line(c, i18n.say("semicolon", table.lang)) for c in r] for r in rows]
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
    links: list[str] = []
    if fitted and not text.fits_words(headers, rows, width - overhead(len(headers))):
        marked, found = _url_notes(rows)
        if found:
            rows, links = marked, found
    whole = [list(r) for r in rows]  # before repeated group values are blanked
    for i, col in enumerate(table.columns):
        if col.group and fitted:  # markup repeats the value: every pasted row stands alone
            previous = None
            for r in rows:
                r[i], previous = ("" if r[i] == previous else r[i]), r[i]
    rtl = table.lang in i18n.RTL
    verdicts = [verdict_of(r) for r in table.rows]

    def natural_widths(h: list[str], body: list[list[str]]) -> list[int]:
        return [max([text.natural_width(x)] + [text.natural_width(b[i]) for b in body]) for i, x in enumerate(h)]

    def draw(h: list[str], body: list[list[str]], al: list[str], names: list[str],
             widths: list[int], painted: Callable[[int], str | None]) -> str:
        if style is not None:
            paint = None
            if color:
                def paint(r: int, c: int, s: str) -> str:
                    v = painted(r)
                    return text.ansi(s, text.COLORS[v]) if v and names[c] == "verdict" else s
            return text.draw(h, body, widths, al, style, paint)
        return tabulate_table(h, body, al, fmt)

    def one_block(cols: list[int]) -> str:
        h = [headers[i] for i in cols]
        body = [[r[i] for i in cols] for r in rows]
        al = [aligns[i] for i in cols]
        names = [table.columns[i].name for i in cols]
        if rtl and fitted:  # a terminal has no bidi: draw right to left; markup stays in logical order
            h, body, al, names = h[::-1], [b[::-1] for b in body], al[::-1], names[::-1]
        room = max(len(h), width - overhead(len(h)))
        widths = text.fit_widths(h, body, room) if fitted else None
        if widths is None:
            widths = natural_widths(h, body) if not fitted else text.word_floors(h, body)
        if fitted:
            body = text.wrap_cells(body, widths)
            h = ["\n".join(text.wrap(x, widths[i])) for i, x in enumerate(h)]
        h, *body = isolate_cells([h, *body], table.lang)  # after wrapping: each line isolated on its own
        return draw(h, body, al, names, widths, lambda r: verdicts[r])

    def records() -> str:
        """Each record as a two-column table (header, value); heading rows as plain lines."""
        room = max(2, width - overhead(2))
        label_width = min(max(text.natural_width(x) for x in headers), room // 3)
        parts = []
        for r, (record, row) in enumerate(zip(table.rows, whole, strict=True)):
            if not record:  # a heading row
                parts.append(row[0])
                continue
            pairs = [(headers[i], row[i]) for i in range(len(headers)) if row[i]]
            h_cells, v_cells = [p[0] for p in pairs], [p[1] for p in pairs]
            label = max(label_width, text.longest_word(h_cells))
            natural = max(text.natural_width(v) for v in v_cells)
            widths = [label, min(natural, max(room - label, text.longest_word(v_cells)))]
            body = [[h, v] for h, v in pairs]
            names = [table.columns[i].name for i in range(len(headers)) if row[i]]
            al = ["left", "left"]
            if rtl:
                body, widths, al = [b[::-1] for b in body], widths[::-1], ["right", "right"]
            body = text.wrap_cells(body, widths)

            def painted(k: int, r: int = r, names: list[str] = names) -> str | None:
                return verdicts[r] if names[k] == "verdict" else None

            parts.append(_draw_pairs(body, widths, al, style, fmt, color, painted, rtl))
        return "\n\n".join(parts)

    layout_records = False
    if not table.columns:
        blocks: list[list[int]] = []
    elif fitted:
        n = len(headers)
        # Many narrow columns (a matrix, coverage) split into blocks; then records.
        too_narrow = text.fit_widths(headers, rows, width - overhead(n)) is None
        if (n > 6 and not text.fits_words(headers, rows, width - overhead(n))) or (n > 2 and too_narrow):
            blocks = _blocks(headers, rows, table.key, lambda k: width - overhead(k))
        else:
            blocks = [list(range(n))]
        layout_records = n > 1 and any(
            not text.fits_words([headers[i] for i in b], [[r[i] for i in b] for r in rows], width - overhead(len(b)))
            for b in blocks)
    else:
        blocks = [list(range(len(headers)))]
    parts = []
    if table.title:
        parts.append(isolate(text.wrap_paragraph(table.title, width) if fitted else table.title, table.lang))
        parts.append("")
    if layout_records and table.rows:
        parts.append(records())
    else:
        parts.append("\n\n".join(one_block(b) for b in blocks) if table.rows or table.columns else "")
    if links:
        parts.extend(["", *links])  # wholly left to right, each on its own line: nothing to isolate
    prose = [*table.summary, *table.notes]
    if prose:
        parts.append("")
        parts.extend(isolate(text.wrap_paragraph(line, width) if fitted else line, table.lang) for line in prose)
    return "\n".join(parts)


def _draw_pairs(body: list[list[str]], widths: list[int], aligns: list[str], style: text.Style | None,
                fmt: str, color: bool, painted: Callable[[int], str | None], rtl: bool) -> str:
    """One record as a headerless two-column table: the field's header, its value."""
    if style is None:
        return tabulate_table([], body, aligns, fmt) if body else ""
    paint = None
    if color:
        value = 0 if rtl else 1

        def paint(r: int, c: int, s: str) -> str:
            v = painted(r)
            return text.ansi(s, text.COLORS[v]) if v and c == value else s
    headless = replace(style, below_header=None)
    drawn = text.draw(["", ""], body, widths, aligns, headless, paint)
    lines = drawn.split("\n")
    # text.draw always writes a header line: drop it (and keep the top rule).
    at = 1 if style.top else 0
    return "\n".join(lines[:at] + lines[at + 1:])


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


def _one_line(cell: str, sep: str = "; ") -> str:
    """A cell on one line: its line breaks written ``sep`` (``; ``, Arabic ``؛ ``)."""
    return sep.join(part.strip() for part in cell.splitlines() if part.strip()) if "\n" in cell else cell


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

