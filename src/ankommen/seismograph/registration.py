from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import (
    KEEP_ANONYMOUS,
    Link,
    register_audit_actions,
    register_audit_details,
    register_demo,
    register_followable,
    register_links,
    register_notification_kind,
    register_partial,
    register_periodic,
    register_personal_data,
    register_rules,
    register_staff_acts,
)
from ankommen.seismograph import demo, demo_signals, rules, signal_views
from ankommen.seismograph import rules as signal_rules
from ankommen.seismograph import signals as signal_services

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


# --- signals: the early warnings and the members' observations ---------------------------------------

register_rules(signal_rules.RULES)  # the same table, now with the signals' section
register_partial("contribution_after", signal_views.finding_source)

register_links(
    "hub",
    Link(
        _("Signale des Seismographen"),
        "seismograph:signals",
        "moderate_town",
        46,
        _("Frühwarnungen und Beobachtungen zu den Stadtteilen: als Befund übernehmen oder verwerfen"),
        current=("seismograph:signal*", "seismograph:observation_new"),
        waiting=signal_views.waiting,
    ),
)
register_links(
    "footer",
    Link(
        _("Frühwarnungen und Beobachtungen"),
        "seismograph:signals",
        "view_signals",
        order=5,
        group=_("Seismograph"),
    ),
)

register_audit_actions(
    {
        "warnings.computed": _("Warnsignale des Seismographen berechnet"),
        "observation.added": _("Beobachtung zu einem Stadtteil eingetragen"),
        "signal.finding": _("Signal des Seismographen als Befund übernommen"),
        "signal.dismissed": _("Signal des Seismographen verworfen"),
    },
    area=_("Seismograph"),
)
register_audit_details(
    {
        "added": _("neue Warnsignale"),
        "reopened": _("wieder geöffnete Warnsignale"),
        "withdrawn": _("zurückgezogene Warnsignale"),
        "district": _("Stadtteil"),
    }
)

register_notification_kind("seismograph.warning", "followed", _("Warnsignal: „%(target)s“"))
# A district is followed on its Seismograph page: its new warnings reach its followers, as a field's do.
register_followable(
    "stadtteile",
    "concept.District",
    address=lambda district: reverse("seismograph:district", args=[district.pk]),
)
register_periodic("seismograph.warnings", signal_services.recompute_every_town, minutes=60)
# After the Seismograph's catalogue and values (45): the demo shows its warnings at once.
register_demo(47)(demo_signals.load)

register_personal_data(
    "seismograph.Signal",
    "author__user",
    name=_("Ihre Beobachtungen im Seismographen"),
    purpose=_("Beobachtungen, die Sie zu einem Stadtteil und Handlungsfeld notiert haben, mit Ihrem Namen"),
    retention=_(
        "solange die Plattform besteht: Nach dem Löschen Ihres Kontos steht dort „ehemaliges Mitglied“, "
        "oder die Texte werden entfernt, wenn Sie das wünschen"
    ),
    erasure=KEEP_ANONYMOUS,
    export=("district__name", "field__name", "text", "created_at", "status"),
    labels=(_("Stadtteil"), _("Handlungsfeld"), _("Beobachtung"), _("notiert am"), _("Stand")),
    remove=signal_services.remove_observations,
)
register_staff_acts(
    (
        "seismograph.Signal",
        "decided_by__user",
        _("Wer ein Signal des Seismographen als Befund übernommen oder verworfen hat"),
        ("created_at", "status", "decided_at"),
    ),
    (
        "seismograph.Signal",
        "hidden_by",
        _("Wer in der Moderation eine Beobachtung ausgeblendet hat"),
        ("created_at", "hidden_at"),
    ),
)


# --- the town's data: the admins' pages (manage.py) ---------------------------------------------------

from ankommen.seismograph import manage  # noqa: E402

register_links(
    "hub",
    Link(
        _("Seismograph"),
        "seismograph:manage",
        "keep_indicators",
        45,
        _(
            "Stadtteile und ihre Grenzen, Indikatoren, Werte importieren und zurücknehmen, Schwellen für Warnsignale"
        ),
        current=("seismograph:manage*",),
    ),
)
register_audit_actions(
    {
        "district.saved": _("Stadtteil gespeichert"),
        "district.boundary_added": _("Grenze eines Stadtteils hochgeladen"),
        "district.boundary_replaced": _("Grenze eines Stadtteils ersetzt"),
        "indicator.saved": _("Indikator gespeichert"),
        "seismograph.thresholds_changed": _("Schwellen für Warnsignale geändert"),
    },
    area=_("Seismograph"),
)
register_audit_details({"shape": _("Art der Fläche")})
# Files uploaded for a preview and never confirmed go after a day.
register_periodic("seismograph.prune_uploads", manage.prune_uploads, minutes=1440)


# --- the dashboard ---------------------------------------------------------------------------------

register_links("menu", Link(_("Seismograph"), "seismograph:overview", order=45, current=("seismograph:*",)))
register_links(
    "footer",
    Link(_("Stadtteile in Zahlen"), "seismograph:overview", order=0, group=_("Seismograph")),
    Link(_("Segregation"), "seismograph:segregation", order=1, group=_("Seismograph")),
)
