from django.shortcuts import render
from django.urls import path

ITEMS = [f"Punkt {number}" for number in range(1, 11)]


def bare(request):
    """A small page from a template: a title, a paragraph, a list of ten items."""
    return render(request, "bare.html", {"title": "Ankommen", "items": ITEMS})


urlpatterns = [path("", bare)]
