"""What the stories' tests share: the consent texts, a story, a consent and an editor.

The texts exist in German for every purpose (version 1), and checked in Arabic for the web only: a
consent in Arabic to anything else has no text to be given on. (The demo town brings its texts checked
in every language it offers; the tests set their translations back to that one.)
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ankommen.accounts.models import Member, User
from ankommen.core.actors import SystemActor
from ankommen.core.models import TranslationState
from ankommen.core.translation import save_translation
from ankommen.stories import services
from ankommen.stories.models import ConsentText, Purpose
from ankommen.stories.rules import EDITOR

SCAN = b"%PDF-1.4\n% a signed consent, scanned\n"


def consent_texts(town):
    texts = {}
    for purpose in Purpose:
        texts[purpose], _created = ConsentText.objects.get_or_create(
            municipality=town,
            purpose=purpose,
            version=1,
            defaults={
                "text": f"Ich willige ein: {purpose.label}.",
                "valid_from": datetime.date(2020, 1, 1),
            },
        )
        texts[purpose].translations.all().delete()
    web = texts[Purpose.WEB]
    save_translation(
        web,
        "text",
        "ar",
        actor=SystemActor.of(town),
        text="أوافق على النشر على هذا الموقع.",
        state=TranslationState.REVIEWED,
    )
    return texts


def editor(town):
    user, _created = User.objects.get_or_create(
        email="redaktion-test@example.org", defaults={"display_name": "Rita Redaktion"}
    )
    member, _created = Member.objects.get_or_create(
        municipality=town, user=user, defaults={"role_sectors": {EDITOR: ""}}
    )
    return member


def story(town, title="Angekommen in der Weststadt", **values):
    consent_texts(town)
    return services.create_story(
        town,
        actor=SystemActor.of(town),
        values={
            "title": title,
            "teaser": "Wie Amina in Kornwestheim angekommen ist.",
            "body": "Erster Absatz.\n\nZweiter Absatz.",
            "given_name": "Amina",
            "family_name": "Khalil",
            **values,
        },
    )


def scan():
    return SimpleUploadedFile("einwilligung.pdf", SCAN, content_type="application/pdf")


def consent(story, purpose=Purpose.WEB, *, language="de", given_on=None, **values):
    """A consent signed on paper, recorded by the system."""
    values.setdefault("guardian", story.under_16)
    values.setdefault("print_notice", purpose == Purpose.BROCHURE)
    return services.record_consent(
        story,
        actor=SystemActor.of(story.municipality),
        purpose=purpose,
        language=language,
        given_by=story.full_name,
        given_on=given_on or timezone.localdate(),
        scan=scan(),
        **values,
    )
