from django.urls import path

from ankommen.core import views

app_name = "core"

urlpatterns = [
    path("sprachen/", views.languages, name="languages"),
    path("verwaltung/protokoll/", views.audit_log, name="audit"),
    path("verwaltung/sprachen/", views.town_languages, name="town_languages"),
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
