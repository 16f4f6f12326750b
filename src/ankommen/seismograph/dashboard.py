"""What the dashboard shows, read from the town's current values: tables, the town's value, rankings, series.

Every page reads what it needs in a fixed number of queries, whatever the number of districts,
indicators and periods: the indicators, the districts, the boundaries, and the values as plain
tuples (`Row`) of one indicator (with the residents, for weighting) or of one district. The district
page compares with the town's value of every indicator in every period; that table is computed from
all the town's values once per version of the town (imports and rollbacks give the town a new one)
and kept in the cache.

The town's value of an indicator in a period (`town_value`) is, in this order:

- a number of something (unit "Anzahl"): the sum over the districts;
- where every district's value comes with its numerator and denominator: the sum of the numerators
  over the sum of the denominators (times 100 for a percentage, 1,000 for a value per thousand);
- where every district has a number of residents (`einwohner_gesamt`) in that period: the mean of the
  districts' values weighted by their residents;
- else the plain mean of the districts' values.

The page says which, and from how many districts.
"""

import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from ankommen.concept.models import District
from ankommen.core.cache import town_scope, versions
from ankommen.seismograph import charts, segregation
from ankommen.seismograph.models import (
    DistrictShape,
    Indicator,
    Observation,
    Topic,
    Unit,
)

POPULATION = "einwohner_gesamt"  # the residents: the weights of the town's mean, the total of the segregation
PREFERRED = ("anteil_nichtdeutsch", "sgb2_quote")  # what the overview shows first, if it has values
GROUP, TOTAL = "einwohner_nichtdeutsch", "einwohner_gesamt"  # the segregation's first pair
SCALE = {Unit.PERCENT: 100.0, Unit.PER_THOUSAND: 1000.0}
TOWN_TABLE_SECONDS = 24 * 3600  # a new version of the town makes a new key anyway


class Row(NamedTuple):
    """A current value as the dashboard reads it (a tuple: a page reads thousands)."""

    district_id: int
    indicator_id: int
    period: str
    value: float
    numerator: float | None
    denominator: float | None


ROW_FIELDS = ("district_id", "indicator_id", "period", "value", "numerator", "denominator")


def rows(queryset):
    """The current values of `queryset` as `Row`s (one query, no model instances)."""
    return list(map(Row._make, queryset.current().order_by().values_list(*ROW_FIELDS)))


def in_time(period):
    """A period's place in time: a year before its months ("2023" < "2023-01" < "2023-02" < "2024")."""
    return (int(period[:4]), int(period[5:] or 0))


# --- the town's value --------------------------------------------------------------------------


class Method:
    SUM = "sum"
    RATIO = "ratio"
    WEIGHTED = "weighted"
    MEAN = "mean"


METHOD_NOTES = {
    Method.SUM: _("Wert der Stadt: die Summe der Stadtteile."),
    Method.RATIO: _(
        "Wert der Stadt: aus den Zählern und Nennern aller Stadtteile berechnet (Summe der Zähler "
        "geteilt durch die Summe der Nenner)."
    ),
    Method.WEIGHTED: _(
        "Wert der Stadt: das Mittel der Stadtteile, gewichtet mit ihrer Zahl der Einwohnerinnen und "
        "Einwohner (Zähler und Nenner liegen nicht für alle Stadtteile vor)."
    ),
    Method.MEAN: _(
        "Wert der Stadt: das einfache Mittel der Stadtteile (weder Zähler und Nenner noch die Zahl der "
        "Einwohnerinnen und Einwohner liegen für alle Stadtteile vor)."
    ),
}


class TownValue(NamedTuple):
    value: float | None
    method: str
    districts: int  # how many districts it is computed from

    @property
    def note(self):
        return METHOD_NOTES[self.method]

    @property
    def per_district(self):
        """What a district compares with: the town's value, or for a sum the mean of the districts."""
        if self.method == Method.SUM:
            return self.value / self.districts if self.districts else None
        return self.value


def town_value(indicator, values, population=None):
    """The town's value of `indicator` from its districts' `values` (`Row`s of one period).

    `population`: {district id: residents} of that period, for the weighted mean.
    """
    values = list(values)
    if not values:
        return TownValue(None, Method.MEAN, 0)
    if indicator.unit == Unit.COUNT:
        return TownValue(math.fsum(row.value for row in values), Method.SUM, len(values))
    if all(row.numerator is not None and row.denominator is not None for row in values):
        denominator = math.fsum(row.denominator for row in values)
        if denominator > 0:
            numerator = math.fsum(row.numerator for row in values)
            return TownValue(
                numerator / denominator * SCALE.get(indicator.unit, 1.0), Method.RATIO, len(values)
            )
    population = population or {}
    weights = [population.get(row.district_id) for row in values]
    if all(weight is not None for weight in weights) and math.fsum(weights) > 0:
        weighted = math.fsum(row.value * weight for row, weight in zip(values, weights, strict=True))
        return TownValue(weighted / math.fsum(weights), Method.WEIGHTED, len(values))
    return TownValue(math.fsum(row.value for row in values) / len(values), Method.MEAN, len(values))


