"""The council walked in the browser: a field's recommendation becomes a submission, two editors never
overwrite each other, a department co-signs, the committee decides, a measure follows, and the public
reads it all on the field's page in plain words."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIELD = "wirtschaft-und-berufliche-bildung"


def test_a_recommendation_goes_to_the_committee_and_comes_back_as_a_measure(
    new_context, audit, site, town, people
):
    from ankommen.council.models import CoSignature, Decision, Measure, Submission

    admin = audit.page
    log_in(admin, site, "admin")
    admin.goto(f"{site}/verwaltung/vorlagen/neu/?feld={FIELD}")
    audit.check("eine Vorlage aus den Empfehlungen des Felds")
    expect(
        admin.get_by_label(re.compile("Ausbildungspatenschaften durch Ehrenamtliche ausbauen"))
    ).to_be_checked()
    admin.get_by_label("Betreff").fill("Lernpatenschaften für Auszubildende")
    admin.get_by_label("Beschlussvorschlag").fill("Der Ausschuss beschließt, Lernpatenschaften auszubauen.")
    admin.get_by_role("button", name="Speichern").click()
    expect(admin.get_by_text("Die Vorlage ist als Entwurf angelegt.")).to_be_visible()
    submission = Submission.objects.get(subject="Lernpatenschaften für Auszubildende")
    audit.check("ein Entwurf")

    # Two editors at once: the second is told who saved, sees what changed, and loses nothing.
    other = new_context().new_page()
    log_in(other, site, "admin")
    other.goto(f"{site}/verwaltung/vorlagen/{submission.pk}/")
    admin.get_by_role("link", name="Vorlage bearbeiten").click()
    admin.get_by_label("Beteiligung extern").fill("Ehrenamtsbüro")
    admin.get_by_role("button", name="Speichern").click()
    expect(admin.get_by_text("Die Vorlage ist gespeichert.")).to_be_visible()
    other.get_by_label("Finanzielle Auswirkungen").fill("3.000 Euro im Jahr")
    other.get_by_role("button", name="Speichern").click()
    expect(other.get_by_text(re.compile("hat am .* Fassung 2 gespeichert"))).to_be_visible()
    expect(other.get_by_text("Ehrenamtsbüro")).to_be_visible()
    expect(other.get_by_label("Finanzielle Auswirkungen")).to_have_value("3.000 Euro im Jahr")
    other.get_by_role("button", name="Speichern").click()
    expect(other.get_by_text("Die Vorlage ist gespeichert.")).to_be_visible()
    submission.refresh_from_db()
    assert (submission.external_participation, submission.financial_impact) == ("", "3.000 Euro im Jahr")
    assert submission.versions.count() == 3

    admin.reload()
    admin.get_by_role("link", name="Gremium in die Beratungsfolge eintragen").click()
    admin.get_by_label("Gremium").select_option(label="Ausschuss für Soziales und Integration")
    admin.get_by_role("button", name="Speichern").click()
    admin.get_by_role("link", name="Um Mitzeichnung bitten").click()
    admin.get_by_label("Fachbereich").select_option(label="Stadt Kornwestheim – Fachbereich Finanzen")
    admin.get_by_role("button", name="Speichern").click()
    expect(admin.get_by_text("Der Fachbereich ist um Mitzeichnung gebeten.")).to_be_visible()
    expect(admin.get_by_role("link", name="Vorlage freigeben")).to_have_count(0)

    finance = new_context().new_page()
    log_in(finance, site, "verwaltung")
    finance.goto(f"{site}/konto/profil/")
    finance.get_by_role("link", name="Mitzeichnungen meiner Fachbereiche").click()
    finance.get_by_role(
        "link", name=re.compile("Mitzeichnen oder ablehnen.*" + submission.reference.replace("/", "."))
    ).click()
    finance.get_by_label("zeichnet mit", exact=True).check()
    finance.get_by_role("button", name="Speichern").click()
    expect(finance.get_by_text("Ihre Entscheidung für den Fachbereich ist eingetragen.")).to_be_visible()
    signed = CoSignature.objects.get(submission=submission, department__slug="fachbereich-finanzen")
    assert (
        signed.version == Submission.objects.get(pk=submission.pk).version == 4
    )  # the consultation made one

    admin.reload()
    admin.get_by_role("link", name="Vorlage freigeben").click()
    audit.check("die Freigabe, vorher gefragt")
    admin.get_by_role("button", name="Ja, freigeben").click()
    expect(admin.get_by_text("Die Vorlage ist freigegeben und geht an das Gremium.")).to_be_visible()

    admin.get_by_role("link", name=re.compile("^Beschluss eintragen")).click()
    admin.get_by_label("Ergebnis").select_option(label="beschlossen")
    admin.get_by_label("Ja-Stimmen").fill("6")
    admin.get_by_label("Nein-Stimmen").fill("6")
    admin.get_by_label("Enthaltungen").fill("0")
    admin.get_by_role("button", name="Speichern").click()
    expect(admin.get_by_text("Bei Stimmengleichheit ist ein Antrag abgelehnt").first).to_be_visible()
    audit.check("ein Beschluss, der den Stimmen widerspricht")
    admin.get_by_label("Ja-Stimmen").fill("11")
    admin.get_by_label("Nein-Stimmen").fill("1")
    admin.get_by_label("Zusammenfassung in einfachen Worten").fill(
        "Ehrenamtliche begleiten Auszubildende. Die Stadt hilft dabei."
    )
    admin.get_by_role("button", name="Speichern").click()
    expect(admin.get_by_text("Der Beschluss ist eingetragen.")).to_be_visible()
    assert Decision.objects.get(consultation__submission=submission).votes_yes == 11
    admin.get_by_role("link", name="Maßnahme anlegen").click()
    admin.get_by_label("Maßnahme", exact=True).fill("Zwanzig Lernpatenschaften vermitteln")
    admin.get_by_label("fertig bis").fill("2027-09-30")
    admin.get_by_role("button", name="Speichern").click()
    expect(admin.get_by_text("Die Maßnahme ist angelegt.")).to_be_visible()
    assert Measure.objects.get(title="Zwanzig Lernpatenschaften vermitteln").field.slug == FIELD

    visitor = new_context().new_page()
    visitor.goto(f"{site}/handlungsfelder/{FIELD}/")
    section = visitor.locator("section", has_text="Beschluss und Umsetzung")
    expect(
        section.get_by_text("Ehrenamtliche begleiten Auszubildende. Die Stadt hilft dabei.")
    ).to_be_visible()
    expect(section.get_by_role("link", name="Zwanzig Lernpatenschaften vermitteln")).to_be_visible()
    visitor.get_by_role("link", name="Ausbildungspatenschaften durch Ehrenamtliche ausbauen").first.click()
    expect(visitor.get_by_text("beschlossen").first).to_be_visible()
    audit.assert_clean()
