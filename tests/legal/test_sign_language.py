"""Videos in Deutsche Gebärdensprache: uploaded by the town, served from our origin, downloadable."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.core.models import AuditEntry
from ankommen.legal.models import SignLanguageVideo
from ankommen.legal.video import NotAVideo, read_video
from tests.legal.conftest import mp4_bytes, webm_bytes

EDIT = "/verwaltung/rechtliches/gebaerdensprache/{part}/"


def _upload(
    client, part="navigation", content=None, name="navigation.mp4", description="So finden Sie sich zurecht."
):
    data = {"description": description}
    if content is not None:
        data["video"] = SimpleUploadedFile(name, content, content_type="video/mp4")
    return client.post(EDIT.format(part=part), data)


def test_without_videos_the_page_says_so_plainly(client):
    page = client.get("/gebaerdensprache/").content.decode()
    assert page.count("Für diesen Teil gibt es noch kein Video in Gebärdensprache.") == 3
    assert "<video" not in page


def test_admin_uploads_a_video_and_everyone_sees_size_and_duration(client_as, town):
    content = mp4_bytes(125.4)
    response = _upload(client_as("admin"), content=content)
    assert response.status_code == 302, response.content.decode()[:2000]
    video = SignLanguageVideo.objects.get(municipality=town, part="navigation")
    assert (video.duration, video.size, video.media_type) == (125, len(content), "video/mp4")
    assert video.video.read() == content
    assert AuditEntry.objects.filter(action="legal.sign_language_video_saved", target_id=video.pk).exists()

    page = client_as(None).get("/gebaerdensprache/").content.decode()
    url = video.video.url
    assert url.startswith("/media/gebaerdensprache/")  # served from our own origin
    assert f'<source src="{url}" type="video/mp4">' in page
    assert f'href="{url}" download' in page
    assert "Video herunterladen (MP4, 0,0 MB, Dauer 2:05 Minuten)" in page
    assert "So finden Sie sich zurecht." in page
    assert page.count("noch kein Video") == 2


def test_the_size_is_shown_in_megabytes(town):
    video = SignLanguageVideo(municipality=town, part="inhalte", size=12_345_678, duration=65)
    assert (round(video.size_mb, 1), video.duration_label, video.duration_iso) == (12.3, "1:05", "PT1M5S")


def test_a_webm_video_is_accepted_with_its_duration(client_as, town):
    response = _upload(client_as("admin"), part="inhalte", content=webm_bytes(61.6), name="inhalt.webm")
    assert response.status_code == 302
    video = SignLanguageVideo.objects.get(municipality=town, part="inhalte")
    assert (video.media_type, video.duration, video.format_label) == ("video/webm", 62, "WebM")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("video.avi", mp4_bytes(3), "MP4 oder WebM"),
        ("video.mp4", b"Das ist kein Video.", "kein lesbares MP4-Video"),
        ("video.webm", mp4_bytes(3), "kein lesbares WEBM-Video"),
        ("video.mp4", b"", "Die übertragene Datei ist leer."),
    ],
)
def test_a_file_that_is_no_video_is_refused_and_nothing_stored(client_as, town, name, content, message):
    response = _upload(client_as("admin"), content=content, name=name)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'id="id_video_error"' in page
    assert not SignLanguageVideo.objects.filter(municipality=town).exists()


def test_a_first_upload_needs_a_video(client_as, town):
    response = _upload(client_as("admin"))
    assert response.status_code == 400
    assert 'id="id_video_error"' in response.content.decode()


def test_a_video_larger_than_200_mb_is_refused(client_as, town, monkeypatch):
    from ankommen.legal import forms

    monkeypatch.setattr(forms, "MAX_VIDEO_SIZE", 1000)
    response = _upload(client_as("admin"), content=mp4_bytes(3))
    assert response.status_code == 400
    assert "erlaubt sind höchstens 200 MB" in response.content.decode()
    assert not SignLanguageVideo.objects.exists()


def test_the_description_changes_without_a_new_upload_and_a_new_file_replaces_the_old(client_as, town):
    client = client_as("admin")
    _upload(client, content=mp4_bytes(10))
    first = SignLanguageVideo.objects.get(municipality=town, part="navigation")
    old_name = first.video.name
    assert _upload(client, description="Neu beschrieben.").status_code == 302
    first.refresh_from_db()
    assert (first.video.name, first.description) == (old_name, "Neu beschrieben.")
    assert _upload(client, content=mp4_bytes(20)).status_code == 302
    first.refresh_from_db()
    assert first.video.name != old_name and first.duration == 20


@pytest.mark.parametrize("role", ["mitglied", "moderation"])
def test_only_admins_upload_videos(client_as, role):
    response = _upload(client_as(role), content=mp4_bytes(3))
    assert response.status_code == 403
    assert not SignLanguageVideo.objects.exists()


def test_an_unknown_part_is_not_found(client_as):
    assert client_as("admin").get(EDIT.format(part="unbekannt")).status_code == 404


def test_the_reader_tells_mp4_and_webm_by_content():
    assert read_video(io.BytesIO(mp4_bytes(90)), "mp4").duration == 90
    assert read_video(io.BytesIO(webm_bytes(5)), "webm").duration == 5
    with pytest.raises(NotAVideo):
        read_video(io.BytesIO(webm_bytes(5)), "mp4")


def test_a_large_upload_kept_in_a_temporary_file_is_read_too(client_as, town, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # the file goes to disk, as a real video would
    response = _upload(client_as("admin"), content=mp4_bytes(42))
    assert response.status_code == 302
    assert SignLanguageVideo.objects.get(municipality=town, part="navigation").duration == 42
