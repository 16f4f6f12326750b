"""The demo's council reads in every language of the town: what is public is machine-translated and labelled."""

from ankommen.core.languages import SOURCE
from ankommen.core.models import TranslationStatus
from ankommen.core.translation import status_of
from ankommen.council.models import Decision, Measure, Submission


def test_every_public_council_text_of_the_demo_is_machine_translated_into_every_language(town):
    languages = [code for code in town.languages if code != SOURCE]
    texts = [
        (obj, field)
        for model in (Submission, Decision, Measure)
        for obj in model.objects.for_municipality(town).prefetch_related("translations")
        if obj.offered_for_translation
        for field in model.translatable_fields
        if getattr(obj, field)
    ]
    assert len(texts) == 20
    not_machine = [
        (type(obj).__name__, getattr(obj, field)[:30], language, status_of(obj, field, language))
        for obj, field in texts
        for language in languages
        if status_of(obj, field, language) != TranslationStatus.MACHINE
    ]
    assert not_machine == []


def test_a_newcomer_reads_the_decision_in_plain_words_in_their_language(client, town):
    address = Submission.objects.get(municipality=town, reference="2017/045").get_absolute_url()
    page = client.get(f"/ar{address}").content.decode()
    assert 'lang="ar"' in page
    simple = client.get(f"/de-simple{address}").content.decode()
    assert "Hinweis" in simple or "Beispiel" in simple
