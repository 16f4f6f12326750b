from django.urls import path

from ankommen.core import views

app_name = "core"

urlpatterns = [
    path("verwaltung/protokoll/", views.audit_log, name="audit"),
]
