"""The cache of validated corpora: reused while the files are unchanged, never trusted when damaged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.corpus import cache
from negotiation.corpus.loader import _load

BUNDLED = ng.load()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = list(BUNDLED)[:3]
    return ng.dump(ng.Corpus.of(BUNDLED.taxonomy, docs), tmp_path / "corpus")


class Reader:
    """Reads a folder like the loader and counts how often it had to."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, folder: Path) -> ng.Corpus:
        self.calls += 1
        return _load(folder)


def _cached_twice(folder: Path) -> tuple[ng.Corpus, ng.Corpus, Reader]:
    reader = Reader()
    first = cache.cached(folder, reader)
    second = cache.cached(folder, reader)
    return first, second, reader


def test_a_second_load_reads_the_cache_not_the_files(cache_dir: Path, folder: Path) -> None:
    first, second, reader = _cached_twice(folder)
    assert reader.calls == 1
    assert second == first == _load(folder)


def test_the_cache_lives_in_the_folder_named_by_the_environment(cache_dir: Path, folder: Path) -> None:
    ng.load(folder)
    assert {f.name for f in cache_dir.iterdir()} == {cache.cache_file(folder).name, cache.SECRET}
    assert cache.cache_file(folder).is_file()


def test_cached_documents_still_know_their_taxonomy(cache_dir: Path, folder: Path) -> None:
    _, second, _ = _cached_twice(folder)
    assert all(doc.taxonomy is second.taxonomy for doc in second)


def test_an_edited_file_is_read_again(cache_dir: Path, folder: Path) -> None:
    ng.load(folder)
    file = next((folder / "documents").iterdir())
    file.write_text(file.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8")
    assert ng.load(folder)[file.stem].title.startswith("Edited ")


def test_an_added_document_is_read_again(cache_dir: Path, folder: Path) -> None:
    ng.load(folder)
    extra = list(BUNDLED)[5]
    ng.dump(ng.Corpus.of(BUNDLED.taxonomy, [extra]), folder)
    assert extra.id in ng.load(folder)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"\x00garbage" * 50, id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[:-20] + bytes(20), id="payload-altered"),
        pytest.param(lambda data: data.replace(b'"key": "', b'"key": "0', 1), id="foreign-key"),
    ],
)
def test_a_damaged_cache_is_rebuilt_not_trusted(cache_dir: Path, folder: Path, damage) -> None:
    reader = Reader()
    cache.cached(folder, reader)
    file = cache.cache_file(folder)
    file.write_bytes(damage(file.read_bytes()))
    assert cache.cached(folder, reader) == _load(folder)
    assert reader.calls == 2
    cache.cached(folder, reader)
    assert reader.calls == 2, "the rebuilt cache is used again"


