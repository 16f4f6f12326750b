"""The crawl: every page of the product, for every role, in every language of the demo town.

Each page is visited once per language, and that visit checks everything at once: axe-core
(WCAG 2.0/2.1 A and AA), no sideways scrolling at 320 CSS px, the page's language and direction
(right-to-left pages start their navigation at the right; Leichte Sprache keeps words whole and
lines apart), and the HTML the server sent (the Nu Html Checker, once per test over all its
pages, in German and Arabic: `HTML_CHECKED`). A form's error state is a page of its own and is checked the same way. The languages
are those that differ in script, font or direction (`LANGUAGES`). Each role's crawl
runs in a few tests, each over some of the languages (`CRAWLS`): it logs in once and reports every
finding of every page at once.

A page joins by its line in its role's list: `_visitor_pages`, `_member_pages`, `_admin_pages` and
the others in `ROLES`; an app with many pages gives them a function of its own, spliced into the
role's list like `*_council_pages()` and `*_admin_council_pages()`.

The states a crawl cannot reach by address (a link from a mail, an htmx swap, a missing CSRF
cookie) are checked in test_accessibility.py.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The one-form pages' submit button; the contribution page has more than one form.
FORM = "main form.form-narrow[method=post] button[type=submit]"
COMMENT_FORM = "main form.form-narrow[method=post]:has(textarea) button[type=submit]"
ARABIC_SCRIPT_FONTS = {"ar": "noto-sans-arabic", "fa": "vazirmatn"}


@dataclass(frozen=True)
class Page:
    path: str
    status: int = 200
    # A form sent as it is (after `fill`: {input name: value}) must answer 400 with its errors.
    submit: str | None = None
    fill: tuple = ()


def _contribution(title):
    from ankommen.dialogue.models import Contribution

    return Contribution.objects.get(title=title, municipality__slug="kornwestheim")


def _planned_stage(slug):
    from ankommen.concept.models import Stage

    return Stage.objects.filter(
        field__slug=slug, field__municipality__slug="kornwestheim", status="planned"
    ).first()


def _open_stage(slug):
    from ankommen.concept.models import Stage

    return Stage.objects.get(field__slug=slug, field__municipality__slug="kornwestheim", status="open")


def _unsubscribe_link(people):
    from ankommen.core import notifications

    member = people["mitglied"]
    return reverse(
        "core:unsubscribe",
        args=[notifications.unsubscribe_token(member.user, member.municipality, "replies")],
    )


def _call(start):
    from ankommen.circle.models import Call

    return Call.objects.get(municipality__slug="kornwestheim", title__startswith=start)


def _visitor_pages(people):
    from ankommen.accounts.models import Invitation

    invitation = Invitation.objects.create(
        municipality=people["admin"].municipality,
        email="neu@example.org",
        role="expert",
        message="Wir freuen uns auf Ihre Erfahrung aus der Wohnungslosenhilfe.",
        invited_by=people["admin"].user,
    )
    for_an_account = Invitation.objects.create(
        municipality=people["admin"].municipality,
        email=people["mitglied"].user.email,
        role="expert",
        invited_by=people["admin"].user,
    )
    housing = _contribution("Lange Wartezeiten auf eine Sozialwohnung")  # with a hidden comment
    return [
        Page("/"),
        Page("/handlungsfelder/wirtschaft-und-berufliche-bildung/"),
        Page("/handlungsfelder/wohnen-und-leben/?finding_kind=problem"),
        Page("/handlungsfelder/fruehkindliche-und-schulische-bildung/"),
        Page(housing.get_absolute_url()),
        Page(reverse("accounts:invitation", args=[invitation.token])),
        Page(reverse("accounts:invitation", args=[for_an_account.token])),  # log in there and accept
        Page(_unsubscribe_link(people)),  # from a mail, without logging in
        Page("/gibt-es-nicht/", status=404),
        *(
            Page(reverse(f"legal:{name}"))
            for name in ("imprint", "privacy", "terms", "accessibility", "easy_language", "sign_language")
        ),
        Page(reverse("legal:report_barrier"), submit=FORM),
        Page(reverse("core:languages")),
        Page(reverse("concept:help")),
        Page(reverse("concept:help_page", args=["sprachen"])),
        Page(reverse("concept:help_page", args=["mitmachen"])),
        Page("/konto/login/"),
        Page("/konto/signup/"),
        Page("/konto/password/reset/"),
        Page(reverse("circle:calls")),
        Page(_call("Gesucht: Begleitung").get_absolute_url(), submit=FORM),
        Page(reverse("circle:organisations")),
        Page(reverse("circle:organisation", args=["tanzwerkstatt"])),
        Page(reverse("circle:member", args=[people["leyla.ahmadi"].pk])),
        *_council_pages(),
        *_event_pages(),
        *_seismograph_pages(),
        *_story_pages(),
    ]


def _events():
    """The demo's events the crawl visits: one to register for, one with minutes, the conference."""
    from ankommen.events.models import Event, MinutesPoint

    events = Event.objects.filter(municipality__slug="kornwestheim", published_at__isnull=False)
    now = timezone.now()
    upcoming = events.filter(starts_at__gt=now, cancelled_at__isnull=True, registration=True, kind="session")
    point = (
        MinutesPoint.objects.filter(
            agenda_item__event__municipality__slug="kornwestheim",
            agenda_item__event__stage__status="open",
            finding__isnull=True,
        )
        .select_related("agenda_item__event")
        .first()
    )
    return {
        "upcoming": upcoming.order_by("starts_at").first(),
        "minutes": point.agenda_item.event,
        "point": point,
        "conference": events.filter(kind="conference", starts_at__gt=now).first(),
    }


