"""Verdict colours for pages: text and background per verdict, light and dark schemes, and the CSS."""

from __future__ import annotations

from collections.abc import Mapping

VERDICT_COLORS: dict[str, tuple[str, str]] = {
    "agree": ("#0f4d12", "#d7f0d8"),
    "close": ("#2f4d0b", "#e3f3cc"),
    "bridgeable": ("#5c4300", "#fff1c2"),
    "apart": ("#7a0d16", "#fbd5d8"),
    "deferred": ("#3b2a66", "#e6e1f2"),
    "one_sided": ("#333333", "#eeeeee"),
    "silent": ("#555555", "#f7f7f7"),
}
"""(text, background) per verdict on a light page: both set, so a dark notebook theme reads them too."""

VERDICT_DARK_COLORS: dict[str, tuple[str, str]] = {
    "agree": ("#c9f2cc", "#173d1a"),
    "close": ("#e0f5c0", "#2b3d14"),
    "bridgeable": ("#ffe9a6", "#47390b"),
    "apart": ("#ffd0d4", "#4d1419"),
    "deferred": ("#ddd3ff", "#2f2747"),
    "one_sided": ("#dddddd", "#2e2e2e"),
    "silent": ("#bbbbbb", "#222222"),
}
"""(text, background) per verdict where the page prefers a dark scheme."""


def _verdict_variables(colors: Mapping[str, tuple[str, str]]) -> str:
    return "\n".join(f"  --{v}-bg: {bg}; --{v}-fg: {fg};" for v, (fg, bg) in colors.items())


VERDICT_STYLE = f"""\
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
.v-agree { background: var(--agree-bg); color: var(--agree-fg); }
.v-close { background: var(--close-bg); color: var(--close-fg); }
.v-bridgeable { background: var(--bridgeable-bg); color: var(--bridgeable-fg); }
.v-apart { background: var(--apart-bg); color: var(--apart-fg); }
.v-deferred { background: var(--deferred-bg); color: var(--deferred-fg); }
.v-one_sided { background: var(--one_sided-bg); color: var(--one_sided-fg); }
.v-silent { background: var(--silent-bg); color: var(--silent-fg); }
.muted { color: var(--muted); }
@media print { body { margin: 0; } a { color: inherit; } tr { break-inside: avoid; } }
"""
"""Verdict colours that set text and background, for light and dark schemes."""
