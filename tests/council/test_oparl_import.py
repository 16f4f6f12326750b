"""The OParl import against real HTTP servers serving real council data (tests/council/import_data.py).

Karlsruhe (OParl 1.1), Hürtgenwald and meine-stadt-transparent's test data (OParl 1.0) arrive as the
town's read-only copies; a second run over unchanged data writes nothing; a later run reads only what
changed; a server that fails or hangs halfway, or an import process killed halfway, leaves what was
stored, and the next run continues where it stopped.
"""

import os
import signal
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Max

from ankommen.core import cache, search
from ankommen.core.cache import town_scope
from ankommen.council.models import (
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    ConsultationRole,
    FileRole,
    ImportRun,
    ImportStatus,
    Location,
    Meeting,
    Membership,
    PaperType,
    Person,
    Submission,
    SubmissionStatus,
)
from ankommen.council.oparl.importer import run_import
from ankommen.council.tasks import start_import
from tests.council import import_data, oparl_data
from tests.council.import_data import OParlServer, page_of

ROOT = Path(__file__).resolve().parents[2]
KA = "https://web1.karlsruhe.de/oparl/bodies/0001"


def imported(town, url, **options):
    """One import run from `url` into `town`, quick to give up (tests wait for no real server)."""
    options = {"timeout": 2.0, "retries": 1, "backoff": 0.05, **options}
    run = ImportRun.objects.create(municipality=town, url=url)
    return run_import(run, **options)


def origin(server, karlsruhe_id):
    """The address a Karlsruhe id has on the test server."""
    return karlsruhe_id.replace("https://web1.karlsruhe.de", server.base)


def council_tables():
    """Every council table's row count and latest `modified` (the import's own runs left out)."""
    snapshot = {}
    for model in apps.get_app_config("council").get_models():
        if model is ImportRun:
            continue
        rows = model.objects.all()
        has_modified = any(field.name == "modified" for field in model._meta.concrete_fields)
        snapshot[model.__name__] = (
            rows.count(),
            rows.aggregate(last=Max("modified"))["last"] if has_modified else None,
        )
    return snapshot


@pytest.fixture
def karlsruhe():
    with OParlServer() as server:
        system, _body = import_data.karlsruhe(server)
        server.system_url = system["id"]
        yield server


# --- Karlsruhe, OParl 1.1 ---------------------------------------------------------------------


