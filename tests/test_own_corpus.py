"""A corpus of your own works as well as the bundled one: from ``negotiation init`` to a comparison."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.corpus.init import init_corpus
from tests.command_line import run_cli as cli


@pytest.fixture
def labour(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A wage negotiation made by ``negotiation init`` in a temp folder."""
    folder = tmp_path / "labour"
    code, _, err = cli(capsys, "init", str(folder))
    assert (code, err) == (0, "")
    return folder


def test_init_writes_a_corpus_that_validates(labour: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "validate", str(labour))
    assert (code, err) == (0, "")
    assert out == f"ok: 2 documents, 8 stances, 4 issues; corpus: {labour} (path given)\n"


def test_init_gives_one_issue_of_each_scale_kind_in_one_area(labour: Path) -> None:
    tax = ng.load(labour).taxonomy
    assert len(tax.areas) == 1
    assert sorted(i.scale.kind for i in tax.issues.values()) == ["flag", "numeric", "ordinal", "set"]


def test_init_labels_are_english_only(labour: Path) -> None:
    tax = ng.load(labour).taxonomy
    labelled = [tax.poles.low, tax.poles.high, *tax.areas.values(), *tax.issues.values(), *tax.parties.values()]
    assert all(not item.labels for item in labelled)


def test_documents_of_your_own_compare_without_a_taxonomy_argument(labour: Path) -> None:
    c = ng.load(labour)
    cmp = ng.compare(c["union-2024-01"], c["employer-2024-01"])
    assert {d.issue.id: d.verdict.value for d in cmp.diffs} == {
        "pay.raise_pct": "apart", "pay.indexation": "close", "pay.covered": "apart", "pay.back_pay": "apart",
    }


def test_compare_on_the_command_line_reads_your_corpus(labour: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--corpus", str(labour), "compare", "union-2024-01", "employer-2024-01")
    assert code == 0
    assert "Indexation" in out and "Back pay" in out


def test_a_document_added_by_copying_validates(labour: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = (labour / "documents" / "union-2024-01.yaml").read_text(encoding="utf-8")
    new = old.replace("union-2024-01", "union-2024-02").replace("date: 2024-01-15", "date: 2024-02-12", 1)
    (labour / "documents" / "union-2024-02.yaml").write_text(new.replace("value: 9", "value: 7.5"), encoding="utf-8")
    code, out, _ = cli(capsys, "validate", str(labour))
    assert code == 0 and out.startswith("ok: 3 documents")
    code, out, _ = cli(capsys, "--corpus", str(labour), "concessions", "union-2024-01", "union-2024-02")
    assert code == 0 and "Pay rise" in out


def test_a_party_code_no_is_norway(labour: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parties = labour / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8") + "NO: {en: Norway (mediator)}\n", encoding="utf-8")
    assert ng.load(labour).taxonomy.parties["NO"].en == "Norway (mediator)"


def test_init_refuses_a_folder_that_holds_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = cli(capsys, "init", str(tmp_path / "x"))
    assert code == 2
    assert err == f"negotiation: error: {tmp_path / 'x'} already exists and is not an empty folder; choose a new one\n"


def test_init_points_editors_at_the_schemas(labour: Path) -> None:
    first = (labour / "documents" / "union-2024-01.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/document.json"
    assert (labour / "schemas" / "document.json").is_file()


def test_the_working_folder_positions_is_read_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEGOTIATION_CORPUS", raising=False)
    init_corpus(tmp_path / "positions")
    code, out, _ = cli(capsys, "validate")
    assert code == 0
    assert out.endswith("; corpus: ./positions (working folder)\n")


def test_the_environment_variable_names_the_corpus(
    labour: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEGOTIATION_CORPUS", str(labour))
    code, out, _ = cli(capsys, "list", "--format", "csv")
    assert code == 0
    assert "union-2024-01" in out


def _installed(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command line from ``cwd`` (the pattern of tests/test_install.py)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEGOTIATION_CORPUS")}
    return subprocess.run([sys.executable, "-m", "negotiation", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_installed_command_validates_the_working_folder_and_says_so(tmp_path: Path) -> None:
    init_corpus(tmp_path / "positions")
    done = _installed(tmp_path, "validate")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "ok: 2 documents, 8 stances, 4 issues; corpus: ./positions (working folder)\n"


def test_the_installed_command_reports_a_broken_document_in_the_working_folder(tmp_path: Path) -> None:
    init_corpus(tmp_path / "positions")
    bad = tmp_path / "positions" / "documents" / "employer-2024-01.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("value: partial", "value: some"), encoding="utf-8")
    done = _installed(tmp_path, "validate")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0].startswith("positions/documents/employer-2024-01.yaml:")
    assert "stances.pay.indexation.value: expected one of none, partial, full, got 'some'" in lines[0]
    assert lines[-1] == "1 error, 0 warnings in 1 file; corpus: ./positions (working folder)"