def _event_pages():
    found = _events()
    today = timezone.localdate()
    return [
        Page(reverse("events:calendar")),
        Page(reverse("events:calendar") + "?feld=wohnen-und-leben&art=session"),
        Page(reverse("events:month", args=[today.year, today.month])),
        Page(found["upcoming"].get_absolute_url()),
        Page(found["minutes"].get_absolute_url()),
        Page(found["conference"].get_absolute_url()),
        Page(reverse("events:programme", args=[found["conference"].slug])),
    ]


def _member_event_pages():
    found = _events()
    return [
        Page(reverse("events:register", args=[found["upcoming"].slug])),
        Page(reverse("events:my_registrations")),
    ]


def _admin_event_pages():
    from ankommen.events.models import Registration, Session, Speaker, Venue

    found = _events()
    upcoming, minutes, conference = found["upcoming"], found["minutes"], found["conference"]
    registration = Registration.objects.filter(event=upcoming, status="confirmed").first()
    item = found["point"].agenda_item
    session = Session.objects.filter(event=conference).first()
    venue = Venue.objects.filter(municipality__slug="kornwestheim").first()
    speaker = Speaker.objects.filter(municipality__slug="kornwestheim").first()
    return [
        Page(reverse("events:manage")),
        Page(reverse("events:event_new"), submit=FORM),
        Page(reverse("events:event_edit", args=[upcoming.slug])),
        Page(reverse("events:event_cancel", args=[upcoming.slug])),
        Page(reverse("events:attendees", args=[upcoming.slug])),
        Page(reverse("events:register_contact", args=[upcoming.slug]), submit=FORM),
        Page(reverse("events:paper_list", args=[minutes.slug]), submit=FORM),
        Page(reverse("events:checkin", args=[upcoming.slug])),
        Page(reverse("events:checkin_token", args=[registration.checkin_token])),
        Page(reverse("events:agenda", args=[minutes.slug])),
        Page(reverse("events:agenda_item_edit", args=[minutes.slug, item.pk])),
        Page(reverse("events:minutes", args=[minutes.slug, item.pk])),
        Page(reverse("events:make_finding", args=[found["point"].pk])),
        Page(reverse("events:programme_edit", args=[conference.slug])),
        Page(reverse("events:session_new", args=[conference.slug])),
        Page(reverse("events:session_edit", args=[conference.slug, session.pk])),
        Page(reverse("events:room_new", args=[conference.slug])),
        Page(reverse("events:venues")),
        Page(reverse("events:venue_new"), submit=FORM),
        Page(reverse("events:venue_edit", args=[venue.slug])),
        Page(reverse("events:speakers")),
        Page(reverse("events:speaker_new"), submit=FORM),
        Page(reverse("events:speaker_edit", args=[speaker.slug])),
    ]


