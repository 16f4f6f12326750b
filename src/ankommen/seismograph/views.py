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
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import get_language, get_language_bidi, ngettext, pgettext
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


def decimal(value, decimals, grouping=True):
    """`value` with `decimals` digits after the comma in the reader's format, rounded half up
    (Django's `number_format` cuts the digits off instead)."""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return formats.number_format(rounded, decimals, force_grouping=grouping)


def shown(value, unit, decimals=1):
    """A value in the reader's format, with its unit: "12,3 %", "4,5 ‰", "9.412"; "–" for none."""
    if value is None:
        return NO_VALUE
    if unit == Unit.COUNT and value == int(value):
        return decimal(value, 0)
    number = decimal(value, decimals)
    if unit == Unit.PERCENT:
        return _("%(number)s %%") % {"number": number}
    if unit == Unit.PER_THOUSAND:
        return _("%(number)s ‰") % {"number": number}
    return number


def shown_change(value, unit):
    """A change with its sign: "+0,8 Pp." (percentage points), "−12"; "–" for none."""
    if value is None:
        return NO_VALUE
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    number = decimal(abs(value), 0 if unit == Unit.COUNT and value == int(value) else 1)
    if unit == Unit.PERCENT:
        return _("%(number)s Pp.") % {"number": f"{sign}{number}"}
    if unit == Unit.PER_THOUSAND:
        return _("%(number)s ‰") % {"number": f"{sign}{number}"}
    return f"{sign}{number}"


def shown_count(value):
    return NO_VALUE if value is None else decimal(value, 0 if value == int(value) else 1)


def shown_measure(value):
    """A segregation measure or quotient: three decimals; "–" where its formula is 0/0."""
    return NO_VALUE if value is None else decimal(value, 3, grouping=False)


def axis_number(unit):
    def number(value, decimals):
        return shown(value, unit, decimals) if unit != Unit.COUNT else decimal(value, decimals)

    return number


