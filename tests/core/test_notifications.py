"""People are told what concerns them once, in the product at once and by mail as often as they choose;
each mail has one recipient, a delivery record and a one-click unsubscribe that needs no login."""

import random
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from ankommen.accounts.models import User
from ankommen.concept.models import Field
from ankommen.core import moderation, notifications, schedule
from ankommen.core.models import Delivery, Frequency, Notification, ScheduledRun
from ankommen.dialogue import answers
from ankommen.dialogue import services as dialogue
from tests.writing import add_contribution

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_8 = datetime(2026, 12, 7, 8, 0, tzinfo=BERLIN)  # a Monday, after 7 o'clock: daily and weekly are due
TUESDAY_8 = MONDAY_8 + timedelta(days=1)


@pytest.fixture
def finding(town, people):
    return add_contribution(town, people, "Sprachkurse mit Kinderbetreuung fehlen")


@pytest.fixture
def option(town, people):
    """An option the expert wrote: the administration answers options and recommendations."""
    return add_contribution(
        town, people, "Sprachcafé mit Kinderbetreuung im Stadtteilzentrum", kind="options"
    )


def answer(item, people):
    answers.answer_contribution(item, actor=people["admin"], state="under_review", text="Wir prüfen das.")


@pytest.fixture(autouse=True)
def nothing_told_yet(town):
    """The demo's people have heard of the demo's comments already: each test starts from silence."""
    Notification.objects.all().delete()


def told(user, kind=None):
    rows = Notification.objects.filter(recipient=user)
    return rows.filter(kind=kind) if kind else rows


def test_a_comment_tells_the_author_and_the_followers_once(finding, people):
    author, neighbour, follower = people["expertin"], people["nachbarschaft"], people["moderation"]
    notifications.set_following(follower, finding, True)
    comment = dialogue.add_comment(finding, author=neighbour, body="Das kenne ich aus der Weststadt.")
    assert told(author.user, "comment.on_yours").count() == 1
    assert told(follower.user, "comment.on_followed").count() == 1
    assert not told(neighbour.user).exists()  # not the one who wrote it
    # However often a hook runs for the same event, a person is told once (a unique constraint).
    notifications.notify([author.user], "comment.on_yours", event=f"comment:{comment.pk}", target=finding)
    assert told(author.user, "comment.on_yours").count() == 1


def test_following_a_field_tells_of_each_new_contribution(town, people):
    field = Field.objects.for_municipality(town).get(slug="wohnen-und-leben")
    notifications.set_following(people["mitglied"], field, True)
    stage = field.stages.get(kind="stocktaking")
    dialogue.add_contribution(stage, author=people["expertin"], title="Mietspiegel übersetzen", body="Text")
    [notification] = told(people["mitglied"].user, "contribution.new_in_field")
    assert notification.target_label == "Wohnen und Leben: Mietspiegel übersetzen"


def test_answers_hiding_reports_and_requests_reach_whom_they_concern(town, people, finding, option):
    answer(option, people)
    assert told(people["expertin"].user, "contribution.answered").count() == 1
    moderation.flag(finding, reporter=people["mitglied"], reason="Stimmt so nicht")
    reported = Notification.objects.filter(kind="item.reported").values_list("recipient__email", flat=True)
    assert set(reported) == {"moderation@demo.ankommen.example", "admin@demo.ankommen.example"}
    moderation.hide(finding, moderator=people["moderation"], reason="Persönliche Daten")
    assert told(people["expertin"].user, "item.hidden").count() == 1


def test_a_request_to_join_tells_the_admins(town, stranger):
    from ankommen.accounts import services

    services.ask_to_join(stranger.user, town, motivation="Ich helfe gern.")
    assert list(
        Notification.objects.filter(kind="join.requested").values_list("recipient__email", flat=True)
    ) == ["admin@demo.ankommen.example"]


def test_at_once_means_one_mail_per_notification_with_one_recipient_and_an_unsubscribe(people, option):
    answer(option, people)
    assert notifications.deliver(TUESDAY_8) == 1  # answers come at once by default
    [message] = mail.outbox
    assert message.to == [people["expertin"].user.email] and not message.cc and not message.bcc
    assert "Offizielle Antwort auf Ihren Beitrag" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://kornwestheim.ankommen.example/abbestellen/"
    )
    assert Delivery.objects.get().sent_at is not None
    assert notifications.deliver(TUESDAY_8) == 0  # nothing twice


