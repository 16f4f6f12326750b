"""Changing what a town decides about itself."""

from django.db import transaction

from ankommen.core.audit import audit
from ankommen.core.languages import BY_CODE, SOURCE
from ankommen.core.rules import require


def set_languages(town, *, actor, codes):
    """The languages the town offers, German always among them; audited."""
    require(actor, "administer", town)
    chosen = [SOURCE, *sorted({code for code in codes if code in BY_CODE and code != SOURCE})]
    with transaction.atomic():
        before = ", ".join(town.languages)
        town.languages = chosen
        town.save(update_fields=["languages"])
        audit(actor.user, "town.languages_changed", actor, before=before, after=", ".join(chosen))
    return town
