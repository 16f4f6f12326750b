"""A town's tags (principles, focus topics, districts, target groups) and the contributions that carry them.

A town has a few dozen tags; a page that shows them (the filters, the cards of a list, an export)
fetches them once, with their translations, and then only the links of the contributions it
shows, all four kinds in one query: a prefetch per kind and contribution costs a query (and a
translation query in other languages) per kind.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Value
from django.utils.functional import cached_property

from ankommen.core.built_once import built_once
from ankommen.core.languages import SOURCE
from ankommen.core.models import Translation

TAG_RELATIONS = ("principles", "focus_topics", "districts", "target_groups")


def _relation(name):
    from ankommen.dialogue.models import Contribution

    return Contribution._meta.get_field(name)


class TownTags:
    """The town's tags of each kind in their own order, with their translations into `language`.

    Each kind is fetched when first asked for (a filter for one kind needs only that one), or all
    of them in one query (`fetch_all`); the translations of all kinds in one query.
    """

    def __init__(self, municipality, language):
        self.municipality, self.language = municipality, language
        self._fetched = {}

    def of(self, relation):
        """The town's tags of one kind (`principles`), in the order they are shown: fetched on first use."""
        if relation not in self._fetched:
            self._fetched[relation] = self._with_translations(
                relation, list(_relation(relation).related_model.objects.for_municipality(self.municipality))
            )
        return self._fetched[relation]

    def fetch_all(self):
        """Fetch the kinds not fetched yet in one query (a page that shows them all: the filters, the cards)."""
        missing = [name for name in TAG_RELATIONS if name not in self._fetched]
        if len(missing) < 2:
            return
        columns = [field.attname for field in _relation(missing[0]).related_model._meta.concrete_fields]
        found = {name: [] for name in missing}
        for kind, *values in _town_tags(tuple(missing), town=self.municipality.pk):
            model = _relation(missing[kind]).related_model
            found[missing[kind]].append(model.from_db(None, columns, values))
        for name, tags in found.items():
            self._fetched[name] = self._with_translations(name, tags)

    def _with_translations(self, relation, tags):
        if self.language != SOURCE:
            type_id = ContentType.objects.get_for_model(_relation(relation).related_model).pk
            for tag in tags:
                tag.translations_prefetched = self._translations[type_id, tag.pk]
        return tags

    @cached_property
    def _translations(self):
        """{(content type id, tag id): [translation, …]} for the tags of every kind, in one query."""
        models = [_relation(name).related_model for name in TAG_RELATIONS]
        types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
        found = defaultdict(list)
        for row in Translation.objects.for_municipality(self.municipality).filter(
            language=self.language, content_type__in=types.values()
        ):
            found[row.content_type_id, row.object_id].append(row)
        return found

    @cached_property
    def _order(self):
        """{(kind, tag id): ((kind, position), tag)}: each tag with its place among all the town's tags."""
        self.fetch_all()
        return {
            (kind, tag.pk): ((kind, position), tag)
            for kind, name in enumerate(TAG_RELATIONS)
            for position, tag in enumerate(self.of(name))
        }

    def by_contribution(self, **lookup):
        """{contribution id: [tag, …]} for the contributions that match `lookup` (`pk__in=ids`, `field=field`).

        The links of all four kinds in one query; tags of another town are left out.
        """
        found = defaultdict(list)
        links = _links_of_ids(ids=lookup["pk__in"]) if set(lookup) == {"pk__in"} else _links(**lookup)
        for contribution_id, kind, tag_id in links:
            if (kind, tag_id) in self._order:
                found[contribution_id].append(self._order[kind, tag_id])
        return defaultdict(
            list, {pk: [tag for _order, tag in sorted(of_one)] for pk, of_one in found.items()}
        )

    def put_on(self, contributions, **lookup):
        """The contributions (a list), each with its `tags`; `lookup` names them all (their ids by default)."""
        if not contributions:
            return contributions
        tags = self.by_contribution(**(lookup or {"pk__in": [item.pk for item in contributions]}))
        for contribution in contributions:
            contribution.tag_list = tags[contribution.pk]
        return contributions


@built_once
def _town_tags(relations, *, town):
    """(kind, *columns) of the town's tags of each of `relations`, kind being the relation's place there."""
    columns = [field.attname for field in _relation(relations[0]).related_model._meta.concrete_fields]
    rows = [
        _relation(name)
        .related_model.objects.for_municipality(town)
        .annotate(kind=Value(kind, output_field=IntegerField()))
        .values_list("kind", *columns)
        .order_by()
        for kind, name in enumerate(relations)
    ]
    return rows[0].union(*rows[1:], all=True).order_by("kind", "position", "name", "id")


def _links(**lookup):
    """(contribution id, kind, tag id) of the contributions that match `lookup`, all four kinds in one query."""
    links = []
    for kind, name in enumerate(TAG_RELATIONS):
        m2m = _relation(name)
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        links.append(
            m2m.remote_field.through.objects.filter(
                **{f"{source}__{key}": value for key, value in lookup.items()}
            )
            .annotate(kind=Value(kind, output_field=IntegerField()))
            .values_list(f"{source}_id", "kind", f"{target}_id")
        )
    return links[0].union(*links[1:], all=True)


@built_once
def _links_of_ids(*, ids):
    """The same for the contributions `ids` (a page's cards): built once for each number of cards."""
    return _links(pk__in=ids)
