"""The translator's journey in a real browser: from the work list to a saved translation and its state."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import remove_translations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _boxes(page, row):
    """The German text's and the translation field's boxes within one row of the editor."""
    section = page.locator("section.translation-row").filter(
        has=page.get_by_role("heading", name=row, exact=True)
    )
    return (
        section.locator(".translation-row__source .translation-row__text").bounding_box(),
        section.locator(
            ".translation-row__target textarea, .translation-row__target input[type=text]"
        ).first.bounding_box(),
    )


def test_translator_translates_a_text_from_the_work_list_and_sees_its_state(audit, site, town):
    from ankommen.concept.models import Field
    from ankommen.core.models import Translation

    remove_translations()
    wohnen = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    page = audit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, site, "uebersetzung")
    steps = 0

    page.goto(f"{site}/verwaltung/uebersetzungen/")
    page.get_by_role("link", name="Englisch").click()
    steps += 1
    audit.check("the work list in English")
    page.get_by_label("Art des Textes", exact=True).select_option(label="Handlungsfelder")
    page.get_by_role("button", name="Filter anwenden").click()
    steps += 1
    work_list = page.locator("ul.translation-work-list")
    work_list.get_by_role("link", name="Wohnen und Leben").first.click()
    steps += 1

    expect(page.get_by_role("heading", level=1)).to_have_text("Wohnen und Leben")
    audit.check("the editor")
    expect(page.locator(".translation-places").get_by_role("link")).to_have_text(
        ["Handlungsfeld Wohnen und Leben"]
    )
    german, field = _boxes(page, "Kurzbeschreibung")
    assert abs(german["y"] - field["y"]) < 2, "the German and its translation start at the same height"
    assert german["x"] + german["width"] <= field["x"], "the German on the left, the translation beside it"
    summary = page.locator("section.translation-row").filter(
        has=page.get_by_role("heading", name="Kurzbeschreibung", exact=True)
    )
    expect(summary.get_by_role("radio", name="fehlt")).to_be_checked()

    summary.get_by_label("Kurzbeschreibung in der Übersetzung").fill(
        "Housing, neighbourhood and meeting places."
    )
    summary.get_by_role("radio", name="geprüft").check()
    page.locator("form.translation-editor").get_by_role("button", name="Speichern").click()
    steps += 1

    expect(page.get_by_text("Gespeichert.")).to_be_visible()
    expect(summary.get_by_text("Übersetzung: geprüft")).to_be_visible()
    expect(summary.get_by_role("radio", name="geprüft")).to_be_checked()
    row = Translation.objects.get(
        content_type__model="field", object_id=wohnen.pk, field="summary", language="en"
    )
    assert (row.text, row.state) == ("Housing, neighbourhood and meeting places.", "reviewed")
    assert steps == 4, "language, kind of text, text, save"

    page.set_viewport_size({"width": 390, "height": 900})
    german, field = _boxes(page, "Kurzbeschreibung")
    assert german["y"] + german["height"] <= field["y"], "on a phone the German stands above its translation"
    assert field["width"] > 300 and german["width"] > 300, "full width, not squeezed into half"
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    audit.check("the editor on a phone")
    audit.assert_clean()