def _stories():
    """The demo's stories the crawl visits: a published one, one told in Arabic, the member's own, a brochure."""
    from ankommen.stories.models import Brochure, Consent, Story

    stories = Story.objects.filter(municipality__slug="kornwestheim")
    public = stories.public().order_by("id")
    own = stories.filter(storyteller__user__email__startswith="mitglied@").first()
    return {
        "public": public.filter(kind="interview").first() or public.first(),
        "arabic": public.filter(original_language__in=["ar", "fa"]).first(),
        "own": own,
        "consent": Consent.objects.filter(story=own, withdrawn_at=None).first(),
        "brochure": Brochure.objects.filter(municipality__slug="kornwestheim").first(),
    }


def _story_pages():
    found = _stories()
    return [
        Page(reverse("stories:list")),
        Page(reverse("stories:list") + "?thema=arbeit&feld=wirtschaft-und-berufliche-bildung"),
        Page(found["public"].get_absolute_url()),
        Page(found["arabic"].get_absolute_url()),
    ]


def _member_story_pages():
    found = _stories()
    return [
        Page(reverse("stories:mine")),
        Page(reverse("stories:consent_give", args=[found["own"].slug, "press"]), submit=FORM),
        Page(reverse("stories:consent_withdraw", args=[found["consent"].pk])),
        # Her story is published: its texts are the editors' now, and the page says who may.
        Page(reverse("stories:story_edit", args=[found["own"].slug]), status=403),
    ]


def _admin_story_pages():
    found = _stories()
    public, brochure = found["public"], found["brochure"]
    return [
        Page(reverse("stories:manage")),
        Page(reverse("stories:story_new"), submit=FORM),
        Page(reverse("stories:story_edit", args=[public.slug])),
        Page(reverse("stories:story_photo", args=[public.slug]), submit=FORM),
        Page(reverse("stories:story_unpublish", args=[public.slug])),
        Page(reverse("stories:consents", args=[public.slug])),
        Page(reverse("stories:consent_new", args=[public.slug]), submit=FORM),
        Page(reverse("stories:brochures")),
        Page(reverse("stories:brochure_new"), submit=FORM),
        Page(reverse("stories:brochure", args=[brochure.pk])),
        Page(reverse("stories:brochure_edit", args=[brochure.pk])),
        Page(reverse("stories:brochure_unpublish", args=[brochure.pk])),
    ]


def _seismograph():
    """The demo's Seismograph the crawl visits: a district with a boundary, an indicator, an open warning."""
    from ankommen.seismograph.models import DistrictShape, Indicator, Signal

    shape = DistrictShape.objects.filter(municipality__slug="kornwestheim").select_related("district").first()
    return {
        "district": shape.district,
        "indicator": Indicator.objects.get(municipality__slug="kornwestheim", key="sgb2_quote"),
        "warning": Signal.objects.filter(municipality__slug="kornwestheim").warnings().open().first(),
    }


def _seismograph_pages():
    found = _seismograph()
    overview = reverse("seismograph:overview")
    return [
        Page(overview),
        Page(f"{overview}?indikator=sgb2_quote&einteilung=quantile"),
        Page(reverse("seismograph:district", args=[found["district"].pk])),
        Page(reverse("seismograph:indicator", args=[found["indicator"].key])),
        Page(reverse("seismograph:segregation")),
    ]


def _member_seismograph_pages():
    return [
        Page(reverse("seismograph:signals")),
        Page(reverse("seismograph:signal", args=[_seismograph()["warning"].pk])),
        Page(reverse("seismograph:observation_new"), submit=FORM),
    ]


