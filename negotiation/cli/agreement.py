"""``negotiation agreement DIR_A DIR_B``: how far two independent codings of the same documents agree.

Krippendorff's alpha per issue (on the issue's scale: ordinal, interval or nominal), overall
and on which issues each document addresses, then every disagreement. See
:mod:`negotiation.analysis.agreement`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from negotiation.cli.options import add_output_options, emit, lang_of


def _alpha(value: float | None, lang: str) -> str:
    from negotiation.render import i18n

    return i18n.say("agreement_undefined", lang) if value is None else f"{value:.3f}"


def run(args: argparse.Namespace) -> int:
    """Print alpha per issue, the overall figures and (with --disagreements) each disagreement."""
    from negotiation.analysis.agreement import agreement
    from negotiation.corpus.loader import load
    from negotiation.render import i18n
    from negotiation.render.report import value_text

    lang = lang_of(args)
    a, b = load(args.a), load(args.b)
    result = agreement(a, b)
    taxonomy = a.taxonomy
    rows: list[dict[str, Any]] = [
        {"issue": r.issue, "issue_label": taxonomy.issues[r.issue].label(lang),
         "measurement": i18n.say(f"measurement_{r.measurement}", lang), "units": r.units,
         "only_a": r.only_a, "only_b": r.only_b, "alpha": _alpha(r.alpha, lang)}
        for r in result.issues
    ]
    overall = i18n.say("agreement_overall", lang, overall=_alpha(result.overall, lang),
                       presence=_alpha(result.presence, lang))
    title = i18n.say("agreement_title", lang, n=len(result.documents))
    if args.disagreements:
        silent = i18n.say("agreement_silent", lang)

        def shown(issue: str, value: Any) -> str:
            if value is None:
                return silent
            scale = taxonomy.issues[issue].scale
            values = value if isinstance(value, tuple) else (value,)
            return " / ".join(value_text(scale, v, lang) for v in values)

        records = [
            {"document": d.document, "issue": d.issue, "value_a": shown(d.issue, d.value_a),
             "value_b": shown(d.issue, d.value_b), "distance": "" if d.distance is None else f"{d.distance:.2f}"}
            for d in result.disagreements
        ]
        emit(records, args, title=i18n.say("agreement_disagreements", lang, n=len(records)), summary=overall,
             columns=["document", "issue", "value_a", "value_b", "distance"],
             data=result.to_dict())
        return 0
    emit(rows, args, title=title, summary=overall,
         columns=["issue_label", "measurement", "units", "only_a", "only_b", "alpha"], data=result.to_dict())
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``agreement`` subcommand."""
    p = add("agreement", run, "Krippendorff's alpha between two codings of the same documents")
    p.add_argument("a", metavar="DIR_A", help="the first coding: a corpus folder")
    p.add_argument("b", metavar="DIR_B", help="the second coding: a corpus folder with the same document ids")
    p.add_argument("--disagreements", action="store_true", help="list every unit the codings differ on")
    add_output_options(p)
