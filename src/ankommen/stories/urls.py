from django.urls import path

from ankommen.stories import views

app_name = "stories"

urlpatterns = [
    path("geschichten/", views.stories, name="list"),
    path("geschichten/<slug:slug>/", views.story, name="story"),
    path("geschichten/<slug:slug>/kommentieren/", views.comment, name="comment"),
]
