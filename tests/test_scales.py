"""The four scale kinds: what fits them, where values sit, and how far apart they are."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from negotiation.errors import NegotiationError, ScaleError
from negotiation.model.scales import FlagScale, GapKind, Level, NumericScale, OrdinalScale, SetScale, Span, StepKind
from negotiation.render.diff_text import gap_text


def _levels(*ids: str) -> tuple[Level, ...]:
    return tuple(Level(id=i, en=i.upper(), ar=f"ع{i}") for i in ids)


@pytest.fixture
def five() -> OrdinalScale:
    """Five levels, low pole first."""
    return OrdinalScale(levels=_levels("a", "b", "c", "d", "e"))


@pytest.fixture
def linear() -> NumericScale:
    """0..100 on a linear scale, tolerance 5, higher numbers at the high pole."""
    return NumericScale(unit="days", lower=0, upper=100, tolerance=5)


@pytest.fixture
def logscale() -> NumericScale:
    """1..10,000 on a log scale (four decades), with an 'unlimited' word."""
    return NumericScale(
        unit="troops",
        lower=1,
        upper=10_000,
        log=True,
        unlimited=Level(id="no_cap", en="no cap", ar="بلا سقف"),
    )


@pytest.fixture
def members() -> SetScale:
    return SetScale(vocabulary=("US", "UK", "FR", "DE"))


# --- ordinal


def test_ordinal_distance_is_steps_over_levels_minus_one(five: OrdinalScale) -> None:
    assert five.distance("a", "b") == pytest.approx(1 / 4)
    assert five.distance("a", "c") == pytest.approx(2 / 4)
    assert five.distance("b", "e") == pytest.approx(3 / 4)


def test_ordinal_distance_between_the_poles_is_one(five: OrdinalScale) -> None:
    assert five.distance("a", "e") == pytest.approx(1.0)


def test_ordinal_distance_of_a_level_to_itself_is_zero(five: OrdinalScale) -> None:
    assert five.distance("c", "c") == 0.0


def test_ordinal_distance_is_symmetric(five: OrdinalScale) -> None:
    assert five.distance("b", "d") == five.distance("d", "b")


def test_ordinal_distance_depends_on_the_number_of_levels() -> None:
    three = OrdinalScale(levels=_levels("x", "y", "z"))
    assert three.distance("x", "y") == pytest.approx(0.5)


def test_ordinal_position_runs_from_low_pole_to_high_pole(five: OrdinalScale) -> None:
    assert [five.position(v) for v in "abcde"] == pytest.approx([0, 0.25, 0.5, 0.75, 1])


def test_ordinal_default_close_threshold_is_one_step(five: OrdinalScale) -> None:
    assert five.default_close == pytest.approx(0.25)


def test_ordinal_steps_counts_whole_steps_between_spans(five: OrdinalScale) -> None:
    assert five.steps(five.span(["a"]), five.span(["d"])) == 3


def test_an_ordinal_gap_is_worded_in_steps(five: OrdinalScale) -> None:
    assert five.gap_kind is GapKind.STEPS
    assert gap_text(five.gap_kind, five.span(["a"]), five.span(["b"]), "en") == "1 step"
    assert gap_text(five.gap_kind, five.span(["a"]), five.span(["c"]), "en") == "2 steps"


def test_ordinal_format_uses_the_level_label_in_each_language(five: OrdinalScale) -> None:
    assert five.format("b") == "B"
    assert five.format("b", "ar") == "عb"


def test_ordinal_scale_needs_at_least_two_levels() -> None:
    with pytest.raises(ValidationError):
        OrdinalScale(levels=_levels("only"))


def test_ordinal_problem_lists_the_levels_for_an_unknown_level(five: OrdinalScale) -> None:
    assert five.problem("z") == "expected one of a, b, c, d, e, got 'z'"


def test_ordinal_problem_is_none_for_a_known_level(five: OrdinalScale) -> None:
    assert five.problem("c") is None


def test_ordinal_problem_rejects_a_number(five: OrdinalScale) -> None:
    assert "got 3.0" in (five.problem(3.0) or "")


def test_ordinal_distance_to_an_unknown_level_raises_scale_error(five: OrdinalScale) -> None:
    with pytest.raises(ScaleError, match="expected one of a, b, c, d, e, got 'z'"):
        five.distance("a", "z")


# --- numeric


def test_numeric_distance_is_the_difference_over_the_range(linear: NumericScale) -> None:
    assert linear.distance(10.0, 40.0) == pytest.approx(0.3)


def test_numeric_distance_is_symmetric(linear: NumericScale) -> None:
    assert linear.distance(70.0, 20.0) == pytest.approx(linear.distance(20.0, 70.0))


def test_numeric_distance_on_a_log_scale_is_measured_in_decades(logscale: NumericScale) -> None:
    # 1 .. 10,000 is four decades: 10 -> 100 is one of them.
    assert logscale.distance(10.0, 100.0) == pytest.approx(0.25)
    assert logscale.distance(100.0, 1000.0) == pytest.approx(0.25)


def test_numeric_log_distance_differs_from_linear_distance() -> None:
    lin = NumericScale(unit="x", lower=1, upper=10_000)
    log = NumericScale(unit="x", lower=1, upper=10_000, log=True)
    assert lin.distance(10.0, 100.0) == pytest.approx(90 / 9999)
    assert log.distance(10.0, 100.0) == pytest.approx(0.25)


def test_numeric_distance_is_clipped_to_bounds(linear: NumericScale) -> None:
    assert linear.distance(-50.0, 50.0) == pytest.approx(0.5)
    assert linear.distance(50.0, 500.0) == pytest.approx(0.5)


def test_numeric_values_beyond_the_same_bound_are_zero_apart(linear: NumericScale) -> None:
    assert linear.distance(150.0, 900.0) == 0.0
    assert linear.distance(-5.0, -500.0) == 0.0


def test_numeric_distance_never_exceeds_one(linear: NumericScale) -> None:
    assert linear.distance(-1e9, 1e9) == pytest.approx(1.0)


def test_numeric_log_scale_clips_zero_to_the_lower_bound(logscale: NumericScale) -> None:
    assert logscale.distance(0.0, 10.0) == pytest.approx(0.25)


def test_numeric_unlimited_word_sits_at_the_upper_bound(logscale: NumericScale) -> None:
    assert logscale.number("no_cap") == 10_000
    assert logscale.distance("no_cap", 10_000.0) == 0.0
    assert logscale.distance("no_cap", 1000.0) == pytest.approx(0.25)


def test_numeric_unlimited_word_sits_at_the_high_pole_when_higher_is_high(
    logscale: NumericScale,
) -> None:
    assert logscale.position("no_cap") == pytest.approx(1.0)


def test_numeric_unlimited_word_is_formatted_with_its_label(logscale: NumericScale) -> None:
    assert logscale.format("no_cap") == "no cap"
    assert logscale.format("no_cap", "ar") == "بلا سقف"


def test_numeric_format_groups_thousands(logscale: NumericScale) -> None:
    assert logscale.format(8500.0) == "8,500"


def test_numeric_position_with_high_pole_higher_grows_with_the_number(linear: NumericScale) -> None:
    assert linear.position(0.0) == 0.0
    assert linear.position(25.0) == pytest.approx(0.25)
    assert linear.position(100.0) == pytest.approx(1.0)


def test_numeric_position_with_high_pole_lower_is_reversed() -> None:
    cap = NumericScale(unit="troops", lower=0, upper=100, high_pole="lower")
    assert cap.position(0.0) == pytest.approx(1.0)
    assert cap.position(25.0) == pytest.approx(0.75)
    assert cap.position(100.0) == pytest.approx(0.0)


def test_numeric_high_pole_does_not_change_the_distance(linear: NumericScale) -> None:
    reversed_ = NumericScale(unit="days", lower=0, upper=100, tolerance=5, high_pole="lower")
    assert reversed_.distance(10.0, 40.0) == pytest.approx(linear.distance(10.0, 40.0))


def test_numeric_position_is_clipped_to_bounds(linear: NumericScale) -> None:
    assert linear.position(1000.0) == pytest.approx(1.0)
    assert linear.position(-1000.0) == pytest.approx(0.0)


def test_numeric_within_tolerance_counts_small_gaps_as_equal(linear: NumericScale) -> None:
    assert linear.within_tolerance(linear.span([50.0]), linear.span([55.0]))


def test_numeric_within_tolerance_rejects_gaps_beyond_the_tolerance(linear: NumericScale) -> None:
    assert not linear.within_tolerance(linear.span([50.0]), linear.span([55.5]))


def test_numeric_zero_tolerance_accepts_only_equal_numbers() -> None:
    exact = NumericScale(unit="x", lower=0, upper=10)
    assert exact.within_tolerance(exact.span([3.0]), exact.span([3.0]))
    assert not exact.within_tolerance(exact.span([3.0]), exact.span([3.01]))


def test_numeric_raw_gap_is_in_the_scale_unit(linear: NumericScale) -> None:
    assert linear.raw_gap(linear.span([20.0]), linear.span([65.0])) == pytest.approx(45.0)
    assert gap_text(linear.gap_kind, linear.span([20.0]), linear.span([65.0]), "en", "days") == "45 days"


def test_numeric_default_close_threshold_is_fifteen_percent(linear: NumericScale) -> None:
    assert linear.default_close == pytest.approx(0.15)


def test_numeric_scale_needs_upper_above_lower() -> None:
    with pytest.raises(ValidationError, match="must be above lower"):
        NumericScale(unit="x", lower=10, upper=10)


def test_numeric_log_scale_needs_a_positive_lower_bound() -> None:
    with pytest.raises(ValidationError, match="lower > 0"):
        NumericScale(unit="x", lower=0, upper=10, log=True)


def test_numeric_problem_names_the_unit_and_the_unlimited_word(logscale: NumericScale) -> None:
    assert logscale.problem("lots") == "expected a number (troops) or 'no_cap', got 'lots'"


def test_numeric_problem_without_unlimited_word_names_only_the_unit(linear: NumericScale) -> None:
    assert linear.problem("lots") == "expected a number (days), got 'lots'"


def test_numeric_problem_rejects_a_boolean(linear: NumericScale) -> None:
    assert linear.problem(True) is not None


def test_numeric_problem_rejects_infinity_and_nan(linear: NumericScale) -> None:
    assert linear.problem(math.inf) is not None
    assert linear.problem(math.nan) is not None


def test_numeric_check_raises_scale_error_for_a_word(linear: NumericScale) -> None:
    with pytest.raises(ScaleError, match=r"expected a number \(days\), got 'lots'"):
        linear.check("lots")


def test_numeric_scale_accepts_python_ints(linear: NumericScale) -> None:
    assert linear.problem(40) is None
    assert linear.distance(10, 40) == pytest.approx(0.3)


# --- set


def test_set_distance_is_jaccard_distance(members: SetScale) -> None:
    # one shared member ({US}) of three in the union: 1 - 1/3
    a, b = frozenset({"US", "UK"}), frozenset({"US", "FR"})
    assert members.distance(a, b) == pytest.approx(2 / 3)


def test_set_distance_of_equal_sets_is_zero(members: SetScale) -> None:
    s = frozenset({"US", "UK"})
    assert members.distance(s, s) == 0.0


def test_set_distance_of_disjoint_sets_is_one(members: SetScale) -> None:
    assert members.distance(frozenset({"US"}), frozenset({"FR", "DE"})) == 1.0


def test_set_distance_of_two_empty_sets_is_zero(members: SetScale) -> None:
    assert members.distance(frozenset(), frozenset()) == 0.0


def test_set_distance_of_empty_and_non_empty_set_is_one(members: SetScale) -> None:
    assert members.distance(frozenset(), frozenset({"US"})) == 1.0


def test_set_scale_has_no_poles(members: SetScale) -> None:
    assert members.position(frozenset({"US"})) is None
    assert members.pole_position(members.span([frozenset({"US"})])) is None
    assert members.ordered is False


def test_set_problem_names_unknown_members(members: SetScale) -> None:
    assert members.problem(frozenset({"US", "XX"})) == (
        "unknown member(s) XX; expected members of US, UK, FR, DE"
    )


def test_set_problem_rejects_a_single_word(members: SetScale) -> None:
    assert members.problem("US") == "expected a list of members, got 'US'"


def test_set_format_lists_members_sorted(members: SetScale) -> None:
    assert members.format(frozenset({"UK", "FR", "US"})) == "{FR, UK, US}"


def test_a_set_gap_is_worded_as_shared_and_own_members(members: SetScale) -> None:
    gap = gap_text(
        members.gap_kind, members.span([frozenset({"US", "UK"})]), members.span([frozenset({"US", "FR", "DE"})]), "en"
    )
    assert gap == "1 shared, 1 only in A, 2 only in B"


def test_set_check_raises_scale_error_for_unknown_member(members: SetScale) -> None:
    with pytest.raises(ScaleError, match="unknown member"):
        members.check(frozenset({"ZZ"}))


# --- flag


def test_flag_distance_is_zero_for_equal_values() -> None:
    flag = FlagScale()
    assert flag.distance(True, True) == 0.0
    assert flag.distance(False, False) == 0.0


def test_flag_distance_is_one_for_different_values() -> None:
    flag = FlagScale()
    assert flag.distance(True, False) == 1.0
    assert flag.distance(False, True) == 1.0


def test_flag_position_puts_true_at_the_high_pole_by_default() -> None:
    flag = FlagScale()
    assert flag.position(True) == 1.0
    assert flag.position(False) == 0.0


def test_flag_position_puts_false_at_the_high_pole_when_asked() -> None:
    flag = FlagScale(high_pole=False)
    assert flag.position(False) == 1.0
    assert flag.position(True) == 0.0


def test_flag_high_pole_does_not_change_the_distance() -> None:
    assert FlagScale(high_pole=False).distance(True, False) == 1.0


def test_flag_default_close_threshold_is_zero() -> None:
    assert FlagScale().default_close == 0.0


def test_flag_format_in_each_language() -> None:
    flag = FlagScale()
    assert (flag.format(True), flag.format(False)) == ("yes", "no")
    assert (flag.format(True, "ar"), flag.format(False, "ar")) == ("نعم", "لا")


def test_flag_problem_rejects_a_word() -> None:
    assert FlagScale().problem("yes") == "expected true or false, got 'yes'"


def test_flag_problem_rejects_a_number() -> None:
    assert FlagScale().problem(1.0) is not None


# --- spans


def test_interval_gap_is_zero_when_spans_overlap(five: OrdinalScale) -> None:
    assert five.gap(five.span(["a", "c"]), five.span(["b", "e"])) == 0.0


def test_interval_gap_is_zero_when_one_span_contains_a_value(five: OrdinalScale) -> None:
    assert five.gap(five.span(["a", "e"]), five.span(["c"])) == 0.0


def test_interval_gap_is_zero_when_spans_touch(five: OrdinalScale) -> None:
    assert five.gap(five.span(["a", "b"]), five.span(["b", "c"])) == 0.0


def test_interval_gap_is_the_distance_between_the_nearest_ends(five: OrdinalScale) -> None:
    assert five.gap(five.span(["a", "b"]), five.span(["d", "e"])) == pytest.approx(0.5)
    assert five.gap(five.span(["d", "e"]), five.span(["a", "b"])) == pytest.approx(0.5)


def test_span_covers_the_lowest_to_the_highest_value(five: OrdinalScale) -> None:
    assert five.span(["d", "b", "c"]) == Span(lo=1, hi=3)


def test_numeric_interval_gap_is_zero_when_overlapping(linear: NumericScale) -> None:
    assert linear.gap(linear.span([10.0, 60.0]), linear.span([40.0, 90.0])) == 0.0


def test_numeric_interval_gap_between_disjoint_ranges(linear: NumericScale) -> None:
    assert linear.gap(linear.span([10.0, 20.0]), linear.span([50.0, 90.0])) == pytest.approx(0.3)


def test_flag_span_of_both_values_covers_everything() -> None:
    flag = FlagScale()
    assert flag.gap(flag.span([True, False]), flag.span([False])) == 0.0


def test_set_span_distance_is_the_minimum_over_alternatives(members: SetScale) -> None:
    alternatives = members.span([frozenset({"US"}), frozenset({"UK", "FR"})])
    other = members.span([frozenset({"UK", "FR", "DE"})])
    # {US} vs other: 1.0; {UK, FR} vs other: 1 - 2/3
    assert members.gap(alternatives, other) == pytest.approx(1 / 3)


def test_set_span_distance_is_zero_when_one_alternative_matches(members: SetScale) -> None:
    alternatives = members.span([frozenset({"US"}), frozenset({"UK"})])
    assert members.gap(alternatives, members.span([frozenset({"UK"})])) == 0.0


def test_scale_error_is_a_value_error_and_a_negotiation_error(five: OrdinalScale) -> None:
    with pytest.raises(ScaleError) as info:
        five.check("nope")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, NegotiationError)


def test_the_plain_span_helpers_measure_as_the_scales_do(five: OrdinalScale, members: SetScale) -> None:
    from negotiation.model.spans import closest_members, raw_gap

    apart, near = five.span(["a", "b"]), five.span(["e"])
    assert raw_gap(apart, near) == raw_gap(near, apart) == five.steps(apart, near) == 3
    assert raw_gap(apart, five.span(["b", "d"])) == 0.0
    alternatives = members.span([frozenset({"US"}), frozenset({"UK", "FR"})])
    other = members.span([frozenset({"UK", "FR", "DE"})])
    assert closest_members(alternatives, other) == (frozenset({"UK", "FR"}), frozenset({"UK", "FR", "DE"}))


def test_the_gap_kinds_render_words_are_the_gap_kinds_of_the_scales() -> None:
    from negotiation.render import diff_text

    assert [k.value for k in GapKind] == [diff_text.ORDINAL_GAP, diff_text.NUMERIC_GAP, diff_text.SET_GAP,
                                          diff_text.OPPOSITE_GAP]


# --- what callers ask a scale instead of checking its class


def test_only_an_ordinal_scale_ranks_its_values(five: OrdinalScale, linear: NumericScale) -> None:
    assert five.rank("c") == 2
    assert five.level_order == ("a", "b", "c", "d", "e")
    assert linear.rank(20.0) is None and linear.level_order is None


def test_only_a_numeric_scale_has_an_amount_a_unit_and_bounds(logscale: NumericScale, five: OrdinalScale) -> None:
    assert logscale.amount("no_cap") == 10_000
    assert logscale.quantity_unit == "troops"
    assert logscale.bounds == (1, 10_000, True)
    assert five.amount("a") is None and five.quantity_unit is None and five.bounds is None


def test_only_a_numeric_scale_reads_a_bracket_as_a_range(linear: NumericScale, five: OrdinalScale,
                                                         members: SetScale) -> None:
    assert linear.continuous
    assert not (five.continuous or members.continuous or FlagScale().continuous)


def test_each_kind_words_its_gaps_its_own_way(five: OrdinalScale, linear: NumericScale, members: SetScale) -> None:
    kinds = [s.gap_kind for s in (five, linear, members, FlagScale())]
    assert kinds == [GapKind.STEPS, GapKind.AMOUNT, GapKind.MEMBERS, GapKind.OPPOSITE]


def test_only_a_numeric_tolerance_makes_spans_apart_count_as_equal(linear: NumericScale, five: OrdinalScale) -> None:
    assert linear.within_tolerance(linear.span([20.0]), linear.span([24.0]))
    assert not linear.within_tolerance(linear.span([20.0]), linear.span([26.0]))
    assert not five.within_tolerance(five.span(["a"]), five.span(["b"]))


def test_steps_are_counted_on_ordinal_scales_only(five: OrdinalScale, linear: NumericScale) -> None:
    assert five.steps(five.span(["a"]), five.span(["d"])) == 3
    assert linear.steps(linear.span([1.0]), linear.span([4.0])) is None


def test_a_codebook_lists_levels_flags_members_and_the_no_limit_word(
        five: OrdinalScale, logscale: NumericScale, linear: NumericScale) -> None:
    assert five.listed(())[:2] == [("a", "a"), ("b", "b")]
    assert FlagScale().listed(()) == [("false", False), ("true", True)]
    assert SetScale(vocabulary=("US", "UK")).listed(("RU",)) == [("US", None), ("UK", None)]
    assert linear.listed(()) == [(None, None)]
    assert logscale.listed(()) == [(None, None), ("no_cap", "no_cap")]


def test_a_party_vocabulary_not_yet_resolved_lists_the_given_parties() -> None:
    scale = SetScale(vocabulary="parties")
    assert scale.members is None
    assert scale.listed(("RU", "UA")) == [("RU", None), ("UA", None)]


def test_a_step_toward_stops_at_the_target_on_ordinal_scales(five: OrdinalScale, linear: NumericScale) -> None:
    assert five.step_toward("a", "e", 2) == "c"
    assert five.step_toward("e", "a", 9) == "a"
    assert linear.step_toward(10.0, 90.0, 1) == 90.0  # numbers move all the way


def test_ordinal_moves_go_one_level_at_a_time_toward_the_other_side(five: OrdinalScale) -> None:
    steps = five.moves_toward("d", "a")
    assert [(s.kind, s.value, s.k) for s in steps] == [(StepKind.LEVEL, "c", 1), (StepKind.LEVEL, "b", 2),
                                                       (StepKind.LEVEL, "a", 3)]
    assert all(s.concedes for s in steps)


def test_numeric_moves_cut_the_gap_into_equal_parts_ending_at_the_other_value(linear: NumericScale) -> None:
    steps = linear.moves_toward(20.0, 60.0, 4)
    assert [(s.kind, s.value, s.k, s.n) for s in steps] == [
        (StepKind.PART, 30.0, 1, 4), (StepKind.PART, 40.0, 2, 4), (StepKind.PART, 50.0, 3, 4),
        (StepKind.PART, 60.0, 4, 4)]
    assert not any(s.concedes for s in steps)
    assert linear.moves_toward(20.0, 23.0) == []  # within the tolerance: nothing to move


def test_set_moves_adopt_the_other_sides_members_then_drop_the_rest(members: SetScale) -> None:
    steps = members.moves_toward(frozenset({"US", "UK"}), frozenset({"US", "FR"}))
    assert [(s.kind, s.member, s.value) for s in steps] == [
        (StepKind.ADD, "FR", frozenset({"US", "UK", "FR"})), (StepKind.DROP, "UK", frozenset({"US", "FR"}))]


def test_a_flag_gives_in_in_one_move_and_not_at_all_when_the_same() -> None:
    flag = FlagScale()
    assert [(s.kind, s.value) for s in flag.moves_toward(False, True)] == [(StepKind.GIVE_IN, True)]
    assert flag.moves_toward(True, True) == []


def test_moves_pass_each_other_when_the_sides_swap_order(five: OrdinalScale, members: SetScale) -> None:
    a, b = five.span(["b"]), five.span(["d"])
    assert five.passes(a, b, five.span(["d"]), five.span(["b"]))
    assert not five.passes(a, b, five.span(["c"]), five.span(["c"]))
    assert FlagScale().passes(Span(lo=0, hi=0), Span(lo=1, hi=1), Span(lo=1, hi=1), Span(lo=0, hi=0))
    us, uk = members.span([frozenset({"US"})]), members.span([frozenset({"UK"})])
    assert not members.passes(us, uk, uk, us)  # members have no order to pass in


def test_each_scale_describes_its_values_as_data_for_render_to_word(
        five: OrdinalScale, logscale: NumericScale, members: SetScale) -> None:
    from negotiation.model.scales import ValueWord

    assert five.describe_value("b") == five.levels[1]
    assert logscale.describe_value(250.0) == 250.0
    assert logscale.describe_value("no_cap") == logscale.unlimited
    assert members.describe_value(frozenset({"US"})) == frozenset({"US"})
    assert FlagScale().describe_value(False) == ValueWord("no")


def test_a_flag_is_worded_yes_or_no_by_render_in_each_language() -> None:
    flag = FlagScale()
    assert (flag.format(True), flag.format(False)) == ("yes", "no")
    assert (flag.format(True, "ar"), flag.format(False, "ar")) == ("نعم", "لا")
    assert flag.format(True, "fr") == "yes"  # no words of ours in French: English


def test_numbers_keep_their_digits_and_members_their_codes_in_every_language(
        logscale: NumericScale, members: SetScale) -> None:
    assert logscale.format(8_500.0, "ar") == "8,500" == logscale.format(8_500.0)
    assert logscale.format("no_cap", "ar") == "بلا سقف"
    assert members.format(frozenset({"US", "UK"})) == "{UK, US}"
    assert members.format(frozenset({"US", "UK"}), "ar") == "{UK، US}"  # the Arabic comma
