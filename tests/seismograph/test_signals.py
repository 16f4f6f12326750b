"""The signals in the town: warnings computed after imports (and withdrawn after a rollback), the people who
follow a field told, members' observations, and a moderator taking a signal up as a finding or dismissing it.

The shared signals come from `cases_signals.prepare` (its module says which).
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse

from ankommen.accounts.privacy import erase, export
from ankommen.concept.models import District, Field, Stage
from ankommen.core import moderation, notifications
from ankommen.core.actors import SystemActor
from ankommen.core.models import AuditEntry, Notification
from ankommen.core.translation import translated
from ankommen.dialogue.models import Contribution, FindingKind
from ankommen.seismograph import signals as signal_services
from ankommen.seismograph.models import (
    ImportRun,
    SeismographSettings,
    Signal,
    SignalKind,
    SignalRule,
    SignalStatus,
)
from ankommen.seismograph.services import import_observations, roll_back_import
from ankommen.seismograph.signals import (
    SOURCE_NAME,
    add_observation,
    dismiss_signal,
    make_finding,
    recompute_warnings,
)
from tests.seismograph import cases_signals
from tests.seismograph.cases_signals import OBSERVATION, observation, warning
from tests.seismograph.demo_values import without_demo_values

# 2025: Innenstadt's SGB II rate jumps (2 standard deviations above the others); Oststadt falls back.
YEAR_2025 = """district;period;sgb2_quote
Innenstadt;2025;14
Weststadt;2025;5
Südstadt;2025;5
Pattonville;2025;5
Oststadt;2025;5
"""


@pytest.fixture(autouse=True)
def _signals(town):
    without_demo_values(town)  # the prepared values are these tests' only ones, the demo's taken away
    cases_signals.prepare(town)


def warnings_of(town, **lookup):
    return Signal.objects.for_municipality(town).filter(kind=SignalKind.WARNING, **lookup)


def keys(town, **lookup):
    return set(
        warnings_of(town, **lookup).values_list(
            "district__name", "indicator__key", "period", "rule", "status"
        )
    )


def import_and_commit(town, content, capture, name="neu.csv"):
    """An import as the town's system, with what waits for its commit run (the warnings computed)."""
    with capture(execute=True):
        return import_observations(town, content.encode(), name, actor=SystemActor.of(town))


def roll_back_and_commit(run, capture):
    with capture(execute=True):
        return roll_back_import(run, actor=SystemActor.of(run.municipality))


OPEN = SignalStatus.OPEN


# --- computing ----------------------------------------------------------------------------------------------


def test_the_prepared_values_fire_exactly_their_three_warnings(town):
    assert keys(town) == {
        ("Oststadt", "sgb2_quote", "2024", SignalRule.Z_SCORE, OPEN),
        ("Oststadt", "sgb2_quote", "2024", SignalRule.AGAINST_TOWN, OPEN),
        ("Südstadt", "fluktuation", "2024", SignalRule.Z_SCORE, OPEN),
    }
    assert warning().field.slug == "wirtschaft-und-berufliche-bildung"  # the indicator's field
    assert warning(key="fluktuation").field.slug == "wohnen-und-leben"


def test_computing_again_never_adds_a_warning_twice(town):
    before = set(warnings_of(town).values_list("pk", flat=True))
    result = recompute_warnings(town)
    assert result.added == [] and not result.changed
    assert result.updated == 0  # the numbers read back from the database are the numbers computed
    assert set(warnings_of(town).values_list("pk", flat=True)) == before


def test_the_database_holds_one_warning_per_district_indicator_period_and_rule(town):
    existing = warning()
    with pytest.raises(IntegrityError), transaction.atomic():
        Signal.objects.create(
            municipality=town,
            kind=SignalKind.WARNING,
            district=existing.district,
            indicator=existing.indicator,
            period="2024",
            rule=SignalRule.Z_SCORE,
        )


