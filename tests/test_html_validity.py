"""Every full page of the product is valid HTML, by the Nu Html Checker (vnu.jar).

The Django test client renders the pages of every role, error states included, into a
temporary folder; the checker then runs once over all of them (a JVM start costs seconds).
"""

import json
import os
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import server_error

ROOT = Path(__file__).resolve().parents[1]

# Errors whose fix lies in Python code (reported, not yet made): (page label, message pattern, why).
# Each must still occur; once it is fixed the test says so, and the entry goes.
KNOWN_ERRORS = []


def _vnu_jar():
    """The checker's jar: $VNU_JAR, else wherever npm put the vnu-jar package."""
    candidates = [Path(os.environ["VNU_JAR"])] if os.environ.get("VNU_JAR") else []
    candidates += [ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"]
    candidates += sorted((ROOT / "node_modules").glob("**/vnu-jar/**/vnu.jar"))
    return next((path for path in candidates if path.is_file()), None)


class Pages:
    """Renders pages with the test client and writes each to `folder` as an .html file."""

    def __init__(self, folder):
        self.folder = folder
        self.written = {}

    def add(self, label, response, status=200):
        assert response.status_code == status, f"{label}: status {response.status_code}, expected {status}"
        assert response["Content-Type"].startswith("text/html"), f"{label}: {response['Content-Type']}"
        name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") + ".html"
        assert name not in self.written, f"two pages named {name}"
        (self.folder / name).write_bytes(response.content)
        self.written[name] = label

    def get(self, client, path, status=200, label=None, follow=False):
        self.add(label or path, client.get(path, follow=follow), status)

    def post(self, client, path, data, label):
        """A form sent successfully, and the page it leads to."""
        self.add(label, client.post(path, data, follow=True))

    def post_invalid(self, client, path, data, label, status=200):
        """A form sent with mistakes: the same page again, with the error summary."""
        response = client.post(path, data)
        assert b"form-errors" in response.content, f"{label}: no error summary on the page"
        self.add(label, response, status)


def _run_vnu(jar, folder):
    completed = subprocess.run(
        # Quick JIT and a simple collector halve the run; the schema needs a deep stack.
        ["java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar)]
        + ["--format", "json", "--stdout", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    try:
        return json.loads(completed.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"vnu gave no JSON (exit {completed.returncode}):\n{completed.stdout}\n{completed.stderr}"
        )


def _describe(message, labels):
    name = message.get("url", "").rsplit("/", 1)[-1]
    where = f"{labels.get(name, name)} ({name}), line {message.get('lastLine', '?')}"
    extract = message.get("extract", "").replace("\n", "⏎")
    return f"{where}: {message.get('message')}\n    {extract}"


def _path_in(mail):
    """The path of the first link to the test server in a mail."""
    return re.search(r"https?://testserver(/\S+)", mail.body).group(1)


def _without_known_errors(errors, labels):
    """The errors not listed in KNOWN_ERRORS, and the labels of the known ones that occurred."""
    remaining, seen = [], set()
    for error in errors:
        label = labels.get(error.get("url", "").rsplit("/", 1)[-1], "")
        for known_label, pattern, _why in KNOWN_ERRORS:
            if label.startswith(known_label) and re.search(pattern, error.get("message", "")):
                seen.add(known_label)
                break
        else:
            remaining.append(error)
    return remaining, seen


@pytest.mark.django_db
def test_every_page_is_valid_html(client_as, people, mailoutbox, tmp_path):
    from django.contrib.contenttypes.models import ContentType

    from ankommen.accounts.services import invite
    from ankommen.concept.models import Stage
    from ankommen.dialogue.models import Comment, Contribution

    jar = _vnu_jar()
    if shutil.which("java") is None or jar is None:
        pytest.skip("The Nu Html Checker needs java and node_modules/vnu-jar (npm install vnu-jar).")

    town = people["admin"].municipality
    invitation = invite(
        town,
        actor=people["admin"],
        email="neu@example.org",
        role="expert",
        message="Wir freuen uns auf Ihre Erfahrung.",
        accept_url_for=lambda invitation: f"http://testserver/einladung/{invitation.token}/",
    )
    contributions = {c.title: c for c in Contribution.objects.for_municipality(town)}
    housing = contributions["Lange Wartezeiten auf eine Sozialwohnung"]  # with a hidden comment
    neighbourhood = contributions["Nachbarschaftshilfe in der Weststadt trägt"]
    café = contributions["Begegnungscafé im Stadtteilzentrum"]
    comment = Comment.objects.filter(contribution=housing, hidden_at__isnull=True).first()
    stage = Stage.objects.for_municipality(town).get(field__slug="wohnen-und-leben", status="open")
    today = timezone.localdate()
    pages = Pages(tmp_path)

    visitor = client_as(None)
    for path in [
        "/",
        "/en/",
        "/handlungsfelder/wirtschaft-und-berufliche-bildung/",
        "/handlungsfelder/wohnen-und-leben/?finding_kind=problem",
        "/handlungsfelder/fruehkindliche-und-schulische-bildung/",
        housing.get_absolute_url(),
        reverse("accounts:invitation", args=[invitation.token]),
        "/konto/signup/",
        "/konto/login/",
        "/konto/password/reset/",
        "/hilfe/",
        "/hilfe/mitmachen/",
    ]:
        pages.get(visitor, path)
    pages.get(visitor, "/gibt-es-nicht/", status=404)
    pages.post_invalid(visitor, "/konto/signup/", {"email": "", "password1": ""}, "signup, leer")
    pages.post_invalid(
        visitor,
        "/konto/login/",
        {"login": "mitglied@demo.ankommen.example", "password": "x"},
        "login, falsch",
    )
    pages.post(
        visitor, "/konto/password/reset/", {"email": "mitglied@demo.ankommen.example"}, "reset, abgeschickt"
    )
    pages.get(visitor, _path_in(mailoutbox.pop()), label="reset, neues Passwort", follow=True)
    signup = {
        "email": "neu@example.org",
        "display_name": "Leyla K.",
        "password1": "Ein langes Passwort 2026",
        "password2": "Ein langes Passwort 2026",
    }
    pages.post(visitor, "/konto/signup/", signup, "signup, Adresse bestätigen")
    pages.get(visitor, _path_in(mailoutbox.pop()), label="signup, Bestätigungslink")
    pages.add(
        "CSRF-Fehler",
        Client(enforce_csrf_checks=True).post("/konto/login/", {"login": "a@example.org"}),
        status=403,
    )
    request = RequestFactory().get("/")
    pages.add("Serverfehler", server_error(request), status=500)

    member = client_as("mitglied")
    for path in [
        neighbourhood.get_absolute_url(),
        reverse("dialogue:report_contribution", args=[neighbourhood.pk]),
        reverse("accounts:profile"),
        "/konto/email/",
        "/konto/password/change/",
        "/konto/logout/",
    ]:
        pages.get(member, path)
    pages.get(member, reverse("concept:manage"), status=403, label="403 für Mitglied")
    pages.post_invalid(member, neighbourhood.get_absolute_url(), {"body": ""}, "Kommentar, leer", status=400)
    pages.post_invalid(
        member,
        reverse("dialogue:report_contribution", args=[neighbourhood.pk]),
        {"reason": ""},
        "Meldung, leer",
        status=400,
    )

    expert = client_as("expertin")
    add_finding = reverse("dialogue:add", args=[stage.field.slug, stage.pk])
    pages.get(expert, add_finding)
    pages.post_invalid(expert, add_finding, {"title": "", "body": ""}, "Befund, leer", status=400)

    moderator = client_as("moderation")
    pages.get(moderator, reverse("dialogue:queue"))
    pages.get(moderator, housing.get_absolute_url(), label="Beitrag mit ausgeblendetem Kommentar, Moderation")
    pages.get(moderator, reverse("dialogue:hide_comment", args=[comment.pk]))
    pages.get(moderator, reverse("dialogue:hide_contribution", args=[café.pk]))
    pages.post_invalid(
        moderator,
        reverse("dialogue:hide_contribution", args=[café.pk]),
        {"reason": ""},
        "Ausblenden, leer",
        status=400,
    )

    admin = client_as("admin")
    stage_create = reverse("concept:stage_create", args=["wohnen-und-leben"])
    for path in [
        reverse("concept:manage"),
        reverse("concept:field_create"),
        reverse("concept:field_edit", args=["wohnen-und-leben"]),
        stage_create + "?kind=decision",
        reverse("concept:stage_edit", args=[stage.pk]),
        reverse("accounts:members"),
        reverse("accounts:member_edit", args=[people["multiplikator"].pk]),
        reverse("accounts:invite"),
        reverse("core:audit"),
        reverse("core:audit") + "?action=member.invited",
        reverse("concept:help_manage"),
        reverse("concept:help_page_create"),
    ]:
        pages.get(admin, path)
    pages.post_invalid(
        admin,
        reverse("concept:help_page_create"),
        {"title": "", "body": "<b>"},
        "Hilfeseite, leer",
        status=400,
    )
    pages.post_invalid(
        admin, reverse("concept:field_create"), {"name": "", "summary": ""}, "Handlungsfeld, leer", status=400
    )
    pages.post_invalid(
        admin,
        stage_create,
        {"kind": "decision", "starts_on": today, "ends_on": today - timedelta(days=1), "position": 0},
        "Stufe, Ende vor Beginn",
        status=400,
    )
    pages.post_invalid(
        admin, reverse("accounts:invite"), {"email": "", "role": "member"}, "Einladung, leer", status=400
    )

    translator = client_as("uebersetzung")
    field_type = ContentType.objects.get_for_model(stage.field).pk
    translator_pages = [
        reverse("core:translations"),
        reverse("core:translation_list", args=["ar"]),
        reverse("core:translation_edit", args=["ar", field_type, stage.field_id]),
        reverse("core:translation_edit", args=["de-simple", field_type, stage.field_id]),
        reverse("core:translation_import", args=["uk"]),
    ]
    for path in translator_pages:
        pages.get(translator, path)
    pages.get(visitor, reverse("core:languages"))

    # The whole crawl again in the languages newcomers read, right-to-left ones included.
    crawl = [
        (
            None,
            [
                "/",
                "/handlungsfelder/wohnen-und-leben/",
                housing.get_absolute_url(),
                "/konto/login/",
                "/sprachen/",
                "/hilfe/",
                "/hilfe/mitmachen/",
            ],
        ),
        ("mitglied", [neighbourhood.get_absolute_url(), reverse("accounts:profile")]),
        ("expertin", [add_finding]),
        ("moderation", [reverse("dialogue:queue")]),
        ("admin", [reverse("concept:manage"), reverse("concept:field_edit", args=["wohnen-und-leben"])]),
        ("uebersetzung", translator_pages[:3]),
    ]
    for language in ("ar", "fa", "uk", "de-simple"):
        direction = "rtl" if language in ("ar", "fa") else "ltr"
        for person, paths in crawl:
            client = client_as(person)
            for path in paths:
                response = client.get(f"/{language}{path}")
                assert f'<html lang="{language}" dir="{direction}"' in response.content.decode(), path
                pages.add(f"{language} {person} {path}", response)

    messages = _run_vnu(jar, tmp_path)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    errors, known = _without_known_errors(errors, pages.written)
    for label, _pattern, why in KNOWN_ERRORS:
        assert label in known, (
            f"Known error on {label} no longer occurs ({why}): remove it from KNOWN_ERRORS."
        )
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
    for warning in warnings:
        print("vnu warning:", _describe(warning, pages.written))
    assert not errors, f"{len(errors)} HTML error(s) in {len(pages.written)} pages:\n" + "\n".join(
        _describe(error, pages.written) for error in errors
    )
