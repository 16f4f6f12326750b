"""Machine translation against a local stand-in that follows the providers' published APIs.

DeepL: POST /v2/translate with `Authorization: DeepL-Auth-Key …`, JSON {"text": [...],
"source_lang", "target_lang"} → {"translations": [{"detected_source_language", "text"}]}.
LibreTranslate: POST /translate with JSON {"q", "source", "target", "format", "api_key"}
→ {"translatedText"}. The real services cannot be reached from here.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.contenttypes.models import ContentType

from ankommen.concept.models import Field
from ankommen.core.models import Municipality, Translation
from tests.conftest import remove_translations

BEHAVIOUR = {"mode": "ok", "requests": []}


class StandIn(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the name http.server asks for
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        BEHAVIOUR["requests"].append((self.path, dict(self.headers), body))
        mode = BEHAVIOUR["mode"]
        if mode == "slow":
            time.sleep(1.5)
        if mode == "error":
            return self._answer(500, b'{"message": "internal error"}')
        if mode == "garbage":
            return self._answer(200, b"<html>not json</html>")
        if self.path == "/v2/translate":
            if self.headers.get("Authorization") != "DeepL-Auth-Key test-key":
                return self._answer(403, b'{"message": "Wrong key"}')
            answer = {
                "translations": [
                    {"detected_source_language": "DE", "text": f"[{body['target_lang']}] {text}"}
                    for text in body["text"]
                ]
            }
        else:
            answer = {"translatedText": f"[{body['target']}] {body['q']}"}
        return self._answer(200, json.dumps(answer).encode())

    def _answer(self, status, payload):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def stand_in():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    server.handle_error = lambda request, address: None  # the client gave up on a slow answer
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(autouse=True)
def no_translations_yet(town):
    """The demo comes with translations of its own; these tests start from none."""
    remove_translations()


@pytest.fixture(autouse=True)
def town_offers_languages(town):
    Municipality.objects.filter(pk=town.pk).update(languages=["de", "de-simple", "en", "ar"])
    BEHAVIOUR.update(mode="ok", requests=[])


@pytest.fixture
def provider(settings, stand_in):
    def configure(name):
        settings.MT_PROVIDER, settings.MT_URL, settings.MT_API_KEY, settings.MT_TIMEOUT = (
            name,
            stand_in,
            "test-key",
            0.5,
        )

    return configure


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def _editor(obj, language):
    return f"/verwaltung/uebersetzungen/{language}/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


@pytest.mark.parametrize(
    ("name", "language", "expected"), [("deepl", "en", "[EN-GB] "), ("libretranslate", "ar", "[ar] ")]
)
def test_machine_translates_missing_texts_and_stores_them_as_machine(
    client_as, provider, wohnen, name, language, expected
):
    provider(name)
    client = client_as("admin")
    assert 'name="machine"' in client.get(_editor(wohnen, language)).content.decode()
    response = client.post(_editor(wohnen, language), {"machine": "1"}, follow=True)
    assert "maschinell übersetzt" in response.content.decode()
    rows = Translation.objects.filter(object_id=wohnen.pk, language=language, content_type__model="field")
    assert {row.field: row.text for row in rows} == {
        "name": expected + "Wohnen und Leben",
        "summary": expected + "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen.",
    }
    assert {row.state for row in rows} == {"machine"}


def test_reviewed_texts_are_not_overwritten_by_the_machine(client_as, provider, wohnen, people):
    from ankommen.core import translation

    provider("deepl")
    translation.save_translation(
        wohnen, "name", "en", actor=people["admin"], text="Housing", state="reviewed"
    )
    client_as("admin").post(_editor(wohnen, "en"), {"machine": "1"})
    assert Translation.objects.get(field="name", language="en").text == "Housing"
    assert [body["text"] for _path, _headers, body in BEHAVIOUR["requests"]] == [
        ["Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen."]
    ]


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("slow", "nicht rechtzeitig geantwortet"),
        ("error", "abgelehnt (Fehler 500)"),
        ("garbage", "unverständlich geantwortet"),
    ],
)
def test_provider_failures_leave_content_untouched_and_say_so(client_as, provider, wohnen, mode, message):
    provider("deepl")
    BEHAVIOUR["mode"] = mode
    response = client_as("admin").post(_editor(wohnen, "en"), {"machine": "1"}, follow=True)
    page = response.content.decode()
    assert "Nichts wurde übersetzt" in page
    assert message in page
    assert not Translation.objects.exists()


def test_wrong_key_is_reported(client_as, provider, settings, wohnen):
    provider("deepl")
    settings.MT_API_KEY = "falsch"
    page = client_as("admin").post(_editor(wohnen, "en"), {"machine": "1"}, follow=True).content.decode()
    assert "abgelehnt (Fehler 403)" in page
    assert not Translation.objects.exists()


def test_unreachable_provider_is_reported(client_as, settings, wohnen):
    settings.MT_PROVIDER, settings.MT_URL, settings.MT_TIMEOUT = "libretranslate", "http://127.0.0.1:9", 0.5
    page = client_as("admin").post(_editor(wohnen, "ar"), {"machine": "1"}, follow=True).content.decode()
    assert "nicht erreichbar" in page
    assert not Translation.objects.exists()


def test_no_machine_for_leichte_sprache(client_as, provider, wohnen):
    provider("deepl")
    assert 'name="machine"' not in client_as("admin").get(_editor(wohnen, "de-simple")).content.decode()
