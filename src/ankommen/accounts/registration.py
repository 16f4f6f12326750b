from django.utils.translation import gettext_lazy as _

from ankommen.accounts import demo
from ankommen.core.registry import register_audit_actions, register_demo

register_audit_actions(
    {
        "member.joined": _("Mitglied geworden"),
        "member.invited": _("Eingeladen"),
        "member.invitation_revoked": _("Einladung zurückgezogen"),
        "member.role_changed": _("Rolle geändert"),
    }
)

register_demo(10)(demo.load)
