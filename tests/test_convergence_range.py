"""The convergence index and its range: low <= convergence <= high, equal without uncertainty."""

from __future__ import annotations

import math

from hypothesis import given

import negotiation as ng
from tests.test_properties import taxonomy_and_two_documents


@given(taxonomy_and_two_documents())
def test_the_point_estimate_lies_within_its_range(case):
    tax, a, b = case
    s = ng.compare(a, b, taxonomy=tax).summary
    if not math.isnan(s.convergence):
        assert s.low <= s.convergence + 1e-9 and s.convergence <= s.high + 1e-9
        assert 0.0 <= s.low <= s.high <= 1.0


@given(taxonomy_and_two_documents(brackets=False))
def test_without_brackets_readings_or_reports_the_range_is_the_point(case):
    tax, a, b = case
    a, b = a.model_copy(update={"status": "official"}), b.model_copy(update={"status": "official"})
    s = ng.compare(a, b, taxonomy=tax).summary
    if not math.isnan(s.convergence):
        assert s.low == s.convergence == s.high
        assert "range" not in str(s)


def test_a_bracket_is_a_range_never_agreement() -> None:
    c = ng.load()
    s = ng.compare(c["istanbul-draft-2022-04"], c["us-28-point-2025-11"]).summary
    assert s.low < s.high
    assert "range" in str(s)
    hinges = ng.compare(c["istanbul-draft-2022-04"], c["us-28-point-2025-11"]).hinges(3)
    assert len(hinges) == 3 and all(h.low <= h.high for h in hinges)
    assert hinges == sorted(hinges, key=lambda h: -h.swing)


def test_the_range_reaches_the_stances_kept_below_the_floor() -> None:
    c = ng.load()
    ru, ua = c.position("RU", "2026-06-15"), c.position("UA", "2026-06-15")
    s = ng.compare(ru, ua).summary
    assert s.low < s.convergence < s.high  # the low-confidence contact-line readings move it up


def test_the_command_line_prints_the_range(capsys) -> None:
    from tests.command_line import run_cli

    code, out, _ = run_cli(capsys, "compare", "istanbul-draft-2022-04", "us-28-point-2025-11")
    assert code == 0 and "(range " in out and "hinges on" in out
    code, out, _ = run_cli(capsys, "compare", "istanbul-draft-2022-04", "us-28-point-2025-11", "-f", "json")
    import json

    summary = json.loads(out)["summary"]
    assert summary["low"] < summary["high"]
