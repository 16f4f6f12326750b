from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import register_audit_actions

register_audit_actions(
    {
        "translation.saved": _("Übersetzung gespeichert"),
        "translation.imported": _("Übersetzungen importiert"),
        "town.languages_changed": _("Sprachen der Kommune geändert"),
    }
)
