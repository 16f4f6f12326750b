"""Writing the council's rows: each function asks the rules, writes in one transaction and leaves one audit line."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ankommen.core import notifications
from ankommen.core.audit import audit
from ankommen.core.rules import require
from ankommen.core.services import update_and_audit
from ankommen.council.models import (
    ADOPTING,
    Attachment,
    Consultation,
    ConsultationRole,
    CoSignature,
    CoSignatureStatus,
    Decision,
    FileRole,
    Measure,
    Outcome,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from ankommen.dialogue.answers import AnswerState, answer_contribution


def _user(actor):
    return getattr(actor, "user", None)


def _member(actor):
    return actor if hasattr(actor, "user_id") else None


# --- committees, people, meetings ------------------------------------------------------------


def save_council_row(obj, *, actor, audited_as, **values):
    """A committee, a person, a seat, a place, a meeting or an agenda item, new or changed (the admins)."""
    if obj.is_imported:
        raise ValidationError(
            _("Diese Angaben stammen aus dem Ratsinformationssystem und werden dort geändert.")
        )
    return update_and_audit(obj, actor=actor, action=audited_as, values=values, rule="keep_council")


# --- submissions -----------------------------------------------------------------------------


def next_reference(town, year):
    """The next free number of the year: 2026/001, 2026/002, …"""
    taken = set(
        Submission.objects.for_municipality(town)
        .filter(reference__startswith=f"{year}/")
        .values_list("reference", flat=True)
    )
    number = len(taken) + 1
    while f"{year}/{number:03d}" in taken:
        number += 1
    return f"{year}/{number:03d}"


def snapshot(submission):
    """Everything a version keeps: the parts, the consultation sequence and the attachments' titles."""
    return {
        **submission.parts(),
        "consultations": [
            [
                row.committee.name,
                row.get_role_display(),
                row.is_public,
                row.date.isoformat() if row.date else "",
            ]
            for row in submission.consultations.select_related("committee", "meeting").live()
        ],
        "attachments": [
            [attachment.get_role_display(), attachment.title]
            for attachment in submission.attachments.live().order_by("role", "position")
        ],
    }


def _keep_version(submission, actor):
    SubmissionVersion.objects.update_or_create(
        submission=submission,
        number=submission.version,
        defaults={
            "municipality_id": submission.municipality_id,
            "parts": snapshot(submission),
            "saved_by": _member(actor),
            "saved_at": timezone.now(),
        },
    )


def create_submission(town, *, actor, recommendations=(), **parts):
    """A new draft, its first version kept; recommendations it takes up are answered "in die Vorlage aufgenommen"."""
    submission = Submission(municipality=town, author=_member(actor), **parts)
    require(actor, "keep_council", submission)
    _check_parts(submission)
    with transaction.atomic():
        if not submission.reference:
            submission.reference = next_reference(town, submission.date.year)
        elif Submission.objects.for_municipality(town).filter(reference=submission.reference).exists():
            raise ValidationError({"reference": _("Diese Vorlagennummer ist schon vergeben.")})
        submission.save()
        _keep_version(submission, actor)
        audit(_user(actor), "submission.created", submission, reference=submission.reference)
        take_up(submission, recommendations, actor=actor)
    return submission


def take_up(submission, recommendations, *, actor):
    """Link recommendations to the submission and answer each: taken into this submission."""
    recommendations = [item for item in recommendations if item.field_id]
    if not recommendations:
        return
    submission.recommendations.add(*recommendations)
    text = _("In die Sitzungsvorlage %(reference)s „%(subject)s“ aufgenommen.") % {
        "reference": submission.reference,
        "subject": submission.subject,
    }
    for item in recommendations:
        answer_contribution(item, actor=actor, state=AnswerState.IN_SUBMISSION, text=text)


def _check_parts(submission):
    if not submission.is_public and not submission.nonpublic_reason:
        raise ValidationError(
            {"nonpublic_reason": _("Bitte nennen Sie den Grund für die nichtöffentliche Beratung.")}
        )
    if submission.is_public:
        submission.nonpublic_reason = ""


