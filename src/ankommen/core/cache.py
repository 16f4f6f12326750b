"""A version number per town for cached page fragments: any change to a town's rows gives a new one.

Pages cache what is the same for many readers (`{% cache … town_version … %}`); instead of
deleting stale fragments, a change moves the town to a new version and old fragments expire.
"""

import time

from django.core.cache import cache
from django.db import transaction


def _key(town_id):
    return f"town-version:{town_id}"


def town_version(town_id):
    version = cache.get(_key(town_id))
    if version is None:
        version = time.time_ns()
        cache.set(_key(town_id), version, None)
    return version


def touch_town(town_id):
    """A new version now (the database cache commits with the change) and again after the commit
    (a cache outside the database could otherwise keep a fragment rendered just before it)."""

    def bump():
        cache.set(_key(town_id), time.time_ns(), None)

    bump()
    transaction.on_commit(bump)


def touch_town_of(sender, instance, **kwargs):
    """Signal receiver: a tenant row was saved, deleted or re-tagged."""
    town_id = getattr(instance, "municipality_id", None)
    if town_id is not None:
        touch_town(town_id)
