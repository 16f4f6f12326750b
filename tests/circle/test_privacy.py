"""A member's profile is personal data: downloaded, erased, and shown nowhere its member did not allow.

A unique string in the profile of one member; every page of every app, asked by every kind of
viewer, holds it only where that member's choice lets the viewer see it (or for the member).
"""

import json
from datetime import datetime
from importlib import import_module
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core import mail

from ankommen.accounts import privacy
from ankommen.circle import services
from ankommen.circle.models import CallAnswer, CallInvitation, Profile
from ankommen.circle.vocabulary import Visibility
from ankommen.core import notifications
from tests.accounts.test_privacy import tables_holding
from tests.circle import world
from tests.permissions import ROLES

MARKER = "Zaunkoenig7731"
LANGUAGE_MARKER = "Wolof"  # a language only this member names in a profile


@pytest.fixture
def marked(town, people):
    """A member with the marker in their free terms, a competence, a language, a district and an organisation."""
    from ankommen.concept.models import District

    club = world.organisation(town, "tanzwerkstatt")
    member = world.person(
        town,
        "Ilse Markiert",
        competences=["Grafikdesign"],
        languages=[("wo", 7, 7, 5)],
        organisations=[club],
        free_terms=f"{MARKER}, Linolschnitt",
        sector="kultur",
        district=District.objects.get(municipality=town, name="Pattonville"),
    )
    creative = world.call(town, "Gesucht: Plakate", competences=[("Grafikdesign", False)])
    services.answer_call(creative, member=member, message=f"Ich gestalte gern {MARKER}")
    world.invitation(creative, member, reasons=[["free_term", 4, {"term": MARKER}]], score=4)
    return member


def every_page(town, people, member):
    """Every address any role may GET, from every app's permission matrix, and the marked member's own."""
    urls = {f"/mitglieder/{member.pk}/", "/verwaltung/personen-finden/?sector=kultur"}
    for app in apps.get_app_configs():
        if not (app.name.startswith("ankommen.") or app.name == "tests.testapp"):
            continue
        matrix = import_module(f"tests.{app.label}.test_permissions")
        if hasattr(matrix, "prepare_cases"):
            matrix.prepare_cases(town)
        for case in matrix.CASES:
            if case.method == "get":
                urls.add(case.url())
    return sorted(urls)


@pytest.mark.once_on_sqlite
@pytest.mark.parametrize("visibility", list(Visibility), ids=lambda visibility: visibility.name.lower())
def test_the_marker_shows_only_where_the_member_lets_the_viewer_see_it(
    client_as, town, people, marked, visibility
):
    from ankommen.circle.rules import viewer_level

    Profile.objects.filter(member=marked).update(
        **{
            f"{part}_visible_to": visibility
            for part in ("competences", "languages", "district", "organisations")
        }
    )
    urls = every_page(town, people, marked)
    leaks = []
    for role in [*ROLES, "marked"]:
        client = client_as(None if role == "marked" else role)
        if role == "marked":
            client.force_login(marked.user)
        viewer = people.get(role) if role not in (None, "stranger", "marked") else None
        level = viewer_level(viewer, town.pk)
        for url in urls:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            page = body.decode(errors="replace")
            if "personen-finden" in url:  # the results, not the form's list of every language
                page = page.partition('id="gefundene-personen"')[2]
            # Every language's name is an option in the language forms: the language is looked for where
            # profiles show, the free term everywhere.
            profile_page = "/mitglieder/" in url or "personen-finden" in url or "organisationen/" in url
            for marker in (MARKER, LANGUAGE_MARKER) if profile_page else (MARKER,):
                if marker in page and role != "marked" and level < visibility:
                    leaks.append((role, url, marker))
    assert leaks == []
    # Nor in any mail: what the marked member's answer and request told the admins, mailed at once.
    notifications.deliver(datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    assert mail.outbox, "the answer's notification reached the admins"
    assert not [m.to for m in mail.outbox if MARKER in m.body + m.subject and m.to != [marked.user.email]]
    # And where it is allowed, it shows: the profile page to those who may, the language to the admins.
    admin_page = client_as("admin").get(f"/mitglieder/{marked.pk}/").content.decode()
    assert MARKER in admin_page and LANGUAGE_MARKER in admin_page


def test_the_download_holds_the_profile_and_the_erasure_leaves_no_trace(client_as, town, people, marked):
    client = client_as(None)
    client.force_login(marked.user)
    data = json.loads(client.get("/konto/meine-daten/herunterladen/").content)
    models_in = {section["model"] for section in data["sections"] if section["values"]}
    assert {
        "circle.Profile",
        "circle.MemberCompetence",
        "circle.MemberLanguage",
        "circle.OrganisationMembership",
        "circle.CallAnswer",
        "circle.CallInvitation",
    } <= models_in
    assert MARKER in json.dumps(data, ensure_ascii=False)
    page = client.get("/konto/meine-daten/").content.decode()
    assert MARKER in page and "Grafikdesign" in page
    assert f"+4 nennt „{MARKER}“ in eigenen Worten" in page  # why they were asked, in words
    others = client_as("expertin").get("/konto/meine-daten/herunterladen/").content.decode()
    assert MARKER not in others

    assert tables_holding(MARKER)
    privacy.erase(marked, actor=marked, remove_texts=True)
    assert tables_holding(MARKER, "Ilse Markiert") == set()
    assert not Profile.objects.filter(member_id=marked.pk).exists()
    assert not CallAnswer.objects.filter(member_id=marked.pk).exists()
    assert not CallInvitation.objects.filter(member_id=marked.pk).exists()


def test_an_admin_who_confirmed_or_asked_is_unlinked_not_erased_with_the_rows(town, people):
    from ankommen.circle.models import Call, MemberCompetence

    contact = people["multiplikator"]
    held = MemberCompetence.objects.get(
        profile__member=people["mitglied"], competence__name="Kochen für Gruppen"
    )
    held.confirmed_by_member = contact
    held.save()
    privacy.erase(contact, actor=contact)
    held.refresh_from_db()
    assert held.confirmed_by_member is None and held.competence.name == "Kochen für Gruppen"
    assert Call.objects.filter(municipality=town).exists()
