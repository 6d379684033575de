"""Left-to-right text inside right-to-left output: found once, isolated per medium.

An Arabic sentence that embeds an id, a date, a URL, a number with a Latin unit or a quote
in English, Russian or Ukrainian is laid out by the Unicode bidi algorithm, which gives the
neutral characters around and inside the embedded run (brackets, commas, full stops,
hyphens at its edge) to the Arabic around it: ``(us-28-point-2025-11)`` or a quote's final
full stop land on the wrong side. Each such run is *isolated* so that it is laid out on its
own, left to right, and the punctuation stays put:

- in HTML, ``<bdi dir="ltr">…</bdi>`` (:func:`bidi_html`);
- in markdown and terminal text, LRI U+2066 … PDI U+2069 (:func:`isolate`), invisible and
  zero columns wide (``wcwidth`` and so tabulate measure them as 0, so grids stay aligned).

A run (:data:`LTR_RUN`) starts and ends with a letter of a left-to-right script (Latin,
Greek, Cyrillic) or a digit, and holds whatever lies between them except right-to-left
letters, line breaks, brackets (a pair stays outside, mirrored together), quotation marks,
our own separators (``·``, the Arabic comma and semicolon, the leftward arrow ``←`` that
Arabic sentences use) and table rules. Inside a run, words with letters stay together (an
English title), a number beside a word stays with it when no punctuation parts them
(``600 km``), and numbers on their own are isolated one by one (``28 ← 20: 11`` keeps the
Arabic sentence's order); punctuation at a run's end is the sentence's. A text that has no
right-to-left letter at all (an English note or quote in an Arabic table) is one run, end to
end, so that its final full stop stays at its end. Languages written left to right are
returned unchanged.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["LRI", "LTR_RUN", "PDI", "bidi_html", "isolate", "isolate_cells", "isolate_prose", "ltr_block",
           "strip_isolates"]

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
"""Left-to-right isolate, first-strong isolate, pop directional isolate."""

_RTL_LETTERS = "\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF"
_LTR_CHAR = "A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u052F"
_BREAKS = "\n()\\[\\]{}«»“”„\"·،؛←↔│|"

LTR_RUN = re.compile(
    rf"[/~.]?[{_LTR_CHAR}][^{_RTL_LETTERS}{_BREAKS}]*[{_LTR_CHAR}%]|[{_LTR_CHAR}]"
)
"""A left-to-right run inside right-to-left text (see the module's docstring)."""

_RTL = re.compile(f"[{_RTL_LETTERS}]")
_ISOLATES = re.compile("[\u2066-\u2069]")
_WORD = re.compile(r"\S+")
_NUMBER = re.compile(r"[0-9]+(?:[.,:/-][0-9]+)*%?")
_LETTER = re.compile(f"[{_LTR_CHAR.replace('0-9', '')}]")
_ONE_WORD = re.compile(rf"[{_LTR_CHAR}](?:[^\s{_RTL_LETTERS}]*[{_LTR_CHAR}%])?")


def _rtl(lang: str) -> bool:
    from negotiation.render.i18n import RTL

    return lang in RTL


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the left-to-right runs of ``text`` are (start, end)."""
    if not _RTL.search(text):
        stripped = text.strip()
        if not re.search(f"[{_LTR_CHAR}]", stripped):
            return []
        start = text.index(stripped)
        return [(start, start + len(stripped))]
    spans: list[tuple[int, int]] = []
    for m in LTR_RUN.finditer(text):
        # Words with letters run together (an English phrase), and so does a number beside a word
        # with no punctuation between them (600 km); numbers on their own are isolated one by one.
        groups: list[list[re.Match[str]]] = []
        for w in _WORD.finditer(text, m.start(), m.end()):
            last = groups[-1][-1] if groups else None
            if last is not None and _joined(last.group(), w.group()):
                groups[-1].append(w)
            else:
                groups.append([w])
        for g in groups:
            if any(_LETTER.search(w.group()) for w in g):
                spans.append(_trimmed(text, (g[0].start(), g[-1].end())))
            else:
                spans += [n.span() for n in _NUMBER.finditer(text, g[0].start(), g[-1].end())]
    return spans


def _joined(left: str, right: str) -> bool:
    """Whether two neighbouring words of a left-to-right run belong to one isolate."""
    lettered = bool(_LETTER.search(left)), bool(_LETTER.search(right))
    return all(lettered) or (any(lettered) and left[-1] not in ":;,")


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span without the punctuation at its end (``RU:`` → ``RU``): that belongs to the sentence around it."""
    start, end = span
    while end > start + 1 and not re.match(f"[{_LTR_CHAR}%]", text[end - 1]):
        end -= 1
    return start, end


def isolate(text: str, lang: str) -> str:
    """``text`` with each left-to-right run between LRI and PDI, in a right-to-left ``lang``.

    Lines are isolated one by one (a terminal lays out each line on its own), so wrap a text
    before isolating it. Text that already holds isolates is returned unchanged, and so is a
    line that is one left-to-right word alone (an id, a date, a number: a cell of its own),
    which the bidi algorithm already lays out whole, and runs of digits without letters (numbers
    are laid out in the Arabic reading order: ``15/43 (35%)`` reads 15/43 first). Only runs with
    a letter (ids, codes, URLs, English text, numbers with a Latin unit) are isolated.
    :func:`bidi_html` isolates every run, digits too, since ``<bdi>`` costs a reader nothing.

    >>> isolate("المدونة: tests/data (2 وثيقة)", "ar") == "المدونة: \\u2066tests/data\\u2069 (2 وثيقة)"
    True
    """
    if not _rtl(lang) or not text or _ISOLATES.search(text):
        return text
    if "\n" in text:
        return "\n".join(isolate(line, lang) for line in text.split("\n"))
    if _ONE_WORD.fullmatch(text):
        return text  # an id, a date or a number alone: laid out left to right as it is, no isolate needed
    out, pos = [], 0
    for start, end in _spans(text):
        if not _LETTER.search(text, start, end):
            continue  # digits alone: the bidi algorithm lays numbers out in the Arabic reading order
        out += [text[pos:start], LRI, text[start:end], PDI]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def isolate_cells(rows: Sequence[Sequence[str]], lang: str) -> list[list[str]]:
    """Every cell of ``rows`` isolated (each line of a wrapped cell on its own)."""
    return [[isolate(c, lang) for c in r] for r in rows]


def isolate_prose(table: T) -> T:
    """A :class:`~negotiation.render.table.Table` with its title, summary and notes isolated
    (each line on its own; wrap them first where they wrap)."""
    from dataclasses import replace

    t: Any = table
    lang = t.lang
    return replace(t, title=t.title and isolate(t.title, lang), summary=[isolate(p, lang) for p in t.summary],  # type: ignore[no-any-return]
                   notes=[isolate(p, lang) for p in t.notes])


def strip_isolates(text: str) -> str:
    """``text`` without directional isolates (to compare or measure what a reader sees)."""
    return _ISOLATES.sub("", text)


def ltr_block(fragment: str, text: str, lang: str) -> str:
    """An HTML ``fragment`` (``text`` already marked up, e.g. a word diff) in ``<bdi dir="ltr">``
    when ``lang`` is right to left and ``text`` has left-to-right letters and no right-to-left ones."""
    if not _rtl(lang) or _RTL.search(text) or not _LETTER.search(text):
        return fragment
    return f'<bdi dir="ltr">{fragment}</bdi>'


def bidi_html(text: str, lang: str) -> str:
    """``text`` escaped for HTML; in a right-to-left language each left-to-right run is in
    ``<bdi dir="ltr">``, so ``2022-04-15``, ids, party codes and English quotes keep their order."""
    if not _rtl(lang):
        return html.escape(text)
    out, pos = [], 0
    for start, end in _spans(text):
        out.append(html.escape(text[pos:start]))
        out.append(f'<bdi dir="ltr">{html.escape(text[start:end])}</bdi>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)
