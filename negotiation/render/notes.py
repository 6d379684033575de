"""Notes as readers see them: ids written in a corpus's notes become labels.

A corpus author's note may name an issue (``ceasefire.duration_days``) or a level of the
stance's own scale (``settlement_first``). People reading a table see the label in their
language instead; machine formats keep the note as written (the record's ``note``, beside
the readable ``note_label``).
"""

from __future__ import annotations

import re

from negotiation.model.lang import Lang
from negotiation.model.models import Issue, Taxonomy

__all__ = ["readable_note"]

_ID = re.compile(r"(?<![\w.\-/])[a-z][a-z0-9]*(?:[._][a-z0-9]+)+(?![\w\-/]|\.\w)")
"""A snake_case or dotted id standing as a word (not inside a URL, a file name or a longer id)."""


def readable_note(note: str | None, issue: Issue | None, taxonomy: Taxonomy, lang: Lang = "en") -> str | None:
    """``note`` with every issue id of ``taxonomy`` and every level id of ``issue``'s scale
    written as its label in ``lang``; other text untouched.

    Only ids with a dot or an underscore are replaced, so a level named like an English
    word (``none``, ``partial``) is never taken for an id.

    Examples
    --------
    ``"kept off ceasefire.duration_days"`` reads ``"kept off Ceasefire duration (days)"``.
    """
    if not note:
        return note
    levels = {level.id: level for level in getattr(issue.scale, "levels", ())} if issue is not None else {}

    def label(m: re.Match[str]) -> str:
        word = m.group()
        if word in taxonomy.issues:
            return taxonomy.issues[word].label(lang)
        if word in levels:
            return str(levels[word].label(lang))
        return word

    return _ID.sub(label, note)
