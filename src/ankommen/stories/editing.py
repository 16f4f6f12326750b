"""Pages of the editorial staff and of the person whose story it is.

The editors (`/redaktion/geschichten/`) write and review stories, record consents given on paper,
publish, and make the brochure; the storyteller with an account works on their draft, reads the
consent texts in their language and consents or withdraws online (`/konto/geschichten/`). Both talk
in the story's notes. Every page asks the rules (`rules.py`) and writes through `services.py` or
`brochures.py`; an action that undoes another (taking a story off, withdrawing a consent) asks first.
"""

from functools import partial

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.files import private_file_url
from ankommen.core.form_pages import form_page, posted
from ankommen.core.languages import BY_CODE
from ankommen.core.rules import may
from ankommen.core.translation import translated
from ankommen.stories import brochures, services
from ankommen.stories.editing_forms import (
    BrochureForm,
    ConsentForm,
    NoteForm,
    OnlineConsentForm,
    PhotoForm,
    ReasonForm,
    StoryForm,
)
from ankommen.stories.models import Brochure, BrochureStatus, Consent, Purpose, Story


def _story(request, slug, action):
    """The town's story `slug`, if the member may `action` it; 404 for anyone who may not even see it."""
    story = town_object_or_404(
        Story.objects.prefetch_related(Prefetch("consents", to_attr="consents_prefetched")),
        request,
        slug=slug,
    )
    if not may(request.member, "edit_story", story) and not may(request.member, "note_on_story", story):
        raise Http404("No story of yours at this address.")
    authorize(request, action, story)
    return story


def _holding(story):
    """The purposes a story's consents hold for today, in the order of `Purpose`."""
    return [purpose for purpose in Purpose if story.valid_consent(purpose) is not None]


# --- the editors' list and a story ---------------------------------------------------------------


