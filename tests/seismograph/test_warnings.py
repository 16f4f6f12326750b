"""The early warnings fire and stay quiet exactly as specified, on constructed series (no database).

A series here is {district: [value per period, None where it has none]} for one indicator over the
periods 2020, 2021, …; `fired(...)` runs the rules over it as `recompute_warnings` does over a town.
"""

import pytest
from django.utils import translation

from ankommen.concept.models import District
from ankommen.seismograph.models import Direction, Indicator, Signal, SignalKind, SignalRule, Unit
from ankommen.seismograph.warnings import TOLERANCE, fire, reason, series_rows, spread

WORSE, BETTER, NEUTRAL = Direction.HIGHER_IS_WORSE, Direction.HIGHER_IS_BETTER, Direction.NEUTRAL
INDICATOR = 7


def rows(series, *, first_year=2020):
    """`(indicator, district, period, period start, value)` rows of a constructed series."""
    import datetime

    out = []
    for district, values in series.items():
        for offset, value in enumerate(values):
            if value is not None:
                year = first_year + offset
                out.append((INDICATOR, district, str(year), datetime.date(year, 1, 1), value))
    return out


def fired(series, direction=WORSE, *, threshold=2.0, periods_against=3, rule=None):
    found = fire(rows(series), {INDICATOR: direction}, threshold=threshold, periods_against=periods_against)
    return [each for each in found if rule is None or each.rule == rule]


def z_fired(series, direction=WORSE, **options):
    return {
        (each.district_id, each.period)
        for each in fired(series, direction, rule=SignalRule.Z_SCORE, **options)
    }


def against_fired(series, direction=WORSE, **options):
    return fired(series, direction, rule=SignalRule.AGAINST_TOWN, **options)


# --- the standardised score ---------------------------------------------------------------------


def test_a_district_exactly_at_the_threshold_fires():
    # Five districts, one apart: mean 2, population standard deviation 4, z of the fifth exactly 2.
    series = {1: [0], 2: [0], 3: [0], 4: [0], 5: [10]}
    assert z_fired(series) == {(5, "2020")}
    [warning] = fired(series, rule=SignalRule.Z_SCORE)
    assert warning.evidence["mean"] == 2
    assert warning.evidence["sd"] == 4
    assert warning.evidence["z"] == 2
    assert warning.evidence["districts"] == 5


def test_a_z_that_rounding_puts_a_hair_below_the_threshold_still_counts_as_reaching_it():
    # Five districts, one apart: z is 2 on paper, 1.9999999999999996 in floating point.
    mean, deviation = spread([0.1, 0.1, 0.1, 0.1, 0.2])
    z = (0.2 - mean) / deviation
    assert z < 2 and abs(z - 2) < TOLERANCE
    assert z_fired({1: [0.1], 2: [0.1], 3: [0.1], 4: [0.1], 5: [0.2]}) == {(5, "2020")}


def test_a_district_just_below_the_threshold_stays_quiet():
    series = {1: [0], 2: [0], 3: [0], 4: [0.1], 5: [10]}  # z of the fifth: 1.9999
    assert z_fired(series) == set()
    assert z_fired(series, threshold=1.999) == {(5, "2020")}


def test_the_threshold_is_the_towns():
    series = {1: [0], 2: [0], 3: [0], 4: [0], 5: [10]}
    assert z_fired(series, threshold=2.5) == set()
    assert z_fired(series, threshold=1.5) == {(5, "2020")}


def test_where_higher_is_worse_only_a_high_value_fires():
    assert z_fired({1: [0], 2: [0], 3: [0], 4: [0], 5: [10]}, WORSE) == {(5, "2020")}
    assert z_fired({1: [10], 2: [10], 3: [10], 4: [10], 5: [0]}, WORSE) == set()


def test_where_higher_is_better_only_a_low_value_fires():
    assert z_fired({1: [10], 2: [10], 3: [10], 4: [10], 5: [0]}, BETTER) == {(5, "2020")}
    assert z_fired({1: [0], 2: [0], 3: [0], 4: [0], 5: [10]}, BETTER) == set()


def test_a_neutral_indicator_fires_either_way():
    assert z_fired({1: [10], 2: [10], 3: [10], 4: [10], 5: [0]}, NEUTRAL) == {(5, "2020")}
    assert z_fired({1: [0], 2: [0], 3: [0], 4: [0], 5: [10]}, NEUTRAL) == {(5, "2020")}


def test_fewer_than_three_districts_give_no_standardised_score():
    # Two districts are always one standard deviation apart from their mean: no town to compare with.
    assert z_fired({1: [0], 2: [10]}, threshold=0.5) == set()
    assert z_fired({1: [0], 2: [0], 3: [10]}, threshold=0.5) == {(3, "2020")}


