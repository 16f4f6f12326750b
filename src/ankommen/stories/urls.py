from django.urls import path

from ankommen.stories import editing, views

app_name = "stories"

R = "redaktion/geschichten/"

urlpatterns = [
    # for everyone
    path("geschichten/", views.stories, name="list"),
    path("geschichten/<slug:slug>/", views.story, name="story"),
    path("geschichten/<slug:slug>/kommentieren/", views.comment, name="comment"),
    # the storyteller
    path("konto/geschichten/", editing.mine, name="mine"),
    path(
        "konto/geschichten/<slug:slug>/einwilligen/<slug:purpose>/", editing.consent_give, name="consent_give"
    ),
    # the editors
    path(R, editing.manage, name="manage"),
    path(f"{R}neu/", editing.story_new, name="story_new"),
    path(f"{R}broschueren/", editing.brochures_page, name="brochures"),
    path(f"{R}broschueren/neu/", editing.brochure_edit, name="brochure_new"),
    path(f"{R}broschueren/<int:pk>/", editing.brochure, name="brochure"),
    path(f"{R}broschueren/<int:pk>/bearbeiten/", editing.brochure_edit, name="brochure_edit"),
    path(f"{R}broschueren/<int:pk>/setzen/", editing.brochure_build, name="brochure_build"),
    path(f"{R}broschueren/<int:pk>/veroeffentlichen/", editing.brochure_publish, name="brochure_publish"),
    path(f"{R}broschueren/<int:pk>/zurueckziehen/", editing.brochure_unpublish, name="brochure_unpublish"),
    path(
        "konto/geschichten/einwilligungen/<int:pk>/widerrufen/",
        editing.consent_withdraw,
        name="consent_withdraw",
    ),
    path(f"{R}<slug:slug>/", editing.story_edit, name="story_edit"),
    path(f"{R}<slug:slug>/foto/", editing.story_photo, name="story_photo"),
    path(f"{R}<slug:slug>/pruefen/", editing.story_submit, name="story_submit"),
    path(f"{R}<slug:slug>/veroeffentlichen/", editing.story_publish, name="story_publish"),
    path(f"{R}<slug:slug>/zuruecknehmen/", editing.story_unpublish, name="story_unpublish"),
    path(f"{R}<slug:slug>/anmerkung/", editing.story_note, name="story_note"),
    path(f"{R}<slug:slug>/einwilligungen/", editing.consents, name="consents"),
    path(f"{R}<slug:slug>/einwilligungen/neu/", editing.consent_new, name="consent_new"),
]
