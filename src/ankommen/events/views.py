"""Pages for everyone: the calendar, an event, registering and cancelling, the calendar files."""

from django.http import Http404


def calendar(request, **kwargs):
    raise Http404  # written next


def cancel(request, **kwargs):
    raise Http404  # written next


def event(request, **kwargs):
    raise Http404  # written next


def event_ics(request, **kwargs):
    raise Http404  # written next


def feed(request, **kwargs):
    raise Http404  # written next


def month(request, **kwargs):
    raise Http404  # written next


def my_registrations(request, **kwargs):
    raise Http404  # written next


def programme(request, **kwargs):
    raise Http404  # written next


def register(request, **kwargs):
    raise Http404  # written next


def register_session(request, **kwargs):
    raise Http404  # written next