def test_an_import_brings_its_warnings_once_it_commits(town, django_capture_on_commit_callbacks):
    import_and_commit(town, YEAR_2025, django_capture_on_commit_callbacks)
    assert ("Innenstadt", "sgb2_quote", "2025", SignalRule.Z_SCORE, OPEN) in keys(town)
    assert keys(town, period="2024") == {
        ("Oststadt", "sgb2_quote", "2024", SignalRule.Z_SCORE, OPEN),
        ("Oststadt", "sgb2_quote", "2024", SignalRule.AGAINST_TOWN, OPEN),
        ("Südstadt", "fluktuation", "2024", SignalRule.Z_SCORE, OPEN),
    }
    entry = AuditEntry.objects.filter(municipality=town, action="warnings.computed").latest("id")
    assert entry.actor is None and entry.details["added"] == "1"


def test_rolling_an_import_back_withdraws_what_it_alone_supported_and_importing_again_reopens_it(
    town, django_capture_on_commit_callbacks
):
    run = import_and_commit(town, YEAR_2025, django_capture_on_commit_callbacks)
    new = warnings_of(town, period="2025").get()
    roll_back_and_commit(run, django_capture_on_commit_callbacks)
    new.refresh_from_db()
    assert new.status == SignalStatus.WITHDRAWN
    assert warning().status == OPEN  # the 2024 values are still there
    import_and_commit(town, YEAR_2025, django_capture_on_commit_callbacks, name="noch-einmal.csv")
    new.refresh_from_db()
    assert new.status == OPEN
    assert warnings_of(town, period="2025").count() == 1


def test_a_decided_warning_stays_as_it_was_decided(town, people, django_capture_on_commit_callbacks):
    first = ImportRun.objects.get(municipality=town, file_name=cases_signals.FILE_NAME)
    dismiss_signal(warning(), actor=people["moderation"], reason="Bekannt und begleitet.")
    roll_back_and_commit(first, django_capture_on_commit_callbacks)
    assert warning().status == SignalStatus.DISMISSED
    assert warning(rule=SignalRule.AGAINST_TOWN).status == SignalStatus.WITHDRAWN
    assert warning(key="fluktuation").status == SignalStatus.WITHDRAWN


def test_an_open_warnings_numbers_follow_the_values(town, django_capture_on_commit_callbacks):
    changed = "district;period;sgb2_quote\nOststadt;2024;15\n"
    import_and_commit(town, changed, django_capture_on_commit_callbacks)
    evidence = warning().evidence
    assert evidence["value"] == 15
    assert evidence["mean"] == pytest.approx(7.0)


def test_the_towns_threshold_is_followed_when_computed_again(town):
    SeismographSettings.objects.create(municipality=town, z_threshold=2.5, periods_against=4)
    result = recompute_warnings(town)
    assert result.withdrawn == 3
    assert {status for *_key, status in keys(town)} == {SignalStatus.WITHDRAWN}


def test_only_the_admins_and_the_system_compute(town, people):
    recompute_warnings(town, actor=people["admin"])
    with pytest.raises(PermissionDenied):
        recompute_warnings(town, actor=people["moderation"])


# --- telling the people who follow the field --------------------------------------------------------------


def test_the_people_who_follow_the_field_hear_of_a_new_warning(
    town, people, django_capture_on_commit_callbacks
):
    work = Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")
    notifications.set_following(people["expertin"], work, True)
    import_and_commit(town, YEAR_2025, django_capture_on_commit_callbacks)
    [told] = Notification.objects.filter(
        kind="seismograph.warning", recipient=people["expertin"].user, target_label__endswith="2025"
    )
    new = warnings_of(town, period="2025").get()
    assert told.target_id == new.pk
    assert told.target_label == "Innenstadt: SGB-II-Quote 2025"
    assert told.url == new.get_absolute_url()
    told_2025 = Notification.objects.filter(kind="seismograph.warning", target_label__endswith="2025")
    assert people["mitglied"].user.pk not in set(told_2025.values_list("recipient_id", flat=True))


def test_the_people_who_follow_the_district_hear_of_its_new_warning_once_even_if_they_follow_the_field(
    town, people, django_capture_on_commit_callbacks
):
    innenstadt = District.objects.get(municipality=town, name="Innenstadt")
    work = Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")
    notifications.set_following(people["mitglied"], innenstadt, True)
    notifications.set_following(people["expertin"], innenstadt, True)
    notifications.set_following(people["expertin"], work, True)
    notifications.set_following(
        people["moderation"], District.objects.get(municipality=town, name="Oststadt"), True
    )
    import_and_commit(town, YEAR_2025, django_capture_on_commit_callbacks)
    new = warnings_of(town, period="2025").get()
    told = Notification.objects.filter(kind="seismograph.warning", target_id=new.pk)
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted(
        [people["mitglied"].user.pk, people["expertin"].user.pk]
    )


