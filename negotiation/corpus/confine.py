"""A corpus reads only itself: the one place that opens a file a corpus names.

A corpus folder mailed by someone else may name any path in a ``text_file``, a ``seed``
or a symlink. The rules (also in positions/README.md):

- a ``text_file`` is a relative path inside the corpus folder: no ``..`` part, not
  absolute, no NUL; a ``seed`` is a plain file name inside the seeds folder
  (``NEGOTIATION_SEEDS`` or ``<corpus>/seeds``);
- a symlink is followed only while where it leads stays inside the corpus folder (the
  seeds folder for seeds); a loop is reported;
- only a regular file is read (never a FIFO, device, socket or folder), opened without
  blocking, and at most :data:`MAX_TEXT_BYTES` of it;
- every refusal is one :class:`Refused` message that says what the rule is, never what
  the target is: the same words whether it exists or not, so a corpus cannot use
  ``validate`` to learn about files outside it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_TEXT_BYTES = 8_000_000
"""The largest stored source text read (bytes)."""

OUTSIDE = "must name a file inside the corpus folder (a relative path without '..')"
LEADS_OUT = "is a symlink that leads outside the corpus folder: not followed"
LOOP = "is a symlink loop: not followed"
NOT_REGULAR = "is not a regular file: not read"


class Refused(ValueError):
    """A file a corpus names that is not read; the message says which rule, nothing of the target."""


def relative_name(name: str) -> str | None:
    """Why ``name`` is not a relative path that stays inside its folder; None if it is."""
    if not name or "\0" in name:
        return OUTSIDE
    for pure in (PurePosixPath(name), PureWindowsPath(name)):
        if pure.is_absolute() or pure.anchor or ".." in pure.parts:
            return OUTSIDE
    return None


def _inside(root: Path, path: Path) -> Path:
    """The real path of ``path`` (symlinks followed), which must lie inside ``root``."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
        raise Refused(LEADS_OUT)
    return Path(real)


def regular_file(root: Path, path: Path) -> os.stat_result:
    """The status of ``path``, a regular file inside ``root``; raises :class:`Refused` otherwise.

    Raises FileNotFoundError for a file that is missing inside ``root`` (a corpus's own
    business: it may say so).
    """
    real = _inside(root, path)
    try:
        info = os.stat(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused(LOOP) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise FileNotFoundError(errno.ENOENT, "no such file", str(path)) from None
        raise Refused(NOT_REGULAR) from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(NOT_REGULAR)
    return info


def read_bytes(root: Path, path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of ``path``, a regular file inside ``root`` of at most ``limit`` bytes.

    Raises :class:`Refused` (outside, a loop, not a regular file, too large) or
    FileNotFoundError; opened non-blocking, so a FIFO that appears in between never hangs.
    """
    real = _inside(root, path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused(LOOP) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise FileNotFoundError(errno.ENOENT, "no such file", str(path)) from None
        raise
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise Refused(NOT_REGULAR)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"is over the {limit:,}-byte limit: not read")
    return data
