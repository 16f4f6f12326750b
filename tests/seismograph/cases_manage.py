"""The permission cases of the Seismograph's manage pages (see test_permissions.py).

Only the town's admins keep the Seismograph's data; every other role, a visitor and another
town's admin are refused on every page and every button. `prepare` gives the cases what the demo
lacks: an import to list and roll back (values for 1999, which no demo has), a file the admin
uploaded and has not yet confirmed (`PREVIEWED`, kept in the private storage under the admin's
folder); installing the catalogue finds one of its indicators renamed (`_catalogue_lacking_one`).
"""

import hashlib
import json

from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.accounts.demo import members_by_local_part
from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.core.models import Municipality
from ankommen.seismograph.imports import check_file
from ankommen.seismograph.manage import fingerprint, keep_upload
from ankommen.seismograph.models import DistrictShape, ImportRun, Indicator, SeismographSettings
from ankommen.seismograph.services import import_observations
from tests.permissions import ADMIN, Case

TOWN = "kornwestheim"
ROOT = "/verwaltung/seismograph/"
RENAMED = "wahlbeteiligung"  # a catalogue key no case file uses

IMPORTED = b"district,period,indicator,value\nInnenstadt,1999,einwohner_gesamt,5000\nOststadt,1999,einwohner_gesamt,4000\n"
PREVIEWED = b"district,period,indicator,value\nInnenstadt,1999,einwohner_gesamt,5100\nWeststadt,1999,einwohner_gesamt,3000\n"
PREVIEWED_NAME = "neue-werte.csv"

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[9.17, 48.86], [9.19, 48.86], [9.19, 48.88], [9.17, 48.88], [9.17, 48.86]]],
}

OPEN_TO_EVERYONE = frozenset()


def _town():
    return Municipality.objects.get(slug=TOWN)


def prepare(town):
    """An import to roll back, and the admin's file waiting for confirmation."""
    if not ImportRun.objects.for_municipality(town).filter(file_name="werte-1999.csv").exists():
        import_observations(town, IMPORTED, "werte-1999.csv", actor=SystemActor.of(town))
    keep_upload(town, _admin(town), PREVIEWED, file_name=PREVIEWED_NAME, add_districts=False)


def _admin(town):
    return members_by_local_part(town)["admin"]


def token():
    """The address of the admin's kept file names it by its SHA-256."""
    return hashlib.sha256(PREVIEWED).hexdigest()


def seen():
    """What the admin's preview showed, as its confirmation sends it back."""
    return {"seen": fingerprint(check_file(_town(), PREVIEWED, PREVIEWED_NAME))}


def _catalogue_lacking_one():
    """The address that installs the catalogue, once one of its indicators is renamed: installing has one to add.

    Renamed here, as the address is looked up (before the matrix's snapshot), not in `prepare`: the
    signals' preparation installs the whole catalogue after this module's.
    """
    Indicator.objects.filter(municipality__slug=TOWN, key=RENAMED).update(key=f"{RENAMED}_alt")
    return f"{ROOT}indikatoren/katalog/"


def _district(name="Innenstadt"):
    return District.objects.get(municipality__slug=TOWN, name=name)


def _indicator(key="sgb2_quote"):
    return Indicator.objects.get(municipality__slug=TOWN, key=key)


def _run():
    return ImportRun.objects.get(municipality__slug=TOWN, file_name="werte-1999.csv")


def geojson_upload():
    return {
        "geojson": SimpleUploadedFile(
            "innenstadt.geojson", json.dumps(SQUARE).encode(), "application/geo+json"
        )
    }


def values_upload():
    return {
        "file": SimpleUploadedFile("werte.csv", PREVIEWED, "text/csv"),
        "add_districts": "",
    }


def indicator_data(**changes):
    """The form of an indicator as it is, with `changes`."""
    indicator = _indicator(changes.pop("of", "sgb2_quote"))
    data = {
        "key": indicator.key,
        "name": indicator.name,
        "definition": indicator.definition,
        "numerator": indicator.numerator,
        "denominator": indicator.denominator,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "topic": indicator.topic,
        "field": str(indicator.field_id or ""),
        "source": indicator.source,
        "is_count": "on" if indicator.is_count else "",
        "position": str(indicator.position),
    }
    return {**data, **changes}