def town_series(indicator, indicator_rows, population_rows):
    """{period: TownValue} of one indicator, from its rows and the residents' rows (all periods)."""
    by_period = defaultdict(list)
    for row in indicator_rows:
        by_period[row.period].append(row)
    residents = defaultdict(dict)
    for row in population_rows:
        residents[row.period][row.district_id] = row.value
    return {
        period: town_value(indicator, values, residents.get(period)) for period, values in by_period.items()
    }


def town_table(town, indicators):
    """{indicator id: {period: TownValue}} for every indicator: computed once per version of the town.

    Reads all the town's current values (one query) when the cache has no table for this version.
    """
    key = f"seismograph:town-table:{town.pk}:{versions(town_scope(town.pk))}"
    table = cache.get(key)
    if table is None:
        by_indicator = defaultdict(list)
        for row in rows(Observation.objects.for_municipality(town)):
            by_indicator[row.indicator_id].append(row)
        population = next((each for each in indicators if each.key == POPULATION), None)
        population_rows = by_indicator.get(population.pk, []) if population else []
        # Plain tuples in the cache: a pickled class of ours could outlive a change of its code.
        table = {
            indicator.pk: {
                period: tuple(value)
                for period, value in town_series(
                    indicator, by_indicator[indicator.pk], population_rows
                ).items()
            }
            for indicator in indicators
            if indicator.pk in by_indicator
        }
        cache.set(key, table, TOWN_TABLE_SECONDS)
    return {
        indicator_id: {period: TownValue._make(values) for period, values in series.items()}
        for indicator_id, series in table.items()
    }


# --- what the pages read -----------------------------------------------------------------------


def indicators_of(town, language):
    """The town's indicators in order, with their translations, each marked `has_values`."""
    return list(
        Indicator.objects.for_municipality(town)
        .select_related("field")
        .with_translations(language)
        .annotate(
            has_values=Exists(Observation.objects.filter(indicator=OuterRef("pk"), replaced_by__isnull=True))
        )
    )


def districts_of(town, language):
    return list(District.objects.for_municipality(town).with_translations(language))


def shapes_of(town):
    """{district id: GeoJSON geometry} of the districts that have a boundary."""
    return {
        shape.district_id: shape.geojson
        for shape in DistrictShape.objects.for_municipality(town).only("district_id", "geojson")
    }


def outlines(town):
    """The map's projected boundaries (`charts.Outlines`), computed once per version of the town.

    The boundaries change far less often than anything else, and projecting a hundred of them costs
    more than the rest of the map: they are kept as SVG paths, whatever the indicator shown.
    """
    key = f"seismograph:outlines:{charts.MAP_WIDTH}:{town.pk}:{versions(town_scope(town.pk))}"
    kept = cache.get(key)
    if kept is None:
        shapes = shapes_of(town)
        found = charts.project({str(pk): geometry for pk, geometry in shapes.items()})
        kept = (found.paths, found.height, found.schematic)
        cache.set(key, kept, TOWN_TABLE_SECONDS)
    return charts.Outlines(*kept)


def first_shown(indicators):
    """The indicator the overview shows when none is asked for: a preferred one with values, else the first."""
    with_values = [each for each in indicators if each.has_values]
    by_key = {each.key: each for each in with_values}
    for key in PREFERRED:
        if key in by_key:
            return by_key[key]
    return with_values[0] if with_values else (indicators[0] if indicators else None)


def values_with_population(town, indicator, indicators, periods=None):
    """The rows of `indicator` and of the residents (for the town's weighted mean), one query: in all
    periods, or in `periods`."""
    population = next((each for each in indicators if each.key == POPULATION), None)
    wanted = [indicator.pk] + ([population.pk] if population and population.pk != indicator.pk else [])
    found = Observation.objects.for_municipality(town).filter(indicator__in=wanted)
    if periods is not None:
        found = found.filter(period__in=periods)
    found = rows(found)
    own = [row for row in found if row.indicator_id == indicator.pk]
    residents = [row for row in found if population and row.indicator_id == population.pk]
    return own, residents


