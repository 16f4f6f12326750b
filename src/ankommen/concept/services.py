"""Changing the concept's fields and their stages: each verb atomic, permission first, audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ankommen.concept.models import DEFAULT_STAGE_RULES, EVERY_ROLE, Field, HelpPage, Stage, StageStatus
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


def create_stage(field, *, actor, **values):
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
    return update_and_audit(stage, actor=actor, action="stage.updated", values=values)


def open_stage(stage, *, actor):
    """Open `stage`; the field's stage that was open until now closes in the same step."""
    require(actor, "run_stage", stage)
    with transaction.atomic():
        for previous in Stage.objects.select_for_update().filter(
            field=stage.field_id, status=StageStatus.OPEN
        ):
            if previous.pk != stage.pk:
                previous.status = StageStatus.CLOSED
                previous.save(update_fields=["status"])
                audit(actor.user, "stage.closed", previous)
        stage.status = StageStatus.OPEN
        stage.save(update_fields=["status"])
        audit(actor.user, "stage.opened", stage)
    return stage


def close_stage(stage, *, actor):
    require(actor, "run_stage", stage)
    with transaction.atomic():
        stage.status = StageStatus.CLOSED
        stage.save(update_fields=["status"])
        audit(actor.user, "stage.closed", stage)
    return stage


def _close(stage, actor):
    if stage.status == StageStatus.OPEN:
        stage.status = StageStatus.CLOSED
        stage.save(update_fields=["status"])
        audit(actor.user, "stage.closed", stage)


def archive_field(field, *, actor):
    """Take a field out of the town's lists instead of deleting it; its open stage closes.

    Its page and everything written in it stay readable; nobody writes there any more.
    """
    require(actor, "archive", field)
    with transaction.atomic():
        for stage in Stage.objects.select_for_update().filter(field=field, status=StageStatus.OPEN):
            _close(stage, actor)
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
        _close(stage, actor)
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