def test_districts_without_a_value_in_the_period_are_not_counted():
    series = {1: [0, 0], 2: [0, 0], 3: [0, 0], 4: [0, None], 5: [10, 10]}
    # 2020: five districts, z 2; 2021: four, z √3 ≈ 1.73.
    assert z_fired(series) == {(5, "2020")}
    [later] = [
        each for each in fired(series, rule=SignalRule.Z_SCORE, threshold=1.7) if each.period == "2021"
    ]
    assert later.evidence["districts"] == 4


def test_no_spread_no_warning():
    assert z_fired({1: [5], 2: [5], 3: [5], 4: [5], 5: [5]}, NEUTRAL, threshold=0.5) == set()


def test_tied_districts_fire_alike():
    # Six districts, two tied at the top: both z = √2.
    series = {1: [0], 2: [0], 3: [0], 4: [0], 5: [10], 6: [10]}
    assert z_fired(series, threshold=1.4) == {(5, "2020"), (6, "2020")}
    assert z_fired(series, threshold=1.5) == set()
    first, second = fired(series, rule=SignalRule.Z_SCORE, threshold=1.4)
    assert first.evidence["z"] == second.evidence["z"]


def test_each_period_is_compared_on_its_own():
    series = {1: [0, 0, 0], 2: [0, 0, 0], 3: [0, 0, 0], 4: [0, 0, 0], 5: [10, 0, 10]}
    assert z_fired(series) == {(5, "2020"), (5, "2022")}


def test_a_z_warning_keeps_the_districts_series_up_to_its_period():
    series = {1: [0, 0], 2: [0, 0], 3: [0, 0], 4: [1, 0], 5: [1, 10]}
    [warning] = fired(series, rule=SignalRule.Z_SCORE)
    assert warning.period == "2021"
    assert warning.evidence["series"] == [["2020", 1, 0.4], ["2021", 10, 2.0]]


# --- against the town ---------------------------------------------------------------------------------

# District 1 rises every year while the other two, and so the districts' mean, fall.
RISING_AGAINST = {1: [5, 6, 7, 8], 2: [10, 8, 6, 4], 3: [10, 8, 6, 4]}


def test_three_periods_in_a_row_against_the_town_fire():
    [warning] = against_fired(RISING_AGAINST)
    assert (warning.district_id, warning.period) == (1, "2023")
    assert warning.evidence["moves"] == 3
    assert (warning.evidence["from"], warning.evidence["to"]) == ("2020", "2023")
    assert [row[:2] for row in warning.evidence["series"]] == [
        ["2020", 5],
        ["2021", 6],
        ["2022", 7],
        ["2023", 8],
    ]
    assert warning.evidence["series"][0][2] == pytest.approx(25 / 3)


def test_two_periods_against_the_town_stay_quiet():
    two = {district: values[:3] for district, values in RISING_AGAINST.items()}
    assert against_fired(two) == []


def test_the_number_of_periods_is_the_towns():
    two = {district: values[:3] for district, values in RISING_AGAINST.items()}
    [warning] = against_fired(two, periods_against=2)
    assert warning.period == "2022"
    assert against_fired(RISING_AGAINST, periods_against=4) == []


def test_a_missing_period_breaks_the_run():
    series = {1: [5, 6, None, 8, 9], 2: [10, 8, 6, 4, 2], 3: [10, 8, 6, 4, 2]}
    assert against_fired(series) == []


def test_a_district_that_does_not_change_breaks_the_run():
    series = {1: [5, 6, 6, 7, 8], 2: [10, 8, 6, 4, 2], 3: [10, 8, 6, 4, 2]}
    assert against_fired(series) == []


def test_a_town_that_does_not_change_breaks_the_run():
    # The mean stays at 6 from 2021 to 2022: nothing to move against there.
    series = {1: [5, 6, 7, 8, 9], 2: [10, 6, 5.5, 3, 1], 3: [10, 6, 5.5, 3, 1]}
    assert against_fired(series) == []


def test_where_higher_is_worse_a_district_improving_while_the_town_worsens_is_no_warning():
    falling_against = {1: [8, 7, 6, 5], 2: [4, 6, 8, 10], 3: [4, 6, 8, 10]}
    assert against_fired(falling_against, WORSE) == []
    assert len(against_fired(RISING_AGAINST, WORSE)) == 1


def test_where_higher_is_better_a_district_falling_while_the_town_rises_fires():
    falling_against = {1: [8, 7, 6, 5], 2: [4, 6, 8, 10], 3: [4, 6, 8, 10]}
    assert len(against_fired(falling_against, BETTER)) == 1
    assert against_fired(RISING_AGAINST, BETTER) == []


def test_a_neutral_indicator_fires_on_opposite_signs_either_way():
    falling_against = {1: [8, 7, 6, 5], 2: [4, 6, 8, 10], 3: [4, 6, 8, 10]}
    assert len(against_fired(falling_against, NEUTRAL)) == 1
    assert len(against_fired(RISING_AGAINST, NEUTRAL)) == 1
    # Moving along with the town is no warning.
    along = {1: [5, 4, 3, 2], 2: [10, 8, 6, 4], 3: [10, 8, 6, 4]}
    assert against_fired(along, NEUTRAL) == []


