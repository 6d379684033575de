"""What people see: every command fits 100 columns, writes every format, and reads in Arabic."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from wcwidth import wcswidth

import negotiation as ng
from negotiation.render import i18n
from negotiation.render.formats import FORMATS, TABULATE_FORMATS, Column, Table, render
from negotiation.render.text import display_width, fit_widths, wrap
from tests.command_line import run_cli as run
from tests.small_corpus import corpus_folder

BUNDLED = {
    "list": ["list"],
    "show": ["show", "us-28-point-2025-11"],
    "compare": ["compare", "istanbul-draft-2022-04", "us-28-point-2025-11"],
    "sources": ["sources", "us-28-point-2025-11"],
    "coverage": ["coverage"],
    "timeline": ["timeline", "RU", "UA"],
    "matrix": ["matrix"],
    "concessions": ["concessions", "us-28-point-2025-11", "us-20-point-2025-12", "--toward", "RU"],
    "zopa": ["zopa", "RU", "UA", "--as-of", "2026-02-24"],
}



def _doc(doc_id: str, author: str, level: str, cap: int, date: str, title: str) -> str:
    return f"""\
id: {doc_id}
title: "{title}"
date: {date}
kind: proposal
status: official
authors: [{author}]
sources:
  - {{id: s1, outlet: "Outlet, with comma", title: "Article 45% | <b>", date: {date}}}
