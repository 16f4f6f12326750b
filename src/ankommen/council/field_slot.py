"""What a field's page shows of the council: its decision stage (submissions, decisions) and its measures."""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.translation import get_language

from ankommen.council.models import Consultation, Decision, Measure, Submission


def field_council(context):
    """The submissions that concern the field (public ones, for everyone) and the measures that follow."""
    field = context.get("field")
    if field is None:
        return ""
    language = get_language()
    public_rows = Consultation.objects.public().select_related("committee", "meeting").order_by("position")
    submissions = list(
        Submission.objects.for_municipality(field.municipality_id)
        .public()
        .filter(field=field)
        .with_translations(language)
        .prefetch_related(
            Prefetch("consultations", public_rows),
            Prefetch(
                "consultations__decision",
                Decision.objects.with_translations(language),
            ),
        )[:10]
    )
    measures = list(
        Measure.objects.for_municipality(field.municipality_id)
        .filter(field=field)
        .select_related("owner")
        .with_translations(language)
    )
    if not submissions and not measures:
        return ""
    return render_to_string(
        "council/partials/field_council.html",
        {"submissions": submissions, "measures": measures, "field": field},
        request=context.get("request"),
    )
