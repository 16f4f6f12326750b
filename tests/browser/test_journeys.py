"""The journeys of the first release, clicked through in a real browser against a live server.

Each test asserts what the person sees and the row their clicks changed.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _new_finding(people, title):
    """A finding in the open stocktaking of "Wohnen und Leben" that nobody has supported yet."""
    from ankommen.concept.models import Stage
    from ankommen.dialogue.models import Contribution, ContributionKind, FindingKind

    stage = Stage.objects.get(
        field__slug="wohnen-und-leben", kind="stocktaking", field__municipality__slug="kornwestheim"
    )
    return Contribution.objects.create(
        municipality=stage.municipality,
        field=stage.field,
        stage=stage,
        kind=ContributionKind.FINDING,
        finding_kind=FindingKind.NEED,
        title=title,
        body="Viele Familien wissen nicht, wo sie Hilfe beim Ausfüllen von Anträgen bekommen.",
        author=people["expertin"],
    )


def test_visitor_signs_up_confirms_the_address_and_is_a_member_of_the_town(page, site, town, mailoutbox):
    """In a town with open joining (the demo takes requests: tests/browser/test_open_circle_journeys.py)."""
    from ankommen.accounts.models import Member

    town.open_joining = True
    town.save(update_fields=["open_joining"])

    page.goto(f"{site}/")
    page.get_by_role("link", name="Registrieren").click()
    form = page.locator("main form")
    form.locator("input[name=email]").fill("neu@example.org")
    form.locator("input[name=display_name]").fill("Leyla K.")
    form.locator("input[name=password1]").fill("Ein langes Passwort 2026")
    form.locator("input[name=password2]").fill("Ein langes Passwort 2026")
    form.get_by_role("button", name="Registrieren").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("bestätigen")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["neu@example.org"]
    link = re.search(r"https?://\S+/konto/confirm-email/\S+", mailoutbox[0].body).group(0)

    page.goto(link)
    page.locator("main form").get_by_role("button", name="Bestätigen").click()

    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()
    expect(page.get_by_role("link", name="Mein Profil")).to_be_visible()
    member = Member.objects.get(municipality=town, user__email="neu@example.org")
    assert member.roles == {"member"}
    assert member.user.display_name == "Leyla K."
    assert member.user.emailaddress_set.get().verified


def test_expert_adds_a_finding_to_the_open_stocktaking(page, site, people):
    from ankommen.dialogue.models import Contribution

    log_in(page, site, "expertin")
    page.get_by_role("link", name="Wohnen und Leben").click()
    page.get_by_role("link", name="Befund einbringen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Befund einbringen")
    page.get_by_role("radio", name="Bedarf").check()
    page.get_by_label("Titel").fill("Mietschulden früh erkennen")
    page.get_by_label("Text").fill("Eine Beratung vor der Kündigung hilft mehr als eine danach.")
    page.get_by_role("checkbox", name="Teilhabe").check()
    page.get_by_role("checkbox", name="Oststadt").check()
    page.get_by_role("button", name="Veröffentlichen").click()

    expect(page.get_by_text("Danke! Ihr Beitrag ist veröffentlicht.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mietschulden früh erkennen")
    expect(page.get_by_text("Eine Beratung vor der Kündigung hilft mehr als eine danach.")).to_be_visible()
    finding = Contribution.objects.get(title="Mietschulden früh erkennen")
    assert (finding.kind, finding.finding_kind) == ("finding", "need")
    assert finding.author == people["expertin"]
    assert finding.field.slug == "wohnen-und-leben"
    assert [tag.name for tag in finding.principles.all()] == ["Teilhabe"]
    assert [tag.name for tag in finding.districts.all()] == ["Oststadt"]
    assert not finding.is_hidden


def test_member_comments_and_supports_with_javascript_without_a_page_load(page, site, people):
    from ankommen.dialogue.models import Comment, Support

    finding = _new_finding(people, "Hilfe bei Anträgen fehlt")
    log_in(page, site, "mitglied")
    page.goto(f"{site}{finding.get_absolute_url()}")

    page.get_by_label("Ihr Kommentar").fill("Im Begegnungscafé könnte es eine Sprechstunde dafür geben.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(page.get_by_text("Danke! Ihr Kommentar ist veröffentlicht.")).to_be_visible()
    expect(page.get_by_text("Im Begegnungscafé könnte es eine Sprechstunde dafür geben.")).to_be_visible()
    assert Comment.objects.get(contribution=finding).author == people["mitglied"]

    support = page.locator(f"#unterstuetzung-{finding.pk}")
    expect(support).to_contain_text("0 Unterstützungen")
    page.wait_for_load_state()  # htmx (a deferred script) has taken over the form
    page.evaluate("window.stillTheSamePage = true")
    with page.expect_response(re.compile(r"/unterstuetzen/$")) as answer:
        support.get_by_role("button", name="Unterstützen").click()
    assert answer.value.request.headers.get("hx-request") == "true"
    expect(support).to_contain_text("1 Unterstützung")
    expect(support.get_by_role("button", name="Unterstützt – zurücknehmen")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True
    assert Support.objects.filter(contribution=finding, member=people["mitglied"]).exists()
    finding.refresh_from_db()
    assert finding.support_count == 1


def test_member_comments_and_supports_without_javascript(new_context, site, people):
    from ankommen.dialogue.models import Comment, Support

    finding = _new_finding(people, "Hilfe bei Anträgen fehlt")
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, site, "mitglied")
    page.goto(f"{site}{finding.get_absolute_url()}")

    page.get_by_label("Ihr Kommentar").fill("Ohne JavaScript geht es auch.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(page.get_by_text("Danke! Ihr Kommentar ist veröffentlicht.")).to_be_visible()
    assert Comment.objects.get(contribution=finding).body == "Ohne JavaScript geht es auch."

    support = page.locator(f"#unterstuetzung-{finding.pk}")
    with page.expect_navigation():
        support.get_by_role("button", name="Unterstützen").click()
    expect(support).to_contain_text("1 Unterstützung")
    expect(support.get_by_role("button", name="Unterstützt – zurücknehmen")).to_be_visible()
    assert Support.objects.filter(contribution=finding, member=people["mitglied"]).exists()


def test_moderator_hides_a_reported_contribution_and_visitors_see_the_reason(new_context, site, people):
    from ankommen.core.models import Flag
    from ankommen.dialogue.models import Contribution

    finding = _new_finding(people, "Hilfe bei Anträgen fehlt")
    finding_url = f"{site}{finding.get_absolute_url()}"

    member = log_in(new_context().new_page(), site, "mitglied")
    member.goto(finding_url)
    member.get_by_role("link", name="Beitrag melden").click()
    member.get_by_label("Was ist das Problem?").fill("Hier steht die Handynummer einer Nachbarin.")
    member.get_by_role("button", name="Meldung senden").click()
    expect(member.get_by_text("Danke! Die Moderation sieht sich Ihre Meldung an.")).to_be_visible()
    report = Flag.objects.of(finding).get()
    assert report.reporter == people["mitglied"].user

    moderator = log_in(new_context().new_page(), site, "moderation")
    moderator.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Moderation").click()
    entry = moderator.locator("li", has_text="Hier steht die Handynummer einer Nachbarin.")
    entry.get_by_role("link", name="Ausblenden").click()
    expect(moderator.get_by_role("heading", level=1)).to_have_text("Beitrag ausblenden")
    moderator.get_by_label("Grund für das Ausblenden").fill("Persönliche Daten")
    expect(moderator.get_by_text("Familien wissen nicht")).to_be_visible()  # the whole text, not a snippet
    moderator.get_by_role("button", name="Ausblenden").click()
    expect(moderator.get_by_text("Ausgeblendet. Der Grund ist an der Stelle sichtbar.")).to_be_visible()
    # Back in the queue, where the item no longer waits; the decided reports show the decision.
    expect(moderator.get_by_role("heading", level=1)).to_have_text("Moderation")
    assert moderator.url == f"{site}/moderation/"
    expect(moderator.locator("main")).not_to_contain_text("Hier steht die Handynummer einer Nachbarin.")
    moderator.get_by_role("link", name="Erledigte Meldungen und Entscheidungen").click()
    decided = moderator.locator("li", has_text="Hier steht die Handynummer einer Nachbarin.").first
    expect(decided).to_contain_text("Ausgeblendet von")

    visitor = new_context().new_page()
    visitor.goto(finding_url)
    expect(visitor.get_by_text("ausgeblendet durch die Moderation: Persönliche Daten")).to_be_visible()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Ausgeblendeter Beitrag")
    expect(visitor.locator("main")).not_to_contain_text("Familien wissen nicht")
    expect(visitor.locator("main")).not_to_contain_text("Hilfe bei Anträgen fehlt")

    finding = Contribution.objects.get(pk=finding.pk)
    assert finding.hidden_reason == "Persönliche Daten"
    assert finding.hidden_by == people["moderation"].user
    report.refresh_from_db()
    assert (report.outcome, report.resolved_by) == ("hidden", people["moderation"].user)


def test_admin_creates_a_field_adds_a_stage_and_opens_it(page, site, town):
    from ankommen.concept.models import Field

    today = timezone.localdate()
    log_in(page, site, "admin")
    page.get_by_role("link", name="Verwaltung").click()
    page.get_by_role("link", name="Handlungsfelder und Stufen").click()
    page.get_by_role("link", name="Handlungsfeld anlegen").click()
    page.get_by_label("Name").fill("Gesundheit und Pflege")
    page.get_by_label("Kurzbeschreibung").fill("Arztbesuche, Pflege und Vorsorge verständlich machen.")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Das Handlungsfeld „Gesundheit und Pflege“ ist angelegt.")).to_be_visible()

    page.get_by_role("region", name="Stufen").get_by_role("link", name="Bestandsaufnahme").click()
    expect(page.get_by_label("Art der Stufe")).to_have_value("stocktaking")
    page.get_by_label("Beginn", exact=True).fill(today.isoformat())
    page.get_by_label("Ende", exact=True).fill((today + timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Die Stufe ist angelegt.")).to_be_visible()

    page.get_by_role("button", name=re.compile(r"^Öffnen\s*:\s*Bestandsaufnahme$")).click()
    expect(
        page.get_by_text("Die Stufe „Gesundheit und Pflege: Bestandsaufnahme“ ist geöffnet.")
    ).to_be_visible()
    page.get_by_role("link", name="Öffentliche Seite des Handlungsfelds").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gesundheit und Pflege")
    stages = page.locator("ol.stage-list > li")
    expect(stages).to_have_count(1)
    expect(stages.first).to_contain_text("läuft")

    field = Field.objects.get(municipality=town, slug="gesundheit-und-pflege")
    stage = field.stages.get()
    assert (stage.kind, stage.status) == ("stocktaking", "open")
    assert (stage.starts_on, stage.ends_on) == (today, today + timedelta(days=60))


def test_admin_edits_a_stage_and_keeps_its_dates(page, site, town):
    from ankommen.concept.models import Stage

    stage = Stage.objects.get(field__municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    log_in(page, site, "admin")
    page.goto(f"{site}/verwaltung/handlungsfelder/wohnen-und-leben/")
    page.get_by_role("link", name=re.compile(r"^Bearbeiten\s*:\s*Bestandsaufnahme$")).click()
    page.get_by_label("Beschreibung").fill("Wer weiß, wo es beim Wohnen hakt? Jetzt mitmachen.")
    page.locator("main form.form-narrow").get_by_role("button", name="Speichern").click()

    expect(page.get_by_text("Die Änderungen sind gespeichert.")).to_be_visible(timeout=2_000)
    changed = Stage.objects.get(pk=stage.pk)
    assert changed.description == "Wer weiß, wo es beim Wohnen hakt? Jetzt mitmachen."
    assert (changed.starts_on, changed.ends_on) == (stage.starts_on, stage.ends_on)


def test_multiplier_promotes_an_option_to_a_recommendation(page, site, people):
    from ankommen.dialogue.models import Contribution

    log_in(page, site, "multiplikator")
    page.get_by_role("link", name="Wirtschaft und berufliche Bildung").click()
    page.get_by_role("link", name="Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule").click()
    page.get_by_role("button", name="Zur Handlungsempfehlung erheben").click()

    expect(page.get_by_text("Die Handlungsoption ist jetzt eine Handlungsempfehlung.")).to_be_visible()
    expect(page.locator("article .kern-preline")).to_contain_text("Handlungsempfehlung")
    expect(page.get_by_text("Zur Handlungsempfehlung erhoben von Peter Hoffmann")).to_be_visible()
    expect(page.get_by_role("button", name="Zur Handlungsempfehlung erheben")).to_have_count(0)
    option = Contribution.objects.get(title="Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule")
    assert option.kind == "recommendation"
    assert option.promoted_by == people["multiplikator"]


def test_visitor_switches_to_english_without_a_cookie(page, site, world):
    page.goto(f"{site}/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.get_by_role("navigation", name="Sprache wählen").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{site}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.context.cookies() == []


def test_author_asks_for_a_review_and_a_moderator_shows_the_hidden_finding_again(
    new_context, audit, site, people
):
    from ankommen.core import moderation
    from ankommen.core.models import AuditEntry, ReviewRequest
    from ankommen.dialogue.models import Contribution

    finding = _new_finding(people, "Sprechstunde für Anträge im Rathaus")
    moderation.hide(finding, moderator=people["moderation"], reason="Sieht aus wie Werbung")
    finding_url = f"{site}{finding.get_absolute_url()}"

    author = log_in(new_context().new_page(), site, "expertin")
    author.goto(finding_url)
    author.get_by_role("link", name="Um Überprüfung bitten").click()
    author.get_by_label("Ihre Nachricht an die Moderation (freiwillig)").fill(
        "Die Sprechstunde ist kostenlos."
    )
    author.get_by_role("button", name="Um Überprüfung bitten").click()
    expect(author.get_by_text("Ihre Bitte ist bei der Moderation.")).to_be_visible()

    moderator = log_in(audit.page, site, "moderation")
    menu = moderator.get_by_role("navigation", name="Hauptnavigation")
    with moderator.expect_navigation():
        menu.get_by_role("link", name="Moderation").click()
    audit.check("the queue with a review request")
    entry = moderator.locator("li", has_text="Die Sprechstunde ist kostenlos.")
    entry.get_by_role("link", name="Wieder einblenden").click()
    expect(moderator.get_by_role("heading", level=1)).to_have_text("Wieder einblenden?")
    expect(moderator.get_by_text("ausgeblendet durch die Moderation: Sieht aus wie Werbung")).to_be_visible()
    audit.submit("the confirmation without a reason", status=400, errors=True)
    moderator.get_by_label("Grund für das Wiedereinblenden").fill("Ein kostenloses Angebot der Stadt")
    audit.submit("the contribution shown again")
    expect(moderator.get_by_text("Wieder eingeblendet.")).to_be_visible()
    audit.assert_clean()

    visitor = new_context().new_page()
    visitor.goto(finding_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Sprechstunde für Anträge im Rathaus")
    expect(visitor.locator("main")).not_to_contain_text("ausgeblendet durch die Moderation")

    assert not Contribution.objects.get(pk=finding.pk).is_hidden
    review = ReviewRequest.objects.of(finding).get()
    assert (review.outcome, review.decision) == ("shown", "Ein kostenloses Angebot der Stadt")
    entry = AuditEntry.objects.get(action="contribution.shown", target_id=finding.pk)
    assert (entry.actor, entry.details) == (
        people["moderation"].user,
        {"reason": "Ein kostenloses Angebot der Stadt"},
    )
