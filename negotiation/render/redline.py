"""The redline as people expect it: struck words in ``<del>``, inserted words in ``<ins>``.

Point texts are compared word by word (:class:`difflib.SequenceMatcher` over words,
spaces and punctuation), so a renumbered point that "lost the constitutional ban" shows
exactly those words struck. Everything taken from the documents is escaped.
"""

from __future__ import annotations

import difflib
import html
import re
from typing import TYPE_CHECKING

from negotiation.model.labels import Lang
from negotiation.render import i18n
from negotiation.render.formats import bidi_html, page_attributes
from negotiation.render.i18n import header
from negotiation.render.sanitize import CSP_META

if TYPE_CHECKING:
    from negotiation.analysis.redline import Redline

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }
table.redline { border-collapse: collapse; width: 100%; }
table.redline th, table.redline td {
  border: 1px solid #ccc; padding: .35rem .5rem; vertical-align: top; text-align: start;
}
table.redline td { unicode-bidi: plaintext; }
h1 bdi { white-space: nowrap; }
table.redline th { background: #f0f0f0; }
table.redline del { color: #a40000; background: #fde2e2; text-decoration: line-through; }
table.redline ins { color: #0b5d1e; background: #dcf5e0; text-decoration: underline; }
table.redline .fate { white-space: nowrap; font-weight: 600; }
table.redline .unaccounted { color: #666; font-style: italic; }
table.redline .changes, table.redline .note { font-size: .9em; color: #444; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #161616; }
  table.redline th { background: #2a2a2a; }
  table.redline th, table.redline td { border-color: #444; }
  table.redline del { color: #ffb4b4; background: #4a1414; }
  table.redline ins { color: #b7f5c4; background: #123d1d; }
  table.redline .changes, table.redline .note { color: #bbb; }
  table.redline .unaccounted { color: #aaa; }
}
"""
"""Colours that read in light and dark schemes; struck red and crossed out, inserted green and underlined."""


def word_diff(old: str, new: str, *, rewrite_below: float = 0.34) -> str:
    """HTML of ``old`` → ``new`` with removed words in ``<del>`` and added words in ``<ins>``.

    Changes separated only by spaces are shown as one struck run followed by one inserted
    run, as in a hand-made redline; texts that share less than ``rewrite_below`` of their
    words are shown struck whole, then inserted whole.

    >>> word_diff("capped at 600,000", "capped at 800,000")
    'capped at <del>600</del><ins>800</ins>,000'
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    words = difflib.SequenceMatcher(None, [t for t in a if not t.isspace()], [t for t in b if not t.isspace()],
                                    autojunk=False)
    if a and b and words.ratio() < rewrite_below:
        return f"<del>{html.escape(old)}</del> <ins>{html.escape(new)}</ins>"
    ops = matcher.get_opcodes()
    out: list[str] = []
    gone: list[str] = []
    came: list[str] = []

    def flush() -> None:
        if gone:
            out.append(f"<del>{html.escape(''.join(gone))}</del>")
        if came:
            out.append(f"<ins>{html.escape(''.join(came))}</ins>")
        gone.clear()
        came.clear()

    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        between = 0 < n < len(ops) - 1 and ops[n - 1][0] != "equal" and ops[n + 1][0] != "equal"
        if op == "equal" and not (between and "".join(a[i1:i2]).isspace()):
            flush()
            out.append(html.escape("".join(a[i1:i2])))
            continue
        gone.extend(a[i1:i2])
        came.extend(b[j1:j2])
    flush()
    return "".join(out)


def _cell(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{text}</td>"


def redline_html(red: Redline, lang: Lang = "en", *, page: bool = False) -> str:
    """The redline as an HTML table (or a whole page): point numbers, fate, the marked text, moves."""
    esc = html.escape
    names = (header(n, lang) for n in ("fate", "text", "changes", "note"))
    head = "".join(f"<th>{esc(h)}</th>" for h in (red.old.id, red.new.id, *names))
    body = []
    for row in red.rows:
        if row.fate == "unaccounted":  # not known to be struck or new: shown unmarked
            text = f'<span class="unaccounted">{esc(row.old_text or row.new_text)}</span>'
        elif row.old and not row.new:
            text = f"<del>{esc(row.old_text)}</del>"
        elif not row.old and row.new:
            text = f"<ins>{esc(row.new_text)}</ins>"
        else:
            text = word_diff(row.old_text, row.new_text)
        changes = "<br>".join(esc(m.describe(red.taxonomy, lang, red.reference or "the reference")) for m in row.moves)
        body.append(
            f'<tr class="fate-{esc(row.fate)}">'
            + _cell(esc(", ".join(row.old)))
            + _cell(esc(", ".join(row.new)))
            + _cell(esc(i18n.fate(row.fate, lang)), "fate")
            + _cell(text)
            + _cell(changes, "changes")
            + _cell(esc(row.note), "note")
            + "</tr>"
        )
    table = f'<table class="redline"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    if not page:
        return f"<style>{STYLE}</style>{table}"
    title, heading = esc(red.title(lang)), bidi_html(red.title(lang), lang)
    # Point texts, notes and the summary are the analysis's English: say so, as the table does.
    fallback = [i18n.say("english_fallback", lang)] if lang != "en" else []
    summary = "".join(f"<p>{esc(line)}</p>" for line in [*red.summary(lang), *fallback] if line)
    return (
        f'<!DOCTYPE html>\n<html {page_attributes(lang)}>\n<head>\n<meta charset="utf-8">\n'
        f"{CSP_META}"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n<h1>{heading}</h1>\n{table}\n{summary}\n</body>\n</html>\n"
    )
