"""Anyone reports a barrier without an account or JavaScript; staff answer within a month."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ankommen.core.models import AuditEntry
from ankommen.legal.models import BarrierReport, BarrierReportStatus, one_month_after
from tests.conftest import OTHER_HOST
from tests.legal.conftest import csrf_token_of

FORM = "/barrierefreiheit/barriere-melden/"
QUEUE = "/verwaltung/barrieren/"

VALID = {
    "kind": "barrier",
    "subject": "Der Knopf „Unterstützen“ ist nicht vorlesbar",
    "location": "https://kornwestheim.ankommen.example/handlungsfelder/wohnen-und-leben/",
    "message": "Mein Bildschirmleseprogramm sagt nur „Knopf“.",
    "name": "",
    "email": "",
    "website": "",
}


def _report(town, subject, *, days_ago, status=BarrierReportStatus.OPEN):
    return BarrierReport.objects.create(
        municipality=town,
        subject=subject,
        location="Startseite",
        message="Text",
        received_at=timezone.now() - timedelta(days=days_ago),
        status=status,
    )


def test_a_visitor_reports_a_barrier_without_account_and_without_javascript(csrf_client, town):
    token = csrf_token_of(csrf_client, FORM)
    response = csrf_client.post(FORM, {**VALID, "csrfmiddlewaretoken": token, "email": "leser@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/barrierefreiheit/barriere-melden/danke/"
    report = BarrierReport.objects.get(municipality=town, subject=VALID["subject"])
    assert (report.email, report.status) == ("leser@example.org", BarrierReportStatus.OPEN)
    assert report.due_on == one_month_after(timezone.localdate())
    confirmation = csrf_client.get(response["Location"]).content.decode()
    assert "Ihre Meldung ist bei uns angekommen." in confirmation


def test_a_request_for_an_accessible_form_is_recorded_as_such(csrf_client, town):
    token = csrf_token_of(csrf_client, FORM)
    csrf_client.post(
        FORM,
        {
            **VALID,
            "kind": "accessible_format",
            "subject": "Vorlage in Leichter Sprache",
            "csrfmiddlewaretoken": token,
        },
    )
    assert BarrierReport.objects.get(subject="Vorlage in Leichter Sprache").kind == "accessible_format"


def test_a_report_without_csrf_token_is_refused(csrf_client):
    before = BarrierReport.objects.count()
    assert csrf_client.post(FORM, VALID).status_code == 403
    assert BarrierReport.objects.count() == before


def test_the_form_works_without_javascript_and_labels_every_field(client):
    page = client.get(FORM).content.decode()
    assert '<form method="post"' in page
    for name in ("subject", "location", "message", "name", "email"):
        assert f'for="id_{name}"' in page
    assert "<script" not in page.split("<body>")[1]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"subject": ""}, "subject", "Dieses Feld ist zwingend erforderlich."),
        ({"subject": "   "}, "subject", "Dieses Feld ist zwingend erforderlich."),
        ({"location": ""}, "location", "Dieses Feld ist zwingend erforderlich."),
        ({"message": "<script>alert(1)</script>"}, "message", "ohne HTML-Auszeichnungen"),
        ({"message": "x" * 5001}, "message", "höchstens 5000 Zeichen"),
        ({"email": "keine-adresse"}, "email", "gültige E-Mail-Adresse"),
        ({"kind": "beschwerde"}, "kind", "keine gültige Auswahl"),
    ],
)
def test_bad_report_gets_a_message_at_the_field_and_writes_nothing(client, changes, field, message):
    before = BarrierReport.objects.count()
    response = client.post(FORM, {**VALID, **changes})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert BarrierReport.objects.count() == before


def test_the_honeypot_looks_like_success_but_writes_nothing(client):
    before = BarrierReport.objects.count()
    response = client.post(FORM, {**VALID, "website": "https://spam.example"})
    assert response.status_code == 302
    assert BarrierReport.objects.count() == before


def test_the_honeypot_is_hidden_from_people(client):
    page = client.get(FORM).content.decode()
    hidden = page.index('<div class="kern-hidden">')
    assert page.index('name="website"') > hidden
    assert 'tabindex="-1"' in page


def test_more_than_five_reports_in_ten_minutes_from_one_address_are_refused(client, town):
    for number in range(5):
        assert client.post(FORM, {**VALID, "subject": f"Meldung {number}"}).status_code == 302
    response = client.post(FORM, {**VALID, "subject": "Meldung 6"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Von Ihrem Anschluss kamen in kurzer Zeit viele Meldungen." in page
    assert "Meldung 6" in page  # what the person wrote is still in the form
    assert not BarrierReport.objects.filter(subject="Meldung 6").exists()
    # another address is not held up
    other = client.post(FORM, {**VALID, "subject": "Meldung 7"}, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_the_limit_ends_after_ten_minutes(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    for number in range(5):
        client.post(FORM, {**VALID, "subject": f"Meldung {number}"})
    assert client.post(FORM, {**VALID, "subject": "zu früh"}).status_code == 429
    time_machine.shift(timedelta(minutes=10, seconds=1))
    assert client.post(FORM, {**VALID, "subject": "später"}).status_code == 302


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 1, 15), date(2026, 2, 15)),
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 12, 20), date(2027, 1, 20)),
    ],
)
def test_the_answer_is_due_one_month_after_receipt(received, due):
    assert one_month_after(received) == due


def test_the_due_date_counts_from_the_local_day_of_receipt(town):
    late_evening = datetime(2026, 1, 31, 23, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    report = BarrierReport.objects.create(
        municipality=town, subject="x", location="y", message="z", received_at=late_evening
    )
    assert report.due_on == date(2026, 2, 28)


def test_the_queue_shows_overdue_reports_first_then_by_due_date(client_as, town):
    BarrierReport.objects.filter(municipality=town).delete()
    recent = _report(town, "Vor zwei Tagen", days_ago=2)
    overdue = _report(town, "Vor sechs Wochen", days_ago=42)
    older = _report(town, "Vor zwei Wochen", days_ago=14)
    _report(town, "Schon beantwortet", days_ago=60, status=BarrierReportStatus.ANSWERED)
    response = client_as("moderation").get(QUEUE)
    assert list(response.context["page_obj"]) == [overdue, older, recent]
    page = response.content.decode()
    assert page.index("Vor sechs Wochen") < page.index("Vor zwei Wochen") < page.index("Vor zwei Tagen")
    assert page.count("überfällig</span>") == 1
    assert 'class="kern-table__row is-overdue"' in page


def test_the_demo_has_an_open_and_an_overdue_report(town):
    reports = list(BarrierReport.objects.for_municipality(town).for_queue())
    assert len(reports) == 2
    assert [report.is_overdue for report in reports] == [True, False]


@pytest.mark.parametrize(
    ("role", "status"), [("mitglied", 403), ("expertin", 403), ("moderation", 200), ("admin", 200)]
)
def test_only_staff_see_the_queue(client_as, role, status):
    assert client_as(role).get(QUEUE).status_code == status


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")


@pytest.mark.parametrize("role", [None, "mitglied", "multiplikator"])
def test_others_cannot_mark_a_report_answered(client_as, town, role):
    report = _report(town, "Offen", days_ago=1)
    response = client_as(role).post(f"{QUEUE}{report.pk}/", {"status": "answered", "note": "Erledigt."})
    assert response.status_code == (302 if role is None else 403)
    if role is None:
        assert response["Location"].startswith("/konto/login/")
    report.refresh_from_db()
    assert report.status == BarrierReportStatus.OPEN
    assert not AuditEntry.objects.filter(action__startswith="barrier_report.").exists()


@pytest.mark.parametrize("role", ["moderation", "admin"])
def test_staff_mark_a_report_answered_with_a_note_and_it_is_audited(client_as, people, town, role):
    report = _report(town, "Offen", days_ago=1)
    client = client_as(role)
    assert "Als erledigt markieren" in client.get(f"{QUEUE}{report.pk}/").content.decode()
    response = client.post(f"{QUEUE}{report.pk}/", {"status": "answered", "note": "Per E-Mail geantwortet."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.note, report.resolved_by) == (
        BarrierReportStatus.ANSWERED,
        "Per E-Mail geantwortet.",
        people[role],
    )
    entry = AuditEntry.objects.get(action="barrier_report.answered", target_id=report.pk)
    assert entry.actor == people[role].user
    queue = client.get(QUEUE).content.decode()
    assert "Zuletzt erledigt" in queue and "Offen" in queue.split("Zuletzt erledigt")[1]


def test_a_report_is_closed_without_answer_when_there_is_no_contact(client_as, town):
    report = _report(town, "Anonym", days_ago=1)
    client_as("moderation").post(f"{QUEUE}{report.pk}/", {"status": "closed", "note": "Keine Kontaktangabe."})
    report.refresh_from_db()
    assert report.status == BarrierReportStatus.CLOSED
    assert AuditEntry.objects.filter(action="barrier_report.closed", target_id=report.pk).exists()


def test_marking_answered_without_a_note_is_refused(client_as, town):
    report = _report(town, "Offen", days_ago=1)
    response = client_as("moderation").post(f"{QUEUE}{report.pk}/", {"status": "answered", "note": ""})
    assert response.status_code == 400
    assert 'id="id_note_error"' in response.content.decode()
    report.refresh_from_db()
    assert report.status == BarrierReportStatus.OPEN


def test_another_towns_report_answers_404(client, client_as, town, stranger):
    report = _report(town, "Hier", days_ago=1)
    assert client_as("moderation").get(f"{QUEUE}{report.pk}/", HTTP_HOST=OTHER_HOST).status_code == 404
    client.force_login(stranger.user)
    assert client.get(f"{QUEUE}{report.pk}/", HTTP_HOST=OTHER_HOST).status_code == 404
    assert (
        client.post(
            f"{QUEUE}{report.pk}/", {"status": "answered", "note": "x"}, HTTP_HOST=OTHER_HOST
        ).status_code
        == 404
    )
    assert "Hier" not in client.get(QUEUE, HTTP_HOST=OTHER_HOST).content.decode()
    report.refresh_from_db()
    assert report.status == BarrierReportStatus.OPEN


def test_a_report_from_another_towns_site_belongs_to_that_town(client, other_town):
    client.post(FORM, {**VALID, "subject": "In Ludwigsburg"}, HTTP_HOST=OTHER_HOST)
    assert BarrierReport.objects.get(subject="In Ludwigsburg").municipality == other_town


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_queue_needs_the_same_queries_for_n_and_3n_reports(client_as, town, people):
    client = client_as("moderation")
    for number in range(3):
        _report(town, f"Offen {number}", days_ago=number * 20)
        report = _report(town, f"Erledigt {number}", days_ago=number)
        report.status, report.resolved_by, report.resolved_at = "answered", people["admin"], timezone.now()
        report.save()
    few = _queries(client, QUEUE)
    for number in range(3, 9):
        _report(town, f"Offen {number}", days_ago=number * 5)
        report = _report(town, f"Erledigt {number}", days_ago=number)
        report.status, report.resolved_by, report.resolved_at = (
            "answered",
            people["moderation"],
            timezone.now(),
        )
        report.save()
    assert _queries(client, QUEUE) == few
