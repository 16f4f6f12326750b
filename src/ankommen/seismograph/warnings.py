"""When a district is flagged: the two rules of the early warnings, as pure functions over the values.

Both compare a district with the **town's districts**: the plain (unweighted) mean of the values of
the districts that have one in that period, "der Durchschnitt der Stadtteile" on the pages. The
town's own figure (say, its SGB II rate over all residents) would weight the large districts more;
the mean of the districts is what the districts are compared with, and the pages say so.

- **Standardised score** (`SignalRule.Z_SCORE`): for each indicator and period, every district's
  z = (value − mean) / standard deviation, the population standard deviation over the districts with
  a value. A district fires at |z| ≥ the town's threshold (`SeismographSettings.z_threshold`, 2 by
  default) in the direction that is worse: a high z where higher is worse, a low z where higher is
  better, either way for a neutral indicator. Quiet where fewer than `MIN_DISTRICTS` districts have a
  value (no town to compare with) and where every district has the same value (no spread).
- **Against the town** (`SignalRule.AGAINST_TOWN`): a district moves against the town in a period
  when its change from the period before runs opposite to the change of the districts' mean: for a
  neutral indicator the two changes have opposite signs; where higher is worse, the district rises
  while the mean falls (it worsens while the town improves); where higher is better, it falls while
  the mean rises. (A district that improves while the town worsens is no warning.) It fires when that
  holds for `SeismographSettings.periods_against` periods in a row (3 by default). The periods are
  those of the indicator in the town's data, in order; a period in which the district has no value,
  in which fewer than `MIN_DISTRICTS` districts have one, or in which either does not change breaks
  the run. One run is one warning, named by the period in which it reached the length; while the run
  goes on, that warning's numbers grow with it. A run that breaks and starts again is a new warning.

`fire(...)` gives every warning the values support, each with the numbers that made it fire
(`Fired.evidence`: JSON, kept on the `Signal`); `reason(signal)` writes the sentence that explains it
in the reader's language, from those numbers, when it is read.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from math import sqrt

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ankommen.core.translation import translated
from ankommen.seismograph.models import Direction, SignalRule, Unit, parse_period

MIN_DISTRICTS = 3  # fewer districts with a value in a period: no mean and spread to compare with
# Values are read from files and averaged in floating point: a z that is 2 on paper may come out as
# 1.9999999999999998, and a mean that did not change as a difference of 1e-16. Both count as what they are.
TOLERANCE = 1e-9
SERIES_MAX = 12  # periods of a district's series a z warning keeps, up to its own


@dataclass(frozen=True)
class Fired:
    """A warning the values support: which district, indicator, period and rule, and the numbers why."""

    district_id: int
    indicator_id: int
    period: str
    rule: str
    evidence: dict = field(default_factory=dict, compare=False)

    @property
    def key(self):
        return (self.district_id, self.indicator_id, self.period, self.rule)

    @property
    def last_period(self):
        """The latest period the warning speaks of (a run against the town may go on past its own)."""
        return self.evidence.get("to") or self.period


@dataclass
class Series:
    """One indicator's current values: the periods in order, and per period {district id: value}."""

    periods: list = field(default_factory=list)  # period strings, ordered by their first day
    values: dict = field(default_factory=dict)  # period → {district id: value}

    @classmethod
    def of(cls, rows):
        """From `(district id, period, period start, value)` rows, in any order."""
        starts, values = {}, defaultdict(dict)
        for district_id, period, start, value in rows:
            starts[period] = start
            values[period][district_id] = value
        periods = sorted(starts, key=lambda period: (starts[period], period))
        return cls(periods, dict(values))

    def mean(self, period):
        """The mean of the districts with a value in `period`, and how many they are."""
        values = self.values.get(period, {})
        if not values:
            return None, 0
        return sum(values.values()) / len(values), len(values)


def _zero(number, scale=1.0):
    return abs(number) <= TOLERANCE * max(1.0, abs(scale))


def spread(values):
    """Mean and population standard deviation of `values` (a list of numbers)."""
    count = len(values)
    mean = sum(values) / count
    return mean, sqrt(sum((value - mean) ** 2 for value in values) / count)


def worse(direction, z, threshold):
    """Does a standardised score `z` reach `threshold` in the direction that is worse?"""
    if direction == Direction.HIGHER_IS_WORSE:
        return z >= threshold - TOLERANCE
    if direction == Direction.HIGHER_IS_BETTER:
        return -z >= threshold - TOLERANCE
    return abs(z) >= threshold - TOLERANCE


def _series_up_to(series, district_id, period, count=SERIES_MAX):
    """The district's values and the districts' mean in the periods up to `period`: [[period, value, mean], …]."""
    index = series.periods.index(period)
    rows = []
    for each in series.periods[max(0, index - count + 1) : index + 1]:
        mean, _count = series.mean(each)
        rows.append([each, series.values.get(each, {}).get(district_id), mean])
    return rows