def test_a_member_follows_a_district_on_its_page_and_is_told_so_in_the_pages_language(
    client_as, town, people
):
    oststadt = District.objects.get(municipality=town, name="Oststadt")
    client = client_as("mitglied")
    page = client.get(f"/ar/seismograph/stadtteile/{oststadt.pk}/").content.decode()
    assert f'/folgen/stadtteile/{oststadt.pk}/"' in page
    arabic = translated(oststadt, "name", "ar")
    assert arabic.lang == "ar"
    assert f'<span lang="ar">{arabic}</span>' in page  # the button says whom it follows, for screen readers
    answer = client.post(f"/folgen/stadtteile/{oststadt.pk}/", HTTP_REFERER="/ar/", follow=True)
    assert answer.redirect_chain[0][0] == f"/seismograph/stadtteile/{oststadt.pk}/"
    assert notifications.follows(people["mitglied"].user, oststadt)
    arabic_page = client.get(f"/ar/seismograph/stadtteile/{oststadt.pk}/").content.decode()
    assert "Nicht mehr folgen" not in arabic_page  # the button is the unfollow one, in Arabic
    client.post(f"/ar/folgen/stadtteile/{oststadt.pk}/", {"following": "0"})
    assert not notifications.follows(people["mitglied"].user, oststadt)


def test_telling_reads_the_followers_of_every_new_warning_in_one_query(
    town, people, django_assert_num_queries
):
    """However many warnings and districts: one query for the signals, one for all their followers."""
    for name in ("Innenstadt", "Oststadt", "Weststadt"):
        notifications.set_following(
            people["mitglied"], District.objects.get(municipality=town, name=name), True
        )
    added = list(warnings_of(town))
    assert len(added) >= 3
    with django_assert_num_queries(2 + len(added)):  # and one insert of the notifications per warning
        signal_services._tell_followers(added)


def test_a_warning_about_an_earlier_period_is_listed_but_not_sent(
    town, people, django_capture_on_commit_callbacks
):
    """Importing a town's history would otherwise send its followers a warning for every year since 2009."""
    work = Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")
    notifications.set_following(people["expertin"], work, True)
    history = "district;period;sgb2_quote\n" + "".join(
        f"{name};2019;{value}\n"
        for name, value in [
            ("Innenstadt", 3),
            ("Weststadt", 3),
            ("Südstadt", 3),
            ("Pattonville", 3),
            ("Oststadt", 9),
        ]
    )
    import_and_commit(town, history, django_capture_on_commit_callbacks)
    assert warnings_of(town, period="2019").exists()
    assert not Notification.objects.filter(kind="seismograph.warning", target_label__endswith="2019").exists()


# --- observations -------------------------------------------------------------------------------------------


def _place(town):
    return {
        "district": District.objects.get(municipality=town, name="Oststadt"),
        "field": Field.objects.get(municipality=town, slug="wohnen-und-leben"),
    }


def test_a_member_notes_an_observation_and_staff_enter_one_from_paper(town, people):
    mine = add_observation(
        town, author=people["mitglied"], text="Der Spielplatz ist seit Monaten zu.", **_place(town)
    )
    assert (mine.kind, mine.status, mine.author, mine.is_on_paper) == (
        SignalKind.OBSERVATION,
        OPEN,
        people["mitglied"],
        False,
    )
    paper = add_observation(
        town,
        author=people["moderation"],
        text="Viele Familien fragen nach Hausaufgabenhilfe.",
        paper_author="Frau K.",
        paper_occasion="in der Sprechstunde im Stadtteilzentrum",
        **_place(town),
    )
    assert paper.is_on_paper and paper.author == people["moderation"]
    with pytest.raises(PermissionDenied):
        add_observation(
            town,
            author=people["mitglied"],
            text="x",
            paper_author="Herr L.",
            paper_occasion="y",
            **_place(town),
        )