def test_the_weekly_digest_groups_newest_first_and_is_never_empty(people, finding):
    neighbour = people["nachbarschaft"]
    dialogue.add_comment(finding, author=neighbour, body="Erster Kommentar")
    dialogue.add_comment(finding, author=people["mitglied"], body="Zweiter Kommentar")
    assert notifications.deliver(TUESDAY_8) == 0  # comments come weekly by default: not on a Tuesday
    sent = notifications.deliver(MONDAY_8)
    digests = [message for message in mail.outbox if message.to == [people["expertin"].user.email]]
    assert sent >= 1 and len(digests) == 1
    body = digests[0].body
    assert "Kommentare zu Ihren Beiträgen" in body
    assert body.count("Neuer Kommentar zu Ihrem Beitrag") == 2
    assert notifications.deliver(MONDAY_8 + timedelta(hours=2)) == 0  # this week's digest left already
    assert not Delivery.objects.filter(body="").exists()


def test_a_person_chooses_how_often_and_never_gets_nothing_by_mail(people, finding, town):
    expert = people["expertin"].user
    notifications.set_frequency(expert, town, "replies", Frequency.NEVER)
    dialogue.add_comment(finding, author=people["nachbarschaft"], body="Kommentar")
    assert notifications.deliver(MONDAY_8) == 0
    assert told(expert).count() == 1  # in the product, still there
    # Read once, marked, never read again by the packing (a run reads only what may still be mailed).
    assert told(expert).get().not_mailed
    assert not Notification.objects.filter(
        delivery__isnull=True, read_at__isnull=True, not_mailed=False
    ).exists()


def test_a_crash_between_sending_and_recording_resends_at_most_that_one_mail(people, finding, option):
    """The worker dies right after the mail server took the first mail, before it was marked sent."""
    answer(option, people)
    moderation.hide(finding, moderator=people["moderation"], reason="Persönliche Daten")
    with override_settings(EMAIL_BACKEND="tests.mailbackends.DiesAfterOneMail"), pytest.raises(SystemExit):
        notifications.deliver(TUESDAY_8)
    assert len(mail.outbox) == 1
    notifications.deliver(TUESDAY_8)  # the worker again
    ids = [message.extra_headers["Message-ID"] for message in mail.outbox]
    assert len(ids) == 3 and len(set(ids)) == 2  # two mails, the interrupted one twice, as the same mail
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 0


def test_a_small_simulation_of_weeks_with_irregular_runs_and_a_killed_worker(town, people):
    """Two weeks, the demo's people writing, the worker running at random hours and dying twice:
    every notification reaches one mail, no mail is sent more than twice, only a killed one twice."""
    rng = random.Random(2017)
    field = Field.objects.for_municipality(town).get(slug="wohnen-und-leben")
    stage = field.stages.get(kind="stocktaking")
    writers = [people["admin"]]  # the staff write without the hourly limit: the simulated hours are not real
    readers = [people["mitglied"], people["nachbarschaft"], people["multiplikator"]]
    for person in readers:
        notifications.set_following(person, field, True)
    notifications.set_frequency(people["mitglied"].user, town, "followed", Frequency.DAILY)
    notifications.set_frequency(people["nachbarschaft"].user, town, "followed", Frequency.IMMEDIATELY)
    start = datetime(2026, 11, 30, 6, 0, tzinfo=BERLIN)
    killed = 0
    for hour in range(0, 14 * 24, 3):
        now = start + timedelta(hours=hour)
        if rng.random() < 0.3:
            item = dialogue.add_contribution(
                stage, author=rng.choice(writers), title=f"Befund {hour}", body="Text"
            )
            dialogue.add_comment(item, author=rng.choice(readers), body="Kommentar")
        if rng.random() < 0.5:
            kill = killed < 2 and rng.random() < 0.2
            backend = (
                "tests.mailbackends.DiesAfterOneMail"
                if kill
                else "django.core.mail.backends.locmem.EmailBackend"
            )
            with override_settings(EMAIL_BACKEND=backend):
                try:
                    notifications.deliver(now)
                except SystemExit:
                    killed += 1
    notifications.deliver(start + timedelta(days=14, hours=2))  # a Monday morning: everything due goes
    keys = [(d.recipient_id, d.key) for d in Delivery.objects.all()]
    assert len(keys) == len(set(keys))
    followers_told = Notification.objects.filter(kind="contribution.new_in_field")
    assert followers_told.exists()
    assert not followers_told.filter(delivery__isnull=True, read_at__isnull=True).exists()  # none lost
    sent = {}
    for message in mail.outbox:
        key = message.extra_headers["Message-ID"]  # one per mail written, the same when sent again
        sent[key] = sent.get(key, 0) + 1
    assert killed >= 1  # the run above did kill the worker
    assert max(sent.values()) <= 2
    assert sum(1 for count in sent.values() if count == 2) <= killed
    assert not Delivery.objects.filter(sent_at__isnull=True).exists()