@pytest.mark.django_db
def test_karlsruhe_arrives_as_the_towns_read_only_copies(town, karlsruhe):
    run = imported(town, karlsruhe.system_url)

    assert run.status == ImportStatus.DONE, run.log
    assert Committee.objects.for_municipality(town).exclude(origin="").count() == 97
    assert Meeting.objects.for_municipality(town).exclude(origin="").count() == 14
    assert Submission.objects.for_municipality(town).exclude(origin="").count() == 4
    assert run.counts["organization"]["created"] == 97
    assert run.counts["meeting"]["created"] == 14
    assert run.counts["paper"]["created"] == 4
    assert run.counts["pages"] == {"organization": 5, "person": 0, "meeting": 3, "paper": 2}
    assert run.cursor.keys() == {"body", "organization", "person", "meeting", "paper"}
    assert run.cursor["body"] == f"{karlsruhe.base}/oparl/bodies/1"

    council = Committee.objects.get(
        municipality=town, origin=origin(karlsruhe, f"{KA}/organizations/gr/32130")
    )
    assert (council.name, council.classification) == ("Gemeinderat", "Beschließender Ausschuss")

    meeting = Meeting.objects.get(municipality=town, origin=origin(karlsruhe, f"{KA}/meetings/10028"))
    assert meeting.name == "Ortschaftsrat Durlach (öffentlich/nicht öffentlich)"
    assert meeting.committee.origin == origin(karlsruhe, f"{KA}/organizations/gr/40333")
    assert meeting.end is None  # it "ended" at midnight before it began
    assert meeting.location.description == "Bürgersaal im Rathaus, Pfinztalstr. 33"
    first = meeting.agenda.order_by("position").first()
    assert (first.number, first.is_public) == ("1", True)
    assert first.name.startswith("Neukonzeption der Schulkindbetreuung")
    invitation = meeting.files.get(origin=origin(karlsruhe, f"{KA}/files/668704"))
    assert invitation.role == FileRole.MINUTES
    assert invitation.title == "Tagesordnung OR 23.07.2025"
    assert invitation.origin_access_url == origin(karlsruhe, f"{KA}/downloadfiles/a/00668704.pdf")
    assert not invitation.file  # linked, not copied

    paper = Submission.objects.get(municipality=town, origin=origin(karlsruhe, f"{KA}/papers/vo/48651"))
    assert (paper.reference, paper.paper_type, str(paper.date)) == (
        "2023/0573",
        PaperType.SUBMISSION,
        "2023-05-22",
    )
    assert paper.status == SubmissionStatus.RELEASED and paper.is_public
    assert paper.is_imported and not paper.is_editable
    assert paper.sources.get(field="subject").municipality == town  # offered to the translators
    found = search.search(town, None, paper.subject.split()[0], "de")
    assert paper in [hit.object for hit in found[:100]], "the search finds an imported paper"
    assert paper in Submission.objects.for_municipality(town).public()
    assert paper not in Submission.objects.for_municipality(town).own()
    steps = list(paper.consultations.order_by("position"))
    assert [step.role for step in steps] == [ConsultationRole.PRELIMINARY, ConsultationRole.DECISION]
    assert steps[1].committee == council
    assert steps[1].meeting.origin == origin(karlsruhe, f"{KA}/meetings/9049")
    assert str(steps[1].meeting_date) == "2023-09-19"
    assert paper.attachments.count() == 8
    assert {file.role for file in paper.attachments.all()} == {FileRole.ATTACHMENT}
    # The agenda item the consultation names points back to it.
    assert AgendaItem.objects.get(consultation=steps[0]).meeting == steps[0].meeting

    notice = Submission.objects.get(municipality=town, reference="2025/0540")
    assert [step.role for step in notice.consultations.order_by("position")] == [
        ConsultationRole.PRELIMINARY,
        ConsultationRole.NOTICE,
    ]
    assert "Liste person: der Server antwortet 404, gelesen als leere Liste." in run.log
    assert "vor ihrem Beginn" in run.log
    assert run.counts["quirks"]["end_before_start"] == 5


@pytest.mark.django_db
def test_copies_belong_to_the_town_that_imported_them(town, other_town, karlsruhe):
    imported(town, karlsruhe.system_url)
    imported(other_town, karlsruhe.system_url)

    for place in (town, other_town):
        assert Submission.objects.for_municipality(place).exclude(origin="").count() == 4
        assert Meeting.objects.for_municipality(place).exclude(origin="").count() == 14
    theirs = Meeting.objects.for_municipality(other_town).exclude(origin="")
    assert set(theirs.values_list("committee__municipality", flat=True)) == {other_town.pk}
    assert set(theirs.values_list("location__municipality", flat=True)) == {other_town.pk}


@pytest.mark.django_db
def test_a_second_run_over_unchanged_data_writes_nothing(town, karlsruhe):
    imported(town, karlsruhe.system_url)
    before = council_tables()

    again = imported(town, karlsruhe.system_url)
    whole = imported(town, karlsruhe.system_url, full=True)

    assert council_tables() == before
    assert again.status == whole.status == ImportStatus.DONE
    assert again.counts["paper"]["read"] == 0  # nothing modified since the first run
    assert whole.counts["paper"] == {
        **whole.counts["paper"],
        "read": 4,
        "unchanged": 4,
        "created": 0,
        "updated": 0,
    }
    assert whole.counts["agendaItem"]["unchanged"] == AgendaItem.objects.exclude(origin="").count()
    assert whole.counts["file"]["created"] == whole.counts["file"]["updated"] == 0


@pytest.mark.django_db
def test_a_later_run_reads_only_the_one_paper_that_changed(town, karlsruhe):
    first = imported(town, karlsruhe.system_url)
    before = council_tables()
    changed_id = origin(karlsruhe, f"{KA}/papers/vo/52029")
    karlsruhe.change(changed_id, name="Neuer Betreff der Vorlage")
    karlsruhe.requests.clear()

    run = imported(town, karlsruhe.system_url)

    assert run.status == ImportStatus.DONE, run.log
    paper_pages = karlsruhe.requested("/papers")
    assert len(paper_pages) == 1 and f"modified_since={first.cursor['paper'][:10]}" in paper_pages[0]
    assert run.counts["paper"] == {**run.counts["paper"], "read": 1, "updated": 1}
    assert "meeting" not in run.counts or run.counts["meeting"]["read"] == 0
    paper = Submission.objects.get(municipality=town, origin=changed_id)
    assert paper.subject == "Neuer Betreff der Vorlage"
    after = council_tables()
    assert after["Submission"][1] > before["Submission"][1]
    assert {name: value for name, value in after.items() if name != "Submission"} == {
        name: value for name, value in before.items() if name != "Submission"
    }
    assert Submission.objects.filter(modified__gt=before["Submission"][1]).count() == 1


