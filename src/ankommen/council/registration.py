from django.utils.translation import gettext_lazy as _

from ankommen.core.registry import (
    UNLINK,
    register_personal_data,
    register_rules,
    register_staff_acts,
)
from ankommen.council import rules

register_rules(rules.RULES)

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
