from django.urls import path

from ankommen.council import views

app_name = "council"

urlpatterns = [
    path("gemeinderat/", views.overview, name="overview"),
    path("gemeinderat/vorlagen/<int:pk>/", views.submission, name="submission"),
    path(
        "gemeinderat/vorlagen/<int:pk>/pdf/",
        views.submission_document,
        {"kind": "pdf"},
        name="submission_pdf",
    ),
    path(
        "gemeinderat/vorlagen/<int:pk>/docx/",
        views.submission_document,
        {"kind": "docx"},
        name="submission_docx",
    ),
    path("gemeinderat/gremien/<int:pk>/", views.committee, name="committee"),
    path("gemeinderat/sitzungen/<int:pk>/", views.meeting, name="meeting"),
    path("massnahmen/", views.measures, name="measures"),
    path("massnahmen/<slug:slug>/", views.measure, name="measure"),
    path("konto/mitzeichnungen/", views.my_cosignatures, name="my_cosignatures"),
    path("vorlagen/mitzeichnung/<int:pk>/", views.cosign, name="cosign"),
    # the administration
    path("verwaltung/gremien/neu/", views.committee_new, name="committee_new"),
    path("verwaltung/gremien/<int:pk>/", views.committee_edit, name="committee_edit"),
    path("verwaltung/gremien/<int:pk>/mitglied/", views.membership_new, name="membership_new"),
    path("verwaltung/personen/neu/", views.person_new, name="person_new"),
    path("verwaltung/sitzungsorte/neu/", views.location_new, name="location_new"),
    path("verwaltung/sitzungen/neu/", views.meeting_new, name="meeting_new"),
    path("verwaltung/sitzungen/<int:pk>/", views.meeting_edit, name="meeting_edit"),
    path("verwaltung/sitzungen/<int:pk>/tagesordnung/", views.agenda_item_new, name="agenda_item_new"),
    path("verwaltung/sitzungen/<int:pk>/massnahmenbericht/", views.meeting_report, name="meeting_report"),
    path("verwaltung/vorlagen/neu/", views.submission_new, name="submission_new"),
    path("verwaltung/vorlagen/<int:pk>/", views.submission_edit, name="submission_edit"),
    path("verwaltung/vorlagen/<int:pk>/fassungen/", views.submission_versions, name="submission_versions"),
    path("verwaltung/vorlagen/<int:pk>/beratung/", views.consultation_new, name="consultation_new"),
    path("verwaltung/vorlagen/<int:pk>/anlage/", views.attachment_new, name="attachment_new"),
    path("verwaltung/vorlagen/<int:pk>/mitzeichnung/", views.cosignature_request, name="cosignature_request"),
    path("verwaltung/vorlagen/<int:pk>/freigeben/", views.submission_release, name="submission_release"),
    path(
        "verwaltung/vorlagen/<int:pk>/zurueckziehen/", views.submission_withdraw, name="submission_withdraw"
    ),
    path("verwaltung/beratungen/<int:pk>/beschluss/", views.decision_new, name="decision_new"),
    path("verwaltung/beschluesse/<int:pk>/", views.decision_texts, name="decision_texts"),
    path("verwaltung/beschluesse/<int:pk>/bekanntgeben/", views.decision_announce, name="decision_announce"),
    path("verwaltung/beschluesse/<int:pk>/massnahme/", views.measure_new, name="measure_new"),
    path("verwaltung/massnahmen/<slug:slug>/", views.measure_edit, name="measure_edit"),
    path("verwaltung/gemeinderat/import/", views.imports, name="imports"),
    path("verwaltung/gemeinderat/import/<int:pk>/", views.import_run, name="import_run"),
]
