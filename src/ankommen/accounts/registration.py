from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ankommen.accounts import demo, menu, privacy, rules, services
from ankommen.accounts.models import JoinRequest
from ankommen.core.registry import (
    DELETE,
    PSEUDONYMISE,
    UNLINK,
    UNTIL_ERASED,
    WITH_ACCOUNT,
    Link,
    register_audit_actions,
    register_audit_area,
    register_audit_subjects,
    register_demo,
    register_links,
    register_notification_kind,
    register_partial,
    register_people,
    register_periodic,
    register_personal_data,
    register_rules,
    register_topic,
)

register_rules(rules.RULES)


def join_requests_waiting(town):
    """The hub tile of the requests to join: how many wait."""
    waiting = JoinRequest.objects.for_municipality(town).open().count()
    return (
        ngettext("%(count)s Anfrage wartet", "%(count)s Anfragen warten", waiting) % {"count": waiting}
        if waiting
        else ""
    )


register_audit_actions(
    {
        "member.joined": _("Mitglied geworden"),
        "member.invited": _("Eingeladen"),
        "member.invitation_revoked": _("Einladung zurückgezogen"),
        "member.invitation_accepted": _("Einladung angenommen"),
        "member.role_changed": _("Rollen geändert"),
        "member.deactivated": _("Mitglied deaktiviert"),
        "member.join_requested": _("Um Aufnahme gebeten"),
        "member.join_accepted": _("Beitrittsanfrage angenommen"),
        "member.join_declined": _("Beitrittsanfrage abgelehnt"),
        "town.joining_changed": _("Beitritt geregelt"),
        "member.reactivated": _("Mitglied wieder aktiviert"),
    }
)

register_links(
    "hub",
    Link(
        _("Mitglieder und Einladungen"),
        "accounts:members",
        "administer",
        20,
        _("Wer mit welchen Rollen mitarbeitet"),
    ),
)
register_links(
    "hub",
    Link(
        _("Beitrittsanfragen"),
        "accounts:join_requests",
        "administer",
        21,
        _("Wer um Aufnahme bittet, und wie Menschen Mitglied werden"),
        waiting=join_requests_waiting,
    ),
)
register_partial("account_menu", menu.account_menu)
register_partial("refused", "accounts/partials/refused.html")

register_demo(10)(demo.load)

# The audit log's filter: members' actions as one area; entries about a person found by the person filter.
register_audit_area("member", _("Mitglieder"))
register_audit_subjects("accounts.member", "accounts.invitation", "accounts.user")

# --- personal data: what this app keeps of people (`accounts/privacy.py` downloads and erases it) ---

register_personal_data(
    "accounts.User",
    "email",
    by_email=True,
    name=_("Ihr Konto"),
    purpose=_("Ihr Konto: Anmeldung, Ihr Name bei Ihren Beiträgen, Ihre Sprache"),
    retention=UNTIL_ERASED,
    erasure=WITH_ACCOUNT,
    export=("email", "display_name", "preferred_language", "languages_spoken", "date_joined", "last_login"),
)
register_personal_data(
    "accounts.Member",
    "user",
    purpose=_("Ihre Mitgliedschaft in der Kommune und Ihre Rollen"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("role_sectors", "joined_at", "is_active"),
)
register_personal_data(
    "accounts.Invitation",
    "email",
    by_email=True,
    purpose=_("Einladungen an Ihre Adresse: wer Sie wozu eingeladen hat"),
    retention=_(
        "bis Sie Ihr Konto löschen; nicht angenommene Einladungen verfallen nach zwei Wochen und werden "
        "30 Tage danach gelöscht"
    ),
    erasure=DELETE,
    export=("role", "sector", "message", "created_at", "expires_at", "accepted_at", "revoked_at"),
)
for link in ("invited_by", "accepted_by"):
    register_personal_data(
        "accounts.Invitation",
        link,
        purpose=_("Wer eine Einladung verschickt oder angenommen hat"),
        retention=_("solange die Einladung gespeichert ist; beim Löschen Ihres Kontos ohne Ihren Namen"),
        erasure=UNLINK,
        export=("role", "created_at"),  # not the invited address: that is the other person's
    )
register_personal_data(
    "core.AuditEntry",
    "actor",
    purpose=_("Das Protokoll: wer wann Stufen, Rollen und ausgeblendete Beiträge geändert hat"),
    retention=_("solange die Plattform besteht; nach dem Löschen Ihres Kontos unter einem Pseudonym"),
    erasure=PSEUDONYMISE,
    export=("created_at", "action", "target_label"),
    erase_with=privacy.pseudonymise_audit,
)
register_personal_data(
    "account.EmailAddress",
    "user",
    purpose=_("Ihre E-Mail-Adresse und ob sie bestätigt ist"),
    retention=UNTIL_ERASED,
    erasure=WITH_ACCOUNT,
    export=("email", "verified", "primary"),
)
register_personal_data(
    "admin.LogEntry",
    "user",
    purpose=_("Änderungen, die Betreiberinnen und Betreiber in der technischen Verwaltung gemacht haben"),
    retention=UNTIL_ERASED,
    erasure=WITH_ACCOUNT,
    export=("action_time", "object_repr"),
)
register_personal_data(
    "accounts.JoinRequest",
    "user",
    purpose=_("Ihre Bitte um Aufnahme, warum Sie mitmachen möchten, und die Antwort darauf"),
    retention=UNTIL_ERASED,
    erasure=DELETE,
    export=("motivation", "created_at", "decided_at", "outcome", "answer"),
)
register_personal_data(
    "accounts.JoinRequest",
    "decided_by",
    purpose=_("Wer über eine Bitte um Aufnahme entschieden hat"),
    retention=_("solange die Anfrage gespeichert ist; beim Löschen Ihres Kontos ohne Ihren Namen"),
    erasure=UNLINK,
    export=("created_at", "decided_at", "outcome"),
)


# --- notifications: the admins hear of requests to join; core finds the town's staff here ---

register_topic(
    "join_requests",
    _("Bitten um Aufnahme"),
    _("Wenn jemand Mitglied werden möchte (für die Administration)."),
    default="daily",
    action="administer",
    order=70,
)
register_notification_kind("join.requested", "join_requests", _("%(target)s bittet um Aufnahme"))
register_people(who_may=services.people_who_may, members_of=services.active_members)

# Invitations nobody accepted are deleted 30 days after they expired or were withdrawn.
register_periodic("invitations.prune", services.prune_invitations, minutes=1440)
