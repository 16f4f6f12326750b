from django.shortcuts import render
from django.views.decorators.http import require_safe

from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.files import private_file_url
from tests.testapp.models import Note


@require_safe
def notes(request):
    authorize(request, "write_note", request.municipality)
    return render(
        request, "testapp/notes.html", {"notes": Note.objects.for_municipality(request.municipality)}
    )


@require_safe
def note(request, pk):
    note = town_object_or_404(Note.objects, request, "view_note", pk=pk)
    return render(
        request, "testapp/note.html", {"note": note, "attachment": private_file_url(note, "attachment")}
    )
