"""An operator adds a town with `ankommen town create` and invites its first admin with `ankommen town invite`."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from ankommen.accounts.models import Invitation, Member, User
from ankommen.core.models import AuditEntry, Municipality

HOST = "ditzingen.ankommen.example"


def _town(*arguments):
    out = StringIO()
    call_command("town", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def ditzingen(db):
    _town("create", "ditzingen", "--name", "Ditzingen", "--host", HOST, "--languages", "de,en,ar,uk")
    return Municipality.objects.get(slug="ditzingen")


def test_a_new_town_is_empty_on_its_own_host_with_its_languages(ditzingen):
    assert (ditzingen.name, ditzingen.host, ditzingen.languages) == (
        "Ditzingen",
        HOST,
        ["de", "en", "ar", "uk"],
    )
    assert not ditzingen.is_default  # the demo town is the default already
    assert not Member.objects.for_municipality(ditzingen).exists()
    entry = AuditEntry.objects.get(municipality=ditzingen, action="town.created")
    assert (entry.actor, entry.target_type) == (None, "core.municipality")


def test_its_first_admin_is_invited_by_mail_and_becomes_its_admin(
    ditzingen, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        out = _town("invite", "ditzingen", "buergermeisterin@ditzingen.example", "--role", "admin")
    invitation = Invitation.objects.get(municipality=ditzingen)
    assert f"http://{HOST}/einladung/{invitation.token}/" in out
    assert mail.outbox[-1].to == ["buergermeisterin@ditzingen.example"]
    assert f"{HOST}/einladung/{invitation.token}/" in mail.outbox[-1].body
    user = User.objects.create_user(
        "buergermeisterin@ditzingen.example", "pw-pw-pw-pw-1", display_name="B. M."
    )
    client.force_login(user)
    response = client.post(f"/einladung/{invitation.token}/", HTTP_HOST=HOST)
    assert response.status_code == 302
    admin = Member.objects.get(municipality=ditzingen, user=user)
    assert admin.roles == {"admin"}
    assert client.get("/verwaltung/", HTTP_HOST=HOST).status_code == 200
    assert AuditEntry.objects.get(municipality=ditzingen, action="member.invited").actor is None  # the system


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("create", "ditzingen", "--name", "D", "--host", "anders.example"), "exists already"),
        (("create", "anders", "--name", "D", "--host", HOST), "belongs to another town"),
        (("create", "nicht gültig", "--name", "D", "--host", "x.example"), "slug"),
        (("create", "gerlingen", "--name", "G", "--host", "g.example", "--languages", "de,xx"), "xx"),
        (("invite", "ditzingen", "a@example.org", "--role", "chef"), "Unknown role"),
        (("invite", "ditzingen", "a@example.org", "--role", "multiplier"), "--sector"),
        (("invite", "nirgendwo", "a@example.org", "--role", "admin"), "No town"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(ditzingen, arguments, message):
    towns, invitations = Municipality.objects.count(), Invitation.objects.count()
    with pytest.raises(
        CommandError, match=re.escape(message) if message != "slug" else "slug|Slug|Kurzname|gültig"
    ):
        _town(*arguments)
    assert (Municipality.objects.count(), Invitation.objects.count()) == (towns, invitations)


def test_the_demo_adds_its_town_the_way_an_operator_does(town):
    entry = AuditEntry.objects.get(municipality=town, action="town.created")
    assert entry.details["host"] == "kornwestheim.ankommen.example"
