"""Bad input on every form of the product: a clear message at the field, status 400, nothing written.

The forms are found, not listed: every POST case of the permission matrix (tests/<app>/
test_permissions.py) that someone may send is a valid submission of a form. Its page, asked with
GET by that person, names the form's fields; from them come the bad inputs: a required field left
empty, a text one character over its limit, a text with HTML in it. Each is sent on its own, and
must answer 400 with the message at that field (`id="…_error"`, tied by aria-describedby) and
leave every table and the outbox as they were (`tests.permissions.snapshot`). Every POST case
is also sent without its CSRF token (403, nothing written) and with an id nobody has (404,
nothing written). A new form joins by its permission case, without a line here.
"""

import re
from importlib import import_module

import pytest
from django import forms
from django.test import Client

from ankommen.core.forms import PlainTextField
from tests.core.test_permission_matrix import PRODUCT_APPS
from tests.permissions import assert_nothing_written, snapshot

# Fields people never see, which only bots fill: answered like a success, and nothing is kept.
HONEYPOTS = {"website"}

MESSAGES = {
    "empty": ("Dieses Feld ist zwingend erforderlich.", "nicht nur Leerzeichen", "Bitte wählen Sie"),
    "overlong": ("höchstens",),
    "html": ("ohne HTML-Auszeichnungen",),
}


# A mail program unsubscribes with a POST of its own (RFC 8058): no session, no form, no CSRF token.
# The signed token in the address is the proof; the view is exempt, and only that view.
WITHOUT_CSRF = {"unsubscribe with a mail's link"}


def _post_cases():
    cases = []
    for app in PRODUCT_APPS:
        matrix = import_module(f"tests.{app.label}.test_permissions")
        cases += [
            (app.label, matrix, case) for case in matrix.CASES if case.method == "post" and case.allowed
        ]
    return cases


POST_CASES = _post_cases()


@pytest.fixture
def sender(client, people, stranger, town):
    """`sender(matrix, case, client)`: the client logged in as one who may send the case, and the case's data."""

    def log_in(matrix, case, chosen=None):
        if hasattr(matrix, "prepare_cases"):
            matrix.prepare_cases(town)
        chosen = chosen or client
        named = sorted(r for r in case.allowed if r)
        role = "admin" if "admin" in case.allowed else (named[0] if named else None)
        if role is None:  # a form only visitors send (signing up through an invitation)
            chosen.logout()
        elif role == "stranger":
            chosen.force_login(stranger.user)
        else:
            chosen.force_login(people[role].user)
        data = case.data() if callable(case.data) else dict(case.data)
        return chosen, data

    return log_in


def _bad_values(form, kind, data):
    """(field name, the value to send) for each field of `form` that `kind` of bad input applies to."""
    values = []
    for name, field in form.fields.items():
        if field.disabled or isinstance(field.widget, forms.HiddenInput):
            continue
        if kind == "empty" and field.required and name in data:
            values.append((name, ""))
        elif kind == "overlong" and isinstance(field, forms.CharField) and field.max_length:
            values.append((name, "x" * (field.max_length + 1)))
        elif kind == "html" and isinstance(field.widget, (forms.TextInput, forms.Textarea)):
            values.append((name, "<b onmouseover=alert(1)>fett</b>"))
    return values


def _error_at(page, auto_id):
    found = re.search(rf'<p class="kern-error" id="{re.escape(auto_id)}_error">(.*?)</p>', page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))) if found else None


@pytest.mark.parametrize("kind", ["empty", "overlong", "html"])
@pytest.mark.parametrize(
    ("app", "matrix", "case"), POST_CASES, ids=[f"{app}: {case.name}" for app, _m, case in POST_CASES]
)
def test_bad_input_gets_a_message_at_its_field_and_writes_nothing(sender, app, matrix, case, kind):
    client, data = sender(matrix, case)
    url = case.url()
    form = (client.get(url).context or {}).get("form")
    if form is None:
        pytest.skip("no form: the request carries no input")
    values = _bad_values(form, kind, data)
    if not values:
        pytest.skip(f"no field takes {kind} input")
    for name, value in values:
        sent = case.data() if callable(case.data) else dict(case.data)
        key = form.add_prefix(name)
        if kind == "empty" and isinstance(sent.get(key), list):
            del sent[key]  # nothing ticked: a browser sends no value at all
        else:
            sent[key] = value
        before = snapshot()
        response = client.post(url, sent)
        page = response.content.decode()
        if name in HONEYPOTS:
            assert response.status_code == 302, (name, response.status_code)
            assert_nothing_written(before, f"a bot's {kind} input in {name} wrote")
            continue
        assert response.status_code == 400, (name, value[:40], response.status_code)
        message = _error_at(page, form[name].auto_id)
        assert message, f"no message at the field {name} for {kind} input"
        if isinstance(form.fields[name], PlainTextField) or kind != "html":
            # A slug says what it takes instead; a person's text names the markup.
            assert any(expected in message for expected in MESSAGES[kind]), (name, message)
        assert_nothing_written(before, f"{kind} input in {name} wrote")


@pytest.mark.parametrize(
    ("app", "matrix", "case"), POST_CASES, ids=[f"{app}: {case.name}" for app, _m, case in POST_CASES]
)
def test_a_post_without_its_csrf_token_is_refused_and_writes_nothing(sender, app, matrix, case):
    if case.name in WITHOUT_CSRF:
        pytest.skip("a mail program's one-click unsubscribe carries no token (RFC 8058)")
    client, data = sender(matrix, case, Client(enforce_csrf_checks=True))
    url = case.url()
    before = snapshot()
    response = client.post(url, data)
    assert response.status_code == 403
    assert "Sicherheitsprüfung des Formulars ist fehlgeschlagen" in response.content.decode()
    assert_nothing_written(before)


@pytest.mark.parametrize(
    ("app", "matrix", "case"), POST_CASES, ids=[f"{app}: {case.name}" for app, _m, case in POST_CASES]
)
def test_a_post_with_an_unknown_id_is_not_found_and_writes_nothing(sender, app, matrix, case):
    client, data = sender(matrix, case)
    url = case.url()
    unknown = re.sub(r"/\d+/(?=[^\d]*$)", "/999999/", url, count=1)
    if unknown == url:
        pytest.skip("the address names no object by id")
    before = snapshot()
    response = client.post(unknown, data)
    assert response.status_code == 404, (unknown, response.status_code)
    assert_nothing_written(before)
