"""Writing the audit log: every change of a stage, a role or a hidden item leaves one line."""

from ankommen.core.models import AuditEntry, town_id_of


def audit(actor, action, target, **details):
    """Record that `actor` (a user, or None for the system) did `action` to `target` (any town's object, or the town)."""
    return AuditEntry.objects.create(
        municipality_id=town_id_of(target),
        actor=actor,
        actor_name=getattr(actor, "display_name", "") or "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        target_label=str(target)[:300],
        details={key: str(value) for key, value in details.items()},
    )
