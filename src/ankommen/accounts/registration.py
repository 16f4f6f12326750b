from django.utils.translation import gettext_lazy as _

from ankommen.accounts import demo, rules
from ankommen.core.registry import (
    register_audit_actions,
    register_demo,
    register_link,
    register_partial,
    register_rules,
)

register_rules(rules.RULES)

register_audit_actions(
    {
        "member.joined": _("Mitglied geworden"),
        "member.invited": _("Eingeladen"),
        "member.invitation_revoked": _("Einladung zurückgezogen"),
        "member.role_changed": _("Rollen geändert"),
    }
)

register_link(
    "hub",
    _("Mitglieder und Einladungen"),
    "accounts:members",
    action="administer",
    order=20,
    description=_("Wer mitarbeitet, mit welchen Rollen; Personen einladen"),
)
register_partial("account_menu", "accounts/partials/account_menu.html")
register_partial("refused", "accounts/partials/refused.html")

register_demo(10)(demo.load)
