"""The words of a package search: each move, and a package of moves, in a language.

:mod:`negotiation.analysis.search_space` gives every move as a
:class:`~negotiation.model.scales.Step` (what it does and the value it reaches) and
:func:`negotiation.search` every package as a tuple of
:class:`~negotiation.analysis.search.PackageStep`; the sentences are written here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from negotiation.model.models import Issue, Taxonomy
from negotiation.model.scales import Step, StepKind
from negotiation.render import i18n
from negotiation.render.i18n import Lang

if TYPE_CHECKING:
    from negotiation.analysis.search import PackageStep

__all__ = ["option_text", "package_text", "untranslated"]


def option_text(step: Step, issue: Issue, lang: Lang = "en") -> str:
    """One move in words: "No NATO-commanded forces in peacetime (1 step)", "300,000 (2/4 of the gap)", "+US"."""
    scale = issue.scale
    if step.kind is StepKind.LEVEL:
        return f"{scale.format(step.value, lang)} ({i18n.steps(step.k, lang)})"
    if step.kind is StepKind.PART:
        return f"{scale.format(step.value, lang)} ({i18n.say('package_part', lang, k=step.k, n=step.n)})"
    if step.kind is StepKind.ADD:
        return f"+{step.member}"
    if step.kind is StepKind.DROP:
        return f"−{step.member}"
    return scale.format(step.value, lang)


def package_text(moves: Iterable[PackageStep], taxonomy: Taxonomy, lang: Lang = "en") -> str:
    """A package in words: "RU: Foreign troops in Ukraine → … (1 step); UA: …", or "no moves"."""
    parts = []
    for move in moves:
        issue = taxonomy.issues[move.issue]
        parts.append(i18n.say("package_move", lang, side=move.name, issue=issue.label(lang),
                              value=option_text(move.step, issue, lang)))
    return i18n.say("semicolon", lang).join(parts) or i18n.say("no_moves", lang)


def untranslated(packages: Iterable[Iterable[PackageStep]], taxonomy: Taxonomy, lang: Lang) -> bool:
    """Whether some words of these packages stay in English in ``lang``: ours, or an issue's label."""
    if lang == "en":
        return False
    if not i18n.has_words(lang):
        return True
    return any(not taxonomy.issues[move.issue].has_label(lang) for moves in packages for move in moves)
