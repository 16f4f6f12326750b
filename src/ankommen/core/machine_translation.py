"""Machine translation through a provider the server operator configures: DeepL or a LibreTranslate server.

Without `MT_PROVIDER` the feature does not exist in the product. What a machine writes is
stored as machine-translated (see `translation.store_machine_translation`), never as reviewed.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

# DeepL's target codes differ from ours; a language missing here is one DeepL cannot translate into.
DEEPL_TARGETS = {"en": "EN-GB", "tr": "TR", "ar": "AR", "uk": "UK", "ru": "RU", "fa": "FA"}
# LibreTranslate uses ISO 639-1 codes; Leichte Sprache is not a language a machine translates into.
LIBRETRANSLATE_TARGETS = {"en": "en", "tr": "tr", "ar": "ar", "uk": "uk", "ru": "ru", "fa": "fa", "ps": "ps"}


class MachineTranslationError(Exception):
    """The provider could not translate; the message says why, in words for the person who asked."""


@dataclass(frozen=True)
class Provider:
    name: str
    url: str
    api_key: str
    timeout: float

    def supports(self, language):
        return language in (DEEPL_TARGETS if self.name == "deepl" else LIBRETRANSLATE_TARGETS)

    def translate(self, texts, language):
        """The German `texts` in `language`, in the same order."""
        if not self.supports(language):
            raise MachineTranslationError(_("Der Übersetzungsdienst kann nicht in diese Sprache übersetzen."))
        if self.name == "deepl":
            body = {"text": list(texts), "source_lang": "DE", "target_lang": DEEPL_TARGETS[language]}
            answer = self._post("/v2/translate", body, {"Authorization": f"DeepL-Auth-Key {self.api_key}"})
            try:
                return [item["text"] for item in answer["translations"]]
            except (KeyError, TypeError):
                raise MachineTranslationError(
                    _("Der Übersetzungsdienst hat unverständlich geantwortet.")
                ) from None
        results = []
        for text in texts:
            body = {"q": text, "source": "de", "target": LIBRETRANSLATE_TARGETS[language], "format": "text"}
            if self.api_key:
                body["api_key"] = self.api_key
            answer = self._post("/translate", body, {})
            try:
                results.append(answer["translatedText"])
            except (KeyError, TypeError):
                raise MachineTranslationError(
                    _("Der Übersetzungsdienst hat unverständlich geantwortet.")
                ) from None
        return results

    def _post(self, path, body, headers):
        request = urllib.request.Request(  # noqa: S310 - the operator configures an http(s) URL
            self.url.rstrip("/") + path,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json", **headers},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise MachineTranslationError(
                _("Der Übersetzungsdienst hat die Anfrage abgelehnt (Fehler %(code)s).")
                % {"code": error.code}
            ) from None
        except (urllib.error.URLError, OSError) as error:
            if isinstance(error, TimeoutError) or isinstance(getattr(error, "reason", None), TimeoutError):
                raise MachineTranslationError(
                    _("Der Übersetzungsdienst hat nicht rechtzeitig geantwortet.")
                ) from None
            raise MachineTranslationError(_("Der Übersetzungsdienst ist nicht erreichbar.")) from None
        except ValueError:
            raise MachineTranslationError(
                _("Der Übersetzungsdienst hat unverständlich geantwortet.")
            ) from None


def provider():
    """The configured provider, or None: then machine translation is hidden everywhere."""
    if settings.MT_PROVIDER not in ("deepl", "libretranslate") or not settings.MT_URL:
        return None
    return Provider(settings.MT_PROVIDER, settings.MT_URL, settings.MT_API_KEY, settings.MT_TIMEOUT)
