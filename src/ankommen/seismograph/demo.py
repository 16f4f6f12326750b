"""The demo town's Seismograph: the shipped catalogue, schematic boundaries of its five districts, and
invented values for 2015 to 2025, imported as a town's statistics office would import them.

The numbers are made up, but shaped like a town of 35,000: more residents without German citizenship
after 2015 and again after 2022, the SGB II rate rising until 2017 and during the pandemic, then
falling — except in the Oststadt, which moves against the town from 2021 on (the warning of a
district drifting away); and in 2025 the Innenstadt's need of language support at school entry far
above every other district (the warning of a strong deviation). Turnout comes from the municipal
elections of 2019 and 2024 only. The boundaries are drawn schematically around Kornwestheim
(`"schematisch": true` in their properties, which the map says); they are no official boundaries.

Loading twice changes nothing: the values come in one import (`services.import_observations`,
as the system), which is not repeated once it is there.
"""

import io
import random
from dataclasses import dataclass

from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.seismograph.models import DistrictShape, ImportRun
from ankommen.seismograph.services import import_observations, install_catalogue

FILE_NAME = "seismograph-demo-stadtteile-2015-2025.csv"
YEARS = range(2015, 2026)

# (lon, lat) corners, counter-clockwise; neighbours share their edges. Pattonville lies apart, to the east.
OUTLINES = {
    "Weststadt": [
        (9.160, 48.852),
        (9.180, 48.855),
        (9.181, 48.868),
        (9.175, 48.873),
        (9.163, 48.871),
        (9.157, 48.861),
    ],
    "Innenstadt": [(9.180, 48.855), (9.193, 48.854), (9.196, 48.867), (9.188, 48.873), (9.181, 48.868)],
    "Oststadt": [(9.193, 48.854), (9.208, 48.853), (9.212, 48.864), (9.204, 48.871), (9.196, 48.867)],
    "Südstadt": [
        (9.160, 48.852),
        (9.166, 48.843),
        (9.185, 48.839),
        (9.203, 48.842),
        (9.208, 48.853),
        (9.193, 48.854),
        (9.180, 48.855),
    ],
    "Pattonville": [(9.219, 48.867), (9.232, 48.866), (9.235, 48.876), (9.223, 48.879), (9.217, 48.873)],
}


