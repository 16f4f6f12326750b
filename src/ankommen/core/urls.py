from django.urls import path

from ankommen.core import files, notification_views, views

app_name = "core"

urlpatterns = [
    path("sprachen/", views.languages, name="languages"),
    path("suche/", views.search_page, name="search"),
    path("verwaltung/", views.administration, name="administration"),
    path("konto/benachrichtigungen/", notification_views.notification_list, name="notifications"),
    path(
        "konto/benachrichtigungen/gelesen/", notification_views.notifications_read, name="notifications_read"
    ),
    path(
        "konto/benachrichtigungen/einstellungen/",
        notification_views.notification_settings,
        name="notification_settings",
    ),
    path("abbestellen/<str:token>/", notification_views.unsubscribe, name="unsubscribe"),
    path("folgen/<slug:kind>/<int:pk>/", notification_views.follow, name="follow"),
    path("dateien/<str:model>/<int:pk>/<str:field>/", files.private_file, name="private_file"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/erledigt/", views.moderation_handled, name="moderation_handled"),
    path("moderation/ueberpruefungen/<int:pk>/ausgeblendet-lassen/", views.keep_hidden, name="keep_hidden"),
    path("moderation/<slug:kind>/<int:pk>/ausblenden/", views.hide, name="hide"),
    path("moderation/<slug:kind>/<int:pk>/einblenden/", views.show, name="show"),
    path(
        "moderation/<slug:kind>/<int:pk>/meldungen-zurueckweisen/",
        views.dismiss_flags,
        name="dismiss_flags",
    ),
    path("<slug:kind>/<int:pk>/melden/", views.flag, name="flag"),
    path("<slug:kind>/<int:pk>/ueberpruefung/", views.request_review, name="request_review"),
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
