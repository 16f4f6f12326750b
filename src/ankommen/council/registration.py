from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ankommen.core.registry import (
    UNLINK,
    Link,
    register_audit_actions,
    register_demo,
    register_links,
    register_notification_kind,
    register_partial,
    register_personal_data,
    register_rules,
    register_staff_acts,
    register_topic,
)
from ankommen.core.search import register_search
from ankommen.council import demo, rules
from ankommen.council.field_slot import field_council
from ankommen.council.models import ADOPTING, Decision, Measure, Submission
from ankommen.dialogue.answers import register_submissions

register_rules(rules.RULES)


def has_submissions(town):
    return Submission.objects.for_municipality(town).exists()


register_submissions(has_submissions)
register_search(
    Submission,
    fields=("subject", "decision_proposal", "statement"),
    visible=Submission.objects.searchable_by,
    results=Submission.objects.for_search,
)
register_partial("field_after_stages", field_council)
register_partial("profile_links", "council/partials/profile_links.html")

register_links(
    "menu",
    Link(
        _("Gemeinderat"),
        "council:overview",
        order=40,
        current=(
            "council:submission",
            "council:committee",
            "council:meeting",
            "council:measure",
            "council:measures",
        ),
    ),
)


def waiting(town):
    """The hub tile: late measures nobody explained, adopted decisions nothing follows from yet."""
    late = Measure.objects.for_municipality(town).late().filter(late_reason="").count()
    open_decisions = (
        Decision.objects.for_municipality(town)
        .filter(outcome__in=ADOPTING, no_measure_reason="", measures__isnull=True)
        .count()
    )
    parts = []
    if late:
        parts.append(
            ngettext("%(count)s Maßnahme verspätet", "%(count)s Maßnahmen verspätet", late) % {"count": late}
        )
    if open_decisions:
        parts.append(
            ngettext(
                "%(count)s Beschluss ohne Maßnahme", "%(count)s Beschlüsse ohne Maßnahme", open_decisions
            )
            % {"count": open_decisions}
        )
    return ", ".join(parts)


register_links(
    "hub",
    Link(
        _("Gemeinderat"),
        "council:overview",
        "keep_council",
        40,
        _("Sitzungsvorlagen, Mitzeichnung, Beschlüsse und Maßnahmen"),
        current=(
            "council:submission_*",
            "council:committee_*",
            "council:meeting_*",
            "council:decision_*",
            "council:import*",
            "council:measure_*",
        ),
        waiting=waiting,
    ),
)
group = _("Gemeinderat")
register_links(
    "footer",
    Link(_("Vorlagen und Beschlüsse"), "council:overview", order=0, group=group),
    Link(_("Maßnahmen"), "council:measures", order=1, group=group),
)

register_audit_actions(
    {
        "committee.created": _("Gremium angelegt"),
        "committee.changed": _("Gremium geändert"),
        "person.created": _("Person des Gemeinderats angelegt"),
        "membership.created": _("Mitgliedschaft in einem Gremium eingetragen"),
        "location.created": _("Sitzungsort angelegt"),
        "meeting.created": _("Sitzung angelegt"),
        "meeting.changed": _("Sitzung geändert"),
        "agenda_item.created": _("Tagesordnungspunkt eingetragen"),
        "submission.created": _("Sitzungsvorlage angelegt"),
        "submission.saved": _("Sitzungsvorlage gespeichert (neue Fassung)"),
        "submission.released": _("Sitzungsvorlage freigegeben"),
        "submission.withdrawn": _("Sitzungsvorlage zurückgezogen"),
        "consultation.saved": _("Beratungsfolge geändert"),
        "attachment.added": _("Anlage zu einer Sitzungsvorlage hinzugefügt"),
        "cosignature.requested": _("Fachbereich um Mitzeichnung gebeten"),
        "cosignature.signed": _("Sitzungsvorlage mitgezeichnet"),
        "cosignature.declined": _("Mitzeichnung abgelehnt"),
        "decision.recorded": _("Beschluss eingetragen"),
        "decision.explained": _("Beschluss in einfachen Worten erklärt"),
        "decision.announced": _("Beschluss aus nichtöffentlicher Sitzung bekanntgegeben"),
        "measure.saved": _("Maßnahme gespeichert"),
    },
    area=_("Gemeinderat"),
)

register_topic(
    "council",
    _("Beschlüsse des Gemeinderats"),
    _("Was der Gemeinderat und seine Ausschüsse zu Handlungsfeldern beschließen, denen Sie folgen."),
    default="immediately",
    order=35,
)
register_notification_kind("council.decided", "council", _("Beschluss zu „%(target)s“"))

# After the circle (40): departments and the dialogue's recommendations are there.
register_demo(50)(demo.load)

register_staff_acts(
    (
        "council.Submission",
        "author__user",
        _("Wer eine Sitzungsvorlage angelegt hat"),
        ("reference", "subject"),
    ),
    (
        "council.SubmissionVersion",
        "saved_by__user",
        _("Wer eine Fassung einer Vorlage gespeichert hat"),
        ("number", "saved_at"),
    ),
    (
        "council.CoSignature",
        "signed_by__user",
        _("Wer für einen Fachbereich mitgezeichnet hat"),
        ("status", "comment", "signed_at"),
    ),
    (
        "council.Decision",
        "recorded_by__user",
        _("Wer einen Beschluss erfasst hat"),
        ("outcome", "recorded_at"),
    ),
    (
        "council.ImportRun",
        "started_by__user",
        _("Wer einen OParl-Import gestartet hat"),
        ("url", "started_at"),
    ),
)
register_personal_data(
    "council.Person",
    "member__user",
    purpose=_("Die Verbindung zwischen einem Mitglied des Gemeinderats und seinem Konto auf der Plattform"),
    retention=_("solange die Person dem Gremium angehört; die Sitze selbst sind öffentliche Angaben"),
    erasure=UNLINK,
    export=("given_name", "family_name"),
)
