"""Limits against abuse: contributions, comments, supports and reports per member and hour, set by the town.

Up to the limit everything goes through; past it the member gets a clear message (at the form,
status 400; a support button without JavaScript: status 429), and nothing is written. The hour
slides; every member has their own count; the town's staff are not limited.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from ankommen.accounts.models import Member
from ankommen.concept.models import Stage
from ankommen.core import limits, moderation
from ankommen.core.models import AuditEntry, Flag, Municipality
from ankommen.dialogue import services
from ankommen.dialogue.models import Comment, Contribution, Support

OPEN_FINDING = "Begegnungscafé im Stadtteilzentrum"
OPTION = "Beratungstag zur Anerkennung von Abschlüssen"


@pytest.fixture
def start():
    """A fixed moment the tests travel from (the hour slides from there)."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def _limit(town, **values):
    Municipality.objects.filter(pk=town.pk).update(**values)


def _member(people, name):
    """A fresh copy of the member, reading the town's limits as they are now."""
    return Member.objects.select_related("user").get(pk=people[name].pk)


@pytest.fixture
def finding(town):
    return Contribution.objects.get(municipality=town, title=OPEN_FINDING)


@pytest.fixture
def stocktaking(town):
    return Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")


def _add_finding(stage, author, number):
    return services.add_contribution(
        stage, author=author, finding_kind="need", title=f"Befund {number}", body="Ein Text."
    )


def test_comments_up_to_the_limit_go_through_and_the_next_is_refused(town, people, finding, start):
    _limit(town, limit_comments=3)
    member = _member(people, "mitglied")
    for number in range(3):
        services.add_comment(finding, author=member, body=f"Kommentar {number}")
    before = (Comment.objects.count(), Contribution.objects.get(pk=finding.pk).comment_count)
    with pytest.raises(limits.LimitReached) as refused:
        services.add_comment(finding, author=member, body="Einer zu viel")
    assert "schon 3 Kommentare geschrieben" in refused.value.messages[0]
    assert (Comment.objects.count(), Contribution.objects.get(pk=finding.pk).comment_count) == before


def test_the_hour_slides(town, people, finding, start):
    _limit(town, limit_comments=2)
    member = _member(people, "mitglied")
    services.add_comment(finding, author=member, body="Um eins")
    start.shift(timedelta(minutes=30))
    services.add_comment(finding, author=member, body="Um halb zwei")
    start.shift(timedelta(minutes=29))
    with pytest.raises(limits.LimitReached):
        services.add_comment(finding, author=member, body="Zu früh")
    start.shift(timedelta(minutes=2))  # the first is now more than an hour ago
    services.add_comment(finding, author=member, body="Wieder erlaubt")
    with pytest.raises(limits.LimitReached):
        services.add_comment(finding, author=member, body="Wieder zu viel")
    assert not Comment.objects.filter(body__in=["Zu früh", "Wieder zu viel"]).exists()


def test_each_member_has_their_own_count(town, people, finding, start):
    _limit(town, limit_comments=1)
    services.add_comment(finding, author=_member(people, "mitglied"), body="Von Mitglied")
    services.add_comment(finding, author=_member(people, "expertin"), body="Von Expertin")
    with pytest.raises(limits.LimitReached):
        services.add_comment(finding, author=_member(people, "mitglied"), body="Noch einer")


def test_the_message_says_when_to_try_again(town, people, finding, start):
    _limit(town, limit_comments=1)
    member = _member(people, "mitglied")
    services.add_comment(finding, author=member, body="Erster")
    with pytest.raises(limits.LimitReached) as refused:
        services.add_comment(finding, author=member, body="Zweiter")
    again = timezone.localtime(timezone.now() + timedelta(hours=1))
    assert f"Bitte versuchen Sie es ab {again:%H:%M} Uhr wieder." in refused.value.messages[0]
    assert "schon 1 Kommentar geschrieben" in refused.value.messages[0]


def test_staff_are_not_limited(town, people, stocktaking, start):
    """They enter what was handed in on paper after a workshop, many at once."""
    _limit(town, limit_contributions=1)
    admin = _member(people, "admin")
    for number in range(3):
        services.add_contribution(
            stocktaking,
            author=admin,
            finding_kind="need",
            title=f"Vom Workshop {number}",
            body="Auf Papier.",
            paper_author="Frau S.",
            paper_occasion="Workshop Wohnen",
        )
    assert Contribution.objects.filter(title__startswith="Vom Workshop").count() == 3


def test_contributions_are_limited(town, people, stocktaking, start):
    _limit(town, limit_contributions=2)
    expert = _member(people, "expertin")
    _add_finding(stocktaking, expert, 1)
    _add_finding(stocktaking, expert, 2)
    before = Contribution.objects.count()
    with pytest.raises(limits.LimitReached):
        _add_finding(stocktaking, expert, 3)
    assert Contribution.objects.count() == before


