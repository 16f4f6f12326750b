"""A limit per client address for forms that anyone may send, kept in Django's cache.

As django-allauth does for logins: the cache holds the times of the recent hits per address; a hit
is allowed while fewer than `amount` fall into the window. The address is found the same way as
for allauth's limits (its adapter honours ALLAUTH_TRUSTED_PROXY_COUNT behind a reverse proxy), and
it is only kept hashed in the cache, for the length of the window.
"""

import hashlib
import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int


BARRIER_REPORTS = Rate(amount=5, seconds=10 * 60)


def _client(request):
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        address = "unknown"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def _key(request, bucket):
    return f"ratelimit:{bucket}:{request.municipality.pk}:{_client(request)}"


def allows(request, bucket, rate):
    """Is another hit for `bucket` from this client within `rate`? (Counts nothing.)"""
    return len(_recent(_key(request, bucket), rate)) < rate.amount


def consume(request, bucket, rate):
    """Count a hit for `bucket` from this client; False (and nothing counted) if the limit is reached.

    Two parallel requests may both pass the last free place; for a limit against bots that is fine.
    """
    key = _key(request, bucket)
    hits = _recent(key, rate)
    if len(hits) >= rate.amount:
        return False
    cache.set(key, [time.time(), *hits], rate.seconds)
    return True


def _recent(key, rate):
    now = time.time()
    return [hit for hit in cache.get(key, []) if hit > now - rate.seconds]
