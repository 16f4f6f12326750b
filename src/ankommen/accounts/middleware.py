from ankommen.accounts.models import Member


class MemberMiddleware:
    """Attach the user's membership in this town (or None) as `request.member`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.member = None
        if request.user.is_authenticated:
            request.member = (
                Member.objects.for_municipality(request.municipality)
                .filter(user=request.user, is_active=True)
                .select_related("user")
                .first()
            )
        return self.get_response(request)
