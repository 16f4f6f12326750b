from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ankommen.core import demo, moderation, notifications, rules, search, translation
from ankommen.core.languages import SOURCE
from ankommen.core.registry import (
    DELETE,
    UNTIL_ERASED,
    Link,
    register_audit_actions,
    register_audit_area,
    register_audit_details,
    register_demo,
    register_links,
    register_notification_kind,
    register_periodic,
    register_personal_data,
    register_rules,
    register_staff_acts,
    register_topic,
    registry,
)
from ankommen.core.roles import register_product_roles

register_product_roles()
register_rules(rules.RULES)

register_audit_actions(
    {
        "translation.saved": _("Übersetzung gespeichert"),
        "translation.imported": _("Übersetzungen importiert"),
        "town.created": _("Kommune angelegt"),
        "town.languages_changed": _("Sprachen der Kommune geändert"),
        "town.limits_changed": _("Grenzen gegen Missbrauch geändert"),
        "flag.dismissed": _("Meldung zurückgewiesen"),
        "flags.dismissed": _("Meldungen zurückgewiesen"),
        "review.requested": _("Überprüfung einer Ausblendung erbeten"),
        "review.kept": _("Nach Überprüfung weiter ausgeblendet"),
    }
)

# The audit log's filter groups actions by area: by their first word, or, where given, by the action.
register_audit_area("translation", _("Übersetzungen"))
register_audit_area("town", _("Kommune"))
for prefix in ("flag", "flags", "review"):
    register_audit_area(prefix, _("Moderation"))

# Details that are no field of the entry's object; the others are labelled with their field's name.
register_audit_details(
    {
        "reason": _("Grund"),
        "count": _("Anzahl"),
        "texts": _("Texte"),
        "language": _("Sprache"),
        "languages": _("Sprachen"),
        "host": _("Adresse"),
        "state": _("Stand"),
        "role": _("Rolle"),
        "roles": _("Rollen"),
        "note": _("Notiz"),
        "content": _("Inhalt"),
    }
)


def reports_waiting(town):
    """The moderators' hub tile: reported texts and requests for a review that wait."""
    reported = moderation.reported_items(town).count()
    reviews = moderation.open_review_requests(town).count()
    parts = []
    if reported:
        parts.append(
            ngettext("%(count)s gemeldeter Text", "%(count)s gemeldete Texte", reported)
            % {"count": number_format(reported, force_grouping=True)}
        )
    if reviews:
        parts.append(
            ngettext("%(count)s Bitte um Überprüfung", "%(count)s Bitten um Überprüfung", reviews)
            % {"count": number_format(reviews, force_grouping=True)}
        )
    return ", ".join(parts)


def texts_waiting(town):
    """The translators' hub tile: translations missing or outdated, all the town's languages together."""
    languages = [language.code for language in town.active_languages if language.code != SOURCE]
    waiting = translation.waiting_count(town, languages)
    if not waiting:
        return ""
    return ngettext(
        "%(count)s Übersetzung fehlt oder ist veraltet",
        "%(count)s Übersetzungen fehlen oder sind veraltet",
        waiting,
    ) % {"count": number_format(waiting, force_grouping=True)}


# Link(label, page, the rule that shows it, order, what the hub's tile says)
register_links(
    "menu",
    Link(_("Moderation"), "core:moderation", "moderate_town", 60),
    Link(_("Übersetzungen"), "core:translations", "translate", 70),
    Link(_("Verwaltung"), "core:administration", "administer", 80),
)
register_links(
    "hub",
    Link(
        _("Moderation"),
        "core:moderation",
        "moderate_town",
        30,
        _("Gemeldete Beiträge prüfen"),
        waiting=reports_waiting,
    ),
    Link(
        _("Übersetzungen"),
        "core:translations",
        "translate",
        50,
        _("Texte der Kommune übersetzen"),
        waiting=texts_waiting,
    ),
    Link(
        _("Sprachen der Kommune"),
        "core:town_languages",
        "administer",
        60,
        _("Welche Sprachen die Kommune anbietet"),
    ),
    Link(
        _("Grenzen gegen Missbrauch"),
        "core:town_limits",
        "administer",
        70,
        _("Wie oft ein Mitglied in einer Stunde schreiben, unterstützen und melden darf"),
    ),
    Link(_("Protokoll"), "core:audit", "administer", 90, _("Wer wann was geändert hat")),
)

