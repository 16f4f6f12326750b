from django.utils.translation import gettext_lazy as _

from ankommen.accounts import demo, menu, rules
from ankommen.core.registry import (
    Link,
    register_audit_actions,
    register_audit_area,
    register_audit_subjects,
    register_demo,
    register_links,
    register_partial,
    register_rules,
)

register_rules(rules.RULES)

register_audit_actions(
    {
        "member.joined": _("Mitglied geworden"),
        "member.invited": _("Eingeladen"),
        "member.invitation_revoked": _("Einladung zurückgezogen"),
        "member.invitation_accepted": _("Einladung angenommen"),
        "member.role_changed": _("Rollen geändert"),
        "member.deactivated": _("Mitglied deaktiviert"),
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
register_partial("account_menu", menu.account_menu)
register_partial("refused", "accounts/partials/refused.html")

register_demo(10)(demo.load)

# The audit log's filter: members' actions as one area; entries about a person found by the person filter.
register_audit_area("member", _("Mitglieder"))
register_audit_subjects("accounts.member", "accounts.invitation", "accounts.user")
