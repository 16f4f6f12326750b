"""Telling people what concerns them: in the product at once, by mail as often as each chooses.

Apps register topics (`register_topic`: "Antworten auf Ihre Beiträge", "Meldungen" for the
moderators, …) and the kinds of happening in each (`register_notification_kind`), then call
`notify(recipients, kind, event=…, target=…)` where something happens. A person is told of an event
once (a unique constraint). By mail they hear of each topic at once, daily, weekly (the default) or
never; `deliver(now)`, which the scheduler runs every minute, packs what is due into one mail per
person and key (at once: the notification's own; digests: the day or the ISO week), each a
`Delivery` row written with its notifications before it is sent and marked sent after, so a
crash between the two sends at most that one message again. Every mail has one recipient and a
one-click unsubscribe per topic (RFC 8058) that works without logging in.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ankommen.core.models import Delivery, Follow, Frequency, Notification, NotificationSetting
from ankommen.core.registry import registry
from ankommen.core.rules import may

DIGEST_HOUR = 7  # digests leave from 7 o'clock, local time
UNSUBSCRIBE_SALT = "ankommen.unsubscribe"


# --- telling ---------------------------------------------------------------------------------------


def notify(recipients, kind, *, event, target, url=None, label=None):
    """Tell each of `recipients` (users) of `event` ("comment:812") of `kind`, about `target`, once.

    Whoever caused it is left out by the caller. Written in the caller's transaction; a recipient
    told of this event before is skipped by the database.
    """
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    if not users:
        return 0
    if kind not in registry.notification_kinds:
        raise KeyError(f"No notification kind {kind!r} is registered.")
    rows = [
        Notification(
            municipality_id=target.municipality_id,
            recipient_id=pk,
            kind=kind,
            event=event,
            target_type=ContentType.objects.get_for_model(target),
            target_id=target.pk,
            target_label=str(label or target)[:300],
            url=url or target.get_absolute_url(),
        )
        for pk in users
    ]
    created = Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(created)


def people_who_may(town, action, *, besides=()):
    """The users of `town` whom the rule `action` allows on the town (the moderators, the admins)."""
    if registry.people_who_may is None:
        return []
    left_out = {user.pk for user in besides if user is not None}
    return [user for user in registry.people_who_may(town, action) if user.pk not in left_out]


def author_of(item):
    """The user who wrote `item` (its `author_field` names a member), or None (entered on paper, say)."""
    author = getattr(item, getattr(item, "author_field", "author"), None)
    if getattr(item, "paper_author", ""):
        return None
    return getattr(author, "user", author)


def followers(target, *, besides=()):
    """The users who follow `target`, except `besides`."""
    left_out = {user.pk for user in besides if user is not None}
    rows = Follow.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).select_related("user")
    return [row.user for row in rows if row.user_id not in left_out]


def follows(user, target):
    return Follow.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).exists()


def set_following(member, target, follow):
    """Follow `target` or stop following it; asked of the rule `follow`."""
    from ankommen.core.rules import require

    require(member, "follow", target)
    content_type = ContentType.objects.get_for_model(target)
    if follow:
        Follow.objects.get_or_create(
            municipality_id=target.municipality_id,
            user=member.user,
            content_type=content_type,
            object_id=target.pk,
        )
    else:
        Follow.objects.filter(user=member.user, content_type=content_type, object_id=target.pk).delete()


# --- choosing how often --------------------------------------------------------------------------------


def topics_for(member):
    """The topics `member` may hear of, in order: every member's, and the staff's where the rule allows."""
    topics = [
        topic
        for topic in registry.topics.values()
        if topic.action is None or may(member, topic.action, member.municipality)
    ]
    return sorted(topics, key=lambda topic: topic.order)


def frequencies(user, town):
    """{topic: frequency} for the person in the town: their choice, else the topic's default."""
    return frequencies_of(user.pk, town)


def frequencies_of(user_id, town):
    chosen = dict(
        NotificationSetting.objects.filter(municipality=town, user_id=user_id).values_list(
            "topic", "frequency"
        )
    )
    return {code: chosen.get(code, topic.default) for code, topic in registry.topics.items()}


def set_frequency(user, town, topic, frequency):
    set_frequency_of(user.pk, town, topic, frequency)


def set_frequency_of(user_id, town, topic, frequency):
    NotificationSetting.objects.update_or_create(
        municipality=town, user_id=user_id, topic=topic, defaults={"frequency": frequency}
    )


# --- unsubscribing without logging in ----------------------------------------------------------------


def unsubscribe_token(user, town, topic):
    return signing.dumps({"u": user.pk, "t": town.pk, "topic": topic}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user id, town id, topic) of a token from a mail; `signing.BadSignature` for anything else."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return data["u"], data["t"], data["topic"]


# --- delivering ----------------------------------------------------------------------------------------


def period_keys(now):
    """The keys of the mails due at `now` (local time): today's and this week's digests, once it is 7 o'clock."""
    local = timezone.localtime(now)
    keys = {}
    if local.hour >= DIGEST_HOUR:
        keys[Frequency.DAILY] = f"daily:{local.date().isoformat()}"
        if local.weekday() == 0:
            year, week, _day = local.isocalendar()
            keys[Frequency.WEEKLY] = f"weekly:{year}-W{week:02d}"
    return keys


