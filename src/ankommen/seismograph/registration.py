from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import (
    register_audit_actions,
    register_audit_details,
    register_demo,
    register_rules,
    register_staff_acts,
)
from ankommen.seismograph import demo, rules

register_rules(rules.RULES)
# After the fields (20), whose slugs the catalogue names; before the translations (90).
register_demo(45)(demo.load)

register_audit_actions(
    {
        "indicators.installed": _("Indikatoren aus dem mitgelieferten Katalog übernommen"),
        "values.imported": _("Werte für den Seismographen importiert"),
        "values.rolled_back": _("Import von Werten zurückgenommen"),
    },
    area=_("Seismograph"),
)
register_audit_details(
    {
        "file": _("Datei"),
        "new": _("neue Werte"),
        "changed": _("geänderte Werte"),
        "unchanged": _("unveränderte Werte"),
        "restored": _("wiederhergestellte Werte"),
        "districts": _("entfernte Stadtteile"),
    }
)

register_staff_acts(
    (
        "seismograph.ImportRun",
        "started_by__user",
        _("Wer Werte für den Seismographen importiert hat"),
        ("file_name", "started_at"),
    ),
    (
        "seismograph.ImportRun",
        "rolled_back_by__user",
        _("Wer einen Import von Werten zurückgenommen hat"),
        ("file_name", "rolled_back_at"),
    ),
)


# --- the dashboard ---------------------------------------------------------------------------------

from ankommen.core.registry import Link, register_links  # noqa: E402 (this part's own section)

register_links("menu", Link(_("Seismograph"), "seismograph:overview", order=45, current=("seismograph:*",)))
register_links(
    "footer",
    Link(_("Stadtteile in Zahlen"), "seismograph:overview", order=0, group=_("Seismograph")),
    Link(_("Segregation"), "seismograph:segregation", order=1, group=_("Seismograph")),
)