def new_indicator_data():
    return indicator_data(
        key="kitaplaetze_je_100",
        name="Kitaplätze je 100 Kinder unter 6 Jahren",
        definition="Genehmigte Plätze in Kindertageseinrichtungen je 100 Kinder unter 6 Jahren.",
        numerator="Genehmigte Plätze",
        denominator="Kinder unter 6 Jahren",
        unit="count",
        direction="higher_is_better",
        source="Kreisjugendamt",
        is_count="",
        position="99",
    )


CASES = [
    Case("see the Seismograph's data", "get", lambda: ROOT, ADMIN),
    # districts
    Case("see the districts", "get", lambda: f"{ROOT}stadtteile/", ADMIN),
    Case("see the new district form", "get", lambda: f"{ROOT}stadtteile/neu/", ADMIN),
    Case(
        "add a district",
        "post",
        lambda: f"{ROOT}stadtteile/neu/",
        ADMIN,
        {"name": "Nordstadt", "position": "9"},
        lambda: District.objects.count(),
    ),
    Case("see a district's form", "get", lambda: f"{ROOT}stadtteile/{_district().pk}/", ADMIN),
    Case(
        "rename a district",
        "post",
        lambda: f"{ROOT}stadtteile/{_district('Weststadt').pk}/",
        ADMIN,
        {"name": "Weststadt und Hohenstange", "position": "2"},
        lambda: list(District.objects.order_by("pk").values_list("name", flat=True)),
    ),
    Case(
        "see a district's boundary form", "get", lambda: f"{ROOT}stadtteile/{_district().pk}/grenze/", ADMIN
    ),
    Case(
        "upload a district's boundary",
        "post",
        lambda: f"{ROOT}stadtteile/{_district().pk}/grenze/",
        ADMIN,
        geojson_upload,
        # The district's boundary is the one uploaded (the demo's districts have one already).
        lambda: DistrictShape.objects.filter(district=_district()).values_list("geojson", flat=True).first(),
    ),
    # indicators
    Case("see the indicators", "get", lambda: f"{ROOT}indikatoren/", ADMIN),
    Case(
        "install the shipped catalogue",
        "post",
        _catalogue_lacking_one,
        ADMIN,
        {},
        lambda: Indicator.objects.count(),
    ),
    Case("see the new indicator form", "get", lambda: f"{ROOT}indikatoren/neu/", ADMIN),
    Case(
        "add an indicator",
        "post",
        lambda: f"{ROOT}indikatoren/neu/",
        ADMIN,
        new_indicator_data,
        lambda: Indicator.objects.count(),
    ),
    Case("see an indicator's form", "get", lambda: f"{ROOT}indikatoren/{_indicator().pk}/", ADMIN),
    Case(
        "change an indicator",
        "post",
        lambda: f"{ROOT}indikatoren/{_indicator().pk}/",
        ADMIN,
        lambda: indicator_data(source="Jobcenter Landkreis Ludwigsburg, Stichtag 31.12."),
        lambda: _indicator().source,
    ),
    # importing values
    Case("see the upload form", "get", lambda: f"{ROOT}importe/neu/", ADMIN),
    # Keeps the file for the preview (in the private storage), writes no row.
    Case(
        "upload a file of values", "post", lambda: f"{ROOT}importe/neu/", ADMIN, values_upload, writes=False
    ),
    Case("see the preview of an uploaded file", "get", lambda: f"{ROOT}importe/neu/{token()}/", ADMIN),
    Case(
        "save the values of an uploaded file",
        "post",
        lambda: f"{ROOT}importe/neu/{token()}/",
        ADMIN,
        seen,
        lambda: ImportRun.objects.count(),
    ),
    Case("see the imports", "get", lambda: f"{ROOT}importe/", ADMIN),
    Case(
        "see the confirmation of a rollback",
        "get",
        lambda: f"{ROOT}importe/{_run().pk}/zuruecknehmen/",
        ADMIN,
    ),
    Case(
        "roll an import back",
        "post",
        lambda: f"{ROOT}importe/{_run().pk}/zuruecknehmen/",
        ADMIN,
        {},
        lambda: _run().status,
    ),
    # the thresholds of the warnings
    Case("see the thresholds", "get", lambda: f"{ROOT}einstellungen/", ADMIN),
    Case(
        "change the thresholds",
        "post",
        lambda: f"{ROOT}einstellungen/",
        ADMIN,
        {"z_threshold": "2,5", "periods_against": "4"},
        lambda: list(SeismographSettings.objects.values_list("z_threshold", "periods_against")),
    ),
]
