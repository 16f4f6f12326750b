from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ankommen.circle import demo, matching, rules
from ankommen.circle.models import CallAnswer
from ankommen.core.registry import (
    DELETE,
    UNTIL_ERASED,
    Link,
    register_audit_actions,
    register_demo,
    register_followable,
    register_links,
    register_notification_kind,
    register_partial,
    register_personal_data,
    register_rules,
    register_staff_acts,
    register_topic,
)

register_rules(rules.RULES)


def answers_waiting(town):
    """The hub tile of the calls: how many answers came in the last week."""
    count = (
        CallAnswer.objects.for_municipality(town)
        .filter(created_at__gte=timezone.now() - timedelta(days=7))
        .count()
    )
    return (
        ngettext("%(count)s neue Antwort", "%(count)s neue Antworten", count) % {"count": count}
        if count
        else ""
    )


register_links("menu", Link(_("Gesucht"), "circle:calls", order=25, current=("circle:call",)))
register_links(
    "hub",
    Link(
        _("Gesuche"),
        "circle:calls_admin",
        "keep_circle",
        30,
        _("Menschen für Aufgaben gewinnen: wer passt, wer sich meldet"),
        current=("circle:call_*",),
        waiting=answers_waiting,
    ),
    Link(
        _("Personen finden"),
        "circle:member_search",
        "search_members",
        31,
        _("Mitglieder nach Kompetenzen, Sprachen und mehr"),
    ),
    Link(
        _("Kompetenzen"),
        "circle:competences",
        "keep_circle",
        32,
        _("Die Liste, aus der Mitglieder wählen"),
        current=("circle:competence_create", "circle:competence_edit"),
    ),
    Link(
        _("Organisationen"),
        "circle:organisations",
        "keep_circle",
        33,
        _("Vereine, Einrichtungen, Fachbereiche und Partner"),
        current=("circle:organisation*",),
    ),
)
group = _("Mitmachen")
register_links(
    "footer",
    Link(_("Gesucht"), "circle:calls", order=0, group=group),
    Link(_("Organisationen"), "circle:organisations", order=1, group=group),
    Link(_("Mitglied werden"), "accounts:join", order=2, group=group),
)
register_partial("profile_links", "circle/partials/profile_links.html")

register_audit_actions(
    {
        "competence.created": _("Kompetenz in die Liste aufgenommen"),
        "competence.updated": _("Kompetenz der Liste geändert"),
        "competence.confirmed": _("Kompetenz bestätigt"),
        "competence.confirmation_withdrawn": _("Bestätigung einer Kompetenz zurückgenommen"),
        "organisation.created": _("Organisation angelegt"),
        "organisation.updated": _("Organisation geändert"),
        "organisation.contact_set": _("Ansprechperson einer Organisation benannt"),
        "organisation.contact_unset": _("Ansprechperson einer Organisation abberufen"),
        "call.saved": _("Gesuch gespeichert"),
        "call.published": _("Gesuch veröffentlicht"),
        "call.closed": _("Gesuch beendet"),
        "call.invited": _("Personen zu einem Gesuch angefragt"),
        "call.answer_on_paper": _("Meldung auf ein Gesuch von Papier eingetragen"),
    },
    area=_("Offener Kreis"),
)

# After the dialogue (30) and its notifications (36): the circle's people are the demo's members.
register_demo(40)(demo.load)

# --- notifications: calls ---

register_topic(
    "calls",
    _("Gesuche"),
    _("Neue Gesuche in Handlungsfeldern, denen Sie folgen, und Anfragen, ob Sie bei einem Gesuch helfen."),
    default="immediately",
    order=30,
)
register_topic(
    "call_answers",
    _("Antworten auf Gesuche"),
    _("Wer sich auf ein Gesuch meldet, und wer einer Anfrage zusagt oder absagt (für die Administration)."),
    default="daily",
    action="keep_circle",
    order=75,
)
register_notification_kind("call.published", "calls", _("Neues Gesuch: „%(target)s“"))
register_notification_kind("call.invited", "calls", _("Sie wurden angefragt: „%(target)s“"))
register_notification_kind("call.answered", "call_answers", _("Neue Meldung auf „%(target)s“"))
register_notification_kind("call.accepted", "call_answers", _("Zusage zu „%(target)s“"))
register_notification_kind("call.declined", "call_answers", _("Absage zu „%(target)s“"))
register_followable("gesucht", "circle.Call")

# --- personal data ---

register_personal_data(
    "circle.Profile",
    "member__user",
    name=_("Ihr Profil im offenen Kreis"),
    purpose=_("Ihr Profil im offenen Kreis: was Sie können, Ihr Bereich, Ihre Interessen, wer was sieht"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=(
        "free_terms",
        "interpreting",
        "sector",
        "district__name",
        "suggest_me",
        "competences_visible_to",
        "languages_visible_to",
        "sector_visible_to",
        "interests_visible_to",
        "organisations_visible_to",
        "district_visible_to",
        "updated_at",
    ),
)
register_personal_data(
    "circle.MemberCompetence",
    "profile__member__user",
    name=_("Ihre Kompetenzen"),
    purpose=_("Ihre Kompetenzen aus der Liste der Stadt, und welche Organisation sie bestätigt hat"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("competence__name", "confirmed_by__name", "confirmed_at"),
)
register_personal_data(
    "circle.MemberLanguage",
    "profile__member__user",
    name=_("Ihre Sprachen"),
    purpose=_("Ihre Sprachen mit Ihrem Niveau im Sprechen, Verstehen und Schreiben"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("language", "speak", "understand", "write"),
)
register_personal_data(
    "circle.OrganisationMembership",
    "member__user",
    name=_("Ihre Organisationen"),
    purpose=_("Zu welchen Organisationen Sie gehören"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("organisation__name", "is_contact", "joined_at"),
)
register_personal_data(
    "circle.CallAnswer",
    "member__user",
    purpose=_("Ihre Meldungen auf Gesuche"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("call__title", "message", "created_at"),
)
register_personal_data(
    "circle.CallAnswer",
    "email",
    by_email=True,
    purpose=_("Meldungen auf Gesuche ohne Konto: Ihr Name und Ihre Adresse für die Antwort"),
    retention=_("bis das Gesuch gelöscht wird oder Sie um Löschung bitten"),
    erasure=DELETE,
    export=("call__title", "name", "email", "message", "created_at"),
)
register_personal_data(
    "circle.CallInvitation",
    "member__user",
    name=_("Anfragen an Sie"),
    purpose=_("Anfragen an Sie zu Gesuchen: warum Sie passten, und Ihre Antwort"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("call__title", "status", "score", "reasons", "invited_at", "answered_at"),
    readable={"reasons": matching.reasons_in_words},
)
register_staff_acts(
    (
        "circle.MemberCompetence",
        "confirmed_by_member__user",
        _("Wessen Kompetenz Sie für eine Organisation bestätigt haben"),
        ("competence__name", "confirmed_at"),
    ),
    ("circle.Call", "created_by__user", _("Gesuche, die Sie angelegt haben"), ("title", "created_at")),
    (
        "circle.CallAnswer",
        "entered_by__user",
        _("Meldungen auf Gesuche, die Sie von Papier eingetragen haben"),
        ("call__title", "created_at"),
    ),
    (
        "circle.CallInvitation",
        "invited_by__user",
        _("Anfragen zu Gesuchen, die Sie verschickt haben"),
        ("call__title", "invited_at"),
    ),
)
