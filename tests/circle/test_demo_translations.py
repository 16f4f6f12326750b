"""The demo's open circle exists in every language of the town: machine-translated, labelled, current."""

from ankommen.circle.models import Call, Competence, Organisation
from ankommen.core.languages import SOURCE
from ankommen.core.models import TranslationStatus
from ankommen.core.translation import status_of

MODELS = (Competence, Organisation, Call)


def test_every_circle_text_of_the_demo_is_machine_translated_into_every_language_of_the_town(town):
    languages = [code for code in town.languages if code != SOURCE]
    texts = [
        (obj, field)
        for model in MODELS
        for obj in model.objects.for_municipality(town).prefetch_related("translations")
        for field in model.translatable_fields
        if getattr(obj, field)
    ]
    assert len(texts) == 60  # two departments' descriptions come with the council's demo
    not_machine = [
        (type(obj).__name__, getattr(obj, field)[:30], language, status_of(obj, field, language))
        for obj, field in texts
        for language in languages
        if status_of(obj, field, language) != TranslationStatus.MACHINE
    ]
    assert not_machine == []


def test_a_reader_sees_the_calls_and_competences_in_their_language(client, town):
    page = client.get("/en/gesucht/").content.decode()
    assert "Dance" in page or "creative" in page.lower()
    arabic = client.get("/ar/organisationen/arbeitskreis-asyl/").content.decode()
    assert 'lang="ar"' in arabic and "Arbeitskreis Asyl Kornwestheim" in arabic
