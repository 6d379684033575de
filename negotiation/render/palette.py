"""Verdict colours for pages: text and background per verdict, light and dark schemes, and the CSS."""

from __future__ import annotations

from collections.abc import Mapping

from negotiation.render.verdict_styles import STYLES, StyleView, css_class

VERDICT_COLORS: Mapping[str, tuple[str, str]] = StyleView(lambda s: s.light)
"""(text, background) per verdict on a light page: both set, so a dark notebook theme reads them too."""

VERDICT_DARK_COLORS: Mapping[str, tuple[str, str]] = StyleView(lambda s: s.dark)
"""(text, background) per verdict where the page prefers a dark scheme."""


def _verdict_variables(colors: Mapping[str, tuple[str, str]]) -> str:
    return "\n".join(f"  --{v}-bg: {bg}; --{v}-fg: {fg};" for v, (fg, bg) in colors.items())


def _verdict_rules() -> str:
    return "".join(f".{css_class(v)} {{ background: var(--{v.value}-bg); color: var(--{v.value}-fg); }}\n"
                   for v in STYLES)


def verdict_style() -> str:
    """The page's CSS: verdict colours that set text and background, for light and dark schemes.

    Written from :data:`~negotiation.render.verdict_styles.STYLES` on each call.
    """
    return f"""\
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
""" + _verdict_rules() + """\
.muted { color: var(--muted); }
@media print { body { margin: 0; } a { color: inherit; } tr { break-inside: avoid; } }
"""


VERDICT_STYLE = verdict_style()
"""The CSS of :func:`verdict_style` for the built-in verdicts (pages call the function)."""
