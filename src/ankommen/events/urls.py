from django.urls import path

from ankommen.events import organise, views

app_name = "events"

urlpatterns = [
    # for everyone
    path("veranstaltungen/", views.calendar, name="calendar"),
    path("veranstaltungen/monat/<int:year>/<int:month>/", views.month, name="month"),
    path("veranstaltungen/kalender.ics", views.feed, name="feed"),
    path("veranstaltungen/<slug:slug>/", views.event, name="event"),
    path("veranstaltungen/<slug:slug>/kalender.ics", views.event_ics, name="event_ics"),
    path("veranstaltungen/<slug:slug>/programm/", views.programme, name="programme"),
    path("veranstaltungen/<slug:slug>/anmelden/", views.register, name="register"),
    path(
        "veranstaltungen/<slug:slug>/programm/<slug:session>/anmelden/",
        views.register_session,
        name="register_session",
    ),
    path("veranstaltungen/anmeldungen/<int:pk>/abmelden/", views.cancel, name="cancel"),
    path("konto/veranstaltungen/", views.my_registrations, name="my_registrations"),
    # those who organise
    path("verwaltung/veranstaltungen/", organise.events, name="manage"),
    path("verwaltung/veranstaltungen/neu/", organise.event_new, name="event_new"),
    path("verwaltung/veranstaltungen/<slug:slug>/", organise.event_edit, name="event_edit"),
    path(
        "verwaltung/veranstaltungen/<slug:slug>/veroeffentlichen/",
        organise.event_publish,
        name="event_publish",
    ),
    path("verwaltung/veranstaltungen/<slug:slug>/absagen/", organise.event_cancel, name="event_cancel"),
    path("verwaltung/veranstaltungen/<slug:slug>/teilnehmende/", organise.attendees, name="attendees"),
    path(
        "verwaltung/veranstaltungen/<slug:slug>/teilnehmende.csv",
        organise.attendees_csv,
        name="attendees_csv",
    ),
    path(
        "verwaltung/veranstaltungen/<slug:slug>/anmeldung/",
        organise.register_contact,
        name="register_contact",
    ),
    path("verwaltung/veranstaltungen/<slug:slug>/papierliste/", organise.paper_list, name="paper_list"),
    path("verwaltung/veranstaltungen/<slug:slug>/einlass/", organise.checkin, name="checkin"),
    path("einlass/<str:token>/", organise.checkin_token, name="checkin_token"),
    path("verwaltung/veranstaltungen/<slug:slug>/tagesordnung/", organise.agenda, name="agenda"),
    path(
        "verwaltung/veranstaltungen/<slug:slug>/tagesordnung/<int:pk>/",
        organise.agenda_item_edit,
        name="agenda_item_edit",
    ),
    path(
        "verwaltung/veranstaltungen/<slug:slug>/tagesordnung/<int:pk>/protokoll/",
        organise.minutes,
        name="minutes",
    ),
    # Below the events, not below /verwaltung/protokoll/ (the audit log's area, which the frame would mark).
    path("verwaltung/veranstaltungen/protokoll/<int:pk>/befund/", organise.make_finding, name="make_finding"),
    path("verwaltung/veranstaltungen/<slug:slug>/programm/", organise.programme_edit, name="programme_edit"),
    path("verwaltung/veranstaltungen/<slug:slug>/programm/neu/", organise.session_new, name="session_new"),
    path(
        "verwaltung/veranstaltungen/<slug:slug>/programm/<int:pk>/",
        organise.session_edit,
        name="session_edit",
    ),
    path("verwaltung/veranstaltungen/<slug:slug>/raeume/neu/", organise.room_new, name="room_new"),
    path("verwaltung/veranstaltungsorte/", organise.venues, name="venues"),
    path("verwaltung/veranstaltungsorte/neu/", organise.venue_new, name="venue_new"),
    path("verwaltung/veranstaltungsorte/<slug:slug>/", organise.venue_edit, name="venue_edit"),
    path("verwaltung/referierende/", organise.speakers, name="speakers"),
    path("verwaltung/referierende/neu/", organise.speaker_new, name="speaker_new"),
    path("verwaltung/referierende/<slug:slug>/", organise.speaker_edit, name="speaker_edit"),
]
