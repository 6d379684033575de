"""Text from a corpus, made safe for the medium it goes to: a terminal or a spreadsheet.

A corpus is untrusted input (DESIGN §8). Two media need more than their format's own
escaping:

- a **terminal** obeys control characters: an ESC sequence in a title can retitle the
  window, clear the screen or fake output. :func:`terminal_text` shows every C0 control
  (except tab and newline), DEL and every C1 control as a visible escape (``\\x1b``), so
  the bytes a corpus holds are seen, never obeyed;
- a **spreadsheet** runs a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR as a
  formula. :func:`spreadsheet_cell` puts OWASP's leading ``'`` before such a cell of text;
  numbers stay numbers.

Markup and machine formats keep their own escaping (JSON escapes controls, HTML escapes
markup, LaTeX its specials); DataFrames are never altered.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["FORMULA_LEADS", "for_output", "spreadsheet_cell", "terminal_table", "terminal_text", "unsafe_for_terminal"]

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but tab and newline, DEL, C1 controls (ESC starts every escape sequence, so
showing it visibly disarms CSI, OSC and the rest)."""

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _visible(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group()):02x}"


def terminal_text(s: str) -> str:
    """``s`` with every control character but tab and newline shown as a visible ``\\xNN`` escape.

    Examples
    --------
    >>> terminal_text("title\\x1b]0;pwned\\x07")
    'title\\\\x1b]0;pwned\\\\x07'
    >>> terminal_text("two\\tcolumns\\n")
    'two\\tcolumns\\n'
    """
    return _CONTROLS.sub(_visible, s) if _CONTROLS.search(s) else s


def unsafe_for_terminal(s: str) -> bool:
    """Whether ``s`` holds a character :func:`terminal_text` would escape."""
    return _CONTROLS.search(s) is not None


def spreadsheet_cell(value: Any) -> Any:
    """A csv/tsv cell that a spreadsheet shows as text, never runs as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'``; numbers,
    and text that is a plain number (``-3``, ``+1.5``), stay as they are.

    Examples
    --------
    >>> spreadsheet_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> spreadsheet_cell("-3"), spreadsheet_cell(-3)
    ('-3', -3)
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_LEADS):
        return value
    if _NUMBER.match(value):
        return value
    return "'" + value


_JSON_UNESCAPED = re.compile("[\x7f-\x9f\u2028\u2029]")
"""What ``json.dumps(..., ensure_ascii=False)`` leaves raw: DEL, C1 and the two line separators."""


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def for_output(text: str, fmt: str, *, raw: bool = False, color: bool = False) -> str:
    """A rendered table made safe for the stream it is written to.

    JSON gets ``\\u`` escapes for the controls ``json.dumps`` leaves raw (still valid JSON:
    such characters occur only inside strings); csv and tsv with ``raw`` are left byte for
    byte for machine consumers; every other format (text tables, markdown, HTML, LaTeX,
    csv/tsv for people) shows control characters as visible escapes. A coloured table keeps
    its own colour codes: its cells were made safe before rendering (:func:`terminal_table`).
    """
    if fmt == "json":
        return _JSON_UNESCAPED.sub(_json_escape, text)
    if (raw and fmt in ("csv", "tsv")) or color:
        return text
    return terminal_text(text)


def _deep(value: Any) -> Any:
    if isinstance(value, str):
        return terminal_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_deep(v) for v in value) if not hasattr(value, "_fields") else value
    if isinstance(value, dict):
        return {_deep(k): _deep(v) for k, v in value.items()}
    return value


def terminal_table(table: T) -> T:
    """A :class:`~negotiation.render.formats.Table` whose texts (cells, headers, title, summary,
    notes) show control characters visibly; the table's ``data`` (for JSON) is left alone."""
    from dataclasses import replace

    t: Any = table
    return replace(  # type: ignore[return-value]
        t, rows=[_deep(r) for r in t.rows], title=_deep(t.title), summary=_deep(list(t.summary)),
        notes=_deep(list(t.notes)),
        columns=[replace(c, header=_deep(c.header)) for c in t.columns],
    )


CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""The Content-Security-Policy of every page we write: no script, no fetch, no frame; the
page's own inline ``<style>`` (its rules are ours, written per language, so hashing them
would tie the policy to every edit) and ``data:`` images (the inlined chart)."""

CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'


LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The only URL schemes a link in markdown or HTML output may have."""

_SCHEME = r"<?\s*([A-Za-z][A-Za-z0-9+.\-]*)\s*:"
_INLINE_LINK = re.compile(r"\]\(\s*" + _SCHEME)
_REFERENCE = re.compile(r"^(\s{0,3})\[([^\]]*)\]:\s*" + _SCHEME, re.MULTILINE)


def safe_url(url: str | None) -> bool:
    """Whether ``url`` may be a link target: an ``http(s)`` or ``mailto`` URL."""
    if not url:
        return False
    scheme, colon, _ = url.strip().partition(":")
    return bool(colon) and scheme.lower() in LINK_SCHEMES


def markdown_links(text: str) -> str:
    """Markdown text whose links (inline ``[x](…)`` or reference ``[x]: …``) to a scheme other
    than http(s) or mailto are broken into plain text (``javascript:`` never becomes a link)."""

    def inline(m: re.Match[str]) -> str:
        return m.group(0) if m.group(1).lower() in LINK_SCHEMES else "]\\(" + m.group(0)[2:]

    def reference(m: re.Match[str]) -> str:
        return m.group(0) if m.group(3).lower() in LINK_SCHEMES else m.group(1) + "\\" + m.group(0)[len(m.group(1)):]

    return _REFERENCE.sub(reference, _INLINE_LINK.sub(inline, text))
