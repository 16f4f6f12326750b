"""The Seismograph's signals walked in the browser: a member notes an observation, a moderator takes a warning
up as a finding (into a stocktaking that has ended) and finds the two linked both ways; axe-core, reflow and
the HTML checker on every signals page at 1280 and 320 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NARROW, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1280, "height": 900}


@pytest.fixture
def signals(town):
    from tests.seismograph import cases_signals

    cases_signals.prepare(town)
    return cases_signals


@pytest.mark.parametrize("width", [WIDE["width"], NARROW])
def test_a_member_notes_an_observation(new_context, site, town, signals, width):
    from ankommen.seismograph.models import Signal

    page = new_context(viewport={"width": width, "height": 900}).new_page()
    log_in(page, site, "mitglied")
    page.goto(f"{site}/seismograph/signale/")
    page.get_by_role("link", name="Beobachtung notieren").click()
    expect(page.get_by_role("heading", name="Beobachtung notieren")).to_be_visible()
    page.get_by_label("Stadtteil").select_option(label="Südstadt")
    page.get_by_label("Handlungsfeld").select_option(label="Wohnen und Leben")
    page.get_by_role("button", name="Beobachtung speichern").click()
    expect(page.get_by_text("Dieses Feld ist zwingend erforderlich.").first).to_be_visible()
    text = "Am Spielplatz Südstadt treffen sich abends Jugendliche, für die es sonst keinen Ort gibt."
    page.get_by_label("Ihre Beobachtung").fill(text)
    page.get_by_role("button", name="Beobachtung speichern").click()
    expect(
        page.get_by_text("Danke! Ihre Beobachtung steht jetzt bei den Signalen des Seismographen.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Südstadt · Beobachtung")).to_be_visible()
    expect(page.get_by_text(text)).to_be_visible()
    assert Signal.objects.filter(text=text, author__user__email__startswith="mitglied@").count() == 1
    page.get_by_role("link", name="Zurück zu den Signalen").click()
    expect(page.get_by_role("link", name="Südstadt · Beobachtung")).to_be_visible()


@pytest.mark.parametrize("width", [WIDE["width"], NARROW])
def test_a_moderator_takes_a_warning_up_as_a_finding_and_both_link_to_each_other(
    new_context, site, town, signals, width
):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    log_in(page, site, "moderation")
    page.goto(f"{site}/seismograph/signale/")
    listed = page.locator(".contribution-list")
    # Far from the others in 2024, and against the town from 2021 to 2024: each named by its periods.
    expect(listed.get_by_role("link", name="Oststadt · SGB-II-Quote · 2024", exact=True)).to_have_count(1)
    expect(listed.get_by_role("link", name="Oststadt · SGB-II-Quote · 2021–2024", exact=True)).to_have_count(
        1
    )
    page.goto(f"{site}{signals.warning().get_absolute_url()}")
    expect(page.get_by_text("2,0 Standardabweichungen darüber")).to_be_visible()
    page.get_by_role("link", name="Als Befund übernehmen").click()
    expect(
        page.get_by_text("Die Bestandsaufnahme ist gerade nicht geöffnet; der Befund kommt trotzdem hinein.")
    ).to_be_visible()
    title = page.get_by_label("Titel des Befunds")
    expect(title).to_have_value("Präventionsmöglichkeit prüfen: Oststadt · SGB-II-Quote · 2024")
    title.fill("Präventionsmöglichkeit prüfen: Arbeit im Stadtteil")
    page.get_by_role("button", name="Als Befund übernehmen").click()
    expect(page.get_by_text("Das Signal ist jetzt ein Befund in der Bestandsaufnahme.")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Präventionsmöglichkeit prüfen: Arbeit im Stadtteil")
    ).to_be_visible()
    expect(page.get_by_text("Problem", exact=False).first).to_be_visible()
    page.get_by_role("link", name="Oststadt · SGB-II-Quote · 2024", exact=True).click()
    expect(page.get_by_text("Als Befund übernommen", exact=True)).to_be_visible()
    expect(
        page.get_by_role("link", name="Präventionsmöglichkeit prüfen: Arbeit im Stadtteil")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Als Befund übernehmen")).to_have_count(0)


def test_the_signals_pages_have_no_findings_at_1280_and_320_px(audit, site, town, signals):
    """axe-core at both widths (and the reflow and HTML checks of `Audit`) for a member and a moderator."""
    page = audit.page
    warning = signals.warning().get_absolute_url()
    against = signals.warning(rule="against_town").get_absolute_url()
    observation = signals.observation().get_absolute_url()
    log_in(page, site, "mitglied")
    for width in (WIDE["width"], NARROW):
        page.set_viewport_size({"width": width, "height": 900})
        for path in [
            "/seismograph/signale/",
            "/seismograph/signale/?stand=erledigt",
            warning,
            against,
            observation,
        ]:
            audit.visit(path)
        audit.visit("/seismograph/signale/beobachtung/")
        audit.submit(f"the empty observation form ({width} px)", status=400, errors=True)

    page.context.clear_cookies()  # logged out: the login page again
    log_in(page, site, "moderation")
    pk = re.search(r"/(\d+)/$", warning)[1]
    for width in (WIDE["width"], NARROW):
        page.set_viewport_size({"width": width, "height": 900})
        audit.visit(warning)
        audit.visit(f"/seismograph/signale/{pk}/befund/")
        audit.visit(f"/seismograph/signale/{pk}/verwerfen/")
        audit.submit(f"dismissing without a reason ({width} px)", status=400, errors=True)
        audit.visit("/seismograph/signale/beobachtung/")
    audit.assert_clean()
