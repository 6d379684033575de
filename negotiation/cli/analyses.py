"""The analysis subcommands of the command line: timeline, matrix, concessions, zopa.

Each takes the loaded corpus and the parsed arguments, prints a table, and returns an exit
code; :mod:`negotiation.cli` wires them to argparse.
"""

from __future__ import annotations

import argparse
import json

import pandas as pd

from negotiation.analysis.concessions import concessions as concessions_frame
from negotiation.model.models import Corpus
from negotiation.render.report import frame_table
from negotiation.analysis.zopa import zopa as zopa_frame


def print_frame(frame: pd.DataFrame, fmt: str, index: bool = False) -> None:
    """Print a DataFrame as JSON records, CSV, or a tabulate table."""
    if fmt == "json":
        data = frame.reset_index() if index else frame
        print(data.to_json(orient="records", date_format="iso", force_ascii=False, indent=2))
    elif fmt == "csv":
        print(frame.to_csv(index=index), end="")
    else:
        print(frame_table(frame.reset_index() if index else frame, fmt))


def timeline(corpus: Corpus, args: argparse.Namespace) -> int:
    """Convergence of two parties' positions at every date either changed."""
    frame = corpus.trajectory(args.party_a, args.party_b, endorsements=not args.no_endorsements)
    if frame.empty:
        print(f"no documents by {args.party_a} or {args.party_b}")
        return 0
    print_frame(frame, args.format)
    return 0


def matrix(corpus: Corpus, args: argparse.Namespace) -> int:
    """Pairwise convergence of the given documents (default: all)."""
    frame = corpus.matrix(args.ids or None)
    if args.format in ("json", "csv"):
        print_frame(frame, args.format, index=True)
    else:
        short = frame.copy()
        short.columns = [str(i + 1) for i in range(len(frame.columns))]
        short.insert(0, "document", [f"{i + 1}. {d}" for i, d in enumerate(frame.index)])
        print(frame_table(short, args.format))
    return 0


def concessions(corpus: Corpus, args: argparse.Namespace) -> int:
    """What moved between two versions; with --toward, whether toward a party's position."""
    old, new = corpus.resolve(args.old), corpus.resolve(args.new)
    toward = corpus.position(args.toward, new.date) if args.toward else None
    frame = concessions_frame(old, new, toward=toward, taxonomy=corpus.taxonomy, lang=args.lang)
    print_frame(frame, args.format)
    moved = frame[frame["change"] == "moved"]
    if args.format not in ("json", "csv"):
        up, down = (moved["toward"] == "high").sum(), (moved["toward"] == "low").sum()
        poles = corpus.taxonomy.poles
        print(f"\n{len(moved)} issues moved: {down} toward {poles.low.en}, {up} toward {poles.high.en}")
    return 0


def zopa(corpus: Corpus, args: argparse.Namespace) -> int:
    """Zone of possible agreement among parties' positions at a date."""
    positions = [corpus.position(p, args.as_of) for p in args.parties]
    frame = zopa_frame(positions, taxonomy=corpus.taxonomy, lang=args.lang)
    if args.format == "json":
        print(json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, indent=2))
        return 0
    print_frame(frame, args.format)
    if args.format != "csv":
        print(f"\n{(~frame['empty']).sum()} of {len(frame)} issues stated by all have a zone of agreement")
    return 0
