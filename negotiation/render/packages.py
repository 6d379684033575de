"""The words of a package of concessions (``negotiation search``), in any language.

:func:`~negotiation.analysis.search.search` returns each package as data: the edits each
side makes (``edits_a``, ``edits_b``). :func:`package_text` writes them for people, one move
per issue and side, in the order the search lists them (taxonomy order, side *a* first):
``RU: Foreign troops in Ukraine → No NATO-commanded forces in peacetime (1 step)``, in
Arabic with the taxonomy's Arabic labels and a leftward arrow.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from negotiation.analysis.scenarios import Edit, apply_edit
from negotiation.model.models import Document, Issue, Taxonomy
from negotiation.model.scales import NumericScale, OrdinalScale, SetScale
from negotiation.render import i18n
from negotiation.render.i18n import Lang
from negotiation.render.report import stance_text

__all__ = ["package_text"]


def _side(doc: Document) -> str:
    return doc.authors[0] if doc.kind == "position" and doc.authors else doc.id


def _part(scale: NumericScale, own: Any, theirs: Any, value: Any, numeric_steps: int) -> int:
    """Which of ``numeric_steps`` equal parts of the gap (measured as the scale measures it) ``value`` reaches."""
    lo, hi, v = (min(max(scale.number(x), scale.lower), scale.upper) for x in (own, theirs, value))
    if scale.log and min(lo, hi, v) > 0:
        lo, hi, v = math.log(lo), math.log(hi), math.log(v)
    return round(numeric_steps * (v - lo) / (hi - lo)) if hi != lo else numeric_steps


def _move(doc: Document, other: Document, edit: Edit, issue: Issue, taxonomy: Taxonomy, lang: Lang,
          numeric_steps: int) -> str:
    own, theirs = doc.stances[issue.id], other.stances[issue.id]
    scale = issue.scale
    if isinstance(scale, SetScale):
        before = own.value if isinstance(own.value, frozenset) else frozenset()
        after = edit.value if isinstance(edit.value, frozenset) else frozenset()
        value = " ".join([*(f"+{m}" for m in sorted(after - before)), *(f"−{m}" for m in sorted(before - after))])
    else:
        value = stance_text(apply_edit(doc, edit, taxonomy).stances[issue.id], issue, lang)
    if isinstance(scale, OrdinalScale):
        value += f" ({i18n.steps(edit.steps, lang)})"
    elif isinstance(scale, NumericScale):
        k = _part(scale, own.value, theirs.value, edit.value, numeric_steps)
        value += f" ({i18n.say('package_part', lang, k=k, n=numeric_steps)})"
    return i18n.say("package_move", lang, side=_side(doc), issue=issue.label(lang), value=value)


def package_text(package: Mapping[Any, Any], a: Document, b: Document, taxonomy: Taxonomy, lang: Lang = "en", *,
                 numeric_steps: int = 4) -> str:
    """One package (a row of :func:`~negotiation.analysis.search.search`) as people read it, in ``lang``.

    ``numeric_steps`` is the search's own (how many parts a numeric gap was cut into).
    """
    order = {issue_id: n for n, issue_id in enumerate(taxonomy.issues)}
    moves = [(order[e.issue], side, e) for side, edits in enumerate((package["edits_a"], package["edits_b"]))
             for e in edits]
    parts = []
    for _, side, edit in sorted(moves, key=lambda m: (m[0], m[1])):
        doc, other = (a, b) if side == 0 else (b, a)
        parts.append(_move(doc, other, edit, taxonomy.issues[edit.issue], taxonomy, lang, numeric_steps))
    return i18n.say("semicolon", lang).join(parts) or i18n.say("no_moves", lang)
