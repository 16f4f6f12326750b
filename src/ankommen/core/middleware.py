from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port

from ankommen.core.built_once import built_once
from ankommen.core.models import Municipality


def municipality_for_host(host):
    """The municipality served under `host`; the default one for local addresses (one query)."""
    sql, params = _towns.sql(host in settings.DEFAULT_MUNICIPALITY_HOSTS, host=host)
    candidates = list(Municipality.objects.raw(sql, params))
    exact = [town for town in candidates if town.host == host]
    return (exact or candidates or [None])[0]


@built_once
def _towns(local, *, host):
    """The towns served under `host`, and the default one where the address is local."""
    wanted = Q(host=host)
    if local:
        wanted |= Q(is_default=True)
    return Municipality.objects.filter(wanted)[:2]


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
