"""The Seismograph's manage addresses."""

urlpatterns = []
