"""A corpus reads only itself: files named by ``text_file``, ``seed`` or a symlink stay inside it.

Every refusal is a located ``validate`` error whose words are the same whatever lies at
the target (no existence oracle), and nothing hangs or exhausts memory.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.corpus import confine

BUNDLED = ng.load()
DOC = "istanbul-draft-2022-04"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three bundled documents, the first quoting a stored text ``sources/text.txt``."""
    docs = [BUNDLED[DOC], *[d for d in BUNDLED if d.id != DOC][:2]]
    path = ng.dump(ng.Corpus.of(BUNDLED.taxonomy, docs), tmp_path / "corpus")
    (path / "sources").mkdir(exist_ok=True)
    (path / "sources" / "text.txt").write_text("some stored text", encoding="utf-8")
    return path


def _name(folder: Path, text_file: str | None = None, seed: str | None = None) -> None:
    """Point the first source of :data:`DOC` at ``text_file`` (or ``seed``)."""
    doc = BUNDLED[DOC]
    first = doc.sources[0].model_copy(update={"text_file": text_file, "seed": seed})
    ng.dump(ng.Corpus.of(BUNDLED.taxonomy, [doc.model_copy(update={"sources": (first, *doc.sources[1:])})]), folder)


def _errors(folder: Path) -> list[ng.Problem]:
    return [p for p in ng.validate(folder) if p.severity == "error"]


def test_a_text_file_inside_the_corpus_is_read(folder: Path) -> None:
    _name(folder, "sources/text.txt")
    assert _errors(folder) == []


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "sources/../../x", "C:\\x", "a\0b"])
def test_a_text_file_outside_the_corpus_is_a_located_error(folder: Path, name: str) -> None:
    _name(folder, name)
    errors = _errors(folder)
    assert len(errors) == 1, errors
    assert errors[0].location.endswith(".text_file") and errors[0].line
    assert "inside the corpus folder" in errors[0].message


def _same_words(folder: Path, make: Callable[[Path], None], tmp_path: Path) -> str:
    """The message for a refused target made by ``make`` — asserted equal whether the target exists."""
    messages = []
    for exists in (True, False):
        target = tmp_path / f"outside-{exists}"
        if exists:
            target.write_text("secret", encoding="utf-8")
        link = folder / "sources" / "link.txt"
        link.unlink(missing_ok=True)
        link.symlink_to(target)
        make(link)
        _name(folder, "sources/link.txt")
        errors = _errors(folder)
        assert len(errors) == 1 and errors[0].location.endswith(".text_file")
        messages.append(errors[0].message)
    assert messages[0] == messages[1], "the message tells whether the target exists"
    assert "secret" not in messages[0] and "outside-" not in messages[0]
    return messages[0]


def test_a_symlink_out_of_the_corpus_reveals_nothing_of_its_target(folder: Path, tmp_path: Path) -> None:
    assert "leads outside" in _same_words(folder, lambda link: None, tmp_path)


def test_a_symlink_that_stays_inside_is_followed(folder: Path) -> None:
    (folder / "sources" / "inner.txt").symlink_to(folder / "sources" / "text.txt")
    _name(folder, "sources/inner.txt")
    assert _errors(folder) == []


def test_a_fifo_is_an_error_and_never_hangs(folder: Path) -> None:
    os.mkfifo(folder / "sources" / "pipe.txt")
    _name(folder, "sources/pipe.txt")
    errors = _errors(folder)
    assert [e.message for e in errors] == ["text_file is not a regular file: not read"]


def test_a_device_is_never_read(folder: Path) -> None:
    (folder / "sources" / "zero.txt").symlink_to("/dev/zero")
    _name(folder, "sources/zero.txt")
    assert "leads outside" in _errors(folder)[0].message
    with pytest.raises(confine.Refused, match=confine.NOT_REGULAR):
        confine.read_bytes(Path("/dev"), Path("/dev/zero"))


def test_an_oversize_text_file_is_an_error(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from negotiation.corpus import record

    monkeypatch.setattr(record, "MAX_TEXT_BYTES", 4)
    _name(folder, "sources/text.txt")
    assert "over the 4-byte limit" in _errors(folder)[0].message
    with pytest.raises(confine.Refused, match="over the 4-byte limit"):
        confine.read_bytes(folder, folder / "sources" / "text.txt", 4)


def test_a_symlink_loop_in_sources_is_reported(folder: Path) -> None:
    (folder / "sources" / "loop.txt").symlink_to(folder / "sources" / "loop.txt")
    _name(folder, "sources/loop.txt")
    assert [e.message for e in _errors(folder)] == ["text_file is a symlink loop: not followed"]


def test_a_symlink_loop_in_documents_is_a_located_error(folder: Path) -> None:
    loop = folder / "documents" / "loop.yaml"
    loop.symlink_to(loop)
    errors = _errors(folder)
    assert [(Path(e.file).name, e.message) for e in errors] == [
        ("loop.yaml", "the file is a symlink loop: not followed")]
    with pytest.raises(ng.CorpusError):
        ng.load(folder)


def test_a_document_symlinked_from_outside_is_not_read(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("secret: [unclosed\n", encoding="utf-8")
    (folder / "documents" / "elsewhere.yaml").symlink_to(outside)
    errors = _errors(folder)
    assert [e.message for e in errors] == ["the file is a symlink that leads outside the corpus folder: not followed"]


def test_a_document_symlinked_inside_the_corpus_is_read(folder: Path) -> None:
    (folder / "kept").mkdir()
    doc = folder / "documents" / f"{DOC}.yaml"
    doc.rename(folder / "kept" / doc.name)
    doc.symlink_to(folder / "kept" / doc.name)
    assert _errors(folder) == []
    assert DOC in ng.load(folder)


def test_a_fifo_among_the_documents_is_an_error(folder: Path) -> None:
    os.mkfifo(folder / "documents" / "pipe.yaml")
    assert [e.message for e in _errors(folder)] == ["the file is not a regular file: not read"]


@pytest.mark.parametrize("seed", ["../x.txt", "sub/x.txt", "/etc/passwd"])
def test_a_seed_that_is_not_a_plain_name_is_an_error(folder: Path, seed: str) -> None:
    _name(folder, seed=seed)
    errors = _errors(folder)
    assert len(errors) == 1 and errors[0].location.endswith(".seed")


def test_a_seed_symlinked_out_of_the_seeds_folder_is_an_error(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "s.txt").symlink_to("/etc/hostname")
    monkeypatch.setenv("NEGOTIATION_SEEDS", str(seeds))
    _name(folder, seed="s.txt")
    assert "leads outside" in _errors(folder)[0].message


def test_an_alias_that_holds_itself_is_a_located_error_not_a_hang(folder: Path) -> None:
    """``&a [*a]`` parses to a list containing itself: every walk of the data must end."""
    doc = next((folder / "documents").glob("*.yaml"))
    doc.write_text(doc.read_text(encoding="utf-8") + "extra: &loop [*loop]\n", encoding="utf-8")
    errors = _errors(folder)
    assert errors and all(p.file.endswith(doc.name) for p in errors)
    assert any("extra" in p.location for p in errors)
