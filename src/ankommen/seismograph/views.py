"""The Seismograph's dashboard for everyone: the town's statistics per district, as maps, lines and tables.

Four pages — the overview of one indicator in one period (a map, its table, the ranking and the
town's value), a district against the town, an indicator over time in every district, and the
segregation of one group — each with its choices in the address (GET), so that every view can be
shared, and each table as a CSV file (`?format=csv&tabelle=…`). A choice that is no choice is named
in a clear message (400), never a server error.
"""

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html_join
from django.utils.translation import (
    get_language,
    get_language_bidi,
    gettext_lazy,
    ngettext,
    override,
    pgettext,
)
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ankommen.concept.models import District
from ankommen.core.access import town_object_or_404
from ankommen.core.translation import translated
from ankommen.dialogue.exports import neutralised
from ankommen.seismograph import charts, dashboard, segregation
from ankommen.seismograph.dashboard_forms import (
    EQUAL,
    MOST_LINES,
    LinesForm,
    OverviewForm,
    SegregationForm,
)
from ankommen.seismograph.models import Direction, Indicator, Unit

# --- numbers as the pages write them -----------------------------------------------------------

NO_VALUE = "–"


@lru_cache(maxsize=64)
def _style(language):
    """How `language` writes numbers: its separators and grouping, and the patterns of the units."""
    with override(language):
        grouping = formats.get_format("NUMBER_GROUPING")
        separator, thousands = (
            formats.get_format("DECIMAL_SEPARATOR"),
            formats.get_format("THOUSAND_SEPARATOR"),
        )
        return {
            "separator": separator,
            "grouped": grouping == 3 and str.maketrans({",": thousands, ".": separator}),
            "ungrouped": not grouping,
            Unit.PERCENT: _("%(number)s %%"),
            Unit.PER_THOUSAND: _("%(number)s ‰"),
            "points": _("%(number)s Pp."),
            "share": _("%(share)s der Stadt"),
        }


class Numbers:
    """How the reader's language writes the numbers of a page, looked up once for the page.

    A page writes thousands of numbers; Django's `number_format` asks the settings for each (and cuts
    digits off instead of rounding them). Values are rounded half up.
    """

    def __init__(self, language=None):
        self.style = _style(language or get_language())

    def decimal(self, value, decimals, grouping=True):
        """`value` with `decimals` digits after the comma: "1.234,5"."""
        rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        style = self.style
        if grouping and style["grouped"]:
            return f"{rounded:,.{decimals}f}".translate(style["grouped"])
        if not grouping or style["ungrouped"]:
            return f"{rounded:.{decimals}f}".replace(".", style["separator"])
        return formats.number_format(
            rounded, decimals, force_grouping=True
        )  # grouped otherwise than by three

    def value(self, value, unit, decimals=1):
        """A value with its unit: "12,3 %", "4,5 ‰", "9.412"; "–" for none."""
        if value is None:
            return NO_VALUE
        if unit == Unit.COUNT and value == int(value):
            return self.decimal(value, 0)
        pattern = self.style.get(unit)
        number = self.decimal(value, decimals)
        return pattern % {"number": number} if pattern else number

    def change(self, value, unit):
        """A change with its sign: "+0,8 Pp." (percentage points), "−12"; "–" for none."""
        if value is None:
            return NO_VALUE
        sign = "+" if value > 0 else "−" if value < 0 else "±"
        number = sign + self.decimal(abs(value), 0 if unit == Unit.COUNT and value == int(value) else 1)
        if unit == Unit.PERCENT:
            return self.style["points"] % {"number": number}
        if unit == Unit.PER_THOUSAND:
            return self.style[Unit.PER_THOUSAND] % {"number": number}
        return number

    def count(self, value):
        return NO_VALUE if value is None else self.decimal(value, 0 if value == int(value) else 1)

    def measure(self, value):
        """A segregation measure or quotient: three decimals; "–" where its formula is 0/0."""
        return NO_VALUE if value is None else self.decimal(value, 3, grouping=False)

    def compared(self, value, town, unit):
        """A district's value against the town's: the difference, or for a number its share of the town's sum."""
        if town is None:
            return NO_VALUE
        if unit == Unit.COUNT:
            if not town:
                return NO_VALUE
            return self.style["share"] % {"share": self.value(value / town * 100, Unit.PERCENT)}
        return self.change(value - town, unit)

    def axis(self, unit):
        """How a chart's value axis writes `unit`."""

        def number(value, decimals):
            return self.value(value, unit, decimals) if unit != Unit.COUNT else self.decimal(value, decimals)

        return number


