"""The Seismograph's dashboard addresses: for everyone, the choices in the query (`?indikator=…&zeitraum=…`)."""

from django.urls import path

from ankommen.seismograph import views

urlpatterns = [
    path("seismograph/", views.overview, name="overview"),
    path("seismograph/stadtteile/<int:pk>/", views.district, name="district"),
    path("seismograph/indikatoren/<slug:key>/", views.indicator, name="indicator"),
    path("seismograph/segregation/", views.segregation_page, name="segregation"),
]