stances:
  sec.level: {{value: {level}, source: s1, quote: "a quote, with \\"quotes\\"\\tand a tab"}}
  sec.army_cap: {{value: {cap}, source: s1, accepts: [{cap * 2}]}}
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two parties, two documents each: enough for every command."""
    root = corpus_folder(tmp_path_factory.mktemp("small") / "corpus")
    docs = [("ru-x", "RU", "c", 85000, "2022-01-01", "Plan <script>alert(1)</script> 45%"),
            ("ua-y", "UA", "a", 600000, "2022-02-01", "Reply & counter"),
            ("ru-z", "RU", "b", 100000, "2022-03-01", "Second plan"),
            ("ua-w", "UA", "b", 400000, "2022-04-01", "Second reply")]
    for doc_id, author, level, cap, date, title in docs:
        (root / "documents" / f"{doc_id}.yaml").write_text(_doc(doc_id, author, level, cap, date, title),
                                                           encoding="utf-8")
    return root


SMALL = {
    "list": ["list"],
    "show": ["show", "ru-x"],
    "compare": ["compare", "ru-x", "ua-y"],
    "sources": ["sources", "ru-x"],
    "coverage": ["coverage"],
    "timeline": ["timeline", "RU", "UA"],
    "matrix": ["matrix"],
    "concessions": ["concessions", "ru-x", "ru-z", "--toward", "UA"],
    "zopa": ["zopa", "RU", "UA"],
}


# --- every command × every format


def test_the_format_list_is_every_tabulate_format_but_the_unescaped_ones_plus_ours() -> None:
    import tabulate

    assert set(TABULATE_FORMATS) == set(tabulate.tabulate_formats) - {"unsafehtml", "latex_raw"}
    assert set(FORMATS) == {*TABULATE_FORMATS, "json", "csv", "markdown"}


@pytest.mark.parametrize("command", list(SMALL))
def test_every_command_writes_every_format(small: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in FORMATS:
        code, out, err = run(capsys, "--corpus", str(small), *SMALL[command], "-f", fmt)
        assert (code, err) == (0, ""), (fmt, err)
        assert out.strip(), fmt
        if fmt == "json":
            assert isinstance(json.loads(out), list | dict)
        elif fmt in ("csv", "tsv"):
            rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
            assert len({len(r) for r in rows}) == 1, fmt  # a rectangle: header and rows alike
            assert all(re.fullmatch(r"[a-z0-9_.@-]+", h) for h in rows[0]), rows[0]  # ids, not prose
        elif fmt == "html":
            assert out.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in out
            assert "<script>" not in out
        elif fmt.startswith("latex"):
            assert re.search(r"(?<!\\)%", out) is None, "an unescaped % comments out the rest of a line"


@pytest.mark.parametrize("command", ["compare", "concessions", "zopa", "list"])
def test_csv_round_trips_ids_and_labels(small: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), *SMALL[command], "-f", "csv")
    _, as_json, _ = run(capsys, "--corpus", str(small), *SMALL[command], "-f", "json")
    rows = list(csv.DictReader(io.StringIO(out)))
    data = json.loads(as_json)
    records = data["issues"] if isinstance(data, dict) else data
    key = "issue" if "issue" in rows[0] else "id"
    assert [r[key] for r in rows] == [r[key] for r in records]


def test_tsv_has_no_prose_and_no_padding(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), "compare", "ru-x", "ua-y", "-f", "tsv")
    lines = out.splitlines()
    assert not any(line.startswith(("A:", "Convergence")) for line in lines)
    assert all(cell == cell.strip() for line in lines for cell in line.split("\t"))


def test_compare_json_carries_ids_and_labels(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), "compare", "ru-x", "ua-y", "-f", "json", "--lang", "ar")
    issue = json.loads(out)["issues"][0]
    assert (issue["issue"], issue["issue_label"]) == ("sec.level", "الحياد")
    assert (issue["verdict"], issue["verdict_label"]) == ("apart", "تباعد")


def test_html_escapes_a_script_in_a_title(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), "list", "-f", "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "<script>" not in out


def test_html_in_arabic_runs_right_to_left(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), "compare", "ru-x", "ua-y", "-f", "html", "--lang", "ar")
    assert '<html lang="ar" dir="rtl">' in out


def test_latex_escapes_percent_in_titles(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), "list", "-f", "latex")
    assert r"45\%" in out


def test_markdown_is_a_pipe_table_with_a_heading(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), "compare", "ru-x", "ua-y", "-f", "markdown")
    assert out.startswith("## ") and "| --- " not in out and "| :--- |" in out


def test_an_unknown_format_exits_2_naming_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", "-f", "nonsense")
    assert code == 2 and "invalid choice" in err


def test_fancy_grid_is_a_format(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--corpus", str(small), "compare", "ru-x", "ua-y", "-f", "fancy_grid")
    assert code == 0 and "╒" in out


# --- width


def _widest(text: str) -> int:
    """The widest line, leaving out the lines that hold nothing but a URL note (``[n] URL``):
    a URL is never broken, so one longer than the width overflows it on a line of its own."""
    import re

    lines = [line for line in text.splitlines() if not re.fullmatch(r"\[\d+\] https?://\S+", line)]
    return max((wcswidth(line) for line in lines), default=0)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("command", list(BUNDLED))
def test_no_line_is_wider_than_100_columns(command: str, lang: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    code, out, _ = run(capsys, *BUNDLED[command], "--lang", lang)
    assert code == 0
    assert _widest(out) <= 100


@pytest.mark.parametrize("width", [60, 140])
def test_width_option_and_columns_variable_set_the_width(width: int, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(capsys, *BUNDLED["compare"], "--width", str(width))
    assert width - 10 <= _widest(out) <= width
    monkeypatch.setenv("COLUMNS", str(width))
    _, out, _ = run(capsys, *BUNDLED["compare"])
    assert width - 10 <= _widest(out) <= width


def test_long_cells_wrap_inside_their_column() -> None:
    table = Table(rows=[{"a": "x", "b": "word " * 40}], columns=[Column("a"), Column("b")])
    out = render(table, "simple_grid", width=40)
    assert _widest(out) <= 40 and out.count("word") == 40


def test_a_table_too_wide_is_split_into_blocks_repeating_the_first_column() -> None:
    row = {"document": "doc-1", **{f"c{i}": 0.5 for i in range(30)}}
    out = render(Table(rows=[row], columns=[Column(k) for k in row]), "simple_grid", width=60)
    assert _widest(out) <= 60 and out.count("doc-1") > 1


def test_display_width_counts_wide_characters_twice_and_marks_zero() -> None:
    assert display_width("日本") == 4
    assert display_width("تخلٍّ") == wcswidth("تخلٍّ") < len("تخلٍّ")
    assert display_width("\x1b[31mred\x1b[0m") == 3


def test_wrap_breaks_at_spaces_only_never_inside_a_word() -> None:
    assert wrap("NATO-commanded forces", 10) == ["NATO-commanded", "forces"]
    assert wrap("2022-03-07", 5) == ["2022-03-07"]  # too long: whole, on a line of its own


def test_widths_give_each_column_at_least_its_longest_word() -> None:
    widths = fit_widths(["a", "b"], [["short", "a much longer text that needs wrapping"]], 30)
    assert widths is not None and widths[0] == 5 and sum(widths) <= 30


def test_numbers_carry_their_unit(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--corpus", str(small), "compare", "ru-x", "ua-y", "--width", "200")
    assert "85,000 troops" in out and "515,000 troops apart" in out


def test_the_note_does_not_restate_both_values(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *BUNDLED["compare"], "-f", "csv")
    notes = {r["issue"]: r["note"] for r in csv.DictReader(io.StringIO(out))}
    assert notes["territory.crimea"] == ""  # agree: both values are in their own columns
    assert "vs" not in notes["security.army_cap"]


# --- Arabic


def _our_english_words() -> set[str]:
    words: set[str] = set()
    for table in i18n.TABLES:
        for entry in table.values():
            text = re.sub(r"\{[a-z_]+\}", " ", entry["en"])
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{2,}", text)}
    return words


def _ids(corpus: ng.Corpus) -> list[str]:
    ids = [*corpus.ids, *corpus.taxonomy.issues, *corpus.taxonomy.parties]
    ids += [s.id for d in corpus for s in d.sources]
    return sorted(ids, key=len, reverse=True)


@pytest.mark.parametrize("command", ["list", "compare", "coverage", "timeline", "matrix", "concessions", "zopa"])
def test_arabic_output_has_no_english_word_of_ours(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *BUNDLED[command], "--lang", "ar", "--width", "2000")  # ids unbroken
    corpus = ng.load()
    corpus_line = i18n.say("corpus", "ar", path="")
    out = "\n".join(line for line in out.splitlines() if not line.startswith(corpus_line))  # a path
    for token in _ids(corpus):  # ids and codes are language-neutral
        out = out.replace(token, " ")
    english = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", out)}
    assert english & _our_english_words() == set()


def test_arabic_show_has_arabic_headers_and_a_fallback_note(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *BUNDLED["show"], "--lang", "ar", "--width", "200")
    assert "القضية" in out and "الثقة" in out
    assert i18n.say("english_fallback", "ar") in out  # the notes are English data


def test_arabic_markup_keeps_logical_order_and_terminal_grids_read_right_to_left(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, *BUNDLED["compare"], "--lang", "ar", "-f", "github", "--width", "200")
    header = next(line for line in out.splitlines() if line.startswith("|"))
    cells = [c.strip() for c in header.strip("|").split("|")]
    assert cells[0] == i18n.header("area", "ar") and cells[-1] == i18n.header("note", "ar")  # the page mirrors it
    _, out, _ = run(capsys, *BUNDLED["compare"], "--lang", "ar", "--width", "250")
    header = next(line for line in out.splitlines() if line.startswith("│"))
    cells = [c.strip() for c in header.strip("│").split("│")]
    assert cells[0] == i18n.header("note", "ar") and cells[-1] == i18n.header("area", "ar")  # no bidi: drawn RTL


def test_arabic_titles_come_from_the_documents(capsys: pytest.CaptureFixture[str]) -> None:
    doc = ng.load()["us-28-point-2025-11"]
    _, out, _ = run(capsys, *BUNDLED["compare"], "--lang", "ar", "--width", "300")
    assert doc.label("ar") in out and doc.label("ar") != doc.title


# --- colour, version, messages


def test_no_colour_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *BUNDLED["compare"])
    assert "\x1b[" not in out


def test_colour_on_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = run(capsys, *BUNDLED["compare"])
    assert "\x1b[31mapart" in out
    _, out, _ = run(capsys, *BUNDLED["compare"], "--no-color")
    assert "\x1b[" not in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, *BUNDLED["compare"])
    assert "\x1b[" not in out


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"negotiation {ng.__version__}"


def test_an_unknown_party_is_called_an_unknown_party_with_near_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compare", "RX@2026-02-24", "UA@2026-02-24")
    assert code == 2
    assert "unknown party 'RX'" in err and "RU" in err and len(err.splitlines()) == 1


def test_a_comparison_before_the_parties_first_documents_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", "RU@2021-01-01", "UA@2021-01-01")
    assert (code, out) == (2, "")
    assert "RU has no documents up to 2021-01-01" in err


def test_timeline_names_a_party_given_twice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", "RU", "RU")
    assert code == 0 and "listed more than once: RU" in out


def test_matrix_names_a_document_given_twice(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--corpus", str(small), "matrix", "ru-x", "ru-x", "ua-y")
    assert code == 0 and "listed more than once: ru-x" in out


def test_the_text_path_of_compare_imports_neither_pandas_nor_tabulate() -> None:
    import subprocess
    import sys

    code = (
        "import io, sys, contextlib\n"
        "from negotiation.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['compare', 'istanbul-draft-2022-04', 'us-28-point-2025-11'])\n"
        "print(sorted(m for m in ('pandas', 'tabulate', 'matplotlib') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_package_ships_py_typed() -> None:
    from importlib import resources

    assert resources.files("negotiation").joinpath("py.typed").is_file()


def test_every_text_format_fits_the_width(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.render.table import UNFITTED as _UNFITTED

    for fmt in sorted(set(FORMATS) - _UNFITTED - {"json", "csv", "tsv", "html", "markdown"}):
        _, out, _ = run(capsys, *BUNDLED["compare"], "-f", fmt, "--width", "100")
        assert _widest(out) <= 100, fmt
