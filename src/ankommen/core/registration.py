from django.utils.translation import gettext_lazy as _

from ankommen.core import demo, rules
from ankommen.core.registry import register_audit_actions, register_demo, register_link, register_rules
from ankommen.core.roles import register_product_roles

register_product_roles()
register_rules(rules.RULES)

register_audit_actions(
    {
        "translation.saved": _("Übersetzung gespeichert"),
        "translation.imported": _("Übersetzungen importiert"),
        "town.created": _("Kommune angelegt"),
        "town.languages_changed": _("Sprachen der Kommune geändert"),
        "flag.dismissed": _("Meldung zurückgewiesen"),
    }
)

MENU = [
    (_("Moderation"), "core:moderation", "moderate_town", 60),
    (_("Übersetzungen"), "core:translations", "translate", 70),
    (_("Verwaltung"), "core:administration", "administer", 80),
]
for label, url_name, action, order in MENU:
    register_link("menu", label, url_name, action=action, order=order)

HUB = [
    (_("Moderation"), "core:moderation", "moderate_town", 30, _("Gemeldete Beiträge und Kommentare prüfen")),
    (
        _("Übersetzungen"),
        "core:translations",
        "translate",
        50,
        _("Texte der Kommune in ihre Sprachen bringen"),
    ),
    (
        _("Sprachen der Kommune"),
        "core:town_languages",
        "administer",
        60,
        _("Welche Sprachen die Plattform anbietet"),
    ),
    (_("Protokoll"), "core:audit", "administer", 90, _("Wer wann was geändert hat")),
]
for label, url_name, action, order, description in HUB:
    register_link("hub", label, url_name, action=action, order=order, description=description)

# After every app's German demo (10 to 30): the demo's translations, through the XLIFF import.
register_demo(90)(demo.load_translations)
