"""A cache of validated corpora, so that a command starts without re-reading YAML.

Reading and validating a corpus folder takes a fraction of a second; unpickling the
validated models takes milliseconds. :func:`cached` keeps one file per corpus folder in
the user cache folder (``platformdirs.user_cache_dir("negotiation")``, or the folder named
by the environment variable ``NEGOTIATION_CACHE_DIR``) and reuses it while it is known to
be current:

- its key is a BLAKE2b digest of the package, Python and pydantic versions, the model
  and loader code (``negotiation/model/*.py``, ``negotiation/corpus/*.py``, so an edited
  checkout never reads a stale pickle), and the name and identity of every data file of
  the folder (``*.yaml``, ``*.yml``, ``*.json`` at the top and in ``documents/``): its
  size, times, inode and device, or its bytes where it was modified in the last seconds
  (:func:`content_key`), so any edited, added or removed file misses;
- the file starts with a header naming that key and a keyed BLAKE2b MAC (an HMAC) of the
  payload under a per-user secret (:func:`secret`), both checked before the payload is
  unpickled; a truncated, garbled, foreign or forged file is a miss, never trusted, and is
  rebuilt. Nothing read from disk is unpickled unless it carries the MAC only this user's
  secret can make, so a file dropped into the cache folder cannot run code;
- the folder is created 0700 and every file 0600; a folder owned by another user, or
  writable by its group or by others, is not used at all (one warning line on stderr, then
  every command reads the YAML);
- it is written to a temporary file and renamed, so a reader never sees half a file;
- at most :data:`KEEP` files are kept (a corpus, and the command line's snapshot of it,
  per folder), the least recently written are deleted.

The secret is 32 random bytes in ``secret`` inside the cache folder, created 0600 with
``O_EXCL``; it is never read from anywhere a corpus names. It is trusted only as a regular
file (not a symlink) owned by the user with no group or other permissions; otherwise the
cache is not used. Whoever can read it is the user (or root), who can run code anyway.

``NEGOTIATION_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # hashlib's own BLAKE2 and hmac's own comparison, without loading OpenSSL (2 ms of every start-up)
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # another Python than CPython
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef]

if TYPE_CHECKING:
    from negotiation.model.models import Corpus

MAGIC = b"negotiation-corpus-cache 2\n"
SECRET = "secret"
"""The name of the per-user secret file inside the cache folder."""
SUFFIXES = (".yaml", ".yml", ".json")
MAX_KEYED_BYTES = 4_000_000
"""A data file larger than this is keyed by its size and time, not read (the loader refuses it)."""
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
    if sys.platform == "linux":  # platformdirs' own rule, without its import (7 ms, tempfile with it)
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(xdg or os.path.expanduser("~/.cache")) / "negotiation"
    import platformdirs

    return Path(platformdirs.user_cache_dir("negotiation"))


_warned: set[str] = set()


def _warn(folder: Path, why: str) -> None:
    """One warning line per folder and process: the cache is not used, and why."""
    if str(folder) in _warned:
        return
    _warned.add(str(folder))
    shown = str(folder).encode("unicode_escape").decode("ascii")  # a path from the environment, shown inert
    with contextlib.suppress(Exception):
        sys.stderr.write(f"negotiation: warning: cache folder {shown} not used: {why}\n")


def _unsafe(info: os.stat_result) -> str | None:
    """Why a cache folder or secret with this status must not be trusted; None if it may."""
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return "owned by another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "writable by others"
    return None


def usable_dir() -> Path | None:
    """The cache folder, created 0700 if absent; None (after one warning line) if it must not be used.

    A folder owned by another user, writable by group or others, or not a folder is refused.
    A folder of ours is tightened to 0700 (an older version created it with the umask).
    """
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None  # cannot be made: nothing to warn about, the YAML is read
    if not stat.S_ISDIR(info.st_mode):
        _warn(folder, "not a folder")
        return None
    why = _unsafe(info)
    if why is not None:
        _warn(folder, why)
        return None
    if info.st_mode & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    return folder


def secret(folder: Path) -> bytes | None:
    """The per-user secret of a cache folder, created if absent; None if it cannot be trusted."""
    path = folder / SECRET
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return _new_secret(path)
    except OSError:
        _warn(folder, f"{SECRET} cannot be read")
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        why = _unsafe(info) or ("readable by others" if info.st_mode & 0o077 else None)
        if not stat.S_ISREG(info.st_mode):
            why = "not a regular file"
        data = file.read(64) if why is None else b""
    if why is None and len(data) != 32:
        why = "damaged"
    if why is not None:
        _warn(folder, f"{SECRET} {why}")
        return None
    return data


def _new_secret(path: Path) -> bytes | None:
    data = os.urandom(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:  # another process made it first: read that one
        return secret(path.parent)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError:
        path.unlink(missing_ok=True)
        return None
    return data


def _mac(key: bytes, payload: bytes) -> str:
    return blake2b(payload, key=key, digest_size=32).hexdigest()


def _versions() -> bytes:
    """The package, Python and pydantic versions, and the model and loader code behind a corpus
    (each source file identified as :func:`content_key` identifies data files)."""
    import pydantic

    from negotiation import __version__

    digest = blake2b(f"{__version__} {sys.version} pydantic {pydantic.VERSION}".encode())
    package = Path(__file__).resolve().parents[1]
    settled = settled_time()
    for sub in ("model", "corpus"):
        for name, entry in _entries(package / sub, f"{sub}/", (".py",)):
            digest.update(file_identity(package, name, entry.path, settled))
    return digest.digest()


def data_files(folder: Path) -> list[Path]:
    """The files a corpus folder's content depends on, in a stable order."""
    return [Path(entry.path) for _, entry in _data_entries(folder)]