# After every app's German demo (10 to 30): the demo's translations, through the XLIFF import.
register_demo(90)(demo.load_translations)


# Last: the search index of the demo town as a whole, also for rows an older version wrote unindexed.
@register_demo(95)
def rebuild_search_index(town, stdout):
    stdout.write(f"Suchindex: {search.rebuild(town)} Texte.")


# --- personal data: what core keeps of people (`accounts/privacy.py` downloads and erases it) ---

register_personal_data(
    "core.Flag",
    "reporter",
    purpose=_("Ihre Meldungen an die Moderation: Grund und Zeitpunkt"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("reason", "created_at", "resolved_at", "outcome"),
)
register_personal_data(
    "core.ReviewRequest",
    "requester",
    purpose=_("Ihre Bitten, eine Ausblendung zu überprüfen"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("text", "created_at", "resolved_at", "outcome"),
)
register_staff_acts(
    (
        "core.Flag",
        "resolved_by",
        _("Wer in der Moderation über eine Meldung entschieden hat"),
        ("created_at", "resolved_at", "outcome"),
    ),
    (
        "core.ReviewRequest",
        "resolved_by",
        _("Wer eine Bitte um Überprüfung beantwortet hat"),
        ("created_at", "resolved_at", "outcome"),
    ),
    (
        "core.Revision",
        "replaced_by",
        _("Wer eine frühere Fassung eines Textes ersetzt hat"),
        ("written_at", "replaced_at"),
    ),
    (
        "core.Translation",
        "updated_by",
        _("Wer eine Übersetzung zuletzt bearbeitet hat"),
        ("language", "field", "state", "updated_at"),
    ),
)
register_personal_data(
    "django_tasks_database.DBTaskResult",
    "args_kwargs",
    by_email=True,
    match="icontains",
    purpose=_("Mails an Sie: was verschickt wurde und ob es geklappt hat"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("enqueued_at", "finished_at", "status"),
    labels=(_("eingereiht am"), _("verschickt am"), _("Stand")),
)


# --- notifications: core's topics, and the scheduler's job that mails them ---

register_topic(
    "moderation",
    _("Moderation Ihrer Beiträge"),
    _("Wenn die Moderation etwas ausblendet, das Sie geschrieben haben."),
    default="immediately",
    order=30,
)
register_topic(
    "reports",
    _("Neue Meldungen"),
    _("Wenn jemand einen Beitrag oder Kommentar meldet (für die Moderation)."),
    default="daily",
    action="moderate_town",
    order=60,
)
register_notification_kind(
    "item.hidden", "moderation", _("Die Moderation hat ausgeblendet, was Sie geschrieben haben: „%(target)s“")
)
register_notification_kind("item.reported", "reports", _("Neue Meldung: „%(target)s“"))
register_periodic("notifications.deliver", notifications.deliver, minutes=1)
register_periodic("notifications.prune_outbox", notifications.prune_outbox, minutes=1440)


def notification_in_words(code):
    """A kind of notification on the person's data page, in its words ("Anmeldung bestätigt: „…“")."""
    kind = registry.notification_kinds.get(code)
    return str(kind.text) % {"target": "…"} if kind else code


for model, link, purpose, export, retention in (
    (
        "core.Notification",
        "recipient",
        _("Was Ihnen die Plattform mitgeteilt hat"),
        ("kind", "target_label", "created_at", "read_at"),
        UNTIL_ERASED,
    ),
    (
        "core.NotificationSetting",
        "user",
        _("Wie oft Sie welche E-Mails bekommen möchten"),
        ("topic", "frequency"),
        UNTIL_ERASED,
    ),
    ("core.Follow", "user", _("Wem Sie folgen"), ("created_at",), UNTIL_ERASED),
    (
        "core.Delivery",
        "recipient",
        _("Die E-Mails mit Ihren Benachrichtigungen"),
        ("subject", "created_at", "sent_at"),
        _("90 Tage nach dem Versand; bis Sie Ihr Konto löschen, wenn das früher ist"),
    ),
):
    readable = {"kind": notification_in_words} if model == "core.Notification" else None
    register_personal_data(
        model, link, purpose=purpose, retention=retention, erasure=DELETE, export=export, readable=readable
    )
