"""Every verdict has a complete style: one entry of render/verdict_styles.STYLES, keyed by the enum."""

from __future__ import annotations

import re

import pytest

from negotiation.analysis.verdicts import Verdict
from negotiation.render import i18n, palette, text
from negotiation.render.verdict_styles import STYLES, css_class

LANGS = ("en", "ar")
_COLOR = re.compile(r"^#[0-9a-f]{6}$")


def test_the_table_has_exactly_the_members_of_the_enum() -> None:
    assert set(STYLES) == set(Verdict)


@pytest.mark.parametrize("verdict", list(Verdict))
def test_every_verdict_has_a_label_and_a_meaning_in_both_languages(verdict: Verdict) -> None:
    style = STYLES[verdict]
    for lang in LANGS:
        assert style.label.get(lang), f"{verdict} has no label in {lang}"
        assert style.meaning.get(lang), f"{verdict} has no meaning in {lang}"
        assert i18n.verdict(verdict.value, lang) == style.label[lang]


@pytest.mark.parametrize("verdict", list(Verdict))
def test_every_verdict_has_its_colours_and_css_class(verdict: Verdict) -> None:
    style = STYLES[verdict]
    assert style.ansi.isdigit()
    assert all(_COLOR.match(c) for c in (*style.light, *style.dark))
    assert text.COLORS[verdict.value] == style.ansi
    assert palette.VERDICT_COLORS[verdict.value] == style.light
    assert palette.VERDICT_DARK_COLORS[verdict.value] == style.dark
    assert f".{css_class(verdict)} {{" in palette.VERDICT_STYLE
    assert f"--{verdict.value}-bg: {style.light[1]};" in palette.VERDICT_STYLE


def test_a_verdict_outside_the_enum_has_no_css_class() -> None:
    with pytest.raises(ValueError):
        css_class("maybe")
