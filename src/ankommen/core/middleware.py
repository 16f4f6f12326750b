import functools

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port

from ankommen.core.models import Municipality


def municipality_for_host(host):
    """The municipality served under `host`; the default one for local addresses (one query)."""
    sql, params = _town_query(host in settings.DEFAULT_MUNICIPALITY_HOSTS, connection.vendor)
    candidates = list(Municipality.objects.raw(sql, [host if param == _HOST else param for param in params]))
    exact = [town for town in candidates if town.host == host]
    return (exact or candidates or [None])[0]


_HOST = "\x00host"  # stands for the host in the query built once


@functools.cache
def _town_query(local, vendor):
    """The SQL of the town's query, built by the ORM once per process (building it on every request
    cost more than running it)."""
    wanted = Q(host=_HOST)
    if local:
        wanted |= Q(is_default=True)
    return Municipality.objects.filter(wanted)[:2].query.sql_with_params()


class MunicipalityMiddleware:
    """Resolve the town once per request from the host name; every query starts from it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        domain, _port = split_domain_port(request.get_host())
        request.municipality = municipality_for_host(domain)
        if request.municipality is None:
            raise Http404("No municipality is served under this address.")
        return self.get_response(request)


class TownLanguageMiddleware:
    """A page in a language the town does not offer answers like a missing page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.municipality.offers(request.LANGUAGE_CODE):
            raise Http404("This town does not offer this language.")
        return self.get_response(request)
