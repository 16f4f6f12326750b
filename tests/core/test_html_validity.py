"""Core's pages are valid HTML, by the Nu Html Checker: error pages, the audit log, languages, translations."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.html import Pages, assert_valid_html, checker


@pytest.mark.django_db
def test_every_core_page_is_valid_html(client_as, people, tmp_path):
    from django.contrib.contenttypes.models import ContentType

    from ankommen.accounts.services import invite
    from ankommen.concept.models import Stage

    jar = checker()
    town = people["admin"].municipality
    # So that the audit log filtered by this action lists an entry.
    invite(
        town,
        actor=people["admin"],
        email="neu@example.org",
        role="expert",
        message="Wir freuen uns auf Ihre Erfahrung.",
        accept_url_for=lambda invitation: f"http://testserver/einladung/{invitation.token}/",
    )
    stage = Stage.objects.for_municipality(town).get(field__slug="wohnen-und-leben", status="open")
    pages = Pages(tmp_path)

    visitor = client_as(None)
    pages.get(visitor, "/gibt-es-nicht/", status=404)
    pages.add(
        "CSRF-Fehler",
        Client(enforce_csrf_checks=True).post("/konto/login/", {"login": "a@example.org"}),
        status=403,
    )
    request = RequestFactory().get("/")
    pages.add("Serverfehler", server_error(request), status=500)

    member = client_as("mitglied")
    pages.get(member, reverse("core:administration"), status=403, label="403 für Mitglied")

    admin = client_as("admin")
    for path in [
        reverse("core:administration"),
        reverse("core:audit"),
        reverse("core:audit") + "?action=member.invited",
        reverse("core:town_limits"),
    ]:
        pages.get(admin, path)
    pages.post_invalid(
        admin,
        reverse("core:town_limits"),
        {"limit_contributions": "0", "limit_comments": "", "limit_supports": "-3", "limit_reports": "1001"},
        "Grenzen, ungültig",
        status=400,
    )

    translator = client_as("uebersetzung")
    field_type = ContentType.objects.get_for_model(stage.field).pk
    translator_pages = [
        reverse("core:translations"),
        reverse("core:translation_list", args=["ar"]),
        reverse("core:translation_edit", args=["ar", field_type, stage.field_id]),
        reverse("core:translation_edit", args=["de-simple", field_type, stage.field_id]),
        reverse("core:translation_import", args=["uk"]),
    ]
    for path in translator_pages:
        pages.get(translator, path)
    pages.get(translator, reverse("core:languages"))

    pages.get_in_newcomer_languages(
        client_as, [(None, ["/sprachen/"]), ("uebersetzung", translator_pages[:3])]
    )
    assert_valid_html(jar, pages)
