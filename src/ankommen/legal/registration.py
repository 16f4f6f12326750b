from datetime import timedelta

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ankommen.core.registry import (
    DELETE,
    Link,
    register_audit_actions,
    register_demo,
    register_links,
    register_notification_kind,
    register_periodic,
    register_personal_data,
    register_rules,
    register_staff_acts,
    register_topic,
)
from ankommen.legal import demo, rules
from ankommen.legal.models import BarrierReport


def barrier_reports_waiting(town):
    """The hub tile of the barrier reports: how many are open, and how many of them overdue."""
    open_reports = BarrierReport.objects.for_municipality(town).open()
    counts = open_reports.aggregate(
        open=models.Count("pk"), overdue=models.Count("pk", filter=models.Q(due_on__lt=timezone.localdate()))
    )
    if not counts["open"]:
        return ""
    text = ngettext("%(count)s offene Meldung", "%(count)s offene Meldungen", counts["open"]) % {
        "count": number_format(counts["open"], force_grouping=True)
    }
    if counts["overdue"]:
        text += ", " + ngettext(
            "%(count)s davon überfällig", "%(count)s davon überfällig", counts["overdue"]
        ) % {"count": number_format(counts["overdue"], force_grouping=True)}
    return text


register_rules(rules.RULES)

register_links(
    "menu",
    Link(_("Leichte Sprache"), "legal:easy_language", order=30, icon="easy-language"),
    Link(_("Gebärdensprache"), "legal:sign_language", order=40, icon="sign-language"),
    Link(_("Barriere-Meldungen"), "legal:barrier_queue", "moderate_town", 65),
)
register_links(
    "hub",
    Link(
        _("Rechtliche Seiten und Barrierefreiheit"),
        "legal:manage",
        "administer",
        70,
        _("Impressum, Datenschutz und mehr"),
    ),
    Link(
        _("Barriere-Meldungen"),
        "legal:barrier_queue",
        "moderate_town",
        75,
        _("Binnen eines Monats antworten"),
        waiting=barrier_reports_waiting,
    ),
)
FOOTER = [
    (_("Impressum"), "legal:imprint"),
    (_("Datenschutz"), "legal:privacy"),
    (_("Nutzungsbedingungen"), "legal:terms"),
    (_("Barrierefreiheit"), "legal:accessibility"),
    (_("Barriere melden"), "legal:report_barrier"),
    (_("Leichte Sprache"), "legal:easy_language"),
    (_("Gebärdensprache"), "legal:sign_language"),
]
group = _("Rechtliches und Barrierefreiheit")
register_links(
    "footer", *(Link(label, url, order=index, group=group) for index, (label, url) in enumerate(FOOTER))
)

register_audit_actions(
    {
        "legal.imprint_saved": _("Impressum gespeichert"),
        "legal.privacy_saved": _("Datenschutzerklärung gespeichert"),
        "legal.terms_created": _("Fassung der Nutzungsbedingungen angelegt"),
        "legal.terms_updated": _("Entwurf der Nutzungsbedingungen geändert"),
        "legal.terms_published": _("Nutzungsbedingungen veröffentlicht"),
        "legal.accessibility_saved": _("Erklärung zur Barrierefreiheit gespeichert"),
        "legal.non_accessible_content_added": _("Nicht barrierefreien Inhalt eingetragen"),
        "legal.non_accessible_content_updated": _("Nicht barrierefreien Inhalt geändert"),
        "legal.non_accessible_content_removed": _("Nicht barrierefreien Inhalt entfernt"),
        "legal.easy_language_saved": _("Leichte Sprache gespeichert"),
        "legal.sign_language_video_saved": _("Video in Gebärdensprache gespeichert"),
        "barrier_report.answered": _("Barriere-Meldung beantwortet"),
        "barrier_report.closed": _("Barriere-Meldung geschlossen"),
    },
    area=_("Rechtliches und Barrierefreiheit"),
)

# After the people (10), before the concept (20): the legal pages need no other data.
register_demo(15)(demo.load)


# --- personal data: what this app keeps of people (`accounts/privacy.py` downloads and erases it) ---


register_personal_data(
    "legal.BarrierReport",
    "email",
    by_email=True,
    purpose=_("Ihre Meldungen von Barrieren und Ihre Adresse für die Antwort"),
    retention=_("bis Sie Ihr Konto löschen; Meldungen ohne Konto, bis die Kommune sie nicht mehr braucht"),
    erasure=DELETE,
    export=("kind", "subject", "location", "message", "name", "email", "received_at", "status"),
)
register_staff_acts(
    (
        "legal.BarrierReport",
        "resolved_by__user",
        _("Wer eine Barriere-Meldung erledigt hat"),
        ("subject", "resolved_at"),
    ),
    (
        "legal.TermsVersion",
        "published_by__user",
        _("Wer eine Fassung der Nutzungsbedingungen veröffentlicht hat"),
        ("number", "published_at"),
    ),
)


# --- notifications: barrier reports coming due (an answer within a month, § 10 L-BGG) ---

DUE_WITHIN = timedelta(days=7)


def tell_of_reports_coming_due(now):
    """Once a day: the staff hear of each open barrier report due within a week, once per report."""
    from ankommen.core import notifications
    from ankommen.core.models import Municipality

    soon = timezone.localdate(now) + DUE_WITHIN
    for town in Municipality.objects.all():
        reports = BarrierReport.objects.for_municipality(town).open().filter(due_on__lte=soon)
        if not reports.exists():
            continue
        staff = notifications.people_who_may(town, "moderate_town")
        for report in reports:
            notifications.notify(
                staff,
                "barrier.due",
                event=f"barrier_due:{report.pk}",
                target=report,
                url=reverse("legal:barrier_report", args=[report.pk]),
            )


register_topic(
    "barrier_reports",
    _("Barriere-Meldungen"),
    _("Wenn die Antwort auf eine Barriere-Meldung in einer Woche fällig ist (für die Moderation)."),
    default="daily",
    action="moderate_town",
    order=80,
)
register_notification_kind("barrier.due", "barrier_reports", _("Bald fällig: %(target)s"))
register_periodic("barrier_reports.coming_due", tell_of_reports_coming_due, minutes=1440)
