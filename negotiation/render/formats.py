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

import contextlib
import datetime as dt
import html
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from negotiation.render import i18n, text
from negotiation.render.i18n import Lang
from negotiation.render.sanitize import CSP_META

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
"""Every format :func:`render` writes."""

DEFAULT_FORMAT = "simple_grid"
"""The format of the command line when none is given."""

_UNFITTED = frozenset({"html", "latex", "latex_booktabs", "latex_longtable", "markdown", "mediawiki",
                       "moinmoin", "textile", "asciidoc", "jira", "youtrack"})
"""Markup formats: their source is not read in a terminal, so their cells are not wrapped."""

WORD_COLUMNS = frozenset({"kind", "status", "confidence", "change", "closer_to", "modality", "model"})
"""Columns whose values are the project's own words (translated with :func:`i18n.word`)."""


class FormatError(ValueError):
    """A format name that is not one of :data:`FORMATS`."""

    def __init__(self, fmt: str) -> None:
        import difflib

        near = difflib.get_close_matches(fmt, FORMATS, n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        super().__init__(f"unknown format {fmt!r}{hint} (formats: {', '.join(FORMATS)})")


def check_format(fmt: str) -> str:
    """``fmt`` if it is a format :func:`render` writes; raise :class:`FormatError` otherwise."""
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


@dataclass
class Table:
    """Records and how to show them: the result of a command, ready for any format."""

    rows: list[dict[str, Any]]
    columns: list[Column]
    title: str | None = None
    summary: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lang: Lang = "en"
    data: Any = None
    """What ``json`` writes instead of the rows, when a command has a richer document."""
    key: int = 0
    """The column repeated in every block when a table is split into column blocks."""


def records_of(result: Any) -> list[dict[str, Any]]:
    """Records from a DataFrame (its named or non-default index as a column) or an iterable of mappings."""
    if hasattr(result, "to_dict") and hasattr(result, "columns"):
        frame = result
        if frame.index.name is not None or not _plain_index(frame):
            frame = frame.reset_index()
        return [{str(k): _plain(v) for k, v in rec.items()} for rec in frame.to_dict("records")]
    return [{str(k): _plain(v) for k, v in dict(r).items()} for r in result]


def _plain_index(frame: Any) -> bool:
    index = frame.index
    return type(index).__name__ == "RangeIndex" and index.start == 0 and index.step == 1


def _plain(value: Any) -> Any:
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


def _keys(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every key of some records, in the order they first appear."""
    return list(dict.fromkeys(k for r in rows for k in r))


def default_columns(rows: Sequence[Mapping[str, Any]]) -> list[Column]:
    """Every key people read: ids with a ``_label`` beside them show the label."""
    keys = _keys(rows)
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
        return ("\n" if any(" " in p for p in parts) else ", ").join(parts)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {cell_text(v, name, lang)}" for k, v in value.items())
    if name == "verdict" or name.startswith("verdict"):
        return i18n.verdict(value, lang) if value in i18n.VERDICTS else str(value)
    if name in WORD_COLUMNS:
        return i18n.word(str(value), lang)
    return str(value)


def _shown(table: Table, row: Mapping[str, Any], col: Column) -> str:
    label_key = f"{col.name}_label"
    # A label, even a missing one, is what people read.
    value = row[label_key] if label_key in row else row.get(col.name)
    if col.show is not None:
        return col.show(value)
    return cell_text(value, col.name, table.lang)


def _align(col: Column, rows: Sequence[Mapping[str, Any]], rtl: bool) -> str:
    if col.align:
        return col.align
    values = [r.get(col.name) for r in rows if r.get(col.name) is not None]
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "right"
    return "right" if rtl else "left"


def _verdict_of(row: Mapping[str, Any]) -> str | None:
    v = row.get("verdict")
    return str(v) if v is not None and str(v) in text.COLORS else None


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


# --- machine formats


def json_default(value: Any) -> Any:
    """JSON for dates, sets and numpy scalars."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    plain = _plain(value)
    if plain is not value:
        return plain
    return str(value)


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


def to_json(table: Table) -> str:
    """The records (or the table's richer ``data``) as JSON: ids and labels, NaN as null."""
    data = table.rows if table.data is None else table.data
    return json.dumps(_json_safe(data), ensure_ascii=False, indent=2, default=json_default)


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
    return _keys(table.rows) or [c.name for c in table.columns]


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


# --- text


def _cells(table: Table) -> tuple[list[str], list[list[str]], list[str]]:
    rtl = table.lang in i18n.RTL
    headers = [c.header if c.header is not None else i18n.header(c.name, table.lang) for c in table.columns]
    rows = [[_shown(table, r, c) for c in table.columns] for r in table.rows]
    aligns = [_align(c, table.rows, rtl) for c in table.columns]
    return headers, rows, aligns


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
    fitted = fmt not in _UNFITTED

    def overhead(n: int) -> int:
        if style is not None:
            return text.overhead(style, n)
        return _tabulate_overhead(fmt, n)

    headers, rows, aligns = _cells(table)
    optional = [i for i, c in enumerate(table.columns) if c.optional]
    if fitted and optional and not text.fits_words(headers, rows, width - overhead(len(headers))):
        keep = [c for c in table.columns if not c.optional]
        table = replace(table, columns=keep)
        headers, rows, aligns = _cells(table)
    for i, col in enumerate(table.columns):
        if col.group:
            previous = None
            for r in rows:
                r[i], previous = ("" if r[i] == previous else r[i]), r[i]
    rtl = table.lang in i18n.RTL
    verdicts = [_verdict_of(r) for r in table.rows]

    def natural_widths(h: list[str], body: list[list[str]]) -> list[int]:
        return [max([text.natural_width(x)] + [text.natural_width(b[i]) for b in body]) for i, x in enumerate(h)]

    def one_block(cols: list[int]) -> str:
        h = [headers[i] for i in cols]
        body = [[r[i] for i in cols] for r in rows]
        al = [aligns[i] for i in cols]
        names = [table.columns[i].name for i in cols]
        if rtl:
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
        return _tabulate(h, body, al, fmt)

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


def _tabulate(headers: Sequence[str], rows: Sequence[Sequence[str]], aligns: Sequence[str], fmt: str) -> str:
    from tabulate import tabulate

    return str(tabulate(rows, headers=list(headers), tablefmt=fmt, disable_numparse=True,
                        colalign=list(aligns) if rows else None))


_OVERHEADS: dict[tuple[str, int], int] = {}


def _tabulate_overhead(fmt: str, n: int) -> int:
    """Columns a tabulate format spends on borders, measured on a one-row table."""
    if (fmt, n) not in _OVERHEADS:
        drawn = _tabulate(["x"] * n, [["x"] * n], ["left"] * n, fmt)
        _OVERHEADS[(fmt, n)] = max(text.display_width(line) for line in drawn.splitlines()) - n
    return _OVERHEADS[(fmt, n)]


# --- markup


def _md_cell(s: str) -> str:
    return html.escape(s, quote=False).replace("|", "\\|").replace("\n", "<br>")


def to_markdown(table: Table) -> str:
    """A Markdown page: the title as a heading, a pipe table, the summary as paragraphs."""
    headers, rows, aligns = _cells(table)
    if table.lang in i18n.RTL:
        headers, rows, aligns = headers[::-1], [r[::-1] for r in rows], aligns[::-1]
    rule = ["---:" if a == "right" else ":---" for a in aligns]
    lines = []
    if table.title:
        first, *rest = table.title.split("\n")
        lines += ["## " + _md_cell(first), ""]
        lines += [f"{_md_cell(line)}  " for line in rest if line.strip()]
        lines += [""] if rest else []
    lines.append("| " + " | ".join(_md_cell(h) for h in headers) + " |")
    lines.append("| " + " | ".join(rule) + " |")
    lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
    for p in [*table.summary, *table.notes]:
        lines += ["", _md_cell(p)]
    return "\n".join(lines)


VERDICT_COLORS: dict[str, tuple[str, str]] = {
    "agree": ("#0f4d12", "#d7f0d8"),
    "close": ("#2f4d0b", "#e3f3cc"),
    "bridgeable": ("#5c4300", "#fff1c2"),
    "apart": ("#7a0d16", "#fbd5d8"),
    "deferred": ("#3b2a66", "#e6e1f2"),
    "one_sided": ("#333333", "#eeeeee"),
    "silent": ("#555555", "#f7f7f7"),
}
"""(text, background) per verdict on a light page: both set, so a dark notebook theme reads them too."""

VERDICT_DARK_COLORS: dict[str, tuple[str, str]] = {
    "agree": ("#c9f2cc", "#173d1a"),
    "close": ("#e0f5c0", "#2b3d14"),
    "bridgeable": ("#ffe9a6", "#47390b"),
    "apart": ("#ffd0d4", "#4d1419"),
    "deferred": ("#ddd3ff", "#2f2747"),
    "one_sided": ("#dddddd", "#2e2e2e"),
    "silent": ("#bbbbbb", "#222222"),
}
"""(text, background) per verdict where the page prefers a dark scheme."""


def _verdict_variables(colors: Mapping[str, tuple[str, str]]) -> str:
    return "\n".join(f"  --{v}-bg: {bg}; --{v}-fg: {fg};" for v, (fg, bg) in colors.items())


VERDICT_STYLE = f"""\
:root {{ color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --rule: #c8c8c8; --muted: #5a5a5a;
{_verdict_variables(VERDICT_COLORS)} }}
@media (prefers-color-scheme: dark) {{ :root {{ --fg: #e8e8e8; --bg: #151515; --rule: #444444; --muted: #aaaaaa;
{_verdict_variables(VERDICT_DARK_COLORS)} }} }}
""" + """\
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", sans-serif;
  color: var(--fg); background: var(--bg); margin: 1.5rem; line-height: 1.4; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.5rem; vertical-align: top; text-align: start; }
td { unicode-bidi: plaintext; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
.v-agree { background: var(--agree-bg); color: var(--agree-fg); }
.v-close { background: var(--close-bg); color: var(--close-fg); }
.v-bridgeable { background: var(--bridgeable-bg); color: var(--bridgeable-fg); }
.v-apart { background: var(--apart-bg); color: var(--apart-fg); }
.v-deferred { background: var(--deferred-bg); color: var(--deferred-fg); }
.v-one_sided { background: var(--one_sided-bg); color: var(--one_sided-fg); }
.v-silent { background: var(--silent-bg); color: var(--silent-fg); }
.muted { color: var(--muted); }
@media print { body { margin: 0; } a { color: inherit; } tr { break-inside: avoid; } }
"""
"""Verdict colours that set text and background, for light and dark schemes."""


_LTR_RUN = re.compile(r"[/~.]?[A-Za-z0-9][^\u0590-\u08FF\n()\[\]{}]*[A-Za-z0-9%]|[A-Za-z0-9]")
"""A run of Latin letters and digits (with what lies between them, brackets excepted, so
pairs of brackets stay outside and are mirrored together) in right-to-left text."""


def bidi_html(text: str, lang: Lang) -> str:
    """``text`` escaped for HTML; in a right-to-left language each Latin or numeric run is
    isolated left to right, so ``2022-04-15``, ids and party codes keep their order."""
    if lang not in i18n.RTL:
        return html.escape(text)
    out, pos = [], 0
    for m in _LTR_RUN.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        out.append(f'<bdi dir="ltr">{html.escape(m.group())}</bdi>')
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def html_table(table: Table) -> str:
    """The table as an escaped HTML ``<table>``; rows carry their verdict as a class."""
    headers, rows, _ = _cells(table)
    aligns = [_align(c, table.rows, False) for c in table.columns]
    lang = table.lang
    head = "".join(f"<th>{bidi_html(h, lang)}</th>" for h in headers)
    body = []
    for rec, cells in zip(table.rows, rows, strict=True):
        v = _verdict_of(rec)
        cls = f' class="v-{v}"' if v else ""
        tds = "".join(
            f'<td{" class=num" if a == "right" else ""}>{bidi_html(c, lang).replace(chr(10), "<br>")}</td>'
            for c, a in zip(cells, aligns, strict=True)
        )
        body.append(f"<tr{cls}>{tds}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def page_attributes(lang: Lang) -> str:
    """``lang`` and ``dir`` attributes for an HTML element."""
    direction = "rtl" if lang in i18n.RTL else "ltr"
    return f'lang="{html.escape(lang)}" dir="{direction}"'


def to_html_page(table: Table) -> str:
    """A whole UTF-8 HTML page: the title, the table, the summary; everything escaped."""
    title = html.escape((table.title or "negotiation").split("\n")[0])
    lang = table.lang
    prose = "".join(f"<p>{bidi_html(p, lang)}</p>" for p in [*table.summary, *table.notes])
    heading = ""
    if table.title:
        first, *rest = table.title.split("\n")
        heading = f"<h1>{bidi_html(first, lang)}</h1>" + "".join(
            f"<p>{bidi_html(x, lang)}</p>" for x in rest if x.strip())
    return (
        f'<!DOCTYPE html>\n<html {page_attributes(table.lang)}>\n<head>\n<meta charset="utf-8">\n'
        f"{CSP_META}"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{VERDICT_STYLE}</style>\n</head>\n<body>\n{heading}\n"
        f"{html_table(table)}\n{prose}\n</body>\n</html>\n"
    )


_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def latex_escape(s: str) -> str:
    """Text safe inside LaTeX: ``45%`` becomes ``45\\%``."""
    return "".join(_LATEX_SPECIAL.get(c, c) for c in s)


def to_latex(table: Table, fmt: str = "latex") -> str:
    """A LaTeX table (tabulate's ``latex``, ``latex_booktabs`` or ``latex_longtable``), prose escaped."""
    headers, rows, aligns = _cells(table)
    if table.lang in i18n.RTL:
        headers, rows, aligns = headers[::-1], [r[::-1] for r in rows], aligns[::-1]
    raw = {"latex": "latex_raw", "latex_booktabs": "latex_booktabs", "latex_longtable": "latex_longtable"}[fmt]

    def cell(s: str) -> str:  # tabulate escapes booktabs and longtable cells itself
        s = s.replace("\n", " ")
        return latex_escape(s) if raw == "latex_raw" else s

    body = _tabulate([cell(h) for h in headers], [[cell(c) for c in r] for r in rows], aligns, raw)
    lines = []
    if table.title:
        lines += [latex_escape(table.title) + r"\par", ""]
    lines.append(body)
    for p in [*table.summary, *table.notes]:
        lines += ["", latex_escape(p) + r"\par"]
    return "\n".join(lines)


def table_of(result: Any, *, lang: Lang = "en", title: str | None = None,
             summary: Sequence[str] | str | None = None, columns: Iterable[Column | str] | None = None,
             notes: Sequence[str] = (), data: Any = None, key: int = 0) -> Table:
    """A :class:`Table` from a DataFrame, records, or a Table (returned with what is given added)."""
    if isinstance(result, Table):
        if title is not None:
            result.title = title
        if summary is not None:
            result.summary = [summary] if isinstance(summary, str) else list(summary)
        if columns is not None:
            result.columns = [c if isinstance(c, Column) else Column(c) for c in columns]
        result.notes = [*result.notes, *notes]
        if data is not None:
            result.data = data
        return result
    rows = records_of(result)
    if columns is not None:
        cols = [c if isinstance(c, Column) else Column(c) for c in columns]
    else:
        cols = default_columns(rows)
    lines = [summary] if isinstance(summary, str) else list(summary or [])
    return Table(rows=rows, columns=cols, title=title, summary=lines, notes=list(notes), lang=lang, data=data, key=key)