def deliver(now=None):
    """Pack what is due into mails and send every mail not yet sent. Returns the number sent."""
    now = now or timezone.now()
    due = period_keys(now)
    waiting = Notification.objects.filter(delivery__isnull=True, read_at__isnull=True).values_list(
        "municipality_id", "recipient_id", "kind"
    )
    people = defaultdict(set)
    for town_id, user_id, kind in waiting.distinct():
        people[(town_id, user_id)].add(registry.notification_kinds[kind].topic)
    for (town_id, user_id), topics in people.items():
        _pack(town_id, user_id, topics, due)
    return send_pending()


def _pack(town_id, user_id, topics, due):
    """Write the mails due for one person in one town: one per notification sent at once, one per digest."""
    member = registry.member_of(town_id, user_id) if registry.member_of else None
    if member is None:
        return
    town = member.municipality
    chosen = frequencies(member.user, town)
    allowed = {topic.code for topic in topics_for(member)}
    by_frequency = defaultdict(list)
    for topic in topics & allowed:
        by_frequency[chosen[topic]].append(topic)
    kinds_of = {
        frequency: [code for code, kind in registry.notification_kinds.items() if kind.topic in chosen_topics]
        for frequency, chosen_topics in by_frequency.items()
    }
    with transaction.atomic():
        for notification in _unpacked(member, kinds_of.get(Frequency.IMMEDIATELY, [])):
            _write(member, f"now:{notification.pk}", [notification])
        for frequency in (Frequency.DAILY, Frequency.WEEKLY):
            if frequency in due and kinds_of.get(frequency):
                items = list(_unpacked(member, kinds_of[frequency]))
                if items:  # never an empty digest
                    _write(member, due[frequency], items)


def _unpacked(member, kinds):
    if not kinds:
        return Notification.objects.none()
    return (
        Notification.objects.select_for_update()
        .filter(
            municipality_id=member.municipality_id,
            recipient_id=member.user_id,
            delivery__isnull=True,
            read_at__isnull=True,
            kind__in=kinds,
        )
        .order_by("-created_at", "-id")
    )


def _write(member, key, items):
    """One mail's row, rendered in the person's language, with its notifications bound to it."""
    delivery, created = Delivery.objects.get_or_create(
        municipality_id=member.municipality_id,
        recipient_id=member.user_id,
        key=key,
        defaults={"subject": "", "body": ""},
    )
    if not created and delivery.sent_at is not None:
        return  # this period's digest left already: what came since waits for the next one
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(delivery=delivery)
    items = list(Notification.objects.filter(delivery=delivery).order_by("-created_at", "-id"))
    delivery.subject, delivery.body, delivery.headers = render(member, key, items)
    delivery.save(update_fields=["subject", "body", "headers"])


def render(member, key, items):
    """Subject, text and headers of a mail to `member` with `items`, in their language."""
    town = member.municipality
    user = member.user
    language = user.preferred_language if town.offers(user.preferred_language) else settings.LANGUAGE_CODE
    base = f"{settings.SITE_SCHEME}://{town.host}"
    with translation.override(language):
        groups = defaultdict(list)
        for item in items:
            kind = registry.notification_kinds[item.kind]
            groups[kind.topic].append(
                {
                    "text": kind.text % {"target": item.target_label},
                    "when": item.created_at,
                    "url": base + item.url,
                }
            )
        topics = [
            registry.topics[code] for code in sorted(groups, key=lambda code: registry.topics[code].order)
        ]
        sections = [
            {
                "topic": topic,
                "items": groups[topic.code],
                "unsubscribe": base
                + reverse("core:unsubscribe", args=[unsubscribe_token(user, town, topic.code)]),
            }
            for topic in topics
        ]
        context = {
            "town": town,
            "digest": not key.startswith("now:"),
            "sections": sections,
            "settings_url": base + reverse("core:notification_settings"),
        }
        subject = render_to_string("core/mail/notifications_subject.txt", context).strip()
        body = render_to_string("core/mail/notifications.txt", context)
    # RFC 8058: one click in the mail program unsubscribes from the mail's (first) topic.
    headers = {
        "List-Unsubscribe": f"<{sections[0]['unsubscribe']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return subject, body, headers


def send_pending():
    """Send the mails written but not yet sent, oldest first, each marked right after it left."""
    sent = 0
    pending = Delivery.objects.filter(sent_at__isnull=True).exclude(body="").select_related("recipient")
    for delivery in pending.order_by("created_at", "pk").iterator(chunk_size=500):
        message = EmailMessage(
            delivery.subject,
            delivery.body,
            settings.DEFAULT_FROM_EMAIL,
            [delivery.recipient.email],
            headers=delivery.headers,
        )
        message.send()
        Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
        sent += 1
    return sent


def mark_read(user, town, ids=None):
    """The person has seen their notifications (all, or `ids`): they leave the mails still to come."""
    rows = Notification.objects.filter(municipality=town, recipient=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())