def test_a_visitor_and_another_towns_member_note_nothing(town, stranger):
    for someone in (None, stranger):
        with pytest.raises(PermissionDenied):
            add_observation(town, author=someone, text="x", **_place(town))


def test_an_observation_is_moderated_like_every_text(client_as, town, people):
    item = observation()
    moderation.flag(item, reporter=people["expertin"], reason="Nennt eine Person.")
    moderation.hide(item, moderator=people["moderation"], reason="Nennt eine Person.")
    member_page = client_as("multiplikator").get(item.get_absolute_url()).content.decode()
    assert "ausgeblendet durch die Moderation: Nennt eine Person." in member_page
    assert OBSERVATION not in member_page
    assert OBSERVATION not in client_as("multiplikator").get("/seismograph/signale/").content.decode()
    assert OBSERVATION in client_as("moderation").get(item.get_absolute_url()).content.decode()


# --- deciding ------------------------------------------------------------------------------------------------


def test_a_moderator_takes_a_warning_into_a_closed_stocktaking_as_a_problem(town, people):
    item = warning()
    stage = Stage.objects.get(field=item.field, kind="stocktaking")
    assert not stage.is_open  # the demo's stocktaking of "Wirtschaft und berufliche Bildung" has ended
    finding = make_finding(
        item,
        actor=people["moderation"],
        title="Präventionsmöglichkeit prüfen: Oststadt",
        body="Die Quote steigt.",
    )
    item.refresh_from_db()
    assert (item.status, item.finding, item.decided_by) == (
        SignalStatus.FINDING,
        finding,
        people["moderation"],
    )
    assert (finding.stage, finding.kind, finding.finding_kind) == (stage, "finding", FindingKind.PROBLEM)
    assert finding.paper_author == SOURCE_NAME and finding.author == people["moderation"]
    assert list(finding.districts.all()) == [item.district]
    assert AuditEntry.objects.filter(action="signal.finding", target_id=item.pk).exists()


def test_a_signal_in_a_running_stocktaking_and_an_observation_become_findings_too(town, people):
    finding = make_finding(
        warning(key="fluktuation"), actor=people["admin"], title="Fluktuation", body="Hoch."
    )
    assert finding.stage.is_open
    from_observation = make_finding(
        observation(), actor=people["moderation"], title="Treffpunkt", body="Leer."
    )
    assert from_observation.field.slug == "wohnen-und-leben"


def test_a_signal_is_taken_up_once(town, people):
    item = warning()
    stale = warning()
    make_finding(item, actor=people["moderation"], title="Einmal", body="Text.")
    with pytest.raises(ValidationError, match="inzwischen entschieden"):
        make_finding(stale, actor=people["admin"], title="Zweimal", body="Text.")
    with pytest.raises(PermissionDenied):
        make_finding(warning(), actor=people["admin"], title="Dreimal", body="Text.")
    assert Contribution.objects.filter(paper_author=SOURCE_NAME).count() == 1


def test_only_staff_take_a_signal_up_or_dismiss_it(people):
    for person in ("mitglied", "expertin", "multiplikator"):
        with pytest.raises(PermissionDenied):
            make_finding(warning(), actor=people[person], title="x", body="y")
        with pytest.raises(PermissionDenied):
            dismiss_signal(warning(), actor=people[person], reason="x")


def test_the_finding_and_the_signal_point_at_each_other(client_as, town, people):
    item = warning()
    finding = make_finding(
        item, actor=people["moderation"], title="Präventionsmöglichkeit prüfen", body="Text."
    )
    member_page = client_as("mitglied").get(finding.get_absolute_url()).content.decode()
    assert "aus dem Seismographen:" in member_page
    assert f'href="{item.get_absolute_url()}"' in member_page
    public_page = client_as(None).get(finding.get_absolute_url()).content.decode()
    assert "aus dem Seismographen: Warnsignal" in public_page
    assert item.get_absolute_url() not in public_page  # the signal is the town's people's
    signal_page = client_as("mitglied").get(item.get_absolute_url()).content.decode()
    assert "Als Befund übernommen" in signal_page and finding.get_absolute_url() in signal_page


