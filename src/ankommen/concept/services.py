"""Changing the concept's fields and their stages: each verb atomic, permission first, audited."""

from django.db import transaction

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
