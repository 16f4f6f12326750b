"""Small queries whose SQL the ORM builds once per process.

Building a queryset's SQL costs more than running it for the small queries many pages ask (the
town, its tags, the tags of a list's cards). Such a query is built once for each shape, with
stand-ins where the values go, and every call runs that SQL with its own values:

    @built_once
    def _links(kinds, *, ids):                # `kinds` is the shape, `ids` the values
        return Link.objects.filter(kind__in=kinds, contribution__in=ids).values_list(…)

    _links(("principles",), ids=[3, 5])       # the rows, as tuples
    _links.sql(("principles",), ids=[3, 5])   # or the SQL and its parameters, for `.raw()`

Values are numbers, texts or non-empty lists of numbers (a list's length is part of its shape). The
build passes each value to the ORM as it is: a value it computed from one (`ids[0] + 1`) would keep
the stand-in.
"""

import functools

from django.db import connection

_FIRST = -1_900_000_000  # numeric stand-ins count down from here: no id, position or kind takes them


class built_once:  # noqa: N801 (used as a decorator, named like one)
    def __init__(self, build):
        functools.update_wrapper(self, build)
        self.build = build
        self._built = functools.cache(self._build)

    def __call__(self, *shape, **values):
        """The query's rows (tuples) for `values`."""
        with connection.cursor() as cursor:
            cursor.execute(*self.sql(*shape, **values))
            return cursor.fetchall()

    def sql(self, *shape, **values):
        """The query's SQL and its parameters for `values`."""
        layout = tuple(
            (name, len(value) if isinstance(value, list | tuple) else type(value))
            for name, value in sorted(values.items())
        )
        sql, params, stand_ins = self._built(connection.vendor, shape, layout)
        given = {}
        for name, value in values.items():
            if isinstance(value, list | tuple):
                given.update(zip(stand_ins[name], value, strict=True))
            else:
                given[stand_ins[name]] = value
        return sql, [given.get(param, param) if _may_stand_in(param) else param for param in params]

    def _build(self, _vendor, shape, layout):
        stand_ins, numbers = {}, iter(range(_FIRST, _FIRST - 1_000_000, -1))
        for name, kind in layout:
            if kind is str:
                stand_ins[name] = f"\x00{name}"
            elif isinstance(kind, int):
                stand_ins[name] = [next(numbers) for _ in range(kind)]
            else:
                stand_ins[name] = next(numbers)
        sql, params = self.build(*shape, **stand_ins).query.sql_with_params()
        return sql, params, stand_ins


def _may_stand_in(param):
    return type(param) in (int, str)
