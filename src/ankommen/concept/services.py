"""Changing the concept's fields and their stages: each verb atomic, permission first, audited."""

from django.db import transaction

from ankommen.concept.models import DEFAULT_STAGE_RULES, EVERY_ROLE, Field, HelpPage, Stage, StageStatus
from ankommen.core.audit import audit
from ankommen.core.roles import role_codes
from ankommen.core.rules import require
from ankommen.core.services import update_and_audit


def create_field(municipality, *, actor, **values):
    require(actor, "administer", municipality)
    with transaction.atomic():
        field = Field.objects.create(municipality=municipality, **values)
        audit(actor.user, "field.created", field)
    return field


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
    require(actor, "administer", field)
    with transaction.atomic():
        stage = Stage.objects.create(municipality_id=field.municipality_id, field=field, **values)
        audit(actor.user, "stage.created", stage, starts_on=stage.starts_on, ends_on=stage.ends_on)
    return stage


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
    require(actor, "administer", municipality)
    with transaction.atomic():
        page = HelpPage.objects.create(municipality=municipality, **values)
        audit(actor.user, "help_page.created", page)
    return page


def update_help_page(page, *, actor, **values):
    return update_and_audit(page, actor=actor, action="help_page.updated", values=values)


def delete_help_page(page, *, actor):
    """Remove a help page with its translations."""
    require(actor, "administer", page)
    with transaction.atomic():
        audit(actor.user, "help_page.deleted", page)
        page.delete()
