"""A field's list sorts by newest (the default), most supported and most discussed: a GET parameter
kept together with the filters, chosen with links of which the current one is marked."""

import re

import pytest

from ankommen.concept.models import District
from ankommen.dialogue.models import Contribution
from tests.writing import add_contribution

URL = "/handlungsfelder/wohnen-und-leben/"


@pytest.fixture
def three(town, people):
    """Three findings: the oldest most discussed, the middle one most supported, the newest neither."""
    counts = {
        "Alt und viel besprochen": (1, 900),
        "Mittel und viel unterstützt": (950, 2),
        "Ganz neu": (0, 0),
    }
    for title, (supports, comments) in counts.items():
        contribution = add_contribution(town, people, title)
        Contribution.objects.filter(pk=contribution.pk).update(support_count=supports, comment_count=comments)
    return list(counts)


def _order(page, titles):
    return sorted(titles, key=page.index)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("", "Ganz neu"),
        ("?sort=newest", "Ganz neu"),
        ("?sort=supported", "Mittel und viel unterstützt"),
        ("?sort=discussed", "Alt und viel besprochen"),
        ("?sort=erfunden", "Ganz neu"),
    ],
)
def test_the_list_comes_in_the_chosen_order(client, three, query, first):
    response = client.get(URL + query)
    assert response.status_code == 200
    page = response.content.decode()
    titles = re.findall(r'<span lang="de">([^<]+)</span>\s*</a>\s*</h3>', page)
    assert titles[0] == first


def test_newest_first_by_default(client, three):
    page = client.get(URL).content.decode()
    assert _order(page, three) == ["Ganz neu", "Mittel und viel unterstützt", "Alt und viel besprochen"]


def test_the_current_order_is_marked(client, three):
    page = client.get(URL + "?sort=supported").content.decode()
    marked = re.findall(r'<a class="kern-link" aria-current="true" href="[^"]*">([^<]+)</a>', page)
    assert marked == ["meiste Unterstützung"]
    page = client.get(URL).content.decode()
    assert re.findall(r'<a class="kern-link" aria-current="true" href="[^"]*">([^<]+)</a>', page) == [
        "neueste zuerst"
    ]


def test_the_order_and_the_filters_keep_each_other(client, town, three):
    weststadt = District.objects.get(municipality=town, name="Weststadt")
    page = client.get(f"{URL}?districts={weststadt.pk}&sort=discussed&page=2").content.decode()
    # The filter form carries the order along …
    assert '<input type="hidden" name="sort" value="discussed"' in page
    # … and the order's links keep the filters, starting again on the first page.
    assert f'href="?districts={weststadt.pk}&amp;sort=supported"' in page


def test_the_order_works_with_htmx(client, three):
    response = client.get(URL + "?sort=supported", headers={"HX-Request": "true", "HX-Target": "beitraege"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="beitraege"')
    assert _order(page, three)[0] == "Mittel und viel unterstützt"
