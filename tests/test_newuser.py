"""What a demanding new user met in the rendering and command-line layers, kept fixed."""

from __future__ import annotations

from negotiation.render.text import fit_widths


def test_hyphenated_words_stay_whole_when_another_column_can_give_way() -> None:
    headers = ["Area", "Verdict", "Note"]
    rows = [["Pay and conditions of employment", "one-sided", "a long note that can wrap anywhere"]]
    widths = fit_widths(headers, rows, 40)
    assert widths is not None
    assert widths[1] >= len("one-sided")


def test_hyphenated_words_break_at_hyphens_when_nothing_else_fits() -> None:
    widths = fit_widths(["Id", "Verdict"], [["union-2024-01", "one-sided"]], 14)
    assert widths is not None and sum(widths) <= 14