class EditConflict(ValidationError):
    """Someone saved a newer version since the form was opened; `current` is that version."""

    def __init__(self, message, current):
        super().__init__(message)
        self.current = current


def save_submission(submission, *, actor, version, **parts):
    """Save the parts of a draft if nobody saved since `version`; each save that changes something is a new version.

    A newer version saved by someone else is never overwritten: `EditConflict` names who and when,
    and the form shows what they changed (the editor may then save over it, knowingly).
    """
    require(actor, "edit_submission", submission)
    with transaction.atomic():
        current = Submission.objects.select_for_update().get(pk=submission.pk)
        if current.version != version:
            latest = current.versions.select_related("saved_by__user").first()
            who = latest.saved_by.user.display_name if latest and latest.saved_by else _("jemand")
            when = timezone.localtime(latest.saved_at) if latest else timezone.localtime(current.modified)
            raise EditConflict(
                _(
                    "%(name)s hat am %(date)s um %(time)s Fassung %(version)s gespeichert, nachdem Sie diese "
                    "Seite geöffnet haben. Ihre Änderungen sind nicht gespeichert; sie stehen unten im Formular. "
                    "Sehen Sie sich die Änderungen von %(name)s an und speichern Sie dann erneut."
                )
                % {
                    "name": who,
                    "date": date_format(when, "SHORT_DATE_FORMAT"),
                    "time": date_format(when, "TIME_FORMAT"),
                    "version": current.version,
                },
                current,
            )
        for name, value in parts.items():
            setattr(current, name, value)
        _check_parts(current)
        changed = current.changed_fields()
        if not changed:
            return current
        current.version += 1
        current.save()
        _keep_version(current, actor)
        audit(_user(actor), "submission.saved", current, version=current.version)
    return current


def new_version(submission, *, actor):
    """A change beside the parts (the consultation sequence, an attachment): a new version, signatures stale."""
    submission.version += 1
    submission.save(update_fields=["version"])
    _keep_version(submission, actor)


def save_consultation(consultation, *, actor, **values):
    """A row of the consultation sequence, new or changed, while the submission is a draft."""
    submission = consultation.submission
    require(actor, "edit_submission", submission)
    with transaction.atomic():
        update_and_audit(
            consultation, actor=actor, action="consultation.saved", values=values, rule="keep_council"
        )
        new_version(submission, actor=actor)
    return consultation


def add_attachment(submission, *, actor, title, file, role, alt_text="", position=1, is_public=True):
    """An attachment or a figure of the statement (a figure needs a text saying what it shows)."""
    require(actor, "edit_submission", submission)
    if role == FileRole.FIGURE and not alt_text.strip():
        raise ValidationError({"alt_text": _("Bitte beschreiben Sie, was die Abbildung zeigt.")})
    attachment = Attachment(
        municipality_id=submission.municipality_id,
        submission=submission,
        title=title,
        role=role,
        alt_text=alt_text,
        position=position,
        is_public=is_public,
        file=file,
        mime_type=getattr(file, "content_type", "") or "",
        size=getattr(file, "size", 0) or 0,
    )
    with transaction.atomic():
        attachment.save()
        new_version(submission, actor=actor)
        audit(_user(actor), "attachment.added", submission, title=title)
    return attachment


def request_cosignature(submission, *, actor, department, required=True):
    """Ask a department to co-sign the submission (once per department)."""
    require(actor, "edit_submission", submission)
    if department.kind != "department":
        raise ValidationError({"department": _("Mitzeichnen können nur Fachbereiche der Verwaltung.")})
    if submission.cosignatures.filter(department=department).exists():
        raise ValidationError({"department": _("Dieser Fachbereich ist schon gefragt.")})
    with transaction.atomic():
        cosignature = CoSignature.objects.create(
            municipality_id=submission.municipality_id,
            submission=submission,
            department=department,
            required=required,
        )
        audit(_user(actor), "cosignature.requested", submission, department=department.name)
    return cosignature


