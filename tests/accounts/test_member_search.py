"""Admins find members by name, e-mail address, role, sector and state, and page through thousands."""

import pytest

from ankommen.accounts.models import Member, User
from tests.permissions import assert_nothing_written, snapshot


def _names(client, **query):
    page = client.get("/verwaltung/mitglieder/", query)
    assert page.status_code == 200
    return {member.display_name for member in page.context["page_obj"]}


def test_finds_by_part_of_the_name_in_any_case(client_as):
    assert _names(client_as("admin"), text="DEMIR") == {"Yusuf Demir"}


def test_finds_by_part_of_the_email_address(client_as):
    assert _names(client_as("admin"), text="expertin@") == {"Dr. Anna Lehmann"}


def test_finds_by_role(client_as):
    assert _names(client_as("admin"), role="translator") == {"Olena Kovalenko", "Elena Petrova"}


def test_finds_by_sector(client_as):
    assert _names(client_as("admin"), sector="politics") == {"Jürgen Schäfer"}


def test_combines_role_sector_and_text(client_as):
    admin = client_as("admin")
    assert _names(admin, role="multiplier", sector="administration") == {"Elena Petrova"}
    assert _names(admin, role="multiplier", text="peter") == {"Peter Hoffmann"}
    assert _names(admin, role="expert", text="peter") == set()


def test_the_form_keeps_what_was_asked_and_works_without_javascript(client_as):
    page = (
        client_as("admin")
        .get("/verwaltung/mitglieder/", {"text": "demir", "role": "member"})
        .content.decode()
    )
    assert '<form method="get"' in page
    assert 'value="demir"' in page
    assert '<option value="member" selected>' in page
    assert "Niemand passt" not in page


def test_nobody_found_says_so(client_as):
    page = client_as("admin").get("/verwaltung/mitglieder/", {"text": "niemand-heißt-so"}).content.decode()
    assert "Niemand passt zu dieser Suche." in page
    assert "0 Personen gefunden" in page


def test_html_in_the_search_is_text(client_as):
    response = client_as("admin").get("/verwaltung/mitglieder/", {"text": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"text": "x" * 101}, "text", "höchstens 100 Zeichen"),
        ({"role": "kaiser"}, "role", "keine gültige Auswahl"),
        ({"sector": "zirkus"}, "sector", "keine gültige Auswahl"),
        ({"state": "geloescht"}, "state", "keine gültige Auswahl"),
    ],
)
def test_bad_search_input_is_answered_at_its_field_with_400(client_as, query, field, message):
    client = client_as("admin")
    before = snapshot()
    response = client.get("/verwaltung/mitglieder/", query)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert list(response.context["page_obj"]) == []
    assert_nothing_written(before)


def test_an_empty_search_lists_everyone(client_as, town):
    page = client_as("admin").get(
        "/verwaltung/mitglieder/", {"text": "  ", "role": "", "sector": "", "state": ""}
    )
    assert page.status_code == 200
    assert page.context["page_obj"].paginator.count == Member.objects.for_municipality(town).count()


def test_pages_through_thousands_in_name_order(client_as, town):
    users = User.objects.bulk_create(
        User(email=f"person{number:04}@example.org", display_name=f"Person {number:04}")
        for number in range(2000)
    )
    Member.objects.bulk_create(
        Member(municipality=town, user=user, role_sectors={"member": ""}) for user in users
    )
    admin = client_as("admin")
    page = admin.get("/verwaltung/mitglieder/", {"text": "person", "page": "21"})
    assert page.status_code == 200
    names = [member.display_name for member in page.context["page_obj"]]
    assert names[0] == "Person 1000"
    assert names == sorted(names)
    assert "Seite 21 von 40" in page.content.decode()
    assert 'href="?text=person&amp;page=22"' in page.content.decode()