DIRECTION_SENTENCES = {
    Direction.HIGHER_IS_WORSE: _("Bei diesem Indikator ist ein höherer Wert schlechter."),
    Direction.HIGHER_IS_BETTER: _("Bei diesem Indikator ist ein höherer Wert besser."),
    Direction.NEUTRAL: _("Ein höherer Wert ist hier weder besser noch schlechter."),
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


def csv_links(request, tables):
    """[(label, address)] of a page's tables as CSV, with the page's choices."""
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("tabelle", None)
    links = []
    for key, label in tables.items():
        query["format"], query["tabelle"] = "csv", key
        links.append((label, f"?{query.urlencode()}"))
    return links


def names_of(districts):
    """{district id: its name as the reader reads it}."""
    return {district.pk: translated(district, "name") for district in districts}


def _has_schematic(shapes):
    return any(
        isinstance(geometry, dict) and (geometry.get("properties") or {}).get("schematisch")
        for geometry in shapes.values()
    )


# --- the overview -------------------------------------------------------------------------------

OVERVIEW_TABLES = {"werte": _("Werte der Stadtteile"), "rangfolge": _("Rangfolge")}


@require_safe
def overview(request):
    """One indicator in one period: the map of the districts, their values, the ranking and the town's value."""
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
    districts = dashboard.districts_of(town, language)
    own, residents = dashboard.values_with_population(town, indicator, indicators)
    periods = dashboard.periods_of(own)
    form.set_periods(periods)
    asked = form.cleaned_data["zeitraum"]
    method = form.cleaned_data["einteilung"] or EQUAL
    found = dashboard.overview(indicator, asked or None, districts, own, residents, method=method)
    names = names_of(districts)
    unit = indicator.unit
    if asked_csv:
        return _overview_csv(asked_csv, found, names, unit)
    chosen = {"indikator": indicator.key, "zeitraum": found.period or "", "einteilung": method}
    # The form keeps the reader's choice ("the latest" stays that); the address to share names the period.
    form = OverviewForm({**chosen, "zeitraum": asked if asked == found.period else ""}, indicators=indicators)
    form.set_periods(periods)
    form.is_valid()
    shapes = dashboard.shapes_of(town)
    name = translated(indicator, "name")
    context = {
        "form": form,
        "indicators": indicators,
        "indicator": indicator,
        "name": name,
        "definition": translated(indicator, "definition"),
        "found": found,
        "asked_missing": asked if asked and asked != found.period else "",
        "rows": _overview_rows(found, names, unit),
        "ranking": _ranking_rows(found, names, unit),
        "town_value": shown(found.town.value, unit),
        "town_change": shown_change(found.town_change, unit),
        "unit": unit,
        "direction": direction_sentence(indicator),
        "schematic": _has_schematic(shapes),
        "share": request.build_absolute_uri(reverse("seismograph:overview") + "?" + urlencode(chosen)),
        "csv_links": csv_links(request, tables),
        "others": len(districts) - found.with_values,
    }
    if found.period:
        context["map"], context["legend"] = _map(found, names, shapes, name.text, unit, indicator)
    return render(request, "seismograph/overview.html", context)


def _overview_rows(found, names, unit):
    return [
        {
            "district": entry.district,
            "name": names[entry.district.pk],
            "value": shown(entry.value, unit),
            "fraction": (
                f"{shown_count(entry.row.numerator)} / {shown_count(entry.row.denominator)}"
                if entry.row and entry.row.numerator is not None and entry.row.denominator is not None
                else NO_VALUE
            ),
            "change": shown_change(entry.change, unit),
            "rank": entry.rank or NO_VALUE,
        }
        for entry in found.entries
    ]


def compared(value, town, unit):
    """A district's value against the town's: the difference, or for a number its share of the town's sum."""
    if town is None:
        return NO_VALUE
    if unit == Unit.COUNT:
        return (
            _("%(share)s der Stadt") % {"share": shown(value / town * 100, Unit.PERCENT)}
            if town
            else NO_VALUE
        )
    return shown_change(value - town, unit)


def _ranking_rows(found, names, unit):
    return [
        {
            "district": entry.district,
            "name": names[entry.district.pk],
            "rank": entry.rank,
            "value": shown(entry.value, unit),
            "gap": compared(entry.value, found.town.value, unit),
        }
        for entry in found.ranking
    ]


def _map(found, names, shapes, indicator_name, unit, indicator):
    period = found.period
    areas = [
        charts.Area(
            key=str(entry.district.pk),
            name=names[entry.district.pk].text,
            url=reverse("seismograph:district", args=[entry.district.pk]),
            geometry=shapes.get(entry.district.pk),
            label=f"{names[entry.district.pk].text}: {shown(entry.value, unit)}",
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
        chart_id="karte",
        title=title,
        description=description,
        direction=indicator.direction,
        rtl=get_language_bidi(),
    )
    legend = [
        charts.LegendItem(
            _districts(
                _("%(low)s bis %(high)s") % {"low": shown(low, unit), "high": shown(high, unit)}
                if low != high
                else shown(low, unit),
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

DISTRICT_TABLES = {"uebersicht": _("Neueste Werte"), "verlauf": _("Verlauf")}


@require_safe
def district(request, pk):
    """A district against the town: per indicator its latest value, the town's, and both over time."""
    town, language = request.municipality, get_language()
    place = town_object_or_404(District.objects.with_translations(language), request, pk=pk)
    tables = {key: str(label) for key, label in DISTRICT_TABLES.items()}
    asked_csv = _csv_asked(request, tables)
    if isinstance(asked_csv, list):
        return _bad_request(request, asked_csv)
    indicators = dashboard.indicators_of(town, language)
    own = dashboard.rows(dashboard.Observation.objects.for_municipality(town).filter(district=place))
    table = dashboard.town_table(town, indicators)
    lines = dashboard.district_lines(indicators, own, table)
    name = translated(place, "name")
    if asked_csv:
        return _district_csv(asked_csv, place, name.text, lines)
    rtl = get_language_bidi()
    shown_lines = [_district_line(line, name.text, rtl) for line in lines]
    return render(
        request,
        "seismograph/district.html",
        {
            "district": place,
            "name": name,
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
            "csv_links": csv_links(request, tables),
        },
    )


def _district_line(line, district_name, rtl):
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
        number=axis_number(unit),
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
        "value": shown(row.value, unit),
        "town": shown(town_value, unit),
        "gap": compared(row.value, town_value, unit),
        "summed": summed,
        "chart": chart,
        "points": [
            (
                point,
                shown(_value(mine), unit),
                shown(town.value if town else None, unit),
                shown(town.per_district if town else None, unit, 0),
            )
            for point, mine, town in line.points
        ],
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

INDICATOR_TABLES = {"verlauf": _("Verlauf in den Stadtteilen")}


@require_safe
def indicator(request, key):
    """An indicator: what it measures and where it comes from, and every district over time against the town."""
    town, language = request.municipality, get_language()
    chosen = town_object_or_404(
        Indicator.objects.select_related("field").with_translations(language), request, key=key
    )
    tables = {key: str(label) for key, label in INDICATOR_TABLES.items()}
    asked_csv = _csv_asked(request, tables)
    if isinstance(asked_csv, list):
        return _bad_request(request, asked_csv)
    indicators = dashboard.indicators_of(town, language)
    districts = dashboard.districts_of(town, language)
    own, residents = dashboard.values_with_population(town, chosen, indicators)
    periods = dashboard.periods_of(own)
    series = dashboard.district_series(districts, own)
    town_series = dashboard.town_series(chosen, own, residents)
    names = names_of(districts)
    unit = chosen.unit
    with_values = [district for district in districts if series.get(district.pk)]
    if asked_csv:
        return csv_file(
            f"verlauf-{chosen.key}",
            [_("Stadtteil"), *periods],
            [
                (_("Stadt insgesamt"), *(town_series[period].value for period in periods)),
                *(
                    (
                        names[district.pk].text,
                        *(_value(series[district.pk].get(period)) for period in periods),
                    )
                    for district in with_values
                ),
            ],
        )
    form = LinesForm(request.GET, districts=with_values)
    status = 200
    if not form.is_valid():
        status = 400
        wanted = set()
    else:
        wanted = form.cleaned_data["stadtteil"]
    name = translated(chosen, "name")
    context = {
        "indicator": chosen,
        "name": name,
        "texts": {
            field: translated(chosen, field) for field in ("definition", "numerator", "denominator", "source")
        },
        "field_name": translated(chosen.field, "name") if chosen.field else None,
        "direction": direction_sentence(chosen),
        "periods": periods,
        "form": form if len(with_values) > MOST_LINES else None,
        "form_errors": form.errors if status == 400 else None,
        "csv_links": csv_links(request, tables),
        "notes": sorted({str(value.note) for value in town_series.values()}),
        "overview": reverse("seismograph:overview") + "?" + urlencode({"indikator": chosen.key}),
    }
    if periods:
        drawn = dashboard.chosen_districts(districts, series, periods, wanted, MOST_LINES)
        context["chart"] = charts.line_chart(
            periods,
            [
                charts.Series(
                    _("Stadt insgesamt"), [town_series[period].value for period in periods], town=True
                ),
                *(
                    charts.Series(
                        names[district.pk].text,
                        [_value(series[district.pk].get(period)) for period in periods],
                    )
                    for district in drawn
                ),
            ],
            chart_id="verlauf",
            title=_("%(indicator)s in den Stadtteilen und der Stadt") % {"indicator": name.text},
            description=_(
                "Linien von %(first)s bis %(last)s: die Stadt schwarz und dicker, %(count)s Stadtteile farbig "
                "(die Legende nennt sie). Alle Zahlen stehen in der Tabelle darunter."
            )
            % {"first": periods[0], "last": periods[-1], "count": len(drawn)},
            number=axis_number(unit),
            rtl=get_language_bidi(),
            width=640,
            height=300,
        )
        context["drawn"] = len(drawn)
        context["table"] = [
            (None, _("Stadt insgesamt"), [shown(town_series[period].value, unit) for period in periods]),
            *(
                (
                    district,
                    names[district.pk],
                    [shown(_value(series[district.pk].get(period)), unit) for period in periods],
                )
                for district in with_values
            ),
        ]
    return render(request, "seismograph/indicator.html", context, status=status)


def _value(row):
    return row.value if row is not None else None


# --- segregation --------------------------------------------------------------------------------

MEASURE_NAMES = {
    "dissimilarity": _("Dissimilaritätsindex (Duncan & Duncan)"),
    "isolation": _("Isolationsindex"),
    "exposure": _("Kontaktindex (Exposure)"),
    "entropy": _("Entropie-Index (Theils H)"),
    "gini": _("Gini-Index der Segregation"),
}
SEGREGATION_TABLES = {
    "masse": _("Segregationsmaße"),
    "standortquotienten": _("Standortquotienten"),
    "entwicklung": _("Entwicklung der Maße"),
}


@require_safe
def segregation_page(request):
    """How one group lives spread over the districts: the five measures, location quotients, their development."""
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
    districts = dashboard.districts_of(town, language)
    found = dashboard.rows(
        dashboard.Observation.objects.for_municipality(town).filter(indicator__in=(group, total))
    )
    periods = dashboard.segregation_periods(
        districts,
        [row for row in found if row.indicator_id == group.pk],
        [row for row in found if row.indicator_id == total.pk],
    )
    form.set_periods([each.period for each in periods])
    asked = form.cleaned_data["zeitraum"]
    current = next((each for each in periods if each.period == asked), periods[-1] if periods else None)
    names = names_of(districts)
    if asked_csv:
        return _segregation_csv(asked_csv, group, total, current, periods, names)
    chosen = {"gruppe": group.key, "gesamt": total.key, "zeitraum": current.period if current else ""}
    form = SegregationForm(
        {**chosen, "zeitraum": asked if current and asked == current.period else ""}, counts=counts
    )
    form.set_periods([each.period for each in periods])
    form.is_valid()
    context = {
        "form": form,
        "counts": counts,
        "group": group,
        "group_name": translated(group, "name"),
        "total": total,
        "total_name": translated(total, "name"),
        "current": current,
        "asked_missing": asked if asked and current and asked != current.period else "",
        "csv_links": csv_links(request, tables),
        "share": request.build_absolute_uri(reverse("seismograph:segregation") + "?" + urlencode(chosen)),
        "lq_formula": segregation.FORMULAS["location_quotient"],
        "lq_explanation": segregation.EXPLANATIONS["location_quotient"],
    }
    if current:
        context["measures"] = [
            {
                "key": key,
                "name": MEASURE_NAMES[key],
                "value": shown_measure(current.measures[key]),
                "formula": segregation.FORMULAS[key],
                "explanation": segregation.EXPLANATIONS[key],
            }
            for key in segregation.MEASURES
        ]
        context["quotients"] = [
            {
                "district": each.district,
                "name": names[each.district.pk],
                "group": shown_count(each.group),
                "total": shown_count(each.total),
                "share": shown(each.group / each.total * 100, Unit.PERCENT) if each.total else NO_VALUE,
                "group_lq": shown_measure(each.group_lq),
                "complement_lq": shown_measure(each.complement_lq),
                "without_residents": each.without_residents,
            }
            for each in current.quotients
        ]
        context["lacking"] = [names[district.pk] for district in current.lacking]
        context["problem"] = (
            {
                "name": names[current.problem.district.pk],
                "group": shown_count(current.problem.group),
                "total": shown_count(current.problem.total),
            }
            if current.problem
            else None
        )
        context["development"] = [
            (each.period, [shown_measure(each.measures[key]) for key in segregation.MEASURES])
            for each in periods
        ]
        context["measure_names"] = [MEASURE_NAMES[key] for key in segregation.MEASURES]
        if len(periods) > 1:
            context["chart"] = charts.line_chart(
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
                number=lambda value, decimals: decimal(value, max(decimals, 1), grouping=False),
                rtl=get_language_bidi(),
                width=640,
                height=280,
            )
    return render(request, "seismograph/segregation.html", context)


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
