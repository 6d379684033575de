"""The words of a search's ties (:func:`negotiation.search_ties`), in English and Arabic.

Each tie becomes one note under the ranked packages: which ranks share a convergence, the
moves all of them make, the moves they differ in (per side), and what still orders them, or
that nothing does and their order among themselves is arbitrary.
"""

from __future__ import annotations

from collections.abc import Iterable

from negotiation.analysis.search_ties import PackageMove, Tie
from negotiation.model.lang import Lang
from negotiation.model.models import Document, Taxonomy
from negotiation.render import i18n

__all__ = ["side_name", "tie_notes"]

_MOST = 8
"""At most this many differing issues are named per side; the rest are counted."""

_WORDS: dict[str, dict[str, str]] = {
    "tie": {"en": "Ranks {first}–{last} tie at convergence {conv}.",
            "ar": "المراتب {first}–{last} متعادلة عند تقارب {conv}."},
    "shared": {"en": "All of them include {moves}.", "ar": "تشترك كلها في {moves}."},
    "differ": {"en": "They differ only in {moves}.", "ar": "ولا تختلف إلا في {moves}."},
    "side_moves": {"en": "{side}'s move on {issues}", "ar": "خطوة {side} في {issues}"},
    "steps": {"en": "{n} steps", "ar": "خطوات: {n}"},
    "more": {"en": "{n} more", "ar": "{n} غيرها"},
    "and": {"en": "; ", "ar": "؛ "},
    "by_concession": {"en": "Among them, less total concession ranks first.",
                      "ar": "وفيما بينها يتقدّم الأقل تنازلاً إجمالياً."},
    "by_steps": {"en": "Among them, fewer steps rank first.",
                 "ar": "وفيما بينها يتقدّم الأقل خطوات."},
    "split": {"en": "Their total concession and steps are equal (only its split between {a} and {b} differs): "
                    "nothing else separates them, so their order is arbitrary.",
              "ar": "يتساوى فيها إجمالي التنازل وعدد الخطوات (ولا يختلف إلا توزيعه بين {a} و{b}): "
                    "لا شيء آخر يميّزها، فترتيبها فيما بينها اعتباطي."},
    "nothing": {"en": "Their concessions and steps are equal too: nothing else separates them, "
                      "so their order is arbitrary.",
                "ar": "وتتساوى كذلك في التنازلات والخطوات: لا شيء آخر يميّزها، فترتيبها فيما بينها اعتباطي."},
    "beyond": {"en": "More packages past rank {last} may share it.",
               "ar": "وقد تشاركها حزم أخرى بعد المرتبة {last}."},
}


def _say(key: str, lang: Lang, **fields: object) -> str:
    entry = _WORDS[key]
    return (entry.get(lang) or entry["en"]).format(**fields)


def side_name(doc: Document) -> str:
    """How a package names a side: the party of a position, otherwise the document's id."""
    return doc.authors[0] if doc.kind == "position" and doc.authors else doc.id


def _label(issue: str, taxonomy: Taxonomy, lang: Lang) -> str:
    return taxonomy.issues[issue].label(lang) if issue in taxonomy.issues else issue


def _move(m: PackageMove, names: dict[str, str], taxonomy: Taxonomy, lang: Lang) -> str:
    steps = f" ({_say('steps', lang, n=m.steps)})" if m.steps > 1 else ""
    return f"{names[m.side]}: {_label(m.issue, taxonomy, lang)}{steps}"


def _differing(moves: Iterable[PackageMove], names: dict[str, str], taxonomy: Taxonomy, lang: Lang) -> str:
    comma = i18n.say("comma", lang)
    parts = []
    for side in ("a", "b"):
        issues = list(dict.fromkeys(_label(m.issue, taxonomy, lang) for m in moves if m.side == side))
        if not issues:
            continue
        shown = issues[:_MOST] + ([_say("more", lang, n=len(issues) - _MOST)] if len(issues) > _MOST else [])
        parts.append(_say("side_moves", lang, side=names[side], issues=comma.join(shown)))
    return _say("and", lang).join(parts)


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
        parts = [_say("tie", lang, first=tie.ranks[0], last=tie.ranks[-1], conv=i18n.decimal(tie.convergence, lang, 3))]
        if tie.shared:
            parts.append(_say("shared", lang, moves=comma.join(_move(m, names, taxonomy, lang) for m in tie.shared)))
        if tie.differing:
            parts.append(_say("differ", lang, moves=_differing(tie.differing, names, taxonomy, lang)))
        if tie.order == "concession":
            parts.append(_say("by_concession", lang))
        elif tie.order == "steps":
            parts.append(_say("by_steps", lang))
        elif tie.split_differs:
            parts.append(_say("split", lang, a=names["a"], b=names["b"]))
        else:
            parts.append(_say("nothing", lang))
        if last_rank is not None and tie.ranks[-1] == last_rank:
            parts.append(_say("beyond", lang, last=last_rank))
        notes.append(" ".join(parts))
    return notes
