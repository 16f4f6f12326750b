"""The pages of notifications: one's own list and how often by mail, following, and unsubscribing from a mail."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from ankommen.core import notifications, translation
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.forms import NotificationSettingsForm
from ankommen.core.models import Frequency, Notification
from ankommen.core.registry import registry

PER_PAGE = 30


@require_safe
@login_required
def notification_list(request):
    """What concerned the person lately, newest first; what they have not seen yet marked."""
    authorize(request, "receive_notifications", request.municipality)
    rows = Notification.objects.for_municipality(request.municipality).filter(recipient=request.user)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    items = [
        {
            "notification": item,
            "text": registry.notification_kinds[item.kind].text % {"target": item.target_label},
        }
        for item in page.object_list
        if item.kind in registry.notification_kinds
    ]
    return render(request, "core/notifications.html", {"page_obj": page, "items": items})


@require_POST
@login_required
def notifications_read(request):
    authorize(request, "receive_notifications", request.municipality)
    notifications.mark_read(request.user, request.municipality)
    messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
    return redirect("core:notifications")


@login_required
def notification_settings(request):
    """How often the person hears of each topic by mail."""
    authorize(request, "receive_notifications", request.municipality)
    topics = notifications.topics_for(request.member)
    current = notifications.frequencies(request.user, request.municipality)
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None, topics=topics, initial=current
    )
    if request.method == "POST" and form.is_valid():
        for topic in topics:
            notifications.set_frequency(
                request.user, request.municipality, topic.code, form.cleaned_data[topic.code]
            )
        messages.success(request, _("Ihre Einstellungen sind gespeichert."))
        return redirect("core:notification_settings")
    status = 400 if form.errors else 200
    return render(request, "core/notification_settings.html", {"form": form}, status=status)


@require_POST
def follow(request, kind, pk):
    """Follow something, or stop following it (`following=0`); back to where it stands."""
    label = registry.followables.get(kind)
    if label is None:
        raise Http404("Nothing to follow is called so.")
    target = town_object_or_404(apps.get_model(label).objects.all(), request, "follow", pk=pk)
    following = request.POST.get("following") != "0"
    notifications.set_following(request.member, target, following)
    name = translation.name_of(target)
    if following:
        messages.success(request, _("Sie folgen jetzt „%(name)s“.") % {"name": name})
    else:
        messages.success(request, _("Sie folgen „%(name)s“ nicht mehr.") % {"name": name})
    address = registry.follow_addresses.get(kind)
    return redirect(address(target) if address else target)


@csrf_exempt  # a mail program posts here (RFC 8058) without a session: the signed token is the proof
def unsubscribe(request, token):
    """Stop mails of one topic with the link from a mail, without logging in; nobody is logged in by it."""
    try:
        user_id, town_id, topic_code = notifications.read_unsubscribe_token(token)
    except signing.BadSignature:
        raise Http404("This link is not valid.") from None
    topic = registry.topics.get(topic_code)
    if town_id != request.municipality.pk or topic is None:
        raise Http404("This link is not for this town.")
    done = notifications.frequencies(user_id, request.municipality)[topic_code] == Frequency.NEVER
    if request.method == "POST" and not done:
        notifications.set_frequency(user_id, request.municipality, topic_code, Frequency.NEVER)
        return render(request, "core/unsubscribe.html", {"topic": topic, "done": True, "just_now": True})
    return render(request, "core/unsubscribe.html", {"topic": topic, "done": done})
