from django.urls import path

from ankommen.dialogue import outcome_views, views

app_name = "dialogue"

urlpatterns = [
    path("handlungsfelder/<slug:slug>/", views.field_page, name="field"),
    path("handlungsfelder/<slug:slug>/beitraege/<int:pk>/", views.contribution_page, name="contribution"),
    path("handlungsfelder/<slug:slug>/stufen/<int:stage_pk>/beitragen/", views.add_contribution, name="add"),
    path("beitraege/<int:pk>/unterstuetzen/", views.support, name="support"),
    path("beitraege/<int:pk>/erheben/", views.promote, name="promote"),
    path("beitraege/<int:pk>/antworten/", outcome_views.answer, name="answer"),
    path("handlungsfelder/<slug:slug>/ergebnisse/", outcome_views.field_results, name="results"),
    path(
        "handlungsfelder/<slug:slug>/ergebnisse.<str:file_format>",
        outcome_views.field_export,
        name="export",
    ),
    path(
        "handlungsfelder/<slug:slug>/beitraege/<int:pk>/bearbeiten/",
        views.edit_contribution,
        name="edit_contribution",
    ),
    path(
        "handlungsfelder/<slug:slug>/beitraege/<int:pk>/zurueckziehen/",
        views.withdraw_contribution,
        name="withdraw_contribution",
    ),
    path("kommentare/<int:pk>/bearbeiten/", views.edit_comment, name="edit_comment"),
    path("kommentare/<int:pk>/zurueckziehen/", views.withdraw_comment, name="withdraw_comment"),
]