def cosign(cosignature, *, actor, signed, comment=""):
    """A member of the department signs the current version, or declines with a reason."""
    require(actor, "cosign", cosignature)
    comment = (comment or "").strip()
    if not signed and not comment:
        raise ValidationError({"comment": _("Bitte begründen Sie, warum der Fachbereich nicht mitzeichnet.")})
    with transaction.atomic():
        current = Submission.objects.select_for_update().get(pk=cosignature.submission_id)
        cosignature.status = CoSignatureStatus.SIGNED if signed else CoSignatureStatus.DECLINED
        cosignature.version = current.version
        cosignature.comment = comment
        cosignature.signed_by = _member(actor)
        cosignature.signed_at = timezone.now()
        cosignature.save()
        audit(
            _user(actor),
            "cosignature.signed" if signed else "cosignature.declined",
            current,
            department=cosignature.department.name,
            version=current.version,
        )
    return cosignature


def release_submission(submission, *, actor):
    """Send the submission on to the committee: it is public now unless it is discussed in private."""
    require(actor, "release_submission", submission)
    if not submission.consultations.live().exists():
        raise ValidationError(
            _("Bitte legen Sie zuerst die Beratungsfolge an: welches Gremium berät die Vorlage?")
        )
    with transaction.atomic():
        submission.status = SubmissionStatus.RELEASED
        submission.released_at = timezone.now()
        submission.save(update_fields=["status", "released_at"])
        audit(_user(actor), "submission.released", submission, version=submission.version)
    return submission


def withdraw_submission(submission, *, actor):
    require(actor, "withdraw_submission", submission)
    with transaction.atomic():
        submission.status = SubmissionStatus.WITHDRAWN
        submission.save(update_fields=["status"])
        audit(_user(actor), "submission.withdrawn", submission)
    return submission


# --- decisions -------------------------------------------------------------------------------

ANSWER_AFTER = {
    Outcome.ADOPTED: AnswerState.ADOPTED,
    Outcome.ADOPTED_WITH_CHANGES: AnswerState.ADOPTED_WITH_CHANGES,
    Outcome.REJECTED: AnswerState.REJECTED,
}


def _check_votes(outcome, yes, no, abstain):
    """The votes and the outcome agree: a majority adopts, a tie rejects (GemO § 37 Abs. 6)."""
    counted = [vote for vote in (yes, no, abstain) if vote is not None]
    if counted and len(counted) < 3:
        raise ValidationError(_("Bitte tragen Sie Ja, Nein und Enthaltungen ein (0, wo niemand so stimmte)."))
    if not counted:
        if outcome in ADOPTING or outcome == Outcome.REJECTED:
            raise ValidationError({"votes_yes": _("Bitte tragen Sie das Stimmergebnis ein.")})
        return
    if outcome in ADOPTING and yes <= no:
        message = (
            _("Bei Stimmengleichheit ist ein Antrag abgelehnt (GemO § 37 Abs. 6).")
            if yes == no
            else _("Mit mehr Nein- als Ja-Stimmen ist der Antrag abgelehnt.")
        )
        raise ValidationError({"outcome": message})
    if outcome == Outcome.REJECTED and yes > no:
        raise ValidationError({"outcome": _("Mit mehr Ja- als Nein-Stimmen ist der Antrag angenommen.")})


