"""Fetch-and-authorize for views: one call that finds a town's object and asks the rules."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ankommen.core import rules


class LoginRequired(PermissionDenied):
    """Refused, but a login might change the answer: visitors are sent to the login page."""


def authorize(request, action, obj):
    """Refuse the request unless the current member may `action` on `obj`."""
    if not rules.may(request.member, action, obj):
        if not request.user.is_authenticated:
            raise LoginRequired(action)
        raise PermissionDenied(action)


def town_object_or_404(queryset, request, action=None, **lookup):
    """The object of this town matching `lookup` (404 for another town's id), authorized for `action`."""
    obj = get_object_or_404(queryset.for_municipality(request.municipality), **lookup)
    if action is not None:
        authorize(request, action, obj)
    return obj


class LoginRequiredMiddleware:
    """Turn a `LoginRequired` refusal into a redirect to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None
