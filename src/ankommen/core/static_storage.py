"""Static files in production: WhiteNoise's compressed, hashed files, each address looked up once per process."""

import functools

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """The manifest does not change while a process runs (`collectstatic` comes with a restart), so an
    address, found by hashing and quoting on every `{% static %}`, is remembered."""

    @functools.cache  # noqa: B019 (one storage per process; it lives as long as the process)
    def url(self, name, force=False):
        return super().url(name, force)