def test_the_same_run_going_on_is_one_warning_that_grows_with_it():
    series = {1: [5, 6, 7, 8, 9, 10], 2: [20, 17, 14, 11, 8, 5], 3: [20, 17, 14, 11, 8, 5]}
    [warning] = against_fired(series)
    assert warning.period == "2023"  # where it reached three
    assert warning.evidence["moves"] == 5
    assert warning.evidence["to"] == "2025"


def test_a_run_that_breaks_and_starts_again_is_a_new_warning():
    series = {
        1: [5, 6, 7, 8, 8, 9, 10, 11],
        2: [30, 27, 24, 21, 18, 15, 12, 9],
        3: [30, 27, 24, 21, 18, 15, 12, 9],
    }
    assert [each.period for each in against_fired(series)] == ["2023", "2027"]


def test_fewer_than_three_districts_have_no_town_to_move_against():
    series = {1: [5, 6, 7, 8], 2: [20, 15, 10, 5]}
    assert against_fired(series, NEUTRAL) == []


def test_months_are_periods_in_their_order():
    import datetime

    months = []
    for district, values in RISING_AGAINST.items():
        for month, value in enumerate(values, start=10):
            period = f"2023-{month:02d}" if month <= 12 else f"2024-{month - 12:02d}"
            start = datetime.date(int(period[:4]), int(period[5:]), 1)
            months.append((INDICATOR, district, period, start, value))
    found = fire(reversed(months), {INDICATOR: WORSE}, threshold=2.0, periods_against=3)
    assert [(each.period, each.evidence["from"]) for each in found] == [("2024-01", "2023-10")]


def test_quiet_where_nothing_stands_out():
    series = {1: [5, 5.5, 6, 6.5], 2: [6, 6.2, 6.1, 6.4], 3: [5.5, 5.9, 6.3, 6.2], 4: [6, 6, 6.1, 6.3]}
    assert fire(rows(series), {INDICATOR: NEUTRAL}, threshold=2.0, periods_against=3) == []


# --- saying why ------------------------------------------------------------------------------------------------


def _signal(rule, evidence, *, period="2024", unit=Unit.PERCENT, direction=WORSE):
    district = District(name="Oststadt")
    indicator = Indicator(key="sgb2_quote", name="SGB-II-Quote", unit=unit, direction=direction)
    district.translations_prefetched = indicator.translations_prefetched = []  # none: read in German
    return Signal(
        kind=SignalKind.WARNING,
        district=district,
        indicator=indicator,
        period=period,
        rule=rule,
        evidence=evidence,
    )


def test_a_z_warning_says_why_with_its_numbers():
    signal = _signal(SignalRule.Z_SCORE, {"value": 14.2, "mean": 8.1, "sd": 2.9, "z": (14.2 - 8.1) / 2.9})
    assert reason(signal) == (
        "Oststadt: SGB-II-Quote 14,2 % im Jahr 2024, der Durchschnitt der Stadtteile 8,1 % "
        "(Standardabweichung 2,9): 2,1 Standardabweichungen darüber."
    )
    below = _signal(SignalRule.Z_SCORE, {"value": 2.3, "mean": 8.1, "sd": 2.9, "z": -2.0}, period="2024-05")
    assert reason(below) == (
        "Oststadt: SGB-II-Quote 2,3 % im Mai 2024, der Durchschnitt der Stadtteile 8,1 % "
        "(Standardabweichung 2,9): 2,0 Standardabweichungen darunter."
    )


def test_a_warning_against_the_town_says_how_both_moved():
    evidence = {
        "moves": 3,
        "direction": WORSE,
        "series": [["2021", 5.0, 7.1], ["2022", 5.5, 6.9], ["2023", 6.1, 6.5], ["2024", 6.4, 6.2]],
    }
    assert reason(_signal(SignalRule.AGAINST_TOWN, evidence)) == (
        "Oststadt: SGB-II-Quote ist 3 Zeiträume in Folge gestiegen, während der Durchschnitt der Stadtteile "
        "gesunken ist: von 5,0 % (2021) auf 6,4 % (2024), der Durchschnitt von 7,1 % auf 6,2 %."
    )
    rows_shown = series_rows(_signal(SignalRule.AGAINST_TOWN, evidence))
    assert rows_shown[0] == ("2021", "5,0 %", "7,1 %", "–", "–")
    assert rows_shown[1] == ("2022", "5,5 %", "6,9 %", "+0,5", "−0,2")


def test_the_reason_is_written_in_the_readers_language():
    signal = _signal(
        SignalRule.Z_SCORE, {"value": 1234.0, "mean": 800.0, "sd": 200.0, "z": 2.17}, unit=Unit.COUNT
    )
    assert "1.234 im Jahr 2024" in reason(signal)
    with translation.override("en"):
        english = reason(signal)
    assert "1,234" in english  # the reader's number format, whatever the catalogue says yet
