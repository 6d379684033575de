"""The redline as people expect it: struck words in ``<del>``, inserted words in ``<ins>``.

Point texts are compared word by word (:class:`difflib.SequenceMatcher` over words,
spaces and punctuation), so a renumbered point that "lost the constitutional ban" shows
exactly those words struck. Everything taken from the documents is escaped.
"""

from __future__ import annotations

import difflib
import html
import re
from typing import TYPE_CHECKING, Any

from negotiation.model.labels import Lang
from negotiation.render import i18n
from negotiation.render.bidi import ltr_block
from negotiation.render.formats import bidi_html, page_attributes
from negotiation.render.i18n import header
from negotiation.render.sanitize import CSP_META

if TYPE_CHECKING:
    from collections.abc import Iterable

    from negotiation.analysis.chain import ChainSummary, RedlineChain
    from negotiation.analysis.lineage import LineageNote
    from negotiation.analysis.redline import Move, Redline, RedlineRow, RedlineSummary
    from negotiation.model.models import Taxonomy

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
    head = "".join(f"<th>{bidi_html(h, lang)}</th>" for h in (red.old.id, red.new.id, *names))
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
        text = ltr_block(text, row.old_text or row.new_text or "", lang)  # the point texts are in their own language
        changes = "<br>".join(bidi_html(move_text(m, red.taxonomy, lang, red.reference), lang) for m in row.moves)
        body.append(
            f'<tr class="fate-{esc(row.fate)}">'
            + _cell(bidi_html(i18n.join(row.old, lang), lang))
            + _cell(bidi_html(i18n.join(row.new, lang), lang))
            + _cell(esc(i18n.fate(row.fate, lang)), "fate")
            + _cell(text)
            + _cell(changes, "changes")
            + _cell(bidi_html(row_note(row, lang), lang), "note")
            + "</tr>"
        )
    table = f'<table class="redline"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    if not page:
        return f"<style>{STYLE}</style>{table}"
    title, heading = esc(red.title(lang)), bidi_html(red.title(lang), lang)
    # Point texts, notes and the summary are the analysis's English: say so, as the table does.
    fallback = [i18n.say("english_fallback", lang)] if lang != "en" else []
    lines = [*summary_lines(red.summary, lang), *fallback]
    summary = "".join(f"<p>{bidi_html(line, lang)}</p>" for line in lines if line)
    return (
        f'<!DOCTYPE html>\n<html {page_attributes(lang)}>\n<head>\n<meta charset="utf-8">\n'
        f"{CSP_META}"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n<h1>{heading}</h1>\n{table}\n{summary}\n</body>\n</html>\n"
    )


# --- the words of a redline and a chain (the analyses in negotiation.analysis.redline and .chain hold data only)


def fate_label(fate: str, lang: Lang = "en") -> str:
    """A fate's name in ``lang`` (English where no translation exists; see ``i18n.FATES``)."""
    return i18n.fate(fate, lang)


steps_text = i18n.steps
"""``1 step``, ``3 steps`` in ``lang`` (:func:`negotiation.render.i18n.steps`, the one place it is written)."""


def note_text(note: LineageNote, lang: Lang = "en") -> str:
    """One lineage note in words: the corpus's own note as it is, or the sentence of its kind."""
    from negotiation.analysis.lineage import NoteKind

    if note.kind is NoteKind.DOCUMENT:
        return note.text
    return i18n.say(f"lineage_{note.kind.value}", lang, document=note.document, other=note.other,
                    points=", ".join(note.points))


def notes_text(notes: Iterable[LineageNote], lang: Lang = "en") -> str:
    """A row's lineage notes in words, each once, joined by ``; ``."""
    return "; ".join(dict.fromkeys(t for t in (note_text(n, lang) for n in notes) if t))


def move_words(move: Move, lang: Lang = "en") -> tuple[str, str, str]:
    """A move's issue label and its stances before and after, in ``lang`` ("" where a side has none)."""
    from negotiation.render.report import stance_text

    issue = move.subject
    if issue is None:
        return move.issue, "", ""
    return (issue.label(lang), stance_text(move.before_stance, issue, lang),
            stance_text(move.after_stance, issue, lang))


def move_text(move: Move, taxonomy: Taxonomy | None = None, lang: Lang = "en", reference: str | None = None) -> str:
    """One readable phrase: ``NATO membership: barred → open door (2 steps, toward …)``."""
    reference = reference or i18n.say("the_reference", lang)
    label, before, after = move_words(move, lang)
    if move.change == "added":
        return f"{label}: + {after}"
    arrow = i18n.say("arrow", lang)
    if move.change == "dropped":
        return f"{label}: {before}{arrow}({i18n.word('silent', lang)})"
    if move.change == "deferred":
        return f"{label}: {before or '—'}{arrow}{after or '—'} ({i18n.word('deferred', lang)})"
    text = f"{label}: {before}{arrow}{after}"
    how = []
    if move.steps:
        how.append(steps_text(move.steps, lang))
    elif move.distance:
        how.append(i18n.say("of_the_scale", lang, d=i18n.decimal(move.distance, lang)))
    if move.toward in ("low", "high") and taxonomy is not None:
        how.append(i18n.say("toward", lang, pole=getattr(taxonomy.poles, move.toward).label(lang)))
    elif move.toward in ("low", "high"):
        how.append(i18n.say(f"toward_{move.toward}", lang))
    if move.closer_to == "yes":
        how.append(i18n.say("closer_to_ref", lang, ref=reference))
    elif move.closer_to == "no":
        how.append(i18n.say("further_from_ref", lang, ref=reference))
    return text + (f" ({i18n.say('comma', lang).join(how)})" if how else "")