def _admin_seismograph_pages():
    found = _seismograph()
    district, warning = found["district"], found["warning"]
    return [
        Page(reverse("seismograph:manage")),
        Page(reverse("seismograph:manage_districts")),
        Page(reverse("seismograph:manage_district_new"), submit=FORM),
        Page(reverse("seismograph:manage_district_edit", args=[district.pk])),
        Page(reverse("seismograph:manage_district_shape", args=[district.pk])),
        Page(reverse("seismograph:manage_indicators")),
        Page(reverse("seismograph:manage_indicator_edit", args=[found["indicator"].pk])),
        Page(reverse("seismograph:manage_imports")),
        Page(reverse("seismograph:manage_import")),
        Page(reverse("seismograph:manage_thresholds")),
        Page(reverse("seismograph:signal_finding", args=[warning.pk])),
        Page(reverse("seismograph:signal_dismiss", args=[warning.pk])),
    ]


def _submission(reference):
    from ankommen.council.models import Submission

    return Submission.objects.get(municipality__slug="kornwestheim", reference=reference)


def _first_meeting():
    from ankommen.council.models import Meeting

    return Meeting.objects.filter(municipality__slug="kornwestheim").order_by("start").first()


def _council_pages():
    from ankommen.council.models import Committee, Measure

    late = Measure.objects.get(municipality__slug="kornwestheim", slug__startswith="ankommensgeschichten")
    return [
        Page(reverse("council:overview")),
        Page(_submission("2017/045").get_absolute_url()),
        Page(_first_meeting().get_absolute_url()),
        Page(Committee.objects.get(municipality__slug="kornwestheim", short_name="ASI").get_absolute_url()),
        Page(reverse("council:measures")),
        Page(late.get_absolute_url()),
    ]


def _member_pages(people):
    neighbourhood = _contribution("Nachbarschaftshilfe in der Weststadt trägt")
    return [
        Page(neighbourhood.get_absolute_url(), submit=COMMENT_FORM),
        Page(reverse("core:flag", args=["beitraege", neighbourhood.pk]), submit=FORM),
        Page(reverse("accounts:profile")),
        Page(reverse("accounts:my_data")),
        Page(reverse("core:notifications")),
        Page(reverse("core:notification_settings")),
        Page(reverse("council:my_cosignatures")),
        Page(reverse("accounts:erase_account"), submit=FORM),  # empty: the password is asked, nothing erased
        Page("/konto/email/"),
        Page("/konto/password/change/"),
        Page(reverse("core:administration"), status=403),
        Page(reverse("circle:profile_edit")),
        Page(reverse("circle:languages"), submit=FORM),  # no level chosen: the form says so
        Page(reverse("circle:preview") + "?als=verwaltung"),
        Page(reverse("circle:my_calls")),
        Page(reverse("circle:invitation_accept", args=[_asked("mitglied").pk])),
        Page(_call("Gesucht: Menschen, die kreativ").get_absolute_url()),
        *_member_event_pages(),
        *_member_seismograph_pages(),
        *_member_story_pages(),
        Page("/konto/logout/"),
    ]


def _asked(local_part):
    from ankommen.circle.models import CallInvitation

    return CallInvitation.objects.get(
        member__user__email__startswith=f"{local_part}@", call__title__startswith="Gesucht: Hausaufgaben"
    )


def _expert_pages(people):
    stage = _open_stage("wohnen-und-leben")
    return [Page(reverse("dialogue:add", args=[stage.field.slug, stage.pk]), submit=FORM)]


def _moderator_pages(people):
    from ankommen.dialogue.models import Comment

    housing = _contribution("Lange Wartezeiten auf eine Sozialwohnung")
    café = _contribution("Begegnungscafé im Stadtteilzentrum")  # reported in the demo
    comment = Comment.objects.filter(contribution=housing, hidden_at__isnull=True).first()
    return [
        Page(reverse("core:moderation")),
        Page(reverse("core:moderation_handled")),
        Page(housing.get_absolute_url()),  # moderators see the hidden comment's text
        Page(reverse("core:hide", args=["kommentare", comment.pk])),
        Page(reverse("core:hide", args=["beitraege", café.pk]), submit=FORM),
        Page(reverse("legal:barrier_queue")),
        Page(reverse("circle:member_search") + "?sector=kultur"),
    ]


