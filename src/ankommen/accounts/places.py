"""Where an invitation can lead: the pages apps offer as "invited to work here" (a field of action).

An app that may import accounts registers its kind of place from its `registration.py`
(`register_place(Field, _("Handlungsfeld"), lambda town: Field.objects.for_municipality(town))`);
the invitation form offers the town's places of every registered kind, the mail and the
invitation page name the place, and the invited person lands on its page after accepting.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceKind:
    model: type
    label: str
    choices: Callable  # town -> queryset of the places an admin may invite to
    title: Callable = None  # (place, language) -> its name in that language; str(place) if None

    @property
    def key(self):
        return self.model._meta.label_lower


KINDS: dict[str, PlaceKind] = {}


def register_place(model, label, choices, title=None):
    KINDS[model._meta.label_lower] = PlaceKind(model, label, choices, title)


def choices_for(town):
    """[(label of the kind, [("app.model:pk", name), …]), …] for the invitation form's select."""
    return [
        (kind.label, [(f"{kind.key}:{place.pk}", str(place)) for place in kind.choices(town)])
        for kind in KINDS.values()
    ]


def place_of(town, value):
    """The place a form's value ("app.model:pk") names, among the town's places; None if none."""
    key, _, pk = (value or "").partition(":")
    kind = KINDS.get(key)
    if kind is None or not pk.isdigit():
        return None
    return kind.choices(town).filter(pk=int(pk)).first()


def kind_label(place):
    """ "Handlungsfeld" for a field: the word its app registered for this kind of place."""
    kind = KINDS.get(place._meta.label_lower)
    return kind.label if kind else place._meta.verbose_name


def title_of(place, language):
    """The place's name as a reader of `language` sees it (German where it is not translated)."""
    kind = KINDS.get(place._meta.label_lower)
    return str(kind.title(place, language)) if kind and kind.title else str(place)
