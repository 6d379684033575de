"""Citations that travel with the numbers: each stance's quote, outlet, title, date and URL.

``show``, ``compare`` and ``sources`` put a stance's citation into its record, so that csv,
tsv and json carry it beside the value (:data:`CITATION_KEYS`; a comparison has each key
twice, ``quote_a`` … ``url_b``), and an HTML page lists them under the table as links
(:func:`citations_html`). Readers see the outlet, title and date, never the corpus's
internal source keys (``seed-000``); a source without a URL says why
(``no_url_reason``). Everything here is text from the corpus: the HTML is escaped, and
a link is written only for an http(s) or mailto URL.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from negotiation.render import i18n
from negotiation.render.i18n import Lang
from negotiation.render.sanitize import safe_url

if TYPE_CHECKING:  # the snapshot path (cli/snapshot.py) builds records without importing pydantic
    from negotiation.model.models import Document, Stance

__all__ = ["CITATION_KEYS", "NO_CITATION", "Citation", "citation_of", "citations_html"]

CITATION_KEYS = ("quote", "quote_kind", "source_outlet", "source_title", "source_date", "url", "no_url_reason")
"""The keys a stance's citation adds to its record (the names of ``negotiation export``'s columns)."""


@dataclass(frozen=True, slots=True)
class Citation:
    """What a reader needs to check one stance: the quote and where it was published.

    ``date`` is the source's date (ISO), ``quote_kind`` ``verbatim``, ``translation`` or
    ``paraphrase``; ``url`` or ``no_url_reason`` says where to read it or why one cannot.
    """

    quote: str | None = None
    quote_kind: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    no_url_reason: str | None = None

    def record(self, suffix: str = "") -> dict[str, Any]:
        """The citation as record keys (:data:`CITATION_KEYS`), each with ``suffix`` (``"_a"``)."""
        values = (self.quote, self.quote_kind, self.outlet, self.title, self.date, self.url, self.no_url_reason)
        return {f"{k}{suffix}": v for k, v in zip(CITATION_KEYS, values, strict=True)}

    @classmethod
    def from_record(cls, row: Mapping[str, Any], suffix: str = "") -> Citation:
        """The citation held in a record's keys (the inverse of :meth:`record`)."""
        return cls(*(row.get(f"{k}{suffix}") for k in CITATION_KEYS))

    @property
    def empty(self) -> bool:
        """Whether there is nothing to cite (a silent side)."""
        return self.quote is None and self.outlet is None


NO_CITATION = Citation()
"""The citation of a silent side: every key empty."""


def citation_of(doc: Document, stance: Stance | None) -> Citation:
    """The citation of ``stance``, one of ``doc``'s stances (empty where the document is silent)."""
    if stance is None:
        return NO_CITATION
    quote = stance.quote or None
    kind = stance.quote_kind.value if quote else None
    try:
        source = doc.source(stance.source)
    except KeyError:
        return Citation(quote, kind)
    return Citation(quote, kind, source.outlet, source.title, source.date.isoformat(), source.url or None,
                    source.no_url_reason)


# --- HTML


def _sides(rows: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    keys = {k for r in rows for k in r}
    if "source_outlet_a" in keys:
        return ("a", "b")
    return ("",) if "source_outlet" in keys else ()


def _bdi(text: str) -> str:
    return f"<bdi>{html.escape(text)}</bdi>"


def _item(head: str, c: Citation, lang: Lang) -> str:
    parts = [f"<b>{_bdi(head)}</b>"] if head else []
    if c.quote:
        mark = "" if c.quote_kind in (None, "verbatim") else f" ({html.escape(i18n.say('cite_' + c.quote_kind, lang))})"
        parts.append(f"<q>{_bdi(c.quote)}</q>{mark}")
    where = []
    if c.outlet:
        outlet = _bdi(c.outlet)
        if c.url and safe_url(c.url):
            outlet = f'<a href="{html.escape(c.url.strip(), quote=True)}">{outlet}</a>'
        where.append(outlet)
    if c.title:
        where.append(f"<cite>{_bdi(c.title)}</cite>")
    if c.date:
        where.append(_bdi(c.date))
    if where:
        parts.append(i18n.say("comma", lang).join(where))
    if c.url:
        parts.append(f'<span class="url">{_bdi(c.url)}</span>')
    elif c.outlet:
        if c.no_url_reason:
            template = html.escape(i18n.say("cite_no_url_because", lang, reason="{reason}"))
            why = template.replace("{reason}", _bdi(c.no_url_reason))
        else:
            why = html.escape(i18n.say("cite_no_url", lang))
        parts.append(f'<span class="no-url">({why})</span>')
    return "<li>" + " · ".join(parts) + "</li>"


def citations_html(rows: Sequence[Mapping[str, Any]], lang: Lang = "en") -> str:
    """The quotes and sources of a table's records as an HTML list ("" where they carry none).

    One item per stance: the issue (with its side, in a comparison), the quote, the outlet
    as a link to the URL, the title and date, and the URL in full (or why there is none).
    """
    sides = _sides(rows)
    items = []
    for side in sides:
        suffix = f"_{side}" if side else ""
        for row in rows:
            c = Citation.from_record(row, suffix)
            if c.empty:
                continue
            issue = str(row.get("issue_label") or row.get("issue") or "")
            head = f"{i18n.side(side, lang)}: {issue}" if side else issue
            items.append(_item(head, c, lang))
    if not items:
        return ""
    title = html.escape(i18n.say("cite_title", lang))
    return f'<section class="citations">\n<h2>{title}</h2>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</section>\n"
