"""Identifiers people can read: look-alike, zero-width and bidi tricks are located validate errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import negotiation as ng
from negotiation.model.identifiers import confusable, identifier_problem, skeleton, text_problem

BUNDLED = ng.load()
DOC = "istanbul-draft-2022-04"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = [BUNDLED[DOC], *[d for d in BUNDLED if d.id != DOC][:2]]
    return ng.dump(ng.Corpus.of(BUNDLED.taxonomy, docs), tmp_path / "corpus")


def _errors(folder: Path) -> list[ng.Problem]:
    return [p for p in ng.validate(folder) if p.severity == "error"]


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("ident", ["RU", "us-28-point-2025-11", "justice.amnesty", "Україна", "نقطة_7", "日本の"])
def test_letters_of_one_script_digits_and_dashes_are_readable(ident: str) -> None:
    assert identifier_problem(ident) is None


@pytest.mark.parametrize("ident", ["RU\u200b", "R\u202eU", "R U", "R\x1bU", "RУ", "e\u0301x", ""])
def test_zero_width_bidi_controls_spaces_and_mixed_scripts_are_refused(ident: str) -> None:
    assert identifier_problem(ident) is not None


def test_cyrillic_and_latin_look_alikes_share_a_skeleton() -> None:
    assert skeleton("РУ") != skeleton("RU")  # У is not Latin U
    assert skeleton("СА") == skeleton("CA")
    assert confusable(["CA", "UA", "СА"]) == [("CA", "СА")]


def test_a_zero_width_party_code_is_a_located_error(folder: Path) -> None:
    _edit(folder / "parties.yaml", "RU:", "RU\u200b:")
    errors = _errors(folder)
    assert any(Path(e.file).name == "parties.yaml" and "U+200B ZERO WIDTH SPACE" in e.message and e.line
               for e in errors), errors


def test_a_party_code_that_looks_like_another_is_a_located_error(folder: Path) -> None:
    assert "CA" in BUNDLED.taxonomy.parties
    with (folder / "parties.yaml").open("a", encoding="utf-8") as out:
        out.write("\u0421\u0410: {en: Not Canada}\n")  # Cyrillic С and А
    errors = _errors(folder)
    assert [(Path(e.file).name, e.location) for e in errors if "looks like 'CA'" in e.message] == [
        ("parties.yaml", "\u0421\u0410")]


def test_a_source_id_with_a_zero_width_space_is_a_located_error(folder: Path) -> None:
    _edit(folder / "documents" / f"{DOC}.yaml", "- id: babel-wsj-2024", "- id: babel-wsj-2024\u200b")
    errors = _errors(folder)
    assert [(e.location, e.line is not None) for e in errors if "U+200B" in e.message] == [("sources[0].id", True)]


def test_an_issue_id_mixing_scripts_is_an_error(folder: Path) -> None:
    issue = next(iter(BUNDLED.taxonomy.issues))
    _edit(folder / "taxonomy.yaml", f"  {issue}:", f"  {issue}х:")  # a Cyrillic х
    assert any("mixes scripts" in e.message for e in _errors(folder))


def test_a_bidi_override_in_a_title_is_a_located_error(folder: Path) -> None:
    file = folder / "documents" / f"{DOC}.yaml"
    _edit(file, "title: Treaty", "title: \u202eTreaty")
    errors = _errors(folder)
    assert [(e.location, "U+202E" in e.message) for e in errors] == [("title", True)]


def test_text_in_any_script_without_bidi_controls_is_accepted() -> None:
    assert text_problem("معاهدة الحياد \u200f Договор 条約") is None
    assert text_problem("a\u2066b") is not None


def test_the_bundled_corpus_has_only_readable_identifiers() -> None:
    assert [p for p in ng.validate() if p.severity == "error"] == []
