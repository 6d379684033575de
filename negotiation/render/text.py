"""Text tables that fit a width: display width, wrapping inside columns, drawing.

Widths are display widths: wide (East Asian) characters count two, combining marks (Arabic
harakat) and zero-width characters none. :func:`display_width` measures them with
``wcwidth``, imported only when a string holds characters outside the plain Latin range,
so an English table costs no extra import.

A handful of formats are drawn here (``simple_grid``, ``rounded_grid``, ``grid``,
``github``, ``pipe``, ``simple``, ``plain``); they are the ones the command line uses by
default and they take colour. Every other tabulate format goes through tabulate with
the same pre-wrapped cells (see :mod:`negotiation.render.formats`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from negotiation.render.verdict_styles import STYLES as VERDICT_STYLES

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_SAFE_MAX = 0x0300  # below the combining diacritics block every character is one column wide


_NARROW = ((0x2010, 0x2027), (0x2190, 0x21FF), (0x2500, 0x259F))  # dashes, quotes, arrows, box drawing


def _simple(text: str) -> bool:
    return all(ord(c) < _SAFE_MAX or any(lo <= ord(c) <= hi for lo, hi in _NARROW) for c in text)


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes (ANSI colour codes take none)."""
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if _simple(text):
        return len(text)
    from wcwidth import wcswidth, wcwidth

    width = wcswidth(text)
    if width >= 0:
        return int(width)
    return sum(max(0, int(wcwidth(c))) for c in text)  # control characters count zero


# Where a line may break: at a plain space or tab, nowhere else. No-break spaces (U+00A0,
# U+2007, U+202F) and the word joiner hold their neighbours together, and hyphens, slashes,
# dots and digits never break, so ids, URLs, dates, numbers and quotes stay whole.
_BREAKS = re.compile(r"[ \t]+")
# A lone mark such as the stale dagger in "2022-04-15 †" or a closing quote rides with the
# word before it; a lone opening quote or bracket with the word after it.
_TRAILING = re.compile(r"[†‡*§¶»”’)\]}:;,.!?%]+")
_LEADING = re.compile(r"[«“‘(\[{]+")


def tokens(paragraph: str) -> list[str]:
    """The unbreakable pieces of a paragraph: the text between breakable spaces, a lone
    mark joined to its neighbour (``"2022-04-15 †"`` is one token)."""
    out: list[str] = []
    lead = ""
    for word in _BREAKS.split(paragraph.strip(" \t")):
        if not word:
            continue
        if out and not lead and _TRAILING.fullmatch(word):
            out[-1] += " " + word
        elif _LEADING.fullmatch(word):
            lead += word + " "
        else:
            out.append(lead + word)
            lead = ""
    if lead:
        out.append(lead.rstrip())
    return out


def wrap(text: str, width: int, *, hyphens: bool = False) -> list[str]:
    """Word-wrap ``text`` to lines of at most ``width`` display columns; explicit newlines kept.

    Lines break at plain spaces only (see :func:`tokens`): a word longer than ``width`` is
    put on a line of its own, whole, and overflows it; never broken. ``hyphens`` is
    accepted for old callers and ignored.
    """
    del hyphens
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0
        for piece in tokens(paragraph):
            w = display_width(piece)
            if current and used + 1 + w > width:
                lines.append(current)
                current, used = piece, w
            elif current:
                current, used = current + " " + piece, used + 1 + w
            else:
                current, used = piece, w
        lines.append(current)
    return lines


def wrap_paragraph(text: str, width: int) -> str:
    """A paragraph of prose wrapped to ``width``."""
    return "\n".join(wrap(text, width, hyphens=False))


def natural_width(cell: str) -> int:
    """The width of the widest line of a cell."""
    return max((display_width(line) for line in cell.split("\n")), default=0)


def longest_word(cells: Sequence[str]) -> int:
    """The display width of the widest unbreakable token in ``cells`` (at least 1)."""
    return max((display_width(w) for c in cells for line in c.split("\n") for w in tokens(line)), default=1)


