"""Mail goes through the task system: queued in the database, sent by the worker.

The rest of the suite runs tasks at once (the immediate backend, tests/conftest.py); here the
product's own backend queues them, and `ankommen db_worker` sends them as it does beside `make run`.
"""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from ankommen import settings as product_settings
from ankommen.core import mail as queued_mail


@pytest.fixture
def database_tasks():
    with override_settings(TASKS=product_settings.TASKS):
        yield


def test_the_product_queues_tasks_in_the_database():
    assert product_settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@pytest.mark.django_db(transaction=True)  # the worker drops a connection it finds inside a transaction
def test_worker_sends_a_queued_mail_once(database_tasks):
    message = EmailMultiAlternatives("Ihre Einladung", "Guten Tag", to=["fachfrau@example.org"])
    message.attach_alternative("<p>Guten Tag</p>", "text/html")
    queued_mail.send(message)
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.status) == ("ankommen.core.tasks.send_mail", "READY")

    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=StringIO())

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert (sent.subject, sent.body, sent.to) == ("Ihre Einladung", "Guten Tag", ["fachfrau@example.org"])
    assert sent.from_email == product_settings.DEFAULT_FROM_EMAIL
    assert sent.alternatives == [("<p>Guten Tag</p>", "text/html")]
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=StringIO())
    assert len(mail.outbox) == 1


def _queued_mails():
    return [
        task.args_kwargs["args"][0]
        for task in DBTaskResult.objects.filter(task_path="ankommen.core.tasks.send_mail")
    ]


def test_confirmation_mail_is_queued_not_sent_in_the_request(client, town, database_tasks):
    response = client.post(
        "/konto/signup/",
        {
            "email": "neu@example.org",
            "display_name": "Lina N.",
            "password1": "ein-langes-passwort-2026",
            "password2": "ein-langes-passwort-2026",
        },
    )
    assert response.status_code == 302
    assert mail.outbox == []
    [queued] = _queued_mails()
    assert queued["to"] == ["neu@example.org"]
    assert "/konto/confirm-email/" in re.search(r"https?://\S+", queued["body"]).group(0)


def test_invitation_is_queued_after_its_commit(
    client_as, town, database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client_as("admin").post(
            "/verwaltung/einladungen/neu/", {"email": "fachfrau@example.org", "role": "expert"}
        )
    assert _queued_mails() == []
    for callback in callbacks:
        callback()
    [queued] = _queued_mails()
    assert queued["to"] == ["fachfrau@example.org"]
    assert "/einladung/" in queued["body"]
    assert mail.outbox == []
