"""The four kinds of scale an issue is measured on, and distances between stances.

Every scale checks that a value fits it, formats it for people, and measures how far apart
two stances are, as a number in [0, 1]:

- ordinal: steps apart over (levels - 1);
- numeric: the difference over the scale's range, on a log scale where asked, values
  clipped to the bounds;
- set: Jaccard distance between the member sets;
- flag: 0 or 1.

A stance may stand for more than one value: a bracketed stance in a joint draft covers the
span of its alternatives, and a reservation range covers a demand plus what the author
accepts. On ordered scales (ordinal, numeric, flag) such a :class:`Span` is an interval and
the distance between two spans is the gap between the intervals (0 when they overlap); on a
set scale it is the list of member sets and the distance is the smallest Jaccard distance
between any two of them. Between single values this is a metric (symmetric, triangle
inequality); between spans it is not, since two spans can both touch a third.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from negotiation.model.labels import Labelled, Lang
from negotiation.model.spans import Span as Span  # re-exported: scales and spans are read together
from negotiation.model.spans import closest_members, format_number, jaccard, raw_gap
from negotiation.model.values import RawValue, Value


class Level(Labelled):
    """A named level on an ordinal scale, or the word for "no limit" on a numeric one."""

    id: str


class _ScaleBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def problem(self, value: Value) -> str | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def check(self, value: Value) -> None:
        """Raise :class:`~negotiation.errors.ScaleError` if ``value`` does not fit."""
        from negotiation.errors import ScaleError

        message = self.problem(value)
        if message:
            raise ScaleError(message)

    @property
    def default_close(self) -> float:
        """The distance under which two different values are ``close`` by default."""
        return 0.15

    @property
    def ordered(self) -> bool:
        """Whether the scale runs from a low pole to a high pole."""
        return True

    def span(self, values: Iterable[Value]) -> Span:  # pragma: no cover - overridden
        raise NotImplementedError

    def gap(self, a: Span, b: Span) -> float:
        """Distance in [0, 1] between two spans: 0 where they overlap."""
        lo, hi = self._unit(a.lo), self._unit(a.hi)
        lo_b, hi_b = self._unit(b.lo), self._unit(b.hi)
        return min(1.0, max(0.0, lo_b - hi, lo - hi_b))

    def far(self, a: Span, b: Span) -> float:
        """The largest distance in [0, 1] between a value of ``a`` and a value of ``b``.

        Equal to :meth:`gap` for two single values; for a bracket, the far end of the range
        of distances its alternatives allow (DESIGN §4: a bracket never counts as agreement).
        """
        la, ha = sorted((self._unit(a.lo), self._unit(a.hi)))
        lb, hb = sorted((self._unit(b.lo), self._unit(b.hi)))
        return min(1.0, max(0.0, hb - la, ha - lb))

    def _unit(self, x: float) -> float:  # pragma: no cover - overridden
        raise NotImplementedError

    def distance(self, a: Value, b: Value) -> float:
        """Distance in [0, 1] between two single values."""
        return self.gap(self.span([a]), self.span([b]))

    def position(self, value: Value) -> float | None:
        """Where ``value`` sits between the low pole (0) and the high pole (1).

        ``None`` on scales without poles (sets).
        """
        return self._unit(self.span([value]).lo)

    def pole_position(self, span: Span) -> tuple[float, float] | None:
        """The interval a span covers between the low pole (0) and the high pole (1)."""
        ends = sorted((self._unit(span.lo), self._unit(span.hi)))
        return ends[0], ends[1]

    def value_at(self, p: float) -> Value:
        """The value at pole position ``p`` (0 low pole … 1 high pole); unordered scales have none."""
        raise TypeError(f"no pole positions on {self!r}")

    def shared(self, spans: Sequence[Span]) -> list[RawValue] | tuple[float, float] | None:
        """What every span contains (level ids, booleans; a numeric range; member sets); None if nothing."""
        lo, hi = max(s.lo for s in spans), min(s.hi for s in spans)
        return None if lo > hi else self._between(lo, hi)

    def _between(self, lo: float, hi: float) -> list[RawValue] | tuple[float, float]:  # pragma: no cover
        raise NotImplementedError

    def format(self, value: Value, lang: Lang = "en") -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def format_gap(self, a: Span, b: Span) -> str:
        """The gap between two spans in the scale's own terms ("2 steps", "200,000")."""
        return f"{self.gap(a, b):.2f}"


