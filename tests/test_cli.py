"""The command line: ``negotiation.cli.main(argv)`` returns an exit code and prints."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import negotiation as ng
from tests.command_line import run_cli as run
from tests.small_corpus import corpus_folder

REPO = Path(__file__).resolve().parent.parent



def _doc(doc_id: str, author: str, level: str, cap: int) -> str:
    return f"""\
id: {doc_id}
title: Title of {doc_id}
date: 2022-01-01
kind: proposal
status: official
authors: [{author}]
sources:
  - {{id: s1, outlet: Outlet {doc_id}, title: Article, date: 2022-01-01, url: "https://example.org/{doc_id}"}}
stances:
  sec.level:
    value: {level}
    source: s1
    quote: "a quote from {doc_id}"
  sec.army_cap:
    value: {cap}
    source: s1
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A two-document corpus: ``ru-x`` (Neutral, 85,000) and ``ua-y`` (Allied, 600,000)."""
    root = corpus_folder(tmp_path / "corpus")
    (root / "documents" / "ru-x.yaml").write_text(_doc("ru-x", "RU", "c", 85000), encoding="utf-8")
    (root / "documents" / "ua-y.yaml").write_text(_doc("ua-y", "UA", "a", 600000), encoding="utf-8")
    return root


def compare_in(
    folder: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    return run(capsys, "--corpus", str(folder), "compare", "ru-x", "ua-y", *extra)


# --- list and show


def test_list_prints_every_bundled_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "-f", "json")
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == ng.load().ids


def test_list_of_another_corpus_prints_its_documents(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "list")
    assert code == 0
    assert "ru-x" in out and "ua-y" in out and "Title of ru-x" in out


def test_show_prints_a_document_with_its_stances(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "show", "ru-x")
    assert code == 0
    assert "Title of ru-x" in out
    assert "Neutral" in out and "85,000" in out


def test_show_in_arabic_uses_arabic_labels(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "show", "ru-x", "--lang", "ar")
    assert code == 0
    assert "محايد" in out and "الحياد" in out


def test_show_as_json_prints_the_document_data(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "show", "ru-x", "-f", "json")
    assert code == 0
    assert json.loads(out)["stances"]["sec.army_cap"]["value"] == 85000


def test_show_a_bundled_document(capsys: pytest.CaptureFixture[str]) -> None:
    doc = next(iter(ng.load()))
    code, out, _ = run(capsys, "show", doc.id, "--width", "400")
    assert code == 0
    assert doc.title in out


@pytest.mark.skipif(
    not ng.load().documents_by("RU"), reason="no RU documents in the bundled corpus"
)
def test_show_a_party_position_at_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "RU@2026-02-24")
    assert code == 0
    assert "position as of 2026-02-24" in out
    assert "RU@2026-02-24" in out


def test_show_a_position_in_another_corpus_names_its_documents(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "show", "UA@2023-01-01")
    assert code == 0
    assert "ua-y" in out and "Allied" in out


# --- compare


def test_compare_github_prints_a_pipe_table_and_the_summary(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = compare_in(folder, capsys, "-f", "github")
    assert code == 0
    assert "| Neutrality" in out
    assert "85,000" in out and "600,000" in out
    assert "Convergence index:" in out


def test_compare_grid_prints_a_grid_table(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = compare_in(folder, capsys, "-f", "grid")
    assert code == 0
    assert "+====" in out
    assert "Neutrality" in out


def test_compare_html_prints_an_html_table(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = compare_in(folder, capsys, "-f", "html")
    assert code == 0
    assert "<table>" in out and "<td>Neutrality" in out


def test_compare_json_prints_the_comparison_data(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = compare_in(folder, capsys, "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["a"]["id"], data["b"]["id"]) == ("ru-x", "ua-y")
    assert {i["issue"]: i["verdict"] for i in data["issues"]} == {
        "sec.level": "apart",
        "sec.army_cap": "apart",
    }


def test_compare_csv_prints_one_row_per_issue(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = compare_in(folder, capsys, "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["issue"] for r in rows] == ["sec.level", "sec.army_cap"]
    assert (rows[1]["value_a"], rows[1]["value_a_label"]) == ("85000", "85,000 troops")


def test_compare_in_arabic_prints_arabic_labels(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = compare_in(folder, capsys, "--lang", "ar")
    assert code == 0
    assert "الحياد" in out  # the issue
    assert "محايد" in out  # a level
    assert "تباعد" in out  # the verdict "apart"
    assert "مؤشر التقارب" in out  # the summary
    assert "Neutrality" not in out


def test_compare_all_issues_lists_silent_issues(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "documents" / "ru-x.yaml").write_text(
        _doc("ru-x", "RU", "c", 85000).split("  sec.army_cap:")[0], encoding="utf-8"
    )
    (folder / "documents" / "ua-y.yaml").write_text(
        _doc("ua-y", "UA", "c", 1).split("  sec.army_cap:")[0], encoding="utf-8"
    )
    code, out, _ = compare_in(folder, capsys, "-f", "json", "--all-issues")
    assert code == 0
    assert {i["issue"]: i["verdict"] for i in json.loads(out)["issues"]} == {
        "sec.level": "agree",
        "sec.army_cap": "silent",
    }


# --- validate, schema, sources, coverage


def test_validate_the_bundled_corpus_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.startswith("ok:")


def test_validate_a_good_folder_succeeds(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(folder))
    assert code == 0
    assert "ok: 2 documents, 4 stances, 2 issues" in out


def test_validate_a_broken_folder_fails_and_names_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = folder / "documents" / "ua-y.yaml"
    bad.write_text(_doc("ua-y", "UA", "zz", 600000), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 2
    assert out == ""
    assert f"{bad}:11: stances.sec.level.value: expected one of a, b, c, got 'zz'" in err
    assert "1 error, 0 warnings in 1 file; corpus:" in err


def test_validate_lists_every_problem(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "documents" / "ru-x.yaml").write_text(
        _doc("ru-x", "RU", "zz", 85000), encoding="utf-8"
    )
    (folder / "documents" / "ua-y.yaml").write_text(
        _doc("ua-y", "XX", "a", 600000), encoding="utf-8"
    )
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 2
    assert "ru-x.yaml" in err and "ua-y.yaml" in err
    assert "2 errors, 0 warnings in 2 files" in err


def test_a_broken_corpus_fails_other_commands_with_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "documents" / "ua-y.yaml").write_text(
        _doc("ua-y", "UA", "zz", 600000), encoding="utf-8"
    )
    code, _, err = run(capsys, "--corpus", str(folder), "list")
    assert code == 2
    assert err.count("\n") == 1
    assert "ua-y.yaml" in err and "Traceback" not in err


def test_unknown_document_fails_with_one_line_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "no-such-document")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "no-such-document" in err
    assert "Traceback" not in err


def test_unknown_document_in_compare_fails_naming_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--corpus", str(folder), "compare", "ru-x", "ua-z")
    assert code == 2
    assert err.startswith("negotiation: error: unknown document 'ua-z'; did you mean ua-y")
    assert err.count("\n") == 1


def test_bad_position_date_fails_with_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--corpus", str(folder), "show", "RU@2026-13-01")
    assert code == 2
    assert err.strip() == "negotiation: error: invalid date '2026-13-01': there is no month 13 (months run 01 to 12)"


@pytest.mark.parametrize(("spec", "why"), [
    ("RU@2026-02-30", "30 February does not exist (February 2026 has 28 days)"),
    ("RU@2026-04-31", "31 April does not exist (April 2026 has 30 days)"),
    ("RU@2026-2-3", "expected YYYY-MM-DD"),
])
def test_an_impossible_date_says_why(folder: Path, capsys: pytest.CaptureFixture[str], spec: str, why: str) -> None:
    code, out, err = run(capsys, "--corpus", str(folder), "show", spec)
    assert (code, out) == (2, "")
    assert err == f"negotiation: error: invalid date '{spec[3:]}': {why}\n"


def test_unknown_command_fails_with_exit_code_two(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 2
    assert "invalid choice" in err


def test_schema_prints_the_document_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema == ng.document_schema()


def test_sources_lists_the_citations_of_a_document(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "sources", "ru-x")
    assert code == 0
    assert 'Outlet ru-x, "Article", 2022-01-01' in out
    assert "Neutrality" in out and "Army cap" in out and "sec.army_cap" not in out  # issues by label


def test_sources_of_a_position_name_the_documents(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "sources", "RU@2022-06-01")
    assert code == 0
    assert "ru-x" in out and "a quote from ru-x" in out


def test_sources_of_a_bundled_document(capsys: pytest.CaptureFixture[str]) -> None:
    doc = next(iter(ng.load()))
    code, out, _ = run(capsys, "sources", doc.id)
    assert code == 0
    assert doc.sources[0].outlet in out


def test_coverage_counts_issues_per_area(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "coverage", "-f", "github")
    assert code == 0
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in out.splitlines()]
    assert rows[0] == ["Document", "Security", "Total"]
    assert ["ru-x", "2", "2"] in rows and ["ua-y", "2", "2"] in rows


def test_coverage_as_csv_prints_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--corpus", str(folder), "coverage", "-f", "csv")
    assert code == 0
    assert out.splitlines()[0] == "document,sec,total"


def test_coverage_of_the_bundled_corpus_lists_every_area(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "coverage", "-f", "csv")
    assert code == 0
    header = out.splitlines()[0].split(",")
    assert header == ["document", *ng.load().taxonomy.areas, "total"]


def test_python_dash_m_negotiation_list_exits_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "negotiation", "list", "-f", "github"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Id" in result.stdout.splitlines()[0]
