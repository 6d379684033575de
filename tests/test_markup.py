"""Markup never wraps: one record is one row in every pasted format; terminal grids keep areas as headings."""

from __future__ import annotations

import pytest

import negotiation as ng
from tests.command_line import run_cli as cli

PAIR = ("istanbul-draft-2022-04", "us-28-point-2025-11")


def _table_lines(out: str, fmt: str) -> list[str]:
    marks = {"github": "|", "pipe": "|", "orgtbl": "|"}
    return [line for line in out.splitlines() if line.startswith(marks[fmt])]


@pytest.mark.parametrize("fmt", ["github", "pipe", "orgtbl"])
def test_compare_in_markup_has_one_row_per_issue(fmt: str, corpus: ng.Corpus,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "compare", *PAIR, "--format", fmt, "--width", "100")
    assert code == 0
    cmp = ng.compare(corpus[PAIR[0]], corpus[PAIR[1]], taxonomy=corpus.taxonomy)
    stated = sum(d.a is not None or d.b is not None for d in cmp.diffs)
    assert len(_table_lines(out, fmt)) == stated + 2  # header, rule, one line per issue
    assert "| Area " in out or "|Area" in out  # markup keeps the area column: width does not bind it


@pytest.mark.parametrize("fmt", ["github", "pipe"])
def test_list_in_markup_has_one_row_per_document(fmt: str, corpus: ng.Corpus,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "list", "--format", fmt)
    rows = _table_lines(out, fmt)[2:]
    assert len(rows) == len(corpus)
    assert all(any(f"| {d.id} " in r for r in rows) for d in corpus)  # ids never broken


def test_every_markup_row_has_every_area(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "compare", *PAIR, "--format", "github")
    rows = _table_lines(out, "github")[2:]
    assert all(r.split("|")[1].strip() for r in rows)  # no blank area cell: each pasted row stands alone


def test_markup_headers_stay_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "concessions", "us-28-point-2025-11", "us-20-point-2025-12", "--toward", "RU",
                    "--format", "github")
    assert "Closer to RU@2025-12-23" in out.splitlines()[2]


def test_terminal_grid_at_100_columns_keeps_areas_as_heading_rows(corpus: ng.Corpus,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "compare", *PAIR, "--width", "100")
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "│ Area" not in out
    headings = [line for line in out.splitlines() if "▸ " in line]
    cmp = ng.compare(corpus[PAIR[0]], corpus[PAIR[1]], taxonomy=corpus.taxonomy)
    areas = {d.issue.area for d in cmp.diffs if d.a is not None or d.b is not None}
    assert len(headings) == len(areas)
    assert "▸ Territory" in headings[0]


def test_a_wide_terminal_keeps_the_area_column(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "compare", *PAIR, "--width", "250")
    assert "│ Area" in out and "▸ " not in out
