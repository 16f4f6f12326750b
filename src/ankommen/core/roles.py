"""Roles a person holds in a town, and the sectors multipliers come from.

The product's own roles are named here; an app adds its own with `register_role` (a council
app its councillors, say). A member holds a set of roles; the rules ask `has_role`.
"""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from ankommen.core.registry import register_role, registry


class Role(TextChoices):
    ADMIN = "admin", _("Administration")
    MODERATOR = "moderator", _("Moderation")
    EXPERT = "expert", _("Fachexpert:in")
    MULTIPLIER = "multiplier", _("Multiplikator:in")
    MEMBER = "member", _("Mitglied")
    TRANSLATOR = "translator", pgettext_lazy("role", "Übersetzung")


class Sector(TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Zivilgesellschaft")
    POLITICS = "politics", _("Politik")
    ADMINISTRATION = "administration", pgettext_lazy("sector", "Verwaltung")


PLURALS = {
    Role.ADMIN: _("Administration"),
    Role.MODERATOR: _("Moderation"),
    Role.EXPERT: _("Fachexpert:innen"),
    Role.MULTIPLIER: _("Multiplikator:innen"),
    Role.MEMBER: _("Mitglieder"),
    Role.TRANSLATOR: _("Übersetzer:innen"),
}

STAFF = frozenset({Role.ADMIN, Role.MODERATOR})
TRANSLATING = STAFF | {Role.TRANSLATOR}

# Imports, the demo and operator commands act as the town's system actor (`core.actors`): a role
# of its own that the rules name where the system may act. Nobody holds it.
SYSTEM = "system"


def register_product_roles():
    for position, role in enumerate(Role):
        sectors = Sector.choices if role == Role.MULTIPLIER else ()
        register_role(role.value, role.label, PLURALS[role], sectors=sectors, order=position * 10)


def all_roles():
    """Every role a person can hold here, the product's and the apps', in order."""
    return registry.roles_in_order()


def in_a_list(labels):
    """Labels joined as the reader's language lists them ("Fachexpert:in, Übersetzung"; Arabic with "،")."""
    return pgettext("list separator", ", ").join(str(label) for label in labels)


def role_choices():
    return [(info.code, info.label) for info in all_roles()]


def role_codes():
    return [info.code for info in all_roles()]


def label_of(code):
    info = registry.roles.get(code)
    return info.label if info else code


def plural_of(code):
    info = registry.roles.get(code)
    return info.plural if info else code


def sectors_of(code):
    info = registry.roles.get(code)
    return info.sectors if info else ()


def sector_label(code, sector):
    return dict(sectors_of(code)).get(sector, sector)
