from django.utils.translation import gettext_lazy as _

from ankommen.concept import demo
from ankommen.core.registry import register_audit_actions, register_demo

register_audit_actions(
    {
        "field.created": _("Handlungsfeld angelegt"),
        "field.updated": _("Handlungsfeld geändert"),
        "stage.created": _("Stufe angelegt"),
        "stage.updated": _("Stufe geändert"),
        "stage.opened": _("Stufe geöffnet"),
        "stage.closed": _("Stufe geschlossen"),
    }
)

register_demo(20)(demo.load)
register_demo(35)(demo.load_translations)
