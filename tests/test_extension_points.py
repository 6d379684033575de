"""A new scale kind, verdict and language are each one place plus data (docs/ARCHITECTURE.md).

Each test adds a toy one the way the checklist says, inside the test (monkeypatched, so
nothing outlives it), and follows it through compare and render end to end.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Annotated, ClassVar, Literal

import pytest
from pydantic import Field, TypeAdapter

import negotiation as ng
from negotiation.analysis.compare import Comparison, summarize
from negotiation.analysis.verdicts import Verdict
from negotiation.model.scales import FlagScale, GapKind, NumericScale, OrdinalScale, ScaleBase, SetScale, Span
from negotiation.model.spans import raw_gap
from negotiation.model.taxonomy import Issue
from negotiation.model.values import Value
from negotiation.render import i18n, palette, text
from negotiation.render.packages import package_text, untranslated
from negotiation.render.report import comparison_table, describe_diff, stance_text
from negotiation.render.verdict_styles import STYLES, VerdictStyle, css_class

# --- a scale kind


class StarsScale(ScaleBase):
    """The toy kind: one to ``stars`` stars, a step apart (how many stars a deal earns)."""

    kind: Literal["stars"] = "stars"
    gap_kind: ClassVar[GapKind] = GapKind.STEPS
    stars: int = 5

    def problem(self, value: Value) -> str | None:
        ok = isinstance(value, float) and value.is_integer() and 1 <= value <= self.stars
        return None if ok else f"expected 1 to {self.stars} stars, got {value!r}"

    def span(self, values: Iterable[Value]) -> Span:
        stars = []
        for v in values:
            self.check(v)
            stars.append(float(v))  # type: ignore[arg-type]
        return Span(lo=min(stars), hi=max(stars))

    def _unit(self, x: float) -> float:
        return (x - 1) / (self.stars - 1)

    def _between(self, lo: float, hi: float) -> list[Value]:
        return [float(i) for i in range(int(lo), int(hi) + 1)]

    def value_at(self, p: float) -> Value:
        return float(1 + round(min(max(p, 0.0), 1.0) * (self.stars - 1)))

    @property
    def default_close(self) -> float:
        return 1.0 / (self.stars - 1)

    def format(self, value: Value, lang: str = "en") -> str:
        self.check(value)
        return "★" * int(value)  # type: ignore[call-overload]

    def rank(self, value: Value) -> int | None:
        return int(value) - 1  # type: ignore[call-overload]

    def steps(self, a: Span, b: Span) -> int | None:
        return int(raw_gap(a, b))

    def listed(self, parties: Sequence[str]) -> list[tuple[str | None, Value | None]]:
        return [(str(i), float(i)) for i in range(1, self.stars + 1)]

    def step_toward(self, current: Value, target: Value, steps: int) -> Value:
        c, t = float(current), float(target)  # type: ignore[arg-type]
        return c + max(-steps, min(steps, t - c))

    def moves_toward(self, mine: Value, theirs: Value, numeric_steps: int = 4) -> list[ng.Step]:
        gap = int(float(theirs) - float(mine))  # type: ignore[arg-type]
        return [ng.Step(ng.StepKind.LEVEL, float(mine) + (k if gap > 0 else -k), k=k)  # type: ignore[arg-type]
                for k in range(1, abs(gap) + 1)]


SOURCE = {"id": "s", "outlet": "Outlet", "title": "Title", "date": "2025-01-01"}


def _taxonomy(scale: ScaleBase) -> ng.Taxonomy:
    issue = Issue.model_construct(id="deal.stars", weight=1.0, close=None, scale=scale,
                                  en="Stars", labels={"ar": "النجوم"})
    return ng.Taxonomy.model_validate({
        "poles": {"low": {"en": "Low"}, "high": {"en": "High"}},
        "areas": {"deal": {"id": "deal", "en": "Deal"}},
        "issues": {"deal.stars": issue},
        "parties": {"A": {"code": "A", "en": "Side A"}, "B": {"code": "B", "en": "Side B"}},
    })


def _document(doc_id: str, author: str, stars: float) -> ng.Document:
    return ng.Document.model_validate({
        "id": doc_id, "title": doc_id, "date": "2025-01-01", "kind": "position", "status": "official",
        "authors": [author], "sources": [SOURCE], "stances": {"deal.stars": {"value": stars, "source": "s"}},
    })


def test_a_new_scale_kind_is_one_class_named_in_the_scale_union() -> None:
    union = Annotated[OrdinalScale | NumericScale | SetScale | FlagScale | StarsScale, Field(discriminator="kind")]
    scale = TypeAdapter(union).validate_python({"kind": "stars", "stars": 5})
    assert isinstance(scale, StarsScale)


def test_a_new_scale_kind_places_formats_and_measures_its_gaps_through_compare() -> None:
    tax = _taxonomy(StarsScale())
    a, b = _document("a", "A", 2.0), _document("b", "B", 4.0)
    cmp = ng.compare(a, b, taxonomy=tax)
    diff = cmp["deal.stars"]
    assert diff.distance == pytest.approx(0.5)
    assert diff.verdict is Verdict.APART
    assert stance_text(diff.a, diff.issue) == "★★"
    assert "2 steps" in describe_diff(diff)
    assert "★★★★" in comparison_table(cmp, "github")
    assert ng.compare(a, a, taxonomy=tax).summary.convergence == pytest.approx(1.0)


def test_a_new_scale_kind_moves_in_a_package_search_worded_by_render() -> None:
    tax = _taxonomy(StarsScale())
    a, b = _document("a", "A", 2.0), _document("b", "B", 4.0)
    best = ng.search(a, b, taxonomy=tax, max_steps=1, top=1)
    assert best["package"].iloc[0] == "A: Stars → ★★★ (1 step); B: Stars → ★★★ (1 step)"
    assert float(best["convergence"].iloc[0]) == pytest.approx(1.0)
    arabic = package_text(best["moves"].iloc[0], tax, "ar")
    assert arabic == "A: النجوم ← ★★★ (درجة واحدة)؛ B: النجوم ← ★★★ (درجة واحدة)"
    assert not untranslated(best["moves"], tax, "ar")
    assert untranslated(best["moves"], tax, "fr")  # no words of ours in French: English fills in


# --- a verdict


def _add_verdict(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> Verdict:
    """What writing ``NAME = "value"`` in the Verdict enum does, undone after the test."""
    member = str.__new__(Verdict, value)
    member._name_, member._value_ = name, value
    monkeypatch.setattr(Verdict, "_member_names_", [*Verdict._member_names_, name])
    monkeypatch.setitem(Verdict._member_map_, name, member)
    monkeypatch.setitem(Verdict._value2member_map_, value, member)
    return member


def test_a_new_verdict_is_one_entry_in_the_styles_table(monkeypatch: pytest.MonkeyPatch) -> None:
    stalled = _add_verdict(monkeypatch, "STALLED", "stalled")
    style = VerdictStyle({"en": "stalled", "ar": "متعثر"}, {"en": "talks stopped", "ar": "توقفت المحادثات"},
                         "34", ("#102a5c", "#d8e3fa"), ("#d0ddff", "#1a2747"))
    monkeypatch.setitem(STYLES, stalled, style)

    assert i18n.verdict("stalled", "ar") == "متعثر"
    assert i18n.VERDICT_MEANINGS["stalled"]["en"] == "talks stopped"
    assert text.COLORS["stalled"] == "34"
    assert palette.VERDICT_COLORS["stalled"] == ("#102a5c", "#d8e3fa")
    assert css_class(stalled) == "v-stalled"
    assert ".v-stalled {" in palette.verdict_style() and "--stalled-bg: #d8e3fa;" in palette.verdict_style()

    corpus = ng.load()
    cmp = ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"])
    first = dataclasses.replace(cmp.diffs[0], verdict=stalled)
    diffs = (first, *cmp.diffs[1:])
    toy = Comparison(a=cmp.a, b=cmp.b, taxonomy=cmp.taxonomy, diffs=diffs, summary=summarize(diffs))
    assert toy.summary.counts["stalled"] == 1
    assert "متعثر" in comparison_table(toy, "github", "ar")
    page = comparison_table(toy, "html")
    assert "v-stalled" in page and "stalled" in page
    frame = toy.to_frame()
    assert frame["verdict"].iloc[0] == "stalled"
    assert list(frame["verdict"].cat.categories)[-1] == "stalled"


# --- a language


def test_a_new_language_is_its_strings_beside_english_and_falls_back_to_english(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(i18n.HEADERS["issue"], "eo", "Temo")
    monkeypatch.setitem(i18n.SENTENCES["steps"], "eo", "{n} paŝoj")
    monkeypatch.setitem(STYLES[Verdict.APART].label, "eo", "malproksimaj")  # type: ignore[index]

    assert "eo" in i18n.languages()
    assert i18n.header("issue", "eo") == "Temo"
    assert i18n.header("verdict", "eo") == i18n.header("verdict", "en")  # not written: English
    assert i18n.verdict("apart", "eo") == "malproksimaj"
    assert i18n.verdict("agree", "eo") == "agree"
    assert not i18n.has_words("eo")

    corpus = ng.load()
    cmp = ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"])
    table = comparison_table(cmp, "github", "eo")
    assert "Temo" in table and "malproksimaj" in table and "agree" not in table.split("\n")[0]
    from negotiation.cli.main import main

    assert main(["compare", "istanbul-draft-2022-04", "us-28-point-2025-11", "--lang", "eo"]) == 0
