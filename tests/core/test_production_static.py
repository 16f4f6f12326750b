"""`make run` serves static files as production does: collected, hashed, compressed (WhiteNoise's manifest storage).

The rest of the suite uses plain static files; here a page must find every file it names in the manifest
(a missing one is a server error once DEBUG is off).
"""

import re

from django.core.management import call_command

from ankommen.concept.models import Field

PRODUCTION_STATIC = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


def test_pages_name_hashed_files_that_collectstatic_compressed(client, town, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PRODUCTION_STATIC}
    call_command("collectstatic", interactive=False, verbosity=0)
    field = Field.objects.for_municipality(town).first()

    for path in ("/", f"/handlungsfelder/{field.slug}/", "/ar/", "/konto/login/"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        for name in ("ankommen/ankommen", "vendor/kern/kern.used"):
            assert re.search(rf'"/static/{name}\.[0-9a-f]{{12}}\.css"', page), (path, name)
    hashed = [path for path in tmp_path.glob("ankommen/ankommen.*.css") if path.name != "ankommen.css"]
    assert hashed and all(path.with_name(path.name + ".gz").is_file() for path in hashed)
