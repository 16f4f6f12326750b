"""Every page of the open circle is valid HTML, by the Nu Html Checker (see tests/html.py)."""

from ankommen.circle.models import Call, CallInvitation, MemberCompetence
from tests.html import Pages, assert_valid_html, checker


def test_every_circle_page_is_valid_html(client_as, town, people, tmp_path):
    jar = checker()
    pages = Pages(tmp_path)
    creative = Call.objects.get(municipality=town, title__startswith="Gesucht: Menschen, die kreativ")
    draft = Call.objects.get(municipality=town, status="draft")
    asked = CallInvitation.objects.get(member=people["mitglied"], status="invited")
    held = MemberCompetence.objects.filter(municipality=town, confirmed_by__slug="arbeitskreis-asyl").first()
    contact = people["multiplikator"].organisation_memberships.get()

    visitor = client_as(None)
    for path in [
        "/gesucht/",
        creative.get_absolute_url(),
        "/organisationen/",
        "/organisationen/tanzwerkstatt/",
        f"/mitglieder/{people['leyla.ahmadi'].pk}/",
        "/ar/gesucht/",
        f"/fa{creative.get_absolute_url()}",
    ]:
        pages.get(visitor, path)
    pages.post_invalid(
        visitor, creative.get_absolute_url(), {"name": "", "email": "x"}, "Melden, leer", status=400
    )

    member = client_as("mitglied")
    for path in [
        "/konto/kompetenzen/",
        "/konto/kompetenzen/sprachen/",
        "/konto/kompetenzen/vorschau/?als=verwaltung",
        "/konto/anfragen/",
        f"/konto/anfragen/{asked.pk}/zusagen/",
        f"/konto/anfragen/{asked.pk}/absagen/",
        creative.get_absolute_url(),
    ]:
        pages.get(member, path, label=f"Mitglied {path}")
    pages.post_invalid(member, "/konto/kompetenzen/", {"interpreting": "9"}, "Profil, falsch", status=400)

    admin = client_as("admin")
    for path in [
        "/verwaltung/gesucht/",
        f"/verwaltung/gesucht/{creative.pk}/",
        f"/verwaltung/gesucht/{draft.pk}/",
        "/verwaltung/gesucht/neu/",
        f"/verwaltung/gesucht/{creative.pk}/bearbeiten/",
        f"/verwaltung/gesucht/{creative.pk}/beenden/",
        f"/verwaltung/gesucht/{creative.pk}/auf-papier/",
        "/verwaltung/kompetenzen/",
        "/verwaltung/kompetenzen/neu/",
        "/verwaltung/organisationen/neu/",
        "/verwaltung/organisationen/arbeitskreis-asyl/",
        f"/verwaltung/organisationen/arbeitskreis-asyl/ansprechperson/{contact.pk}/",
        "/organisationen/arbeitskreis-asyl/",
        f"/organisationen/arbeitskreis-asyl/bestaetigung-zuruecknehmen/{held.pk}/",
        "/verwaltung/personen-finden/?language=ar&level=3",
        "/verwaltung/personen-finden/?sector=kultur",
    ]:
        pages.get(admin, path, label=f"Verwaltung {path}")
    pages.post_invalid(admin, "/verwaltung/gesucht/neu/", {"title": ""}, "Gesuch, leer", status=400)
    pages.post_invalid(
        admin, f"/verwaltung/gesucht/{creative.pk}/", {"members": ["x"]}, "Anfragen, falsch", status=400
    )

    assert_valid_html(jar, pages)
