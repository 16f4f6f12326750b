"""The pages of a field's outcomes: the official answer to an item, and the field's results to take away."""

from functools import partial

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ankommen.concept.models import Field
from ankommen.core.access import town_object_or_404
from ankommen.core.form_pages import form_page, posted
from ankommen.core.translation import translated
from ankommen.dialogue import answers, exports
from ankommen.dialogue.answer_forms import AnswerForm
from ankommen.dialogue.models import Contribution


def answer(request, pk):
    """The administration answers an option or a recommendation; the earlier answers stay below."""
    contribution = town_object_or_404(
        Contribution.objects.select_related("field", "stage"), request, "answer_contribution", pk=pk
    )
    return form_page(
        request,
        AnswerForm(posted(request), contribution=contribution),
        "dialogue/answer_form.html",
        save=partial(answers.answer_contribution, contribution, actor=request.member),
        done=_("Die Antwort ist veröffentlicht."),
        then=lambda answer: answer.get_absolute_url(),
        context={
            "heading": _("Offizielle Antwort geben"),
            "contribution": contribution,
            "field": contribution.field,
            "history": answers.history_of(contribution, get_language()),
        },
    )


def _field(request, slug):
    language = get_language()
    return town_object_or_404(Field.objects.with_translations(language), request, slug=slug)


@require_safe
def field_export(request, slug, file_format):
    """The field's findings, options, recommendations and answers as a file, as far as the reader may see them."""
    if file_format not in exports.FORMATS:
        raise Http404(file_format)
    field = _field(request, slug)
    content, content_type = exports.export(field, request.member, get_language(), file_format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{field.slug}-ergebnisse.{file_format}"'
    return response


@require_safe
def field_results(request, slug):
    """The same as a page to print."""
    language = get_language()
    field = _field(request, slug)
    contributions = exports.with_tags(
        list(exports.contributions_for(field, request.member, language)), field, language
    )
    return render(
        request,
        "dialogue/results.html",
        {
            "field": field,
            "name": translated(field, "name", language),
            "contributions": contributions,
            "summary": answers.summary_of(contributions),
        },
    )
