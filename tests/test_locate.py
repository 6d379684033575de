"""The corpus is found where the user stands, and every command says which corpus it read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiation.corpus.locate import bundled_path, corpus_here
from tests.command_line import run_cli as cli


@pytest.fixture
def mine(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """``negotiation init mine`` in a temp folder that is its own repository (the walk stops there)."""
    monkeypatch.delenv("NEGOTIATION_CORPUS", raising=False)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(capsys, "init", "mine")
    assert code == 0 and "cd mine" in out
    return tmp_path / "mine"


def test_init_then_cd_then_validate_reads_the_new_corpus(mine: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mine)
    code, out, err = cli(capsys, "validate")
    assert (code, err) == (0, "")
    assert out == f"ok: 2 documents, 8 stances, 4 issues; corpus: {mine.resolve()} (working folder)\n"


def test_a_folder_below_the_corpus_finds_it(mine: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mine / "documents")
    code, out, _ = cli(capsys, "list")
    assert code == 0
    assert "union-2024-01" in out
    # The footer wraps where the temporary folder's path is long (as under pytest-xdist).
    assert " ".join(out.split()).endswith(f"corpus: {mine.resolve()} (working folder)")


def test_a_positions_folder_below_the_working_folder_is_found(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEGOTIATION_CORPUS", raising=False)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert cli(capsys, "init")[0] == 0  # writes ./positions
    code, out, _ = cli(capsys, "compare", "union-2024-01", "employer-2024-01")
    assert code == 0 and out.rstrip().endswith("corpus: ./positions (working folder)")


def test_the_walk_stops_at_the_repository_boundary(tmp_path: Path) -> None:
    (tmp_path / "taxonomy.yaml").write_text("", encoding="utf-8")
    inner = tmp_path / "project"
    (inner / ".git").mkdir(parents=True)
    (inner / "notes").mkdir()
    assert corpus_here(inner / "notes") is None
    assert corpus_here(tmp_path / "elsewhere") == tmp_path


def test_the_bundled_corpus_is_never_read_without_saying_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEGOTIATION_CORPUS", raising=False)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(capsys, "show", "us-28-point-2025-11", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "us-28-point-2025-11"  # json stays pure
    assert err == f"negotiation: corpus: {bundled_path()} (bundled with the library)\n"
    code, out, err = cli(capsys, "list")
    assert out.rstrip().endswith("(bundled with the library)") and err == ""


def test_an_html_page_says_its_corpus_on_stderr(mine: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mine)
    code, out, err = cli(capsys, "report", "union-2024-01", "employer-2024-01")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert err == f"negotiation: corpus: {mine.resolve()} (working folder)\n"


def test_a_named_corpus_keeps_machine_output_quiet(mine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "--corpus", str(mine), "list", "--format", "csv")
    assert (code, err) == (0, "")
