"""Terminal grids wrap at spaces only: ids, URLs, dates, numbers and quotes stay whole."""

from __future__ import annotations

import re

import pytest
from wcwidth import wcswidth

from negotiation.render.formats import Column, Table, render
from negotiation.render.text import fit_widths, tokens, wrap
from tests.command_line import run_cli as run

COMMANDS = {
    "compare": ["compare", "istanbul-draft-2022-04", "us-28-point-2025-11"],
    "list": ["list"],
    "show": ["show", "us-28-point-2025-11"],
    "show-position": ["show", "RU@2026-02-24"],
    "sources": ["sources", "us-28-point-2025-11", "--quotes"],
    "matrix": ["matrix", "us-trump-sanctions-threat-2025-01", "peace-summit-communique-2024-06",
               "istanbul-communique-2022-03", "us-28-point-2025-11"],
    "timeline": ["timeline", "RU", "UA"],
}

# What must never be broken: URLs, dates (with the stale mark), hyphenated ids, dotted issue ids.
_TOKEN = re.compile(r"https?://[^\s<>]+|\d{4}-\d{2}-\d{2}(?: †)?|[a-z0-9]+(?:-[a-z0-9]+)+|[a-z_]+\.[a-z_]+")


def _tokens_of(out: str) -> set[str]:
    return {m.group().rstrip(".,;:)") for m in _TOKEN.finditer(out)}


def _overflowing(out: str, width: int) -> list[str]:
    """Lines wider than ``width`` other than a URL on a line of its own (a note ``[n] URL``, or
    the link line of ``--quotes``): those cannot be shorter without breaking the URL."""
    return [line for line in out.splitlines()
            if wcswidth(line) > width and not re.fullmatch(r"\s*(\[\d+\] )?https?://\S+", line)]


@pytest.mark.parametrize("width", [100, 80, 60])
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_token_printed_stays_whole_on_one_line_and_the_table_fits(
    command: str, lang: str, width: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    code, wide, _ = run(capsys, *COMMANDS[command], "--lang", lang, "--width", "2000")
    assert code == 0
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = run(capsys, *COMMANDS[command], "--lang", lang)
    assert code == 0
    expected = _tokens_of(wide)
    assert expected, "the command printed no id, URL or date to check"
    broken = sorted(t for t in expected if t not in out)
    assert broken == []
    assert _overflowing(out, width) == []


def test_the_stale_mark_rides_with_its_date() -> None:
    assert tokens("2022-04-15 †") == ["2022-04-15 †"]
    assert wrap("as of 2022-04-15 †", 11) == ["as of", "2022-04-15 †"]


def test_a_no_break_space_holds_its_neighbours_together() -> None:
    assert wrap("800,000\u00a0personnel apart", 8) == ["800,000\u00a0personnel", "apart"]


def test_a_lone_quote_mark_stays_with_its_word() -> None:
    assert wrap("he said “ yes ” twice", 6) == ["he", "said", "“ yes ”", "twice"]


def test_a_word_longer_than_the_width_is_kept_whole() -> None:
    url = "https://example.org/a/very/long/path-with-hyphens-2025-11"
    assert wrap(f"see {url} now", 20) == ["see", url, "now"]


def test_no_width_is_given_below_a_columns_longest_word() -> None:
    widths = fit_widths(["Id", "Title"], [["us-28-point-2025-11", "a title long enough to wrap twice"]], 30)
    assert widths is not None and widths[0] == len("us-28-point-2025-11")


def test_urls_move_below_the_table_when_they_do_not_fit() -> None:
    url = "https://example.org/" + "x" * 70
    table = Table(rows=[{"id": "us-28-point-2025-11", "source": f"Outlet, 2025-11-21 <{url}>"}],
                  columns=[Column("id"), Column("source")])
    out = render(table, "simple_grid", width=60)
    assert f"[1] {url}" in out.splitlines()
    assert "│ Outlet, 2025-11-21 [1]" in out
    assert _overflowing(out, 60) == []


def test_urls_stay_in_their_cell_when_the_table_fits() -> None:
    table = Table(rows=[{"id": "a", "source": "<https://example.org/x>"}], columns=[Column("id"), Column("source")])
    out = render(table, "simple_grid", width=60)
    assert "<https://example.org/x>" in out and "[1]" not in out


@pytest.mark.parametrize("fmt", ["simple_grid", "grid", "fancy_grid", "simple", "plain"])
def test_a_table_whose_words_cannot_fit_is_laid_out_record_by_record(fmt: str) -> None:
    rows = [{"id": f"document-with-a-long-id-{k}", "kind": "joint draft", "title": "peace-framework-2025-11-23",
             "date": "2025-11-23"} for k in range(2)]
    out = render(Table(rows=rows, columns=[Column(k) for k in rows[0]]), fmt, width=40)
    for k in range(2):
        assert f"document-with-a-long-id-{k}" in out
    assert out.count("peace-framework-2025-11-23") == 2 and out.count("2025-11-23") == 4
    assert _overflowing(out, 40) == []
    assert any(line.strip().startswith(("│ Title", "| Title", "Title")) for line in out.splitlines())


def test_records_in_arabic_put_the_header_on_the_right() -> None:
    rows = [{"id": "document-with-a-long-id", "title": "peace-framework-2025-11-23", "date": "2025-11-23"}]
    out = render(Table(rows=rows, columns=[Column(k) for k in rows[0]], lang="ar"), "simple_grid", width=30)
    line = next(line for line in out.splitlines() if "peace-framework-2025-11-23" in line)
    assert line.index("peace-framework") < line.rindex("│ ", 0, len(line) - 2)


def test_markup_formats_are_not_touched_by_the_terminal_wrapping() -> None:
    url = "https://example.org/" + "x" * 70
    table = Table(rows=[{"id": "us-28-point-2025-11", "source": f"<{url}>"}], columns=[Column("id"), Column("source")])
    out = render(table, "github", width=40)
    assert url in out and "[1]" not in out and len(out.splitlines()) == 3
