"""Mail goes through the task system: queued in the database, sent by the worker.

The rest of the suite runs tasks at once (the immediate backend, tests/conftest.py); here the
product's own backend queues them and `ankommen db_worker` sends them, as beside `make run`.
"""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from ankommen import settings as product_settings

SIGNUP = {
    "email": "neu@example.org",
    "display_name": "Lina N.",
    "password1": "ein-langes-passwort-2026",
    "password2": "ein-langes-passwort-2026",
}


@pytest.fixture
def database_tasks():
    with override_settings(TASKS=product_settings.TASKS):
        yield


def _run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=StringIO())


def test_the_product_queues_tasks_in_the_database():
    assert product_settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_confirmation_mail_waits_for_the_worker_and_leaves_with_it(client, town, database_tasks):
    response = client.post("/konto/signup/", SIGNUP)
    assert response.status_code == 302
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "ankommen.core.tasks.send_mail"
    assert queued.status == "READY"

    _run_worker()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert "/konto/confirm-email/" in link
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    _run_worker()
    assert len(mail.outbox) == 1  # sent once


def test_invitation_is_queued_only_after_its_commit(
    client_as, town, database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_as("admin").post(
            "/verwaltung/einladungen/neu/", {"email": "fachfrau@example.org", "role": "expert"}
        )
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []
    _run_worker()
    assert [message.to for message in mail.outbox] == [["fachfrau@example.org"]]
    assert "/einladung/" in mail.outbox[0].body
