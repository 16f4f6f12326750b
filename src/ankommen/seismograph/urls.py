"""The Seismograph's addresses: the dashboard for everyone (`urls_dashboard`), the town's data for
its admins (`urls_manage`), the warnings and observations (`urls_signals`)."""

from ankommen.seismograph import urls_dashboard, urls_manage, urls_signals

app_name = "seismograph"
urlpatterns = [*urls_dashboard.urlpatterns, *urls_manage.urlpatterns, *urls_signals.urlpatterns]
