"""Contributions written straight into the database for a test, as the demo's expert would write them."""

from ankommen.concept.models import Stage
from ankommen.dialogue.models import Contribution


def add_contribution(town, people, title, *, slug="wohnen-und-leben", kind="stocktaking", **values):
    """A need found in the field's stocktaking (or an option in its options stage), by the demo's expert."""
    stage = Stage.objects.get(municipality=town, field__slug=slug, kind=kind)
    return Contribution.objects.create(
        municipality=town,
        field=stage.field,
        stage=stage,
        kind="finding" if kind == "stocktaking" else "option",
        finding_kind="need" if kind == "stocktaking" else "",
        title=title,
        body=values.pop("body", "Text"),
        author=values.pop("author", people["expertin"]),
        **values,
    )
