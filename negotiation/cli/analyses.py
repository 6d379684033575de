"""The analysis subcommands of the command line: timeline, matrix, concessions, zopa.

Each takes the loaded corpus and the parsed arguments, builds its result as data and prints
it through :func:`negotiation.cli.options.emit`; ``--plot FILE`` also draws a chart.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from negotiation.cli.options import add_output_options, emit, lang_of
from negotiation.render import i18n
from negotiation.render.formats import MACHINE_FORMATS, Column, Table, table_of

if TYPE_CHECKING:
    from negotiation.model.models import Corpus


def _duplicates(ids: Sequence[str], lang: str) -> list[str]:
    repeated = [k for k, n in Counter(ids).items() if n > 1]
    return [i18n.say("duplicates", lang, ids=i18n.join(repeated, lang))] if repeated else []


def timeline(corpus: Corpus, args: argparse.Namespace) -> int:
    """Convergence of two parties' positions at every date either changed."""
    from negotiation.analysis.timeline import require_documents

    lang = lang_of(args)
    for party in (args.party_a, args.party_b):
        require_documents(corpus, party, endorsements=not args.no_endorsements)
    frame = corpus.trajectory(args.party_a, args.party_b, endorsements=not args.no_endorsements)
    tax = corpus.taxonomy
    names = {p: tax.parties[p].label(lang) for p in (args.party_a, args.party_b)}
    title = i18n.say("trajectory", lang, a=names[args.party_a], b=names[args.party_b])
    notes = _duplicates([args.party_a, args.party_b], lang)
    if frame.empty:
        notes = [i18n.say("no_documents", lang, a=args.party_a, b=args.party_b), *notes]
    machine = getattr(args, "format", None) in MACHINE_FORMATS  # low and high are their own columns there
    shown = frame if machine else frame.assign(range=list(zip(frame["low"], frame["high"], strict=True)))
    shows = {"coverage": _percent(lang), "moved": _moved(tax, lang), "range": _range(frame, lang)}
    table = table_of(shown, lang=lang, title=title, notes=notes, columns=[
        Column(c, show=shows.get(c))
        for c in ("date", "convergence", "range", "coverage", "both_stated", "apart", "moved", "documents")])
    emit(table, args)
    if getattr(args, "plot", None):
        from negotiation.cli.options import save_plot
        from negotiation.render.charts import trajectory_chart

        svg = args.plot.lower().endswith(".svg")
        chart = trajectory_chart(frame, args.party_a, args.party_b, taxonomy=tax, lang=lang, svg=svg)
        save_plot(chart, args.plot, lang)
    return 0


def _moved(tax: Any, lang: str) -> Any:
    """``["RU:territory.crimea", ...]`` as people read it: one line per party, issue labels."""

    def show(value: Any) -> str:
        by_party: dict[str, list[str]] = {}
        for item in value or ():
            party, _, issue = str(item).partition(":")
            label = tax.issues[issue].label(lang) if issue in tax.issues else issue
            by_party.setdefault(party, []).append(label)
        return "\n".join(f"{party}: {i18n.join(labels, lang)}" for party, labels in by_party.items())

    return show


def _range(frame: Any, lang: str) -> Any:
    """``(low, high)`` as ``0.24–0.54``; empty where the range is the point itself."""

    def show(value: Any) -> str:
        low, high = value
        if low != low or high != high or abs(high - low) < 5e-3:  # NaN, or no range at two decimals
            return ""
        return f"{i18n.decimal(low, lang)}–{i18n.decimal(high, lang)}"

    return show


def _percent(lang: str) -> Any:
    def show(value: Any) -> str:
        return "" if value is None else i18n.percent(value, lang)

    return show


def matrix(corpus: Corpus, args: argparse.Namespace) -> int:
    """Pairwise convergence of the given documents (default: all).

    Text shows numbered columns (the numbers of the rows); machine formats write the full
    ids. A document named twice is compared with itself and the note names it.
    """
    from negotiation.analysis.matrix_range import matrix_range

    lang = lang_of(args)
    ids = list(args.ids or [])
    ranged = matrix_range(corpus, ids or None)
    frame, low, high = ranged.convergence, ranged.low, ranged.high
    labels = [str(x) for x in frame.index]

    def number(x: Any) -> float | None:
        return None if x != x else float(x)

    rows = []
    widened = False
    for i, doc_id in enumerate(labels):
        row: dict[str, Any] = {"document": doc_id, "document_label": f"{i + 1}. {doc_id}"}
        for j in range(len(labels)):
            value, lo, hi = number(frame.iat[i, j]), number(low.iat[i, j]), number(high.iat[i, j])
            row[f"{j + 1}"] = value
            if value is not None and lo is not None and hi is not None and hi - lo >= 5e-3:
                row[f"{j + 1}_label"] = i18n.say("value_and_range", lang, value=i18n.decimal(value, lang),
                                                 low=i18n.decimal(lo, lang), high=i18n.decimal(hi, lang))
                widened = True
        rows.append(row)
    data = [{"document": doc_id, **{other: rows[i][f"{j + 1}"] for j, other in enumerate(labels)},
             "low": {other: number(low.iat[i, j]) for j, other in enumerate(labels)},
             "high": {other: number(high.iat[i, j]) for j, other in enumerate(labels)}}
            for i, doc_id in enumerate(labels)]
    columns = [Column("document"), *(Column(f"{j + 1}", align="right") for j in range(len(labels)))]
    notes = [*([i18n.say("matrix_range", lang)] if widened else []), *_duplicates(ids, lang)]
    table = Table(rows=rows, columns=columns, title=i18n.say("matrix", lang), lang=lang, data=data, notes=notes)
    fmt = getattr(args, "format", "")
    if fmt in ("csv", "tsv"):  # one number a cell: the point estimate (json carries low and high)
        flat = [{k: v for k, v in r.items() if k not in ("low", "high")} for r in data]
        table = Table(rows=flat, columns=[Column(k) for k in flat[0]] if flat else [], lang=lang)
    emit(table, args)
    if getattr(args, "plot", None):
        from negotiation.cli.options import save_plot
        from negotiation.render.charts import heatmap

        save_plot(heatmap(frame, lang=lang, svg=args.plot.lower().endswith(".svg")), args.plot, lang)
    return 0


