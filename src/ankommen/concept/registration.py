from django.utils.translation import gettext_lazy as _

from ankommen.concept import demo, rules
from ankommen.core.registry import (
    register_audit_actions,
    register_demo,
    register_home,
    register_link,
    register_rules,
)

register_rules(rules.RULES)
register_home("concept:home")

register_link("menu", _("Start"), "concept:home", order=10)
register_link("menu", _("Hilfe"), "concept:help", order=20)
register_link(
    "hub",
    _("Handlungsfelder und Stufen"),
    "concept:fields",
    action="administer",
    order=10,
    description=_("Handlungsfelder anlegen, Stufen planen, öffnen und schließen"),
)
register_link(
    "hub",
    _("Hilfeseiten"),
    "concept:help_manage",
    action="administer",
    order=40,
    description=_("Die Hilfe der Kommune schreiben und übersetzen lassen"),
)

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
