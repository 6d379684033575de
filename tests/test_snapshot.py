"""The command line's snapshot of a corpus: the same table, words and data as the models give.

``negotiation compare A B`` runs from a snapshot of plain data once the corpus has been
loaded (see :mod:`negotiation.cli.snapshot`). These tests hold it to the full path: equal
records, titles, summaries, notes and JSON data for bundled and generated documents, and a
snapshot that is rebuilt, never trusted, when the corpus or the file changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiation as ng
from negotiation.cli import snapshot
from negotiation.cli.main import main
from negotiation.render.formats import Table
from negotiation.render.report import comparison_table_data

from .test_properties import encoded_corpora

BUNDLED = ng.load()
SNAPSHOT = snapshot.build(BUNDLED)
A, B = "ua-peace-formula-2022-11", "ru-memorandum-2025-06"  # no bracket, reading or report: the snapshot answers


def _full(corpus: ng.Corpus, a: str, b: str, lang: str, all_issues: bool) -> Table:
    cmp = ng.compare(corpus[a], corpus[b], taxonomy=corpus.taxonomy, all_issues=all_issues)
    return comparison_table_data(cmp, lang)


def _quick(snap: snapshot.Snapshot, a: str, b: str, lang: str, all_issues: bool) -> Table:
    return snapshot.compare_table(snap, a, b, lang, all_issues=all_issues, with_data=True)[0]


def _assert_same(full: Table, quick: Table) -> None:
    assert quick.rows == full.rows
    assert (quick.title, quick.summary, quick.notes) == (full.title, full.summary, full.notes)
    assert quick.data == full.data
    assert [c.name for c in quick.columns] == [c.name for c in full.columns]


def test_the_bundled_corpus_has_a_snapshot_of_every_document() -> None:
    assert SNAPSHOT is not None
    assert set(SNAPSHOT.documents) == {d.id for d in BUNDLED}


def test_snapshot_comparisons_of_bundled_documents_equal_the_full_path() -> None:
    assert SNAPSHOT is not None
    ids = [d.id for d in BUNDLED]
    for i, a in enumerate(ids):
        for j, b in enumerate(ids[i % 7::7]):
            lang = ("en", "ar")[(i + j) % 2]
            if not snapshot.answers(SNAPSHOT, a, b):
                continue  # a range to compute: the full path answers (test_a_range_takes_the_full_path)
            _assert_same(_full(BUNDLED, a, b, lang, all_issues=j % 3 == 0),
                         _quick(SNAPSHOT, a, b, lang, all_issues=j % 3 == 0))


@given(encoded_corpora(), st.sampled_from(["en", "ar"]), st.booleans())
def test_snapshot_comparisons_of_generated_documents_equal_the_full_path(corpus, lang, all_issues) -> None:
    snap = snapshot.build(corpus)
    assert snap is not None
    for a in corpus:
        for b in corpus:
            if not snapshot.answers(snap, a.id, b.id):
                continue
            _assert_same(_full(corpus, a.id, b.id, lang, all_issues), _quick(snap, a.id, b.id, lang, all_issues))


def test_the_snapshot_unpickles_without_pydantic(tmp_path: Path) -> None:
    env = {**os.environ, "NEGOTIATION_CACHE_DIR": str(tmp_path)}
    cli = [sys.executable, "-m", "negotiation", "compare", A, B]
    first = subprocess.run(cli, env=env, capture_output=True, text=True, check=True).stdout
    code = ("import sys\nfrom negotiation.cli.main import main\n"
            f"code = main(['compare', {A!r}, {B!r}])\n"
            "print('pydantic' in sys.modules, 'pandas' in sys.modules, file=sys.stderr)\nsys.exit(code)")
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert second.stdout == first
    assert second.stderr.split() == ["False", "False"]


@pytest.fixture
def own(tmp_path: Path, cache_dir: Path) -> Path:
    """A corpus folder of four bundled documents, with its own cache folder."""
    docs = [BUNDLED[i] for i in (A, B, "istanbul-draft-2022-04", "us-28-point-2025-11")]
    return ng.dump(ng.Corpus.of(BUNDLED.taxonomy, docs), tmp_path / "corpus")


def _compare(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> str:
    assert main(["--corpus", str(folder), "compare", A, B, "--width", "100", *argv]) == 0
    return capsys.readouterr().out


def _compare_pair(capsys: pytest.CaptureFixture[str], folder: Path, a: str, b: str) -> str:
    assert main(["--corpus", str(folder), "compare", a, b, "--width", "100"]) == 0
    return capsys.readouterr().out


def _snapshot_path(folder: Path) -> Path:
    file = snapshot.snapshot_file(folder)
    assert file is not None
    return file.path


@pytest.mark.parametrize("fmt", ["simple_grid", "github", "json", "csv"])
def test_a_second_compare_reads_the_snapshot_and_prints_the_same(
    own: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    first = _compare(capsys, own, "--format", fmt, "--lang", "ar")
    assert _snapshot_path(own).exists()
    assert _compare(capsys, own, "--format", fmt, "--lang", "ar") == first


def test_a_damaged_snapshot_is_rebuilt_not_trusted(own: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _compare(capsys, own)
    path = _snapshot_path(own)
    data = bytearray(path.read_bytes())
    data[-40:] = b"\0" * 40
    path.write_bytes(bytes(data))
    assert _compare(capsys, own) == first
    assert path.read_bytes() != bytes(data)


def test_an_edited_corpus_is_compared_afresh(own: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _compare_pair(capsys, own, "istanbul-draft-2022-04", "us-28-point-2025-11")
    file = own / "documents" / "us-28-point-2025-11.yaml"
    text = file.read_text(encoding="utf-8")
    assert "600000" in text
    file.write_text(text.replace("600000", "700000"), encoding="utf-8")
    after = _compare_pair(capsys, own, "istanbul-draft-2022-04", "us-28-point-2025-11")
    assert "600,000" in before and "700,000" in after and "600,000" not in after


def test_positions_and_unknown_ids_take_the_full_path(own: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _compare(capsys, own)
    assert main(["--corpus", str(own), "compare", "istanbul-draft-2022-4", "us-28-point-2025-11"]) == 2
    assert "did you mean" in capsys.readouterr().err
    assert main(["--corpus", str(own), "compare", "UA@2025-12-01", B]) in (0, 1)


def test_a_range_takes_the_full_path() -> None:
    assert SNAPSHOT is not None
    assert snapshot.answers(SNAPSHOT, A, B)
    assert not snapshot.answers(SNAPSHOT, "istanbul-draft-2022-04", "us-28-point-2025-11")  # a bracket
