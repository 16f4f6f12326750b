from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

# German pages live at the root, other languages under their prefix (/en/...), so that a
# language choice is kept in the address itself and needs no cookie.
urlpatterns = i18n_patterns(
    path("", include("ankommen.concept.urls")),
    path("", include("ankommen.dialogue.urls")),
    path("", include("ankommen.accounts.urls")),
    path("", include("ankommen.core.urls")),
    path("", include("ankommen.legal.urls")),
    path("", include("ankommen.circle.urls")),
    path("", include("ankommen.council.urls")),
    path("", include("ankommen.events.urls")),
    path("", include("ankommen.seismograph.urls")),
    path("", include("ankommen.stories.urls")),
    path("konto/", include("allauth.urls")),
    prefix_default_language=False,
)

# OParl, the council systems' open interface: JSON, one address whatever the reader's language.
urlpatterns += [path("oparl/1.1/", include("ankommen.council.oparl.urls"))]

if settings.ADMIN_URL_ENABLED:
    urlpatterns += [path("django-admin/", admin.site.urls)]

if settings.DEBUG:
    # Uploaded files (sign-language videos) from the development server; in production the reverse proxy.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
