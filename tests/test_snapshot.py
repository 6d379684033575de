"""The command line's snapshot of a corpus: the same table, words and data as the models give.

``negotiation compare A B`` runs from a snapshot of plain data once the corpus has been
loaded (see :mod:`negotiation.cli.snapshot`). These tests hold it to the full path: equal
records, titles, summaries (the convergence range, what it hinges on, stale stances), notes
and JSON data for bundled, generated and position documents; the same bytes printed in
every language and several formats; the same arguments as the full parser; and a snapshot
that is rebuilt, never trusted, when the corpus or the file changes.
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
from negotiation.cli.main import build_parser, main
from negotiation.render.formats import Table
from negotiation.render.report import comparison_table_data

from .test_properties import encoded_corpora

BUNDLED = ng.load()
SNAPSHOT = snapshot.build(BUNDLED)
A, B = "ua-peace-formula-2022-11", "ru-memorandum-2025-06"  # no bracket, reading or report
BRACKETED, REPORTED = "istanbul-draft-2022-04", "us-20-point-2025-12"  # brackets; brackets in a reported document


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
    ranged = 0
    for i, a in enumerate(ids):
        for j, b in enumerate(ids[i % 7::7]):
            lang = ("en", "ar")[(i + j) % 2]
            full = _full(BUNDLED, a, b, lang, all_issues=j % 3 == 0)
            _assert_same(full, _quick(SNAPSHOT, a, b, lang, all_issues=j % 3 == 0))
            ranged += full.data["summary"]["low"] != full.data["summary"]["high"]
    assert ranged > 50  # brackets and reported stances: ranges and hinges among them


@given(encoded_corpora(), st.sampled_from(["en", "ar"]), st.booleans())
def test_snapshot_comparisons_of_generated_documents_equal_the_full_path(corpus, lang, all_issues) -> None:
    snap = snapshot.build(corpus)
    assert snap is not None
    for a in corpus:
        for b in corpus:
            _assert_same(_full(corpus, a.id, b.id, lang, all_issues), _quick(snap, a.id, b.id, lang, all_issues))


def _positions() -> ng.Corpus:
    """Two positions stored as documents (readings below the floor, stale stances) and three bundled documents."""
    ru = BUNDLED.position("RU", "2026-06-15").model_copy(update={"id": "ru-position"})
    ua = BUNDLED.position("UA", "2026-02-24").model_copy(update={"id": "ua-position"})
    return ng.Corpus.of(BUNDLED.taxonomy, [ru, ua, *(BUNDLED[i] for i in (BRACKETED, REPORTED, "us-28-point-2025-11"))])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_readings_and_stale_stances_of_positions_equal_the_full_path(lang: str) -> None:
    corpus = _positions()
    snap = snapshot.build(corpus)
    assert snap is not None
    for a, b in [("ru-position", "ua-position"), ("ua-position", BRACKETED), (REPORTED, "ru-position")]:
        full = _full(corpus, a, b, lang, all_issues=False)
        _assert_same(full, _quick(snap, a, b, lang, all_issues=False))
    summary = _full(corpus, "ru-position", "ua-position", lang, all_issues=False).summary
    assert len(summary) == 5  # index with its range, coverage, counts, what it hinges on, stale stances


HEAVY = ("pydantic", "pandas", "numpy", "yaml", "wcwidth", "importlib.resources", "negotiation.cli.validate")
"""Modules a compare from the snapshot never imports (the last one: the whole parser was not built)."""


@pytest.mark.parametrize(("a", "b", "lang"), [(A, B, "en"), (BRACKETED, "us-28-point-2025-11", "ar")])
def test_a_compare_from_the_snapshot_imports_none_of_the_heavy_modules(tmp_path: Path, a: str, b: str,
                                                                       lang: str) -> None:
    env = {**os.environ, "NEGOTIATION_CACHE_DIR": str(tmp_path)}
    cli = [sys.executable, "-m", "negotiation", "compare", a, b, "--lang", lang]
    first = subprocess.run(cli, env=env, capture_output=True, text=True, check=True).stdout
    code = ("import sys\nfrom negotiation.cli.main import main\n"
            f"code = main(['compare', {a!r}, {b!r}, '--lang', {lang!r}])\n"
            f"print(*[m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)\nsys.exit(code)")
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert second.stdout == first
    assert second.stderr.split() == []


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


def test_an_edit_that_keeps_the_size_and_the_time_is_still_compared_afresh(
    own: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _settled(own)
    file = own / "documents" / "us-28-point-2025-11.yaml"
    before = _compare_pair(capsys, own, "istanbul-draft-2022-04", "us-28-point-2025-11")
    info = file.stat()
    file.write_text(file.read_text(encoding="utf-8").replace("600000", "700000"), encoding="utf-8")
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns))  # the same size and time: only the change time moved
    assert file.stat().st_size == info.st_size and file.stat().st_mtime_ns == info.st_mtime_ns
    after = _compare_pair(capsys, own, "istanbul-draft-2022-04", "us-28-point-2025-11")
    assert "600,000" in before and "700,000" in after and "600,000" not in after


def test_positions_and_unknown_ids_take_the_full_path(own: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _compare(capsys, own)
    assert main(["--corpus", str(own), "compare", "istanbul-draft-2022-4", "us-28-point-2025-11"]) == 2
    assert "did you mean" in capsys.readouterr().err
    assert main(["--corpus", str(own), "compare", "UA@2025-12-01", B]) in (0, 1)


def test_the_snapshot_answers_every_pair_of_its_documents_ranges_included() -> None:
    assert SNAPSHOT is not None
    assert snapshot.answers(SNAPSHOT, A, B)
    assert snapshot.answers(SNAPSHOT, BRACKETED, "us-28-point-2025-11")
    assert not snapshot.answers(SNAPSHOT, A, "UA@2025-12-01")


PAIRS = [(BRACKETED, "us-28-point-2025-11"), (REPORTED, "ru-position"), ("ru-position", "ua-position"), (A, B)]


@pytest.fixture
def positions_folder(tmp_path: Path, cache_dir: Path) -> Path:
    """A corpus folder holding :func:`_positions`, with its own cache folder."""
    corpus = ng.Corpus.of(BUNDLED.taxonomy, [*_positions(), BUNDLED[A], BUNDLED[B]])
    return _settled(ng.dump(corpus, tmp_path / "corpus"))


def _settled(folder: Path) -> Path:
    """``folder`` with its files dated an hour ago, as files are that were not just written (keyed by status)."""
    for file in folder.rglob("*"):
        past = file.stat().st_mtime_ns - 3600 * 10**9
        os.utime(file, ns=(past, past))
    return folder


def _printed(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["simple_grid", "github", "json", "csv", "html", "markdown"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_fast_path_prints_the_bytes_the_full_path_prints(
    positions_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str, lang: str
) -> None:
    answered: list[tuple[str, str]] = []
    original = snapshot.compare_table

    def spy(snap: snapshot.Snapshot, a: str, b: str, *args: object, **kwargs: object) -> tuple[Table, bool]:
        answered.append((a, b))
        return original(snap, a, b, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(snapshot, "compare_table", spy)
    for i, (a, b) in enumerate(PAIRS):
        argv = ["--corpus", str(positions_folder), "compare", a, b, "--format", fmt, "--lang", lang, "--width", "90"]
        if i % 2:
            argv.append("--all-issues")
        monkeypatch.setenv("NEGOTIATION_NO_CACHE", "1")
        full = _printed(capsys, argv)
        monkeypatch.delenv("NEGOTIATION_NO_CACHE")
        _printed(capsys, argv)  # stores the snapshot (and the cached corpus)
        answered.clear()
        assert _printed(capsys, argv) == full
        assert answered == [(a, b)], "the second run must come from the snapshot"


ARGV = [
    ["compare", "a", "b"],
    ["--corpus", "x", "compare", "a", "--lang", "ar", "b", "--corpus", "y", "-f", "json", "--width", "030"],
    ["compare", "--all-issues", "a", "b", "--no-color", "--raw", "--format=csv", "--lang=en", "--width=20"],
    ["--corpus=c", "compare", "compare", "", "--format", "html"],
]
REFUSED = [
    ["compare", "a"], ["compare", "a", "b", "c"], ["compare", "a", "b", "--plot", "x.png"],
    ["compare", "a", "b", "--quotes"], ["compare", "a", "b", "--all"], ["compare", "a", "b", "-fjson"],
    ["compare", "a", "b", "--width", "19"], ["compare", "a", "b", "--width", "٣٠"],
    ["compare", "a", "b", "--lang", "fr"],
    ["compare", "a", "b", "--format", "nope"], ["compare", "a", "b", "--help"], ["--version", "compare", "a", "b"],
    ["compare", "a", "b", "--corpus", "-x"], ["compare", "-1", "b"], ["compare", "a", "b", "--raw=1"],
    ["compare", "a", "b", "--"], ["list", "compare"], ["show", "compare"],
]


def _parsed(argv: list[str]) -> dict[str, object] | None:
    """The full parser's reading of ``argv`` (without the function), or None where it refuses."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit:
        return None
    return {k: v for k, v in vars(args).items() if k != "func"}


@pytest.mark.parametrize("argv", ARGV)
def test_a_plain_compare_is_read_as_the_full_parser_reads_it(argv: list[str]) -> None:
    quick = snapshot.compare_args(argv)
    assert quick is not None
    assert vars(quick) == _parsed(argv)


@pytest.mark.parametrize("argv", REFUSED)
def test_anything_else_is_left_to_the_full_parser(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert snapshot.compare_args(argv) is None


TOKENS = st.sampled_from(["compare", "a", "b", "", "--corpus", "x", "-f", "json", "--format", "--format=github",
                          "--lang", "ar", "--lang=en", "--width", "40", "9", "--all-issues", "--no-color", "--raw",
                          "--quotes", "-", "--", "--all", "-x", "--corpus=y"])


@given(st.lists(TOKENS, max_size=9))
def test_whatever_compare_args_reads_the_full_parser_reads_the_same(argv: list[str]) -> None:
    quick = snapshot.compare_args(argv)
    if quick is not None:
        assert vars(quick) == _parsed(argv)
