from django.urls import path

from ankommen.concept import views

app_name = "concept"

urlpatterns = [
    path("", views.home, name="home"),
    path("verwaltung/handlungsfelder/", views.fields, name="fields"),
    path("verwaltung/handlungsfelder/neu/", views.field_create, name="field_create"),
    path("verwaltung/handlungsfelder/<slug:slug>/", views.field_edit, name="field_edit"),
    path("verwaltung/handlungsfelder/<slug:slug>/stufen/neu/", views.stage_create, name="stage_create"),
    path("verwaltung/handlungsfelder/<slug:slug>/archivieren/", views.field_archive, name="field_archive"),
    path(
        "verwaltung/handlungsfelder/<slug:slug>/zurueckholen/", views.field_unarchive, name="field_unarchive"
    ),
    path("verwaltung/stufen/<int:pk>/", views.stage_edit, name="stage_edit"),
    path("verwaltung/stufen/<int:pk>/archivieren/", views.stage_archive, name="stage_archive"),
    path("verwaltung/stufen/<int:pk>/zurueckholen/", views.stage_unarchive, name="stage_unarchive"),
    path("hilfe/", views.help_index, name="help"),
    path("hilfe/<slug:slug>/", views.help_page, name="help_page"),
    path("verwaltung/hilfe/", views.help_manage, name="help_manage"),
    path("verwaltung/hilfe/neu/", views.help_page_create, name="help_page_create"),
    path("verwaltung/hilfe/<int:pk>/", views.help_page_edit, name="help_page_edit"),
    path("verwaltung/hilfe/<int:pk>/entfernen/", views.help_page_delete, name="help_page_delete"),
    path("stufen/<int:pk>/oeffnen/", views.stage_open, name="stage_open"),
    path("stufen/<int:pk>/schliessen/", views.stage_close, name="stage_close"),
]