def _waiting_request():
    from ankommen.accounts.models import JoinRequest

    return JoinRequest.objects.filter(municipality__slug="kornwestheim", decided_at=None).first()


def _asking_pages(people):
    """A person who asked to join the demo town and waits: their request, and a change of it left empty."""
    return [Page(reverse("accounts:join"), submit=FORM, fill=(("motivation", ""),))]


def _admin_pages(people):
    stage = _open_stage("wohnen-und-leben")
    today = timezone.localdate()
    backwards = (("starts_on", today.isoformat()), ("ends_on", (today - timedelta(days=1)).isoformat()))
    return [
        Page(reverse("core:administration")),
        Page(reverse("concept:fields")),
        Page(reverse("concept:field_create"), submit=FORM),
        Page(reverse("concept:field_edit", args=["wohnen-und-leben"])),
        Page(
            reverse("concept:stage_create", args=["wohnen-und-leben"]) + "?kind=decision",
            submit=FORM,
            fill=backwards,
        ),
        Page(reverse("concept:stage_edit", args=[stage.pk])),
        # Opening the planned stage while the other runs: the confirmation naming the one that closes.
        Page(reverse("concept:stage_open", args=[_planned_stage("wohnen-und-leben").pk])),
        Page(reverse("concept:help_manage")),
        Page(reverse("concept:help_page_create"), submit=FORM),
        Page(reverse("accounts:members")),
        Page(reverse("accounts:invite"), submit=FORM),
        Page(reverse("accounts:member_edit", args=[people["multiplikator"].pk])),
        Page(reverse("accounts:members") + "?text=e&role=multiplier&sector=&state=active"),
        Page(reverse("accounts:members") + "?role=kaiser", status=400),
        Page(reverse("accounts:member_deactivate", args=[people["nachbarschaft"].pk])),
        Page(reverse("accounts:join_requests")),
        Page(reverse("accounts:join_request_decline", args=[_waiting_request().pk])),
        Page(reverse("concept:field_archive", args=["wohnen-und-leben"])),
        Page(reverse("concept:stage_archive", args=[stage.pk])),
        Page(reverse("core:audit")),
        Page(reverse("core:audit") + "?action=member.invited"),
        *(
            Page(reverse(f"legal:{name}"))
            for name in ("manage", "imprint_edit", "privacy_edit", "accessibility_edit", "easy_language_edit")
        ),
        Page(reverse("legal:sign_language_edit", args=["inhalte"])),
        Page(reverse("core:town_languages")),
        *_admin_circle_pages(),
        *_admin_council_pages(),
        *_admin_event_pages(),
        *_admin_seismograph_pages(),
        *_admin_story_pages(),
    ]


def _import_run():
    """A finished import with a quirk in its log (the demo imports nothing)."""
    from ankommen.core.models import Municipality
    from ankommen.council.models import ImportRun

    run, _ = ImportRun.objects.get_or_create(
        municipality=Municipality.objects.get(slug="kornwestheim"),
        url="https://ratsinfo.example.org/oparl/v1.1/",
        defaults={
            "status": "done",
            "counts": {
                "paper": {"read": 3, "created": 3, "updated": 0, "unchanged": 0, "deleted": 0, "skipped": 0}
            },
            "log": "Liste person: der Server antwortet 404, gelesen als leere Liste.",
        },
    )
    return run