class OrdinalScale(_ScaleBase):
    """Ordered levels from the low pole (first) to the high pole (last)."""

    kind: Literal["ordinal"] = "ordinal"
    measurement: ClassVar[str] = "ordinal"
    """Level of measurement, as Krippendorff's alpha names it."""
    levels: tuple[Level, ...] = Field(min_length=2)

    @cached_property
    def level_ids(self) -> tuple[str, ...]:
        """The level ids, low pole first (computed once: every check and index asks)."""
        return tuple(level.id for level in self.levels)

    def index(self, value: Value) -> int:
        """The position of a level, 0 for the low pole."""
        self.check(value)
        return self.level_ids.index(value)  # type: ignore[arg-type,unused-ignore]

    def problem(self, value: Value) -> str | None:
        if isinstance(value, str) and value in self.level_ids:
            return None
        return f"expected one of {', '.join(self.level_ids)}, got {value!r}"

    @property
    def default_close(self) -> float:
        return 1.0 / (len(self.levels) - 1)

    def span(self, values: Iterable[Value]) -> Span:
        idx = [self.index(v) for v in values]
        return Span(lo=min(idx), hi=max(idx))

    def _unit(self, x: float) -> float:
        return x / (len(self.levels) - 1)

    def value_at(self, p: float) -> Value:
        """The nearest level to pole position ``p``."""
        return self.levels[round(min(max(p, 0.0), 1.0) * (len(self.levels) - 1))].id

    def _between(self, lo: float, hi: float) -> list[RawValue]:
        return [self.levels[i].id for i in range(int(lo), int(hi) + 1)]

    def steps(self, a: Span, b: Span) -> int:
        """Whole steps between two spans (0 where they overlap)."""
        return int(raw_gap(a, b))

    def format(self, value: Value, lang: Lang = "en") -> str:
        return self.levels[self.index(value)].label(lang)

    def format_gap(self, a: Span, b: Span) -> str:
        n = self.steps(a, b)
        return f"{n} step" + ("" if n == 1 else "s")


class NumericScale(_ScaleBase):
    """A quantity with a unit and bounds; distances optionally on a log scale."""

    kind: Literal["numeric"] = "numeric"
    measurement: ClassVar[str] = "interval"
    """Level of measurement, as Krippendorff's alpha names it."""
    unit: str
    lower: float
    upper: float
    log: bool = False
    tolerance: float = Field(default=0.0, ge=0)
    high_pole: Literal["lower", "higher"] = "higher"
    unlimited: Level | None = None

    def model_post_init(self, _context: object) -> None:
        if not self.upper > self.lower:
            raise ValueError(f"upper ({self.upper}) must be above lower ({self.lower})")
        if self.log and self.lower <= 0:
            raise ValueError("a log scale needs lower > 0")

    def problem(self, value: Value) -> str | None:
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return None
        if self.unlimited is not None and value == self.unlimited.id:
            return None
        word = f" or '{self.unlimited.id}'" if self.unlimited else ""
        return f"expected a number ({self.unit}){word}, got {value!r}"

    def number(self, value: Value) -> float:
        """The value as a number; the ``unlimited`` word is the upper bound."""
        self.check(value)
        if isinstance(value, str):
            return self.upper
        return float(value)  # type: ignore[arg-type]

    def span(self, values: Iterable[Value]) -> Span:
        nums = [min(max(self.number(v), self.lower), self.upper) for v in values]
        return Span(lo=min(nums), hi=max(nums))

    def _transform(self, x: float) -> float:
        return math.log(x) if self.log else x

    def _unit(self, x: float) -> float:
        lo, hi = self._transform(self.lower), self._transform(self.upper)
        t = (self._transform(x) - lo) / (hi - lo)
        return 1.0 - t if self.high_pole == "lower" else t

    def gap(self, a: Span, b: Span) -> float:
        # Orientation does not change a gap; measure it in transformed units.
        t = self._transform
        width = t(self.upper) - t(self.lower)
        raw = max(0.0, t(b.lo) - t(a.hi), t(a.lo) - t(b.hi))
        return min(1.0, raw / width)

    def far(self, a: Span, b: Span) -> float:
        t = self._transform
        width = t(self.upper) - t(self.lower)
        raw = max(0.0, t(b.hi) - t(a.lo), t(a.hi) - t(b.lo))
        return min(1.0, raw / width)

    def raw_gap(self, a: Span, b: Span) -> float:
        """The gap between two spans in the scale's unit."""
        return raw_gap(a, b)  # spans.raw_gap, the one definition of the gap

    def value_at(self, p: float) -> Value:
        """The number at pole position ``p`` (3 significant digits; the "no limit" level at the top)."""
        t = min(max(p, 0.0), 1.0)
        t = 1.0 - t if self.high_pole == "lower" else t
        if self.log:
            x = math.exp(math.log(self.lower) + t * (math.log(self.upper) - math.log(self.lower)))
        else:
            x = self.lower + t * (self.upper - self.lower)
        if self.unlimited is not None and x >= self.upper * (1 - 1e-9):
            return self.unlimited.id
        return float(f"{x:.3g}")

    def _between(self, lo: float, hi: float) -> tuple[float, float]:
        return (lo, hi)

    def within_tolerance(self, a: Span, b: Span) -> bool:
        """Whether two spans count as equal: their gap is within the tolerance."""
        return self.raw_gap(a, b) <= self.tolerance

    def format(self, value: Value, lang: Lang = "en") -> str:
        if isinstance(value, str) and self.unlimited is not None:
            return self.unlimited.label(lang)
        return format_number(self.number(value))

    def format_gap(self, a: Span, b: Span) -> str:
        return format_number(self.raw_gap(a, b))


