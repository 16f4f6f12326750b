"""Helpers for the legal pages' tests: a tiny real MP4 file and a client that checks CSRF like a browser."""

import re
import struct

import pytest
from django.test import Client


def _box(kind, payload):
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4_bytes(seconds, timescale=1000):
    """A minimal MP4 that mutagen reads: an ftyp box and a moov box whose mvhd holds the duration."""
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2mp41")
    mvhd = _box(
        b"mvhd",
        b"\0\0\0\0"  # version 0, no flags
        + struct.pack(">IIII", 0, 0, timescale, round(seconds * timescale))
        + struct.pack(">IH", 0x00010000, 0x0100)  # rate 1.0, volume 1.0
        + b"\0" * 10
        + struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)  # unity matrix
        + b"\0" * 24
        + struct.pack(">I", 2),  # next track id
    )
    return ftyp + _box(b"moov", mvhd) + _box(b"mdat", b"\0" * 1024)


def _ebml(element_id, payload):
    size = len(payload)
    assert size < 0x3FFF
    return element_id + struct.pack(">H", 0x4000 | size) + payload


def webm_bytes(seconds):
    """A minimal WebM: the EBML header (DocType webm) and a segment whose Info holds the duration."""
    header = _ebml(b"\x1a\x45\xdf\xa3", _ebml(b"\x42\x82", b"webm"))
    info = _ebml(
        b"\x15\x49\xa9\x66",
        _ebml(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3, "big"))
        + _ebml(b"\x44\x89", struct.pack(">d", seconds * 1000)),
    )
    return header + b"\x18\x53\x80\x67" + b"\x01\xff\xff\xff\xff\xff\xff\xff" + info


@pytest.fixture
def csrf_client(db):
    """A client without a login that checks CSRF tokens, as a real browser's requests are checked."""
    return Client(enforce_csrf_checks=True)


def csrf_token_of(client, url):
    """Load the form page like a browser does and return the CSRF token of its form."""
    response = client.get(url)
    assert response.status_code == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture(autouse=True)
def _database(db):
    """Every test here reads the shared world."""


def legal_translations(town):
    """The translations of the town's legal pages (every model of the legal app with translatable texts)."""
    from django.contrib.contenttypes.models import ContentType

    from ankommen.core.models import Translation
    from ankommen.legal.models import (
        AccessibilityStatement,
        Imprint,
        NonAccessibleContent,
        PrivacyNotice,
        SignLanguageVideo,
        TermsVersion,
    )

    models = (
        Imprint,
        PrivacyNotice,
        TermsVersion,
        AccessibilityStatement,
        NonAccessibleContent,
        SignLanguageVideo,
    )
    return Translation.objects.filter(
        municipality=town, content_type__in=ContentType.objects.get_for_models(*models).values()
    )


@pytest.fixture
def untranslated(town):
    """The demo town's legal pages without the demo's translations, as a town has them before translating."""
    legal_translations(town).delete()