def test_the_finding_form_offers_the_reason_in_the_towns_words(client_as):
    page = client_as("moderation").get(f"/seismograph/signale/{warning().pk}/befund/").content.decode()
    assert "Präventionsmöglichkeit prüfen: Oststadt · SGB-II-Quote · 2024" in page
    assert "Die Bestandsaufnahme ist gerade nicht geöffnet; der Befund kommt trotzdem hinein." in page


def test_dismissing_asks_first_and_needs_a_reason(client_as):
    item = warning()
    url = f"/seismograph/signale/{item.pk}/verwerfen/"
    client = client_as("moderation")
    asked = client.get(url).content.decode()
    assert "Signal verwerfen?" in asked and "Ja, verwerfen" in asked
    assert warning().status == OPEN
    assert client.post(url, {"reason": "  "}).status_code == 400
    assert warning().status == OPEN
    response = client.post(url, {"reason": "Eine neue Unterkunft; das ist bekannt."})
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert warning().status == SignalStatus.DISMISSED
    assert "Eine neue Unterkunft; das ist bekannt." in client.get(item.get_absolute_url()).content.decode()


# --- the pages --------------------------------------------------------------------------------------------------


def test_a_warning_is_named_by_the_periods_its_numbers_speak_of(client_as, town):
    """The standardised score speaks of one period; a run against the town of all it spans."""
    client = client_as("mitglied")
    single = client.get(warning().get_absolute_url()).content.decode()
    run = client.get(warning(rule=SignalRule.AGAINST_TOWN).get_absolute_url()).content.decode()
    assert '<h1 class="kern-heading-x-large" id="signal-titel">Oststadt · SGB-II-Quote · 2024</h1>' in single
    assert (
        '<h1 class="kern-heading-x-large" id="signal-titel">Oststadt · SGB-II-Quote · 2021–2024</h1>' in run
    )


def test_the_list_filters_by_district_field_and_kind(client_as, town):
    client = client_as("mitglied")
    oststadt = District.objects.get(municipality=town, name="Oststadt").pk
    everything = client.get("/seismograph/signale/").content.decode()
    assert "Oststadt · SGB-II-Quote · 2024" in everything and OBSERVATION in everything
    in_oststadt = client.get(f"/seismograph/signale/?stadtteil={oststadt}").content.decode()
    assert (
        "Oststadt · SGB-II-Quote · 2024" in in_oststadt
        and "Südstadt" not in in_oststadt.split("Offene Signale")[1]
    )
    housing = client.get("/seismograph/signale/?feld=wohnen-und-leben&art=observation").content.decode()
    assert OBSERVATION in housing and "Fluktuation · 2024" not in housing
    decided = client.get("/seismograph/signale/?stand=erledigt").content.decode()
    assert "Noch ist über kein Signal entschieden." in decided


def test_a_warning_links_to_the_dashboards_pages_of_its_indicator_and_district(client_as):
    item = warning()
    page = client_as("mitglied").get(item.get_absolute_url()).content.decode()
    try:
        indicator_url = reverse("seismograph:indicator", args=["sgb2_quote"])
        district_url = reverse("seismograph:district", args=[item.district_id])
    except NoReverseMatch:
        pytest.skip("the dashboard's pages are not on this branch yet")
    assert f'href="{indicator_url}"' in page and f'href="{district_url}"' in page


def test_a_warning_shows_its_numbers_as_a_table(client_as):
    page = (
        client_as("mitglied").get(warning(rule=SignalRule.AGAINST_TOWN).get_absolute_url()).content.decode()
    )
    assert "3 Zeiträume in Folge gestiegen, während der Durchschnitt der Stadtteile gesunken ist" in page
    assert "+7,0" in page and "−1,0" in page  # 2023 → 2024: Oststadt up, the districts' mean down


# --- personal data ---------------------------------------------------------------------------------------------


def test_a_persons_observations_are_in_their_data_and_go_when_they_erase_their_account(town, people):
    member, item = people["mitglied"], observation()
    [section] = [each for each in export(member) if each["model"] == "seismograph.Signal"]
    assert section["values"][0]["text"] == OBSERVATION
    erase(member, actor=member, remove_texts=True)
    item.refresh_from_db()
    assert item.text == "" and item.status == SignalStatus.DISMISSED
    assert item.author.user.email.startswith("ehemalige+")
