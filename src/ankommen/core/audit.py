"""Writing the audit log: every change of a stage, a role or a hidden item leaves one line; and reading it in
plain German: each detail with its label, dates in the language's format, a change as "alt → neu"."""

import datetime
import re
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from ankommen.core.models import AuditEntry, town_id_of

CHANGE_MAX = 200  # longer values (texts) are named as changed, not copied into the log


def audit(actor, action, target, **details):
    """Record that `actor` (a user, or None for the system) did `action` to `target` (any town's object, or the town).

    A detail's value is kept as text; `changes` ({field: [before, after]}) as it is, already plain.
    """
    return AuditEntry.objects.create(
        municipality_id=town_id_of(target),
        actor=actor,
        actor_name=getattr(actor, "display_name", "") or "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        target_label=str(target)[:300],
        details={key: value if key == "changes" else str(value) for key, value in details.items()},
    )


def plain(value):
    """A field's value as the log keeps it: text, a date in ISO, a list of texts."""
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(each) for each in value]
    return str(value)


def changed_fields(obj, values):
    """The names of the `values` that differ from what `obj` holds, in order."""
    return sorted(name for name, value in values.items() if plain(getattr(obj, name, None)) != plain(value))


def changes_of(obj, values):
    """{field: [before, after]} of the `values` about to be set on `obj` that differ and are short enough to keep."""
    changes = {}
    for name, value in values.items():
        before, after = plain(getattr(obj, name, None)), plain(value)
        if before != after and len(str(before)) <= CHANGE_MAX and len(str(after)) <= CHANGE_MAX:
            changes[name] = [before, after]
    return changes


# --- reading ------------------------------------------------------------------------------------------


@dataclass
class Detail:
    """One detail of an entry as the log shows it: its label, and its value or a change from `before` to `after`."""

    label: str
    text: str = ""
    before: str | None = None
    after: str | None = None

    @property
    def is_change(self):
        return self.before is not None


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def target_model(entry):
    """The model of the entry's object, or None if its app is gone."""
    try:
        return apps.get_model(entry.target_type)
    except (LookupError, ValueError):
        return None


def target_kind(entry):
    """What the entry's object is, in words ("Stufe", "Kommune")."""
    model = target_model(entry)
    return model._meta.verbose_name if model else ""


def _model_field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _label(model, key):
    from ankommen.core.registry import registry

    if key in registry.audit_details:
        return registry.audit_details[key]
    field = _model_field(model, key)
    return getattr(field, "verbose_name", "") if field is not None else ""


def _language_names(value):
    from ankommen.core.languages import BY_CODE

    codes = [code.strip() for code in value.split(",")] if value else []
    if codes and all(code in BY_CODE for code in codes):
        return ", ".join(str(BY_CODE[code].name) for code in codes)
    return value


def _field_names(model, value):
    names = [name.strip() for name in value.split(",") if name.strip()]
    return ", ".join(str(_label(model, name) or _("weitere Angabe")) for name in names)


def readable(value, field=None):
    """A value of the log in the words of the page: a date in the language's short format, a choice by its label."""
    from ankommen.core.registry import registry

    if isinstance(value, list):
        return ", ".join(readable(each, field) for each in value) or "–"
    value = str(value)
    if value == "":
        return "–"
    if _ISO_DATE.match(value) and parse_date(value):
        return formats.date_format(parse_date(value), "SHORT_DATE_FORMAT")
    if _ISO_DATETIME.match(value) and parse_datetime(value):
        moment = parse_datetime(value)
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    choices = dict(getattr(field, "flatchoices", None) or ())
    if value in choices:
        return str(choices[value])
    if value in registry.roles:
        return str(registry.roles[value].label)
    if value in ("True", "False"):
        return _("ja") if value == "True" else _("nein")
    return value


def readable_details(entry):
    """The entry's details as `Detail`s in plain German, in the order they were written."""
    from ankommen.core.models import TranslationState

    model = target_model(entry)
    details = dict(entry.details or {})
    shown = []
    if "before" in details and "after" in details:
        before, after = details.pop("before"), details.pop("after")
        if entry.action.endswith("languages_changed"):
            before, after = _language_names(before), _language_names(after)
        shown.append(Detail(_("Änderung"), before=readable(before), after=readable(after)))
    changes = details.pop("changes", None) or {}
    changed = set(changes)
    for key, value in details.items():
        if key == "fields":
            rest = [name.strip() for name in value.split(",") if name.strip() and name.strip() not in changed]
            if rest:
                shown.append(Detail(_("Geänderte Angaben"), _field_names(model, ", ".join(rest))))
        elif key == "field":
            shown.append(Detail(_("Angabe"), _field_names(model, value)))
        elif key in ("language", "languages"):
            shown.append(Detail(_label(model, key), _language_names(value)))
        elif key == "state":
            states = dict(TranslationState.choices)
            shown.append(Detail(_label(model, key), str(states.get(value, value))))
        else:
            shown.append(Detail(_label(model, key), readable(value, _model_field(model, key))))
    for name, (before, after) in changes.items():
        field = _model_field(model, name)
        label = _label(model, name) or _("weitere Angabe")
        shown.append(Detail(label, before=readable(before, field), after=readable(after, field)))
    return shown


def area_of(action):
    """The area an action belongs to ("Handlungsfelder", "Moderation", …): by the action, else by its first word."""
    from ankommen.core.registry import registry

    return registry.audit_areas.get(action) or registry.audit_areas.get(action.split(".")[0]) or _("Weiteres")


def grouped_actions():
    """The audit log's actions for its filter: [(area, [(action, label), …]), …], each sorted by its words."""
    from ankommen.core.registry import registry

    groups = {}
    for action, label in registry.audit_actions.items():
        groups.setdefault(str(area_of(action)), []).append((action, str(label)))
    return [(area, sorted(actions, key=lambda pair: pair[1])) for area, actions in sorted(groups.items())]
