"""Pages for those who organise events: the events, agendas, attendees, check-in, minutes and programmes."""

from django.http import Http404


def agenda(request, **kwargs):
    raise Http404  # written next


def agenda_item_edit(request, **kwargs):
    raise Http404  # written next


def attendees(request, **kwargs):
    raise Http404  # written next


def attendees_csv(request, **kwargs):
    raise Http404  # written next


def checkin(request, **kwargs):
    raise Http404  # written next


def checkin_token(request, **kwargs):
    raise Http404  # written next


def event_cancel(request, **kwargs):
    raise Http404  # written next


def event_edit(request, **kwargs):
    raise Http404  # written next


def event_new(request, **kwargs):
    raise Http404  # written next


def event_publish(request, **kwargs):
    raise Http404  # written next


def events(request, **kwargs):
    raise Http404  # written next


def make_finding(request, **kwargs):
    raise Http404  # written next


def minutes(request, **kwargs):
    raise Http404  # written next


def paper_list(request, **kwargs):
    raise Http404  # written next


def programme_edit(request, **kwargs):
    raise Http404  # written next


def register_contact(request, **kwargs):
    raise Http404  # written next


def room_new(request, **kwargs):
    raise Http404  # written next


def session_edit(request, **kwargs):
    raise Http404  # written next


def session_new(request, **kwargs):
    raise Http404  # written next


def speaker_edit(request, **kwargs):
    raise Http404  # written next


def speaker_new(request, **kwargs):
    raise Http404  # written next


def speakers(request, **kwargs):
    raise Http404  # written next


def venue_edit(request, **kwargs):
    raise Http404  # written next


def venue_new(request, **kwargs):
    raise Http404  # written next


def venues(request, **kwargs):
    raise Http404  # written next
