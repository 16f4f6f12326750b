"""Every page template of the product, checked with axe-core against WCAG 2.0/2.1 A and AA.

One test per role: it logs in once through the real form, walks that role's pages (and their
error states) and reports every violation of every page at once.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _contribution(title):
    from ankommen.dialogue.models import Contribution

    return Contribution.objects.get(title=title, municipality__slug="kornwestheim")


def _open_stage(slug):
    from ankommen.concept.models import Stage

    return Stage.objects.get(field__slug=slug, field__municipality__slug="kornwestheim", status="open")


def test_visitor_pages_have_no_accessibility_violations(audit, people):
    from ankommen.accounts.models import Invitation

    invitation = Invitation.objects.create(
        municipality=people["admin"].municipality,
        email="neu@example.org",
        role="expert",
        message="Wir freuen uns auf Ihre Erfahrung aus der Wohnungslosenhilfe.",
        invited_by=people["admin"].user,
    )
    housing = _contribution("Lange Wartezeiten auf eine Sozialwohnung")  # with a hidden comment

    audit.visit("/")
    audit.visit("/en/")
    audit.visit("/handlungsfelder/wirtschaft-und-berufliche-bildung/")
    audit.visit("/handlungsfelder/wohnen-und-leben/?finding_kind=problem")
    audit.visit("/handlungsfelder/fruehkindliche-und-schulische-bildung/")
    audit.visit(housing.get_absolute_url())
    audit.visit(reverse("accounts:invitation", args=[invitation.token]))
    audit.visit("/gibt-es-nicht/", status=404)
    for name in ("imprint", "privacy", "terms", "accessibility", "easy_language", "sign_language"):
        audit.visit(reverse(f"legal:{name}"))
    audit.visit(reverse("legal:report_barrier"))
    audit.submit("Barriere melden (leer abgeschickt)", status=400, errors=True)
    audit.visit("/sprachen/")
    audit.visit(reverse("concept:help"))
    audit.visit(reverse("concept:help_page", args=["sprachen"]))
    audit.assert_clean()


def test_account_pages_have_no_accessibility_violations(audit, site, mailoutbox):
    audit.visit("/konto/signup/")
    audit.submit("/konto/signup/ (leer abgeschickt)", errors=True)
    form = audit.page.locator("main form")
    form.locator("input[name=email]").fill("neu@example.org")
    form.locator("input[name=display_name]").fill("Leyla K.")
    form.locator("input[name=password1]").fill("Ein langes Passwort 2026")
    form.locator("input[name=password2]").fill("Ein langes Passwort 2026")
    audit.submit("/konto/signup/ (abgeschickt: Adresse bestätigen)")
    audit.visit(_link_in(mailoutbox.pop(), site))
    audit.page.context.clear_cookies()

    audit.visit("/konto/password/reset/")
    audit.page.locator("main form input[name=email]").fill("mitglied@demo.ankommen.example")
    audit.submit("/konto/password/reset/ (abgeschickt)")
    audit.visit(_link_in(mailoutbox.pop(), site))  # choosing a new password

    audit.visit("/konto/login/")
    audit.page.locator("main form input[name=login]").fill("mitglied@demo.ankommen.example")
    audit.page.locator("main form input[name=password]").fill("falsches Passwort")
    audit.submit("/konto/login/ (falsches Passwort)", errors=True)
    audit.page.context.clear_cookies()  # the form's token has no cookie to match: the CSRF failure page
    audit.submit("/konto/login/ (ohne CSRF-Cookie)", status=403)
    audit.assert_clean()


def _link_in(mail, site):
    """The path of the first link to this site in a mail."""
    return re.search(rf"{re.escape(site)}(/\S+)", mail.body).group(1)


def test_member_pages_have_no_accessibility_violations(audit, site):
    neighbourhood = _contribution("Nachbarschaftshilfe in der Weststadt trägt")
    log_in(audit.page, site, "mitglied")

    audit.visit(neighbourhood.get_absolute_url())
    audit.submit(
        f"{neighbourhood.get_absolute_url()} (leerer Kommentar)",
        "Kommentar veröffentlichen",
        status=400,
        errors=True,
    )
    support_button = audit.page.locator(".support form button")
    label_before = support_button.inner_text()
    support_button.click()  # htmx swaps the support block
    expect(support_button).not_to_have_text(label_before)
    audit.check(f"{neighbourhood.get_absolute_url()} (nach dem Unterstützen, htmx)")
    audit.visit(reverse("core:flag", args=["beitraege", neighbourhood.pk]))
    audit.submit("Meldeformular (leer abgeschickt)", "Meldung senden", status=400, errors=True)
    audit.visit(reverse("accounts:profile"))
    audit.visit("/konto/email/")
    audit.visit("/konto/password/change/")
    audit.visit("/verwaltung/", status=403)
    audit.visit("/konto/logout/")
    audit.assert_clean()


def test_expert_pages_have_no_accessibility_violations(audit, site):
    stage = _open_stage("wohnen-und-leben")
    log_in(audit.page, site, "expertin")

    audit.visit(reverse("dialogue:add", args=[stage.field.slug, stage.pk]))
    audit.submit("Befund einbringen (leer abgeschickt)", "Veröffentlichen", status=400, errors=True)
    audit.assert_clean()


def test_moderator_pages_have_no_accessibility_violations(audit, site):
    from ankommen.dialogue.models import Comment

    housing = _contribution("Lange Wartezeiten auf eine Sozialwohnung")
    café = _contribution("Begegnungscafé im Stadtteilzentrum")  # reported in the demo
    comment = Comment.objects.filter(contribution=housing, hidden_at__isnull=True).first()
    log_in(audit.page, site, "moderation")

    audit.visit(reverse("core:moderation"))
    audit.visit(housing.get_absolute_url())  # moderators see the hidden comment's text
    audit.visit(reverse("core:hide", args=["kommentare", comment.pk]))
    audit.visit(reverse("core:hide", args=["beitraege", café.pk]))
    audit.submit("Beitrag ausblenden (leer abgeschickt)", "Ausblenden", status=400, errors=True)
    audit.assert_clean()


def test_admin_pages_have_no_accessibility_violations(audit, site, people):
    stage = _open_stage("wohnen-und-leben")
    today = timezone.localdate()
    log_in(audit.page, site, "admin")

    audit.visit(reverse("core:administration"))
    audit.visit(reverse("concept:fields"))
    audit.visit(reverse("concept:field_create"))
    audit.submit("Handlungsfeld anlegen (leer abgeschickt)", "Speichern", status=400, errors=True)
    audit.visit(reverse("concept:field_edit", args=["wohnen-und-leben"]))
    audit.visit(reverse("concept:stage_create", args=["wohnen-und-leben"]) + "?kind=decision")
    audit.page.get_by_label("Beginn", exact=True).fill(today.isoformat())
    audit.page.get_by_label("Ende", exact=True).fill((today - timedelta(days=1)).isoformat())
    audit.submit("Stufe anlegen (Ende vor Beginn)", "Speichern", status=400, errors=True)
    audit.visit(reverse("concept:stage_edit", args=[stage.pk]))
    audit.visit(reverse("concept:help_manage"))
    audit.visit(reverse("concept:help_page_create"))
    audit.submit("Hilfeseite anlegen (leer abgeschickt)", "Speichern", status=400, errors=True)
    audit.visit(reverse("accounts:invite"))
    audit.submit("Person einladen (leer abgeschickt)", "Einladung senden", status=400, errors=True)
    audit.page.get_by_label("E-Mail-Adresse", exact=True).fill("neu@example.org")
    audit.submit("Person einladen (abgeschickt)", "Einladung senden")  # lands on the member list
    audit.visit(reverse("accounts:member_edit", args=[people["multiplikator"].pk]))
    audit.visit(reverse("accounts:members") + "?text=e&role=multiplier&sector=&state=active")
    audit.visit(reverse("accounts:members") + "?role=kaiser", status=400)
    audit.visit(reverse("accounts:member_deactivate", args=[people["nachbarschaft"].pk]))
    audit.visit(reverse("concept:field_archive", args=["wohnen-und-leben"]))
    audit.visit(reverse("concept:stage_archive", args=[stage.pk]))
    audit.visit(reverse("core:audit"))
    audit.visit(reverse("core:audit") + "?action=member.invited")
    for name in (
        "manage",
        "imprint_edit",
        "privacy_edit",
        "accessibility_edit",
        "easy_language_edit",
        "barrier_queue",
    ):
        audit.visit(reverse(f"legal:{name}"))
    audit.visit(reverse("legal:sign_language_edit", args=["inhalte"]))
    audit.visit(reverse("core:translations"))
    audit.visit(reverse("core:translation_list", args=["ar"]))
    audit.visit(reverse("core:translation_import", args=["ar"]))
    audit.assert_clean()
