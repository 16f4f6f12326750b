"""A person's data in a town, as the registry of personal data names it: downloaded whole, or erased.

Every app registers the models that hold personal data (`register_personal_data`, core's registry):
which link leads to the person, why the data is kept, how long, and what erasure does to it. The
download (Art. 15 and 20 DSGVO) and the erasure (Art. 17) read that registry and nothing else, so a
new app's data is covered by registering it; `accounts/checks.py` fails while a link to a person is
not registered.

A town is its own controller: the download and the erasure cover the person's data in this town
and their account. The account itself (address, name, password, second factors) goes only when
they are a member of no other town.
"""

import datetime
import json
import secrets
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.db import models, transaction
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ankommen.accounts.models import Member, User
from ankommen.core import search
from ankommen.core.audit import audit
from ankommen.core.languages import SOURCE
from ankommen.core.models import TenantModel
from ankommen.core.registry import (
    DELETE,
    KEEP_ANONYMOUS,
    PSEUDONYMISE,
    UNLINK,
    WITH_ACCOUNT,
    registry,
)
from ankommen.core.rules import require

FORMER_MEMBER = gettext_lazy("ehemaliges Mitglied")
# The order erasure works in: what stays is re-assigned before the membership it pointed to goes.
_ORDER = {KEEP_ANONYMOUS: 0, PSEUDONYMISE: 1, UNLINK: 2, DELETE: 3, WITH_ACCOUNT: 4}


# What erasure does, in the words of the privacy notice.
ERASURE_WORDS = {
    DELETE: gettext_lazy("wird gelöscht"),
    UNLINK: gettext_lazy("bleibt ohne Ihren Namen"),
    KEEP_ANONYMOUS: gettext_lazy("bleibt als „ehemaliges Mitglied“, oder wird auf Wunsch entfernt"),
    PSEUDONYMISE: gettext_lazy("bleibt unter einem Pseudonym"),
    WITH_ACCOUNT: gettext_lazy("wird mit dem Konto gelöscht"),
}


def notice():
    """The privacy notice's list: each registered kind of data, why, how long, and what erasure does."""
    return [
        {
            "name": entry.name or model_of(entry)._meta.verbose_name_plural,
            "purpose": entry.purpose,
            "retention": entry.retention,
            "erasure": ERASURE_WORDS[entry.erasure],
        }
        for entry in registry.personal_data
    ]


def model_of(entry):
    return apps.get_model(entry.model)


def rows_of(entry, member):
    """The rows of `entry`'s model that belong to `member`'s person (in the member's town, for a town's model)."""
    model = model_of(entry)
    user = member.user
    if entry.by_email:
        rows = model._base_manager.filter(**{f"{entry.link}__{entry.match}": user.email})
    else:
        rows = model._base_manager.filter(**{entry.link: user})
    if issubclass(model, TenantModel):
        rows = rows.filter(municipality_id=member.municipality_id)
    return rows


def field_at(model, lookup):
    """The field a lookup ends at: `"title"`, or `"contribution__title"` through a relation."""
    *relations, name = lookup.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name)


def _exported(entry):
    """(lookup, field) of what the person's download shows of `entry`'s rows."""
    model = model_of(entry)
    if entry.export:
        return [(lookup, field_at(model, lookup)) for lookup in entry.export]
    return [
        (field.attname, field)
        for field in model._meta.concrete_fields
        if not field.is_relation and not field.primary_key and field.name not in ("password",)
    ]


def _plain(value):
    """A value for the JSON download: dates in ISO, everything else as JSON knows it."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _cell(entry, field, value):
    """A value in a table cell: in the words its app gives it, or as `_readable` shows it."""
    in_words = (entry.readable or {}).get(field.name)
    return in_words(value) if in_words and value not in (None, "", []) else _readable(field, value)


def _readable_item(item):
    return json.dumps(item, ensure_ascii=False) if isinstance(item, (dict, list)) else item


def _readable(field, value):
    """A value for the readable page, as a table shows it: dates short, choices by their label."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(field, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (dict, list)):  # roles ({"expert": ""}) by their names; other lists as they are
        names = [
            registry.roles[key].label
            if isinstance(key, str) and key in registry.roles
            else _readable_item(key)
            for key in value
        ]
        return ", ".join(str(name) for name in names) or "–"
    choices = dict(field.flatchoices or ())
    if value in choices:
        return str(choices[value])
    return str(value)


def export(member):
    """Everything the registry names of `member`'s person, one section per registered link, in order.

    Each section: the model's name, why it is kept and how long, the fields' labels, and the rows
    twice, as plain values (`values`, for the JSON download) and as a table reads them (`cells`).
    """
    sections = []
    for entry in registry.personal_data:
        exported = _exported(entry)
        fields = [field for _lookup, field in exported]
        rows = list(
            rows_of(entry, member).order_by("pk").values_list(*(lookup for lookup, _field in exported))
        )
        if not rows:
            continue
        model = model_of(entry)
        sections.append(
            {
                "model": entry.model,
                "link": entry.link,
                "id": slugify(f"daten {entry.model} {entry.link}"),
                "name": str(entry.name or model._meta.verbose_name_plural),
                "purpose": str(entry.purpose),
                "retention": str(entry.retention),
                "labels": [str(label) for label in entry.labels]
                or [str(field.verbose_name) for field in fields],
                "values": [
                    {field.name: _plain(value) for field, value in zip(fields, row, strict=True)}
                    for row in rows
                ],
                "cells": [
                    [_cell(entry, field, value) for field, value in zip(fields, row, strict=True)]
                    for row in rows
                ],
            }
        )
    return sections


