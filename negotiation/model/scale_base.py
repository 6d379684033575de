"""What every scale kind answers, and the typed words-free descriptions scales give render.

:class:`ScaleBase` holds the behaviour callers ask a scale for (place, measure, compare,
list, move) with its defaults; :class:`GapKind` says how ``render/`` words a gap and
:class:`Step` describes one move of a package search. The four kinds live in
:mod:`negotiation.model.scales`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from negotiation.delegates import delegate
from negotiation.model.labels import Labelled, Lang
from negotiation.model.spans import Span
from negotiation.model.values import RawValue, Value


class GapKind(str, Enum):
    """How the gap between two stances on a scale is put in words (``render/`` words each kind).

    ``STEPS``: whole steps ("2 steps"); ``AMOUNT``: a quantity in the scale's unit
    ("515,000 personnel"); ``MEMBERS``: members shared and apart; ``OPPOSITE``: the two ends.
    """

    STEPS = "ordinal"
    AMOUNT = "numeric"
    MEMBERS = "set"
    OPPOSITE = "opposite"


class StepKind(str, Enum):
    """What one move of a package search does (see :meth:`ScaleBase.moves_toward`)."""

    LEVEL = "level"
    """To a level ``k`` steps toward the other side (concedes ``k`` steps)."""
    GIVE_IN = "give_in"
    """All the way to the other side's value (concedes one step)."""
    PART = "part"
    """``k`` of ``n`` equal parts of the gap (sets the value)."""
    ADD = "add"
    """Adopts ``member``, which the other side names (sets the value)."""
    DROP = "drop"
    """Drops ``member``, which the other side does not name (sets the value)."""


@dataclass(frozen=True)
class ValueWord:
    """A value that is one of the project's own words (a flag's ``yes``/``no``), worded by ``render/``."""

    key: str


ValueDescription = Labelled | float | frozenset[str] | ValueWord
"""What a scale says of a value for ``render/`` to write: a level or word with its labels (data
of the taxonomy), a number, a set of members, or a :class:`ValueWord`."""


@dataclass(frozen=True)
class Step:
    """One move toward the other side, as data: the value it reaches and what it does.

    ``render/`` words it (a level's label and "k steps", "k/n of the gap", "+RU").
    """

    kind: StepKind
    value: Value
    k: int = 1
    n: int = 1
    member: str | None = None

    @property
    def concedes(self) -> bool:
        """Whether the move is ``concede(issue, toward, k)`` rather than setting ``value``."""
        return self.kind in (StepKind.LEVEL, StepKind.GIVE_IN)


class ScaleBase(BaseModel):
    """What every scale kind derives from and answers; see :mod:`negotiation.model.scales` for the four kinds.

    A new kind subclasses it (docs/ARCHITECTURE.md): it must say what fits (``problem``), how
    values span (``span``) and where they sit (``_unit``, or ``gap``/``far``/``pole_position``
    for scales without poles), and formats its values; every other method has a default that
    a kind overrides where it differs.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    gap_kind: ClassVar[GapKind] = GapKind.OPPOSITE
    """How a gap on this scale is worded by ``render/``."""
    continuous: ClassVar[bool] = False
    """Whether values form a continuum, so that a bracket reads as a range ("85,000–250,000")."""

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

    def describe_value(self, value: Value) -> ValueDescription:  # pragma: no cover - overridden
        """What ``render/`` writes for ``value``: a level (its labels), a number, members, or a word of ours."""
        raise NotImplementedError

    def format(self, value: Value, lang: Lang = "en") -> str:
        """``value`` for people in ``lang``, written by ``render/values.words_of`` from :meth:`describe_value`."""
        return delegate("negotiation.render.values:words_of")(self.describe_value(value), lang)  # type: ignore[no-any-return]

    # --- what callers ask instead of checking the class

    def rank(self, value: Value) -> int | None:
        """The value's rank from the low pole (0), on scales of ranked levels; else None."""
        return None

    def amount(self, value: Value) -> float | None:
        """The value as a quantity in :attr:`quantity_unit`, on scales of quantities; else None."""
        return None

    @property
    def quantity_unit(self) -> str | None:
        """The unit of a scale of quantities (a key of ``render``'s unit words); else None."""
        return None

    @property
    def bounds(self) -> tuple[float, float, bool] | None:
        """``(lower, upper, log)`` of a scale of quantities; else None."""
        return None

    @property
    def level_order(self) -> tuple[str, ...] | None:
        """The level ids low pole first, on scales of named levels; else None."""
        return None

    @property
    def members(self) -> tuple[str, ...] | None:
        """The vocabulary of a set scale, once resolved; else None."""
        return None

    def steps(self, a: Span, b: Span) -> int | None:
        """Whole steps between two spans on scales of steps; else None."""
        return None

    def within_tolerance(self, a: Span, b: Span) -> bool:
        """Whether two spans count as equal though apart (a numeric tolerance); False elsewhere."""
        return False

    def listed(self, parties: Sequence[str]) -> list[tuple[str | None, Value | None]]:
        """``(value as written, value)`` for each value a codebook lists.

        A set scale lists its members (``parties`` resolves the ``parties`` vocabulary) with
        no value; a scale of quantities one row with neither.
        """
        return [(None, None)]

    def step_toward(self, current: Value, target: Value, steps: int) -> Value:
        """The value ``steps`` steps from ``current`` toward ``target`` (all the way by default)."""
        return target

    def moves_toward(self, mine: Value, theirs: Value, numeric_steps: int = 4) -> list[Step]:
        """The moves one side can make from ``mine`` toward ``theirs``, smallest first."""
        return [] if mine == theirs else [Step(StepKind.GIVE_IN, theirs)]

    def passes(self, a: Span, b: Span, new_a: Span, new_b: Span) -> bool:
        """Whether moving ``a`` to ``new_a`` and ``b`` to ``new_b`` makes the sides pass each other."""
        ends = [self.pole_position(s) for s in (a, b, new_a, new_b)]
        if any(e is None for e in ends):
            return False
        pa, pb, na, nb = (e[0] for e in ends if e is not None)
        return bool((pa - pb) * (na - nb) < 0)
