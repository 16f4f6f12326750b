from django.urls import path

from tests.testapp import views

app_name = "testapp"

urlpatterns = [
    path("notizen/", views.notes, name="notes"),
    path("notizen/<int:pk>/", views.note, name="note"),
]
