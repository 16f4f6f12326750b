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
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

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


def followers_of(targets):
    """{(model, pk): [user, …]} of the (model, pk) pairs in `targets`, read in one query; a pair nobody
    follows gives an empty list."""
    content_types = ContentType.objects.get_for_models(*{model for model, _pk in targets})
    wanted = Q(pk__in=[])
    for model, content_type in content_types.items():
        wanted |= Q(content_type=content_type, object_id__in={pk for kind, pk in targets if kind is model})
    models = {content_type.pk: model for model, content_type in content_types.items()}
    found = defaultdict(list)
    for row in Follow.objects.filter(wanted).select_related("user"):
        found[models[row.content_type_id], row.object_id].append(row.user)
    return found


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
    """{topic: frequency} for the person (a user or their id) in the town: their choice, else the topic's default."""
    chosen = dict(
        NotificationSetting.objects.filter(municipality=town, user_id=getattr(user, "pk", user)).values_list(
            "topic", "frequency"
        )
    )
    return {code: chosen.get(code, topic.default) for code, topic in registry.topics.items()}


def set_frequency(user, town, topic, frequency):
    """How often the person (a user or their id) hears of `topic` by mail."""
    NotificationSetting.objects.update_or_create(
        municipality=town, user_id=getattr(user, "pk", user), topic=topic, defaults={"frequency": frequency}
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


BATCH = 500  # people packed in one transaction


def deliver(now=None):
    """Pack what is due into mails and send every mail not yet sent. Returns the number sent."""
    now = now or timezone.now()
    due = period_keys(now)
    waiting = (
        Notification.objects.filter(delivery__isnull=True, read_at__isnull=True, not_mailed=False)
        .values_list("municipality_id", "recipient_id")
        .distinct()
    )
    people = defaultdict(list)
    for town_id, user_id in waiting:
        people[town_id].append(user_id)
    for town_id, user_ids in people.items():
        for start in range(0, len(user_ids), BATCH):
            _pack(town_id, user_ids[start : start + BATCH], due)
    return send_pending()


OUTBOX_KEPT = timedelta(days=90)


def prune_outbox(now=None):
    """Once a day: mails sent more than 90 days ago leave the outbox. Their notifications stay in the
    person's list, marked as not to be mailed again (`not_mailed`), so no run takes them for unmailed."""
    now = now or timezone.now()
    old = Delivery.objects.filter(sent_at__lt=now - OUTBOX_KEPT)
    with transaction.atomic():
        Notification.objects.filter(delivery__in=old).update(delivery=None, not_mailed=True)
        removed, _kinds = old.delete()
    return removed


def _pack(town_id, user_ids, due):
    """Write the mails due for some people of one town: one per notification sent at once, one per digest.

    A batch is one transaction: its notifications bound to their mails, the mails rendered.
    """
    members = registry.members_of(town_id, user_ids) if registry.members_of else {}
    if not members:
        return
    town = next(iter(members.values())).municipality
    chosen = {
        (user_id, topic): frequency
        for user_id, topic, frequency in NotificationSetting.objects.filter(
            municipality_id=town_id, user_id__in=list(members)
        ).values_list("user_id", "topic", "frequency")
    }
    allowed = {user_id: {topic.code for topic in topics_for(member)} for user_id, member in members.items()}
    with transaction.atomic():
        items = Notification.objects.select_for_update().filter(
            municipality_id=town_id,
            recipient_id__in=list(members),
            delivery__isnull=True,
            read_at__isnull=True,
            not_mailed=False,
        )
        existing = {
            (delivery.recipient_id, delivery.key): delivery
            for delivery in Delivery.objects.filter(
                municipality_id=town_id, recipient_id__in=list(members), key__in=list(due.values())
            )
        }
        mails, never = defaultdict(list), []
        for item in items.order_by("-created_at", "-id"):
            topic = registry.topics[registry.notification_kinds[item.kind].topic]
            frequency = chosen.get((item.recipient_id, topic.code), topic.default)
            if topic.code not in allowed[item.recipient_id] or frequency == Frequency.NEVER:
                never.append(item.pk)
                continue
            if frequency == Frequency.IMMEDIATELY:
                key = f"now:{item.pk}"
            elif frequency in due:
                key = due[frequency]
            else:
                continue
            sent_before = existing.get((item.recipient_id, key))
            if sent_before is not None and sent_before.sent_at is not None:
                continue  # this period's digest left already: what came since waits for the next one
            mails[(item.recipient_id, key)].append(item)
        if never:
            Notification.objects.filter(pk__in=never).update(not_mailed=True)
        if not mails:
            return
        written = []
        for (user_id, key), bound in mails.items():
            delivery = existing.get((user_id, key)) or Delivery(
                municipality_id=town_id, recipient_id=user_id, key=key
            )
            if delivery.pk is not None:  # written, not sent (a crash): it takes the new items too
                bound = [*bound, *Notification.objects.filter(delivery=delivery)]
                bound.sort(key=lambda item: (item.created_at, item.pk), reverse=True)
            delivery.subject, delivery.body, delivery.headers = render(members[user_id], town, key, bound)
            written.append((delivery, bound))
        Delivery.objects.bulk_create([delivery for delivery, _bound in written if delivery.pk is None])
        for delivery, _bound in written:
            if delivery.pk is not None and delivery.key in due.values():
                delivery.save(update_fields=["subject", "body", "headers"])
        table = connection.ops.quote_name(Notification._meta.db_table)
        with connection.cursor() as cursor:  # one statement, many rows (`bulk_update` builds a CASE per row)
            cursor.executemany(
                f"UPDATE {table} SET delivery_id = %s WHERE id = %s",  # noqa: S608 - the model's own table
                [(delivery.pk, item.pk) for delivery, bound in written for item in bound],
            )


_ADDRESSES = {}


def _addresses(language):
    """The settings page and the unsubscribe address (with a stand-in token) in `language`, reversed once."""
    if language not in _ADDRESSES:
        _ADDRESSES[language] = (
            reverse("core:notification_settings"),
            reverse("core:unsubscribe", args=["TOKEN"]),
        )
    return _ADDRESSES[language]


def render(member, town, key, items):
    """Subject, text and headers of a mail to `member` with `items` (newest first), in their language.

    Built in Python, not from a template: a weekly run writes one for each of a town's people.
    """
    user = member.user
    language = user.preferred_language if town.offers(user.preferred_language) else settings.LANGUAGE_CODE
    base = f"{settings.SITE_SCHEME}://{town.host}"
    with translation.override(language):
        settings_path, unsubscribe_path = _addresses(language)
        groups = defaultdict(list)
        for item in items:
            kind = registry.notification_kinds[item.kind]
            groups[kind.topic].append(item)
        digest = not key.startswith("now:")
        lines = [_("Guten Tag,"), ""]
        if digest:
            lines.append(
                _("Das ist neu für Sie auf der Dialogplattform %(town)s, das Neueste zuerst:")
                % {"town": town.name}
            )
        else:
            lines.append(_("Neu für Sie auf der Dialogplattform %(town)s:") % {"town": town.name})
        unsubscribe = []
        for code in sorted(groups, key=lambda code: registry.topics[code].order):
            topic = registry.topics[code]
            lines += ["", f"== {topic.label} ==", ""]
            for item in groups[code]:
                when = formats.date_format(timezone.localtime(item.created_at), "SHORT_DATETIME_FORMAT")
                text = registry.notification_kinds[item.kind].text % {"target": item.target_label}
                lines += [f"- {text} ({when})", f"  {base}{item.url}"]
            link = base + unsubscribe_path.replace("TOKEN", unsubscribe_token(user, town, code))
            unsubscribe.append(link)
            lines += ["", _("Keine E-Mails mehr zum Thema „%(topic)s“:") % {"topic": topic.label}, link]
        lines += [
            "",
            _("Wie oft Sie welche E-Mails bekommen, stellen Sie hier ein:"),
            base + settings_path,
            "",
        ]
        if digest:
            subject = _("Neues auf der Dialogplattform %(town)s") % {"town": town.name}
        else:
            first = items[0]
            subject = registry.notification_kinds[first.kind].text % {"target": first.target_label}
    # RFC 8058: one click in the mail program unsubscribes from the mail's first topic.
    headers = {
        "List-Unsubscribe": f"<{unsubscribe[0]}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return str(subject)[:300], "\n".join(str(line) for line in lines), headers


def send_pending():
    """Send the mails written but not yet sent, oldest first, each marked sent right after it left
    (through one connection to the mail server)."""
    sent = 0
    pending = (
        Delivery.objects.filter(sent_at__isnull=True)
        .exclude(body="")
        .select_related("recipient", "municipality")
    )
    with get_connection() as mailer, connection.cursor() as cursor:
        for delivery in pending.order_by("created_at", "pk").iterator(chunk_size=500):
            # The same Message-ID each time: a mail sent again after a crash is the same mail to the reader's program.
            message_id = f"<delivery-{delivery.pk}@{delivery.municipality.host}>"
            message = EmailMessage(
                delivery.subject,
                delivery.body,
                settings.DEFAULT_FROM_EMAIL,
                [delivery.recipient.email],
                headers={**delivery.headers, "Message-ID": message_id},
                connection=mailer,
            )
            message.send()
            cursor.execute(
                "UPDATE core_delivery SET sent_at = %s WHERE id = %s", [timezone.now(), delivery.pk]
            )
            sent += 1
    return sent


def mark_read(user, town):
    """The person has seen their notifications: they leave the mails still to come."""
    rows = Notification.objects.filter(municipality=town, recipient=user, read_at__isnull=True)
    return rows.update(read_at=timezone.now())
