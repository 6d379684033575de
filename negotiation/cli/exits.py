"""How the command line ends: one line on stderr and an exit code, never a traceback.

:func:`run_guarded` wraps ``main`` for the ``negotiation`` script; :func:`sanitized_stderr`
and :func:`os_error` are used by ``main`` itself, so a test calling ``main`` sees the same
lines. What each ending prints and returns:

========================================  ===========================================  ====
situation                                 stderr                                       exit
========================================  ===========================================  ====
stdout piped into ``head`` (broken pipe)  nothing                                      0
stdout closed (``>&-``), full disk        ``negotiation: error: cannot write ...``     1
a file or folder that cannot be written   ``negotiation: error: cannot write PATH: …`` 2
SIGINT (Ctrl-C)                           ``negotiation: interrupted``                 130
stdout that cannot encode a character     a note; the character is written ``\\uXXXX``  0
========================================  ===========================================  ====

Everything written to stderr passes :func:`negotiation.render.sanitize.terminal_text`:
errors and warnings quote file names, field paths and values from a corpus.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from negotiation.render.sanitize import terminal_text

INTERRUPTED = 130
"""The exit code of a command stopped by SIGINT (128 + 2, as shells report it)."""

_REPLACED = "negotiation-replace"
_replaced: list[bool] = [False]


def _replace(exc: UnicodeError) -> tuple[str, int]:
    """``backslashreplace`` that remembers it was needed (for the one note at the end)."""
    _replaced[0] = True
    return codecs.backslashreplace_errors(exc)


codecs.register_error(_REPLACED, _replace)


class _Sanitizing(io.TextIOBase):
    """A text stream that shows control characters visibly before writing to ``inner``."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, s: str) -> int:
        self.inner.write(terminal_text(s))
        return len(s)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return bool(self.inner.isatty())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@contextlib.contextmanager
def sanitized_stderr() -> Iterator[None]:
    """Within the block, everything written to ``sys.stderr`` has its control characters made visible."""
    inner = sys.stderr
    if inner is None or isinstance(inner, _Sanitizing):
        yield
        return
    sys.stderr = _Sanitizing(inner)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stderr = inner


def say(message: str) -> None:
    """Print one line ``negotiation: MESSAGE`` on stderr, if stderr can take it."""
    with contextlib.suppress(Exception):
        if sys.stderr is not None:
            sys.stderr.write(terminal_text(f"negotiation: {message}") + "\n")
            sys.stderr.flush()


def os_error(exc: OSError) -> int:
    """The one line and exit code for an OSError a command did not expect (a file it cannot write)."""
    where = f" {exc.filename}" if exc.filename else ""
    say(f"error: cannot write{where}: {exc.strerror or exc}")
    return 2


def _encodings() -> None:
    """Streams that cannot encode a character write it as ``\\uXXXX`` instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            with contextlib.suppress(Exception):
                reconfigure(errors=_REPLACED)


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's last flush cannot fail again at exit."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    with contextlib.suppress(Exception):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until the process ends


def run_guarded(main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> int:
    """``main(argv)``, ending as the table in this module's docstring says; returns the exit code."""
    if sys.stdout is None:  # started with stdout closed
        say("error: cannot write the output: standard output is closed")
        return 1
    _encodings()
    try:
        code = main(argv)
        sys.stdout.flush()
    except KeyboardInterrupt:
        _silence_stdout()
        say("interrupted")
        return INTERRUPTED
    except BrokenPipeError:  # piped into `head`: the reader has all it wanted
        _silence_stdout()
        return 0
    except OSError as exc:
        _silence_stdout()
        if exc.errno in (errno.ENOSPC, errno.EBADF, errno.EIO, errno.EPIPE) and not exc.filename:
            say(f"error: cannot write the output: {exc.strerror or exc}")
            return 1
        return os_error(exc)
    if _replaced[0]:
        say(f"note: the output's encoding ({sys.stdout.encoding}) cannot show some characters; they are "
            "written as \\u escapes (set PYTHONIOENCODING=utf-8 to see them)")
    return code
