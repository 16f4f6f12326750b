"""An author edits and then withdraws their contribution, in a real browser; axe checks each page on the way."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_author_edits_and_then_withdraws_a_contribution(audit, site, people):
    from ankommen.concept.models import Stage
    from ankommen.core.models import Revision
    from ankommen.dialogue.models import Contribution

    stage = Stage.objects.get(
        field__slug="wohnen-und-leben", kind="stocktaking", field__municipality__slug="kornwestheim"
    )
    contribution = Contribution.objects.create(
        municipality=stage.municipality,
        field=stage.field,
        stage=stage,
        kind="finding",
        finding_kind="need",
        title="Formularhilfe fehlt",
        body="Viele Familien wissen nicht, wo sie Hilfe beim Ausfüllen bekommen.",
        author=people["expertin"],
    )
    page = audit.page
    log_in(page, site, "expertin")

    audit.visit(contribution.get_absolute_url())
    page.get_by_role("link", name="Beitrag bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beitrag bearbeiten")
    audit.check("Beitrag bearbeiten")
    page.get_by_label("Titel").fill("Formularhilfe im Stadtteil fehlt")
    page.locator("main form").get_by_role("button", name="Speichern").click()

    expect(page.get_by_text("Ihre Änderung ist gespeichert.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Formularhilfe im Stadtteil fehlt")
    expect(page.locator("article .meta").first).to_contain_text("bearbeitet am")
    audit.check("Beitrag nach dem Bearbeiten")
    assert Revision.objects.get(content_type__model="contribution", object_id=contribution.pk).texts == {
        "title": "Formularhilfe fehlt"
    }

    page.get_by_role("link", name="Beitrag zurückziehen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beitrag zurückziehen?")
    audit.check("Beitrag zurückziehen?")
    assert Contribution.objects.get(pk=contribution.pk).withdrawn_at is None  # asked first, nothing done
    page.locator("main form").get_by_role("button", name="Beitrag zurückziehen").click()

    expect(page.get_by_text("Ihr Beitrag ist zurückgezogen.")).to_be_visible()
    expect(page.locator(".hidden-trace")).to_contain_text("vom Verfasser zurückgezogen am")
    expect(page.get_by_role("link", name="Beitrag bearbeiten")).to_have_count(0)
    audit.check("zurückgezogener Beitrag")
    assert Contribution.objects.get(pk=contribution.pk).withdrawn_at is not None

    page.get_by_role("button", name="Abmelden").click()
    audit.visit("/handlungsfelder/wohnen-und-leben/")
    expect(page.get_by_text("Zurückgezogener Beitrag").first).to_be_visible()
    expect(page.get_by_text("Formularhilfe im Stadtteil fehlt")).to_have_count(0)
    audit.assert_clean()