@pytest.mark.django_db
def test_deleted_at_the_origin_marks_the_copy_deleted(town, karlsruhe):
    imported(town, karlsruhe.system_url)
    paper_id = origin(karlsruhe, f"{KA}/papers/vo/49883")
    meeting_id = origin(karlsruhe, f"{KA}/meetings/10118")
    karlsruhe.find(paper_id).clear()
    karlsruhe.find(paper_id).update(id=paper_id, type="https://schema.oparl.org/1.1/Paper", deleted=True)
    karlsruhe.change(paper_id)
    meeting = karlsruhe.find(meeting_id)
    dropped = meeting["agendaItem"].pop()
    karlsruhe.change(meeting_id)

    run = imported(town, karlsruhe.system_url)

    assert run.status == ImportStatus.DONE, run.log
    paper = Submission.objects.get(municipality=town, origin=paper_id)
    assert paper.is_deleted and paper not in Submission.objects.public()
    assert run.counts["paper"]["deleted"] == 1
    assert AgendaItem.objects.get(municipality=town, origin=dropped["id"]).is_deleted
    assert AgendaItem.objects.filter(meeting__origin=meeting_id, deleted_at__isnull=True).count() == 5


@pytest.mark.django_db
def test_what_arrives_later_moves_its_parents_modified_and_the_towns_cached_pages(town, karlsruhe):
    imported(town, karlsruhe.system_url)
    paper_id, meeting_id = (
        origin(karlsruhe, f"{KA}/papers/vo/52002"),
        origin(karlsruhe, f"{KA}/meetings/9049"),
    )
    paper = Submission.objects.get(municipality=town, origin=paper_id)
    meeting = Meeting.objects.get(municipality=town, origin=meeting_id)
    version = cache.versions(town_scope(town.pk))
    new_file = dict(karlsruhe.find(paper_id)["auxiliaryFile"][0], id=f"{paper_id}/files/neu", name="Nachtrag")
    karlsruhe.find(paper_id)["auxiliaryFile"].append(new_file)
    karlsruhe.find(paper_id)["consultation"].append(
        {"id": f"{paper_id}/consultations/neu", "meeting": meeting_id, "role": "Entscheidung"}
    )
    karlsruhe.change(paper_id)

    run = imported(town, karlsruhe.system_url)

    assert (run.counts["file"]["created"], run.counts["consultation"]["created"]) == (1, 1)
    for row in (paper, meeting):
        before = row.modified
        row.refresh_from_db()
        assert row.modified > before, row
    added = Consultation.objects.get(municipality=town, origin=f"{paper_id}/consultations/neu")
    assert (added.committee, added.role) == (meeting.committee, ConsultationRole.DECISION)
    assert cache.versions(town_scope(town.pk)) != version


@pytest.mark.django_db
def test_a_reference_the_town_has_already_gets_a_suffix(town, karlsruhe):
    own = Submission.objects.create(municipality=town, reference="2023/0573", subject="Eigene Vorlage")

    run = imported(town, karlsruhe.system_url)
    imported(town, karlsruhe.system_url, full=True)

    copy = Submission.objects.get(municipality=town, origin=origin(karlsruhe, f"{KA}/papers/vo/48651"))
    assert copy.reference == "2023/0573 (Import)"
    own.refresh_from_db()
    assert (own.reference, own.subject, own.origin) == ("2023/0573", "Eigene Vorlage", "")
    assert "die Nummer 2023/0573 gibt es hier schon; übernommen als 2023/0573 (Import)" in run.log


# --- OParl 1.0: Hürtgenwald, meine-stadt-transparent ------------------------------------------