@require_safe
def manage(request):
    """Every story of the town with its state and what its consents allow today."""
    town = request.municipality
    authorize(request, "work_on_stories", town)
    stories = list(
        Story.objects.for_municipality(town)
        .prefetch_related(Prefetch("consents", to_attr="consents_prefetched"))
        .order_by("status", "-created_at")
    )
    rows = [(story, _holding(story)) for story in stories]
    return render(request, "stories/editing/stories.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def story_new(request):
    town = request.municipality
    authorize(request, "work_on_stories", town)
    form = StoryForm(posted(request), municipality=town)

    def save(**_cleaned):
        values, themes, fields, answers = form.service_values()
        return services.create_story(
            town, actor=request.member, values=values, themes=themes, fields=fields, answers=answers
        )

    return form_page(
        request,
        form,
        "stories/editing/form.html",
        save=save,
        done=_("Die Geschichte ist als Entwurf angelegt."),
        then=_edit_url,
        context={"heading": _("Neue Ankommensgeschichte"), "back": "stories:manage"},
    )


def _edit_url(story):
    return reverse("stories:story_edit", args=[story.slug])


@require_http_methods(["GET", "POST"])
def story_edit(request, slug):
    """A story's texts and details, with its state, photo, consents and notes beside."""
    town = request.municipality
    story = _story(request, slug, "edit_story")
    form = StoryForm(posted(request), instance=story, municipality=town)

    def save(**_cleaned):
        values, themes, fields, answers = form.service_values()
        return services.edit_story(
            story, actor=request.member, values=values, themes=themes, fields=fields, answers=answers
        )

    return form_page(
        request,
        form,
        "stories/editing/story.html",
        save=save,
        done=_("Die Geschichte ist gespeichert."),
        then=_edit_url,
        context={
            "heading": story.title,
            "story": story,
            "holding": _holding(story),
            "photo": private_file_url(story, "photo"),
            "notes": story.notes.select_related("author__user"),
            "note_form": NoteForm(),
            "revisions": story.revisions.count(),
        },
    )


@require_http_methods(["GET", "POST"])
def story_photo(request, slug):
    story = _story(request, slug, "edit_story")
    form = PhotoForm(posted(request), request.FILES or None, initial={"alt": story.photo_alt})
    return form_page(
        request,
        form,
        "stories/editing/form.html",
        save=lambda photo, alt: services.set_photo(story, photo, actor=request.member, alt=alt),
        done=_("Das Foto ist gespeichert, ohne Ort, Kamera und Aufnahmezeit."),
        then=_edit_url,
        context={"heading": _("Foto der Geschichte"), "back_url": _edit_url(story), "story": story},
    )


@require_POST
def story_submit(request, slug):
    story = _story(request, slug, "submit_story")
    services.submit_story(story, actor=request.member)
    messages.success(request, _("Die Geschichte liegt der Redaktion zur Prüfung vor."))
    return redirect(_edit_url(story))


@require_POST
def story_publish(request, slug):
    story = _story(request, slug, "publish_story")
    services.publish_story(story, actor=request.member)
    messages.success(request, _("Die Geschichte ist veröffentlicht."))
    return redirect(_edit_url(story))


@require_http_methods(["GET", "POST"])
def story_unpublish(request, slug):
    """Take a story off the website, after asking (it undoes the publishing)."""
    story = _story(request, slug, "unpublish_story")
    form = ReasonForm(posted(request))
    return form_page(
        request,
        form,
        "stories/editing/form.html",
        save=lambda reason: services.unpublish_story(story, actor=request.member, reason=reason),
        done=_("Die Geschichte ist nicht mehr auf der Website."),
        then=_edit_url,
        context={
            "heading": _("Geschichte von der Website nehmen?"),
            "intro": [
                _("Sie ist dann für niemanden mehr zu lesen, bis die Redaktion sie wieder veröffentlicht.")
            ],
            "submit": _("Von der Website nehmen"),
            "back_url": _edit_url(story),
        },
    )


@require_POST
def story_note(request, slug):
    story = _story(request, slug, "note_on_story")
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_note(story, actor=request.member, text=form.cleaned_data["text"])
        messages.success(request, _("Die Anmerkung ist gespeichert."))
        return redirect(_edit_url(story) if may(request.member, "edit_story", story) else "stories:mine")
    return render(
        request,
        "stories/editing/form.html",
        {"form": form, "heading": _("Anmerkung"), "back_url": _edit_url(story)},
        status=400,
    )


# --- consents ------------------------------------------------------------------------------------


@require_safe
def consents(request, slug):
    """A story's consent records: what to, which text and language, how, by whom, until when, and whether they hold."""
    story = _story(request, slug, "note_on_story")
    records = (
        Consent.objects.for_municipality(request.municipality)
        .filter(story=story)
        .select_related("story", "text", "recorded_by__user", "withdrawn_by__user")
    )
    return render(
        request,
        "stories/editing/consents.html",
        {
            "story": story,
            "records": [
                (record, BY_CODE.get(record.language), private_file_url(record, "scan")) for record in records
            ],
            "purposes": Purpose.choices,
        },
    )


@require_http_methods(["GET", "POST"])
def consent_new(request, slug):
    story = _story(request, slug, "record_consent")
    form = ConsentForm(posted(request), request.FILES or None, municipality=request.municipality)
    form.initial.setdefault("given_by", story.full_name)
    return form_page(
        request,
        form,
        "stories/editing/form.html",
        save=partial(services.record_consent, story, actor=request.member),
        done=_("Die Einwilligung ist erfasst."),
        then=lambda consent: _consents_url(story),
        context={
            "heading": _("Einwilligung von Papier erfassen"),
            "intro": [
                _(
                    "Jeder Zweck braucht seine eigene Einwilligung: Website, Broschüre, Presse, Übersetzung, Leichte Sprache."
                ),
                _("Erfasst wird nur in einer Sprache, in der es den Text der Einwilligung geprüft gibt."),
            ],
            "back_url": _consents_url(story),
        },
    )


def _consents_url(story):
    return reverse("stories:consents", args=[story.slug])


@require_http_methods(["GET", "POST"])
def consent_withdraw(request, pk):
    """Withdraw a consent, after asking: what it allowed ends at once."""
    consent = town_object_or_404(Consent.objects.select_related("story"), request, pk=pk)
    if not may(request.member, "note_on_story", consent.story):
        raise Http404("No consent of yours at this address.")
    authorize(request, "withdraw_consent", consent)
    form = ReasonForm(posted(request))
    effects = {
        Purpose.WEB: _("Die Geschichte verschwindet sofort von der Website."),
        Purpose.BROCHURE: _(
            "Die Broschüre wird sofort ohne die Geschichte neu gesetzt; schon gedruckte Hefte lassen sich nicht zurückholen."
        ),
        Purpose.TRANSLATION: _("Die Übersetzungen der Geschichte sind sofort nicht mehr zu lesen."),
        Purpose.EASY_LANGUAGE: _("Die Fassung in Leichter Sprache ist sofort nicht mehr zu lesen."),
        Purpose.PRESS: _("Die Geschichte wird nicht mehr an Presse und soziale Medien gegeben."),
    }
    return form_page(
        request,
        form,
        "stories/editing/form.html",
        save=lambda reason: services.withdraw_consent(consent, actor=request.member),
        done=_("Die Einwilligung ist widerrufen."),
        then=lambda _consent: (
            _consents_url(consent.story)
            if may(request.member, "edit_story", consent.story)
            else "stories:mine"
        ),
        context={
            "heading": _("Einwilligung widerrufen?"),
            "intro": [consent.get_purpose_display(), effects[consent.purpose]],
            "submit": _("Widerrufen"),
            "back_url": _consents_url(consent.story),
        },
    )


# --- the storyteller -----------------------------------------------------------------------------


@require_safe
def mine(request):
    """The stories a person told, with their consents: give one online, or withdraw it."""
    if request.member is None:
        authorize(request, "give_consent", request.municipality)  # a visitor is asked to log in
    stories = (
        Story.objects.for_municipality(request.municipality)
        .filter(storyteller=request.member)
        .prefetch_related(Prefetch("consents", to_attr="consents_prefetched"))
    )
    rows = [
        (story, [(value, label, story.valid_consent(value)) for value, label in Purpose.choices])
        for story in stories
    ]
    return render(request, "stories/editing/mine.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def consent_give(request, slug, purpose):
    """The person reads the consent text in their language and consents online."""
    if purpose not in Purpose.values:
        raise Http404("No such purpose.")
    story = _story(request, slug, "give_consent")
    language = get_language()
    text = services.current_text(request.municipality, purpose)
    if text is None:
        raise Http404("No consent text for this purpose yet.")
    in_language = text.exists_in(language)
    shown = translated(text, "text", language if in_language else "de")
    form = OnlineConsentForm(posted(request) if in_language else None, purpose=purpose)
    return form_page(
        request,
        form,
        "stories/editing/consent_give.html",
        save=lambda **cleaned: services.give_consent(
            story,
            actor=request.member,
            purpose=purpose,
            language=language,
            print_notice=cleaned.get("print_notice", False),
        ),
        done=_("Ihre Einwilligung ist gespeichert. Sie können sie jederzeit widerrufen."),
        then="stories:mine",
        context={
            "heading": Purpose(purpose).label,
            "story": story,
            "text": shown,
            "version": text.version,
            "in_language": in_language,
        },
    )


# --- the brochure --------------------------------------------------------------------------------


@require_safe
def brochures_page(request):
    town = request.municipality
    authorize(request, "keep_brochures", town)
    made = Brochure.objects.for_municipality(town).prefetch_related("entries")
    return render(request, "stories/editing/brochures.html", {"brochures": made})


@require_http_methods(["GET", "POST"])
def brochure_edit(request, pk=None):
    town = request.municipality
    authorize(request, "keep_brochures", town)
    brochure = town_object_or_404(Brochure.objects.all(), request, pk=pk) if pk else None
    initial = {}
    if brochure is not None:
        initial = {
            "title": brochure.title,
            "subtitle": brochure.subtitle,
            "edition": brochure.edition,
            "introduction": brochure.introduction,
            "stories": [entry.story_id for entry in brochure.entries.all()],
        }
    form = BrochureForm(posted(request), initial=initial, municipality=town)

    def save(stories, **values):
        return brochures.save_brochure(
            town, actor=request.member, values=values, stories=stories, brochure=brochure
        )

    return form_page(
        request,
        form,
        "stories/editing/form.html",
        save=save,
        done=_("Die Broschüre ist gespeichert. Lassen Sie sie jetzt setzen."),
        then=lambda made: made.get_absolute_url(),
        context={"heading": brochure or _("Neue Ankommensbroschüre"), "back": "stories:brochures"},
    )


@require_safe
def brochure(request, pk):
    """A brochure: its stories (and which may be printed), how far it is set, its file, publishing it."""
    town = request.municipality
    authorize(request, "keep_brochures", town)
    made = town_object_or_404(Brochure.objects.all(), request, pk=pk)
    chosen = list(
        Story.objects.for_municipality(town)
        .filter(brochure_entries__brochure=made)
        .order_by("brochure_entries__position")
    )
    printable = set(brochures.printable(made).values_list("pk", flat=True))
    template = (
        "stories/editing/partials/brochure_state.html" if request.htmx else "stories/editing/brochure.html"
    )
    return render(
        request,
        template,
        {
            "brochure": made,
            "stories": [(story, story.pk in printable) for story in chosen],
            "file_url": private_file_url(made, "file"),
        },
    )


@require_POST
def brochure_build(request, pk):
    made = town_object_or_404(Brochure.objects.all(), request, pk=pk)
    authorize(request, "keep_brochures", made.municipality)
    brochures.request_build(made, actor=request.member)
    messages.success(request, _("Die Broschüre wird gesetzt; das dauert einige Sekunden."))
    return redirect(made)


@require_POST
def brochure_publish(request, pk):
    made = town_object_or_404(Brochure.objects.all(), request, pk=pk)
    authorize(request, "keep_brochures", made.municipality)
    if made.status != BrochureStatus.READY or not made.file:
        messages.error(request, _("Erst wenn die Broschüre gesetzt ist, kann sie veröffentlicht werden."))
    else:
        brochures.publish_brochure(made, actor=request.member)
        messages.success(request, _("Die Broschüre ist veröffentlicht: alle können sie herunterladen."))
    return redirect(made)


@require_http_methods(["GET", "POST"])
def brochure_unpublish(request, pk):
    """No longer offer the brochure for download, after asking (it undoes the publishing)."""
    made = town_object_or_404(Brochure.objects.all(), request, pk=pk)
    authorize(request, "keep_brochures", made.municipality)
    return form_page(
        request,
        ReasonForm(posted(request)),
        "stories/editing/form.html",
        save=lambda reason: brochures.unpublish_brochure(made, actor=request.member),
        done=_("Die Broschüre ist nicht mehr zum Herunterladen angeboten."),
        then=lambda _made: made.get_absolute_url(),
        context={
            "heading": _("Broschüre zurückziehen?"),
            "intro": [_("Niemand kann sie dann mehr von der Seite der Geschichten herunterladen.")],
            "submit": _("Zurückziehen"),
            "back_url": made.get_absolute_url(),
        },
    )