def _feature(corners):
    ring = [[lon, lat] for lon, lat in corners] + [[corners[0][0], corners[0][1]]]
    return {
        "type": "Feature",
        "properties": {"schematisch": True},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


@dataclass(frozen=True)
class Profile:
    """A district in 2015: residents and their yearly growth; shares (percent) of residents without
    German citizenship and under 18; rates (percent) of SGB II, unemployment, childcare under 3,
    language support need and social housing; turnout in 2019 and 2024."""

    residents: int
    growth: float
    foreign: float
    young: float
    sgb2: float
    jobless: float
    childcare: float
    language: float
    social: float
    turnout: tuple


DISTRICTS = {
    "Innenstadt": Profile(9350, 0.004, 23.5, 16.2, 8.6, 5.8, 24.0, 24.0, 6.5, (44.1, 41.6)),
    "Weststadt": Profile(7720, 0.003, 14.2, 17.4, 5.1, 3.6, 31.0, 20.0, 3.0, (58.3, 57.2)),
    "Oststadt": Profile(8160, 0.005, 26.8, 18.9, 9.4, 6.4, 21.0, 26.0, 9.0, (41.0, 37.4)),
    "Südstadt": Profile(5880, 0.002, 11.9, 18.1, 4.0, 3.0, 33.0, 18.0, 2.0, (61.2, 60.1)),
    "Pattonville": Profile(2640, 0.011, 17.6, 21.3, 6.2, 4.2, 28.0, 22.0, 4.5, (52.4, 50.3)),
}

# What moved every district alike, by year from 2015 (SGB II and unemployment in percentage points).
SGB2_TREND = (0.0, 0.5, 0.9, 0.6, 0.2, 0.8, 0.5, 0.1, -0.4, -0.8, -1.2)
JOBLESS_TREND = (0.0, -0.2, -0.4, -0.6, -0.7, 0.3, 0.1, -0.4, -0.3, -0.1, 0.1)
# The Oststadt's SGB II rate, year by year: up from 2021 while the town's falls.
OSTSTADT_SGB2 = (9.4, 9.9, 10.3, 10.0, 9.6, 10.3, 10.5, 10.9, 11.4, 12.0, 12.7)
# Children examined at school entry in 2025 and those with an intensive need of language support: the
# Innenstadt far above four districts alike. With five districts a standardised score (population
# standard deviation) reaches at most √4 = 2, and reaches it when the other four are equal: 27.0 %.
LANGUAGE_2025 = {
    "Innenstadt": (96, 45),
    "Weststadt": (74, 20),
    "Oststadt": (89, 24),
    "Südstadt": (63, 17),
    "Pattonville": (37, 10),
}
NATURALISATIONS = {2024: 1.6, 2025: 2.3}  # the new citizenship law of June 2024


def _shares(key, year, noise):
    """Residents, residents without German citizenship and under 18 in `year`."""
    district = DISTRICTS[key]
    since = year - 2015
    # Refugees in 2015/2016 and from 2022 (Ukraine): more residents, more without German citizenship.
    residents = district.residents * (1 + district.growth) ** since
    residents *= 1 + 0.012 * (year >= 2016) + 0.015 * (year >= 2022) + 0.004 * (year >= 2023)
    foreign = (
        district.foreign + 0.3 * since + 1.6 * (year >= 2016) + 2.2 * (year >= 2022) + 0.6 * (year >= 2023)
    )
    foreign += noise(0.25) + 0.12 * since * (key in ("Oststadt", "Innenstadt"))
    young = district.young + 0.08 * since + 0.3 * (year >= 2016) + 0.4 * (year >= 2022)
    residents = round(residents)
    return residents, round(residents * foreign / 100), round(residents * young / 100)


def _fraction(numerator, denominator):
    return round(numerator / denominator * 100, 1)


def lines():
    """The file's lines: district, period, indicator, value, numerator, denominator."""
    jitter = random.Random(2017)  # noqa: S311 (no secret) the small noise of real numbers, the same every time

    def noise(size):
        return jitter.uniform(-size, size)

    for key, district in DISTRICTS.items():
        for index, year in enumerate(YEARS):
            residents, foreign, young = _shares(key, year, noise)
            yield key, year, "einwohner_gesamt", residents, None, None
            yield key, year, "einwohner_nichtdeutsch", foreign, None, None
            yield key, year, "anteil_nichtdeutsch", _fraction(foreign, residents), foreign, residents
            yield key, year, "einwohner_unter_18", young, None, None
            yield key, year, "anteil_unter_18", _fraction(young, residents), young, residents

            under_65 = round(residents * 0.81)
            rate = OSTSTADT_SGB2[index] if key == "Oststadt" else district.sgb2 + SGB2_TREND[index]
            receiving = round(under_65 * rate / 100)
            yield key, year, "sgb2_quote", _fraction(receiving, under_65), receiving, under_65

            working_age = round(residents * 0.66)
            jobless = round(working_age * (district.jobless + JOBLESS_TREND[index] + noise(0.1)) / 100)
            yield key, year, "arbeitslosenquote", _fraction(jobless, working_age), jobless, working_age

            toddlers = round(residents * 0.031)
            cared = round(toddlers * (district.childcare + 1.1 * index + noise(0.8)) / 100)
            yield key, year, "betreuungsquote_unter_3", _fraction(cared, toddlers), cared, toddlers

            examined = round(residents * 0.0095)
            supported = round(examined * (district.language + 0.4 * index + 2.5 * (year >= 2022)) / 100)
            if year == 2025:
                examined, supported = LANGUAGE_2025[key]
            yield (
                key,
                year,
                "sprachfoerderbedarf_einschulung",
                _fraction(supported, examined),
                supported,
                examined,
            )

            naturalised = round(foreign * (0.011 + noise(0.001)) * NATURALISATIONS.get(year, 1.0))
            yield key, year, "einbuergerungen", naturalised, None, None
            yield (
                key,
                year,
                "zuzuege",
                round(residents * (0.092 + 0.0004 * index + 0.02 * (year in (2016, 2022)))),
                None,
                None,
            )
            yield (
                key,
                year,
                "fortzuege",
                round(residents * (0.084 + 0.0006 * index + 0.012 * (year == 2023))),
                None,
                None,
            )

            dwellings = round(residents / 2.05)
            social = district.social - 0.15 * index + (1.2 if key == "Pattonville" and year >= 2021 else 0)
            bound = round(dwellings * social / 100)
            yield key, year, "sozialwohnungen_anteil", _fraction(bound, dwellings), bound, dwellings

            if year in (2019, 2024):
                eligible = round(residents * (0.74 - district.foreign / 200))
                voters = round(eligible * district.turnout[year == 2024] / 100)
                yield key, year, "wahlbeteiligung", _fraction(voters, eligible), voters, eligible


def demo_file():
    """The values as the long layout's CSV (UTF-8, commas, decimal points)."""
    buffer = io.StringIO()
    buffer.write("district,period,indicator,value,numerator,denominator\n")
    for key, year, indicator, value, numerator, denominator in lines():
        cells = [key, str(year), indicator, _number(value), _number(numerator), _number(denominator)]
        buffer.write(",".join(cells) + "\n")
    return buffer.getvalue().encode("utf-8")


def _number(value):
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def load(town, stdout):
    actor = SystemActor.of(town)
    created = install_catalogue(town, actor=actor)
    if created:
        stdout.write(f"Seismograph: {len(created)} Indikatoren aus dem Katalog übernommen.")
    districts = {district.name: district for district in District.objects.for_municipality(town)}
    if not set(DISTRICTS) <= set(districts):
        return  # a town without the demo's districts gets the catalogue only
    shaped = set(DistrictShape.objects.for_municipality(town).values_list("district_id", flat=True))
    DistrictShape.objects.bulk_create(
        DistrictShape(municipality=town, district=districts[name], geojson=_feature(corners))
        for name, corners in OUTLINES.items()
        if districts[name].pk not in shaped
    )
    if ImportRun.objects.for_municipality(town).filter(file_name=FILE_NAME).exists():
        return
    run = import_observations(town, demo_file(), FILE_NAME, actor=actor)
    stdout.write(f"Seismograph: {run.value_count} Werte der Stadtteile von 2015 bis 2025 importiert.")
