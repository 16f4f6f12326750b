"""Changing the legal pages and working barrier reports: each verb atomic, permission first, audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ankommen.core.audit import audit
from ankommen.core.rules import require
from ankommen.core.services import create_and_audit, update_and_audit
from ankommen.legal.models import (
    BarrierReport,
    BarrierReportStatus,
    NonAccessibleContent,
    SignLanguageVideo,
    TermsVersion,
)

# --- terms of use ------------------------------------------------------------------------------------


def create_terms_version(municipality, *, actor, **values):
    """A new version starts as a draft: nobody but the admins sees it until it is published."""
    version = TermsVersion(municipality=municipality, **values)
    return create_and_audit(version, actor=actor, action="legal.terms_created", details=("number",))


def update_terms_version(version, *, actor, **values):
    if version.is_published:
        raise ValidationError(_("Eine veröffentlichte Fassung bleibt, wie sie ist."))
    return update_and_audit(version, actor=actor, action="legal.terms_updated", values=values)


def publish_terms_version(version, *, actor):
    """From now on the version is public at its own address; the newest published one is in force."""
    require(actor, "administer", version)
    with transaction.atomic():
        version = TermsVersion.objects.select_for_update().get(pk=version.pk)
        if not version.is_published:
            version.published_at = timezone.now()
            version.published_by = actor
            version.save(update_fields=["published_at", "published_by"])
            audit(actor.user, "legal.terms_published", version, number=version.number, dated=version.dated)
    return version


# --- non-accessible contents of the accessibility statement -------------------------------------------


def add_non_accessible_content(statement, *, actor, **values):
    item = NonAccessibleContent(municipality_id=statement.municipality_id, statement=statement, **values)
    return create_and_audit(item, actor=actor, action="legal.non_accessible_content_added")


def update_non_accessible_content(item, *, actor, **values):
    return update_and_audit(item, actor=actor, action="legal.non_accessible_content_updated", values=values)


def remove_non_accessible_content(item, *, actor):
    """Once a content is accessible it leaves the statement; the audit log keeps what it said."""
    require(actor, "administer", item)
    with transaction.atomic():
        audit(actor.user, "legal.non_accessible_content_removed", item, content=item.content)
        item.delete()


# --- videos in Deutsche Gebärdensprache ---------------------------------------------------------------


def save_sign_language_video(municipality, part, *, actor, description, video=None, facts=None):
    """Store the text alternative and, if one was uploaded, the new video of one part.

    A replaced file is deleted from storage only after the commit, so a rollback never loses it.
    """
    require(actor, "administer", municipality)
    with transaction.atomic():
        obj = SignLanguageVideo.objects.for_municipality(municipality).select_for_update().filter(part=part)
        obj = obj.first() or SignLanguageVideo(municipality=municipality, part=part)
        replaced = obj.video.name if obj.video else ""
        obj.description = description
        if video is not None:
            obj.video = video
            obj.media_type = facts.media_type
            obj.duration = facts.duration
            obj.size = video.size
            obj.uploaded_at = timezone.now()
        obj.save()
        audit(
            actor.user,
            "legal.sign_language_video_saved",
            obj,
            part=part,
            new_file="yes" if video is not None else "no",
        )
        if video is not None and replaced:
            storage = obj.video.storage
            transaction.on_commit(lambda: storage.delete(replaced))
    return obj


# --- barrier reports ------------------------------------------------------------------------------------


def receive_barrier_report(municipality, **values):
    """Anyone may report a barrier or ask for a content in accessible form, without an account."""
    return BarrierReport.objects.create(municipality=municipality, **values)


def resolve_barrier_report(report, *, actor, status, note):
    """Mark a report answered or closed, with a note for the colleagues; audited."""
    require(actor, "moderate_town", report)
    if status not in (BarrierReportStatus.ANSWERED, BarrierReportStatus.CLOSED):
        raise ValueError(status)
    with transaction.atomic():
        report = BarrierReport.objects.select_for_update().get(pk=report.pk)
        report.status = status
        report.note = note
        report.resolved_at = timezone.now()
        report.resolved_by = actor
        report.save(update_fields=["status", "note", "resolved_at", "resolved_by"])
        audit(actor.user, f"barrier_report.{status}", report, note=note)
    return report
