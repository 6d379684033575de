"""A corpus written by someone hostile: what reaches a terminal, a spreadsheet or a page is escaped.

Covers the parts of issue 18 built so far: the terminal sanitiser, spreadsheet-safe csv/tsv,
clean exits through the real command line, and the Content-Security-Policy of every page.
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
from negotiation.render.sanitize import CSP, spreadsheet_cell, terminal_text

HOSTILE_TITLE = "=HYPERLINK(\"http://x\") \x1b]0;owned\x07\x1b[2J"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The bundled corpus with one document whose title and note carry escapes and a formula."""
    corpus = ng.load()
    doc = corpus["us-28-point-2025-11"]
    stance = doc.stances["justice.amnesty"].model_copy(update={"note": "=cmd|' /C calc'!A0 \x1b[31mred"})
    bad = doc.model_copy(update={"title": HOSTILE_TITLE, "stances": {**doc.stances, "justice.amnesty": stance}})
    docs = [d for d in corpus if d.id != doc.id] + [bad]
    return ng.dump(ng.Corpus.of(corpus.taxonomy, docs), tmp_path / "hostile")


def _cli(*argv: str, stdout: int | None = subprocess.PIPE, env: dict[str, str] | None = None,
         ) -> subprocess.CompletedProcess[bytes]:
    base = {**os.environ, "NEGOTIATION_NO_CACHE": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "negotiation", *argv], stdout=stdout, stderr=subprocess.PIPE,
                          env=base, timeout=120, check=False)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_terminal_text_never_lets_a_control_character_through(text: str) -> None:
    shown = terminal_text(text)
    assert not any((ord(ch) < 32 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F for ch in shown)


@given(st.text(max_size=20))
def test_a_spreadsheet_cell_never_starts_a_formula(text: str) -> None:
    cell = spreadsheet_cell(text)
    if isinstance(cell, str) and cell and cell[0] in "=+-@\t\r":
        float(cell)  # only a plain number may keep its sign


def test_escapes_in_a_title_reach_the_terminal_visibly(hostile: Path) -> None:
    done = _cli("--corpus", str(hostile), "show", "us-28-point-2025-11")
    assert done.returncode == 0
    assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
    assert b"\\x1b" in done.stdout


def test_csv_neutralises_formulas_unless_raw(hostile: Path) -> None:
    done = _cli("--corpus", str(hostile), "list", "-f", "csv")
    assert done.returncode == 0
    lines = [line for line in done.stdout.decode().splitlines() if "HYPERLINK" in line]
    assert lines and all("'=HYPERLINK" in line and ',"=HYPERLINK' not in line for line in lines)
    raw = _cli("--corpus", str(hostile), "list", "-f", "csv", "--raw")
    assert raw.returncode == 0 and b',"=HYPERLINK' in raw.stdout


def test_a_full_disk_is_one_line_and_no_traceback() -> None:
    with open("/dev/full", "wb") as full:
        done = _cli("list", stdout=full.fileno())
    assert done.returncode != 0
    assert b"Traceback" not in done.stderr and len(done.stderr.decode().strip().splitlines()) == 1


def test_ascii_only_stdout_prints_without_a_traceback() -> None:
    done = _cli("compare", "istanbul-draft-2022-04", "us-28-point-2025-11", "--lang", "ar",
                env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr


def test_every_html_page_carries_the_strict_csp(tmp_path: Path) -> None:
    done = _cli("compare", "istanbul-draft-2022-04", "us-28-point-2025-11", "-f", "html")
    assert done.returncode == 0
    assert CSP.encode() in done.stdout and b"default-src 'none'" in done.stdout