def z_scores(series, indicator_id, direction, threshold):
    """The warnings of the standardised score for one indicator, every period."""
    fired = []
    for period in series.periods:
        values = series.values[period]
        if len(values) < MIN_DISTRICTS:
            continue
        mean, deviation = spread(list(values.values()))
        if _zero(deviation, mean):
            continue
        for district_id, value in values.items():
            z = (value - mean) / deviation
            if worse(direction, z, threshold):
                evidence = {
                    "value": value,
                    "mean": mean,
                    "sd": deviation,
                    "z": z,
                    "districts": len(values),
                    "threshold": threshold,
                    "direction": direction,
                    "series": _series_up_to(series, district_id, period),
                }
                fired.append(Fired(district_id, indicator_id, period, SignalRule.Z_SCORE, evidence))
    return fired


def against(direction, change, town_change):
    """Does a district's `change` run against the districts' mean's `town_change` (see the module)?"""
    if direction == Direction.HIGHER_IS_WORSE:
        return change > 0 and town_change < 0
    if direction == Direction.HIGHER_IS_BETTER:
        return change < 0 and town_change > 0
    return (change > 0 > town_change) or (change < 0 < town_change)


def _town_changes(series):
    """{period: the change of the districts' mean into it}, for the periods where one can be said."""
    changes = {}
    for before, period in zip(series.periods, series.periods[1:], strict=False):
        mean_before, count_before = series.mean(before)
        mean, count = series.mean(period)
        if count_before >= MIN_DISTRICTS and count >= MIN_DISTRICTS:
            change = mean - mean_before
            changes[period] = 0.0 if _zero(change, mean) else change
    return changes


def against_town(series, indicator_id, direction, periods_against):
    """The warnings of districts that move against the town for `periods_against` periods in a row."""
    town_changes = _town_changes(series)
    districts = {district_id for values in series.values.values() for district_id in values}
    fired = []
    for district_id in sorted(districts):
        run, warning = 0, None
        for index, period in enumerate(series.periods[1:], start=1):
            before = series.periods[index - 1]
            value = series.values[period].get(district_id)
            value_before = series.values[before].get(district_id)
            moved = None
            if value is not None and value_before is not None and period in town_changes:
                change = value - value_before
                moved = 0.0 if _zero(change, value) else change
            if moved is None or not against(direction, moved, town_changes[period]):
                run, warning = 0, None
                continue
            run += 1
            if run < periods_against:
                continue
            start = series.periods[index - run]
            rows = []
            for each in series.periods[index - run : index + 1]:
                mean, _count = series.mean(each)
                rows.append([each, series.values[each][district_id], mean])
            evidence = {
                "moves": run,
                "required": periods_against,
                "from": start,
                "to": period,
                "direction": direction,
                "series": rows,
            }
            if warning is None:  # the run reached its length here: this period names the warning
                warning = Fired(district_id, indicator_id, period, SignalRule.AGAINST_TOWN, evidence)
                fired.append(warning)
            else:  # the same run goes on: its warning speaks of it all
                warning.evidence.clear()
                warning.evidence.update(evidence)
    return fired


def fire(rows, directions, *, threshold, periods_against):
    """Every warning the current values support.

    `rows`: `(indicator id, district id, period, period start, value)` of the town's current values;
    `directions`: {indicator id: `Direction`}. Returns a list of `Fired`.
    """
    by_indicator = defaultdict(list)
    for indicator_id, district_id, period, start, value in rows:
        by_indicator[indicator_id].append((district_id, period, start, value))
    fired = []
    for indicator_id in sorted(by_indicator):
        direction = directions.get(indicator_id, Direction.NEUTRAL)
        series = Series.of(by_indicator[indicator_id])
        fired += z_scores(series, indicator_id, direction, threshold)
        fired += against_town(series, indicator_id, direction, periods_against)
    return fired


# --- saying why, in the reader's language -----------------------------------------------------------------


def amount(value, unit):
    """A value as the pages write it in the active language: "14,2 %", "3,5 je 1.000", "1.234"."""
    if value is None:
        return "–"
    if unit == Unit.COUNT and float(value).is_integer():
        number = formats.number_format(int(value), use_l10n=True, force_grouping=True)
    else:
        number = formats.number_format(round(value, 1), decimal_pos=1, use_l10n=True, force_grouping=True)
    if unit == Unit.PERCENT:
        return _("%(number)s %%") % {"number": number}
    if unit == Unit.PER_THOUSAND:
        return _("%(number)s je 1.000") % {"number": number}
    return number


def decimal(value):
    """A number with one decimal place, in the active language ("2,1")."""
    return formats.number_format(round(value, 1), decimal_pos=1, use_l10n=True)


def period_label(period):
    """ "2024", or a month in words ("Mai 2024")."""
    parsed = parse_period(period)
    if parsed is None or len(parsed[0]) == 4:
        return period
    return formats.date_format(parsed[1], "YEAR_MONTH_FORMAT")