def test_a_cache_of_another_package_version_is_rebuilt(
    cache_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = Reader()
    cache.cached(folder, reader)
    monkeypatch.setattr(ng, "__version__", "0.0.0-other")
    cache.cached(folder, reader)
    assert reader.calls == 2


def test_no_cache_environment_variable_turns_it_off(
    cache_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEGOTIATION_NO_CACHE", "1")
    _, _, reader = _cached_twice(folder)
    assert reader.calls == 2
    assert not cache_dir.exists()


def test_a_folder_that_fails_to_load_is_never_cached(cache_dir: Path, folder: Path) -> None:
    (folder / "taxonomy.yaml").write_text("poles: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ng.CorpusError):
            ng.load(folder)
    assert not cache.cache_file(folder).exists()


def test_writing_leaves_no_temporary_files(cache_dir: Path, folder: Path) -> None:
    ng.load(folder)
    assert sorted(f.name for f in cache_dir.iterdir()) == sorted([cache.cache_file(folder).name, cache.SECRET])


def test_an_unwritable_cache_folder_still_loads(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("NEGOTIATION_CACHE_DIR", str(blocker / "cache"))
    assert ng.load(folder) == _load(folder)


def test_only_the_most_recent_corpora_are_kept(cache_dir: Path, tmp_path: Path) -> None:
    cache_dir.mkdir()
    for k in range(cache.KEEP + 3):
        (cache_dir / f"corpus-{k:04d}.pickle").write_bytes(b"x")
    cache.prune(cache_dir)
    assert len(list(cache_dir.iterdir())) == cache.KEEP


def test_a_check_without_errors_leaves_the_corpus_in_the_cache(cache_dir: Path, folder: Path) -> None:
    from negotiation.corpus.loader import check

    problems, corpus = check(folder)
    assert corpus is not None and not [p for p in problems if p.severity == "error"]
    assert cache.read(cache.cache_file(folder), cache.content_key(folder)) == corpus


# --- a cache that cannot run code


class _Planted:
    """Unpickling this creates a file: the proof that a forged cache ran code."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self):
        return (Path.write_text, (self.proof, "ran"))


def _forge(file: Path, key: str, payload: bytes) -> None:
    """A cache file as an attacker would write it: right magic, right key, unkeyed digest."""
    import hashlib
    import json

    header = {"key": key, "size": len(payload), "mac": hashlib.blake2b(payload, digest_size=32).hexdigest(),
              "digest": hashlib.blake2b(payload, digest_size=20).hexdigest()}
    file.write_bytes(cache.MAGIC + json.dumps(header).encode() + b"\n" + payload)


def test_a_forged_cache_file_is_never_unpickled(cache_dir: Path, folder: Path, tmp_path: Path) -> None:
    import pickle

    reader = Reader()
    cache.cached(folder, reader)
    proof = tmp_path / "proof"
    _forge(cache.cache_file(folder), cache.content_key(folder), pickle.dumps(_Planted(proof)))
    assert cache.cached(folder, reader) == _load(folder)
    assert not proof.exists(), "the forged pickle ran"
    assert reader.calls == 2


def test_a_forged_snapshot_is_never_unpickled(cache_dir: Path, folder: Path, tmp_path: Path) -> None:
    import pickle

    from negotiation.cli.main import main
    from negotiation.cli.snapshot import snapshot_file

    a, b = [doc.id for doc in _load(folder)][:2]
    assert main(["--corpus", str(folder), "compare", a, b]) == 0
    file = snapshot_file(folder)
    assert file is not None and file.path.is_file()
    proof = tmp_path / "proof"
    _forge(file.path, file.key, pickle.dumps(_Planted(proof)))
    assert main(["--corpus", str(folder), "compare", a, b]) == 0
    assert not proof.exists(), "the forged snapshot ran"


def test_a_forged_file_without_a_secret_is_never_unpickled(cache_dir: Path, folder: Path, tmp_path: Path) -> None:
    import pickle

    cache_dir.mkdir(mode=0o700)
    proof = tmp_path / "proof"
    _forge(cache.cache_file(folder), cache.content_key(folder), pickle.dumps(_Planted(proof)))
    assert ng.load(folder) == _load(folder)
    assert not proof.exists()


def test_the_cache_folder_is_private_and_its_files_0600(cache_dir: Path, folder: Path) -> None:
    ng.load(folder)
    assert cache_dir.stat().st_mode & 0o777 == 0o700
    for file in cache_dir.iterdir():
        assert file.stat().st_mode & 0o777 == 0o600, file.name


def test_a_cache_folder_of_ours_made_by_the_umask_is_tightened(cache_dir: Path, folder: Path) -> None:
    cache_dir.mkdir(mode=0o755)
    cache_dir.chmod(0o755)
    ng.load(folder)
    assert cache_dir.stat().st_mode & 0o777 == 0o700


def test_a_cache_folder_others_can_write_is_not_used(
    cache_dir: Path, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "_warned", set())
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    _, _, reader = _cached_twice(folder)
    assert reader.calls == 2
    assert list(cache_dir.iterdir()) == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not used: writable by others" in err


def test_a_cache_folder_of_another_user_is_not_used(
    cache_dir: Path, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "_warned", set())
    cache_dir.mkdir(mode=0o700)
    uid = cache_dir.stat().st_uid
    monkeypatch.setattr(cache.os, "getuid", lambda: uid + 1)
    _, _, reader = _cached_twice(folder)
    assert reader.calls == 2
    assert list(cache_dir.iterdir()) == []
    assert "not used: owned by another user" in capsys.readouterr().err


def test_a_secret_others_can_read_is_not_trusted(
    cache_dir: Path, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "_warned", set())
    ng.load(folder)
    (cache_dir / cache.SECRET).chmod(0o644)
    _, _, reader = _cached_twice(folder)
    assert reader.calls == 2
    assert "secret readable by others" in capsys.readouterr().err


def test_a_secret_that_is_a_symlink_is_not_followed(
    cache_dir: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "_warned", set())
    cache_dir.mkdir(mode=0o700)
    known = tmp_path / "known"
    known.write_bytes(bytes(32))
    known.chmod(0o600)
    (cache_dir / cache.SECRET).symlink_to(known)
    _, _, reader = _cached_twice(folder)
    assert reader.calls == 2


@pytest.mark.skipif(sys.platform != "linux", reason="the folder is written without platformdirs on Linux only")
@pytest.mark.parametrize("xdg", [None, "", "/tmp/xdg-cache-home"])
def test_the_cache_folder_is_the_one_platformdirs_gives(xdg: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from negotiation.corpus.cache import cache_dir

    monkeypatch.delenv("NEGOTIATION_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == Path(platformdirs.user_cache_dir("negotiation"))
