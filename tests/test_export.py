"""The corpus as a table: ``ng.stances``, the codebook and ``negotiation export`` in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import negotiation as ng
from negotiation.corpus.frame import STANCE_COLUMNS
from tests.command_line import run_cli as cli
from tests.small_corpus import corpus_folder

HOSTILE = """\
id: ru-x
title: "=HYPERLINK(\\"http://evil\\")"
date: 2022-01-01
kind: joint_draft
status: official
authors: [RU, UA]
sources:
  - {id: s1, outlet: "@Outlet", title: Article, date: 2022-02-03, url: "https://example.org/a"}
stances:
  sec.level:
    value: c
    source: s1
    quote: "-a quote"
  sec.army_cap:
    alternatives: {RU: 85000, UA: 250000}
    source: s1
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = corpus_folder(tmp_path / "corpus")
    (root / "documents" / "ru-x.yaml").write_text(HOSTILE, encoding="utf-8")
    return root


def test_every_stance_is_one_row_with_the_documented_columns(corpus: ng.Corpus) -> None:
    frame = ng.stances(corpus)
    assert list(frame.columns) == list(STANCE_COLUMNS)
    expected = sum(len(s.alternatives) if s.alternatives else 1 for d in corpus for s in d.stances.values())
    assert len(frame) == expected


def test_columns_are_typed(corpus: ng.Corpus) -> None:
    frame = corpus.to_frame()
    assert str(frame["date"].dtype).startswith("datetime64")
    assert str(frame["source_date"].dtype).startswith("datetime64")
    assert frame["issue"].cat.ordered and list(frame["issue"].cat.categories) == list(corpus.taxonomy.issues)
    assert list(frame["confidence"].cat.categories) == ["low", "medium", "high"]
    assert frame["confidence"].cat.ordered
    positions = frame["position"].dropna()
    assert ((positions >= 0) & (positions <= 1)).all()
    assert frame.loc[frame.scale == "set", "position"].isna().all()


def test_one_ordinal_scale_makes_value_an_ordered_category(corpus: ng.Corpus) -> None:
    frame = ng.stances(corpus, issues=["territory.crimea", "territory.donetsk"])
    levels = corpus.taxonomy.issues["territory.crimea"].scale.level_ids
    assert list(frame["value"].cat.categories) == list(levels)
    assert frame["value"].cat.ordered


def test_a_bracketed_stance_gives_one_row_per_author(folder: Path) -> None:
    frame = ng.stances(ng.load(folder))
    cap = frame[frame.issue == "sec.army_cap"]
    assert cap[["party", "number", "bracketed"]].values.tolist() == [["RU", 85000.0, True], ["UA", 250000.0, True]]
    level = frame[frame.issue == "sec.level"].iloc[0]
    assert (level.party, level.level, level.value_label, level.url) == ("RU+UA", 2, "Neutral", "https://example.org/a")


def test_codebook_has_every_level_with_labels_in_both_languages(corpus: ng.Corpus) -> None:
    book = ng.codebook(corpus)
    crimea = book[book.issue == "territory.crimea"]
    assert crimea["value"].tolist() == list(corpus.taxonomy.issues["territory.crimea"].scale.level_ids)
    assert crimea["position"].tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert {"label_en", "label_ar", "issue_label_ar", "area_label_ar"} <= set(book.columns)
    assert crimea["label_ar"].iloc[0] == "استعادة السيطرة الأوكرانية"


def test_export_csv_to_stdout_round_trips(corpus: ng.Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "export")
    assert code == 0
    assert "corpus:" in err
    back = pd.read_csv(io.StringIO(out), parse_dates=["date", "source_date"])
    frame = ng.stances(corpus)
    assert list(back.columns) == list(frame.columns)
    assert back["document"].tolist() == frame["document"].tolist()
    assert (back["date"] == frame["date"]).all()
    assert back["number"].equals(frame["number"].astype(float))
    assert back["url"].fillna("").tolist() == frame["url"].fillna("").tolist()


def test_export_parquet_round_trips_exactly(corpus: ng.Corpus, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stances.parquet"
    code, out, _ = cli(capsys, "export", "--format", "parquet", "--output", str(target))
    assert code == 0 and out.startswith(f"wrote {len(ng.stances(corpus))} stances to ")
    back = pd.read_parquet(target)
    frame = ng.stances(corpus)
    pd.testing.assert_frame_equal(back, frame, check_dtype=False, check_categorical=False)
    assert back["confidence"].cat.ordered
    assert (tmp_path / "stances.codebook.parquet").exists()


def test_export_json_and_its_codebook(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    code, _, _ = cli(capsys, "--corpus", str(folder), "export", "-f", "json", "-o", str(target))
    assert code == 0
    rows = json.loads(target.read_text(encoding="utf-8"))
    assert rows[0]["date"] == "2022-01-01" and rows[0]["title"].startswith("=HYPERLINK")  # json: unchanged
    book = json.loads((tmp_path / "out.codebook.json").read_text(encoding="utf-8"))
    assert [r["value"] for r in book if r["issue"] == "sec.level"] == ["a", "b", "c"]


def test_export_xlsx_has_stances_and_codebook_sheets(folder: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("openpyxl")
    target = tmp_path / "out.xlsx"
    assert cli(capsys, "--corpus", str(folder), "export", "-f", "xlsx", "-o", str(target))[0] == 0
    sheets = pd.read_excel(target, sheet_name=None)
    assert list(sheets) == ["stances", "codebook"]
    stances = sheets["stances"]
    assert stances["title"].iloc[0].startswith("'=HYPERLINK")
    assert stances["source_outlet"].iloc[0] == "'@Outlet"
    assert len(sheets["codebook"]) == 4  # three levels and the numeric scale


def test_xlsx_raw_keeps_formula_text_as_text(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "raw.xlsx"
    assert cli(capsys, "--corpus", str(folder), "export", "-f", "xlsx", "-o", str(target), "--raw")[0] == 0
    cell = openpyxl.load_workbook(target)["stances"]["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://evil")', "s")


def test_csv_neutralises_formula_cells_unless_raw(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "--corpus", str(folder), "export")
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["title"].startswith("'=") and row["quote"] == "'-a quote"
    _, raw, _ = cli(capsys, "--corpus", str(folder), "export", "--raw")
    assert next(csv.DictReader(io.StringIO(raw)))["title"].startswith("=HYPERLINK")


def test_binary_formats_need_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "export", "--format", "xlsx")
    assert (code, out) == (2, "")
    assert err == "negotiation: error: --format xlsx is binary: give --output FILE\n"


def test_output_folder_is_checked_before_any_work(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "export", "--output", "/no/such/dir/x.csv")
    assert (code, out) == (2, "")
    assert "cannot write /no/such/dir/x.csv: the folder /no/such/dir does not exist" in err


def test_a_missing_library_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    code, _, err = cli(capsys, "export", "-f", "parquet", "-o", str(tmp_path / "x.parquet"))
    assert code == 2
    assert err == "negotiation: error: --format parquet needs pyarrow: pip install 'negotiation[export]'\n"
    assert not (tmp_path / "x.parquet").exists()


@pytest.mark.parametrize("argv", [["compare", "us-28-point-2025-11", "us-20-point-2025-12", "--plot"],
                                  ["report", "us-28-point-2025-11", "us-20-point-2025-12", "--output"]])
def test_plot_and_output_paths_are_checked_before_the_table_prints(argv: list[str],
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, *argv, "/no/such/dir/x.png")
    assert (code, out) == (2, "")
    assert err.rstrip().endswith("cannot write /no/such/dir/x.png: the folder /no/such/dir does not exist")
