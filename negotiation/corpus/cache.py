"""A cache of validated corpora, so that a command starts without re-reading YAML.

Reading and validating a corpus folder takes a fraction of a second; unpickling the
validated models takes milliseconds. :func:`cached` keeps one file per corpus folder in
the user cache folder (``platformdirs.user_cache_dir("negotiation")``, or the folder named
by the environment variable ``NEGOTIATION_CACHE_DIR``) and reuses it while it is known to
be current:

- its key is a BLAKE2b digest of the package, Python and pydantic versions, the model
  and loader code (``negotiation/model/*.py``, ``negotiation/corpus/*.py``, so an edited
  checkout never reads a stale pickle), and the name, size and bytes of every data file of
  the folder (``*.yaml``, ``*.yml``, ``*.json`` at the top and in ``documents/``), so
  any edited, added or removed file misses;
- the file starts with a header naming that key and a digest of the payload, both checked
  before the payload is unpickled; a truncated, garbled or foreign file is a miss, never
  trusted, and is rebuilt;
- it is written to a temporary file and renamed, so a reader never sees half a file;
- at most :data:`KEEP` files are kept (a corpus, and the command line's snapshot of it,
  per folder), the least recently written are deleted.

``NEGOTIATION_NO_CACHE=1`` turns the cache off. The cache holds pickles written by this
package in the user's own cache folder; point ``NEGOTIATION_CACHE_DIR`` at a folder only
you can write.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from negotiation.model.models import Corpus

MAGIC = b"negotiation-corpus-cache 1\n"
SUFFIXES = (".yaml", ".yml", ".json")
KEEP = 64
"""Files kept per cache folder (a corpus and the command line's snapshot of it per corpus
folder); the least recently written go first."""


def enabled() -> bool:
    """Whether the cache is on (``NEGOTIATION_NO_CACHE`` unset, empty or ``0``)."""
    return os.environ.get("NEGOTIATION_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    """The folder holding cached corpora: ``NEGOTIATION_CACHE_DIR`` or the user cache folder."""
    override = os.environ.get("NEGOTIATION_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("negotiation"))


def _versions() -> bytes:
    """The package, Python and pydantic versions, and the model and loader code behind a corpus."""
    import pydantic

    from negotiation import __version__

    digest = hashlib.blake2b(f"{__version__} {sys.version} pydantic {pydantic.VERSION}".encode())
    package = Path(__file__).resolve().parents[1]
    for source in sorted([*package.glob("model/*.py"), *package.glob("corpus/*.py")]):
        digest.update(source.read_bytes())
    return digest.digest()


def data_files(folder: Path) -> list[Path]:
    """The files a corpus folder's content depends on, in a stable order."""
    files: list[Path] = []
    for sub in (folder, folder / "documents"):
        try:
            entries = sorted(os.scandir(sub), key=lambda e: e.name)
        except OSError:
            continue
        files += [Path(e.path) for e in entries if e.name.endswith(SUFFIXES) and e.is_file()]
    return files


def content_key(folder: Path, versions: bytes | None = None) -> str:
    """A digest of the versions and of every data file's name, size and bytes.

    ``versions`` replaces the package, Python and pydantic versions and code digest of
    :func:`_versions` (for caches of other things than the validated models).
    """
    digest = hashlib.blake2b(_versions() if versions is None else versions, digest_size=20)
    for file in data_files(folder):
        data = file.read_bytes()
        digest.update(f"\0{file.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def cache_file(folder: Path, prefix: str = "corpus") -> Path:
    """Where the cached corpus of ``folder`` lives (one file per folder and ``prefix``)."""
    name = hashlib.blake2b(str(folder.resolve()).encode(), digest_size=10).hexdigest()
    return cache_dir() / f"{prefix}-{name}.pickle"


def read(file: Path, key: str) -> Corpus | None:
    """The corpus stored in ``file`` under ``key``; None if absent, stale or damaged."""
    from negotiation.model.models import Corpus

    corpus = read_object(file, key)
    return corpus if isinstance(corpus, Corpus) else None


def read_object(file: Path, key: str) -> Any:
    """The object stored in ``file`` under ``key`` by :func:`write`; None if absent, stale or damaged."""
    try:
        data = file.read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        return None
    try:
        header = json.loads(data[len(MAGIC):end])
    except ValueError:
        return None
    payload = data[end + 1:]
    if not isinstance(header, dict) or header.get("key") != key or header.get("size") != len(payload):
        return None
    if header.get("digest") != hashlib.blake2b(payload, digest_size=20).hexdigest():
        return None
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes many objects and no garbage: collections would only slow it (3× at 10,000 docs)
    try:
        return pickle.loads(payload)
    except Exception:  # a payload that passed the digest but will not load: a miss
        return None
    finally:
        if collecting:
            gc.enable()


def write(file: Path, key: str, value: Any) -> None:
    """Store ``value`` (a corpus, a snapshot) under ``key`` atomically; a cache that cannot be written is skipped."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    header = {"key": key, "size": len(payload), "digest": hashlib.blake2b(payload, digest_size=20).hexdigest()}
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=file.name, suffix=".tmp", dir=file.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(MAGIC + json.dumps(header).encode() + b"\n" + payload)
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        prune(file.parent)
    except OSError:
        return


def prune(folder: Path, keep: int = KEEP) -> None:
    """Delete all but the ``keep`` most recently written cached corpora (and snapshots) in ``folder``."""
    entries = []
    for entry in os.scandir(folder):
        if entry.name.startswith(("corpus-", "snapshot-")) and entry.name.endswith(".pickle"):
            try:
                entries.append((entry.stat().st_mtime, entry.path))
            except OSError:
                continue
    for _, path in sorted(entries, reverse=True)[keep:]:
        Path(path).unlink(missing_ok=True)


def store(folder: Path, corpus: Corpus) -> None:
    """Keep ``corpus``, just read from ``folder``, as :func:`cached` would (nothing when the cache is off)."""
    if enabled() and folder.is_dir():
        write(cache_file(folder), content_key(folder), corpus)


def cached(folder: Path, read_folder: Callable[[Path], Corpus]) -> Corpus:
    """``read_folder(folder)``, or the cached result while the folder's files are unchanged.

    Errors are never cached: a folder that fails to load is read (and fails) every time.
    """
    if not enabled() or not folder.is_dir():
        return read_folder(folder)
    key = content_key(folder)
    file = cache_file(folder)
    corpus = read(file, key)
    if corpus is None:
        corpus = read_folder(folder)
        write(file, key, corpus)
    return corpus
