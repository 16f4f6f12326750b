"""The concept's pages are valid HTML, by the Nu Html Checker: home, help, fields and stages to manage."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.html import Pages, assert_valid_html, checker


@pytest.mark.django_db
def test_every_concept_page_is_valid_html(client_as, people, tmp_path):
    from ankommen.concept.models import Stage

    jar = checker()
    town = people["admin"].municipality
    stage = Stage.objects.for_municipality(town).get(field__slug="wohnen-und-leben", status="open")
    today = timezone.localdate()
    pages = Pages(tmp_path)

    visitor = client_as(None)
    for path in ["/", "/en/", "/hilfe/", "/hilfe/mitmachen/"]:
        pages.get(visitor, path)

    admin = client_as("admin")
    stage_create = reverse("concept:stage_create", args=["wohnen-und-leben"])
    for path in [
        reverse("concept:fields"),
        reverse("concept:field_create"),
        reverse("concept:field_edit", args=["wohnen-und-leben"]),
        stage_create + "?kind=decision",
        reverse("concept:stage_edit", args=[stage.pk]),
        reverse("concept:help_manage"),
        reverse("concept:help_page_create"),
    ]:
        pages.get(admin, path)
    pages.post_invalid(
        admin,
        reverse("concept:help_page_create"),
        {"title": "", "body": "<b>"},
        "Hilfeseite, leer",
        status=400,
    )
    pages.post_invalid(
        admin, reverse("concept:field_create"), {"name": "", "summary": ""}, "Handlungsfeld, leer", status=400
    )
    pages.post_invalid(
        admin,
        stage_create,
        {"kind": "decision", "starts_on": today, "ends_on": today - timedelta(days=1), "position": 0},
        "Stufe, Ende vor Beginn",
        status=400,
    )
    data = {
        "kind": "decision",
        "starts_on": stage.starts_on,
        "ends_on": stage.ends_on,
        "position": stage.position,
    }
    pages.post_invalid(
        admin, reverse("concept:stage_edit", args=[stage.pk]), data, "Stufe, Art fest", status=400
    )
    options = Stage.objects.for_municipality(town).get(field__slug="wohnen-und-leben", kind="options")
    for path in [
        reverse("concept:field_archive", args=["wohnen-und-leben"]),
        reverse("concept:stage_archive", args=[options.pk]),
    ]:
        pages.get(admin, path)
    from ankommen.concept import services

    services.archive_stage(options, actor=people["admin"])
    services.archive_field(stage.field, actor=people["admin"])
    for path in [
        reverse("concept:fields"),
        reverse("concept:field_edit", args=["wohnen-und-leben"]),
        reverse("concept:field_unarchive", args=["wohnen-und-leben"]),
        reverse("concept:stage_unarchive", args=[options.pk]),
    ]:
        pages.get(admin, path, label=f"{path} (archiviert)")
    pages.get(client_as(None), "/handlungsfelder/wohnen-und-leben/", label="Handlungsfeld, archiviert")
    services.unarchive_field(stage.field, actor=people["admin"])

    pages.get_in_newcomer_languages(
        client_as,
        [
            (None, ["/", "/hilfe/", "/hilfe/mitmachen/"]),
            ("admin", [reverse("concept:fields"), reverse("concept:field_edit", args=["wohnen-und-leben"])]),
        ],
    )
    assert_valid_html(jar, pages)