def record_decision(
    consultation,
    *,
    actor,
    outcome,
    wording="",
    votes_yes=None,
    votes_no=None,
    votes_abstain=None,
    summary="",
    excluded=(),
    next_committee=None,
    next_date=None,
):
    """What the body decided on this row. Postponed or referred: the next row follows at once.
    Adopted or rejected: the recommendations the submission took up are answered with the outcome."""
    require(actor, "record_decision", consultation)
    _check_votes(outcome, votes_yes, votes_no, votes_abstain)
    if outcome == Outcome.ADOPTED_WITH_CHANGES and not wording.strip():
        raise ValidationError({"wording": _("Bitte tragen Sie den geänderten Wortlaut ein.")})
    if outcome == Outcome.REFERRED and next_committee is None:
        raise ValidationError({"next_committee": _("Bitte wählen Sie das Gremium, an das verwiesen wird.")})
    seats = set(consultation.committee.memberships.values_list("person_id", flat=True))
    strangers = [person for person in excluded if person.pk not in seats]
    if strangers:
        raise ValidationError(
            {"excluded": _("%(name)s gehört dem Gremium nicht an.") % {"name": strangers[0].name}}
        )
    submission = consultation.submission
    with transaction.atomic():
        decision = Decision.objects.create(
            municipality_id=consultation.municipality_id,
            consultation=consultation,
            outcome=outcome,
            wording=wording.strip(),
            votes_yes=votes_yes,
            votes_no=votes_no,
            votes_abstain=votes_abstain,
            summary=summary.strip(),
            recorded_by=_member(actor),
        )
        decision.excluded.set(excluded)
        if outcome in (Outcome.POSTPONED, Outcome.REFERRED):
            Consultation.objects.create(
                municipality_id=consultation.municipality_id,
                submission=submission,
                committee=next_committee or consultation.committee,
                role=consultation.role,
                is_public=consultation.is_public,
                meeting_date=next_date,
                position=consultation.position + 1,
                follows=consultation,
            )
        elif consultation.role in (ConsultationRole.DECISION, ConsultationRole.NOTICE):
            submission.status = SubmissionStatus.DECIDED
            submission.save(update_fields=["status"])
            state = ANSWER_AFTER.get(outcome)
            if state:
                text = _("Der %(body)s hat am %(date)s entschieden: %(outcome)s.") % {
                    "body": consultation.committee.name,
                    "date": date_format(consultation.date or timezone.localdate(), "SHORT_DATE_FORMAT"),
                    "outcome": decision.get_outcome_display(),
                }
                for item in submission.recommendations.all():
                    answer_contribution(item, actor=actor, state=state, text=text)
        audit(_user(actor), "decision.recorded", submission, outcome=decision.get_outcome_display())
        if submission.field_id and consultation.is_public and submission.is_public:
            # Who follows the field hears what the council decided about it.
            notifications.notify(
                notifications.followers(submission.field, besides=[_user(actor)]),
                "council.decided",
                event=f"decision:{decision.pk}",
                target=submission,
            )
    return decision


def announce_decision(decision, *, actor):
    """Publish a decision taken in private, word for word (Bekanntgabe)."""
    require(actor, "announce_decision", decision)
    with transaction.atomic():
        decision.announced_at = timezone.now()
        decision.save(update_fields=["announced_at"])
        audit(_user(actor), "decision.announced", decision.consultation.submission)
    return decision


def save_decision_texts(decision, *, actor, summary, no_measure_reason):
    """The plain-words summary and, where no measure follows, why."""
    return update_and_audit(
        decision,
        actor=actor,
        action="decision.explained",
        values={"summary": summary, "no_measure_reason": no_measure_reason},
        rule="keep_council",
    )


# --- measures --------------------------------------------------------------------------------


def _free_slug(measure, title):
    base = slugify(title)[:100] or "massnahme"
    taken = set(
        Measure.objects.for_municipality(measure.municipality_id)
        .filter(slug__startswith=base)
        .exclude(pk=measure.pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def save_measure(measure, *, actor, **values):
    """A measure that follows an adopted decision, new or changed; its address comes from its title."""
    decision = values.get("decision") or measure.decision
    if not decision.adopts:
        raise ValidationError(_("Maßnahmen folgen aus Beschlüssen, die angenommen wurden."))
    if measure.pk is None:
        measure.slug = _free_slug(measure, values["title"])
        values.setdefault("field", decision.consultation.submission.field)
    return update_and_audit(measure, actor=actor, action="measure.saved", values=values, rule="keep_measure")
