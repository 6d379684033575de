"""``negotiation explain PARTY@DATE ISSUE``: every stance the party's position could take on one issue, and why.

One row per candidate stance up to the date: its date, document, value, confidence and status,
whether it was taken, and why it was taken or passed over (superseded, retired by a revision,
below the confidence floor, an endorsement not covering the issue, too old). See
:func:`negotiation.analysis.timeline.explain`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from negotiation.cli.options import add_output_options, emit, lang_of


def run(args: argparse.Namespace) -> int:
    """Print one row per candidate stance."""
    from negotiation.analysis.timeline import explain, parse_date
    from negotiation.cli.main import corpus_of
    from negotiation.render import i18n
    from negotiation.render.report import stance_text

    lang = lang_of(args)
    corpus = corpus_of(args)
    party, _, when = args.position.partition("@")
    as_of = parse_date(when or None, default=max((d.date for d in corpus), default=None))
    rules = {"min_confidence": args.min_confidence, "max_age": args.max_age}
    candidates = explain(corpus, party, args.issue, as_of, **rules)
    issue = corpus.taxonomy.issue(args.issue)
    if not candidates:
        print(f"negotiation: {party} states nothing on {args.issue} up to {as_of.isoformat()}", file=sys.stderr)
        return 1
    rows = [{
        "date": c.date.isoformat(), "document": c.document,
        "value": stance_text(c.stance, issue, lang), "confidence": i18n.word(c.stance.confidence.value, lang),
        "status": i18n.word(corpus[c.document].status, lang),
        "taken": "✓" if c.taken else "",
        "reason": i18n.say(f"reason_{c.reason.value}", lang, by=c.by or ""),
    } for c in candidates]
    title = i18n.say("explain_title", lang, party=party, date=as_of.isoformat(), issue=issue.label(lang))
    summary = i18n.say("explain_rules", lang, floor=i18n.word(args.min_confidence, lang))
    data = [{"date": c.date.isoformat(), "document": c.document, "value": c.stance.value,
             "alternatives": c.stance.alternatives, "confidence": c.stance.confidence.value,
             "status": corpus[c.document].status, "taken": c.taken, "reason": c.reason.value, "by": c.by}
            for c in candidates]
    emit(rows, args, title=title, summary=summary, data=data,
         columns=["date", "document", "value", "confidence", "status", "taken", "reason"])
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``explain`` subcommand."""
    p = add("explain", run, "why a party's position holds what it does on one issue: every candidate stance")
    p.add_argument("position", metavar="PARTY@DATE", help="a party code, optionally @YYYY-MM-DD (default: latest)")
    p.add_argument("issue", metavar="ISSUE", help="an issue id, e.g. territory.donetsk")
    p.add_argument("--min-confidence", default="medium", choices=("high", "medium", "low"),
                   help="the confidence floor (default medium; low: every stance counts)")
    p.add_argument("--max-age", type=int, metavar="DAYS", help="drop stances older than DAYS at the date")
    add_output_options(p)
