"""Versions for cached page fragments, per scope: a change moves only the scopes that show it.

A scope is the town (`core.municipality:3`) or one object of it (`concept.field:12`). A fragment's
cache key carries the versions of the scopes it shows (`{% cache_version field as version %}`:
the town's and the field's); instead of deleting stale fragments, a change gives its scopes new
versions and old fragments simply expire.

What a change moves is the changed row's business: `TenantModel.cache_scopes()` says it — the
town by default, so a fragment never outlives a change; a support or a comment only its field.
Saves and deletes report through one signal receiver (`touch_scopes_of`); bulk writes, which send
no signals, call `touch` themselves.
"""

import time

from django.core.cache import cache
from django.db import transaction


def scope_of(model, pk):
    """The scope of one object: `app_label.model:pk`."""
    return f"{model._meta.label_lower}:{pk}"


def town_scope(town_id):
    from ankommen.core.models import Municipality

    return scope_of(Municipality, town_id)


def _key(scope):
    return f"cache-version:{scope}"


def versions(*scopes):
    """The current versions of `scopes`, as one string for a cache key (one cache read for all)."""
    keys = [_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
    return "-".join(str(found.get(key) or missing[key]) for key in keys)


def current(shown):
    """{scope: version} as they are now for the scopes of `shown`; a scope without a version is left out."""
    found = cache.get_many([_key(scope) for scope in shown])
    return {scope: str(found[_key(scope)]) for scope in shown if _key(scope) in found}


def touch(*scopes):
    """New versions now (the database cache commits with the change) and again after the commit
    (a cache outside the database could otherwise keep a fragment rendered just before it)."""
    if not scopes:
        return

    def bump():
        cache.set_many({_key(scope): time.time_ns() for scope in scopes}, None)

    bump()
    transaction.on_commit(bump)


def touch_town(town_id):
    """Everything the town shows is new: for bulk writes across it (an import, the demo)."""
    touch(town_scope(town_id))


def touch_scopes_of(sender, instance, **kwargs):
    """Signal receiver: a tenant row (or the town) was saved, deleted or re-tagged.

    Re-tagging (`m2m_changed`) is sent for every many-to-many relation of every model; a model that
    names no scopes (a user's groups, say) touches nothing.
    """
    scopes = getattr(instance, "cache_scopes", None)
    if scopes is not None:
        touch(*scopes())
