from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import (
    DELETE,
    UNLINK,
    Link,
    register_audit_actions,
    register_audit_details,
    register_demo,
    register_links,
    register_notification_kind,
    register_periodic,
    register_personal_data,
    register_role,
    register_rules,
    register_staff_acts,
)
from ankommen.stories import demo, rules, services

register_role(rules.EDITOR, rules.EDITOR_LABEL, rules.EDITOR_PLURAL, order=55)
register_rules(rules.RULES)
register_links(
    "menu", Link(_("Geschichten"), "stories:list", order=40, current=("stories:list", "stories:story"))
)
# The editorial staff reach their pages from the menu (the administration's hub is the admins').
register_links(
    "menu",
    Link(
        _("Redaktion"),
        "stories:manage",
        "work_on_stories",
        order=75,
        current=("stories:manage", "stories:story_*", "stories:consent*", "stories:brochure*"),
    ),
)
register_links(
    "hub",
    Link(
        _("Ankommensgeschichten"),
        "stories:manage",
        "work_on_stories",
        40,
        _("Geschichten schreiben und prüfen, Einwilligungen erfassen, die Ankommensbroschüre setzen"),
        current=("stories:manage", "stories:story_*", "stories:consent*", "stories:brochure*"),
    ),
)

# After the fields (20) and the people (10), before the demo's translations (90).
register_demo(65)(demo.load)

register_periodic("stories.end_lapsed_consents", lambda now: services.end_lapsed_consents(now), minutes=1440)

# Who follows a field of action hears of a new story in it (topic "Was Sie verfolgen").
register_notification_kind("stories.published", "followed", _("Neue Ankommensgeschichte: „%(target)s“"))

register_audit_actions(
    {
        "story.created": _("Ankommensgeschichte angelegt"),
        "story.edited": _("Ankommensgeschichte geändert"),
        "story.photo_set": _("Foto einer Ankommensgeschichte gesetzt"),
        "story.photo_removed": _("Foto einer Ankommensgeschichte gelöscht: keine Einwilligung gilt mehr"),
        "story.submitted": _("Ankommensgeschichte zur Prüfung gegeben"),
        "story.published": _("Ankommensgeschichte veröffentlicht"),
        "story.unpublished": _("Ankommensgeschichte von der Website genommen"),
        "story.commented": _("Ankommensgeschichte kommentiert"),
        "consent.recorded": _("Einwilligung von Papier erfasst"),
        "consent.given": _("Einwilligung online gegeben"),
        "consent.withdrawn": _("Einwilligung widerrufen"),
        "consent.lapsed": _("Einwilligung abgelaufen"),
        "brochure.created": _("Ankommensbroschüre angelegt"),
        "brochure.changed": _("Ankommensbroschüre geändert"),
        "brochure.build_requested": _("Ankommensbroschüre zum Setzen gegeben"),
        "brochure.published": _("Ankommensbroschüre veröffentlicht"),
        "brochure.unpublished": _("Ankommensbroschüre zurückgezogen"),
        "brochure.rebuilt_without": _("Ankommensbroschüre ohne eine Geschichte neu gesetzt"),
    },
    area=_("Ankommensgeschichten"),
)
register_audit_details({"purpose": _("Zweck"), "story": _("Geschichte")})

register_personal_data(
    "stories.Story",
    "storyteller__user",
    name=_("Ihre Ankommensgeschichten"),
    purpose=_("Die Geschichte, die Sie erzählt haben, mit dem Namen und den Angaben, die Sie gewählt haben"),
    retention=_("solange Ihre Einwilligung gilt; beim Löschen Ihres Kontos ohne Verbindung zu Ihrem Konto"),
    erasure=UNLINK,
    export=(
        "title",
        "kind",
        "status",
        "given_name",
        "family_name",
        "pseudonym",
        "naming",
        "arrival_year",
        "origin",
    ),
)
register_personal_data(
    "stories.Consent",
    "story__storyteller__user",
    name=_("Ihre Einwilligungen zu Ankommensgeschichten"),
    purpose=_("Der Nachweis, wozu Sie Ihre Geschichte freigegeben haben, wann und mit welchem Text"),
    retention=_(
        "solange die Geschichte besteht, als Nachweis; beim Löschen Ihres Kontos ohne Verbindung zu Ihrem Konto"
    ),
    erasure=UNLINK,
    # The story's own erasure unlinks it from the account; the consent stays with the story as proof.
    erase_with=lambda rows, member, erasure: None,
    export=(
        "story__title",
        "purpose",
        "language",
        "way",
        "given_by",
        "given_on",
        "valid_until",
        "withdrawn_at",
    ),
)
register_personal_data(
    "stories.StoryNote",
    "author__user",
    name=_("Ihre Anmerkungen zu Ankommensgeschichten"),
    purpose=_("Die Abstimmung zwischen Redaktion und erzählender Person"),
    retention=_("bis Sie Ihr Konto löschen"),
    erasure=DELETE,
    export=("story__title", "text", "created_at"),
)
register_personal_data(
    "stories.StoryComment",
    "author__user",
    name=_("Ihre Kommentare zu Ankommensgeschichten"),
    purpose=_("Ihre Kommentare unter Ankommensgeschichten, mit Ihrem Namen"),
    retention=_("bis Sie Ihr Konto löschen"),
    erasure=DELETE,
    export=("story__title", "text", "created_at"),
)
register_staff_acts(
    (
        "stories.Story",
        "created_by__user",
        _("Wer eine Ankommensgeschichte angelegt hat"),
        ("title", "created_at"),
    ),
    (
        "stories.Consent",
        "recorded_by__user",
        _("Wer eine Einwilligung erfasst hat"),
        ("story__title", "purpose", "given_on"),
    ),
    (
        "stories.Consent",
        "withdrawn_by__user",
        _("Wer eine Einwilligung als widerrufen eingetragen hat"),
        ("story__title", "purpose", "withdrawn_at"),
    ),
    (
        "stories.StoryComment",
        "hidden_by",
        _("Wer einen Kommentar ausgeblendet hat"),
        ("story__title", "hidden_at"),
    ),
)
