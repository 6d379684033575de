"""Identifiers people can read, and text without hidden direction changes: the one set of rules.

An identifier — a party code, a document id, a source id, a point key, an issue or area id —
is what a reader types and what two stances are matched by, so two that print the same must
be the same. The rules (positions/README.md states them too):

- every character is a letter (any script's, Unicode category L), a combining mark after a
  letter (M), a decimal digit (Nd) or one of ``-``, ``_``, ``.``, ``+`` (as in ``P5+1``),
  and the first is a letter or digit; so no space, no control, no zero-width character
  (U+200B–U+200D, U+2060, U+FEFF), no bidi control, and no leading ``=``, ``+``, ``-``, ``@``;
- it is in Unicode NFC;
- its letters are of one script (Latin, Cyrillic, Arabic…; Han with Hiragana, Katakana or
  Hangul counts as one): ``RU`` with a Cyrillic ``У`` is refused;
- within one kind (the parties, the issues, a document's sources) no two identifiers have
  the same :func:`skeleton`, the form left when letters that look alike across Latin,
  Cyrillic and Greek are folded together (a small table after Unicode TR39's confusables).

Text — titles, notes, quotes, labels — may hold any script, but not the bidi embedding,
override and isolate controls U+202A–U+202E and U+2066–U+2069, which reorder what a reader
sees (the "Trojan Source" trick). A small table is used rather than a confusables library
(``confusable-homoglyphs`` is installable) because identifiers are short, the mixed-script
rule already refuses most look-alikes, and the core stays free of a data-file dependency.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

PUNCTUATION = frozenset("-_.+")
"""The characters other than letters, marks and digits an identifier may hold (not first)."""

BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
"""Bidi embedding, override and isolate controls, refused anywhere in corpus text."""

_ONE_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "IDEOGRAPHIC": "CJK"}

# Cyrillic and Greek letters that look like Latin ones (after TR39 confusables.txt), folded to Latin.
_LOOKALIKE = str.maketrans(
    "АВСЕНІЈКМОРЅТХУаеіјосрѕхуԁһԛԝѵΑΒΕΗΙΚΜΝΟΡΤΥΧΖαοιρυνκχ",
    "ABCEHIJKMOPSTXYaeijocpsxydhqwvABEHIKMNOPTYXZaoipuvkx",
)


def _script(ch: str) -> str:
    """A letter's script, from the first word of its Unicode name (LATIN, CYRILLIC, ARABIC…)."""
    word = unicodedata.name(ch, "UNKNOWN").split()[0]
    return _ONE_SCRIPT.get(word, word)


def identifier_problem(text: str, what: str = "an identifier") -> str | None:
    """Why ``text`` is not a readable identifier; None if it is.

    >>> identifier_problem("RU") is None
    True
    >>> identifier_problem("RU\\u200b")
    'an identifier may hold only letters, digits and - _ . + after the first (found U+200B ZERO WIDTH SPACE)'
    """
    if not text:
        return f"{what} may not be empty"
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if not (category[0] == "L" or category == "Nd" or (i > 0 and (ch in PUNCTUATION or category[0] == "M"))):
            name = unicodedata.name(ch, "unnamed")
            return f"{what} may hold only letters, digits and - _ . + after the first (found U+{ord(ch):04X} {name})"
    if unicodedata.normalize("NFC", text) != text:
        return f"{what} must be in Unicode NFC (write it composed)"
    scripts = sorted({_script(ch) for ch in text if unicodedata.category(ch)[0] == "L"})
    if len(scripts) > 1:
        return f"{what} mixes scripts ({', '.join(s.title() for s in scripts)}): letters that look alike may differ"
    return None


def skeleton(text: str) -> str:
    """``text`` with look-alike letters folded (case kept: ``RU`` and ``ru`` differ), for comparing."""
    return unicodedata.normalize("NFKC", text).translate(_LOOKALIKE)


def confusable(identifiers: Iterable[str]) -> list[tuple[str, str]]:
    """The pairs (first, later) of different identifiers that share a :func:`skeleton`."""
    seen: dict[str, str] = {}
    pairs = []
    for ident in identifiers:
        first = seen.setdefault(skeleton(ident), ident)
        if first != ident:
            pairs.append((first, ident))
    return pairs


def text_problem(text: str) -> str | None:
    """Why corpus text ``text`` may not be shown as it is (a bidi control); None if it may."""
    for ch in text:
        if ch in BIDI_CONTROLS:
            name = unicodedata.name(ch)
            return f"text may not hold the bidi control U+{ord(ch):04X} {name}: it reorders what is shown"
    return None


def text_problems(data: Any) -> Iterator[tuple[tuple[int | str, ...], str]]:
    """Every string in parsed data (keys included) that :func:`text_problem` refuses, with its path.

    Walked with a stack, not recursion, so data nested as deep as a parser allows is fine;
    each list or mapping is walked once, so a YAML alias that holds itself (``&a [*a]``)
    ends the walk instead of looping.
    """
    stack: list[tuple[tuple[int | str, ...], Any]] = [((), data)]
    walked: set[int] = set()
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict | list | tuple):
            if id(value) in walked:
                continue
            walked.add(id(value))
        if isinstance(value, str):
            if (why := text_problem(value)) is not None:
                yield path, why
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if isinstance(key, str) and (why := text_problem(key)) is not None:
                    yield (*path, key), why
                stack.append(((*path, key), item))
        elif isinstance(value, list | tuple):
            stack += [((*path, i), item) for i, item in reversed(list(enumerate(value)))]
