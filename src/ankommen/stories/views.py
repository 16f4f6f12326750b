"""Pages for everyone: the arrival stories, one story in the languages it may be read in, the brochure.

Only what `Story.objects.public()` gives is listed — published, with a valid consent to the web today —
and a story's page asks the rule `view_story`, which asks the same; a translation shows only where the
person consented to it (`Story.may_show_in`), else the German text with a word why.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.concept.models import Field
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.files import private_file_url
from ankommen.core.frame import address_in
from ankommen.core.languages import BY_CODE, SOURCE
from ankommen.core.rules import may
from ankommen.core.translation import READABLE, translated
from ankommen.stories import services
from ankommen.stories.forms import CommentForm, StoryFilterForm
from ankommen.stories.models import Brochure, InterviewAnswer, Story, StoryComment


def _shown_in(story, language):
    """The language the story is shown in for a reader of `language`: theirs if the person consented, else German."""
    return language if story.may_show_in(language) else SOURCE


def _text(story, field, language):
    """A story's text in `language` where the person consented to it, else its German."""
    return translated(story, field, _shown_in(story, language))


def _paragraphs(rendering):
    return [part.strip() for part in rendering.text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def _public(town, language):
    return (
        Story.objects.for_municipality(town)
        .public()
        .with_translations(language)
        .prefetch_related(
            "themes",
            Prefetch("fields", Field.objects.with_translations(language)),
            Prefetch("consents", to_attr="consents_prefetched"),
        )
    )


@require_safe
def stories(request):
    """The published stories as cards, filtered by field of action and theme; the brochure to download."""
    town, language = request.municipality, get_language()
    fields = list(Field.objects.for_municipality(town).filter(archived_at=None).with_translations(language))
    form = StoryFilterForm(request.GET or None, fields=fields)
    listed = _public(town, language)
    if form.is_valid():
        if form.cleaned_data["feld"]:
            listed = listed.filter(fields__slug=form.cleaned_data["feld"])
        if form.cleaned_data["thema"]:
            listed = listed.filter(themes__theme=form.cleaned_data["thema"])
    cards = []
    for story in listed.distinct():
        cards.append(
            {
                "story": story,
                "title": _text(story, "title", language),
                "teaser": _text(story, "teaser", language),
                "photo": private_file_url(story, "photo"),
            }
        )
    brochure = Brochure.objects.for_municipality(town).published().first()
    return render(
        request,
        "stories/list.html",
        {
            "form": form,
            "cards": cards,
            "brochure": brochure,
            "brochure_url": private_file_url(brochure, "file") if brochure else "",
        },
        status=400 if form.errors else 200,
    )


def _languages_of(story, request):
    """The languages the story may be read in here, with its address in each: German, the person's own,
    and the translations they consented to."""
    codes = {SOURCE, story.original_language}
    rows = story.translations.filter(field="body", state__in=READABLE).values_list("language", flat=True)
    codes |= {code for code in rows if story.may_show_in(code)}
    return [
        (language, address_in(request, language.code, ""))
        for language in request.municipality.active_languages
        if language.code in codes
    ]


@require_safe
def story(request, slug):
    """One story: in the reader's language where it may be, its photo, its interview, its comments."""
    town, language = request.municipality, get_language()
    told = town_object_or_404(
        Story.objects.with_translations(language).prefetch_related(
            Prefetch("consents", to_attr="consents_prefetched"),
            "themes",
            Prefetch("fields", Field.objects.with_translations(language)),
            Prefetch("answers", InterviewAnswer.objects.with_translations(language)),
        ),
        request,
        slug=slug,
    )
    if not may(request.member, "view_story", told):
        raise Http404("No story is public at this address.")  # taken down: as if it had never been
    shown = _shown_in(told, language)
    body = translated(told, "body", shown)
    comments = (
        StoryComment.objects.for_municipality(town)
        .filter(story=told, hidden_at=None)
        .select_related("author__user")
    )
    return render(
        request,
        "stories/story.html",
        {
            "story": told,
            "title": translated(told, "title", shown),
            "teaser": translated(told, "teaser", shown),
            "body": body,
            "paragraphs": _paragraphs(body),
            "answers": [
                (translated(answer, "question", shown), translated(answer, "answer", shown))
                for answer in told.answers.all()
            ],
            "photo": private_file_url(told, "photo"),
            "alt": translated(told, "photo_alt", shown),
            "origin": translated(told, "origin", shown) if told.origin and told.show_origin else None,
            "not_in_language": shown != language,
            "languages": _languages_of(told, request),
            "original": BY_CODE.get(told.original_language),
            "comments": comments,
            "form": CommentForm() if may(request.member, "comment_on_story", told) else None,
        },
    )


@require_POST
def comment(request, slug):
    """A reader's comment under a story; moderated as every text people write here."""
    told = town_object_or_404(Story.objects, request, "view_story", slug=slug)
    authorize(request, "comment_on_story", told)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(told, actor=request.member, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ihr Kommentar ist veröffentlicht."))
            return redirect(told)
    return render(request, "stories/comment_form.html", {"story": told, "form": form}, status=400)
