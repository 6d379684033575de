"""A self-contained report page for one comparison: ``cmp.to_html()`` and ``negotiation report``.

One HTML file, UTF-8, nothing fetched from the network (a Content-Security-Policy forbids
it, and any script): the summary, the verdict legend, the table, the dumbbell chart inlined
as SVG (when matplotlib is installed), and every stance's source, date, quote and
confidence. Every piece of data is escaped; links are kept only for http(s) addresses.
Light and dark colour schemes follow ``prefers-color-scheme``; it prints cleanly; in
Arabic it reads right to left.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING

from negotiation.errors import NegotiationError
from negotiation.model.models import Document, Stance
from negotiation.render import i18n
from negotiation.render.formats import VERDICT_STYLE, Column, bidi_html, html_table, page_attributes
from negotiation.render.i18n import Lang
from negotiation.render.report import (
    comparison_table_data,
    document_title,
    stance_text,
    summary_lines,
)

if TYPE_CHECKING:
    from negotiation.analysis.compare import Comparison

PAGE_STYLE = """\
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; }
header p { margin: 0.15rem 0; }
.summary li { margin: 0.1rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; list-style: none; }
.legend li { padding: 0.2rem 0.5rem; border-radius: 0.3rem; }
.chart svg { max-width: 100%; height: auto; background: #ffffff; border-radius: 0.3rem; }
blockquote { margin: 0; font-style: italic; }
footer { margin-top: 2rem; font-size: 0.85rem; }
table { width: 100%; }
figure { margin: 1rem 0; }
"""

from negotiation.render.sanitize import CSP, safe_url  # noqa: E402 - the one policy of every page


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(url: str | None, text: str, lang: Lang = "en") -> str:
    if safe_url(url) and url is not None:
        return f'<a href="{_e(url)}">{bidi_html(text, lang)}</a>'
    return bidi_html(text, lang)


def _chart(cmp: Comparison, lang: Lang) -> str:
    try:
        from negotiation.render.charts import dumbbell, to_svg

        # dir="ltr": the chart's own layout; its text is still shaped and ordered by the browser.
        return f'<figure class="chart" dir="ltr">{to_svg(dumbbell(cmp, lang=lang, svg=True))}</figure>'
    except (NegotiationError, ImportError):  # no matplotlib: the page is whole without the chart
        return f'<p class="muted">{_e(i18n.say("no_chart", lang))}</p>'


def _stance_rows(cmp: Comparison, lang: Lang) -> str:
    rows = []
    for d in cmp.diffs:
        for side, stance, doc in (("a", d.a, cmp.a), ("b", d.b, cmp.b)):
            if stance is None:
                continue
            rows.append(_stance_row(d.issue.label(lang), i18n.side(side, lang), stance, doc,
                                    stance_text(stance, d.issue, lang), lang))
    headers = [i18n.header(h, lang) for h in ("issue", "side", "value", "source", "date", "quote", "confidence")]
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    return f'<table class="stances"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _stance_row(issue: str, side: str, stance: Stance, doc: Document, value: str, lang: Lang) -> str:
    try:
        src = doc.source(stance.source)
        source = _link(src.url, f"{src.outlet}, “{src.title}”", lang)
        date = src.date.isoformat()
    except KeyError:
        source, date = bidi_html(stance.source, lang), ""
    quote = f"<blockquote>{bidi_html(stance.quote, lang)}</blockquote>" if stance.quote else ""
    confidence = i18n.word(stance.confidence.value, lang)
    origin = f' <span class="muted">({bidi_html(stance.document, lang)})</span>' if stance.document else ""
    cells = [_e(issue), _e(side), bidi_html(value, lang), source + origin, bidi_html(date, lang), quote, _e(confidence)]
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def report_page(cmp: Comparison, lang: Lang = "en") -> str:
    """The comparison as one self-contained, escaped, printable HTML page in ``lang``."""
    from negotiation import __version__

    table = comparison_table_data(cmp, lang)
    columns = list(table.columns)
    columns[2:4] = [Column("value_a", header=f"{i18n.side('a', lang)}: {cmp.a.id}"),
                    Column("value_b", header=f"{i18n.side('b', lang)}: {cmp.b.id}")]
    table = replace(table, columns=tuple(columns))
    title = i18n.say("report_title", lang, a=document_title(cmp.a, lang, cmp.taxonomy),
                     b=document_title(cmp.b, lang, cmp.taxonomy))
    # Each title isolated, so a Latin title in an Arabic page keeps its own order.
    title_html = i18n.say("report_title", lang, a="\0", b="\1")
    title_html = _e(title_html).replace("\0", f"<bdi>{_e(document_title(cmp.a, lang, cmp.taxonomy))}</bdi>").replace(
        "\1", f"<bdi>{_e(document_title(cmp.b, lang, cmp.taxonomy))}</bdi>")
    meaning = {v: m.get(lang) or m["en"] for v, m in i18n.VERDICT_MEANINGS.items()}
    legend = "".join(
        f'<li class="v-{v}"><strong>{_e(i18n.verdict(v, lang))}</strong>: {_e(meaning[v])}</li>'
        for v in i18n.VERDICTS if cmp.summary.counts.get(v) or v != "silent"
    )
    summary = "".join(f"<li>{bidi_html(line, lang)}</li>" for line in summary_lines(cmp, lang))
    notes = "".join(f'<p class="muted">{_e(n)}</p>' for n in table.notes)
    comma = i18n.say("comma", lang)
    heads = "".join(
        f"<p>{_e(i18n.side(side, lang))}: <bdi>{_e(document_title(doc, lang, cmp.taxonomy))}</bdi> "
        f'(<bdi dir="ltr">{_e(doc.id)}</bdi>{comma}<bdi dir="ltr">{_e(doc.date.isoformat())}</bdi>{comma}'
        f"{_e(i18n.word(doc.status, lang))})</p>"
        for side, doc in (("a", cmp.a), ("b", cmp.b))
    )
    parts = [
        "<!DOCTYPE html>",
        f"<html {page_attributes(lang)}>",
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{VERDICT_STYLE}{PAGE_STYLE}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{title_html}</h1>{heads}</header>",
        f'<section class="summary"><ul>{summary}</ul>{notes}</section>',
        f"<section><h2>{_e(i18n.say('legend', lang))}</h2><ul class=\"legend\">{legend}</ul></section>",
        f'<section class="comparison">{html_table(table)}</section>',
        f"<section>{_chart(cmp, lang)}</section>",
        f"<section><h2>{_e(i18n.say('stances_of', lang))}</h2>{_stance_rows(cmp, lang)}</section>",
        f'<footer class="muted">{bidi_html(i18n.say("generated", lang, version=__version__), lang)}</footer>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)
