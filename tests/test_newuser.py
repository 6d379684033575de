"""What a demanding new user met in the rendering and command-line layers, kept fixed."""

from __future__ import annotations

import sys

import pytest

import negotiation as ng
from negotiation.analysis.compare import Comparison
from negotiation.errors import NegotiationError
from negotiation.render.text import fit_widths


@pytest.fixture(scope="module")
def comparison(corpus: ng.Corpus) -> Comparison:
    return ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"])


def test_hyphenated_words_stay_whole_when_another_column_can_give_way() -> None:
    headers = ["Area", "Verdict", "Note"]
    rows = [["Pay and conditions of employment", "one-sided", "a long note that can wrap anywhere"]]
    widths = fit_widths(headers, rows, 40)
    assert widths is not None
    assert widths[1] >= len("one-sided")


def test_hyphenated_words_break_at_hyphens_when_nothing_else_fits() -> None:
    widths = fit_widths(["Id", "Verdict"], [["union-2024-01", "one-sided"]], 14)
    assert widths is not None and sum(widths) <= 14


def test_style_without_jinja2_says_what_to_install(monkeypatch: pytest.MonkeyPatch, comparison: Comparison) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)  # import jinja2 now raises ImportError
    with pytest.raises(NegotiationError, match="jinja2"):
        comparison.style()


def test_arabic_html_isolates_dates_and_ids_so_they_keep_their_order(comparison: Comparison) -> None:
    from negotiation.render.page import report_page

    page = report_page(comparison, "ar")
    assert '<bdi dir="ltr">2022-04-15</bdi>' in page
    assert '<bdi dir="ltr">istanbul-draft-2022-04</bdi>' in page


def test_arabic_html_keeps_brackets_outside_isolated_runs() -> None:
    from negotiation.render.formats import bidi_html

    expected = 'مؤشر: <bdi dir="ltr">0.80</bdi> (<bdi dir="ltr">1</bdi> = تطابق)'
    assert bidi_html("مؤشر: 0.80 (1 = تطابق)", "ar") == expected
    assert bidi_html("<b>x</b>", "ar").count("<b>") == 0