def shown_measure(value):
    """A segregation measure as the page writes it, in the active language."""
    return Numbers().measure(value)


DIRECTION_SENTENCES = {
    Direction.HIGHER_IS_WORSE: gettext_lazy("Bei diesem Indikator ist ein höherer Wert schlechter."),
    Direction.HIGHER_IS_BETTER: gettext_lazy("Bei diesem Indikator ist ein höherer Wert besser."),
    Direction.NEUTRAL: gettext_lazy("Ein höherer Wert ist hier weder besser noch schlechter."),
}


def direction_sentence(indicator):
    return str(DIRECTION_SENTENCES.get(indicator.direction, DIRECTION_SENTENCES[Direction.NEUTRAL]))


# --- CSV --------------------------------------------------------------------------------------


def csv_cell(value):
    """A cell for a spreadsheet: numbers with a decimal comma (all their digits), texts formula-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value).replace(".", ",")
    return neutralised(str(value))


def csv_file(name, header, table):
    """UTF-8 with a byte order mark and semicolons, as German spreadsheets open it."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(str(heading)) for heading in header])
    for row in table:
        writer.writerow([csv_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _csv_asked(request, tables):
    """The table asked for as CSV (a key of `tables`), None for the page, or a list of problems."""
    kind = request.GET.get("format", "")
    if kind in ("", "html"):
        return None
    if kind != "csv":
        return [
            _("„%(value)s“ ist kein Format: die Seite gibt es als HTML und ihre Tabellen als CSV.")
            % {"value": kind[:20]}
        ]
    table = request.GET.get("tabelle", "") or next(iter(tables))
    if table not in tables:
        return [
            _("Eine Tabelle „%(value)s“ gibt es hier nicht; es gibt: %(tables)s.")
            % {"value": table[:40], "tables": ", ".join(tables)}
        ]
    return table


def _bad_request(request, problems):
    return render(request, "seismograph/bad_request.html", {"problems": problems}, status=400)


def csv_links(tables, choices=()):
    """[(label, address)] of a page's tables as CSV, with the page's `choices` ({name: value} or pairs)."""
    chosen = list(choices.items() if isinstance(choices, dict) else choices)
    return [
        (label, "?" + urlencode([*chosen, ("format", "csv"), ("tabelle", key)]))
        for key, label in tables.items()
    ]


def names_of(districts):
    """{district id: its name as the reader reads it}."""
    return {district.pk: translated(district, "name") for district in districts}


# --- the overview -------------------------------------------------------------------------------

OVERVIEW_TABLES = {"werte": gettext_lazy("Werte der Stadtteile"), "rangfolge": gettext_lazy("Rangfolge")}


@require_safe
def overview(request):
    """One indicator in one period: the map of the districts, their values, the ranking and the town's value.

    What the choices say is settled first (a few small queries); the map, the tables and the town's
    value are computed only when the page's fragment for them is not in the cache for this version
    of the town (`results`, lazy).
    """
    town, language = request.municipality, get_language()
    indicators = dashboard.indicators_of(town, language)
    tables = {key: str(label) for key, label in OVERVIEW_TABLES.items()}
    asked_csv = _csv_asked(request, tables)
    if isinstance(asked_csv, list):
        return _bad_request(request, asked_csv)
    form = OverviewForm(request.GET, indicators=indicators)
    if not form.is_valid() or not indicators:
        form.set_periods([])
        return render(
            request,
            "seismograph/overview.html",
            {"form": form, "indicators": indicators},
            status=400 if form.errors else 200,
        )
    indicator = form.by_key.get(form.cleaned_data["indikator"]) or dashboard.first_shown(indicators)
    periods = dashboard.periods_with_values(town, indicator)
    asked = form.cleaned_data["zeitraum"]
    method = form.cleaned_data["einteilung"] or EQUAL
    period = asked if asked in periods else (periods[-1] if periods else None)

    def results():
        return _overview_results(town, language, indicator, indicators, periods, period, method)

    if asked_csv:
        found = results()
        return _overview_csv(asked_csv, found["found"], found["names"], indicator.unit)
    chosen = {"indikator": indicator.key, "zeitraum": period or "", "einteilung": method}
    # The form keeps the reader's choice ("the latest" stays that); the address to share names the period.
    form = OverviewForm({**chosen, "zeitraum": asked if asked == period else ""}, indicators=indicators)
    form.set_periods(periods)
    form.is_valid()
    return render(
        request,
        "seismograph/overview.html",
        {
            "form": form,
            "indicators": indicators,
            "indicator": indicator,
            "name": translated(indicator, "name"),
            "definition": translated(indicator, "definition"),
            "period": period,
            "previous_period": periods[periods.index(period) - 1]
            if period and periods.index(period)
            else None,
            "method": method,
            "asked_missing": asked if asked and asked != period else "",
            "direction": direction_sentence(indicator),
            "share": request.build_absolute_uri(reverse("seismograph:overview") + "?" + urlencode(chosen)),
            "csv_links": csv_links(tables, chosen),
            "results": SimpleLazyObject(results),
        },
    )


def _overview_results(town, language, indicator, indicators, periods, period, method):
    """The overview's map, tables and town value: what its cached fragment shows."""
    numbers = Numbers(language)
    districts = dashboard.districts_of(town, language)
    # Only the values of the period shown and the one before it (for the change) are read.
    index = periods.index(period) if period else 0
    own, residents = dashboard.values_with_population(
        town, indicator, indicators, periods[max(0, index - 1) : index + 1]
    )
    found = dashboard.overview(indicator, period, districts, own, residents, method=method, periods=periods)
    names = names_of(districts)
    unit = indicator.unit
    urls = district_urls()
    results = {
        "found": found,
        "names": names,
        "rows": _overview_rows(numbers, found, names, unit, urls),
        "ranking": _ranking_rows(numbers, found, names, unit, urls),
        "town_value": numbers.value(found.town.value, unit),
        "town_change": numbers.change(found.town_change, unit),
    }
    if found.period:
        outlines = dashboard.outlines(town)
        results["schematic"] = outlines.schematic
        results["map"], results["legend"] = _map(
            numbers, found, names, outlines, translated(indicator, "name").text, unit, indicator, urls
        )
    return results


def district_urls():
    """{district id: its page} as a function: one `reverse` for a page of a hundred districts."""
    pattern = reverse("seismograph:district", args=[987654321])
    return lambda pk: pattern.replace("987654321", str(pk))


def _overview_rows(numbers, found, names, unit, urls):
    return [
        {
            "district": entry.district,
            "url": urls(entry.district.pk),
            "name": names[entry.district.pk],
            "value": numbers.value(entry.value, unit),
            "fraction": (
                f"{numbers.count(entry.row.numerator)} / {numbers.count(entry.row.denominator)}"
                if entry.row and entry.row.numerator is not None and entry.row.denominator is not None
                else NO_VALUE
            ),
            "change": numbers.change(entry.change, unit),
            "rank": entry.rank or NO_VALUE,
        }
        for entry in found.entries
    ]


def _ranking_rows(numbers, found, names, unit, urls):
    return [
        {
            "district": entry.district,
            "url": urls(entry.district.pk),
            "name": names[entry.district.pk],
            "rank": entry.rank,
            "value": numbers.value(entry.value, unit),
            "gap": numbers.compared(entry.value, found.town.value, unit),
        }
        for entry in found.ranking
    ]


def _map(numbers, found, names, outlines, indicator_name, unit, indicator, urls):
    period = found.period
    areas = [
        charts.Area(
            key=str(entry.district.pk),
            name=names[entry.district.pk].text,
            url=urls(entry.district.pk),
            label=f"{names[entry.district.pk].text}: {numbers.value(entry.value, unit)}",
            step=entry.step,
        )
        for entry in found.entries
    ]
    title = _("Karte: %(indicator)s, %(period)s") % {"indicator": indicator_name, "period": period}
    description = _(
        "Die Stadtteile in fünf Stufen von hell (niedrige Werte) bis dunkel (hohe Werte); schraffiert: "
        "kein Wert. %(direction)s Jeder Stadtteil führt zu seiner Seite; die Zahlen stehen auch in der "
        "Tabelle „Werte der Stadtteile“."
    ) % {"direction": direction_sentence(indicator)}
    svg = charts.choropleth(
        areas,
        outlines,
        chart_id="karte",
        title=title,
        description=description,
        direction=indicator.direction,
        rtl=get_language_bidi(),
    )
    legend = [
        charts.LegendItem(
            _districts(
                _("%(low)s bis %(high)s")
                % {"low": numbers.value(low, unit), "high": numbers.value(high, unit)}
                if low != high
                else numbers.value(low, unit),
                count,
            ),
            charts.shade_swatch(indicator.direction, step),
        )
        for step, low, high, count in dashboard.classes(found.breaks, found.entries)
    ]
    missing = len(found.entries) - found.with_values
    if missing:
        legend.append(
            charts.LegendItem(
                ngettext("kein Wert (%(count)s Stadtteil)", "kein Wert (%(count)s Stadtteile)", missing)
                % {"count": missing},
                charts.empty_swatch("karte"),
            )
        )
    return svg, legend


def _districts(values, count):
    """A class of the legend: its values and how many districts it holds."""
    return ngettext("%(values)s (%(count)s Stadtteil)", "%(values)s (%(count)s Stadtteile)", count) % {
        "values": values,
        "count": count,
    }


def _overview_csv(table, found, names, unit):
    key = found.indicator.key
    if table == "rangfolge":
        return csv_file(
            f"rangfolge-{key}-{found.period or 'ohne-werte'}",
            [_("Rang"), _("Stadtteil"), _("Zeitraum"), _("Wert"), _("Wert der Stadt")],
            [
                (entry.rank, names[entry.district.pk].text, found.period, entry.value, found.town.value)
                for entry in found.ranking
            ],
        )
    return csv_file(
        f"werte-{key}-{found.period or 'ohne-werte'}",
        [
            _("Stadtteil"),
            _("Indikator"),
            _("Zeitraum"),
            _("Wert"),
            _("Zähler"),
            _("Nenner"),
            _("Veränderung seit %(period)s") % {"period": found.previous_period or NO_VALUE},
            _("Rang"),
        ],
        [
            *(
                (
                    names[entry.district.pk].text,
                    key,
                    found.period,
                    entry.value,
                    entry.row.numerator if entry.row else None,
                    entry.row.denominator if entry.row else None,
                    entry.change,
                    entry.rank,
                )
                for entry in found.entries
            ),
            (_("Stadt insgesamt"), key, found.period, found.town.value, None, None, found.town_change, None),
        ],
    )


# --- a district ---------------------------------------------------------------------------------

DISTRICT_TABLES = {"uebersicht": gettext_lazy("Neueste Werte"), "verlauf": gettext_lazy("Verlauf")}


@require_safe
def district(request, pk):
    """A district against the town: per indicator its latest value, the town's, and both over time.

    Sixty indicators make sixty charts and tables: they are computed only when the page's fragment
    for them is not in the cache for this version of the town (`results`, lazy).
    """
    town, language = request.municipality, get_language()
    place = town_object_or_404(District.objects.with_translations(language), request, pk=pk)
    tables = {key: str(label) for key, label in DISTRICT_TABLES.items()}
    asked_csv = _csv_asked(request, tables)
    if isinstance(asked_csv, list):
        return _bad_request(request, asked_csv)
    name = translated(place, "name")

    def lines():
        indicators = dashboard.indicators_of(town, language)
        own = dashboard.rows(dashboard.Observation.objects.for_municipality(town).filter(district=place))
        return indicators, dashboard.district_lines(indicators, own, dashboard.town_table(town, indicators))

    if asked_csv:
        return _district_csv(asked_csv, place, name.text, lines()[1])
    return render(
        request,
        "seismograph/district.html",
        {
            "district": place,
            "name": name,
            "csv_links": csv_links(tables),
            "results": SimpleLazyObject(lambda: _district_results(language, name.text, *lines())),
        },
    )


def _district_results(language, district_name, indicators, lines):
    """The district's page below its heading: what its cached fragment shows."""
    numbers = Numbers(language)
    rtl = get_language_bidi()
    shown_lines = [_district_line(numbers, line, district_name, rtl) for line in lines]
    return {
        "topics": [
            {
                "label": label,
                "lines": lines,
                "id": f"bereich-{index}",
                "table_id": f"bereich-{index}-tabelle",
                "caption": _("%(topic)s: neueste Werte") % {"topic": label},
            }
            for index, (label, lines) in enumerate(
                dashboard.by_topic(shown_lines, lambda each: each["indicator"]), start=1
            )
        ],
        "without": sum(1 for each in indicators if each.has_values) - len(lines),
    }


def _district_line(numbers, line, district_name, rtl):
    """What a district's page shows of one indicator: the latest values, the chart and its table.

    A number of people (or of anything) is compared with the mean of the districts, not with the
    town's sum; the table shows both.
    """
    indicator = line.indicator
    unit = indicator.unit
    name = translated(indicator, "name")
    period, row, town = line.latest
    periods = [point[0] for point in line.points]
    summed = unit == Unit.COUNT
    against = [point[2].per_district if point[2] else None for point in line.points]
    chart = charts.line_chart(
        periods,
        [
            charts.Series(district_name, [_value(point[1]) for point in line.points]),
            charts.Series(_("Mittel der Stadtteile") if summed else _("Stadt insgesamt"), against, town=True),
        ],
        chart_id=f"verlauf-{indicator.key}",
        title=_("%(indicator)s: %(district)s und die Stadt")
        % {"indicator": name.text, "district": district_name},
        description=(
            _(
                "Linien von %(first)s bis %(last)s: der Stadtteil farbig, das Mittel aller Stadtteile schwarz "
                "und dicker. Die Zahlen stehen in der Tabelle darunter."
            )
            if summed
            else _(
                "Linien von %(first)s bis %(last)s: der Stadtteil farbig, die Stadt schwarz und dicker. Die "
                "Zahlen stehen in der Tabelle darunter."
            )
        )
        % {"first": periods[0], "last": periods[-1]},
        number=numbers.axis(unit),
        rtl=rtl,
        width=360,
        height=190,
    )
    town_value = town.value if town else None
    return {
        "indicator": indicator,
        "name": name,
        "caption": _("Verlauf: %(indicator)s") % {"indicator": name.text},
        "table_id": f"tabelle-{indicator.key}",
        "period": period,
        "value": numbers.value(row.value, unit),
        "town": numbers.value(town_value, unit),
        "gap": numbers.compared(row.value, town_value, unit),
        "summed": summed,
        "chart": chart,
        # Sixty of these tables on a page: their rows are written here, not by the template.
        "rows": format_html_join(
            "",
            '<tr class="kern-table__row"><th class="kern-table__cell" scope="row">{}</th>'
            + '<td class="kern-table__cell"><bdi>{}</bdi></td>' * (3 if summed else 2)
            + "</tr>",
            (
                (
                    period,
                    numbers.value(_value(mine), unit),
                    numbers.value(town.value if town else None, unit),
                    *((numbers.value(town.per_district if town else None, unit, 0),) if summed else ()),
                )
                for period, mine, town in line.points
            ),
        ),
        "note": town.note if town else "",
    }


def _district_csv(table, place, name, lines):
    if table == "verlauf":
        return csv_file(
            f"verlauf-stadtteil-{place.pk}",
            [
                _("Indikator"),
                _("Name"),
                _("Zeitraum"),
                _("Stadtteil"),
                _("Wert im Stadtteil"),
                _("Wert der Stadt"),
            ],
            [
                (
                    line.indicator.key,
                    translated(line.indicator, "name").text,
                    period,
                    name,
                    row.value if row else None,
                    town.value if town else None,
                )
                for line in lines
                for period, row, town in line.points
            ],
        )
    return csv_file(
        f"stadtteil-{place.pk}",
        [_("Indikator"), _("Name"), _("Zeitraum"), _("Wert im Stadtteil"), _("Wert der Stadt")],
        [
            (
                line.indicator.key,
                translated(line.indicator, "name").text,
                period,
                row.value,
                town.value if town else None,
            )
            for line in lines
            for period, row, town in [line.latest]
        ],
    )


# --- an indicator -------------------------------------------------------------------------------

INDICATOR_TABLES = {"verlauf": gettext_lazy("Verlauf in den Stadtteilen")}


@require_safe
def indicator(request, key):
    """An indicator: what it measures and where it comes from, and every district over time against the town.

    The lines and the table of every district are computed only when the page's fragment for them
    (and the districts chosen) is not in the cache for this version of the town (`results`, lazy).
    """
    town, language = request.municipality, get_language()
    chosen = town_object_or_404(
        Indicator.objects.select_related("field").with_translations(language), request, key=key
    )
    tables = {key: str(label) for key, label in INDICATOR_TABLES.items()}
    asked_csv = _csv_asked(request, tables)
    if isinstance(asked_csv, list):
        return _bad_request(request, asked_csv)
    districts = dashboard.districts_of(town, language)
    form = LinesForm(request.GET, districts=districts)
    wanted = form.cleaned_data["stadtteil"] if form.is_valid() else set()

    def results():
        return _indicator_results(town, language, chosen, districts, wanted)

    if asked_csv:
        found = results()
        return csv_file(f"verlauf-{chosen.key}", [_("Stadtteil"), *found["periods"]], found["csv"])
    return render(
        request,
        "seismograph/indicator.html",
        {
            "indicator": chosen,
            "name": translated(chosen, "name"),
            "texts": {
                field: translated(chosen, field)
                for field in ("definition", "numerator", "denominator", "source")
            },
            "field_name": translated(chosen.field, "name") if chosen.field else None,
            "direction": direction_sentence(chosen),
            "form": form if len(districts) > MOST_LINES else None,
            "form_errors": form.errors,
            "wanted": ",".join(str(pk) for pk in sorted(wanted)),
            "choices": [
                (district.pk, translated(district, "name"), district.pk in wanted) for district in districts
            ],
            "csv_links": csv_links(tables),
            "overview": reverse("seismograph:overview") + "?" + urlencode({"indikator": chosen.key}),
            "results": SimpleLazyObject(results),
        },
        status=400 if form.errors else 200,
    )


def _indicator_results(town, language, chosen, districts, wanted):
    """The lines, the table and the CSV rows of an indicator: what its cached fragment shows."""
    numbers = Numbers(language)
    indicators = dashboard.indicators_of(town, language)
    own, residents = dashboard.values_with_population(town, chosen, indicators)
    periods = dashboard.periods_of(own)
    series = dashboard.district_series(districts, own)
    town_series = dashboard.town_series(chosen, own, residents)
    names = names_of(districts)
    unit = chosen.unit
    with_values = [district for district in districts if series.get(district.pk)]
    results = {
        "periods": periods,
        "notes": sorted({str(value.note) for value in town_series.values()}),
        "csv": [
            (_("Stadt insgesamt"), *(town_series[period].value for period in periods)),
            *(
                (names[district.pk].text, *(_value(series[district.pk].get(period)) for period in periods))
                for district in with_values
            ),
        ],
    }
    if not periods:
        return results
    drawn = dashboard.chosen_districts(districts, series, periods, wanted, MOST_LINES)
    results["chart"] = charts.line_chart(
        periods,
        [
            charts.Series(_("Stadt insgesamt"), [town_series[period].value for period in periods], town=True),
            *(
                charts.Series(
                    names[district.pk].text, [_value(series[district.pk].get(period)) for period in periods]
                )
                for district in drawn
            ),
        ],
        chart_id="verlauf",
        title=_("%(indicator)s in den Stadtteilen und der Stadt")
        % {"indicator": translated(chosen, "name").text},
        description=_(
            "Linien von %(first)s bis %(last)s: die Stadt schwarz und dicker, %(count)s Stadtteile farbig "
            "(die Legende nennt sie). Alle Zahlen stehen in der Tabelle darunter."
        )
        % {"first": periods[0], "last": periods[-1], "count": len(drawn)},
        number=numbers.axis(unit),
        rtl=get_language_bidi(),
        width=640,
        height=300,
    )
    urls = district_urls()
    # A hundred districts over twenty periods: the cells are written here, not by the template.
    results["table"] = [
        (
            None,
            _("Stadt insgesamt"),
            _cells(numbers, (town_series[period].value for period in periods), unit),
        ),
        *(
            (
                urls(district.pk),
                names[district.pk],
                _cells(numbers, (_value(series[district.pk].get(period)) for period in periods), unit),
            )
            for district in with_values
        ),
    ]
    return results


def _value(row):
    return row.value if row is not None else None


def _cells(numbers, values, unit):
    return format_html_join(
        "",
        '<td class="kern-table__cell"><bdi>{}</bdi></td>',
        ((numbers.value(value, unit),) for value in values),
    )


# --- segregation --------------------------------------------------------------------------------

MEASURE_NAMES = {
    "dissimilarity": gettext_lazy("Dissimilaritätsindex (Duncan & Duncan)"),
    "isolation": gettext_lazy("Isolationsindex"),
    "exposure": gettext_lazy("Kontaktindex (Exposure)"),
    "entropy": gettext_lazy("Entropie-Index (Theils H)"),
    "gini": gettext_lazy("Gini-Index der Segregation"),
}
SEGREGATION_TABLES = {
    "masse": gettext_lazy("Segregationsmaße"),
    "standortquotienten": gettext_lazy("Standortquotienten"),
    "entwicklung": gettext_lazy("Entwicklung der Maße"),
}


@require_safe
def segregation_page(request):
    """How one group lives spread over the districts: the five measures, location quotients, their development.

    The choices are settled from the periods both counts have; the measures of every period are
    computed only when the page's fragment for them is not in the cache for this version of the town
    (`results`, lazy).
    """
    town, language = request.municipality, get_language()
    tables = {key: str(label) for key, label in SEGREGATION_TABLES.items()}
    asked_csv = _csv_asked(request, tables)
    if isinstance(asked_csv, list):
        return _bad_request(request, asked_csv)
    counts = [each for each in dashboard.indicators_of(town, language) if each.is_count]
    form = SegregationForm(request.GET, counts=counts)
    if not form.is_valid() or len(counts) < 2:
        form.set_periods([])
        return render(
            request,
            "seismograph/segregation.html",
            {"form": form, "counts": counts},
            status=400 if form.errors else 200,
        )
    by_key = form.by_key
    group = by_key.get(form.cleaned_data["gruppe"]) or by_key.get(dashboard.GROUP) or counts[0]
    total = by_key.get(form.cleaned_data["gesamt"]) or by_key.get(dashboard.TOTAL) or counts[-1]
    if group == total:
        total = next(each for each in counts if each != group)
    periods = sorted(
        set(dashboard.periods_with_values(town, group)) & set(dashboard.periods_with_values(town, total)),
        key=dashboard.in_time,
    )
    asked = form.cleaned_data["zeitraum"]
    period = asked if asked in periods else (periods[-1] if periods else None)

    def results():
        return _segregation_results(town, language, group, total, period)

    if asked_csv:
        found = results()
        return _segregation_csv(asked_csv, group, total, found["current"], found["periods"], found["names"])
    chosen = {"gruppe": group.key, "gesamt": total.key, "zeitraum": period or ""}
    form = SegregationForm({**chosen, "zeitraum": asked if asked == period else ""}, counts=counts)
    form.set_periods(periods)
    form.is_valid()
    return render(
        request,
        "seismograph/segregation.html",
        {
            "form": form,
            "counts": counts,
            "group": group,
            "group_name": translated(group, "name"),
            "total": total,
            "total_name": translated(total, "name"),
            "period": period,
            "asked_missing": asked if asked and period and asked != period else "",
            "csv_links": csv_links(tables, chosen),
            "share": request.build_absolute_uri(reverse("seismograph:segregation") + "?" + urlencode(chosen)),
            "lq_formula": segregation.FORMULAS["location_quotient"],
            "lq_explanation": segregation.EXPLANATIONS["location_quotient"],
            "results": SimpleLazyObject(results),
        },
    )


def _segregation_results(town, language, group, total, period):
    """The measures of every period and the location quotients of `period`: what the cached fragment shows."""
    numbers = Numbers(language)
    districts = dashboard.districts_of(town, language)
    found = dashboard.rows(
        dashboard.Observation.objects.for_municipality(town).filter(indicator__in=(group, total))
    )
    periods = dashboard.segregation_periods(
        districts,
        [row for row in found if row.indicator_id == group.pk],
        [row for row in found if row.indicator_id == total.pk],
    )
    current = next((each for each in periods if each.period == period), None)
    names = names_of(districts)
    results = {"current": current, "periods": periods, "names": names}
    if not current:
        return results
    results["measures"] = [
        {
            "key": key,
            "name": MEASURE_NAMES[key],
            "value": numbers.measure(current.measures[key]),
            "formula": segregation.FORMULAS[key],
            "explanation": segregation.EXPLANATIONS[key],
        }
        for key in segregation.MEASURES
    ]
    urls = district_urls()
    results["quotients"] = [
        {
            "district": each.district,
            "url": urls(each.district.pk),
            "name": names[each.district.pk],
            "group": numbers.count(each.group),
            "total": numbers.count(each.total),
            "share": numbers.value(each.group / each.total * 100, Unit.PERCENT) if each.total else NO_VALUE,
            "group_lq": numbers.measure(each.group_lq),
            "complement_lq": numbers.measure(each.complement_lq),
            "without_residents": each.without_residents,
        }
        for each in current.quotients
    ]
    results["lacking"] = [names[district.pk] for district in current.lacking]
    results["problem"] = (
        {
            "name": names[current.problem.district.pk],
            "group": numbers.count(current.problem.group),
            "total": numbers.count(current.problem.total),
        }
        if current.problem
        else None
    )
    results["development"] = [
        (each.period, [numbers.measure(each.measures[key]) for key in segregation.MEASURES])
        for each in periods
    ]
    results["measure_names"] = [MEASURE_NAMES[key] for key in segregation.MEASURES]
    if len(periods) > 1:
        results["chart"] = charts.line_chart(
            [each.period for each in periods],
            [
                charts.Series(str(MEASURE_NAMES[key]), [each.measures[key] for each in periods])
                for key in segregation.MEASURES
            ],
            chart_id="entwicklung",
            title=_("Entwicklung der Segregationsmaße"),
            description=_(
                "Fünf Linien von %(first)s bis %(last)s, eine je Maß, auf einer Skala von 0 bis 1. Die "
                "Zahlen stehen in der Tabelle darunter."
            )
            % {"first": periods[0].period, "last": periods[-1].period},
            number=lambda value, decimals: numbers.decimal(value, max(decimals, 1), grouping=False),
            rtl=get_language_bidi(),
            width=640,
            height=280,
        )
    return results


def _segregation_csv(table, group, total, current, periods, names):
    suffix = f"{group.key}-{total.key}"
    if table == "entwicklung":
        return csv_file(
            f"segregation-entwicklung-{suffix}",
            [_("Zeitraum"), *segregation.MEASURES],
            [(each.period, *(each.measures[key] for key in segregation.MEASURES)) for each in periods],
        )
    if current is None:
        return csv_file(f"segregation-{table}-{suffix}", [_("Zeitraum")], [])
    if table == "standortquotienten":
        return csv_file(
            f"segregation-standortquotienten-{suffix}-{current.period}",
            [
                _("Stadtteil"),
                _("Zeitraum"),
                pgettext("segregation", "Gruppe"),
                pgettext("segregation", "Gesamtheit"),
                _("Standortquotient der Gruppe"),
                _("Standortquotient der übrigen Einwohner"),
            ],
            [
                (
                    names[each.district.pk].text,
                    current.period,
                    each.group,
                    each.total,
                    _("keine Einwohner") if each.without_residents else each.group_lq,
                    _("keine Einwohner") if each.without_residents else each.complement_lq,
                )
                for each in current.quotients
            ],
        )
    return csv_file(
        f"segregation-masse-{suffix}-{current.period}",
        [_("Maß"), _("Schlüssel"), _("Zeitraum"), _("Wert"), _("Formel")],
        [
            (str(MEASURE_NAMES[key]), key, current.period, current.measures[key], segregation.FORMULAS[key])
            for key in segregation.MEASURES
        ],
    )
