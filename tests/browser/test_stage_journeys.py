"""Opening a second stage in a real browser: a confirmation, the first stage closes, the public page agrees."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_moderator_opens_the_second_stage_in_two_steps_and_the_public_page_agrees(page, site, town):
    from ankommen.concept.models import Stage

    stocktaking = Stage.objects.get(
        field__municipality=town, field__slug="wohnen-und-leben", kind="stocktaking"
    )
    today = timezone.localdate().strftime("%d.%m.%Y")
    log_in(page, site, "moderation")
    page.goto(f"{site}/handlungsfelder/wohnen-und-leben/")
    loads = []
    page.on("load", lambda _page: loads.append(page.url))

    # Step 1: "Öffnen" asks first and names the stage that will close.
    page.get_by_role("button", name=re.compile(r"^Öffnen\s*:\s*Handlungsoptionen")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("„Handlungsoptionen und -empfehlungen“ öffnen?")
    expect(page.get_by_text("läuft gerade die Stufe „Bestandsaufnahme“")).to_be_visible()
    assert Stage.objects.get(pk=stocktaking.pk).status == "open"

    # Step 2: confirming opens it, closes the other, and leads back to the public page.
    page.get_by_role("button", name="Öffnen und „Bestandsaufnahme“ schließen").click()
    expect(page.get_by_text("ist geöffnet; „Bestandsaufnahme“ ist geschlossen.")).to_be_visible()
    assert len(loads) == 2

    stages = page.locator("ol.stage-list > li")
    started = stocktaking.starts_on.strftime("%d.%m.%Y")
    expect(stages.nth(0)).to_contain_text(re.compile(rf"abgeschlossen\s*·\s*{started} bis {today}"))
    expect(stages.nth(1)).to_contain_text(re.compile(rf"läuft\s*·\s*{today} bis"))
    assert list(
        Stage.objects.filter(field=stocktaking.field).order_by("position").values_list("status", flat=True)
    ) == ["closed", "open"]


def test_stage_pages_on_a_phone_keep_every_action_on_screen_and_pass_the_audit(audit, town):
    from ankommen.concept.models import Stage

    options = Stage.objects.get(field__municipality=town, field__slug="wohnen-und-leben", kind="options")
    page = audit.page
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page, audit.site, "admin")
    for path in ("/verwaltung/handlungsfelder/", "/verwaltung/handlungsfelder/wohnen-und-leben/"):
        audit.visit(path)
        actions = page.locator(".table-scroll button, .table-scroll a")
        assert actions.count() >= 6
        for action in actions.all():
            box = action.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (path, action.inner_text(), box)
    audit.visit(f"/stufen/{options.pk}/oeffnen/")
    audit.visit(f"/verwaltung/stufen/{options.pk}/")
    page.get_by_role("checkbox", name="Multiplikator:in: Beiträge einbringen").uncheck()
    page.get_by_role("checkbox", name="Administration: Beiträge einbringen").uncheck()
    audit.submit("nobody may contribute", "Speichern", status=400, errors=True)
    expect(page.get_by_label("Ja, in dieser Stufe bringt niemand Beiträge ein.")).to_be_visible()
    audit.assert_clean()
