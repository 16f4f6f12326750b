"""Template tags other apps use to point at the legal pages."""

from django import template

from ankommen.legal.models import TermsVersion

register = template.Library()


@register.simple_tag(takes_context=True)
def current_terms(context):
    """`{% current_terms as terms %}`: the terms of use in force in this town (None if there are none).

    Asked once per request however often a page uses it.
    """
    request = context["request"]
    if not hasattr(request, "_current_terms"):
        request._current_terms = TermsVersion.objects.for_municipality(request.municipality).current()
    return request._current_terms