def periods_of(found):
    """The periods of `found` in time order."""
    return sorted({row.period for row in found}, key=in_time)


def periods_with_values(town, indicator):
    """The periods `indicator` has current values for, in time order (one query)."""
    return sorted(
        set(
            Observation.objects.for_municipality(town)
            .current()
            .filter(indicator=indicator)
            .order_by()
            .values_list("period", flat=True)
            .distinct()
        ),
        key=in_time,
    )


# --- the overview: one indicator in one period -------------------------------------------------


@dataclass
class Entry:
    """A district's line in the overview's table."""

    district: object
    row: Row | None
    previous: Row | None
    rank: int | None = None
    step: int | None = None  # the map's class, 0 to 4

    @property
    def value(self):
        return self.row.value if self.row else None

    @property
    def change(self):
        if self.row is None or self.previous is None:
            return None
        return self.row.value - self.previous.value


@dataclass
class Overview:
    indicator: object
    periods: list
    period: str | None
    previous_period: str | None
    entries: list
    town: TownValue
    town_previous: TownValue | None
    breaks: list = field(default_factory=list)

    @property
    def ranking(self):
        """The districts with a value, highest first (ties share a rank)."""
        return sorted(
            (each for each in self.entries if each.row), key=lambda each: (each.rank, each.district.position)
        )

    @property
    def town_change(self):
        if self.town.value is None or self.town_previous is None or self.town_previous.value is None:
            return None
        return self.town.value - self.town_previous.value

    @property
    def with_values(self):
        return sum(1 for each in self.entries if each.row)


def overview(indicator, period, districts, own, residents, *, method="equal", periods=None):
    """The overview of `indicator` in `period` (None: the latest), from its rows and the residents' rows.

    `periods`: all the indicator's periods, where the rows are those of a few of them only.
    """
    periods = periods if periods is not None else periods_of(own)
    if period not in periods:
        period = periods[-1] if periods else None
    previous_period = periods[periods.index(period) - 1] if period and periods.index(period) > 0 else None
    by_period = defaultdict(dict)
    for row in own:
        by_period[row.period][row.district_id] = row
    residents_by_period = defaultdict(dict)
    for row in residents:
        residents_by_period[row.period][row.district_id] = row.value
    now, before = by_period.get(period, {}), by_period.get(previous_period, {})
    entries = [Entry(district, now.get(district.pk), before.get(district.pk)) for district in districts]
    for entry, rank in zip(entries, ranks([each.value for each in entries]), strict=True):
        entry.rank = rank
    breaks = class_breaks([each.value for each in entries if each.row], method)
    for entry in entries:
        if entry.row:
            entry.step = step_of(entry.value, breaks)
    town = town_value(indicator, now.values(), residents_by_period.get(period))
    town_previous = (
        town_value(indicator, before.values(), residents_by_period.get(previous_period))
        if previous_period
        else None
    )
    return Overview(indicator, periods, period, previous_period, entries, town, town_previous, breaks)


def ranks(values):
    """The rank of each value, highest first, ties sharing the better rank (1, 2, 2, 4); None for None."""
    present = sorted((value for value in values if value is not None), reverse=True)
    first = {}
    for position, value in enumerate(present, start=1):
        first.setdefault(value, position)
    return [None if value is None else first[value] for value in values]


STEPS = 5


def class_breaks(values, method="equal"):
    """The bounds of the map's five classes: [lowest, four inner bounds, highest]; [] without values.

    "equal": five steps of the same width; "quantile": about as many districts in each.
    """
    values = sorted(value for value in values if value is not None and math.isfinite(value))
    if not values:
        return []
    low, high = values[0], values[-1]
    if method == "quantile":
        inner = [_quantile(values, step / STEPS) for step in range(1, STEPS)]
    else:
        width = (high - low) / STEPS
        inner = [low + width * step for step in range(1, STEPS)]
    return [low, *inner, high]


def _quantile(ordered, share):
    """The `share` quantile of sorted values, interpolated between neighbours (as spreadsheets do)."""
    position = (len(ordered) - 1) * share
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def step_of(value, breaks):
    """The class (0 to 4) of `value`; with all values equal, the middle one."""
    if breaks[0] == breaks[-1]:
        return STEPS // 2
    return min(bisect_right(breaks[1:-1], value), STEPS - 1)


