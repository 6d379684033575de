"""A snapshot of a corpus as plain data, so that ``negotiation compare A B`` starts at once.

Importing pydantic and building the models takes most of a command's start-up (about
0.1 s), far more than comparing two documents. The first ``compare`` on a corpus folder
runs the full path and then stores a :class:`Snapshot` beside the cached corpus: every
issue's and stance's code (:class:`~negotiation.analysis.verdicts.IssueCode`,
:class:`~negotiation.analysis.verdicts.StanceCode`, readings included), the stale stances
and texts in every language (:mod:`negotiation.render.diff_text`), made from the validated
models. Later runs read it and compare with the same verdict rules, range and hinges
(:func:`~negotiation.analysis.verdicts.judge_codes`,
:func:`~negotiation.analysis.verdicts.hinge_codes`) and the same words, importing neither
pydantic nor pandas; :func:`compare_args` reads a plain ``compare A B`` without building
the whole argument parser (which imports every command's module).

The snapshot is trusted exactly as the corpus cache is (:mod:`negotiation.corpus.cache`:
authenticated by a per-user secret before it is unpickled, in a private folder):
its key digests the package and Python versions and identifies pydantic's version file,
the package's code and every data file (:func:`negotiation.corpus.cache.content_key`), so
any change misses and the full path runs (and stores a new snapshot). Documents named by
``PARTY@DATE``, unknown ids, ``--plot``, ``--quotes``, scales the codes do not know and a
disabled cache all take the full path.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation.analysis.verdicts import OTHER, IssueCode, StanceCode, hinge_codes, judge_codes
from negotiation.render import diff_text
from negotiation.render.diff_text import DocumentTexts, IssueTexts, StanceTexts
from negotiation.render.table import Table

if TYPE_CHECKING:
    from negotiation.model.models import Corpus


@dataclass(frozen=True, slots=True)
class SnapshotDocument:
    """One document: its stances' codes by issue index, texts per language, stances as JSON.

    ``readings`` are the document's readings on issues it leaves unstated, ``stale`` its
    stances older than the staleness limit (issue index, ISO date, in the document's order):
    what the convergence range, its hinges and the stale-stance line need.
    """

    texts: dict[str, DocumentTexts]
    codes: dict[int, StanceCode]
    stance_texts: dict[str, dict[int, StanceTexts]]
    dumps: dict[int, Any]
    readings: dict[int, tuple[StanceCode, ...]]
    stale: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A corpus as plain data: issue codes and texts, the low pole's name, the documents by id.

    Each document is kept pickled on its own (``documents`` maps ids to bytes), so a
    command reads the two it compares, not the whole corpus: :meth:`document`.
    """

    issues: tuple[IssueCode, ...]
    issue_texts: dict[str, tuple[IssueTexts, ...]]
    low_pole: dict[str, str]
    documents: dict[str, bytes]

    def document(self, doc_id: str) -> SnapshotDocument:
        """One document, unpickled (raises KeyError for an id the corpus does not have)."""
        doc = pickle.loads(self.documents[doc_id])
        if not isinstance(doc, SnapshotDocument):
            raise KeyError(doc_id)
        return doc


def build(corpus: Corpus) -> Snapshot | None:
    """The snapshot of a loaded corpus; None where a scale or document cannot be encoded."""
    from negotiation.analysis.compare import stale_stances
    from negotiation.analysis.encoding import document_code, taxonomy_code
    from negotiation.cli.options import LANGS  # the snapshot holds texts in every language of --lang
    from negotiation.render.report import document_texts, issue_texts, stance_texts

    tax = corpus.taxonomy
    tcode = taxonomy_code(tax)
    if any(c.kind == OTHER for c in tcode.issues):
        return None
    issues = tuple(replace(c, issue=None, vocabulary=dict(c.vocabulary)) for c in tcode.issues)
    documents = {}
    for doc in corpus:
        code = document_code(doc, tax)
        if code.unknown:
            return None
        models = {k: tax.issues[issues[k].id] for k in code.stances}
        documents[doc.id] = _pickled(SnapshotDocument(
            texts={lang: document_texts(doc, tax, lang) for lang in LANGS},
            codes={k: _plain_code(c) for k, c in code.stances.items()},
            stance_texts={lang: {k: stance_texts(doc, c.stance, models[k], lang) for k, c in code.stances.items()}
                          for lang in LANGS},
            dumps={k: c.stance.model_dump(mode="json", exclude_defaults=True) for k, c in code.stances.items()},
            readings={k: tuple(_plain_code(r) for r in rs) for k, rs in code.readings.items()},
            stale=tuple((tcode.index[issue], date.isoformat()) for issue, date, _, _ in stale_stances(doc)),
        ))
    return Snapshot(
        issues=issues,
        issue_texts={lang: tuple(issue_texts(c.issue, tax, lang) for c in tcode.issues) for lang in LANGS},
        low_pole={lang: tax.poles.low.label(lang) for lang in LANGS},
        documents=documents,
    )


def _pickled(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _plain_code(code: StanceCode) -> StanceCode:
    """The code (and its readings') without its model, so the snapshot unpickles without pydantic."""
    return replace(code, stance=None, readings=tuple(_plain_code(r) for r in code.readings))


def answers(snap: Snapshot, a: str, b: str) -> bool:
    """Whether the snapshot gives this comparison: both documents are in it (ranges included)."""
    return a in snap.documents and b in snap.documents


def compare_table(snap: Snapshot, a: str, b: str, lang: str, *, all_issues: bool = False,
                  with_data: bool = False) -> tuple[Table, bool]:
    """The table of comparing ``a`` with ``b`` (with its JSON data where ``with_data``), and
    whether either side states anything.

    The same records, words and data as :func:`negotiation.render.report.comparison_table_data`
    gives from models.
    """
    da, db = snap.document(a), snap.document(b)
    judged, summary = judge_codes(snap.issues, da.codes, db.codes, all_issues=all_issues,
                                  ra=da.readings, rb=db.readings)
    texts = snap.issue_texts[lang]
    sta, stb = da.stance_texts[lang], db.stance_texts[lang]
    low_pole = snap.low_pole[lang]
    rows, lines, shown = [], [], []
    for k, x, y, distance, verdict, nearer in judged:
        it, ta, tb = texts[k], sta.get(k), stb.get(k)
        note = partial(
            diff_text.diff_note, verdict.value, None if ta is None else ta.label,
            None if tb is None else tb.label, lang,
            deferred=(ta is not None and not ta.stated, tb is not None and not tb.stated),
            gap=partial(_gap, it, x, y, lang), set_scale=it.gap_kind == diff_text.SET_GAP,
            distance=distance, nearer_low=nearer, low_pole=low_pole,
        )
        rows.append(diff_text.issue_record(it, ta, tb, distance, verdict.value, note(values=False), lang))
        if with_data:
            lines.append(note(values=True))
        shown.append(it)
    stated = any(x is not None or y is not None for _, x, y, *_ in judged)
    doc_a, doc_b = da.texts[lang], db.texts[lang]
    summary_lines = [*diff_text.summary_lines(summary.counts, summary.coverage, summary.convergence, lang,
                                             summary.low, summary.high),
                     *_range_lines(snap, da, db, judged, summary, lang)]
    notes = diff_text.fallback_notes(doc_a, doc_b, shown, lang)
    data = None
    if with_data:
        issues = [{**row, "a": da.dumps.get(k), "b": db.dumps.get(k), "line": line}
                  for row, (k, *_), line in zip(rows, judged, lines, strict=True)]
        data = diff_text.comparison_data(doc_a, doc_b, summary.counts, summary.coverage, summary.convergence,
                                         summary.both_stated, summary.addressed, issues, lang,
                                         summary.low, summary.high)
    table = diff_text.comparison_table(rows, doc_a, doc_b, lang, summary=summary_lines, notes=notes, data=data)
    return table, stated


def _range_lines(snap: Snapshot, da: SnapshotDocument, db: SnapshotDocument, judged: Sequence[Any],
                 summary: Any, lang: str) -> list[str]:
    """What the index hinges on and which stances are stale, as :func:`negotiation.render.report.summary_lines`."""
    texts = snap.issue_texts[lang]
    label = {it.id: it.label for it in texts}
    hinges = []
    if summary.uncertain:
        point = {snap.issues[k].id: d for k, _, _, d, _, _ in judged if d is not None}
        found = hinge_codes(snap.issues, da.codes, db.codes, da.readings, db.readings, point, summary.convergence)
        hinges = [(label[issue], low, high) for issue, low, high, _ in found[:3]]
    stale = [(side, texts[k].label, date) for side, doc in (("a", da), ("b", db)) for k, date in doc.stale]
    return [line for line in (diff_text.hinges_line(hinges, lang), diff_text.stale_line(stale, lang))
            if line is not None]


def _gap(it: IssueTexts, x: StanceCode | None, y: StanceCode | None, lang: str) -> str:
    """The gap between two stated stances in words (asked only where a note names one)."""
    assert x is not None and y is not None, "a gap is named only between two stated stances"
    return diff_text.gap_text(it.gap_kind, x.span, y.span, lang, it.unit)


# --- the file


def _versions() -> bytes:
    """The package and Python versions, pydantic's version file and the package's code, each
    file identified as :func:`negotiation.corpus.cache.content_key` identifies data files
    (by its status once settled: any edit changes it)."""
    from importlib.machinery import PathFinder

    from negotiation import __version__
    from negotiation.corpus.cache import file_identity, settled_time

    parts = [f"snapshot {__version__} {sys.version}".encode()]
    settled = settled_time()
    spec = PathFinder.find_spec("pydantic")
    if spec is not None and spec.origin:
        version = os.path.join(os.path.dirname(spec.origin), "version.py")
        parts.append(file_identity(Path(version).parent, "pydantic/version.py", version, settled))
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for path in _sources(package):
        parts.append(file_identity(Path(package), os.path.relpath(path, package), path, settled))
    return b"".join(parts)


def _sources(folder: str) -> list[str]:
    """The ``.py`` files under ``folder``, in name order, ``__pycache__`` left out."""
    found = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                found += _sources(entry.path)
        elif entry.name.endswith(".py"):
            found.append(entry.path)
    return found


@dataclass(frozen=True)
class SnapshotFile:
    """Where a corpus folder's snapshot lives and the key it must carry."""

    folder: Path
    path: Path
    key: str

    def read(self) -> Snapshot | None:
        """The snapshot, or None if absent, stale or damaged."""
        from negotiation.corpus.cache import read_object

        snap = read_object(self.path, self.key)
        return snap if isinstance(snap, Snapshot) else None

    def write(self, corpus: Corpus) -> None:
        """Store the snapshot of ``corpus`` (nothing where it cannot be encoded)."""
        from negotiation.corpus.cache import write

        snap = build(corpus)
        if snap is not None:
            write(self.path, self.key, snap)


def snapshot_file(folder: Path) -> SnapshotFile | None:
    """The snapshot file of a corpus folder; None when the cache is off or the folder is missing."""
    from negotiation.corpus import cache

    if not cache.enabled() or not folder.is_dir():
        return None
    return SnapshotFile(folder, cache.cache_file(folder, "snapshot"), cache.content_key(folder, _versions()))


# --- the command


_FLAGS = {"--all-issues": "all_issues", "--no-color": "no_color", "--raw": "raw"}
_VALUES = {"--format": "format", "-f": "format", "--lang": "lang", "--width": "width", "--corpus": "corpus"}


def compare_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain ``[--corpus P] compare A B [options]``, as the full parser reads them.

    Only ``--format``/``-f``, ``--lang``, ``--width``, ``--corpus``, ``--all-issues``,
    ``--no-color`` and ``--raw`` (as ``--opt value`` or ``--opt=value``), with values the full
    parser accepts; anything else (help, ``--plot``, ``--quotes``, an abbreviation, a value it
    would refuse, an argument that starts with ``-``) is None, and the full parser reads it.
    So a command that may run from the snapshot skips building the whole parser, which
    imports every command's module. ``tests/test_snapshot.py`` holds it to the full parser.
    """
    tokens = list(argv)
    values: dict[str, Any] = {"corpus": None}
    while tokens and tokens[0] != "compare":
        if not _take(tokens, values, top=True):
            return None
    if not tokens:
        return None
    del tokens[0]
    values |= {"format": None, "lang": "en", "width": None, "all_issues": False, "no_color": False, "raw": False}
    positional = []
    while tokens:
        if not tokens[0].startswith("-"):
            positional.append(tokens.pop(0))
        elif not _take(tokens, values, top=False):
            return None
    if len(positional) != 2 or not _valid(values):
        return None
    from negotiation.render.table import DEFAULT_FORMAT

    a, b = positional
    return argparse.Namespace(corpus=values["corpus"], command="compare", a=a, b=b, all_issues=values["all_issues"],
                              quotes=False, format=values["format"] or DEFAULT_FORMAT, lang=values["lang"],
                              width=values["width"], no_color=values["no_color"], raw=values["raw"], plot=None)


def _take(tokens: list[str], values: dict[str, Any], *, top: bool) -> bool:
    """Read one option from the front of ``tokens`` into ``values``; False where the full parser must."""
    option, eq, value = tokens.pop(0).partition("=")
    if not top and option in _FLAGS and not eq:
        values[_FLAGS[option]] = True
        return True
    if option not in _VALUES or (top and option != "--corpus") or (option == "-f" and eq):
        return False
    if not eq:
        if not tokens or tokens[0].startswith("-"):
            return False
        value = tokens.pop(0)
    values[_VALUES[option]] = value
    return True


def _valid(values: dict[str, Any]) -> bool:
    """Whether the full parser takes these values as they are (``--width`` made a number)."""
    from negotiation.cli.options import LANGS
    from negotiation.render.table import FORMATS

    if (values["format"] is not None and values["format"] not in FORMATS) or values["lang"] not in LANGS:
        return False
    if values["width"] is not None:
        width = values["width"]
        if not (width.isascii() and width.isdigit()) or int(width) < 20:
            return False
        values["width"] = int(width)
    return True


def quick_compare(args: argparse.Namespace) -> tuple[int | None, SnapshotFile | None]:
    """Run ``compare`` from the snapshot where it can: (exit code, None).

    Otherwise (None, the snapshot file to write after the full path has loaded the corpus,
    or None when there is nothing to write).
    """
    from negotiation.corpus.locate import describe_corpus, find_corpus

    if getattr(args, "plot", None) or getattr(args, "quotes", False):
        return None, None
    folder, how = find_corpus(getattr(args, "corpus", None))
    file = snapshot_file(folder)
    if file is None:
        return None, None
    snap = file.read()
    if snap is None:
        return None, file
    if not answers(snap, args.a, args.b):
        return None, None  # a position, or an unknown id: the full path resolves or explains it
    if args.lang not in snap.low_pole:
        return None, None  # a language added since the snapshot was written: its texts are not in it
    from negotiation.cli.options import emit, nothing_stated

    args.corpus_line = describe_corpus(folder, how)
    table, stated = compare_table(snap, args.a, args.b, args.lang, all_issues=args.all_issues,
                                  with_data=args.format == "json")
    if not stated:
        nothing_stated(args.a, args.b, args.lang)
        return 1, None
    emit(table, args)
    return 0, None
