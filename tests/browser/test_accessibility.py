"""The states a crawl cannot reach by address, checked like every crawled page.

test_crawl.py visits every page in every language; this covers what lies behind a mail's link,
an htmx swap or a missing CSRF cookie, and a form sent successfully. Each page gets axe-core,
the 320 px reflow check and the HTML checker (see `Audit` in conftest.py).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _contribution(title):
    from ankommen.dialogue.models import Contribution

    return Contribution.objects.get(title=title, municipality__slug="kornwestheim")


def _open_stage(slug):
    from ankommen.concept.models import Stage

    return Stage.objects.get(field__slug=slug, field__municipality__slug="kornwestheim", status="open")


def test_states_behind_mails_htmx_and_forms_have_no_findings(audit, site, mailoutbox):
    """Signing up and resetting a password through their mails; a support by htmx; an invitation sent."""
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

    neighbourhood = _contribution("Nachbarschaftshilfe in der Weststadt trägt")
    log_in(audit.page, site, "mitglied")
    audit.visit(neighbourhood.get_absolute_url())
    support_button = audit.page.locator(".support form button")
    label_before = support_button.inner_text()
    support_button.click()  # htmx swaps the support block
    expect(support_button).not_to_have_text(label_before)
    audit.check(f"{neighbourhood.get_absolute_url()} (nach dem Unterstützen, htmx)")
    audit.page.context.clear_cookies()

    log_in(audit.page, site, "admin")
    audit.visit("/verwaltung/einladungen/neu/")
    audit.page.get_by_label("E-Mail-Adresse", exact=True).fill("neu@example.org")
    audit.submit("Person einladen (abgeschickt)", "Einladung senden")  # lands on the member list
    audit.assert_clean()


def _link_in(mail, site):
    """The path of the first link to this site in a mail."""
    return re.search(rf"{re.escape(site)}(/\S+)", mail.body).group(1)
