"""An admin answers a recommendation and takes the field's results away; the pages on the way pass axe-core."""

import csv
import io

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIELD = "Wirtschaft und berufliche Bildung"
RECOMMENDATION = "Ausbildungspatenschaften durch Ehrenamtliche ausbauen"


def test_admin_answers_a_recommendation_and_downloads_the_fields_export(audit, site, people):
    from ankommen.dialogue.answers import Answer

    page = audit.page
    log_in(page, site, "admin")
    page.get_by_role("link", name=FIELD).first.click()
    page.get_by_role("link", name=RECOMMENDATION).click()
    expect(page.get_by_role("heading", name="Offizielle Antwort")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Antwort ändern").click()
    audit.check("Antwort geben")

    page.get_by_label("nicht weiterverfolgt").check()
    audit.submit("Antwort ohne Begründung", "Antwort veröffentlichen", status=400, errors=True)
    expect(
        page.get_by_text("Bitte begründen Sie, warum der Beitrag nicht weiterverfolgt wird.", exact=True)
    ).to_be_visible()

    page.locator("#id_text").fill("Für 2027 fehlt das Geld; wir fragen die Bürgerstiftung.")
    audit.submit("Antwort veröffentlicht", "Antwort veröffentlichen")
    expect(page.get_by_text("Die Antwort ist veröffentlicht.")).to_be_visible()
    answer_section = page.locator("section", has=page.get_by_role("heading", name="Offizielle Antwort"))
    expect(answer_section.get_by_text("nicht weiterverfolgt", exact=True)).to_be_visible()
    expect(answer_section.get_by_text("Antwort von Sabine Keller").first).to_be_visible()
    answer_section.get_by_text("2 frühere Antworten").click()  # the demo's two answers stay readable
    expect(answer_section.get_by_text("Das Ehrenamtsbüro kann 20 Patenschaften begleiten.")).to_be_visible()
    current = Answer.objects.get(contribution__title=RECOMMENDATION, is_current=True)
    assert (current.state, current.author, current.number) == ("not_pursued", people["admin"], 3)

    with page.expect_navigation():
        page.get_by_role("link", name=f"Zurück zu {FIELD}").click()
    audit.check("Handlungsfeld mit Antworten")
    expect(page.get_by_text("nicht weiterverfolgt: 2")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV-Datei").click()
    content = download.value.path().read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = {row[1]: row for row in csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")}
    assert rows[RECOMMENDATION][9:] == [
        "nicht weiterverfolgt",
        "Für 2027 fehlt das Geld; wir fragen die Bürgerstiftung.",
    ]
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel-Datei (XLSX)").click()
    assert download.value.suggested_filename == "wirtschaft-und-berufliche-bildung-ergebnisse.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert [cell.value for cell in sheet[1]][9:] == ["Stand der Antwort", "Antwort"]

    with page.expect_navigation():
        page.get_by_role("link", name="Druckansicht").click()
    audit.check("Druckansicht")
    expect(page.get_by_text("Für 2027 fehlt das Geld; wir fragen die Bürgerstiftung.")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    audit.assert_clean()
