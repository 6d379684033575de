"""Which corpus a command works on: the one rule every command follows.

In order: an explicit ``--corpus PATH``; else the ``NEGOTIATION_CORPUS`` environment
variable; else ``./positions`` when the working folder holds one (a project of your own);
else the corpus bundled with the library. :func:`find_corpus` returns the folder and how it
was chosen, so that every command can say which corpus it read.
"""

from __future__ import annotations

import os
from pathlib import Path

from negotiation.errors import CorpusError, Problem

ENV_VAR = "NEGOTIATION_CORPUS"
"""The environment variable naming a corpus folder."""


def bundled_path() -> Path:
    """The folder of the corpus that ships with the library."""
    from importlib import resources

    packaged = resources.files("negotiation") / "positions"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "positions"
    if checkout.is_dir():
        return checkout
    raise CorpusError([Problem(str(packaged), "", "the bundled corpus is missing from this install")])


def find_corpus(explicit: str | Path | None = None) -> tuple[Path, str]:
    """The corpus folder a command should read, and how it was chosen.

    Parameters
    ----------
    explicit
        A path given on the command line (``--corpus PATH``), or None.

    Returns
    -------
    (folder, how)
        ``how`` is one of ``"--corpus"``, ``"NEGOTIATION_CORPUS"``, ``"working folder"``,
        ``"bundled"``.

    Examples
    --------
    >>> from negotiation.corpus.locate import find_corpus
    >>> find_corpus("my-talks")
    (PosixPath('my-talks'), '--corpus')
    """
    if explicit is not None and str(explicit) != "":
        return Path(explicit), "--corpus"
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env), ENV_VAR
    local = Path("positions")
    if local.is_dir():
        return local, "working folder"
    return bundled_path(), "bundled"


def describe_corpus(folder: Path, how: str) -> str:
    """One line saying which corpus was read: ``corpus: ./positions (working folder)``.

    ``how`` is what :func:`find_corpus` returned (or ``"path given"`` for a command's own
    path argument).
    """
    shown = str(folder)
    if how != "bundled" and not folder.is_absolute() and not shown.startswith((".", "~", "/")):
        shown = f"./{shown}"
    reason = {"bundled": "bundled with the library", "--corpus": "--corpus"}.get(how, how)
    return f"corpus: {shown} ({reason})"


def corpus_line(explicit: str | Path | None = None) -> str:
    """:func:`describe_corpus` of :func:`find_corpus`: the summary line a command prints."""
    return describe_corpus(*find_corpus(explicit))