class SetScale(_ScaleBase):
    """Members drawn from a vocabulary (``parties`` means the corpus's party codes)."""

    kind: Literal["set"] = "set"
    measurement: ClassVar[str] = "nominal"
    """Level of measurement, as Krippendorff's alpha names it."""
    vocabulary: tuple[str, ...] | Literal["parties"]

    @property
    def ordered(self) -> bool:
        return False

    def problem(self, value: Value) -> str | None:
        if not isinstance(value, frozenset):
            return f"expected a list of members, got {value!r}"
        if isinstance(self.vocabulary, str):
            return "the vocabulary 'parties' is resolved by a Taxonomy; build the scale inside one"
        unknown = sorted(m for m in value if m not in self.vocabulary)
        if unknown:
            return f"unknown member(s) {', '.join(unknown)}; expected members of {', '.join(self.vocabulary)}"
        return None

    def span(self, values: Iterable[Value]) -> Span:
        members: list[frozenset[str]] = []
        for v in values:
            self.check(v)
            members.append(v)  # type: ignore[arg-type]
        return Span(members=tuple(members))

    def shared(self, spans: Sequence[Span]) -> list[RawValue] | tuple[float, float] | None:
        """The members every span names, or None."""
        common = set(spans[0].members)
        for s in spans[1:]:
            common &= set(s.members)
        return sorted(common, key=sorted) or None  # type: ignore[arg-type]

    @staticmethod
    def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
        """1 - |a & b| / |a | b|; two empty sets are 0 apart."""
        return jaccard(a, b)

    def gap(self, a: Span, b: Span) -> float:
        return min(self.jaccard(x, y) for x in a.members for y in b.members)

    def far(self, a: Span, b: Span) -> float:
        return max(self.jaccard(x, y) for x in a.members for y in b.members)

    def position(self, value: Value) -> float | None:
        return None

    def pole_position(self, span: Span) -> tuple[float, float] | None:
        return None

    def format(self, value: Value, lang: Lang = "en") -> str:
        self.check(value)
        return "{" + ("، " if lang == "ar" else ", ").join(sorted(value)) + "}"  # type: ignore[arg-type]

    def format_gap(self, a: Span, b: Span) -> str:
        x, y = closest_members(a, b)
        return f"{len(x & y)} shared, {len(x - y)} only in A, {len(y - x)} only in B"


class FlagScale(_ScaleBase):
    """Yes or no; ``high_pole`` is the boolean at the high pole."""

    kind: Literal["flag"] = "flag"
    measurement: ClassVar[str] = "nominal"
    """Level of measurement, as Krippendorff's alpha names it."""
    high_pole: bool = True

    @property
    def default_close(self) -> float:
        return 0.0

    def problem(self, value: Value) -> str | None:
        return None if isinstance(value, bool) else f"expected true or false, got {value!r}"

    def span(self, values: Iterable[Value]) -> Span:
        bits = []
        for v in values:
            self.check(v)
            bits.append(1.0 if v == self.high_pole else 0.0)
        return Span(lo=min(bits), hi=max(bits))

    def _unit(self, x: float) -> float:
        return x

    def format(self, value: Value, lang: Lang = "en") -> str:
        self.check(value)
        if lang == "ar":
            return "نعم" if value else "لا"
        return "yes" if value else "no"

    def value_at(self, p: float) -> Value:
        """The pole nearer ``p``."""
        return self.high_pole if min(max(p, 0.0), 1.0) >= 0.5 else (not self.high_pole)

    def _between(self, lo: float, hi: float) -> list[RawValue]:
        return [v for v in (False, True) if lo <= (1.0 if v == self.high_pole else 0.0) <= hi]

    def format_gap(self, a: Span, b: Span) -> str:
        return "opposite"


Scale = Annotated[
    OrdinalScale | NumericScale | SetScale | FlagScale,
    Field(discriminator="kind"),
]
"""Any of the four scale kinds, told apart by ``kind``."""
