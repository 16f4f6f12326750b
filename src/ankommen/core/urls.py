from django.urls import path

from ankommen.core import files, views

app_name = "core"

urlpatterns = [
    path("sprachen/", views.languages, name="languages"),
    path("verwaltung/", views.administration, name="administration"),
    path("dateien/<str:model>/<int:pk>/<str:field>/", files.private_file, name="private_file"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/meldungen/<int:pk>/zurueckweisen/", views.dismiss_flag, name="dismiss_flag"),
    path("moderation/<slug:kind>/<int:pk>/ausblenden/", views.hide, name="hide"),
    path("<slug:kind>/<int:pk>/melden/", views.flag, name="flag"),
    path("verwaltung/protokoll/", views.audit_log, name="audit"),
    path("verwaltung/sprachen/", views.town_languages, name="town_languages"),
    path("verwaltung/grenzen/", views.town_limits, name="town_limits"),
    path("verwaltung/uebersetzungen/", views.translations, name="translations"),
    path("verwaltung/uebersetzungen/<str:language>/", views.translation_list, name="translation_list"),
    path(
        "verwaltung/uebersetzungen/<str:language>/xliff/", views.translation_export, name="translation_export"
    ),
    path(
        "verwaltung/uebersetzungen/<str:language>/import/",
        views.translation_import,
        name="translation_import",
    ),
    path(
        "verwaltung/uebersetzungen/<str:language>/<int:content_type_id>/<int:pk>/",
        views.translation_edit,
        name="translation_edit",
    ),
]