def word_floors(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    """Each column's narrowest possible width: its longest unbreakable token."""
    return [longest_word([headers[i]] + [r[i] for r in rows]) for i in range(len(headers))]


def fits_words(headers: Sequence[str], rows: Sequence[Sequence[str]], available: int) -> bool:
    """Whether every column can be at least as wide as its longest unbreakable token."""
    return sum(word_floors(headers, rows)) <= available


def water_fill(natural: Sequence[int], floor: Sequence[int], available: int) -> list[int]:
    """The widest columns cut first, down to ``floor``: the largest cap whose sum fits."""
    n = len(natural)
    lo, hi = 1, max(natural)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(min(natural[i], max(mid, floor[i])) for i in range(n)) <= available:
            lo = mid
        else:
            hi = mid - 1
    return [min(natural[i], max(lo, floor[i])) for i in range(n)]


def fit_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], available: int) -> list[int] | None:
    """Column widths whose sum is at most ``available``, each at least its longest word.

    Every column first gets its longest unbreakable token (words are never broken); the
    space left goes to the columns with the most text still to place, in proportion.
    ``None`` when the longest tokens alone do not fit (the caller then splits the table into
    column blocks, or lays it out record by record).
    """
    n = len(headers)
    natural = [max(1, max([natural_width(headers[i])] + [natural_width(r[i]) for r in rows])) for i in range(n)]
    if sum(natural) <= available:
        return natural
    words = [min(natural[i], w) for i, w in enumerate(word_floors(headers, rows))]
    if sum(words) > available:
        return None
    # Text still to place per column beyond its longest word: the measure of its need.
    need = [natural[i] - words[i] for i in range(n)]
    widths = list(words)
    spare = available - sum(widths)
    total = sum(need)
    if total:
        for i in range(n):
            widths[i] = min(natural[i], widths[i] + spare * need[i] // total)
    spare = available - sum(widths)
    for i in sorted(range(n), key=lambda i: -(natural[i] - widths[i])):
        if spare <= 0:
            break
        extra = min(spare, natural[i] - widths[i])
        widths[i] += extra
        spare -= extra
    return widths


def wrap_cells(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> list[list[str]]:
    """Every cell wrapped to its column's width, lines joined by newlines."""
    return [["\n".join(wrap(cell, widths[i])) if cell else "" for i, cell in enumerate(row)] for row in rows]


@dataclass(frozen=True)
class Rule:
    """One horizontal line of a drawn table: left end, fill, joint, right end."""

    left: str
    fill: str
    joint: str
    right: str


@dataclass(frozen=True)
class Style:
    """How a drawn format looks: its rules and cell separators."""

    top: Rule | None
    below_header: Rule | None
    between_rows: Rule | None
    bottom: Rule | None
    left: str
    joint: str
    right: str
    colons: bool = False  # pipe: alignment colons in the header rule


_BOX = "│"
STYLES: dict[str, Style] = {
    "simple_grid": Style(Rule("┌", "─", "┬", "┐"), Rule("├", "─", "┼", "┤"), Rule("├", "─", "┼", "┤"),
                         Rule("└", "─", "┴", "┘"), "│ ", " │ ", " │"),
    "rounded_grid": Style(Rule("╭", "─", "┬", "╮"), Rule("├", "─", "┼", "┤"), Rule("├", "─", "┼", "┤"),
                          Rule("╰", "─", "┴", "╯"), "│ ", " │ ", " │"),
    "grid": Style(Rule("+", "-", "+", "+"), Rule("+", "=", "+", "+"), Rule("+", "-", "+", "+"),
                  Rule("+", "-", "+", "+"), "| ", " | ", " |"),
    "github": Style(None, Rule("|", "-", "|", "|"), None, None, "| ", " | ", " |"),
    "pipe": Style(None, Rule("|", "-", "|", "|"), None, None, "| ", " | ", " |", colons=True),
    "simple": Style(None, Rule("", "-", "  ", ""), None, None, "", "  ", ""),
    "plain": Style(None, None, None, None, "", "  ", ""),
}
"""The formats drawn here rather than by tabulate."""


def overhead(style: Style, columns: int) -> int:
    """Columns a drawn table spends on borders and separators."""
    return display_width(style.left) + display_width(style.right) + display_width(style.joint) * (columns - 1)


def _pad(text: str, width: int, align: str) -> str:
    gap = max(0, width - display_width(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def _rule(rule: Rule, style: Style, widths: Sequence[int], aligns: Sequence[str]) -> str:
    # The fill spans the cell plus the padding spaces of the separators around it.
    def spaces(sep: str, trailing: bool) -> int:
        if not sep.strip():
            return 0
        return len(sep) - len(sep.rstrip() if trailing else sep.lstrip())

    pad_l, pad_r = spaces(style.left, True), spaces(style.right, False)
    joint_l, joint_r = spaces(style.joint, False), spaces(style.joint, True)
    parts = []
    n = len(widths)
    for i, w in enumerate(widths):
        extra = (pad_l if i == 0 else joint_r) + (pad_r if i == n - 1 else joint_l)
        fill = rule.fill * (w + extra)
        if style.colons and w + extra >= 2:
            if aligns[i] == "right":
                fill = fill[:-1] + ":"
            elif aligns[i] == "center":
                fill = ":" + fill[1:-1] + ":"
        parts.append(fill)
    return (rule.left + rule.joint.join(parts) + rule.right).rstrip() if not rule.left else (
        rule.left + rule.joint.join(parts) + rule.right)


def draw(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    aligns: Sequence[str],
    style: Style,
    paint: Callable[[int, int, str], str] | None = None,
) -> str:
    """Draw a table of pre-wrapped cells (lines separated by newlines) in ``style``.

    ``paint(row, column, text)`` may wrap a cell line's visible text in colour codes.
    """
    out: list[str] = []

    def line_of(cells: Sequence[str], r: int) -> list[str]:
        split = [c.split("\n") for c in cells]
        height = max((len(s) for s in split), default=1)
        lines = []
        for k in range(height):
            parts = []
            for i, s in enumerate(split):
                text = s[k] if k < len(s) else ""
                padded = _pad(text, widths[i], aligns[i])
                if paint is not None and r >= 0 and text:
                    padded = padded.replace(text, paint(r, i, text), 1)
                parts.append(padded)
            lines.append((style.left + style.joint.join(parts) + style.right).rstrip())
        return lines

    if style.top:
        out.append(_rule(style.top, style, widths, aligns))
    out.extend(line_of(headers, -1))
    if style.below_header:
        out.append(_rule(style.below_header, style, widths, aligns))
    multiline = any("\n" in cell for row in rows for cell in row)
    for r, row in enumerate(rows):
        if r and style.between_rows and multiline:
            out.append(_rule(style.between_rows, style, widths, aligns))
        out.extend(line_of(row, r))
    if style.bottom:
        out.append(_rule(style.bottom, style, widths, aligns))
    return "\n".join(out)


COLORS = {v.value: s.ansi for v, s in VERDICT_STYLES.items()}
"""ANSI colours of verdicts on a terminal (foreground only, so any background reads)."""


def ansi(text: str, code: str) -> str:
    """``text`` in an ANSI colour."""
    return f"\x1b[{code}m{text}\x1b[0m"
