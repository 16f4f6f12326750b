"""A query built once per shape runs with each call's own values, on a real database."""

from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from ankommen.concept.models import Field
from ankommen.core.built_once import built_once
from ankommen.core.models import Municipality

builds = []


@built_once
def _fields(ordered, *, town, ids):
    builds.append((ordered, len(ids)))
    fields = Field.objects.for_municipality(town).filter(pk__in=ids).values_list("pk", "name")
    return fields.order_by("name") if ordered else fields.order_by("-name")


@built_once
def _towns_named(*, slug):
    return Municipality.objects.filter(Q(slug=slug) | Q(host=slug))


def test_each_call_runs_with_its_own_values(town, other_town):
    mine = list(Field.objects.for_municipality(town).order_by("name")[:3])
    theirs = Field.objects.for_municipality(other_town).first()
    ids = [field.pk for field in mine]
    assert _fields(True, town=town.pk, ids=ids) == [(field.pk, field.name) for field in mine]
    assert _fields(False, town=town.pk, ids=ids[:2]) == [(field.pk, field.name) for field in mine[:2][::-1]]
    # Another town's field is not found through this town.
    assert _fields(True, town=town.pk, ids=[theirs.pk, ids[0]]) == [(mine[0].pk, mine[0].name)]
    assert _fields(True, town=other_town.pk, ids=[theirs.pk, ids[0]]) == [(theirs.pk, theirs.name)]


def test_the_sql_is_built_once_for_each_shape_and_number_of_values(town):
    ids = list(Field.objects.for_municipality(town).values_list("pk", flat=True)[:3])
    _fields._built.cache_clear()
    builds.clear()
    for _ in range(3):
        _fields(True, town=town.pk, ids=ids)
        _fields(True, town=town.pk, ids=ids[1:])
        _fields(False, town=town.pk, ids=ids[1:])
    assert sorted(builds) == [(False, 2), (True, 2), (True, 3)]


def test_it_asks_one_query_per_call(town):
    ids = list(Field.objects.for_municipality(town).values_list("pk", flat=True)[:2])
    _fields(True, town=town.pk, ids=ids)
    with CaptureQueriesContext(connection) as queries:
        _fields(True, town=town.pk, ids=ids)
    assert len(queries) == 1


def test_texts_stand_in_too_and_its_sql_serves_a_raw_query(town, other_town):
    sql, params = _towns_named.sql(slug=other_town.slug)
    assert other_town.slug in params
    assert [found.pk for found in Municipality.objects.raw(sql, params)] == [other_town.pk]
    assert [row[0] for row in _towns_named(slug=town.slug)] == [town.pk]