def _admin_council_pages():
    from ankommen.council.models import Committee, Decision, Measure, Submission

    draft = Submission.objects.get(
        municipality__slug="kornwestheim", subject__startswith="Ausbildungspatenschaften"
    )
    report = Submission.objects.get(municipality__slug="kornwestheim", subject__startswith="Jahresbericht")
    seed_decision = Decision.objects.get(consultation__submission=_submission("2017/045"))
    personnel = Decision.objects.get(consultation__submission=_submission("2017/047"))
    committee = Committee.objects.get(municipality__slug="kornwestheim", short_name="ASI")
    meeting = _first_meeting()
    return [
        Page(reverse("council:overview")),
        Page(draft.get_absolute_url()),
        Page(_submission("2017/046").get_absolute_url()),
        Page(reverse("council:submission_new") + "?feld=wirtschaft-und-berufliche-bildung"),
        Page(reverse("council:submission_new"), submit=FORM, fill=(("subject", ""),)),
        Page(reverse("council:submission_edit", args=[draft.pk])),
        Page(reverse("council:submission_versions", args=[draft.pk])),
        Page(reverse("council:consultation_new", args=[draft.pk]), submit=FORM),
        Page(reverse("council:attachment_new", args=[draft.pk]), submit=FORM),
        Page(reverse("council:cosignature_request", args=[draft.pk])),
        Page(reverse("council:submission_withdraw", args=[draft.pk])),
        Page(reverse("council:decision_new", args=[report.consultations.get().pk]), submit=FORM),
        Page(reverse("council:decision_texts", args=[seed_decision.pk])),
        Page(reverse("council:decision_announce", args=[personnel.pk])),
        Page(reverse("council:measure_new", args=[seed_decision.pk]), submit=FORM),
        Page(
            reverse(
                "council:measure_edit",
                args=[Measure.objects.filter(municipality__slug="kornwestheim").first().slug],
            )
        ),
        Page(_first_meeting().get_absolute_url()),
        Page(reverse("council:meeting_new"), submit=FORM),
        Page(reverse("council:meeting_edit", args=[meeting.pk])),
        Page(reverse("council:agenda_item_new", args=[meeting.pk]), submit=FORM),
        Page(reverse("council:meeting_report", args=[meeting.pk])),
        Page(reverse("council:committee_new"), submit=FORM),
        Page(reverse("council:committee_edit", args=[committee.pk])),
        Page(reverse("council:membership_new", args=[committee.pk]), submit=FORM),
        Page(reverse("council:person_new"), submit=FORM),
        Page(reverse("council:location_new"), submit=FORM),
        Page(reverse("council:imports"), submit=FORM),
        Page(reverse("council:import_run", args=[_import_run().pk])),
    ]


def _admin_circle_pages():
    from ankommen.circle.models import Competence, MemberCompetence, OrganisationMembership

    creative = _call("Gesucht: Menschen, die kreativ")
    draft = _call("Gesucht: Patinnen")
    held = MemberCompetence.objects.filter(
        municipality__slug="kornwestheim", confirmed_by__slug="arbeitskreis-asyl"
    ).first()
    dance = Competence.objects.get(municipality__slug="kornwestheim", name="Tanz")
    contact = OrganisationMembership.objects.get(
        organisation__slug="arbeitskreis-asyl", member__user__email__startswith="multiplikator@"
    )
    return [
        Page(reverse("circle:calls_admin")),
        Page(reverse("circle:call_matches", args=[creative.pk])),
        Page(reverse("circle:call_matches", args=[draft.pk])),
        Page(reverse("circle:call_create"), submit=FORM),
        Page(reverse("circle:call_edit", args=[creative.pk])),
        Page(reverse("circle:call_close", args=[creative.pk])),
        Page(reverse("circle:call_paper_answer", args=[creative.pk]), submit=FORM),
        Page(reverse("circle:competences")),
        Page(reverse("circle:competence_create"), submit=FORM),
        Page(reverse("circle:competence_edit", args=[dance.pk])),
        Page(reverse("circle:organisation_create"), submit=FORM),
        Page(reverse("circle:organisation_edit", args=["arbeitskreis-asyl"])),
        Page(reverse("circle:organisation_contact", args=["arbeitskreis-asyl", contact.pk])),
        Page(reverse("circle:organisation", args=["arbeitskreis-asyl"])),
        Page(reverse("circle:competence_unconfirm", args=["arbeitskreis-asyl", held.pk])),
        Page(reverse("circle:member_search") + "?language=ar&level=3"),
    ]


