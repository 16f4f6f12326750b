"""The council's open interface, OParl 1.1: read-only JSON for anyone, without login or cookies.

The request's host names the town (`request.municipality`); the town is OParl's one Body of its
System. Every answer, an error too, is JSON in UTF-8 and may be read by a script from any origin
(`Access-Control-Allow-Origin: *`). An object that is not shown (deleted, imported, not public)
answers exactly as one that never existed: 404.
"""

import functools
import json

from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from ankommen.council.oparl import lists, objects
from ankommen.council.oparl.kinds import KINDS
from ankommen.council.oparl.objects import Urls

ERROR = objects.SCHEMA + "Error"
METHODS = ("GET", "HEAD")


def json_response(data, status=200):
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type="application/json; charset=utf-8",
        status=status,
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status, message, debug=""):
    return json_response({"type": ERROR, "message": message, "debug": debug}, status=status)


def oparl_view(view):
    """An interface view: open to all, GET only, German content, errors as OParl's error object."""

    @login_not_required
    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = json_response({}, status=200)
            response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
            response["Allow"] = ", ".join(METHODS)
            return response
        if request.method not in METHODS:
            response = error(405, _("Die Schnittstelle beantwortet nur Anfragen zum Lesen (GET)."))
            response["Allow"] = ", ".join(METHODS)
            return response
        try:
            with translation.override("de"):
                return json_response(view(request, *args, **kwargs))
        except Http404:
            return error(404, _("Dieses Objekt gibt es hier nicht."), debug=request.path)
        except lists.BadRequest as refusal:
            return error(400, refusal.message, debug=refusal.debug)

    return answer


def _town(request, slug=None):
    """The request's town; 404 where the address names another one."""
    if slug is not None and slug != request.municipality.slug:
        raise Http404
    return request.municipality


@oparl_view
def system(request):
    town = _town(request)
    return objects.system(town, Urls(request, town))


@oparl_view
def body_list(request):
    """The System's list of bodies: this town, always on one page."""
    town = _town(request)
    query = lists.parse(request.GET)
    urls = Urls(request, town)
    return {
        "data": [_body(town, urls, query.omit_internal)],
        "pagination": {"elementsPerPage": query.limit},
        "links": {"first": query.address(urls.body_list), "self": query.address(urls.body_list)},
    }


@oparl_view
def body(request, slug):
    town = _town(request, slug)
    return _body(town, Urls(request, town))


def _body(town, urls, omit_internal=False):
    terms = KINDS["legislativeterm"].served(town).order_by("pk")
    return objects.body(town, urls, [] if omit_internal else terms, omit_internal)


@oparl_view
def object_list(request, slug, segment):
    """One of the body's lists (`/oparl/1.1/body/<town>/paper/`), page by page."""
    town = _town(request, slug)
    urls = Urls(request, town)
    query = lists.parse(request.GET, KINDS[segment].page_size)
    return lists.page(KINDS[segment], town, query, urls, urls.body_list_of(segment))


@oparl_view
def organization_meetings(request, pk):
    """An organization's meetings: the body's list of meetings, of this committee only."""
    town = _town(request)
    if not KINDS["organization"].served(town).filter(pk=pk).exists():
        raise Http404
    urls = Urls(request, town)
    query = lists.parse(request.GET, KINDS["meeting"].page_size)
    list_url = urls.object("organization", pk) + "meeting/"
    return lists.page(KINDS["meeting"], town, query, urls, list_url, scope=Q(committee_id=pk))


@oparl_view
def object_detail(request, segment, pk):
    town = _town(request)
    kind = KINDS[segment]
    obj = kind.fetched(kind.served(town).filter(pk=pk)).first()
    if obj is None:
        raise Http404
    kind.children(town, [obj])
    return kind.render(obj, Urls(request, town))


@oparl_view
def not_found(request, rest=""):
    """Any other address under the interface: OParl's error object, not the site's HTML page."""
    raise Http404
