from django.utils.translation import gettext_lazy as _

from ankommen.accounts.places import register_place
from ankommen.concept import demo, rules
from ankommen.concept.models import Field
from ankommen.core.registry import (
    Link,
    register_audit_actions,
    register_audit_area,
    register_demo,
    register_followable,
    register_home,
    register_links,
    register_rules,
)
from ankommen.core.translation import translated

register_rules(rules.RULES)
register_home("concept:home")

register_links("menu", Link(_("Start"), "concept:home", order=10), Link(_("Hilfe"), "concept:help", order=20))
register_links(
    "hub",
    Link(
        _("Handlungsfelder und Stufen"),
        "concept:fields",
        "administer",
        10,
        _("Anlegen, planen, öffnen, schließen"),
    ),
    Link(_("Hilfeseiten"), "concept:help_manage", "administer", 40, _("Die Hilfe der Kommune schreiben")),
)

register_audit_actions(
    {
        "field.created": _("Handlungsfeld angelegt"),
        "field.updated": _("Handlungsfeld geändert"),
        "stage.created": _("Stufe angelegt"),
        "stage.updated": _("Stufe geändert"),
        "stage.opened": _("Stufe geöffnet"),
        "stage.closed": _("Stufe geschlossen"),
        "stage.closed_by_opening": _("Stufe geschlossen, weil die nächste geöffnet wurde"),
        "field.archived": _("Handlungsfeld archiviert"),
        "field.unarchived": _("Handlungsfeld aus dem Archiv geholt"),
        "stage.archived": _("Stufe archiviert"),
        "stage.unarchived": _("Stufe aus dem Archiv geholt"),
        "help_page.created": _("Hilfeseite angelegt"),
        "help_page.updated": _("Hilfeseite geändert"),
        "help_page.deleted": _("Hilfeseite entfernt"),
    }
)

register_demo(20)(demo.load)
register_demo(25)(demo.load_help)

# An invitation can name the field the person is invited to work in; they land on its page.
register_place(
    Field,
    _("Handlungsfeld"),
    lambda town: Field.objects.for_municipality(town).listed(),
    title=lambda field, language: translated(field, "name", language),
)

# The audit log's filter groups these actions by area (by their first word).
register_audit_area("field", _("Handlungsfelder"))
register_audit_area("stage", _("Handlungsfelder"))
register_audit_area("help_page", _("Hilfeseiten"))

register_followable("handlungsfelder", "concept.Field")
