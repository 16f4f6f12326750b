from django.utils.translation import gettext_lazy as _

from ankommen.core import demo
from ankommen.core.registry import register_audit_actions, register_demo

register_audit_actions(
    {
        "translation.saved": _("Übersetzung gespeichert"),
        "translation.imported": _("Übersetzungen importiert"),
        "town.languages_changed": _("Sprachen der Kommune geändert"),
    }
)

# After every app's German demo (10 to 30): the demo's translations, through the XLIFF import.
register_demo(90)(demo.load_translations)
