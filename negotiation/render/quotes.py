"""``--quotes``: each stance's quote with its citation, for ``show``, ``compare`` and ``sources``.

One block per stance: the issue's label, the quote in its own language (marked when it is a
translation or a paraphrase), then the outlet, the source's date and the full URL on a line
of its own, never wrapped, so that it can be clicked or copied. On a terminal (standard
output a tty, colour allowed) the outlet is also an OSC 8 hyperlink to the URL. A stance
whose source has no URL says why (its ``no_url_reason``: a printed primary text, or an
article whose page cannot be found). Readers see outlets and dates, never internal source keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from negotiation.model.models import Document, Taxonomy
from negotiation.render import i18n
from negotiation.render.bidi import LRI, PDI
from negotiation.render.sanitize import terminal_text

__all__ = ["quotes_text"]


def _link(text: str, url: str) -> str:
    """``text`` as an OSC 8 hyperlink to ``url`` (terminals that do not know OSC 8 show the text)."""
    return f"\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\"


def _wrapped(line: str, width: int | None) -> list[str]:
    """``line`` wrapped at spaces to ``width`` (its indent repeated), ``None``: one line.

    An isolate (U+2066…U+2069) cut by the wrap is closed at the end of its line and
    reopened on the next, so that each line stands alone."""
    if width is None:
        return [line]
    from negotiation.render.text import wrap

    indent = line[: len(line) - len(line.lstrip(" "))]
    out, open_ = [], False
    for piece in wrap(line, max(10, width - len(indent))):
        piece = (LRI if open_ else "") + piece
        open_ = piece.rfind(LRI) > piece.rfind(PDI)
        out.append(indent + piece + (PDI if open_ else ""))
    return out


def quotes_text(documents: Iterable[tuple[str, Document]], taxonomy: Taxonomy, lang: str = "en", *,
                hyperlinks: bool = False, width: int | None = None) -> str:
    """The quotes block for ``documents`` (``(label, document)`` pairs, e.g. ``("A", doc)``).

    ``hyperlinks`` writes the outlet as an OSC 8 link (only for a terminal); the URL is
    always written in full on its own line. In Arabic, left-to-right runs (URLs, ids,
    dates, quotes in other scripts) are isolated with U+2066/U+2069. ``width`` wraps the
    issue, quote and outlet lines at spaces (never the URL line); ``None`` leaves them whole.
    """
    rtl = lang in i18n.RTL

    def iso(s: str) -> str:
        return f"{LRI}{s}{PDI}" if rtl else s

    lines = [i18n.say("cite_title", lang), ""]
    for label, doc in documents:
        for issue_id, stance in doc.stances.items():
            issue = taxonomy.issues.get(issue_id)
            name = issue.label(lang) if issue is not None else issue_id
            head = f"{label}: {name}" if label else name
            lines.extend(_wrapped(terminal_text(head), width))
            if stance.quote:
                kind = stance.quote_kind.value
                mark = f" ({i18n.say('cite_' + kind, lang)})" if kind != "verbatim" else ""
                lines.extend(_wrapped(terminal_text(f"  “{iso(stance.quote)}”{mark}"), width))
            else:
                lines.append(f"  {i18n.say('cite_no_quote', lang)}")
            source = doc.source_of(issue_id)
            if source is None:
                continue
            outlet = iso(terminal_text(source.outlet))
            if hyperlinks and source.url:
                outlet = _link(outlet, terminal_text(source.url))
            lines.extend(_wrapped(f"  {outlet}, {iso(source.date.isoformat())}", None if hyperlinks else width))
            if source.url:
                lines.append(f"  {terminal_text(source.url)}")
            elif source.no_url_reason:  # the corpus's own words: why there is no URL
                reason = i18n.say("cite_no_url_because", lang, reason=iso(terminal_text(source.no_url_reason)))
                lines.extend(_wrapped(f"  ({reason})", None if hyperlinks else width))
            else:
                lines.append(f"  ({i18n.say('cite_no_url_printed', lang)})")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
