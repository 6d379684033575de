"""Start a corpus of your own: a small, valid example to edit (``negotiation init``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from negotiation.corpus.schemas import write_schemas
from negotiation.errors import NegotiationError
from negotiation.model.arguments import FOLDER, takes

TEMPLATE = Path(__file__).resolve().parent / "template"
"""The example corpus ``init`` copies: a wage negotiation with one issue of each scale kind."""


@takes(folder=FOLDER)
def init_corpus(folder: str | Path) -> list[Path]:
    """Write a minimal corpus into ``folder`` (new or empty) and return the files written.

    The corpus validates and compares as it is: a taxonomy with one area and one issue of
    each scale kind (numeric, ordinal, set, flag), English labels only, two parties, two
    documents, a README, and the JSON Schemas of its files under ``schemas/`` (each data
    file's first line points an editor at its schema).

    Examples
    --------
    >>> import tempfile, negotiation as ng
    >>> from negotiation.corpus.init import init_corpus
    >>> folder = tempfile.mkdtemp() + "/talks"
    >>> _ = init_corpus(folder)
    >>> sorted(ng.load(folder).ids)
    ['employer-2024-01', 'union-2024-01']
    """
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NegotiationError(f"{folder} already exists and is not an empty folder; choose a new one")
    shutil.copytree(TEMPLATE, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    write_schemas(folder / "schemas")
    return sorted(p for p in folder.rglob("*") if p.is_file())
