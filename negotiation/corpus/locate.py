"""Which corpus a command works on: the one rule every command follows.

In order: an explicit ``--corpus PATH``; else the ``NEGOTIATION_CORPUS`` environment
variable; else the corpus the working folder stands in (:func:`corpus_here`: the working
folder or a parent holding ``taxonomy.yaml``, or a ``positions/`` folder below one of them,
looking up to the repository or home boundary); else the corpus bundled with the library.
:func:`find_corpus` returns the folder and how it was chosen, so that every command can say
which corpus it read (and never falls back to the bundled one without saying so).
"""

from __future__ import annotations

import os
from pathlib import Path

from negotiation.errors import CorpusError, Problem
from negotiation.model.arguments import FOLDER, takes

ENV_VAR = "NEGOTIATION_CORPUS"
"""The environment variable naming a corpus folder."""


def bundled_path() -> Path:
    """The folder of the corpus that ships with the library."""
    # On disk, found without importlib.resources (10 ms of a command's start-up): inside an
    # installed package, where importlib.resources looks first; or a source checkout's own.
    package = Path(__file__).resolve().parents[1]
    if (package / "positions").is_dir():
        return package / "positions"
    if (package.parent / "pyproject.toml").is_file() and (package.parent / "positions").is_dir():
        return package.parent / "positions"
    from importlib import resources

    packaged = resources.files("negotiation") / "positions"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "positions"
    if checkout.is_dir():
        return checkout
    raise CorpusError([Problem(str(packaged), "", "the bundled corpus is missing from this install")])


@takes(explicit=FOLDER.or_none())
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
    here = corpus_here()
    if here is not None:
        return here, "working folder"
    return bundled_path(), "bundled"


def _shown(folder: Path, start: Path) -> Path:
    """``folder`` relative to ``start`` where it is below it (``positions``), else absolute."""
    try:
        rel = folder.relative_to(start)
    except ValueError:
        return folder
    return rel if str(rel) != "." else folder


def corpus_here(start: str | Path | None = None) -> Path | None:
    """The corpus the folder ``start`` (default: the working folder) stands in, or None.

    Looks at ``start`` and then each parent in turn: a folder holding ``taxonomy.yaml`` is a
    corpus; a folder with a ``positions/`` folder has one (an empty one fails to load, saying
    what is missing, rather than the bundled corpus being read in its place). The walk
    stops after a folder that is a repository's root (holds ``.git``), after the home folder,
    and at the filesystem's root, so a corpus elsewhere on the disk is never picked up.
    Below the working folder the result is relative (``positions``), otherwise absolute.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from negotiation.corpus.locate import corpus_here
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / ".git").mkdir(); (root / "taxonomy.yaml").write_text("")
    0
    >>> (root / "documents").mkdir()
    >>> corpus_here(root / "documents") == root
    True
    """
    origin = Path.cwd() if start is None else Path(start)
    here = origin.resolve()
    home = Path.home().resolve() if "HOME" in os.environ or os.name != "posix" else None
    for folder in (here, *here.parents):
        if (folder / "taxonomy.yaml").is_file():
            return _shown(folder, here) if start is None else folder
        below = folder / "positions"
        if below.is_dir():
            return _shown(below, here) if start is None else below
        if (folder / ".git").exists() or folder == home:
            break
    return None


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
