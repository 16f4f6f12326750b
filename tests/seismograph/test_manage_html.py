"""Every page of the Seismograph's administration is valid HTML, by the Nu Html Checker: each page, each
form with its mistakes, a preview with problems, one with changes and one overtaken by another
import, a rollback to confirm, one refused and one done; some of them in Arabic and Ukrainian."""

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.seismograph.manage import keep_upload
from ankommen.seismograph.models import Indicator
from ankommen.seismograph.services import import_observations, roll_back_import
from tests.html import Pages, assert_valid_html, checker

ROOT = "/verwaltung/seismograph/"
GOOD = (
    b"district;period;indicator;value\nInnenstadt;2023;einwohner_gesamt;5120\nOststadt;2023;sgb2_quote;7,1\n"
)
BAD = b"district;period;indicator;value\nNordstadt;2023;einwohner_gesamt;10\nOststadt;2023;sgb2_quote;viel\n"


def test_every_page_of_the_administration_is_valid_html(client_as, town, people, tmp_path):
    jar = checker()
    pages = Pages(tmp_path)
    admin = client_as("admin")
    system = SystemActor.of(town)
    first = import_observations(town, GOOD, "erste.csv", actor=people["admin"])
    import_observations(town, GOOD.replace(b"5120", b"5200"), "zweite.csv", actor=system)
    gone = import_observations(town, GOOD.replace(b"2023", b"2021"), "dritte.csv", actor=system)
    roll_back_import(gone, actor=system)
    latest = import_observations(town, GOOD.replace(b"2023", b"2020"), "vierte.csv", actor=people["admin"])
    district = District.objects.for_municipality(town).get(name="Innenstadt")
    indicator = Indicator.objects.for_municipality(town).get(key="sgb2_quote")
    changes = keep_upload(
        town, people["admin"], GOOD.replace(b"7,1", b"7,4"), file_name="werte.csv", add_districts=False
    )
    problems = keep_upload(town, people["admin"], BAD, file_name="fehler.csv", add_districts=False)

    for path in [
        ROOT,
        f"{ROOT}stadtteile/",
        f"{ROOT}stadtteile/neu/",
        f"{ROOT}stadtteile/{district.pk}/",
        f"{ROOT}stadtteile/{district.pk}/grenze/",
        f"{ROOT}indikatoren/",
        f"{ROOT}indikatoren/neu/",
        f"{ROOT}indikatoren/{indicator.pk}/",
        f"{ROOT}importe/neu/",
        f"{ROOT}importe/neu/{changes}/",
        f"{ROOT}importe/neu/{problems}/",
        f"{ROOT}importe/",
        f"{ROOT}importe/{latest.pk}/zuruecknehmen/",
        f"{ROOT}importe/{first.pk}/zuruecknehmen/",
        f"{ROOT}importe/{gone.pk}/zuruecknehmen/",
        f"{ROOT}einstellungen/",
    ]:
        pages.get(admin, path)

    pages.post_invalid(
        admin, f"{ROOT}stadtteile/neu/", {"name": "Innenstadt", "position": "1"}, "Stadtteil doppelt", 400
    )
    pages.post_invalid(
        admin,
        f"{ROOT}stadtteile/{district.pk}/grenze/",
        {"geojson": SimpleUploadedFile("grenze.geojson", b'{"type": "Point"}')},
        "Grenze falsch",
        400,
    )
    pages.post_invalid(admin, f"{ROOT}indikatoren/neu/", {"key": "sgb2 quote"}, "Indikator falsch", 400)
    pages.post_invalid(admin, f"{ROOT}importe/neu/", {}, "Keine Datei", 400)
    pages.post_invalid(
        admin, f"{ROOT}einstellungen/", {"z_threshold": "0", "periods_against": "1"}, "Schwellen falsch", 400
    )
    pages.add(
        "Vorschau überholt",
        admin.post(f"{ROOT}importe/neu/{changes}/", {"seen": "0" * 32}),
        status=409,
    )
    pages.add("Zurücknehmen verweigert", admin.post(f"{ROOT}importe/{first.pk}/zuruecknehmen/"), status=400)
    pages.post(admin, f"{ROOT}importe/{latest.pk}/zuruecknehmen/", {}, "Zurückgenommen")

    assert changes == hashlib.sha256(GOOD.replace(b"7,1", b"7,4")).hexdigest()
    pages.get_in_newcomer_languages(
        client_as,
        [("admin", [ROOT, f"{ROOT}importe/", f"{ROOT}importe/neu/{problems}/", f"{ROOT}einstellungen/"])],
    )
    assert_valid_html(jar, pages)
