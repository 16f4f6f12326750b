"""The stories' pages and their pinned query counts (see tests/queries.py): the same at N and 3N stories,
consents, comments and brochures."""

import pytest

from ankommen.concept.models import Field
from ankommen.core.actors import SystemActor
from ankommen.stories import brochures, services
from ankommen.stories.models import Brochure, Purpose, Story, StoryComment, StoryNote
from tests.queries import Page, pin
from tests.stories import world
from tests.stories.test_permissions import DRAFT, PUBLISHED, prepare_cases


def add_stories(town, people, count):
    """`count` published stories with consents, themes, a field and a comment; a note and a paper consent on the draft."""
    prepare_cases(town)
    work = Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")
    start = Story.objects.for_municipality(town).count()
    for number in range(start, start + count):
        told = world.story(town, title=f"Geschichte {number}")
        world.consent(told)
        world.consent(told, Purpose.BROCHURE)
        services.edit_story(told, actor=SystemActor.of(town), values={}, themes=["arbeit", "sprache"])
        told.fields.set([work])
        services.publish_story(told, actor=people["admin"])
        StoryComment.objects.create(municipality=town, story=told, author=people["expertin"], text="Schön.")
        draft = Story.objects.get(municipality=town, title=DRAFT)
        StoryNote.objects.create(
            municipality=town, story=draft, author=people["admin"], text=f"Notiz {number}"
        )
        world.consent(draft, Purpose.PRESS)
        StoryComment.objects.create(
            municipality=town,
            story=Story.objects.get(municipality=town, title=PUBLISHED),
            author=people["mitglied"],
            text="Danke.",
        )
        brochures.save_brochure(
            town, actor=people["admin"], values={"edition": f"Ausgabe {number}"}, stories=[told]
        )


def _slug(title):
    return lambda: f"{Story.objects.get(municipality__slug='kornwestheim', title=title).slug}"


def _brochure():
    return Brochure.objects.get(municipality__slug="kornwestheim", edition="Matrix").pk


PAGES = [
    Page("the stories", None, lambda: "/geschichten/", (7, 7), add_stories),
    Page("the stories in Arabic", None, lambda: "/ar/geschichten/", (10, 10), add_stories),
    Page("a story", None, lambda: f"/geschichten/{_slug(PUBLISHED)()}/", (8, 8), add_stories),
    Page(
        "a story for a member",
        "mitglied",
        lambda: f"/geschichten/{_slug(PUBLISHED)()}/",
        (11, 11),
        add_stories,
    ),
    Page("one's stories", "mitglied", lambda: "/konto/geschichten/", (6, 6), add_stories),
    Page(
        "a consent text to consent",
        "mitglied",
        lambda: f"/konto/geschichten/{_slug(DRAFT)()}/einwilligen/translation/",
        (7, 7),
        add_stories,
    ),
    Page("the editors' stories", "admin", lambda: "/redaktion/geschichten/", (6, 6), add_stories),
    Page("a new story", "admin", lambda: "/redaktion/geschichten/neu/", (5, 5), add_stories),
    Page(
        "a story to edit", "admin", lambda: f"/redaktion/geschichten/{_slug(DRAFT)()}/", (12, 12), add_stories
    ),
    Page(
        "a story's photo",
        "admin",
        lambda: f"/redaktion/geschichten/{_slug(DRAFT)()}/foto/",
        (6, 6),
        add_stories,
    ),
    Page(
        "taking a story off",
        "admin",
        lambda: f"/redaktion/geschichten/{_slug(PUBLISHED)()}/zuruecknehmen/",
        (6, 6),
        add_stories,
    ),
    Page(
        "a story's consents",
        "admin",
        lambda: f"/redaktion/geschichten/{_slug(DRAFT)()}/einwilligungen/",
        (7, 7),
        add_stories,
    ),
    Page(
        "a consent on paper",
        "admin",
        lambda: f"/redaktion/geschichten/{_slug(DRAFT)()}/einwilligungen/neu/",
        (6, 6),
        add_stories,
    ),
    Page(
        "withdrawing a consent",
        "mitglied",
        lambda: "/konto/geschichten/einwilligungen/{}/widerrufen/".format(
            Story.objects.get(municipality__slug="kornwestheim", title=DRAFT)
            .consents.filter(purpose="web")
            .get()
            .pk
        ),
        (5, 5),
        add_stories,
    ),
    Page("the brochures", "admin", lambda: "/redaktion/geschichten/broschueren/", (6, 6), add_stories),
    Page("a new brochure", "admin", lambda: "/redaktion/geschichten/broschueren/neu/", (5, 5), add_stories),
    Page(
        "a brochure",
        "admin",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure()}/",
        (7, 7),
        add_stories,
    ),
    Page(
        "a brochure to edit",
        "admin",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure()}/bearbeiten/",
        (7, 7),
        add_stories,
    ),
    Page(
        "withdrawing a brochure",
        "admin",
        lambda: f"/redaktion/geschichten/broschueren/{_brochure()}/zurueckziehen/",
        (6, 6),
        add_stories,
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
