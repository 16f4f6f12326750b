"""The product's URLs and the test app's, as a town's installation with one more app would have them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from ankommen.urls import urlpatterns as product

urlpatterns = [
    *i18n_patterns(path("", include("tests.testapp.urls")), prefix_default_language=False),
    *product,
]
