"""The Seismograph's dashboard addresses."""

urlpatterns = []
