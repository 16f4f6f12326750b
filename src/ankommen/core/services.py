"""Adding a town, changing what a town decides about itself, and the one update-and-audit of a row."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction

from ankommen.core.audit import audit, changed_fields, changes_of
from ankommen.core.languages import BY_CODE, SOURCE
from ankommen.core.models import Municipality
from ankommen.core.rules import require


def _chosen_languages(codes):
    """German first, then the others in the order given, each once; an unknown code is an error."""
    unknown = sorted(code for code in codes if code not in BY_CODE)
    if unknown:
        raise ValidationError({"languages": f"Unknown language codes: {', '.join(unknown)}."})
    return [SOURCE, *dict.fromkeys(code for code in codes if code != SOURCE)]


def create_town(slug, *, name, host, languages=(), official_name="", contact_email="", is_default=None):
    """An operator adds a town: empty, on its own host name, ready for its first admin to be invited.

    The operator is not one of the town's members, so the system acts (and is named in the audit log).
    """
    validate_slug(slug)
    with transaction.atomic():
        if Municipality.objects.filter(slug=slug).exists():
            raise ValidationError({"slug": f"A town with the short name {slug!r} exists already."})
        if Municipality.objects.filter(host=host).exists():
            raise ValidationError({"host": f"The host name {host!r} belongs to another town."})
        if is_default is None:
            is_default = not Municipality.objects.filter(is_default=True).exists()
        town = Municipality.objects.create(
            slug=slug,
            name=name,
            host=host,
            official_name=official_name,
            contact_email=contact_email,
            is_default=is_default,
            languages=_chosen_languages(languages),
        )
        audit(None, "town.created", town, host=host, languages=", ".join(town.languages))
    return town


def create_and_audit(obj, *, actor, action, details=(), rule="administer"):
    """Save a new row of the town, built with its values, and leave one audit line (naming `details`)."""
    require(actor, rule, obj)
    with transaction.atomic():
        obj.save()
        audit(actor.user, action, obj, **{name: getattr(obj, name) for name in details})
    return obj


def update_and_audit(obj, *, actor, action, values, rule="administer"):
    """Set `values` on `obj` (a new row of the town or one that exists), save it and leave one audit line."""
    require(actor, rule, obj)
    with transaction.atomic():
        # An existing row names the fields that changed, and keeps the short ones as before → after.
        changed = changed_fields(obj, values) if obj.pk else sorted(values)
        changes = changes_of(obj, values) if obj.pk else {}
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        details = {"changes": changes} if changes else {}
        audit(actor.user, action, obj, fields=", ".join(changed), **details)
    return obj


def save_single(model, town, *, actor, action, values):
    """Create or change the town's one row of `model` (its Impressum, its privacy notice, …)."""
    with transaction.atomic():
        obj = model.objects.for_municipality(town).select_for_update().first() or model(municipality=town)
        return update_and_audit(obj, actor=actor, action=action, values=values)


def set_languages(town, *, actor, languages):
    """The languages the town offers (codes), German always among them; audited."""
    require(actor, "administer", town)
    chosen = _chosen_languages(sorted({code for code in languages if code in BY_CODE}))
    with transaction.atomic():
        before = ", ".join(town.languages)
        town.languages = chosen
        town.save(update_fields=["languages"])
        audit(actor.user, "town.languages_changed", town, before=before, after=", ".join(chosen))
    return town


def set_limits(town, *, actor, **limits):
    """How often a member may write, support and report within an hour (`core/limits.py`); audited."""
    return update_and_audit(town, actor=actor, action="town.limits_changed", values=limits)
