"""The home page shows the town's concept: principle, focus topics, timeline, fields and their stages."""


def test_home_shows_principle_focus_topics_and_fields(client, town):
    page = client.get("/").content.decode()
    for text in (
        "Integrationskonzept der Stadt Kornwestheim",
        "Teilhabe",
        "Spracherwerb",
        "Bildung",
        "Wirtschaft und berufliche Bildung",
        "Wohnen und Leben",
        "frühkindliche und schulische Bildung",
    ):
        assert text in page, text


def test_home_shows_the_milestones_in_order(client, town):
    page = client.get("/").content.decode()
    order = [
        "Die Arbeit am Integrationskonzept beginnt",
        "Ankommensgeschichten veröffentlicht",
        "Ankommenskonferenz",
        "Der Initiativkreis löst sich auf",
        "Der Ausschuss für Soziales und Integration berät das Integrationskonzept",
        "Start der Dialogplattform",
        "Zweite Stufe der Dialogplattform",
    ]
    positions = [page.index(title) for title in order]
    assert positions == sorted(positions)
    assert "Sommer 2015" in page
    assert '<time datetime="2017-02-09">' in page


def test_home_tells_each_fields_stage_and_what_can_be_done(client, town):
    page = client.get("/").content.decode()
    assert "Handlungsoptionen und -empfehlungen · läuft" in page
    assert "Bestandsaufnahme · läuft" in page
    assert "Bestandsaufnahme · geplant" in page
    assert "Handlungsoptionen einbringen und zu Empfehlungen erheben:" in page


def test_home_names_the_committee_and_external_participation(client, town):
    page = client.get("/").content.decode()
    assert "Ausschuss für Soziales und Integration" in page
    assert "PLENA-Institut" in page


def test_home_in_english_has_english_frame(client, town):
    response = client.get("/en/")
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert "Fields of action" in page
    assert not response.cookies, "choosing a language by its address sets no cookie"


def test_anonymous_get_sets_no_cookie(client, town):
    for url in ("/", "/handlungsfelder/wohnen-und-leben/", "/en/"):
        assert not client.get(url).cookies, url
