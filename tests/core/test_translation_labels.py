"""A machine translation is never shown without its label (AI Act Art. 50(4)).

Rather than page by page, every translation of the demo town is made machine-translated, the
public pages are read in Arabic, Ukrainian and Leichte Sprache, and every translated text found
in a page's <main> must have the machine label inside its block.
"""

import re

import lxml.html
import pytest
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.utils import translation as django_translation

from ankommen.concept.models import Field, HelpPage
from ankommen.core import cache, translation
from ankommen.core.models import Translation, TranslationState, source_hash
from ankommen.dialogue.models import Contribution

LANGUAGES = ["ar", "uk", "de-simple"]
MACHINE = "maschinell übersetzt, nicht geprüft"
FALLBACK = "noch nicht übersetzt: Sie lesen den deutschen Text."
BLOCKS = {"article", "section", "nav", "aside", "li", "td", "fieldset", "form", "div"}


def _label(language, german=MACHINE):
    with django_translation.override(language):
        return django_translation.gettext(german)


def _words(text):
    return re.sub(r"\s+", " ", text).strip()


def _snippet(text):
    """The start of a text's first line: what every way of showing it (truncated, in paragraphs) keeps."""
    return _words(text.strip().splitlines()[0])[:60]


def _language_of(element, main):
    """The language an element inside <main> is marked with; None where only the page's applies."""
    for each in [element, *element.iterancestors()]:
        if each is main:
            return None
        if each.get("lang"):
            return each.get("lang")
    return None


def _carriers(main, snippet, language):
    """The innermost elements marked as `language` whose text contains `snippet`, and the options
    (which cannot be marked) that are just that text.

    Only marked ones: the interface's own sentences are in the page's language too, and a short
    name may well occur in one of them.
    """
    found = [element for element in main.iter() if snippet in _words(element.text_content())]
    return [
        element
        for element in found
        if not any(snippet in _words(child.text_content()) for child in element)
        and (
            _language_of(element, main) == language
            or (element.tag == "option" and _words(element.text_content()) == snippet)
        )
    ]


def _block(element, main):
    """The block a text belongs to: around the element that says its language, the nearest article,
    section, list item, cell or group — but not a list item or wrapper holding just one element
    (a name in a list of names, a select in its frame), nor a row of a description list: a label may
    not stand inside a <ul> or <dl>, so those are labelled after the list."""
    start = element
    for each in [element, *element.iterancestors()]:
        if each is main:
            break
        if each.get("lang"):
            start = each
            break
    for each in start.iterancestors():
        if each is main:
            return main
        if each.tag not in BLOCKS:
            continue
        if len(each) == 1 and not (each.text or "").strip():
            continue
        if each.getparent() is not None and each.getparent().tag == "dl":
            continue
        return each
    return main


def _labels(block):
    return [_words(span.text_content()) for span in block.iter("span") if "translation-label" in span.classes]


def _public_pages(town):
    fields = Field.objects.filter(municipality=town)
    contributions = Contribution.objects.filter(
        municipality=town, hidden_at__isnull=True, stage__is_public=True
    ).select_related("field")
    translated_ids = Translation.objects.filter(
        municipality=town, content_type=ContentType.objects.get_for_model(Contribution)
    ).values_list("object_id", flat=True)
    return [
        "/",
        *(f"/handlungsfelder/{field.slug}/" for field in fields),
        *(c.get_absolute_url() for c in contributions.filter(pk__in=translated_ids)[:4]),
        *(c.get_absolute_url() for c in contributions.exclude(pk__in=translated_ids)[:1]),
        "/hilfe/",
        *(page.get_absolute_url() for page in HelpPage.objects.filter(municipality=town)),
        "/impressum/",
        "/datenschutz/",
        "/nutzungsbedingungen/",
        "/barrierefreiheit/",
        "/gebaerdensprache/",
        "/leichte-sprache/",
        "/sprachen/",
    ]


def _in_language(path, language):
    return f"/{language}{path}"


def _unlabelled(client, town, language, texts, label, shown_as=None):
    """(page, text) for each of `texts` shown in a page of `language` without `label` in its block."""
    missing, seen = [], set()
    for path in _public_pages(town):
        response = client.get(_in_language(path, language))
        assert response.status_code == 200, path
        main = lxml.html.fromstring(response.content.decode()).find(".//main")
        for text in texts:
            for carrier in _carriers(main, _snippet(text), shown_as or language):
                seen.add(text)
                if label not in _labels(_block(carrier, main)):
                    missing.append((path, _snippet(text)))
    return missing, seen