def _translator_pages(people):
    from django.contrib.contenttypes.models import ContentType

    stage = _open_stage("wohnen-und-leben")
    field_type = ContentType.objects.get_for_model(stage.field).pk
    return [
        Page(reverse("core:translations")),
        Page(reverse("core:translation_list", args=["ar"])),
        Page(reverse("core:translation_edit", args=["ar", field_type, stage.field_id])),
        Page(reverse("core:translation_import", args=["ar"])),
    ]


ROLES = {
    None: _visitor_pages,
    "mitglied": _member_pages,
    "expertin": _expert_pages,
    "moderation": _moderator_pages,
    "admin": _admin_pages,
    "uebersetzung": _translator_pages,
    "tigist.haile": _asking_pages,
}

FRAME = """() => {
    const html = document.documentElement;
    const text = getComputedStyle(document.querySelector('main p') || document.body);
    const items = [...document.querySelectorAll('.site-nav__list > li')].map(li => li.getBoundingClientRect());
    const list = document.querySelector('.site-nav__list')?.getBoundingClientRect();
    return {
        lang: html.getAttribute('lang'),
        dir: html.getAttribute('dir'),
        hyphens: text.hyphens,
        lineHeight: parseFloat(text.lineHeight) / parseFloat(text.fontSize),
        navigation: items.length && list ? {
            firstEnd: items[0].right, listEnd: list.right, firstStart: items[0].left,
            lastStart: items[items.length - 1].left,
        } : null,
    };
}"""


def _frame(audit, language, label):
    """The page speaks `language` in its direction; its navigation and text follow."""
    frame = audit.page.evaluate(FRAME)
    direction = "rtl" if language.bidi else "ltr"
    if (frame["lang"], frame["dir"]) != (language.code, direction):
        audit.findings.append(f"{label}: <html lang={frame['lang']} dir={frame['dir']}>")
    navigation = frame["navigation"]
    if (
        language.bidi
        and navigation
        and (
            abs(navigation["firstEnd"] - navigation["listEnd"]) > 1
            or navigation["firstStart"] < navigation["lastStart"]
        )
    ):
        audit.findings.append(f"{label}: the main navigation does not start at the right ({navigation})")
    if language.code == "de-simple" and (frame["hyphens"] != "manual" or frame["lineHeight"] < 1.7):
        audit.findings.append(
            f"{label}: Leichte Sprache with hyphens {frame['hyphens']}, {frame['lineHeight']}"
        )


# What no German page shows as text: an ISO date (2027-02-15) or a raw key (`comment_roles`,
# `member.invited`); `datetime` attributes and date inputs hold ISO dates by design.
RAW = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z_]+ed\b")
# Keys and addresses a person copies (`<code>`, `translate="no"`: an indicator's key, a link to share)
# are not text to translate; the rest of <main> is read as shown.
VISIBLE_TEXT = """() => {
    const main = document.querySelector('main');
    const verbatim = [...main.querySelectorAll('code, kbd, samp, [translate=no]')];
    const kept = verbatim.map(element => element.style.display);
    verbatim.forEach(element => { element.style.display = 'none'; });
    const text = main.innerText;
    verbatim.forEach((element, index) => { element.style.display = kept[index]; });
    return text;
}"""


def _reads_german(audit, label):
    for found in sorted(set(RAW.findall(audit.page.evaluate(VISIBLE_TEXT)))):
        audit.findings.append(f"{label}: shows {found!r}, not German")


def _crawl(audit, pages, languages):
    for language in languages:
        prefix = "" if language.code == "de" else f"/{language.code}"
        audit.keeping = language.code in HTML_CHECKED
        for page in pages:
            label = f"{prefix}{page.path}"
            audit.visit(label, status=page.status)
            _frame(audit, language, label)
            if language.code == "de":
                _reads_german(audit, label)
            if page.submit:
                for name, value in page.fill:
                    audit.page.locator(f"main form [name={name}]").fill(value)
                audit.submit(f"{label} (abgeschickt)", selector=page.submit, status=400, errors=True)
                _frame(audit, language, f"{label} (abgeschickt)")


