"""External object lists: their filters, pages and links (OParl 1.1, "Objektlisten und Paginierung").

A page is named by the position it starts after (`after`), not by its number: the database goes
straight to it along an index, so the last page costs what the first does. A list is sorted by
id, which never changes: the stable order the specification asks for. A list asked what changed
(`modified_since`, `modified_until`) is sorted by the time of the change, then id: the index on
`modified` then serves both the filter and the order, and an object that changes while a client
pages through moves to the end, where the client meets it again rather than missing it.

The filters (`created_since`, `created_until`, `modified_since`, `modified_until`) include their
bounds and stay in every link; with `modified_since` a list also names the objects a client may
hold that are gone since.
"""

import re
from dataclasses import dataclass, replace
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
    after: tuple | None = None  # the position of the last object before the page, in `order`
    omit_internal: bool = False
    page_size: int = DEFAULT_LIMIT  # the list's own page size, where the client names none

    @property
    def with_deleted(self):
        return "modified_since" in self.filters

    @property
    def order(self):
        by_change = "modified_since" in self.filters or "modified_until" in self.filters
        return ("modified", "pk") if by_change else ("pk",)

    def lookups(self):
        return {FILTERS[name]: value for name, value in self.filters.items()}

    def address(self, list_url, after=None):
        """The canonical address of a page: its parameters always in alphabetical order."""
        params = {name: value.isoformat() for name, value in self.filters.items()}
        if self.limit != self.page_size:
            params["limit"] = self.limit
        if self.omit_internal:
            params["omit_internal"] = "true"
        if after is not None:
            params["after"] = ",".join(
                value.isoformat() if isinstance(value, datetime) else str(value) for value in after
            )
        query = urlencode(sorted(params.items()))
        return f"{list_url}?{query}" if query else list_url


def parse(params, page_size=DEFAULT_LIMIT):
    """The `ListQuery` of a request's parameters; `BadRequest` for a malformed one."""
    query = ListQuery(
        filters={name: parse_moment(name, params[name]) for name in FILTERS if params.get(name)},
        limit=min(max(_number(params, "limit", page_size), 1), MAX_LIMIT),
        omit_internal=params.get("omit_internal") == "true",
        page_size=page_size,
    )
    raw = params.get("after")
    return replace(query, after=_position_in(query.order, raw)) if raw else query


def _position_in(order, raw):
    """A position in a list's order, as `address()` writes it: an id, or a time and an id."""
    parts = raw.rsplit(",", 1) if len(order) == 2 else [raw]
    if len(parts) != len(order) or not re.fullmatch(r"[0-9]{1,18}", parts[-1]):
        raise BadRequest(_("„after“ nennt keine Stelle dieser Liste."), debug=f"after={raw!r}")
    return (*(parse_moment("after", part) for part in parts[:-1]), int(parts[-1]))


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
    if not re.fullmatch(r"[0-9]{1,18}", raw) or int(raw) == 0:
        raise BadRequest(
            _("„%(name)s“ muss eine positive ganze Zahl sein.") % {"name": name}, debug=f"{name}={raw!r}"
        )
    return int(raw)


def page(kind, town, query, urls, list_url, scope=None):
    """One page of a list of `kind`'s objects of `town` (within `scope`, a condition on the rows)."""
    rows = kind.served_or_gone(town) if query.with_deleted else kind.served(town)
    rows = rows.filter(scope or Q(), **query.lookups())
    start = rows.filter(_beyond(query.order, query.after)) if query.after is not None else rows
    found = list(kind.fetched(start).order_by(*query.order)[: query.limit + 1])
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
        links["next"] = query.address(list_url, _position(found[-1], query.order))
    return {"data": data, "pagination": {"elementsPerPage": query.limit}, "links": links}


def _shown(row):
    """Shown in full, or named as deleted (only in a list asked with `modified_since`)."""
    return row.get("oparl_shown", True) if isinstance(row, dict) else getattr(row, "oparl_shown", True)


def _position(row, order):
    return tuple(row[name] if isinstance(row, dict) else getattr(row, name) for name in order)


def _beyond(order, position):
    """The rows after `position` in `order`; the first condition alone is a range of the index."""
    if order == ("pk",):
        return Q(pk__gt=position[0])
    modified, pk = position
    return Q(modified__gte=modified) & (Q(modified__gt=modified) | Q(pk__gt=pk))


def _up_to(order, position):
    """The rows up to `position` in `order`, itself included."""
    if order == ("pk",):
        return Q(pk__lte=position[0])
    modified, pk = position
    return Q(modified__lte=modified) & (Q(modified__lt=modified) | Q(pk__lte=pk))


def _previous_start(rows, query):
    """Where the page before this one starts: one page's length back (None: the first page).

    The positions are read, not skipped with OFFSET: so the database walks its index backwards
    from `after` (with OFFSET, SQLite chose to scan another table of the query first).
    """
    backwards = [f"-{name}" for name in query.order]
    below = list(
        rows.filter(_up_to(query.order, query.after))
        .order_by(*backwards)
        .values_list(*query.order)[: query.limit + 1]
    )
    return below[query.limit] if len(below) > query.limit else None
