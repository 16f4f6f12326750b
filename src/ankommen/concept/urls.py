from django.urls import path

from ankommen.concept import views

app_name = "concept"

urlpatterns = [
    path("", views.home, name="home"),
    path("verwaltung/", views.manage, name="manage"),
    path("verwaltung/handlungsfelder/neu/", views.field_create, name="field_create"),
    path("verwaltung/handlungsfelder/<slug:slug>/", views.field_edit, name="field_edit"),
    path("verwaltung/handlungsfelder/<slug:slug>/stufen/neu/", views.stage_create, name="stage_create"),
    path("verwaltung/stufen/<int:pk>/", views.stage_edit, name="stage_edit"),
    path("stufen/<int:pk>/oeffnen/", views.stage_open, name="stage_open"),
    path("stufen/<int:pk>/schliessen/", views.stage_close, name="stage_close"),
]