def period_phrase(period):
    """ "im Jahr 2024", "im Mai 2024": when a value was measured, inside a sentence."""
    parsed = parse_period(period)
    if parsed is None or len(parsed[0]) == 4:
        return _("im Jahr %(year)s") % {"year": period}
    return _("im %(month)s") % {"month": formats.date_format(parsed[1], "YEAR_MONTH_FORMAT")}


def reason(signal):
    """Why a warning fired, in one plain sentence with its numbers (the observation's own text for one)."""
    if not signal.is_warning:
        return signal.text
    district = translated(signal.district, "name").text
    indicator = translated(signal.indicator, "name").text
    unit = signal.indicator.unit
    numbers = signal.evidence
    if signal.rule == SignalRule.Z_SCORE:
        words = {
            "district": district,
            "indicator": indicator,
            "value": amount(numbers["value"], unit),
            "when": period_phrase(signal.period),
            "mean": amount(numbers["mean"], unit),
            "sd": decimal(numbers["sd"]),
            "z": decimal(abs(numbers["z"])),
        }
        if numbers["z"] >= 0:
            return (
                _(
                    "%(district)s: %(indicator)s %(value)s %(when)s, der Durchschnitt der Stadtteile %(mean)s "
                    "(Standardabweichung %(sd)s): %(z)s Standardabweichungen darüber."
                )
                % words
            )
        return (
            _(
                "%(district)s: %(indicator)s %(value)s %(when)s, der Durchschnitt der Stadtteile %(mean)s "
                "(Standardabweichung %(sd)s): %(z)s Standardabweichungen darunter."
            )
            % words
        )
    series = numbers["series"]
    (start, first, town_first), (end, last, town_last) = series[0], series[-1]
    moves = numbers["moves"]
    words = {
        "district": district,
        "indicator": indicator,
        "count": moves,
        "start": period_label(start),
        "end": period_label(end),
        "first": amount(first, unit),
        "last": amount(last, unit),
        "town_first": amount(town_first, unit),
        "town_last": amount(town_last, unit),
    }
    direction = numbers.get("direction")
    if direction == Direction.HIGHER_IS_WORSE:
        sentence = ngettext(
            "%(district)s: %(indicator)s ist %(count)s Zeitraum lang gestiegen, während der Durchschnitt der "
            "Stadtteile gesunken ist: von %(first)s (%(start)s) auf %(last)s (%(end)s), der Durchschnitt "
            "von %(town_first)s auf %(town_last)s.",
            "%(district)s: %(indicator)s ist %(count)s Zeiträume in Folge gestiegen, während der Durchschnitt "
            "der Stadtteile gesunken ist: von %(first)s (%(start)s) auf %(last)s (%(end)s), der Durchschnitt "
            "von %(town_first)s auf %(town_last)s.",
            moves,
        )
    elif direction == Direction.HIGHER_IS_BETTER:
        sentence = ngettext(
            "%(district)s: %(indicator)s ist %(count)s Zeitraum lang gesunken, während der Durchschnitt der "
            "Stadtteile gestiegen ist: von %(first)s (%(start)s) auf %(last)s (%(end)s), der Durchschnitt "
            "von %(town_first)s auf %(town_last)s.",
            "%(district)s: %(indicator)s ist %(count)s Zeiträume in Folge gesunken, während der Durchschnitt "
            "der Stadtteile gestiegen ist: von %(first)s (%(start)s) auf %(last)s (%(end)s), der Durchschnitt "
            "von %(town_first)s auf %(town_last)s.",
            moves,
        )
    else:
        sentence = ngettext(
            "%(district)s: %(indicator)s hat sich %(count)s Zeitraum lang entgegengesetzt zum Durchschnitt "
            "der Stadtteile entwickelt: von %(first)s (%(start)s) auf %(last)s (%(end)s), der Durchschnitt "
            "von %(town_first)s auf %(town_last)s.",
            "%(district)s: %(indicator)s hat sich %(count)s Zeiträume in Folge entgegengesetzt zum "
            "Durchschnitt der Stadtteile entwickelt: von %(first)s (%(start)s) auf %(last)s (%(end)s), "
            "der Durchschnitt von %(town_first)s auf %(town_last)s.",
            moves,
        )
    return sentence % words


def series_rows(signal):
    """The numbers of a warning as the page's table shows them: (period, value, mean, change, change of the mean)."""
    unit = signal.indicator.unit
    rows, before = [], None
    for period, value, mean in signal.evidence.get("series", []):
        change = town_change = None
        if before is not None:
            if value is not None and before[1] is not None:
                change = value - before[1]
            if mean is not None and before[2] is not None:
                town_change = mean - before[2]
        rows.append(
            (
                period_label(period),
                amount(value, unit),
                amount(mean, unit),
                _signed(change, unit),
                _signed(town_change, unit),
            )
        )
        before = (period, value, mean)
    return rows


def _signed(change, unit):
    if change is None:
        return "–"
    text = amount(abs(change), Unit.COUNT if unit == Unit.COUNT else None)
    if _zero(change):
        return "±0"
    return f"+{text}" if change > 0 else f"−{text}"