def concessions(corpus: Corpus, args: argparse.Namespace) -> int:
    """What moved between two versions; with --toward, whether toward a party's position."""
    from negotiation.analysis.concessions import concessions as concessions_frame

    lang = lang_of(args)
    old, new = corpus.resolve(args.old), corpus.resolve(args.new)
    toward_spec = None
    if args.toward:  # PARTY alone: its position at the new version's date, said in the header
        party, _, when = args.toward.partition("@")
        toward_spec = f"{party}@{when or new.date.isoformat()}"
    toward = corpus.resolve(toward_spec) if toward_spec else None
    frame = concessions_frame(old, new, toward=toward, taxonomy=corpus.taxonomy, lang=lang)
    moved = frame[frame["change"] == "moved"]
    poles = corpus.taxonomy.poles
    summary = i18n.say("moves", lang, n=len(moved), low=int((moved["toward"] == "low").sum()),
                       high=int((moved["toward"] == "high").sum()), low_pole=poles.low.label(lang),
                       high_pole=poles.high.label(lang))
    names: list[Column | str] = ["issue", "from", "to", "steps", "toward", "change"]
    if toward is not None:
        names.insert(5, Column("closer_to", header=i18n.say("closer_to", lang, party=toward_spec)))
    title = i18n.say("concessions_title", lang, old=old.id, new=new.id)
    emit(table_of(frame, lang=lang, title=title, summary=[summary], columns=names), args)
    return 0


def zopa(corpus: Corpus, args: argparse.Namespace) -> int:
    """Zone of possible agreement among parties' positions at a date."""
    from negotiation.analysis.zopa import zopa as zopa_frame

    lang = lang_of(args)
    from negotiation.analysis.timeline import require_documents

    for party in args.parties:
        require_documents(corpus, party, args.as_of)
    positions = [corpus.position(p, args.as_of) for p in args.parties]
    frame = zopa_frame(positions, taxonomy=corpus.taxonomy, lang=lang)
    if frame.empty:  # as compare: nothing stated, one line and exit 1
        print(f"negotiation: {i18n.say('none_in_common', lang, ids=i18n.join((p.id for p in positions), lang))}",
              file=sys.stderr)
        return 1
    summary = i18n.say("zones", lang, n=int((~frame["empty"]).sum()), total=len(frame))
    names = ["issue", "zone", "gap", "positions"]
    title = i18n.say("zopa_title", lang, ids=i18n.join((p.id for p in positions), lang))
    emit(table_of(frame, lang=lang, title=title, summary=[summary], columns=names,
                  notes=_duplicates(list(args.parties), lang)), args)
    return 0


def _on_corpus(analysis: Callable[[Corpus, argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The subcommand's ``run(args)``: ``analysis`` on the corpus the command reads."""

    def run(args: argparse.Namespace) -> int:
        from negotiation.cli.main import corpus_of

        return analysis(corpus_of(args), args)

    run.__doc__ = analysis.__doc__
    return run


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``timeline``, ``matrix``, ``concessions`` and ``zopa`` subcommands."""
    p = add("timeline", _on_corpus(timeline), "convergence of two parties' positions over time")
    p.add_argument("party_a")
    p.add_argument("party_b")
    p.add_argument("--no-endorsements", action="store_true", help="leave out texts a party only endorsed")
    add_output_options(p, plot=True)
    p = add("matrix", _on_corpus(matrix), "pairwise convergence of documents")
    p.add_argument("ids", nargs="*", help="document ids (default: all)")
    add_output_options(p, plot=True)
    p = add("concessions", _on_corpus(concessions), "what moved between two versions (ids or PARTY@DATE)")
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--toward", metavar="PARTY[@DATE]",
                   help="also say whether each move is toward this party's position (at DATE; default: the "
                        "new version's date, shown in the header)")
    add_output_options(p)
    p = add("zopa", _on_corpus(zopa), "zone of possible agreement among parties' positions")
    p.add_argument("parties", nargs="+", metavar="PARTY")
    p.add_argument("--as-of", metavar="DATE", help="YYYY-MM-DD (default: latest)")
    add_output_options(p)
