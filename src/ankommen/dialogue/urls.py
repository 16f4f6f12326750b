from django.urls import path

from ankommen.dialogue import views

app_name = "dialogue"

urlpatterns = [
    path("handlungsfelder/<slug:slug>/", views.field_page, name="field"),
    path("handlungsfelder/<slug:slug>/beitraege/<int:pk>/", views.contribution_page, name="contribution"),
    path("handlungsfelder/<slug:slug>/stufen/<int:stage_pk>/beitragen/", views.add_contribution, name="add"),
    path("beitraege/<int:pk>/unterstuetzen/", views.support, name="support"),
    path("beitraege/<int:pk>/erheben/", views.promote, name="promote"),
    path("beitraege/<int:pk>/melden/", views.report_contribution, name="report_contribution"),
    path("kommentare/<int:pk>/melden/", views.report_comment, name="report_comment"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/beitraege/<int:pk>/ausblenden/", views.hide_contribution, name="hide_contribution"),
    path("moderation/kommentare/<int:pk>/ausblenden/", views.hide_comment, name="hide_comment"),
    path("moderation/meldungen/<int:pk>/zurueckweisen/", views.dismiss_report, name="dismiss_report"),
]
