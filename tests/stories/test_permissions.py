"""Every view of the arrival stories, every role: allowed requests succeed, refused ones change nothing.

See tests/permissions.py for the matrix; here it has one more column, the editorial staff
(`redaktion`, the role `editor`), who may what the admins may. The member `mitglied` tells the
prepared draft. A story or consent
someone may not even see answers 404, as if it were not there.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.core.models import Municipality
from ankommen.stories.models import Brochure, BrochureStatus, Consent, Purpose, Story, StoryComment, StoryNote
from tests.permissions import EVERYONE, MEMBERS, ROLES, Case, check, role_id
from tests.stories import world

TOWN = "kornwestheim"
DRAFT = "Erzählt von Amal"
PUBLISHED = "Angekommen in der Weststadt"
EDITOR = "redaktion"
STORY_ROLES = [*ROLES, EDITOR]
EDITORS = {"admin", EDITOR}
EVERYONE = EVERYONE | {EDITOR}
MEMBERS = MEMBERS | {EDITOR}
TELLER = EDITORS | {"mitglied"}  # the editors and the member who tells the draft
# Who may not even see the draft, its consents or the editors' pages gets 404.
NOT_FOUND = dict.fromkeys(STORY_ROLES, 404)
NOT_FOUND_BUT_TELLER = {role: 404 for role in STORY_ROLES if role not in TELLER}

OPEN_TO_EVERYONE = frozenset({"stories:list"})


def _town():
    return Municipality.objects.get(slug=TOWN)


def _story(title):
    return Story.objects.get(municipality__slug=TOWN, title=title)


def _consent(title, purpose=Purpose.WEB):
    return Consent.objects.filter(story=_story(title), purpose=purpose, withdrawn_at=None).latest("id")


def _brochure():
    return Brochure.objects.get(municipality__slug=TOWN, edition="Matrix")


def prepare_cases(town):
    """A draft told by `mitglied` (with a consent to the web), a published story, a brochure set."""
    from ankommen.accounts.demo import members_by_local_part
    from ankommen.stories import brochures, services

    if Story.objects.filter(municipality=town, title=DRAFT).exists():
        return
    people = members_by_local_part(town)
    draft = world.story(town, title=DRAFT, storyteller=people["mitglied"])
    world.consent(draft)
    published = world.story(town, title=PUBLISHED)
    world.consent(published)
    world.consent(published, Purpose.BROCHURE)
    services.publish_story(published, actor=people["admin"])
    made = brochures.save_brochure(
        town, actor=people["admin"], values={"edition": "Matrix"}, stories=[published]
    )
    # As if set (setting it for real takes a second, and every case prepares again): tests/stories/test_brochures.py sets it.
    made.file.save("matrix.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    made.status = BrochureStatus.READY
    made.save()
    brochures.publish_brochure(made, actor=people["admin"])


@pytest.fixture(autouse=True)
def _prepared(town):
    prepare_cases(town)


def _url(pattern, title=DRAFT):
    return lambda: pattern.format(slug=_story(title).slug)


def _new_story():
    return {
        "kind": "portrait",
        "title": "Eine neue Geschichte",
        "teaser": "Kurz.",
        "body": "Lang.",
        "original_language": "de",
        "given_name": "Lea",
        "naming": "first",
    }


def _paper_consent():
    return {
        "purpose": "translation",
        "language": "de",
        "given_by": "Amal Haddad",
        "given_on": "2026-11-30",
        "scan": SimpleUploadedFile("scan.pdf", world.SCAN, content_type="application/pdf"),
    }


def _status(title):
    return lambda: Story.objects.get(municipality__slug=TOWN, title=title).status


def _consents():
    return Consent.objects.filter(withdrawn_at=None).count()


CASES = [
    # for everyone
    Case("see the stories", "get", lambda: "/geschichten/", EVERYONE),
    Case("see a published story", "get", _url("/geschichten/{slug}/", PUBLISHED), EVERYONE),
    Case("see a draft", "get", _url("/geschichten/{slug}/"), TELLER, refused_with=NOT_FOUND_BUT_TELLER),
    Case(
        "comment on a story",
        "post",
        _url("/geschichten/{slug}/kommentieren/", PUBLISHED),
        MEMBERS,
        {"text": "Danke fürs Erzählen!"},
        lambda: StoryComment.objects.count(),
    ),
    # the storyteller
    Case("see one's stories", "get", lambda: "/konto/geschichten/", MEMBERS),
    Case(
        "read a consent text to consent",
        "get",
        _url("/konto/geschichten/{slug}/einwilligen/translation/"),
        {"mitglied"},
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "consent online",
        "post",
        _url("/konto/geschichten/{slug}/einwilligen/translation/"),
        {"mitglied"},
        {"read": "on"},
        _consents,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "see the withdrawal of a consent",
        "get",
        lambda: f"/konto/geschichten/einwilligungen/{_consent(DRAFT).pk}/widerrufen/",
        TELLER,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "withdraw a consent",
        "post",
        lambda: f"/konto/geschichten/einwilligungen/{_consent(DRAFT).pk}/widerrufen/",
        TELLER,
        {},
        _consents,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    # the editors (and the teller where it is their draft)
    Case("see the editors' stories", "get", lambda: "/redaktion/geschichten/", EDITORS),
    Case("see the new story form", "get", lambda: "/redaktion/geschichten/neu/", EDITORS),
    Case(
        "write a new story",
        "post",
        lambda: "/redaktion/geschichten/neu/",
        EDITORS,
        _new_story,
        lambda: Story.objects.count(),
    ),
    Case(
        "see a story to edit",
        "get",
        _url("/redaktion/geschichten/{slug}/"),
        TELLER,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "edit a story",
        "post",
        _url("/redaktion/geschichten/{slug}/"),
        TELLER,
        lambda: {**_new_story(), "title": DRAFT, "teaser": "Neu erzählt."},
        lambda: _story(DRAFT).teaser,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "see the photo form",
        "get",
        _url("/redaktion/geschichten/{slug}/foto/"),
        TELLER,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "give a story a photo",
        "post",
        _url("/redaktion/geschichten/{slug}/foto/"),
        TELLER,
        lambda: {"photo": _photo(), "alt": "Ein gezeichnetes Haus mit rotem Dach."},
        lambda: _story(DRAFT).photo.name,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "hand a draft to review",
        "post",
        _url("/redaktion/geschichten/{slug}/pruefen/"),
        TELLER,
        {},
        _status(DRAFT),
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "publish a story",
        "post",
        _url("/redaktion/geschichten/{slug}/veroeffentlichen/"),
        EDITORS,
        {},
        _status(DRAFT),
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "see the taking off of a story",
        "get",
        _url("/redaktion/geschichten/{slug}/zuruecknehmen/", PUBLISHED),
        EDITORS,
        refused_with=NOT_FOUND,
    ),
    Case(
        "take a story off the website",
        "post",
        _url("/redaktion/geschichten/{slug}/zuruecknehmen/", PUBLISHED),
        EDITORS,
        {"reason": "Auf Wunsch."},
        _status(PUBLISHED),
        refused_with=NOT_FOUND,
    ),
    Case(
        "write a note",
        "post",
        _url("/redaktion/geschichten/{slug}/anmerkung/"),
        TELLER,
        {"text": "Passt der zweite Absatz so?"},
        lambda: StoryNote.objects.count(),
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "see a story's consents",
        "get",
        _url("/redaktion/geschichten/{slug}/einwilligungen/"),
        TELLER,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "see the form for a consent on paper",
        "get",
        _url("/redaktion/geschichten/{slug}/einwilligungen/neu/"),
        EDITORS,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    Case(
        "record a consent on paper",
        "post",
        _url("/redaktion/geschichten/{slug}/einwilligungen/neu/"),
        EDITORS,
        _paper_consent,
        _consents,
        refused_with=NOT_FOUND_BUT_TELLER,
    ),
    # the brochure
    Case("see the brochures", "get", lambda: "/redaktion/geschichten/broschueren/", EDITORS),
    Case("see the new brochure form", "get", lambda: "/redaktion/geschichten/broschueren/neu/", EDITORS),
    Case(
        "make a brochure",
        "post",
        lambda: "/redaktion/geschichten/broschueren/neu/",
        EDITORS,
        lambda: {"title": "Ankommensgeschichten", "stories": [_story(PUBLISHED).pk]},
        lambda: Brochure.objects.count(),
    ),
    Case("see a brochure", "get", lambda: f"/redaktion/geschichten/broschueren/{_brochure().pk}/", EDITORS),
    Case(
        "see a brochure to edit",
        "get",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure().pk}/bearbeiten/",
        EDITORS,
    ),
    Case(
        "change a brochure",
        "post",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure().pk}/bearbeiten/",
        EDITORS,
        lambda: {"title": "Neu angekommen", "stories": [_story(PUBLISHED).pk]},
        lambda: (
            Brochure.objects.get(edition="Matrix").title
            if Brochure.objects.filter(edition="Matrix").exists()
            else ""
        ),
    ),
    Case(
        "set a brochure",
        "post",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure().pk}/setzen/",
        EDITORS,
        {},
        lambda: Brochure.objects.get(edition="Matrix").status,
    ),
    Case(
        "publish a brochure",
        "post",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure().pk}/veroeffentlichen/",
        EDITORS,
        {},
        lambda: Brochure.objects.get(edition="Matrix").published_at,
    ),
    Case(
        "see the withdrawal of a brochure",
        "get",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure().pk}/zurueckziehen/",
        EDITORS,
    ),
    Case(
        "withdraw a brochure",
        "post",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure().pk}/zurueckziehen/",
        EDITORS,
        {},
        lambda: Brochure.objects.get(edition="Matrix").published_at,
    ),
]


def _photo():
    """A small JPEG drawn here: a house, no person."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 360), "#dfe8f0")
    ImageDraw.Draw(image).polygon([(140, 200), (240, 110), (340, 200)], fill="#b03a2e")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return SimpleUploadedFile("haus.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize("role", STORY_ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
