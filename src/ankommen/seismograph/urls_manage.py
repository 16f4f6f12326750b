"""The Seismograph's manage addresses: where the town's admins keep its data (`manage.py`)."""

from django.urls import path

from ankommen.seismograph import manage

ROOT = "verwaltung/seismograph/"

urlpatterns = [
    path(ROOT, manage.overview, name="manage"),
    path(f"{ROOT}stadtteile/", manage.districts, name="manage_districts"),
    path(f"{ROOT}stadtteile/neu/", manage.district_new, name="manage_district_new"),
    path(f"{ROOT}stadtteile/<int:pk>/", manage.district_edit, name="manage_district_edit"),
    path(f"{ROOT}stadtteile/<int:pk>/grenze/", manage.district_shape, name="manage_district_shape"),
    path(f"{ROOT}indikatoren/", manage.indicators, name="manage_indicators"),
    path(f"{ROOT}indikatoren/katalog/", manage.install_catalogue, name="manage_catalogue"),
    path(f"{ROOT}indikatoren/neu/", manage.indicator_new, name="manage_indicator_new"),
    path(f"{ROOT}indikatoren/<int:pk>/", manage.indicator_edit, name="manage_indicator_edit"),
    path(f"{ROOT}importe/", manage.imports, name="manage_imports"),
    path(f"{ROOT}importe/neu/", manage.import_upload, name="manage_import"),
    path(f"{ROOT}importe/neu/<str:token>/", manage.import_preview, name="manage_import_preview"),
    path(f"{ROOT}importe/<int:pk>/zuruecknehmen/", manage.import_roll_back, name="manage_import_roll_back"),
    path(f"{ROOT}einstellungen/", manage.thresholds, name="manage_thresholds"),
]
