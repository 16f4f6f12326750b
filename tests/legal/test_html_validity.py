"""Every page of the legal app is valid HTML, by the Nu Html Checker (see tests/html.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.legal.models import BarrierReport, NonAccessibleContent, TermsVersion
from tests.html import Pages, assert_valid_html, checker
from tests.legal.conftest import mp4_bytes


def test_every_legal_page_is_valid_html(client_as, town, tmp_path):
    jar = checker()
    pages = Pages(tmp_path)
    old = TermsVersion.objects.get(municipality=town, number="1")
    report = BarrierReport.objects.for_municipality(town).for_queue().first()
    item = NonAccessibleContent.objects.for_municipality(town).first()

    admin = client_as("admin")
    admin.post(
        "/verwaltung/rechtliches/gebaerdensprache/navigation/",
        {
            "video": SimpleUploadedFile("dgs.mp4", mp4_bytes(75)),
            "description": "Die Navigation in Gebärdensprache.",
        },
    )
    for path in [
        "/verwaltung/rechtliches/",
        "/verwaltung/rechtliches/impressum/",
        "/verwaltung/rechtliches/datenschutz/",
        "/verwaltung/rechtliches/nutzungsbedingungen/neu/",
        "/verwaltung/rechtliches/barrierefreiheit/",
        "/verwaltung/rechtliches/barrierefreiheit/inhalte/neu/",
        f"/verwaltung/rechtliches/barrierefreiheit/inhalte/{item.pk}/",
        "/verwaltung/rechtliches/leichte-sprache/",
        "/verwaltung/rechtliches/gebaerdensprache/navigation/",
        "/verwaltung/rechtliches/gebaerdensprache/inhalte/",
        "/verwaltung/barrieren/",
        f"/verwaltung/barrieren/{report.pk}/",
    ]:
        pages.get(admin, path)
    pages.post_invalid(
        admin, "/verwaltung/rechtliches/impressum/", {"body_name": ""}, "Impressum, leer", status=400
    )
    pages.post_invalid(
        admin,
        "/verwaltung/rechtliches/gebaerdensprache/inhalte/",
        {"description": ""},
        "Video, leer",
        status=400,
    )
    pages.post_invalid(
        admin, f"/verwaltung/barrieren/{report.pk}/", {"note": ""}, "Erledigen, leer", status=400
    )

    visitor = client_as(None)
    for path in [
        "/impressum/",
        "/datenschutz/",
        "/nutzungsbedingungen/",
        old.get_absolute_url(),
        "/barrierefreiheit/",
        "/barrierefreiheit/barriere-melden/",
        "/barrierefreiheit/barriere-melden/danke/",
        "/leichte-sprache/",
        "/gebaerdensprache/",
        "/en/impressum/",
        "/uk/impressum/",
        "/ar/datenschutz/",
        "/de-simple/nutzungsbedingungen/",
        "/fa/barrierefreiheit/",
    ]:
        pages.get(visitor, path)
    pages.post_invalid(
        visitor,
        "/barrierefreiheit/barriere-melden/",
        {"subject": "", "message": ""},
        "Barriere, leer",
        status=400,
    )

    assert_valid_html(jar, pages)
