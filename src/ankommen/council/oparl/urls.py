"""The addresses of the OParl interface, under /oparl/1.1/ on the town's host.

An object lives at `<type>/<id>/` (`paper/7/`), the body's lists at `body/<town>/<type>/`. Ids are
written without leading zeros, so that every object has exactly one address.
"""

from django.urls import path, re_path, register_converter

from ankommen.council.oparl import views
from ankommen.council.oparl.kinds import KINDS


class ObjectId:
    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(ObjectId, "oparl_id")

app_name = "oparl"

urlpatterns = [
    path("", views.system, name="system"),
    path("body/", views.body_list, name="body_list"),
    path("body/<slug:slug>/", views.body, name="body"),
    *[
        path(f"body/<slug:slug>/{segment}/", views.object_list, {"segment": segment}, name=f"{segment}_list")
        for segment in KINDS
    ],
    *[
        path(f"{segment}/<oparl_id:pk>/", views.object_detail, {"segment": segment}, name=segment)
        for segment in KINDS
    ],
    path("organization/<oparl_id:pk>/meeting/", views.organization_meetings, name="organization_meetings"),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
