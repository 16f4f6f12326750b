"""The Seismograph's signals addresses."""

urlpatterns = []