def redline_title(red: Redline, lang: Lang = "en") -> str:
    """``Redline: <old title> (id) → <new title> (id)``, in ``lang``."""
    return i18n.say("redline_title", lang, old=f"{red.old.label(lang)} ({red.old.id})",
                    new=f"{red.new.label(lang)} ({red.new.id})")


def _counts(counts: dict[str, int], lang: Lang) -> str:
    return i18n.say("comma", lang).join(f"{v} {fate_label(k, lang)}" for k, v in counts.items())


def summary_lines(s: RedlineSummary, lang: Lang = "en") -> list[str]:
    """A redline's summary in words: the fates counted, how the points were lined up, the moves."""
    lines = [i18n.say("points_to_points", lang, old=s.old_points, new=s.new_points,
                      counts=_counts(dict(s.counts), lang) or i18n.say("no_points", lang))]
    if not (s.old_points or s.new_points):
        lines[0] = i18n.say("no_numbered_points", lang)
    elif s.basis == "suggested":
        lines.append(i18n.say("no_declared_lineage", lang))
    elif s.via:
        lines.append(i18n.say("both_revise", lang, via=s.via))
    low, high = ((s.poles.low.label(lang), s.poles.high.label(lang)) if s.poles is not None
                 else (i18n.say("toward_low", lang), i18n.say("toward_high", lang)))
    lines.append(
        i18n.say("moves", lang, n=s.moved, low=s.toward_low, low_pole=low, high=s.toward_high, high_pole=high)
        + i18n.say("semicolon", lang)
        + i18n.say("added_dropped_deferred", lang, added=s.added, dropped=s.dropped, deferred=s.deferred)
    )
    return lines



def row_note(row: RedlineRow, lang: Lang = "en") -> str:
    """A row's note in ``lang``: its lineage notes, or for a move no point is cited for, a sentence saying so."""
    text = notes_text(row.notes, lang)
    if not (row.old or row.new or text):
        return i18n.say("cites_no_point", lang)
    return text


def redline_records(red: Redline, lang: Lang = "en") -> list[dict[str, Any]]:
    """One mapping per row: point keys, fate (and its label), both texts, the moves, the note."""
    return [
        {
            "old": list(r.old),
            "new": list(r.new),
            "fate": r.fate,
            "fate_label": fate_label(r.fate, lang),
            "old_text": r.old_text,
            "new_text": r.new_text,
            "changes": i18n.say("semicolon", lang).join(
                move_text(m, red.taxonomy, lang, red.reference) for m in r.moves),
            "issues": list(r.issues),
            "moved": [m.issue for m in r.moves],
            "note": row_note(r, lang),
        }
        for r in red.rows
    ]


def chain_records(chain: RedlineChain, lang: Lang = "en") -> list[dict[str, Any]]:
    """One mapping per thread: the first text, then per document its points and fate."""
    out = []
    for t in chain.threads:
        rec: dict[str, Any] = {"point": t.text}
        for i, (keys, fate) in enumerate(zip(t.points, t.fates, strict=True)):
            cell = i18n.join(keys, lang) if keys else "—"
            if i and fate:
                cell += f" {fate_label(fate, lang)}"
            elif i and not keys:
                cell = ""
            rec[chain.column(i)] = cell
        rec["issues"] = list(t.issues)
        out.append(rec)
    return out


def chain_title(chain: RedlineChain, lang: Lang = "en") -> str:
    """``Redline chain: a → b → c`` (or ``Redline against a: b, c``), in ``lang``."""
    if chain.base == "first":
        return i18n.say("redline_against", lang, first=chain.documents[0].id,
                        others=i18n.join((d.id for d in chain.documents[1:]), lang))
    return i18n.say("redline_chain", lang, ids=i18n.say("arrow", lang).join(d.id for d in chain.documents))


def chain_summary_lines(s: ChainSummary, lang: Lang = "en") -> list[str]:
    """A chain's summary in words, one line per step: its fates counted and how its points were lined up."""
    lines = []
    for step in s.steps:
        if step.basis == "suggested":
            how = " (" + i18n.say("suggested_by_align", lang) + ")"
        elif step.via:
            how = " (" + i18n.say("through", lang, via=step.via) + ")"
        else:
            how = ""
        lines.append(f"{step.old}{i18n.say('arrow', lang)}{step.new}{how}: {_counts(dict(step.counts), lang)}")
    return lines

