"""The Seismograph's manage pages, each pinned to its exact query count (see tests/queries.py).

The lists grow: districts (with boundaries and values), indicators (with values), imports (each
with its values, some rolled back). The preview reads the admin's kept file (`cases_manage.prepare`)
and checks it against the town's data, which grow too: as many districts, indicators and values
make it no dearer.
"""

import pytest

from ankommen.concept.models import District
from ankommen.seismograph.models import DistrictShape, ImportRun, ImportStatus, Indicator, Observation
from tests.queries import Page, pin
from tests.seismograph import cases_manage
from tests.seismograph.cases_manage import ROOT, SQUARE

TOWN = "kornwestheim"


def _number():
    return District.objects.count() + Indicator.objects.count() + ImportRun.objects.count() + 1


def add_imports(town, people, count):
    """Imports by the admin, each with a value; every other one rolled back."""
    district = District.objects.for_municipality(town).first()
    indicator = Indicator.objects.for_municipality(town).get(key="einwohner_gesamt")
    for index in range(count):
        number = _number()
        rolled_back = index % 2 == 1
        run = ImportRun.objects.create(
            municipality=town,
            started_by=people["admin"],
            file_name=f"werte-{number}.csv",
            file_format="csv",
            layout="long",
            value_count=1,
            new_count=1,
            status=ImportStatus.ROLLED_BACK if rolled_back else ImportStatus.APPLIED,
            rolled_back_by=people["admin"] if rolled_back else None,
        )
        if not rolled_back:
            Observation.objects.create(
                municipality=town,
                district=district,
                indicator=indicator,
                period=str(2100 + number % 100),
                period_start=f"{2100 + number % 100}-01-01",
                value=number,
                import_run=run,
            )


def add_districts(town, people, count):
    """Districts, every other one with a boundary, each with a value of the prepared import."""
    run = ImportRun.objects.for_municipality(town).get(file_name="werte-1999.csv")
    indicator = Indicator.objects.for_municipality(town).get(key="einwohner_gesamt")
    for index in range(count):
        district = District.objects.create(municipality=town, name=f"Stadtteil {_number()}", position=50)
        if index % 2 == 0:
            DistrictShape.objects.create(municipality=town, district=district, geojson=SQUARE)
        Observation.objects.create(
            municipality=town,
            district=district,
            indicator=indicator,
            period="1999",
            period_start="1999-01-01",
            value=10,
            import_run=run,
        )


def add_indicators(town, people, count):
    """Indicators in two topics, each with a value of the prepared import."""
    run = ImportRun.objects.for_municipality(town).get(file_name="werte-1999.csv")
    district = District.objects.for_municipality(town).first()
    for index in range(count):
        number = _number()
        indicator = Indicator.objects.create(
            municipality=town,
            key=f"eigener_indikator_{number}",
            name=f"Eigener Indikator {number}",
            topic="housing" if index % 2 else "work",
        )
        Observation.objects.create(
            municipality=town,
            district=district,
            indicator=indicator,
            period="1999",
            period_start="1999-01-01",
            value=number,
            import_run=run,
        )


def add_data(town, people, count):
    add_districts(town, people, count)
    add_indicators(town, people, count)


def _district():
    return District.objects.get(municipality__slug=TOWN, name="Innenstadt")


def _indicator():
    return Indicator.objects.get(municipality__slug=TOWN, key="sgb2_quote")


def _run():
    return ImportRun.objects.get(municipality__slug=TOWN, file_name="werte-1999.csv")


PAGES = [
    Page("the Seismograph's data", "admin", lambda: ROOT, (10, 10), add_data),
    Page("the districts", "admin", lambda: f"{ROOT}stadtteile/", (7, 7), add_districts),
    Page("the new district form", "admin", lambda: f"{ROOT}stadtteile/neu/", (4, 4)),
    Page("a district's form", "admin", lambda: f"{ROOT}stadtteile/{_district().pk}/", (5, 5)),
    Page("a district's boundary", "admin", lambda: f"{ROOT}stadtteile/{_district().pk}/grenze/", (5, 5)),
    Page("the indicators", "admin", lambda: f"{ROOT}indikatoren/", (6, 6), add_indicators),
    Page("the indicators in English", "admin", lambda: f"/en{ROOT}indikatoren/", (6, 6), add_indicators),
    Page("the new indicator form", "admin", lambda: f"{ROOT}indikatoren/neu/", (6, 6)),
    Page("an indicator's form", "admin", lambda: f"{ROOT}indikatoren/{_indicator().pk}/", (9, 9)),
    Page("the upload form", "admin", lambda: f"{ROOT}importe/neu/", (4, 4)),
    Page("the preview", "admin", lambda: f"{ROOT}importe/neu/{cases_manage.token()}/", (7, 7), add_data),
    Page("the imports", "admin", lambda: f"{ROOT}importe/", (6, 6), add_imports),
    Page(
        "a rollback's confirmation",
        "admin",
        lambda: f"{ROOT}importe/{_run().pk}/zuruecknehmen/",
        (9, 9),
        add_districts,
    ),
    Page("the thresholds", "admin", lambda: f"{ROOT}einstellungen/", (5, 5)),
]


@pytest.fixture(autouse=True)
def _prepared(town):
    cases_manage.prepare(town)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
