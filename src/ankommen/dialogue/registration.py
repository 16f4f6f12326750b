from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import (
    DELETE,
    KEEP_ANONYMOUS,
    register_audit_actions,
    register_demo,
    register_followable,
    register_notification_kind,
    register_personal_data,
    register_rules,
    register_staff_acts,
    register_stage_kind,
    register_topic,
)
from ankommen.core.search import register_search
from ankommen.dialogue import demo, demo_answers, rules, services
from ankommen.dialogue.models import Comment, Contribution, ContributionKind

register_rules(rules.RULES)

# What each kind of stage lets people write (adhocracy4's phase features, as data).
register_stage_kind(
    "stocktaking",
    contribute=(ContributionKind.FINDING,),
    description=_("Befunde einbringen"),
)
register_stage_kind(
    "options",
    contribute=(ContributionKind.OPTION,),
    promote=(ContributionKind.OPTION,),
    description=_("Handlungsoptionen einbringen und zu Empfehlungen erheben"),
)

register_audit_actions(
    {
        "contribution.promoted": _("Zur Empfehlung erhoben"),
        "contribution.answered": _("Offizielle Antwort gegeben"),
        "contribution.edited": _("Beitrag vom Verfasser bearbeitet"),
        "contribution.withdrawn": _("Beitrag vom Verfasser zurückgezogen"),
        "comment.edited": _("Kommentar vom Verfasser bearbeitet"),
        "comment.withdrawn": _("Kommentar vom Verfasser zurückgezogen"),
    },
    area=_("Beiträge"),
)

register_demo(30)(demo.load)
register_demo(35)(demo_answers.load)  # after the contributions, before the translations (90)
register_demo(36)(demo.load_notifications)

# Found by the search as their readers may see them in the field's lists, not once withdrawn (`core/search.py`).
register_search(
    Contribution,
    fields=Contribution.translatable_fields,
    visible=Contribution.objects.searchable_by,
    results=Contribution.objects.for_search,
)
register_search(
    Comment, fields=("body",), visible=Comment.objects.searchable_by, results=Comment.objects.for_search
)


# --- personal data: what the dialogue keeps of people (`accounts/privacy.py` downloads and erases it) ---

WRITTEN = _(
    "solange die Plattform besteht: Der Dialog bleibt nachvollziehbar. Nach dem Löschen Ihres Kontos "
    "steht dort „ehemaliges Mitglied“, oder die Texte werden entfernt, wenn Sie das wünschen"
)
register_personal_data(
    "dialogue.Contribution",
    "author__user",
    purpose=_("Ihre Beiträge: Befunde, Handlungsoptionen und -empfehlungen, mit Ihrem Namen"),
    retention=WRITTEN,
    erasure=KEEP_ANONYMOUS,
    export=("kind", "title", "body", "created_at", "edited_at", "withdrawn_at"),
    remove=services.remove_contributions,
)
register_personal_data(
    "dialogue.Comment",
    "author__user",
    purpose=_("Ihre Kommentare zu Beiträgen, mit Ihrem Namen"),
    retention=WRITTEN,
    erasure=KEEP_ANONYMOUS,
    export=("contribution__title", "body", "created_at", "edited_at", "withdrawn_at"),
    labels=(_("zum Beitrag"), _("Kommentar"), _("geschrieben am"), _("bearbeitet am"), _("zurückgezogen am")),
    remove=services.remove_comments,
)
register_personal_data(
    "dialogue.Support",
    "member__user",
    purpose=_("Welche Beiträge Sie unterstützen (gezählt, ohne Ihren Namen gezeigt)"),
    retention=_("bis Sie die Unterstützung zurücknehmen oder Ihr Konto löschen"),
    erasure=DELETE,
    export=("contribution__title", "created_at"),
    labels=(_("Beitrag"), _("unterstützt am")),
    erase_with=services.erase_supports,
)
register_personal_data(
    "dialogue.Answer",
    "author__user",
    purpose=_("Offizielle Antworten, die Sie für die Verwaltung gegeben haben"),
    retention=_("solange die Plattform besteht; nach dem Löschen Ihres Kontos als „ehemaliges Mitglied“"),
    erasure=KEEP_ANONYMOUS,
    export=("contribution__title", "state", "text", "created_at"),
)
register_staff_acts(
    (
        "dialogue.Contribution",
        "hidden_by",
        _("Wer in der Moderation einen Beitrag ausgeblendet hat"),
        ("created_at", "hidden_at"),
    ),
    (
        "dialogue.Contribution",
        "promoted_by__user",
        _("Wer eine Handlungsoption zur Empfehlung erhoben hat"),
        ("title", "promoted_at"),
    ),
    (
        "dialogue.Comment",
        "hidden_by",
        _("Wer in der Moderation einen Kommentar ausgeblendet hat"),
        ("created_at", "hidden_at"),
    ),
)


# --- notifications: what members hear of the dialogue ---

register_topic(
    "replies", _("Kommentare zu Ihren Beiträgen"), _("Wenn jemand Ihren Beitrag kommentiert."), order=10
)
register_topic(
    "answers",
    _("Offizielle Antworten"),
    _("Wenn die Verwaltung auf Ihren Beitrag antwortet."),
    default="immediately",
    order=20,
)
register_topic(
    "followed",
    _("Was Sie verfolgen"),
    _("Neue Beiträge in Handlungsfeldern und neue Kommentare zu Beiträgen, denen Sie folgen."),
    order=40,
)
register_notification_kind("comment.on_yours", "replies", _("Neuer Kommentar zu Ihrem Beitrag „%(target)s“"))
register_notification_kind("comment.on_followed", "followed", _("Neuer Kommentar zu „%(target)s“"))
register_notification_kind(
    "contribution.answered", "answers", _("Offizielle Antwort auf Ihren Beitrag „%(target)s“")
)
register_notification_kind("contribution.new_in_field", "followed", _("Neuer Beitrag: „%(target)s“"))
register_followable("beitraege", "dialogue.Contribution")
