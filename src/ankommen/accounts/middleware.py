from urllib.parse import urlsplit

from django.contrib.auth import logout
from django.utils.translation import get_language_from_path

from ankommen.accounts.models import Member, User
from ankommen.core.languages import SOURCE


class MemberMiddleware:
    """Attach the user's membership in this town (or None) as `request.member`.

    A member an admin deactivated is logged out here with their next request: their sessions
    end (the session cookie belongs to the town's host, so other towns are not touched).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.member = None
        if request.user.is_authenticated:
            member = (
                Member.objects.for_municipality(request.municipality)
                .filter(user=request.user)
                .select_related("user")
                .first()
            )
            if member is not None and not member.is_active:
                logout(request)
            else:
                request.member = member
        return self.get_response(request)


class RememberLanguageMiddleware:
    """A member who switches the language keeps it: the choice goes into their profile.

    A switch is a page in one language reached from a page of this site in another (the language
    links); arriving from elsewhere, e.g. from a link in a mail, changes nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = request.user
        if (
            request.method == "GET"
            and response.status_code == 200
            and user.is_authenticated
            and user.preferred_language != request.LANGUAGE_CODE
            and _referring_language(request) not in (None, request.LANGUAGE_CODE)
        ):
            User.objects.filter(pk=user.pk).update(preferred_language=request.LANGUAGE_CODE)
        return response


def _referring_language(request):
    """The language of the page of this site the request came from; None if it came from elsewhere."""
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc != request.get_host():
        return None
    return get_language_from_path(referer.path) or SOURCE
