"""Changing the concept's fields and their stages: each verb atomic, permission first, audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ankommen.concept.models import (
    DEFAULT_STAGE_RULES,
    EVERY_ROLE,
    Field,
    HelpPage,
    Stage,
    StageKind,
    StageStatus,
)
from ankommen.core.audit import audit
from ankommen.core.roles import role_codes
from ankommen.core.rules import require
from ankommen.core.services import create_and_audit, update_and_audit


def create_field(municipality, *, actor, **values):
    return create_and_audit(Field(municipality=municipality, **values), actor=actor, action="field.created")


def update_field(field, *, actor, **values):
    return update_and_audit(field, actor=actor, action="field.updated", values=values)


def default_stage_rules(kind):
    rules = DEFAULT_STAGE_RULES.get(kind, {})

    def named(roles):
        return role_codes() if roles == EVERY_ROLE else [str(role) for role in roles]

    return {
        "contribute_roles": named(rules.get("contribute_roles", [])),
        "comment_roles": role_codes(),
        "support_roles": named(rules.get("support_roles", [])),
    }


def stage_position(kind):
    """A stage's place in its field's plan: the order of the kinds (one stage of each kind per field)."""
    return StageKind.values.index(kind) if kind in StageKind.values else len(StageKind.values)


def create_stage(field, *, actor, **values):
    values.setdefault("position", stage_position(values.get("kind")))
    stage = Stage(municipality_id=field.municipality_id, field=field, **values)
    return create_and_audit(stage, actor=actor, action="stage.created", details=("starts_on", "ends_on"))


def update_stage(stage, *, actor, **values):
    """Change a stage; its kind only while nothing was written in it (its contributions belong to that kind)."""
    require(actor, "administer", stage)
    if values.get("kind", stage.kind) != stage.kind and stage.holds_contributions():
        raise ValidationError(
            {
                "kind": _(
                    "In dieser Stufe gibt es schon Beiträge. Ihre Art lässt sich deshalb nicht mehr ändern."
                )
            }
        )
    if "kind" in values:
        values.setdefault("position", stage_position(values["kind"]))
    return update_and_audit(stage, actor=actor, action="stage.updated", values=values)


def running_stage_besides(stage):
    """The stage of `stage`'s field that runs now, if it is another one: opening `stage` would close it."""
    return Stage.objects.filter(field_id=stage.field_id, status=StageStatus.OPEN).exclude(pk=stage.pk).first()


def open_stage(stage, *, actor, closing=None):
    """Open `stage`; the field's stage that ran until now closes in the same step.

    `closing` is the running stage the person was told would close (None: they were told none
    would). If another one runs by now, nothing changes: they must see which one first. Dates
    follow the state: the opened stage runs from today at the latest, the closed one ended today
    at the latest. A stage whose period has passed, or whose period would overlap another stage,
    is not opened.
    """
    require(actor, "run_stage", stage)
    today = timezone.localdate()
    with transaction.atomic():
        running = list(
            Stage.objects.select_for_update()
            .filter(field=stage.field_id, status=StageStatus.OPEN)
            .exclude(pk=stage.pk)
        )
        if running and running[0].pk != getattr(closing, "pk", None):
            raise StageToCloseChanged(running[0])
        if stage.ends_on < today:
            raise ValidationError(
                _(
                    "Der Zeitraum dieser Stufe endete am %(end)s. Bitte verschieben Sie zuerst ihr Ende, "
                    "dann können Sie sie öffnen."
                )
                % {"end": date_format(stage.ends_on, "SHORT_DATE_FORMAT")}
            )
        starts_on, ends_on = stage.dates_when_opened(today)
        overlapping = stage.overlapping(
            starts_on, ends_on, besides=[previous.pk for previous in running]
        ).first()
        if overlapping:
            raise ValidationError(
                _("Geöffnet ab heute würde sie sich mit der Stufe „%(other)s“ überschneiden.")
                % {"other": overlapping.get_kind_display()}
            )
        for previous in running:
            _close(previous, actor, today, audit_word="stage.closed_by_opening")
        stage.starts_on, stage.ends_on, stage.status = starts_on, ends_on, StageStatus.OPEN
        stage.save(update_fields=["status", "starts_on", "ends_on"])
        audit(actor.user, "stage.opened", stage, **_period(stage))
    return stage


class StageToCloseChanged(Exception):
    """Another stage runs than the one the person confirmed to close (or one runs where none did)."""

    def __init__(self, running):
        super().__init__(running)
        self.running = running


def _period(stage):
    """The stage's period for its audit line; the log shows each date in its reader's format."""
    return {"starts_on": stage.starts_on.isoformat(), "ends_on": stage.ends_on.isoformat()}


def close_stage(stage, *, actor):
    """Close a running stage; if it was meant to run longer, its period ends today."""
    require(actor, "run_stage", stage)
    with transaction.atomic():
        _close(stage, actor, timezone.localdate())
    return stage


def _close(stage, actor, today, audit_word="stage.closed"):
    if stage.status == StageStatus.OPEN:
        stage.starts_on, stage.ends_on = stage.dates_when_closed(today)
        stage.status = StageStatus.CLOSED
        stage.save(update_fields=["status", "starts_on", "ends_on"])
        audit(actor.user, audit_word, stage, **_period(stage))


def archive_field(field, *, actor):
    """Take a field out of the town's lists instead of deleting it; its open stage closes.

    Its page and everything written in it stay readable; nobody writes there any more.
    """
    require(actor, "archive", field)
    with transaction.atomic():
        for stage in Stage.objects.select_for_update().filter(field=field, status=StageStatus.OPEN):
            _close(stage, actor, timezone.localdate())
        field.archived_at = timezone.now()
        field.save(update_fields=["archived_at"])
        audit(actor.user, "field.archived", field)
    return field


def unarchive_field(field, *, actor):
    """Bring an archived field back into the lists; its stages stay closed until someone opens one."""
    return _unarchive(field, actor, "field.unarchived")


def _unarchive(obj, actor, audit_word):
    require(actor, "unarchive", obj)
    with transaction.atomic():
        obj.archived_at = None
        obj.save(update_fields=["archived_at"])
        audit(actor.user, audit_word, obj)
    return obj


def archive_stage(stage, *, actor):
    """Take a stage out of its field's plan instead of deleting it; an open one closes first."""
    require(actor, "archive", stage)
    with transaction.atomic():
        _close(stage, actor, timezone.localdate())
        stage.archived_at = timezone.now()
        stage.save(update_fields=["archived_at"])
        audit(actor.user, "stage.archived", stage)
    return stage


def unarchive_stage(stage, *, actor):
    """Bring an archived stage back into its field's plan; it stays closed until someone opens it."""
    return _unarchive(stage, actor, "stage.unarchived")


def create_help_page(municipality, *, actor, **values):
    page = HelpPage(municipality=municipality, **values)
    return create_and_audit(page, actor=actor, action="help_page.created")


def update_help_page(page, *, actor, **values):
    return update_and_audit(page, actor=actor, action="help_page.updated", values=values)


def delete_help_page(page, *, actor):
    """Remove a help page with its translations."""
    require(actor, "administer", page)
    with transaction.atomic():
        audit(actor.user, "help_page.deleted", page)
        page.delete()
