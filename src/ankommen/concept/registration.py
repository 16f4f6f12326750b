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
        "help_page.created": _("Hilfeseite angelegt"),
        "help_page.updated": _("Hilfeseite geändert"),
        "help_page.deleted": _("Hilfeseite entfernt"),
    }
)

register_demo(20)(demo.load)
register_demo(25)(demo.load_help)
