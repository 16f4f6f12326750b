from django.core.paginator import Paginator
from django.shortcuts import render

from ankommen.core.access import authorize
from ankommen.core.forms import AuditFilterForm
from ankommen.core.models import AuditEntry
from ankommen.core.registry import registry

ENTRIES_PER_PAGE = 50


def audit_log(request):
    """Who changed which stage, role or hidden item, and when; filterable."""
    authorize(request, "administer", request.municipality)
    entries = AuditEntry.objects.for_municipality(request.municipality)
    form = AuditFilterForm(request.GET or None, actions=registry.audit_actions)
    if form.is_bound and form.is_valid():
        entries = entries.matching(**form.cleaned_data)
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"form": form, "page_obj": page})
