"""The frame of every page is built once per shape and language; what belongs to a request stays its own."""

import re

from django.urls import reverse

from ankommen.core import frame


def _header(page):
    return page[page.index('<header class="site-header">') : page.index("</header>")]


def test_the_login_link_leads_back_to_each_page_it_is_on(client, town):
    assert 'href="/konto/login/?next=/"' in _header(client.get("/").content.decode())
    assert 'href="/konto/login/?next=/hilfe/"' in _header(client.get("/hilfe/").content.decode())
    assert 'href="/konto/login/?next=/suche/%3Fq%3DWohnen"' in _header(
        client.get("/suche/?q=Wohnen").content.decode()
    )


def test_the_language_links_keep_each_pages_address_and_query(client, town):
    first = _header(client.get("/suche/?q=Wohnen").content.decode())
    second = _header(client.get("/suche/?q=Arbeit").content.decode())
    assert 'href="/en/suche/?q=Wohnen" lang="en" hreflang="en"' in first
    assert 'href="/en/suche/?q=Arbeit" lang="en" hreflang="en"' in second
    english = _header(client.get("/en/suche/?q=Arbeit").content.decode())
    assert 'href="/suche/?q=Arbeit" lang="de" hreflang="de"' in english
    assert 'href="/en/suche/?q=Arbeit" lang="en" hreflang="en" aria-current="true">English</a>' in english


def test_the_profile_link_is_marked_on_the_profile_page_only(client_as):
    client = client_as("mitglied")
    assert 'aria-current="page">Mein Profil</a>' in client.get("/konto/profil/").content.decode()
    assert 'aria-current="page">Mein Profil</a>' not in client.get("/").content.decode()


def test_each_logout_form_carries_a_token_of_its_own_request(client_as):
    client = client_as("mitglied")
    tokens = [
        re.search(
            r'name="csrfmiddlewaretoken" value="(\w+)"><button type="submit" class="link-button">', page
        )[1]
        for page in (client.get("/").content.decode(), client.get("/").content.decode())
    ]
    assert all(tokens) and tokens[0] != tokens[1]  # masked anew for each response
    page = client.post(reverse("account_logout"), {"csrfmiddlewaretoken": tokens[1]})
    assert page.status_code == 302


def test_the_same_menu_in_another_language_speaks_it(client, town):
    german = _header(client.get("/").content.decode())
    english = _header(client.get("/en/").content.decode())
    assert '<li><a href="/" aria-current="page">Start</a></li>' in german
    assert '<li><a href="/en/" aria-current="page">Home</a></li>' in english
    assert '<li><a href="/en/konto/login/?next=/en/">Log in</a></li>' in english
    assert '<span class="visually-hidden">Choose language</span>' in english
    assert 'aria-label="Choose language"' in english


def test_the_remembered_html_is_bounded():
    frame._html.clear()
    for number in range(5000):
        frame.remembered(("test", number), str, number)
    assert len(frame._html) <= 4097
    frame._html.clear()
