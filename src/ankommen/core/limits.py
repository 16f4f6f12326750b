"""Limits against abuse: how often a member may write, support and report within an hour.

The town sets the numbers (`Municipality.limit_*`, on the administration's page "Grenzen gegen
Missbrauch"). A service calls `count(member, kind)` after asking the rules and before it writes;
past the limit it raises `LimitReached`, a `ValidationError`, so a form page shows the message at
the form with status 400 and nothing is written.

The hour slides: the cache (the database by default, so every process counts alike) keeps the
times of a member's actions of each kind for an hour. A count made in a transaction that rolls
back is rolled back with it. The town's staff and the system are not limited: they enter what
was handed in on paper, a workshop's worth at a time.
"""

import time
from datetime import UTC, datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext

from ankommen.core.roles import STAFF, SYSTEM

HOUR = 60 * 60

CONTRIBUTIONS, COMMENTS, SUPPORTS, REPORTS = "contributions", "comments", "supports", "reports"

# The town's field that holds each limit.
FIELDS = {
    CONTRIBUTIONS: "limit_contributions",
    COMMENTS: "limit_comments",
    SUPPORTS: "limit_supports",
    REPORTS: "limit_reports",
}


def _reached(kind, limit):
    if kind == CONTRIBUTIONS:
        return ngettext(
            "Sie haben in der letzten Stunde schon %(limit)s Beitrag eingebracht. Mehr lässt die Kommune in einer Stunde nicht zu.",
            "Sie haben in der letzten Stunde schon %(limit)s Beiträge eingebracht. Mehr lässt die Kommune in einer Stunde nicht zu.",
            limit,
        ) % {"limit": limit}
    if kind == COMMENTS:
        return ngettext(
            "Sie haben in der letzten Stunde schon %(limit)s Kommentar geschrieben. Mehr lässt die Kommune in einer Stunde nicht zu.",
            "Sie haben in der letzten Stunde schon %(limit)s Kommentare geschrieben. Mehr lässt die Kommune in einer Stunde nicht zu.",
            limit,
        ) % {"limit": limit}
    if kind == SUPPORTS:
        return ngettext(
            "Sie haben in der letzten Stunde schon %(limit)s-mal unterstützt oder eine Unterstützung zurückgenommen. Mehr lässt die Kommune in einer Stunde nicht zu.",
            "Sie haben in der letzten Stunde schon %(limit)s-mal unterstützt oder eine Unterstützung zurückgenommen. Mehr lässt die Kommune in einer Stunde nicht zu.",
            limit,
        ) % {"limit": limit}
    return ngettext(
        "Sie haben in der letzten Stunde schon %(limit)s Meldung gesendet. Mehr lässt die Kommune in einer Stunde nicht zu.",
        "Sie haben in der letzten Stunde schon %(limit)s Meldungen gesendet. Mehr lässt die Kommune in einer Stunde nicht zu.",
        limit,
    ) % {"limit": limit}


class LimitReached(ValidationError):
    """A member did `kind` as often within the hour as the town allows; nothing more is written."""

    def __init__(self, kind, limit, again_at):
        again = time_format(localtime(datetime.fromtimestamp(again_at, tz=UTC)), "TIME_FORMAT")
        message = " ".join(
            (
                _reached(kind, limit),
                gettext("Bitte versuchen Sie es ab %(time)s Uhr wieder.") % {"time": again},
            )
        )
        super().__init__(message, code="limit")
        self.kind = kind


def is_limited(member):
    """Staff and the system are not limited (a visitor does nothing that is counted)."""
    return member is not None and member.roles.isdisjoint({*STAFF, SYSTEM})


def _key(member, kind):
    return f"limits:{member.municipality_id}:{member.pk}:{kind}"


def count(member, kind):
    """Count one action of `kind` by `member`; `LimitReached` (and nothing counted) past the town's limit."""
    if not is_limited(member):
        return
    limit = getattr(member.municipality, FIELDS[kind])
    now = time.time()
    key = _key(member, kind)
    recent = [moment for moment in cache.get(key, []) if moment > now - HOUR]
    if len(recent) >= limit:
        raise LimitReached(kind, limit, again_at=recent[-limit] + HOUR)
    cache.set(key, [*recent, now][-limit:], HOUR)
