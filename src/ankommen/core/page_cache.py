"""Whole pages for visitors: the reading pages every visitor sees alike, kept under the versions they show.

A visitor (no session, no message waiting, not an htmx request) gets the same home page or field
page as every other visitor in that language, so the page is kept whole, keyed by the town, the
language and the address, in the worker's memory (the `pages` cache). Kept with it are the cache versions of the scopes it showed, as its
`{% cache_version %}` tags read them while it was rendered: the town's (a page that reads none is
not kept) and a field's on a field's page. A later visitor gets it only while those versions are unchanged: a support in one field
gives that field's page a new version and leaves the others and the home page in the cache.

Members get the page rendered for them (with its cached fragments): it marks what they supported
and shows their menu. `FRAGMENT_CACHE=false` switches this cache off with the fragments.
"""

from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from ankommen.core import cache as versions

TIMEOUT = 600  # as long as the fragments: a page may show the time ("vor 5 Minuten")
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control")


def _store():
    return caches["pages"]


def _is_visitor(request):
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HX-Request" not in request.headers
    )


def _key(request):
    return f"page:{request.municipality.pk}:{request.LANGUAGE_CODE}:{request.get_full_path()}"


def record_scopes(request, scopes, read):
    """Called by `{% cache_version %}`: the page shows these scopes at these versions."""
    shown = getattr(request, "shown_versions", None)
    if shown is not None:
        shown.update(zip(scopes, read.split("-"), strict=True))


def _keepable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # it holds a form's token
        and not get_messages(request).added_new
    )


def for_visitors(view):
    """View decorator: a visitor's copy of the page comes from the cache while what it shows is unchanged."""

    @wraps(view)
    def cached_for_visitors(request, *args, **kwargs):
        if not settings.FRAGMENT_CACHE or not _is_visitor(request):
            return view(request, *args, **kwargs)
        store, key = _store(), _key(request)
        kept = store.get(key)
        if kept is not None and versions.current(kept["versions"]) == kept["versions"]:
            response = HttpResponse(kept["content"])
            for header, value in kept["headers"]:
                response[header] = value
            patch_vary_headers(response, ["Cookie"])  # as a rendered page says: a member's differs
            return response
        request.shown_versions = {}
        response = view(request, *args, **kwargs)
        if versions.town_scope(request.municipality.pk) in request.shown_versions and _keepable(
            request, response
        ):
            headers = [(header, response[header]) for header in KEPT_HEADERS if header in response]
            store.set(
                key,
                {"versions": request.shown_versions, "headers": headers, "content": response.content},
                TIMEOUT,
            )
        return response

    return cached_for_visitors
