from django.conf import settings

from ankommen.core import rules


def platform(request):
    """What every page's frame needs: the town, the member and what their role opens up."""
    municipality = getattr(request, "municipality", None)
    member = getattr(request, "member", None)
    return {
        "municipality": municipality,
        "member": member,
        "demo_mode": settings.DEMO_MODE,
        "may_administer": municipality is not None and rules.may(member, "administer", municipality),
        "may_moderate": municipality is not None and rules.may(member, "moderate_town", municipality),
        "may_translate": municipality is not None and rules.may(member, "translate", municipality),
    }
