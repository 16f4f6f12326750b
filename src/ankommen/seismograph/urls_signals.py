"""The Seismograph's signals: the early warnings and the members' observations (for the town's people)."""

from django.urls import path

from ankommen.seismograph import signal_views

urlpatterns = [
    path("seismograph/signale/", signal_views.signals, name="signals"),
    path("seismograph/signale/beobachtung/", signal_views.observation_new, name="observation_new"),
    path("seismograph/signale/<int:pk>/", signal_views.signal, name="signal"),
    path("seismograph/signale/<int:pk>/befund/", signal_views.signal_finding, name="signal_finding"),
    path("seismograph/signale/<int:pk>/verwerfen/", signal_views.signal_dismiss, name="signal_dismiss"),
]
