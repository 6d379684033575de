"""The words of what a scale says of a value (:meth:`~negotiation.model.scale_base.ScaleBase.describe_value`).

Each scale describes its values as data: a level with its labels, a number, a set of
members, or one of our words (a flag's yes/no); ``scale.format(value, lang)`` hands that
description to :func:`words_of`. :func:`negotiation.render.report.value_text` adds a
quantity's unit: it is the function the renderers call for a value.
"""

from __future__ import annotations

from negotiation.model.labels import Labelled
from negotiation.model.scale_base import ValueDescription, ValueWord
from negotiation.model.spans import format_number
from negotiation.render import i18n
from negotiation.render.i18n import Lang

__all__ = ["words_of"]


def words_of(description: ValueDescription, lang: Lang = "en") -> str:
    """A described value in ``lang``: a label, "85,000", "{UK, US}", "yes"."""
    if isinstance(description, ValueWord):
        return i18n.word(description.key, lang)
    if isinstance(description, Labelled):
        return description.label(lang)
    if isinstance(description, frozenset):
        return "{" + i18n.say("comma", lang).join(sorted(description)) + "}"
    return format_number(description)