def _data_entries(folder: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """(name relative to ``folder``, entry) of the files of :func:`data_files`."""
    return [*_entries(folder, "", SUFFIXES), *_entries(folder / "documents", "documents/", SUFFIXES)]


def _entries(folder: Path, prefix: str, suffixes: tuple[str, ...]) -> list[tuple[str, os.DirEntry[str]]]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    return [(prefix + e.name, e) for e in entries if e.name.endswith(suffixes) and not _is_dir(e)]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _file_bytes(folder: Path, file: Path) -> bytes:
    """What a data file contributes to the key: its bytes, or for anything but a plain regular
    file of a sane size (a symlink, a FIFO, a loop, a huge file) a marker read without following
    it out of the corpus, blocking or filling memory (the loader then reports it)."""
    from negotiation.corpus.confine import Refused, read_bytes

    try:
        info = os.lstat(file)
        if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_KEYED_BYTES:
            return file.read_bytes()
        if stat.S_ISLNK(info.st_mode):
            return b"\0link\0" + os.fsencode(os.readlink(file)) + b"\0" + read_bytes(folder, file, MAX_KEYED_BYTES)
        return f"\0other\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}".encode()
    except (OSError, Refused):
        return b"\0refused"


RACY_SECONDS = 3
"""A data file modified this recently (or dated in the future) is keyed by its bytes, not its
status: within a file system's time granularity (2 s on FAT) two edits of the same size
could leave the same status, as git's index treats "racily clean" files."""


def content_key(folder: Path, versions: bytes | None = None) -> str:
    """A digest of the versions and of every data file's name and identity, reading few files.

    A settled regular file is identified by its status: size, modification and change
    times in nanoseconds, inode and device. Writing a file, or putting another in its
    place, changes its change time, which no program can set back, so an edited, added or
    removed file misses. A file modified in the last :data:`RACY_SECONDS`, a symlink or
    anything but a regular file is identified by its bytes (or a marker for what cannot be
    read safely). ``versions`` replaces the package, Python and pydantic versions and code
    digest of :func:`_versions` (for caches of other things than the validated models).
    Reading no file keeps a warm start fast: reading the bundled corpus's 100 files took 5–10 ms.
    """
    digest = blake2b(_versions() if versions is None else versions, digest_size=20)
    settled = settled_time()
    for name, entry in _data_entries(folder):
        digest.update(file_identity(folder, name, entry.path, settled))
    return digest.hexdigest()


def settled_time() -> int:
    """The modification time (ns) before which a file counts as settled (:data:`RACY_SECONDS`)."""
    import time

    return time.time_ns() - RACY_SECONDS * 1_000_000_000


def file_identity(folder: Path, name: str, path: str, settled: int) -> bytes:
    """What one file contributes to a key: its name and status, or its name and bytes (see :func:`content_key`)."""
    try:
        info = os.lstat(path)
    except OSError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode) and info.st_mtime_ns < settled:
        return (f"\0{name}\0status\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"
                f"\0{info.st_dev}\0").encode()
    data = _file_bytes(folder, Path(path))
    return f"\0{name}\0bytes\0{len(data)}\0".encode() + data


def cache_file(folder: Path, prefix: str = "corpus") -> Path:
    """Where the cached corpus of ``folder`` lives (one file per folder and ``prefix``)."""
    name = blake2b(str(folder.resolve()).encode(), digest_size=10).hexdigest()
    return cache_dir() / f"{prefix}-{name}.pickle"


def read(file: Path, key: str) -> Corpus | None:
    """The corpus stored in ``file`` under ``key``; None if absent, stale or damaged."""
    from negotiation.model.models import Corpus

    corpus = read_object(file, key)
    return corpus if isinstance(corpus, Corpus) else None


def read_object(file: Path, key: str) -> Any:
    """The object stored in ``file`` under ``key`` by :func:`write`; None if absent, stale, damaged
    or not authenticated by this user's secret (nothing unauthenticated is ever unpickled)."""
    folder = usable_dir()
    if folder is None or file.parent != folder:
        return None
    mac_key = secret(folder)
    if mac_key is None:
        return None
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read()
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
    mac = header.get("mac")
    if not isinstance(mac, str) or not compare_digest(mac, _mac(mac_key, payload)):
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
    folder = usable_dir()
    if folder is None or file.parent != folder:
        return
    mac_key = secret(folder)
    if mac_key is None:
        return
    import tempfile

    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    header = {"key": key, "size": len(payload), "mac": _mac(mac_key, payload)}
    try:
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
