"""Everything a verdict looks like, in one table keyed by the :class:`Verdict` enum.

Its name and meaning in every language, its colour on a terminal, its text and background
colours on a light and a dark page, and its CSS class. The tables the renderers read
(``i18n.VERDICTS``, ``i18n.VERDICT_MEANINGS``, ``text.COLORS``, ``palette.VERDICT_COLORS``,
``palette.VERDICT_DARK_COLORS`` and the ``.v-*`` rules of ``palette.VERDICT_STYLE``) are
derived from :data:`STYLES` when they are read (:class:`StyleView`, :func:`verdict_order`,
``palette.verdict_style()``), so a new verdict is one entry here (tests/test_verdict_styles.py
checks that every member of the enum has a complete one; tests/test_extension_points.py adds
a toy one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from negotiation.analysis.verdicts import Verdict


@dataclass(frozen=True)
class VerdictStyle:
    """How one verdict is shown: ``label`` and ``meaning`` per language, ``ansi`` (an SGR code),
    ``light`` and ``dark`` as (text, background) colours."""

    label: Mapping[str, str]
    meaning: Mapping[str, str]
    ansi: str
    light: tuple[str, str]
    dark: tuple[str, str]


STYLES: dict[Verdict, VerdictStyle] = {
    Verdict.AGREE: VerdictStyle(
        {"en": "agree", "ar": "اتفاق"}, {"en": "the same value", "ar": "القيمة نفسها"},
        "32", ("#0f4d12", "#d7f0d8"), ("#c9f2cc", "#173d1a")),
    Verdict.CLOSE: VerdictStyle(
        {"en": "close", "ar": "تقارب"},
        {"en": "within the issue's close threshold", "ar": "ضمن عتبة التقارب للقضية"},
        "36", ("#2f4d0b", "#e3f3cc"), ("#e0f5c0", "#2b3d14")),
    Verdict.BRIDGEABLE: VerdictStyle(
        {"en": "bridgeable", "ar": "قابل للتجسير"},
        {"en": "different, but what each side accepts overlaps", "ar": "مختلفان، لكن ما يقبله كل طرف يتقاطع"},
        "33", ("#5c4300", "#fff1c2"), ("#ffe9a6", "#47390b")),
    Verdict.APART: VerdictStyle(
        {"en": "apart", "ar": "تباعد"}, {"en": "far apart", "ar": "متباعدان"},
        "31", ("#7a0d16", "#fbd5d8"), ("#ffd0d4", "#4d1419")),
    Verdict.DEFERRED: VerdictStyle(
        {"en": "deferred", "ar": "مؤجل"},
        {"en": "left to later talks by one side or both", "ar": "أرجأه طرف أو الطرفان إلى محادثات لاحقة"},
        "35", ("#3b2a66", "#e6e1f2"), ("#ddd3ff", "#2f2747")),
    Verdict.ONE_SIDED: VerdictStyle(
        {"en": "one-sided", "ar": "من طرف واحد"}, {"en": "addressed by one side only", "ar": "يتناوله طرف واحد فقط"},
        "2", ("#333333", "#eeeeee"), ("#dddddd", "#2e2e2e")),
    Verdict.SILENT: VerdictStyle(
        {"en": "silent", "ar": "غائب"}, {"en": "addressed by neither side", "ar": "لا يتناوله أي طرف"},
        "2", ("#555555", "#f7f7f7"), ("#bbbbbb", "#222222")),
}
"""One entry per verdict, in the order frames and legends list them."""


def css_class(verdict: Verdict | str) -> str:
    """The CSS class of a verdict's row or cell: ``v-agree``."""
    return f"v-{Verdict(verdict).value}"


T = TypeVar("T")


class StyleView(Mapping[str, T]):
    """One field of every verdict's style, keyed by the verdict's value, read from :data:`STYLES`
    on each access (so a verdict added to the table is seen everywhere at once)."""

    def __init__(self, pick: Callable[[VerdictStyle], T]) -> None:
        self._pick = pick

    def __getitem__(self, key: str) -> T:
        for verdict, style in STYLES.items():
            if verdict.value == key:
                return self._pick(style)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter([verdict.value for verdict in STYLES])

    def __len__(self) -> int:
        return len(STYLES)


def verdict_order() -> tuple[str, ...]:
    """The verdict values in the order of :data:`STYLES`: the order of frames' categoricals and legends."""
    return tuple(verdict.value for verdict in STYLES)
