"""``negotiation predict PARTY… --as-of DATE``: where each issue could settle, by three models.

Weighted median, Nash bargaining point (where the parties' accepted values overlap) and the
Spatial Model of Politics rounds; see :mod:`negotiation.analysis.bargaining`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from negotiation.cli.options import add_output_options, emit, lang_of


def run(args: argparse.Namespace) -> int:
    """Predict each issue and print one row per issue and model."""
    from negotiation.analysis.predict import MODELS, predict
    from negotiation.analysis.timeline import require_documents
    from negotiation.cli.main import corpus_of

    corpus = corpus_of(args)
    for issue_id in args.issue or ():
        corpus.taxonomy.issue(issue_id)  # an unknown id: one line naming the nearest ids
    for party in args.parties:
        require_documents(corpus, party, args.as_of)
    models = args.model or list(MODELS)
    frame = predict(corpus, args.parties, args.as_of, models=models, issues=args.issue or None,
                    lang=lang_of(args))
    from negotiation.render import i18n
    from negotiation.render.formats import Column

    lang = lang_of(args)
    if frame.empty:  # as compare: nothing stated, one line and exit 1
        ids = i18n.join((f"{p}@{frame.attrs.get('as_of', args.as_of)}" for p in args.parties), lang)
        print(f"negotiation: {i18n.say('none_in_common', lang, ids=ids)}", file=sys.stderr)
        return 1
    frame = _with_units(frame, corpus.taxonomy, lang)
    distance = [c for c in frame.columns if c.startswith("distance_")]
    summary = [i18n.say("predict_weights", lang), i18n.say("predict_distance", lang)]
    title = i18n.say("predicted_as_of", lang, date=frame.attrs.get("as_of", args.as_of),
                     parties=i18n.join(args.parties, lang))
    # The issue's label, shown once for its rows (one row per model).
    issue = Column("issue_label", header=i18n.header("issue", lang), group=True)
    columns: list[Column | str] = [issue, "model", "predicted", "position", *distance]
    emit(frame, args, title=title, summary=summary, columns=columns)
    return 0


def _with_units(frame: object, taxonomy: object, lang: str) -> object:
    """The predictions with their unit: a ``unit`` column, and "800,000 personnel" as people read them.

    Units are English words in the taxonomy (no translations yet), so other languages get the
    ``unit`` column but keep the bare number in the cell people read.
    """
    from negotiation.model.scales import NumericScale

    f: Any = frame
    tax: Any = taxonomy
    units = {i: issue.scale.unit for i, issue in tax.issues.items() if isinstance(issue.scale, NumericScale)}
    unit = f["issue"].map(units)
    f = f.assign(unit=unit)
    import pandas as pd

    number = pd.to_numeric(f["value"], errors="coerce") if "value" in f else pd.Series(float("nan"), index=f.index)
    numeric = unit.notna() & f["predicted"].notna() & number.notna()  # "No cap" takes no unit
    if lang != "en":
        return f
    f.loc[numeric, "predicted"] = f.loc[numeric, "predicted"].astype(str) + " " + unit[numeric]
    return f


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``predict`` subcommand."""
    p = add("predict", run, "predict where each issue could settle between parties' positions")
    p.add_argument("parties", nargs="+", metavar="PARTY")
    p.add_argument("--as-of", metavar="DATE", default=None, help="YYYY-MM-DD (default: latest)")
    p.add_argument("--model", action="append", choices=("weighted_median", "nash", "smp"),
                   help="only this model (repeatable; default all three)")
    p.add_argument("--issue", action="append", metavar="ISSUE", help="only this issue (repeatable)")
    add_output_options(p)