@pytest.fixture
def everything_machine_translated(town):
    """Every translation of the town as if a machine made it and nobody has reviewed it yet."""
    Translation.objects.filter(municipality=town).update(state=TranslationState.MACHINE)
    cache.touch_town(town.pk)


def _current_texts(town, language):
    """The town's translations into `language` that still match their German (and differ from it:
    a name that stays the same in Leichte Sprache cannot be told apart from the German)."""
    texts = []
    for row in Translation.objects.filter(municipality=town, language=language).select_related(
        "content_type"
    ):
        german = getattr(row.content_type.get_object_for_this_type(pk=row.object_id), row.field) or ""
        if row.text.strip() and row.text != german and row.source_hash == source_hash(german):
            texts.append(row.text)
    return texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_machine_translation_on_the_public_pages_carries_its_label(
    client, town, everything_machine_translated, language
):
    texts = _current_texts(town, language)
    missing, seen = _unlabelled(client, town, language, texts, _label(language))
    assert not missing, f"shown without the machine label: {missing}"
    assert len(seen) >= 20, "the pages show the demo's translations"


def test_a_text_nobody_translated_is_german_with_a_notice_in_its_block(client, town):
    """The other side of the rule: with no Ukrainian at all, each German text says so where it stands."""
    Translation.objects.filter(municipality=town, language="uk").delete()
    cache.touch_town(town.pk)
    texts = [
        getattr(obj, name)
        for model in translation.translatable_models()
        for obj in model.objects.filter(municipality=town)
        for name in model.translatable_fields
        if getattr(obj, name)
    ]
    missing, seen = _unlabelled(client, town, "uk", texts, _label("uk", FALLBACK), shown_as="de")
    assert not missing, f"German shown without the notice: {missing}"
    assert len(seen) >= 20


@pytest.fixture
def contribution(town, people):
    """A finding of the demo with a machine-translated Arabic title, a reviewed Arabic body, and
    every other Arabic text reviewed: the one machine label on its pages is the title's."""
    Translation.objects.filter(municipality=town, language="ar").update(state=TranslationState.REVIEWED)
    contribution = Contribution.objects.filter(municipality=town, title__startswith="Begleitung").get()
    translation.store_machine_translation(
        contribution, "title", "ar", actor=people["admin"], text="عنوان مترجم آليًا"
    )
    translation.save_translation(
        contribution, "body", "ar", actor=people["admin"], text="نص راجعه شخص.", state="reviewed"
    )
    return contribution


def test_a_machine_translated_title_keeps_its_label_beside_a_reviewed_body(client, contribution):
    label = _label("ar")
    for path in (contribution.get_absolute_url(), contribution.field.get_absolute_url()):
        main = lxml.html.fromstring(client.get(_in_language(path, "ar")).content.decode()).find(".//main")
        (title,) = _carriers(main, "عنوان مترجم آليًا", "ar")
        (body,) = _carriers(main, "نص راجعه شخص.", "ar")
        assert _labels(main).count(label) == 1, path
        assert label in _labels(_block(title, main)), path
        assert label in _labels(_block(body, main)), "the body's block is the title's: the card, the article"


def _render(template, **texts):
    with django_translation.override("uk"):
        return Template(template).render(Context(texts))


def test_a_block_shows_each_label_its_texts_call_for_once():
    machine = translation.Rendering("Назва", "uk", "machine")
    german = translation.Rendering("Titel", "de", "missing")
    reviewed = translation.Rendering("Текст", "uk", "reviewed")
    html = _render(
        "{% translation_label a b c names %}", a=machine, b=reviewed, c=german, names=[machine, machine]
    )
    assert html.count('class="translation-label"') == 2
    assert _label("uk") in html
    assert _label("uk", FALLBACK) in html


def test_reviewed_and_german_texts_carry_no_label():
    reviewed = translation.Rendering("Текст", "uk", "reviewed")
    german = translation.Rendering("Text", "de", "source")
    assert _render("{% translation_label a b missing %}", a=reviewed, b=german).strip() == ""
