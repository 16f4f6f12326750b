"""The Seismograph's dashboard in the browser: axe-core, reflow and the HTML checker on every page at 1280
and 320 px, in German and in Arabic; choosing an indicator and a period with the form; the map's
districts are links to their pages; a chart's details open its table; the menu and the breadcrumbs
mark the area."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}


def _district(town, name):
    from ankommen.concept.models import District

    return District.objects.for_municipality(town).get(name=name).pk


def test_the_dashboard_pages_have_no_findings_at_1280_and_320_px(audit, town):
    """axe-core at both widths (and the reflow and HTML checks of `Audit`), German and Arabic."""
    oststadt = _district(town, "Oststadt")
    pages = [
        "/seismograph/",
        "/seismograph/?indikator=sgb2_quote&zeitraum=2023&einteilung=quantile",
        "/seismograph/?indikator=einwohner_gesamt",
        "/seismograph/?indikator=gibt-es-nicht",  # the form with its message, 400
        f"/seismograph/stadtteile/{oststadt}/",
        "/seismograph/indikatoren/sgb2_quote/",
        "/seismograph/indikatoren/wahlbeteiligung/",
        "/seismograph/segregation/",
        "/ar/seismograph/",
        f"/ar/seismograph/stadtteile/{oststadt}/",
        "/ar/seismograph/indikatoren/sgb2_quote/",
        "/ar/seismograph/segregation/",
    ]
    for size in (WIDE, NARROW):
        audit.page.set_viewport_size(size)
        for path in pages:
            audit.visit(path, status=400 if "gibt-es-nicht" in path else 200)
            if "/stadtteile/" in path:
                audit.page.locator("details.seismo-details summary").first.click()
                audit.check(f"{path} with a chart's table open ({size['width']} px)")
    audit.assert_clean()


def test_a_reader_chooses_an_indicator_and_a_period_and_follows_a_district(new_context, site, town):
    page = new_context(viewport=WIDE).new_page()
    page.goto(f"{site}/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Seismograph").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Seismograph: die Stadtteile in Zahlen")
    page.get_by_label("Indikator").select_option("sgb2_quote")
    page.get_by_label("Zeitraum").select_option("2022")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page).to_have_url(re.compile(r"indikator=sgb2_quote&zeitraum=2022"))
    expect(page.get_by_role("heading", level=2, name=re.compile("SGB-II-Quote"))).to_contain_text("2022")
    map_ = page.get_by_role("group", name="Karte: SGB-II-Quote, 2022")
    expect(map_).to_be_visible()
    # Each district on the map is a link named by its value; the table beside it has them too.
    expect(map_.get_by_role("link")).to_have_count(5)
    map_.get_by_role("link", name=re.compile(r"^Oststadt: \d+,\d %$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Oststadt")
    expect(page.get_by_role("heading", level=2, name="Arbeit und soziale Sicherung")).to_be_visible()
    details = page.locator("article", has=page.get_by_role("heading", name="SGB-II-Quote")).locator("details")
    details.locator("summary").click()
    expect(details.get_by_role("table")).to_be_visible()
    expect(details.get_by_role("row", name=re.compile("^2025"))).to_be_visible()


def test_the_breadcrumbs_and_the_menu_mark_the_seismograph(new_context, site, town):
    page = new_context(viewport=WIDE).new_page()
    page.goto(f"{site}/seismograph/indikatoren/sgb2_quote/")
    expect(
        page.get_by_role("navigation", name="Sie sind hier").get_by_role("link", name="Seismograph")
    ).to_be_visible()
    current = page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Seismograph")
    expect(current).to_have_attribute("aria-current", "true")