def classes(breaks, entries):
    """The legend's classes: (step, lowest, highest, number of districts), the empty ones left out."""
    if not breaks:
        return []
    counts = defaultdict(int)
    for entry in entries:
        if entry.step is not None:
            counts[entry.step] += 1
    if breaks[0] == breaks[-1]:
        return [(STEPS // 2, breaks[0], breaks[0], counts[STEPS // 2])]
    return [(step, breaks[step], breaks[step + 1], counts[step]) for step in range(STEPS) if counts[step]]


# --- a district: every indicator against the town ----------------------------------------------


@dataclass
class Line:
    """One indicator on a district's page: its values there and the town's, period by period."""

    indicator: object
    points: list  # (period, district's Row or None, TownValue or None), in time order

    @property
    def latest(self):
        """The last period with a value of the district: (period, Row, TownValue or None)."""
        return next((point for point in reversed(self.points) if point[1] is not None), None)


def district_lines(indicators, own, table):
    """Per indicator with values in the district (in catalogue order): its `Line`."""
    by_indicator = defaultdict(dict)
    for row in own:
        by_indicator[row.indicator_id][row.period] = row
    lines = []
    for indicator in indicators:
        mine = by_indicator.get(indicator.pk)
        if not mine:
            continue
        town = table.get(indicator.pk, {})
        periods = sorted(set(mine) | set(town), key=in_time)
        lines.append(Line(indicator, [(period, mine.get(period), town.get(period)) for period in periods]))
    return lines


def by_topic(items, indicator_of=lambda item: item.indicator):
    """[(topic label, [items])] in the order of the topics, for items that have an indicator."""
    grouped = defaultdict(list)
    for item in items:
        grouped[indicator_of(item).topic].append(item)
    return [(label, grouped[value]) for value, label in Topic.choices if grouped[value]]


# --- an indicator: every district over time ----------------------------------------------------


def district_series(districts, own):
    """{district id: {period: Row}} of one indicator."""
    series = defaultdict(dict)
    for row in own:
        series[row.district_id][row.period] = row
    return series


def chosen_districts(districts, series, periods, wanted, limit):
    """The districts the chart draws: those asked for (up to `limit`), else all if few enough, else the
    highest and the lowest of the latest period."""
    with_values = [district for district in districts if series.get(district.pk)]
    if wanted:
        return [district for district in with_values if district.pk in wanted][:limit]
    if len(with_values) <= limit:
        return with_values
    latest = periods[-1]
    ordered = sorted(
        (district for district in with_values if latest in series[district.pk]),
        key=lambda district: -series[district.pk][latest].value,
    )
    half = limit // 2
    shown = {district.pk for district in ordered[:half] + ordered[-half:]}
    return [district for district in with_values if district.pk in shown]


# --- segregation: one group among the residents, period by period ------------------------------


@dataclass
class Quotient:
    district: object
    group: float | None
    total: float | None
    group_lq: float | None = None
    complement_lq: float | None = None

    @property
    def without_residents(self):
        return self.total == 0


@dataclass
class SegregationPeriod:
    period: str
    measures: dict  # {measure: float or None}
    quotients: list  # Quotient per district with both counts
    lacking: list  # districts with only one of the two counts
    # A district whose group is larger than its total: no measure can be computed for the period.
    problem: Quotient | None = None


def segregation_periods(districts, group_rows, total_rows):
    """Per period with counts of both (in time order): the measures and the location quotients.

    Computed as `ankommen seismograph indices` computes them: over the districts with both counts in
    that period, in the town's order of districts.
    """
    group = district_series(districts, group_rows)
    total = district_series(districts, total_rows)
    periods = periods_of([*group_rows, *total_rows])
    found = []
    for period in periods:
        both, lacking = [], []
        for district in districts:
            counts = (group[district.pk].get(period), total[district.pk].get(period))
            if all(counts):
                both.append(Quotient(district, counts[0].value, counts[1].value))
            elif any(counts):
                lacking.append(district)
        if not both:
            continue
        found.append(_measured(period, both, lacking))
    return found


def _measured(period, both, lacking):
    wrong = next((each for each in both if not 0 <= each.group <= each.total), None)
    if wrong is not None:
        return SegregationPeriod(period, dict.fromkeys(segregation.MEASURES), both, lacking, wrong)
    groups = [each.group for each in both]
    totals = [each.total for each in both]
    measures = segregation.measures_of(groups, totals)
    group_lqs, complement_lqs = segregation.location_quotients_of(groups, totals)
    for each, group_lq, complement_lq in zip(both, group_lqs.tolist(), complement_lqs.tolist(), strict=True):
        each.group_lq = None if group_lq != group_lq else group_lq
        each.complement_lq = None if complement_lq != complement_lq else complement_lq
    return SegregationPeriod(period, measures, both, lacking)