def test_supports_and_their_withdrawals_are_limited(town, people, start):
    _limit(town, limit_supports=3)
    member = _member(people, "mitglied")
    option = Contribution.objects.get(municipality=town, title=OPTION)
    Support.objects.filter(contribution=option, member=member).delete()
    services.support(option, member=member)
    services.withdraw_support(option, member=member)
    services.support(option, member=member)
    count = Contribution.objects.get(pk=option.pk).support_count
    with pytest.raises(limits.LimitReached):
        services.withdraw_support(option, member=member)
    assert Support.objects.filter(contribution=option, member=member).exists()
    assert Contribution.objects.get(pk=option.pk).support_count == count


def test_reports_are_limited(town, people, finding, start):
    _limit(town, limit_reports=1)
    member = _member(people, "mitglied")
    moderation.flag(finding, reporter=member, reason="Werbung")
    other = Contribution.objects.get(municipality=town, title=OPTION)
    before = Flag.objects.count()
    with pytest.raises(limits.LimitReached):
        moderation.flag(other, reporter=member, reason="Beleidigend")
    assert Flag.objects.count() == before


# --- what a person sees ------------------------------------------------------------------------


def test_comment_form_past_the_limit_answers_400_with_the_message(client_as, town, finding, start):
    _limit(town, limit_comments=1)
    client = client_as("mitglied")
    assert client.post(finding.get_absolute_url(), {"body": "Erster"}).status_code == 302
    before = Comment.objects.count()
    response = client.post(finding.get_absolute_url(), {"body": "Zweiter"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "schon 1 Kommentar geschrieben" in page
    assert 'class="kern-alert kern-alert--danger form-errors"' in page
    assert Comment.objects.count() == before


def test_contribution_form_past_the_limit_answers_400_with_the_message(client_as, town, stocktaking, start):
    _limit(town, limit_contributions=1)
    client = client_as("expertin")
    url = f"/handlungsfelder/wohnen-und-leben/stufen/{stocktaking.pk}/beitragen/"
    data = {"finding_kind": "need", "title": "Erster", "body": "Text"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "title": "Zweiter"})
    assert response.status_code == 400
    assert "schon 1 Beitrag eingebracht" in response.content.decode()
    assert not Contribution.objects.filter(title="Zweiter").exists()


def test_report_form_past_the_limit_answers_400_with_the_message(client_as, town, finding, start):
    _limit(town, limit_reports=1)
    client = client_as("mitglied")
    assert client.post(f"/beitraege/{finding.pk}/melden/", {"reason": "Werbung"}).status_code == 302
    other = Contribution.objects.get(municipality=town, title=OPTION)
    before = Flag.objects.count()
    response = client.post(f"/beitraege/{other.pk}/melden/", {"reason": "Beleidigend"})
    assert response.status_code == 400
    assert "schon 1 Meldung gesendet" in response.content.decode()
    assert Flag.objects.count() == before


def test_support_button_past_the_limit(client_as, town, start):
    _limit(town, limit_supports=1)
    option = Contribution.objects.get(municipality=town, title=OPTION)
    client = client_as("mitglied")
    Support.objects.filter(contribution=option, member__user__email__startswith="mitglied@").delete()
    url = f"/beitraege/{option.pk}/unterstuetzen/"
    assert client.post(url).status_code == 302
    rows = Support.objects.count()
    without_javascript = client.post(url, {"withdraw": "1"})
    assert without_javascript.status_code == 429
    assert "Mehr lässt die Kommune in einer Stunde nicht zu." in without_javascript.content.decode()
    with_htmx = client.post(url, {"withdraw": "1"}, headers={"HX-Request": "true"})
    assert with_htmx.status_code == 200  # htmx swaps only a success: the message takes the button's place
    assert 'role="alert"' in with_htmx.content.decode()
    assert Support.objects.count() == rows


# --- the town sets its limits ------------------------------------------------------------------


LIMITS = {"limit_contributions": 5, "limit_comments": 15, "limit_supports": 50, "limit_reports": 3}


def test_admin_sets_the_limits(client_as, town):
    client = client_as("admin")
    page = client.get("/verwaltung/grenzen/").content.decode()
    assert "Grenzen gegen Missbrauch" in page
    assert 'value="20"' in page  # the default for contributions
    response = client.post("/verwaltung/grenzen/", LIMITS)
    assert response.status_code == 302
    town.refresh_from_db()
    assert {name: getattr(town, name) for name in LIMITS} == LIMITS
    entry = AuditEntry.objects.get(action="town.limits_changed")
    assert entry.action_label == "Grenzen gegen Missbrauch geändert"


def test_the_hub_links_to_the_limits(client_as):
    assert "/verwaltung/grenzen/" in client_as("admin").get("/verwaltung/").content.decode()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Dieses Feld ist zwingend erforderlich."),
        ("0", "größer oder gleich 1"),
        ("-3", "größer oder gleich"),
        ("1001", "kleiner oder gleich 1000"),
        ("zehn", "ganze Zahl"),
        ("<b>5</b>", "ganze Zahl"),
    ],
)
def test_bad_limits_are_refused_with_a_message(client_as, town, value, message):
    response = client_as("admin").post("/verwaltung/grenzen/", {**LIMITS, "limit_comments": value})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'id="id_limit_comments_error"' in page
    town.refresh_from_db()
    assert town.limit_comments == 60
    assert town.limit_contributions == 20
    assert not AuditEntry.objects.filter(action="town.limits_changed").exists()