def as_json(member, town):
    """The download: which town, when, and every section's plain values."""
    return {
        "town": town.name,
        "exported_at": timezone.now().isoformat(),
        "sections": [
            {key: section[key] for key in ("model", "link", "name", "purpose", "retention", "values")}
            for section in export(member)
        ],
    }


def former_member(municipality):
    """The town's stand-in for people who left: their kept contributions name it ("ehemaliges Mitglied")."""
    with translation.override(SOURCE):  # a stored name, in the town's language
        name = str(FORMER_MEMBER)
    user, _created = User.objects.get_or_create(
        email=f"ehemalige+{municipality.pk}@ankommen.invalid",
        defaults={"display_name": name, "is_active": False, "password": make_password(None)},
    )
    member, _created = Member.objects.get_or_create(
        municipality=municipality, user=user, defaults={"role_sectors": {}, "is_active": False}
    )
    return member


@dataclass(frozen=True)
class Erasure:
    """One person's erasure, as a registration's `erase_with` gets it."""

    pseudonym: str
    remove_texts: bool
    written: frozenset  # (model label, pk) of what they wrote, found before it is re-assigned


def erase(member, *, actor, remove_texts=False):
    """Erase `member`'s person from the town (and their account, if no other town knows them).

    What they wrote stays as "ehemaliges Mitglied", or, with `remove_texts`, is removed too (a
    dated trace stays where it stood, so that replies keep their place). Staff acts stay on record
    without their name; the audit log keeps its lines with a pseudonym. One transaction: all or nothing.
    """
    require(actor, "erase_account", member)
    town = member.municipality
    user = member.user
    # The membership goes last of the town's rows: other rows point at it (and would go with it unseen).
    entries = sorted(
        registry.personal_data, key=lambda entry: (_ORDER[entry.erasure], entry.model == "accounts.Member")
    )
    with transaction.atomic():
        with translation.override(SOURCE):  # stored in the audit log, which speaks German
            pseudonym = _("ehemaliges Mitglied %(mark)s") % {"mark": secrets.token_hex(3)}
        erasure = Erasure(
            pseudonym=pseudonym,
            remove_texts=remove_texts,
            written=frozenset(
                (model_of(entry)._meta.label_lower, pk)
                for entry in entries
                if entry.erasure == KEEP_ANONYMOUS
                for pk in rows_of(entry, member).values_list("pk", flat=True)
            ),
        )
        former = former_member(town)
        for entry in entries:
            if entry.erasure == WITH_ACCOUNT:
                continue  # below, with the account
            rows = rows_of(entry, member)
            if entry.erase_with is not None:
                entry.erase_with(rows, member, erasure)
            elif entry.erasure == KEEP_ANONYMOUS:
                if remove_texts and entry.remove is not None:
                    entry.remove(list(rows))
                target = model_of(entry)._meta.get_field(entry.field).related_model
                rows.update(**{entry.field: former if target is Member else former.user})
            elif entry.erasure == UNLINK:
                rows.update(**{entry.field: None})
            elif entry.erasure == DELETE:
                rows.delete()  # Django sends each row's signals: the caches and the search keep in step
        audit(
            None,
            "member.erased",
            town,
            person=erasure.pseudonym,
            texts=_("entfernt") if remove_texts else _("behalten"),
        )
        if not Member.objects.filter(user=user).exists():
            user.delete()  # the account, its addresses and second factors (`WITH_ACCOUNT`)
        if remove_texts:
            search.purge_removed()
        # Cached fragments may still show their name: the shared cache is emptied (it refills).
        transaction.on_commit(cache.clear)
    return erasure.pseudonym


def pseudonymise_audit(rows, member, erasure):
    """The audit log keeps its lines; the person's name and address in them give way to the pseudonym,
    and the titles of what they wrote, where they asked for it to be removed, to "entfernt"."""
    from ankommen.core.models import AuditEntry

    user = member.user
    about_written = models.Q()
    for label, pk in erasure.written:
        about_written |= models.Q(target_type=label, target_id=pk)
    about = AuditEntry.objects.filter(municipality_id=member.municipality_id).filter(
        models.Q(pk__in=rows.values("pk"))
        | models.Q(target_type=Member._meta.label_lower, target_id=member.pk)
        | models.Q(target_label__iexact=user.email)
        | about_written
    )
    names = [name for name in (user.email, user.display_name) if name]
    for entry in about:
        if entry.actor_id == user.pk:
            entry.actor, entry.actor_name = None, erasure.pseudonym
        if erasure.remove_texts and (entry.target_type, entry.target_id) in erasure.written:
            entry.target_label = _("entfernt")
        for name in names:
            entry.target_label = entry.target_label.replace(name, erasure.pseudonym)
            entry.details = _replaced(entry.details, name, erasure.pseudonym)
        entry.save(update_fields=["actor", "actor_name", "target_label", "details"])


def _replaced(value, old, new):
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_replaced(each, old, new) for each in value]
    if isinstance(value, dict):
        return {key: _replaced(each, old, new) for key, each in value.items()}
    return value
