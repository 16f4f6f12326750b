"""A matter discussed in private (GemO § 35) never leaves the administration.

A sentinel planted in a private submission — its subject, proposal and statement, its consultation's
decision, its agenda item, its file and a meeting's private minutes — appears in no page, search result,
export or document anyone but the admins can fetch, and not in the translators' lists.
"""

import pytest
from django.core.files.base import ContentFile

from ankommen.council.models import AgendaItem, Attachment, Consultation, Decision, Meeting, Submission
from tests.council.test_permissions import CASES, prepare_cases

SENTINEL = "Zebrafink7319"
ROLES = (None, "mitglied", "uebersetzung", "expertin", "multiplikator", "moderation")


@pytest.fixture
def planted(town):
    prepare_cases(town)
    meeting = Meeting.objects.filter(municipality=town).order_by("start").first()
    committee = meeting.committee
    matter = Submission.objects.create(
        municipality=town,
        reference="2017/099",
        subject=f"Grundstück {SENTINEL}",
        decision_proposal=f"Kauf {SENTINEL}",
        statement=f"Begründung\n{SENTINEL} liegt am Stadtrand.",
        is_public=False,
        nonpublic_reason="property",
        status="decided",
    )
    row = Consultation.objects.create(
        municipality=town,
        submission=matter,
        committee=committee,
        meeting=meeting,
        is_public=False,
        position=1,
    )
    AgendaItem.objects.create(
        municipality=town,
        meeting=meeting,
        number="9",
        position=9,
        name=f"Erwerb {SENTINEL}",
        is_public=False,
        nonpublic_reason="property",
        consultation=row,
    )
    Decision.objects.create(
        municipality=town,
        consultation=row,
        outcome="adopted",
        wording=f"Die Stadt kauft {SENTINEL}.",
        summary=f"Kurz: {SENTINEL}",
        votes_yes=9,
        votes_no=0,
        votes_abstain=0,
    )
    Attachment.objects.create(
        municipality=town,
        submission=matter,
        title=f"Lageplan {SENTINEL}",
        file=ContentFile(b"%PDF-1.4", name="plan.pdf"),
    )
    Attachment.objects.create(
        municipality=town,
        meeting=meeting,
        role="minutes",
        title=f"Niederschrift nichtöffentlich {SENTINEL}",
        is_public=False,
        file=ContentFile(b"%PDF-1.4", name="minutes.pdf"),
    )
    return matter


def _addresses(matter):
    """Every page the council's matrix lets someone read, the search, the field pages and their exports."""
    addresses = {case.url() for case in CASES if case.method == "get"}
    addresses |= {
        "/",
        "/suche/?q=Stadtrand",
        "/suche/?q=Erwerb",
        "/suche/?q=Lageplan",
        "/suche/?q=Grundstück",
        "/handlungsfelder/wirtschaft-und-berufliche-bildung/",
        "/verwaltung/uebersetzungen/en/",
        matter.get_absolute_url(),
        f"/gemeinderat/vorlagen/{matter.pk}/pdf/",
        f"/gemeinderat/vorlagen/{matter.pk}/docx/",
        *(
            f"/dateien/council.attachment/{file.pk}/file/"
            for file in Attachment.objects.filter(title__contains=SENTINEL)
        ),
    }
    return sorted(addresses)


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "visitor")
def test_the_sentinel_appears_in_nothing_but_the_admins_see(client_as, town, planted, role):
    from ankommen.core.search import rebuild

    rebuild(town)
    client = client_as(role)
    for address in _addresses(planted):
        response = client.get(address)
        assert SENTINEL.encode() not in response.content, (role, address)
        for language in ("en", "uk"):
            if address.startswith("/") and not address.startswith(("/dateien/", "/suche/")):
                localized = client.get(f"/{language}{address}")
                assert SENTINEL.encode() not in localized.content, (role, language, address)


def test_the_admins_see_the_private_matter(client_as, town, planted):
    page = client_as("admin").get(planted.get_absolute_url()).content.decode()
    assert SENTINEL in page
    meeting = client_as("admin").get(planted.consultations.get().meeting.get_absolute_url()).content.decode()
    assert f"Erwerb {SENTINEL}" in meeting
    from ankommen.core.search import rebuild

    rebuild(town)
    assert (
        SENTINEL in client_as("admin").get("/suche/", {"q": "Stadtrand"}).content.decode()
    )  # the search knows it
