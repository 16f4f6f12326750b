from django.urls import path

from ankommen.circle import views

app_name = "circle"

urlpatterns = [
    path("konto/kompetenzen/", views.profile_edit, name="profile_edit"),
    path("konto/kompetenzen/sprachen/", views.languages, name="languages"),
    path("konto/kompetenzen/sprachen/<str:code>/entfernen/", views.language_remove, name="language_remove"),
    path("konto/kompetenzen/vorschau/", views.preview, name="preview"),
    path("konto/anfragen/", views.my_calls, name="my_calls"),
    path("konto/anfragen/<int:pk>/zusagen/", views.invitation_accept, name="invitation_accept"),
    path("konto/anfragen/<int:pk>/absagen/", views.invitation_decline, name="invitation_decline"),
    path("mitglieder/<int:pk>/", views.member, name="member"),
    path("organisationen/", views.organisations, name="organisations"),
    path("organisationen/<slug:slug>/", views.organisation, name="organisation"),
    path(
        "organisationen/<slug:slug>/bestaetigen/<int:pk>/",
        views.competence_confirm,
        name="competence_confirm",
    ),
    path(
        "organisationen/<slug:slug>/bestaetigung-zuruecknehmen/<int:pk>/",
        views.competence_unconfirm,
        name="competence_unconfirm",
    ),
    path("gesucht/", views.calls, name="calls"),
    path("gesucht/<int:pk>/", views.call, name="call"),
    path("verwaltung/kompetenzen/", views.competences, name="competences"),
    path("verwaltung/kompetenzen/neu/", views.competence_create, name="competence_create"),
    path("verwaltung/kompetenzen/<int:pk>/", views.competence_edit, name="competence_edit"),
    path("verwaltung/organisationen/neu/", views.organisation_create, name="organisation_create"),
    path("verwaltung/organisationen/<slug:slug>/", views.organisation_edit, name="organisation_edit"),
    path(
        "verwaltung/organisationen/<slug:slug>/ansprechperson/<int:pk>/",
        views.organisation_contact,
        name="organisation_contact",
    ),
    path("verwaltung/gesucht/", views.calls_admin, name="calls_admin"),
    path("verwaltung/gesucht/neu/", views.call_create, name="call_create"),
    path("verwaltung/gesucht/<int:pk>/", views.call_matches, name="call_matches"),
    path("verwaltung/gesucht/<int:pk>/bearbeiten/", views.call_edit, name="call_edit"),
    path("verwaltung/gesucht/<int:pk>/veroeffentlichen/", views.call_publish, name="call_publish"),
    path("verwaltung/gesucht/<int:pk>/beenden/", views.call_close, name="call_close"),
    path("verwaltung/gesucht/<int:pk>/auf-papier/", views.call_paper_answer, name="call_paper_answer"),
    path("verwaltung/personen-finden/", views.member_search, name="member_search"),
]
