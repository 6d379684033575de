"""Display widths known without ``wcwidth`` are the widths ``wcwidth`` gives.

:data:`negotiation.render.text.KNOWN_WIDTHS` lets Arabic tables be measured without
importing ``wcwidth`` (40 ms of a command's start-up); these tests hold it to ``wcwidth``
itself, code point by code point and on whole strings.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from wcwidth import wcwidth

from negotiation.render.text import KNOWN_WIDTHS, display_width, wcwidth_width

KNOWN = [chr(cp) for lo, hi, _ in KNOWN_WIDTHS for cp in range(lo, hi + 1)]
PLAIN = [chr(cp) for cp in range(0x20, 0x7F)] + ["é", "«", "»", "–", "—", "’", "→", "│", "┼"]


def test_every_known_code_point_has_the_width_wcwidth_gives_it() -> None:
    for lo, hi, width in KNOWN_WIDTHS:
        for cp in range(lo, hi + 1):
            assert wcwidth(chr(cp)) == width, f"U+{cp:04X}"


@given(st.text(st.sampled_from(KNOWN + PLAIN), max_size=30))
def test_text_of_known_and_plain_characters_measures_as_wcwidth_measures_it(text: str) -> None:
    assert display_width(text) == wcwidth_width(text)


def test_arabic_with_harakat_and_bidi_marks_counts_the_marks_zero() -> None:
    text = "\u2067مُؤَجَّل\u2069 ▸ 85,000"
    assert display_width(text) == wcwidth_width(text) == len("مؤجل ▸ 85,000")


def test_other_scripts_are_still_measured_by_wcwidth() -> None:
    assert display_width("和平") == 4
    assert display_width("\u0600١") == wcwidth_width("\u0600١")
    assert display_width("\u200d0") == wcwidth_width("\u200d0") == 0  # a joiner joins the digit after it


def test_every_known_character_beside_others_measures_as_wcwidth_measures_it() -> None:
    neighbours = ["a", "0", " ", "ب", "▸", "ُ", "\u2067", "\u200e", "–", "é"]
    for c in KNOWN:
        for d in neighbours:
            for text in (c + d, d + c, c + c, d + c + d):
                assert display_width(text) == wcwidth_width(text), f"{text!r}"
