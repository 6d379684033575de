"""The words of a search's ties (:func:`negotiation.search_ties`), in English and Arabic.

Each tie becomes one note under the ranked packages: which ranks share a convergence, the
moves all of them make, the moves they differ in (per side), and what still orders them, or
that nothing does and their order among themselves is arbitrary.
"""

from __future__ import annotations

from collections.abc import Iterable

from negotiation.analysis.search import side_name
from negotiation.analysis.search_ties import PackageMove, Tie
from negotiation.model.lang import Lang
from negotiation.model.models import Document, Taxonomy
from negotiation.render import i18n

__all__ = ["side_name", "tie_notes"]

_MOST = 8
"""At most this many differing issues are named per side; the rest are counted."""

def _label(issue: str, taxonomy: Taxonomy, lang: Lang) -> str:
    return taxonomy.issues[issue].label(lang) if issue in taxonomy.issues else issue


def _move(m: PackageMove, names: dict[str, str], taxonomy: Taxonomy, lang: Lang) -> str:
    steps = f" ({i18n.steps(m.steps, lang)})" if m.steps > 1 else ""
    return f"{names[m.side]}: {_label(m.issue, taxonomy, lang)}{steps}"


def _differing(moves: Iterable[PackageMove], names: dict[str, str], taxonomy: Taxonomy, lang: Lang) -> str:
    comma = i18n.say("comma", lang)
    parts = []
    for side in ("a", "b"):
        issues = list(dict.fromkeys(_label(m.issue, taxonomy, lang) for m in moves if m.side == side))
        if not issues:
            continue
        shown = issues[:_MOST] + ([i18n.say("tie_more", lang, n=len(issues) - _MOST)] if len(issues) > _MOST else [])
        parts.append(i18n.say("tie_side_moves", lang, side=names[side], issues=comma.join(shown)))
    return i18n.say("semicolon", lang).join(parts)


def tie_notes(ties: Iterable[Tie], a: Document, b: Document, taxonomy: Taxonomy, lang: Lang = "en", *,
              last_rank: int | None = None) -> list[str]:
    """One note per tie: ranks and convergence, shared and differing moves, what orders them.

    ``last_rank`` is the last rank shown: a tie reaching it may go on past it, and the note
    says so.
    """
    names = {"a": side_name(a), "b": side_name(b)}
    comma = i18n.say("comma", lang)
    notes = []
    for tie in ties:
        conv = i18n.decimal(tie.convergence, lang, 3)
        parts = [i18n.say("tie_tie", lang, first=tie.ranks[0], last=tie.ranks[-1], conv=conv)]
        if tie.shared:
            shared = comma.join(_move(m, names, taxonomy, lang) for m in tie.shared)
            parts.append(i18n.say("tie_shared", lang, moves=shared))
        if tie.differing:
            parts.append(i18n.say("tie_differ", lang, moves=_differing(tie.differing, names, taxonomy, lang)))
        if tie.order == "concession":
            parts.append(i18n.say("tie_by_concession", lang))
        elif tie.order == "steps":
            parts.append(i18n.say("tie_by_steps", lang))
        elif tie.split_differs:
            parts.append(i18n.say("tie_split", lang, a=names["a"], b=names["b"]))
        else:
            parts.append(i18n.say("tie_nothing", lang))
        if last_rank is not None and tie.ranks[-1] == last_rank:
            parts.append(i18n.say("tie_beyond", lang, last=last_rank))
        notes.append(" ".join(parts))
    return notes
