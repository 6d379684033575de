"""Markup formats: markdown, a whole HTML page (or a bare table), LaTeX; everything escaped."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from negotiation.render import i18n
from negotiation.render.bidi import bidi_html, isolate_cells, isolate_prose
from negotiation.render.citations import citations_html
from negotiation.render.i18n import Lang
from negotiation.render.palette import verdict_style
from negotiation.render.sanitize import CSP_META, markdown_links
from negotiation.render.table import Table, align_of, cells, verdict_of
from negotiation.render.text_table import tabulate_table

_MARKDOWN_SPECIAL = re.compile(r"[\\`*|~]|(?<![^\W_])_|_(?![^\W_])|(?<=!)\[")
_MARKDOWN_LEAD = re.compile(r"^(?=#)", re.MULTILINE)
"""What markdown would read as markup in corpus text: backslash, code, emphasis, a table's
``|``, strikethrough, ``_`` at a word's edge (``army_cap`` stays as it is), an image's ``![``,
a heading's leading ``#`` (on a line of prose). ``<``, ``>`` and ``&`` are HTML-escaped; links to schemes other
than http(s) and mailto are broken (:func:`~negotiation.render.sanitize.markdown_links`)."""

_RST_SPECIAL = re.compile(r"[\\`*|]|(?<![^\W_])_|_(?![^\W_])")
_RST_LEAD = re.compile(r"^(?=\.\.)", re.MULTILINE)
"""What reStructuredText would read as markup: backslash, interpreted text and literals,
emphasis, substitutions, references (``name_``, ``[1]_``), and a directive's leading ``..`` (prose)."""

_RST_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data|file):")
"""URI schemes docutils would make a link of; their colon is escaped, so they stay text."""

_ORG_LEAD = re.compile(r"^(?=[#*|:])", re.MULTILINE)
"""A line that Org would read as a keyword (``#+INCLUDE:``), a comment, a heading, a table row
or a fixed-width line (prose, not cells); Org's escape character, a zero-width space, goes before it."""


def markdown_text(s: str, *, lead: bool = True) -> str:
    """Corpus text as markdown that shows it as written: markup characters escaped, HTML
    escaped, links only to http(s) and mailto, so pasting it into a page injects nothing.

    >>> markdown_text("a | b <script> *x* # not_a_heading")
    'a \\\\| b &lt;script&gt; \\\\*x\\\\* # not_a_heading'
    """
    s = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), html.escape(s, quote=False))
    return markdown_links(_MARKDOWN_LEAD.sub("\\\\", s) if lead else s)


def rst_text(s: str, *, lead: bool = True) -> str:
    """Corpus text as reStructuredText that shows it as written (markup backslash-escaped)."""
    s = _RST_SCHEME.sub(r"\1\\:", _RST_SPECIAL.sub(lambda m: "\\" + m.group(), s))
    return _RST_LEAD.sub("\\\\", s) if lead else s


def org_text(s: str, *, lead: bool = True) -> str:
    """Corpus text as Org that shows it as written: ``|`` as ``\\vert{}``, no ``[[`` link, no line
    read as a keyword, heading or row."""
    s = s.replace("|", "\\vert{}").replace("[[", "[\u200b[")
    return _ORG_LEAD.sub("\u200b", s) if lead else s


ESCAPES = {"github": markdown_text, "pipe": markdown_text, "markdown": markdown_text, "rst": rst_text,
           "orgtbl": org_text}
"""The escape of each markup format whose source people paste into a page."""


def escaped(table: Table, fmt: str, headers: list[str], rows: list[list[str]],
            ) -> tuple[Table, list[str], list[list[str]]]:
    """The title, summary, notes, headers and cells of ``table`` escaped for ``fmt`` (as they are
    for a format with no markup to escape). A cell of a pipe table does not start a line."""
    escape = ESCAPES.get(fmt)
    if escape is None:
        return table, headers, rows
    title = escape(table.title) if table.title else table.title
    table = replace(table, title=title, summary=[escape(p) for p in table.summary],
                    notes=[escape(p) for p in table.notes])
    lead = fmt == "rst"  # an rst cell is parsed as body text: a directive there runs
    return table, [escape(h, lead=lead) for h in headers], [[escape(c, lead=lead) for c in r] for r in rows]


def _md_cell(s: str) -> str:
    return markdown_text(s).replace("\n", "<br>")


def to_markdown(table: Table) -> str:
    """A Markdown page: the title as a heading, a pipe table, the summary as paragraphs."""
    headers, rows, aligns = cells(table)  # logical order, first column first: a right-to-left page mirrors it
    table, (headers, *rows) = isolate_prose(table), isolate_cells([headers, *rows], table.lang)
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



def html_table(table: Table) -> str:
    """The table as an escaped HTML ``<table>``; rows carry their verdict as a class."""
    headers, rows, _ = cells(table)
    aligns = [align_of(c, table.rows, False) for c in table.columns]
    lang = table.lang
    head = "".join(f"<th>{bidi_html(h, lang)}</th>" for h in headers)
    body = []
    for rec, row_cells in zip(table.rows, rows, strict=True):
        v = verdict_of(rec)
        cls = f' class="v-{v}"' if v else ""
        tds = "".join(
            f'<td{" class=num" if a == "right" else ""}>{bidi_html(c, lang).replace(chr(10), "<br>")}</td>'
            for c, a in zip(row_cells, aligns, strict=True)
        )
        body.append(f"<tr{cls}>{tds}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def page_attributes(lang: Lang) -> str:
    """``lang`` and ``dir`` attributes for an HTML element."""
    direction = "rtl" if lang in i18n.RTL else "ltr"
    return f'lang="{html.escape(lang)}" dir="{direction}"'


def to_html_page(table: Table) -> str:
    """A whole UTF-8 HTML page: the title, the table, the quotes and sources of the stances it
    shows (:func:`~negotiation.render.citations.citations_html`), the summary; everything escaped."""
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
        f"<title>{title}</title>\n<style>\n{verdict_style()}</style>\n</head>\n<body>\n{heading}\n"
        f"{html_table(table)}\n{citations_html(table.rows, lang)}{prose}\n</body>\n</html>\n"
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
    headers, rows, aligns = cells(table)  # logical order, first column first: a right-to-left page mirrors it
    raw = {"latex": "latex_raw", "latex_booktabs": "latex_booktabs", "latex_longtable": "latex_longtable"}[fmt]

    def cell(s: str) -> str:  # tabulate escapes booktabs and longtable cells itself
        s = s.replace("\n", " ")
        return latex_escape(s) if raw == "latex_raw" else s

    body = tabulate_table([cell(h) for h in headers], [[cell(c) for c in r] for r in rows], aligns, raw)
    lines = []
    if table.title:
        lines += [latex_escape(table.title) + r"\par", ""]
    lines.append(body)
    for p in [*table.summary, *table.notes]:
        lines += ["", latex_escape(p) + r"\par"]
    return "\n".join(lines)