@pytest.mark.django_db
def test_huertgenwald_oparl_1_0(town):
    with OParlServer() as server:
        system, _body = import_data.huertgenwald(server)
        run = imported(town, system["id"])

    assert run.status == ImportStatus.DONE, run.log
    assert "OParl 1.0" in run.log.splitlines()[0]
    assert Committee.objects.for_municipality(town).exclude(origin="").count() == 22
    assert Meeting.objects.for_municipality(town).exclude(origin="").count() == 25
    assert Submission.objects.for_municipality(town).exclude(origin="").count() == 25
    first = Meeting.objects.get(municipality=town, origin__endswith="/body/1/meeting/333")
    assert first.location.postal_code == "52393"
    assert first.files.get(role=FileRole.MINUTES).title.startswith("Bekanntmachung")
    assert first.agenda.count() == 11
    table_paper = Submission.objects.get(municipality=town, reference="102/2002")
    assert table_paper.consultations.count() == 0
    assert table_paper.attachments.get().title == "Tischvorlage (Umbesetzungen im Bauausschuss)"
    assert "hat keine Beratungsfolge" in run.log
    assert "ohne Datum" in run.log
    assert Consultation.objects.for_municipality(town).exclude(origin="").count() == 24


@pytest.mark.django_db
@pytest.mark.parametrize("name", import_data.mst_names())
def test_the_29_systems_of_meine_stadt_transparent_are_read(town, name):
    with OParlServer() as server:
        system, body = import_data.mst_system(server, name)
        run = imported(town, system["id"])

    assert run.status == ImportStatus.DONE, run.log
    assert "OParl 1.0" in run.log
    assert run.counts["quirks"]["empty_list_404"] == 4
    assert server.requested(import_data.key_of(body["id"]).split("?")[0])


@pytest.mark.django_db
def test_objects_missing_required_fields_are_logged_not_fatal(town):
    with OParlServer() as server:
        system, _body = import_data.mst_missing(server)
        run = imported(town, system["id"])

    assert run.status == ImportStatus.DONE, run.log
    assert run.counts["meeting"] == {**run.counts["meeting"], "read": 1, "skipped": 1}
    assert "Sitzung http://127.0.0.1" in run.log and "kein bekanntes Gremium; übersprungen." in run.log
    assert "nennt der Server, hat es aber nicht (404)" in run.log


@pytest.mark.django_db
def test_broken_objects_are_skipped_with_a_line_each(town):
    with OParlServer() as server:
        system, body = import_data.huertgenwald(server)
        meetings = server.lists[import_data.key_of(body["meeting"])].objects
        papers = server.lists[import_data.key_of(body["paper"])].objects
        del meetings[1]["start"]
        meetings[2]["end"] = meetings[2]["start"].replace("T18:00", "T08:00")
        meetings[3]["start"] = meetings[3]["start"][:19]  # no offset
        meetings.insert(4, "kein Objekt")
        meetings.insert(5, {"type": "https://schema.oparl.org/1.0/Meeting", "name": "ohne id"})
        meetings.insert(6, dict(meetings[0]))  # the same meeting again
        meetings[7]["location"]["geojson"] = {"type": "Point", "coordinates": [50.72, 6.39]}
        papers[1]["type"] = "https://schema.oparl.org/1.0/Person"
        papers[2]["reference"] = None
        papers[3]["name"] = "x" * 400
        run = imported(town, system["id"])

    assert run.status == ImportStatus.DONE, run.log
    assert Meeting.objects.for_municipality(town).exclude(origin="").count() == 24
    assert Submission.objects.for_municipality(town).exclude(origin="").count() == 24
    assert run.counts["meeting"]["skipped"] == 3
    for words in (
        "ohne Beginn; übersprungen.",
        "vor ihrem Beginn",
        "ohne Zeitzone, als Ortszeit gelesen.",
        "ein Eintrag ohne id übersprungen",
        "wird ein zweites Mal geliefert",
        "Koordinaten in geojson vertauscht",
        "hat den Typ 'https://schema.oparl.org/1.0/Person'; übersprungen.",
        "ohne Nummer (reference); eine wird gebildet.",
        "Text auf 300 Zeichen gekürzt.",
    ):
        assert words in run.log, words
    naive = Meeting.objects.get(municipality=town, origin=meetings[3]["id"])
    assert naive.start.isoformat() == "2007-02-01T17:00:00+00:00"  # 18:00 in Berlin, winter
    assert Submission.objects.get(municipality=town, origin=papers[2]["id"]).reference.startswith("OParl ")
    assert len(Submission.objects.get(municipality=town, origin=papers[3]["id"]).subject) == 300


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_server_failing_after_page_two_keeps_pages_one_and_two_and_the_next_run_continues(town):
    with OParlServer() as server:
        system, _body = import_data.generated(server, papers=50, meetings=6, page_size=10)
        server.fail(lambda path: "/papers" in path and page_of(path) >= 3)
        run = imported(town, system["id"])

        assert run.status == ImportStatus.FAILED
        assert "Serverfehler 500 (Versuch 1 von 2)" in run.log
        assert "Abgebrochen:" in run.log.splitlines()[-1] and "page=3" in run.log.splitlines()[-1]
        assert Submission.objects.for_municipality(town).exclude(origin="").count() == 20
        assert run.cursor["resume"]["paper"]["next"].endswith("page=3")
        assert "paper" not in run.cursor

        server.heal()
        server.requests.clear()
        again = imported(town, system["id"])

    assert again.status == ImportStatus.DONE, again.log
    assert [page_of(path) for path in server.requested("/papers")] == [3, 4, 5]
    assert not server.requested("/meetings")[0].endswith("/meetings")  # read since the first run
    assert Submission.objects.for_municipality(town).exclude(origin="").count() == 50
    assert Consultation.objects.for_municipality(town).exclude(origin="").count() == 100
    assert Attachment.objects.for_municipality(town).filter(submission__isnull=False).count() == 100
    assert "resume" not in again.cursor and "paper" in again.cursor