def _fonts_by_language(page, languages):
    """The fonts each language's pages asked for (a font is fetched once per test: by its first language)."""
    fonts = {language.code: [] for language in languages}
    current = {"language": languages[0].code}

    def seen(request):
        if request.resource_type == "font":
            fonts[current["language"]].append(request.url)

    page.on("request", seen)
    return fonts, current


# The languages the crawl walks, in the demo town's order: German, Leichte Sprache, and one of each
# script and direction the town serves — Arabic and Persian (right to left, Arabic script, their own
# fonts), Ukrainian (Cyrillic). English, Turkish and Russian share their scripts, fonts and
# direction with one of these; their texts are checked by the translation tests.
LANGUAGES = ("de", "de-simple", "ar", "uk", "fa")
# The HTML the server sends is the same markup in every language but for its texts and its direction:
# the Nu Html Checker reads each page in German and in Arabic (right to left); axe-core and the
# reflow check every language.
HTML_CHECKED = ("de", "ar")

# Who crawls, and in how many pieces their languages are cut: one test per piece, so that the two
# workers of pytest-xdist share the crawls instead of one of them walking the administration's
# pages alone for minutes. The administration's pages take about twice as long as all the members'
# together, so theirs come in four pieces and the others' in two; every page is still visited once
# per role and language.
CRAWLS = {
    "mitglieder": (("mitglied", "expertin", "moderation", "uebersetzung", "tigist.haile"), 2),
    "verwaltung": (("admin",), 4),
}
VISITOR_PIECES = 2


def _pieces(count):
    """The languages cut into `count` pieces in their order, each piece a tuple."""
    size = -(-len(LANGUAGES) // count)
    pieces = [LANGUAGES[start : start + size] for start in range(0, len(LANGUAGES), size)]
    assert [code for piece in pieces for code in piece] == list(LANGUAGES)
    return pieces


def _languages(town, codes):
    """The town's languages of this piece; the town must speak all of LANGUAGES."""
    languages = [language for language in town.active_languages if language.code in LANGUAGES]
    assert tuple(language.code for language in languages) == LANGUAGES
    return [language for language in languages if language.code in codes]


@pytest.mark.parametrize("codes", _pieces(VISITOR_PIECES), ids="+".join)
def test_every_visitor_page_in_every_language_is_accessible_valid_and_reflows(audit, town, people, codes):
    languages = _languages(town, codes)
    pages = _visitor_pages(people)
    fonts, current = _fonts_by_language(audit.page, languages)
    for language in languages:
        current["language"] = language.code
        _crawl(audit, pages, [language])
    audit.assert_clean()
    # German pages never load an Arabic-script font; Arabic and Persian pages load their own.
    german = fonts.get("de")
    if german is not None:
        assert any("fira-sans-latin" in url for url in german), german
        assert not any(font in url for url in german for font in ARABIC_SCRIPT_FONTS.values()), german
    for language, font in ARABIC_SCRIPT_FONTS.items():
        if language in fonts:
            assert any(font in url for url in fonts[language]), (language, fonts[language])


@pytest.mark.parametrize(
    ("persons", "codes"),
    [
        pytest.param(persons, codes, id=f"{name}-{'+'.join(codes)}")
        for name, (persons, count) in CRAWLS.items()
        for codes in _pieces(count)
    ],
)
def test_every_member_page_in_every_language_is_accessible_valid_and_reflows(
    audit, town, people, persons, codes
):
    """Each person logs in once and walks their pages in the piece's languages."""
    languages = _languages(town, codes)
    for person in persons:
        audit.page.context.clear_cookies()
        log_in(audit.page, audit.site, person)
        _crawl(audit, ROLES[person](people), languages)
    audit.assert_clean()