def test_unsubscribing_from_a_mail_needs_no_login_works_once_and_shows_nothing_personal(people, town):
    user = people["mitglied"].user
    link = "/abbestellen/" + notifications.unsubscribe_token(user, town, "replies") + "/"
    client = Client()
    page = client.get(link).content.decode()
    assert (
        "Kommentare zu Ihren Beiträgen" in page and user.email not in page and user.display_name not in page
    )
    response = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert notifications.frequencies(user, town)["replies"] == Frequency.NEVER
    assert "_auth_user_id" not in client.session
    again = client.post(link).content.decode()
    assert "Das war schon abbestellt" in again
    assert client.get("/abbestellen/falsch/").status_code == 404


def test_the_scheduler_runs_each_job_once_per_period(town):
    now = timezone.now()
    first = schedule.run_due(now)
    assert "notifications.deliver" in first and "barrier_reports.coming_due" in first
    assert schedule.run_due(now) == []  # the same minute: nothing again
    assert ScheduledRun.objects.filter(job="notifications.deliver").count() == 1
    assert "notifications.deliver" in schedule.run_due(now + timedelta(minutes=1))


def test_barrier_reports_coming_due_are_told_to_the_staff_once(town):
    from ankommen.legal.models import BarrierReport

    report = BarrierReport.objects.for_municipality(town).open().first()
    BarrierReport.objects.filter(pk=report.pk).update(due_on=timezone.localdate() + timedelta(days=3))
    schedule.run_due(timezone.now())
    schedule.run_due(timezone.now() + timedelta(days=1))
    assert (
        Notification.objects.filter(kind="barrier.due", target_id=report.pk).count() == 2
    )  # moderator, admin


def test_the_list_and_the_settings_pages(client_as, people, finding, town):
    dialogue.add_comment(finding, author=people["nachbarschaft"], body="Kommentar")
    client = client_as("expertin")
    page = client.get("/konto/benachrichtigungen/").content.decode()
    assert "Neuer Kommentar zu Ihrem Beitrag" in page and "neu" in page
    # A valid date and time for machines: whole seconds (HTML allows at most three digits of fractions).
    stamps = re.findall(r'<time datetime="([^"]+)"', page)
    assert stamps and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp) for stamp in stamps)
    client.post("/konto/benachrichtigungen/gelesen/")
    assert not told(people["expertin"].user).filter(read_at__isnull=True).exists()
    settings_page = client.get("/konto/benachrichtigungen/einstellungen/").content.decode()
    assert "Neue Meldungen" not in settings_page  # a staff topic: not for an expert
    choices = {topic.code: "daily" for topic in notifications.topics_for(people["expertin"])}
    assert client.post("/konto/benachrichtigungen/einstellungen/", choices).status_code == 302
    assert notifications.frequencies(people["expertin"].user, town)["replies"] == "daily"


def test_erasing_an_account_takes_its_notifications_and_mails(
    people, finding, option, django_capture_on_commit_callbacks
):
    from ankommen.accounts import privacy

    expert = people["expertin"]
    notifications.set_following(expert, finding, True)
    answer(option, people)
    notifications.deliver(TUESDAY_8)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(expert, actor=expert)
    assert not User.objects.filter(pk=expert.user_id).exists()
    assert not Notification.objects.filter(recipient_id=expert.user_id).exists()
    assert not Delivery.objects.filter(recipient_id=expert.user_id).exists()


def test_mails_leave_the_outbox_after_90_days_and_are_not_sent_again(people, option):
    answer(option, people)
    assert notifications.deliver(TUESDAY_8) == 1
    delivery = Delivery.objects.get()
    assert notifications.prune_outbox(TUESDAY_8 + timedelta(days=89)) == 0
    assert notifications.prune_outbox(TUESDAY_8 + timedelta(days=91)) == 1
    assert not Delivery.objects.filter(pk=delivery.pk).exists()
    told_of = told(people["expertin"].user).get()
    assert told_of.delivery is None and told_of.not_mailed  # still in the list, never mailed again
    mail.outbox.clear()
    assert notifications.deliver(TUESDAY_8 + timedelta(days=92)) == 0 and mail.outbox == []
