"""A moment written by `core.moments` reads exactly as Django's own `date_format` writes it, in every language."""

from datetime import UTC, datetime

import pytest
from django.utils import formats, timezone, translation

from ankommen.core.languages import LANGUAGES
from ankommen.core.moments import formatter

MOMENTS = [
    datetime(2026, 1, 5, 7, 3, 9, tzinfo=UTC),
    datetime(2026, 3, 29, 0, 59, tzinfo=UTC),  # 01:59 in winter time, then the clocks go forward
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # 03:00 in summer time
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 the first time
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 the second time
    datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),  # the new year in Kornwestheim
]


@pytest.mark.parametrize("language", [language.code for language in LANGUAGES])
@pytest.mark.parametrize(
    "name", ["SHORT_DATETIME_FORMAT", "DATETIME_FORMAT", "SHORT_DATE_FORMAT", "TIME_FORMAT"]
)
def test_a_moment_reads_as_django_writes_it(language, name):
    with translation.override(language):
        written = formatter(name)
        for moment in MOMENTS:
            assert written(moment) == formats.date_format(timezone.localtime(moment), name), (
                language,
                name,
                moment,
            )


def test_a_german_moment_in_the_towns_time():
    with translation.override("de"):
        assert formatter()(MOMENTS[0]) == "05.01.2026 08:03"
        assert formatter()(MOMENTS[3]) == formatter()(MOMENTS[4]) == "25.10.2026 02:30"