@pytest.mark.django_db
def test_a_server_that_hangs_ends_the_run_as_failed(town):
    with OParlServer() as server:
        system, _body = import_data.generated(server, papers=30, meetings=4, page_size=10)
        server.delay(lambda path: "/papers" in path and page_of(path) == 2, 2.0)
        run = imported(town, system["id"], timeout=0.5)

        assert run.status == ImportStatus.FAILED
        assert "keine Antwort innerhalb von 0.5 s" in run.log
        assert Submission.objects.for_municipality(town).exclude(origin="").count() == 10

        server.heal()
        again = imported(town, system["id"], timeout=0.5)

    assert again.status == ImportStatus.DONE, again.log
    assert Submission.objects.for_municipality(town).exclude(origin="").count() == 30


@pytest.mark.django_db
def test_nothing_is_fetched_from_another_server(town):
    with OParlServer() as server, OParlServer() as elsewhere:
        system, body = import_data.generated(server, papers=3, meetings=3, page_size=10)
        meetings = server.lists[import_data.key_of(body["meeting"])].objects
        meetings[0]["organization"] = [f"{elsewhere.base}/oparl/organizations/1"]
        run = imported(town, system["id"])

        body["paper"] = f"{elsewhere.base}/oparl/bodies/1/papers"
        other = imported(town, system["id"], full=True)

    assert elsewhere.requests == []
    assert run.status == ImportStatus.DONE
    assert "liegt auf einem anderen Server; nicht abgerufen." in run.log
    assert Meeting.objects.for_municipality(town).exclude(origin="").count() == 2
    assert other.status == ImportStatus.FAILED
    assert "anderer Server als die Startadresse, nicht abgerufen" in other.log


@pytest.mark.django_db
def test_a_redirect_is_followed_on_the_same_server_only(town):
    with OParlServer() as server, OParlServer() as elsewhere:
        system, body = import_data.generated(server, papers=3, meetings=2)
        server.redirect(lambda path: path == "/start", system["id"])
        run = imported(town, f"{server.base}/start")
        server.redirect(lambda path: path.startswith("/oparl/bodies/1/papers"), f"{elsewhere.base}/papers")
        other = imported(town, f"{server.base}/start", full=True)

    assert run.status == ImportStatus.DONE, run.log
    assert Submission.objects.for_municipality(town).exclude(origin="").count() == 3
    assert other.status == ImportStatus.FAILED
    assert f"Weiterleitung zu einem anderen Server ({elsewhere.base}/papers) nicht gefolgt" in other.log
    assert elsewhere.requests == []


