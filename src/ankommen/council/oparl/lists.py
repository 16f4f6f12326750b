"""External object lists: their filters, pages and links (OParl 1.1, "Objektlisten und Paginierung").

A page is named by the id it starts after (`after`), not by its number: the database goes straight
to it along the primary key, so the last page costs what the first does. Lists are sorted by id,
which never changes: the stable order the specification asks for. The filters (`created_since`,
`created_until`, `modified_since`, `modified_until`) include their bounds and stay in every link;
with `modified_since` a list also names the objects a client may hold that are gone since.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
FILTERS = {
    "created_since": "created__gte",
    "created_until": "created__lte",
    "modified_since": "modified__gte",
    "modified_until": "modified__lte",
}


class BadRequest(Exception):
    """A list address the interface cannot answer; the client learns why (HTTP 400)."""

    def __init__(self, message, debug=""):
        super().__init__(message)
        self.message = message
        self.debug = debug


@dataclass(frozen=True)
class ListQuery:
    """What a client asked of a list: its filters, the page size, where the page starts."""

    filters: dict
    limit: int = DEFAULT_LIMIT
    after: int | None = None
    omit_internal: bool = False

    @property
    def with_deleted(self):
        return "modified_since" in self.filters

    def lookups(self):
        return {FILTERS[name]: value for name, value in self.filters.items()}

    def address(self, list_url, after=None):
        """The canonical address of a page: its parameters always in alphabetical order."""
        params = {name: value.isoformat() for name, value in self.filters.items()}
        if self.limit != DEFAULT_LIMIT:
            params["limit"] = self.limit
        if self.omit_internal:
            params["omit_internal"] = "true"
        if after is not None:
            params["after"] = after
        query = urlencode(sorted(params.items()))
        return f"{list_url}?{query}" if query else list_url


def parse(params):
    """The `ListQuery` of a request's parameters; `BadRequest` for a malformed one."""
    return ListQuery(
        filters={name: parse_moment(name, params[name]) for name in FILTERS if params.get(name)},
        limit=min(max(_number(params, "limit", DEFAULT_LIMIT), 1), MAX_LIMIT),
        after=_number(params, "after", None),
        omit_internal=params.get("omit_internal") == "true",
    )


def parse_moment(name, raw):
    """A point in time as ISO 8601; without an offset it is the town's local time."""
    # A "+" sent unencoded arrives as a space: "2014-01-01T00:00:00 01:00".
    text = re.sub(r" (\d{2}:?\d{2})$", r"+\1", raw.strip())
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise BadRequest(
            _("„%(name)s“ ist kein Zeitpunkt. Erwartet wird zum Beispiel 2014-01-01T00:00:00+01:00.")
            % {"name": name},
            debug=f"{name}={raw!r}",
        ) from None
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _number(params, name, default):
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not 0 < int(raw) < 2**62:
        raise BadRequest(
            _("„%(name)s“ muss eine positive ganze Zahl sein.") % {"name": name}, debug=f"{name}={raw!r}"
        )
    return int(raw)


def page(kind, town, query, urls, list_url, scope=None):
    """One page of a list of `kind`'s objects of `town` (within `scope`, a condition on the rows)."""
    rows = kind.served_or_gone(town) if query.with_deleted else kind.served(town)
    rows = rows.filter(scope or Q(), **query.lookups())
    start = rows.filter(pk__gt=query.after) if query.after is not None else rows
    found = list(kind.fetched(start).order_by("pk")[: query.limit + 1])
    more = len(found) > query.limit
    found = found[: query.limit]
    kind.children(town, [row for row in found if _shown(row)])
    data = [
        kind.render(row, urls, omit_internal=query.omit_internal) if _shown(row) else kind.deleted(row, urls)
        for row in found
    ]
    links = {"first": query.address(list_url)}
    if query.after is not None:
        links["prev"] = query.address(list_url, _previous_start(rows, query))
    links["self"] = query.address(list_url, query.after)
    if more:
        links["next"] = query.address(list_url, _pk(found[-1]))
    return {"data": data, "pagination": {"elementsPerPage": query.limit}, "links": links}


def _shown(row):
    """Shown in full, or named as deleted (only in a list asked with `modified_since`)."""
    return row.get("oparl_shown", True) if isinstance(row, dict) else getattr(row, "oparl_shown", True)


def _pk(row):
    return row["pk"] if isinstance(row, dict) else row.pk


def _previous_start(rows, query):
    """Where the page before this one starts: after the id one page's length below (None: the first).

    The ids are read, not skipped with OFFSET: so the database walks the primary key backwards
    from `after` (with OFFSET, SQLite chose to scan another table of the query first).
    """
    below = list(
        rows.filter(pk__lte=query.after).order_by("-pk").values_list("pk", flat=True)[: query.limit + 1]
    )
    return below[query.limit] if len(below) > query.limit else None
