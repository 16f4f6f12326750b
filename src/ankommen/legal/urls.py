from django.urls import path

from ankommen.legal import views

app_name = "legal"

urlpatterns = [
    path("impressum/", views.imprint, name="imprint"),
    path("datenschutz/", views.privacy, name="privacy"),
    path("nutzungsbedingungen/", views.terms, name="terms"),
    path("nutzungsbedingungen/fassungen/<int:pk>/", views.terms_version, name="terms_version"),
    path("barrierefreiheit/", views.accessibility, name="accessibility"),
    path("barrierefreiheit/barriere-melden/", views.report_barrier, name="report_barrier"),
    path("barrierefreiheit/barriere-melden/danke/", views.report_barrier_done, name="report_barrier_done"),
    path("leichte-sprache/", views.easy_language_page, name="easy_language"),
    path("gebaerdensprache/", views.sign_language, name="sign_language"),
    path("verwaltung/rechtliches/", views.manage, name="manage"),
    path("verwaltung/rechtliches/impressum/", views.imprint_edit, name="imprint_edit"),
    path("verwaltung/rechtliches/datenschutz/", views.privacy_edit, name="privacy_edit"),
    path("verwaltung/rechtliches/nutzungsbedingungen/neu/", views.terms_create, name="terms_create"),
    path("verwaltung/rechtliches/nutzungsbedingungen/<int:pk>/", views.terms_edit, name="terms_edit"),
    path(
        "verwaltung/rechtliches/nutzungsbedingungen/<int:pk>/veroeffentlichen/",
        views.terms_publish,
        name="terms_publish",
    ),
    path("verwaltung/rechtliches/barrierefreiheit/", views.accessibility_edit, name="accessibility_edit"),
    path(
        "verwaltung/rechtliches/barrierefreiheit/inhalte/neu/",
        views.non_accessible_content_create,
        name="non_accessible_content_create",
    ),
    path(
        "verwaltung/rechtliches/barrierefreiheit/inhalte/<int:pk>/",
        views.non_accessible_content_edit,
        name="non_accessible_content_edit",
    ),
    path(
        "verwaltung/rechtliches/barrierefreiheit/inhalte/<int:pk>/entfernen/",
        views.non_accessible_content_delete,
        name="non_accessible_content_delete",
    ),
    path("verwaltung/rechtliches/leichte-sprache/", views.easy_language_edit, name="easy_language_edit"),
    path(
        "verwaltung/rechtliches/gebaerdensprache/<str:part>/",
        views.sign_language_edit,
        name="sign_language_edit",
    ),
    path("verwaltung/barrieren/", views.barrier_queue, name="barrier_queue"),
    path("verwaltung/barrieren/<int:pk>/", views.barrier_report, name="barrier_report"),
]