@pytest.mark.django_db
def test_a_system_with_several_bodies_takes_the_first_or_the_chosen(town):
    with OParlServer() as server:
        system, first = import_data.generated(server, papers=2, meetings=2)
        second = {
            **first,
            "id": f"{server.base}/oparl/bodies/2",
            "name": "Landkreis",
            "paper": first["paper"],
        }
        server.lists[import_data.key_of(system["body"])].objects.append(second)
        server.add(second)
        run = imported(town, system["id"])
        chosen = imported(town, system["id"], body="2", full=True)
        later = imported(town, system["id"])
        wrong = imported(town, system["id"], body="7")
        direct = imported(town, second["id"])

    assert run.status == chosen.status == direct.status == ImportStatus.DONE
    assert "Das System hat 2 Körperschaften; übernommen wird die erste: Generierte Stadt" in run.log
    assert "Körperschaften" not in chosen.log
    assert (
        "Eine andere Körperschaft als beim letzten Lauf" in later.log and later.counts["paper"]["read"] == 2
    )
    assert direct.counts["paper"]["unchanged"] == 2
    assert wrong.status == ImportStatus.FAILED and "Keine Körperschaft '7'" in wrong.log


@pytest.mark.django_db(transaction=True)
def test_an_import_process_killed_halfway_is_continued_by_the_next_run(town):
    with OParlServer() as server:
        system, _body = import_data.generated(server, papers=40, meetings=4, page_size=10)
        reached, release = server.hold(lambda path: "/papers" in path and page_of(path) == 3)
        process = subprocess.Popen(
            [sys.executable, "-m", "ankommen", "oparl", "import", system["id"], "--town", town.slug],
            env=subprocess_environment(),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            assert reached.wait(60), process.communicate(timeout=5)[0].decode()
            process.send_signal(signal.SIGKILL)
            process.wait(30)
        finally:
            release.set()
        killed = ImportRun.objects.get(municipality=town)
        assert killed.status == ImportStatus.RUNNING
        assert Submission.objects.for_municipality(town).exclude(origin="").count() == 20
        server.requests.clear()

        output = StringIO()
        call_command("oparl", "import", system["id"], "--town", town.slug, stdout=output)

    assert [page_of(path) for path in server.requested("/papers")] == [3, 4]
    assert Submission.objects.for_municipality(town).exclude(origin="").count() == 40
    assert Consultation.objects.for_municipality(town).exclude(origin="").count() == 80
    killed.refresh_from_db()
    assert killed.status == ImportStatus.FAILED and "Nicht zu Ende geführt" in killed.log
    assert f"Setzt den abgebrochenen Lauf {killed.pk} fort (paper)." in output.getvalue()
    assert ImportRun.objects.filter(municipality=town).latest("pk").status == ImportStatus.DONE


def subprocess_environment():
    """The environment for an `ankommen` process working on this test's database."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{settings['NAME']}"
    else:
        host = settings["HOST"] or settings["OPTIONS"].get("host", "")
        url = f"postgres://{settings['USER']}@/{settings['NAME']}?host={host}"
        if settings["PORT"]:
            url += f"&port={settings['PORT']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "ankommen.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }


# --- the command and the task -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_reports_and_fails_loudly(town, karlsruhe):
    output = StringIO()
    call_command("oparl", "import", karlsruhe.system_url, "--town", town.slug, stdout=output)
    assert "done." in output.getvalue() and "Fertig. Gremium: 97 gelesen, 97 neu" in output.getvalue()

    with pytest.raises(CommandError, match="No town is called 'atlantis'"):
        call_command("oparl", "import", karlsruhe.system_url, "--town", "atlantis")
    with pytest.raises(CommandError, match="failed; run the same command again"):
        call_command(
            "oparl",
            "import",
            f"{karlsruhe.base}/nirgends",
            "--town",
            town.slug,
            "--retries",
            "0",
            stdout=StringIO(),
        )


@pytest.mark.django_db
def test_the_background_task_imports_and_records_progress(town, people, karlsruhe):
    run = start_import(town, karlsruhe.system_url, started_by=people["admin"])

    run.refresh_from_db()
    assert run.status == ImportStatus.DONE, run.log
    assert run.started_by == people["admin"] and run.finished_at is not None
    assert run.counts["list"] == "paper"
    assert run.counts["paper"]["created"] == 4
    assert Location.objects.for_municipality(town).exclude(origin="").exists()


# --- the product's own interface, from one town into another ----------------------------------


@pytest.mark.django_db(transaction=True)
def test_one_towns_public_council_arrives_in_another_town_through_the_products_own_interface(
    live_server, town, other_town
):
    """Kornwestheim's interface, served at localhost (its default host), imported into Ludwigsburg."""
    world = oparl_data.build(town)
    run = imported(other_town, f"{live_server.url}/oparl/1.1/", timeout=10)

    assert run.status == ImportStatus.DONE, run.log
    ours, theirs = copies_of(town, own=True), copies_of(other_town, own=False)
    for key in ours:
        assert theirs[key] == ours[key], (key, sorted(set(theirs[key]) ^ set(ours[key])))
    assert ours["papers"] and ours["meetings"] and ours["people"]
    copied = Submission.objects.for_municipality(other_town).exclude(origin="")
    assert all(paper.is_imported and not paper.is_editable for paper in copied)
    assert {
        file.origin_access_url.split("/")[2] for file in Attachment.objects.filter(municipality=other_town)
    } == {live_server.url.split("/")[2]}
    for model, fields in (
        (Committee, ["name", "short_name", "classification"]),
        (Person, ["given_name", "family_name", "title"]),
        (Meeting, ["name"]),
        (AgendaItem, ["name", "number"]),
        (Submission, ["reference", "subject"]),
        (Attachment, ["title", "origin_access_url"]),
        (Location, ["description"]),
    ):
        for values in model.objects.filter(municipality=other_town).values_list(*fields):
            assert not any(oparl_data.SECRET in str(value) for value in values), values
    private = AgendaItem.objects.filter(municipality=other_town, is_public=False)
    assert set(private.values_list("name", flat=True)) == {"Nichtöffentlicher Tagesordnungspunkt"}

    before = council_tables()
    again = imported(other_town, f"{live_server.url}/oparl/1.1/", timeout=10, full=True)
    assert again.status == ImportStatus.DONE, again.log
    assert council_tables() == before

    world.public.subject = "Sprachcafé im Stadtteilzentrum, zweimal die Woche"
    world.public.save()
    later = imported(other_town, f"{live_server.url}/oparl/1.1/", timeout=10)
    # Read: what changed since the last run began (to the second: rows written in that second come again).
    assert later.counts["paper"] == {**later.counts["paper"], "updated": 1, "created": 0}
    assert later.counts["meeting"]["updated"] == later.counts["organization"]["updated"] == 0
    copy = Submission.objects.get(municipality=other_town, reference=world.public.reference)
    assert copy.subject == "Sprachcafé im Stadtteilzentrum, zweimal die Woche"


def copies_of(place, own):
    """What a town's public council is made of, in words that survive a copy: its committees, people
    and their seats, meetings with their agenda and files, public papers with their consultations."""
    rows = {
        model: (model.objects.for_municipality(place).own() if own else model.objects.for_municipality(place))
        .exclude(origin="" if not own else "-")
        .filter(deleted_at__isnull=True)
        for model in (Committee, Person, Membership, Meeting, Submission)
    }
    # An item is public with its matter: one whose consultation is private is shown as private.
    shown = {None, *Consultation.objects.for_municipality(place).public().values_list("pk", flat=True)}
    if own:
        rows[Submission] = rows[Submission].public()
        rows[Membership] = rows[Membership].filter(person__deleted_at=None, committee__deleted_at=None)
    return {
        "committees": sorted(rows[Committee].values_list("name", "short_name", "start_date", "website")),
        "people": sorted(rows[Person].values_list("given_name", "family_name", "title", "form_of_address")),
        "seats": sorted(
            rows[Membership].values_list("person__family_name", "committee__name", "role", "voting_right")
        ),
        "meetings": sorted(
            (
                seconds(meeting.start),
                meeting.committee.name,
                meeting.location.description if meeting.location else "",
            )
            for meeting in rows[Meeting].select_related("committee", "location")
        ),
        "agenda": sorted(
            (seconds(item.meeting.start), item.number, item.is_public and item.consultation_id in shown)
            for item in AgendaItem.objects.filter(meeting__in=rows[Meeting], deleted_at__isnull=True)
            .exclude(origin="" if not own else "-")
            .select_related("meeting")
        ),
        "papers": sorted(rows[Submission].values_list("reference", "subject", "date", "paper_type")),
        "consultations": sorted(
            (step.submission.reference, step.committee.name, step.role)
            for step in (Consultation.objects.public() if own else Consultation.objects.live())
            .filter(submission__in=rows[Submission])
            .select_related("submission", "committee")
        ),
    }


def seconds(moment):
    """A time as OParl gives it: to the second."""
    return moment.replace(microsecond=0)
