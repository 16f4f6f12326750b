"""An uploaded photo becomes a safe image: upright, scaled, in sRGB, without a trace of its metadata.

Every input is a real file written by Pillow in the test (with EXIF, GPS, XMP, IPTC, comments, text
chunks and colour profiles where it matters); every output is read back with Pillow and walked
segment by segment.
"""

import hashlib
import io
import random
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from PIL import ExifTags, Image, ImageCms, IptcImagePlugin, PngImagePlugin, features

from ankommen.stories import photos

MODEL = "FP5-Testgeraet"
COMMENT = "Aufgenommen vor dem Haus der Familie"
CITY = b"Lindenweg 7, Esslingen"
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="FP5 Kamera"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
RED, BLUE, WHITE = (255, 0, 0), (0, 0, 255), (255, 255, 255)


# --- making real files ---------------------------------------------------------------------


def _picture(width, height, mode="RGB"):
    """A picture with some structure (gradients), so that encoders have something to do."""
    across = Image.linear_gradient("L").resize((width, height))
    down = across.transpose(Image.Transpose.ROTATE_90).resize((width, height))
    return Image.merge("RGB", (across, down, Image.new("L", (width, height), 128))).convert(mode)


def _encoded(image, kind, **options):
    output = io.BytesIO()
    image.save(output, kind, **options)
    return output.getvalue()


def _upload(data, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def _exif(orientation=None):
    """EXIF as a phone writes it: camera, time, and where the photo was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Fairphone"
    exif[ExifTags.Base.Model] = MODEL
    exif[ExifTags.Base.DateTime] = "2025:06:14 10:31:07"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 44.0, 25.3)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (9.0, 18.0, 39.8)
    return exif


def _with_iptc(jpeg, city):
    """`jpeg` with an IPTC record (APP13, as Photoshop writes it) naming `city` right after its start."""
    record = b"\x1c\x02\x5a" + struct.pack(">H", len(city)) + city  # 2:90, the city
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + resource + b"\x00" * (len(record) % 2)
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def _srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _swapped_profile():
    """An RGB profile whose red primary is sRGB's blue and the other way round: red pixels mean blue."""
    data = bytearray(_srgb_profile())
    (count,) = struct.unpack(">I", data[128:132])
    entries = {}
    for index in range(count):
        at = 132 + 12 * index
        signature, offset, size = struct.unpack(">4sII", data[at : at + 12])
        entries[signature] = (at, offset, size)
    (red_at, red_offset, red_size), (blue_at, blue_offset, blue_size) = entries[b"rXYZ"], entries[b"bXYZ"]
    struct.pack_into(">4sII", data, red_at, b"rXYZ", blue_offset, blue_size)
    struct.pack_into(">4sII", data, blue_at, b"bXYZ", red_offset, red_size)
    data[84:100] = bytes(16)  # the profile's checksum, now wrong: zero says "not computed"
    return bytes(data)


def _png_declaring(width, height):
    """A PNG whose header claims `width` × `height` pixels, with almost no data behind it."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


# --- reading results -----------------------------------------------------------------------


def _opened(prepared):
    return Image.open(io.BytesIO(prepared.content))


def _jpeg_markers(data):
    """The markers of a JPEG's segments up to its first scan (where every metadata segment sits)."""
    assert data[:2] == b"\xff\xd8"
    markers, at = [], 2
    while data[at + 1] != 0xDA:
        assert data[at] == 0xFF
        markers.append(data[at + 1])
        at += 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]
    return markers


def _png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks.append(data[at + 4 : at + 8])
        at += 12 + length
    return chunks


def _assert_no_metadata(prepared):
    image = _opened(prepared)
    assert not image.getexif()
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop"} & set(image.info)
    for trace in (
        b"Exif",
        b"GPS",
        b"http://ns.adobe.com/xap",
        MODEL.encode(),
        COMMENT.encode(),
        CITY,
        b"8BIM",
    ):
        assert trace not in prepared.content
    if prepared.extension == ".jpg":
        markers = _jpeg_markers(prepared.content)
        assert [marker for marker in markers if 0xE0 <= marker <= 0xEF] == [0xE0]  # JFIF's APP0 alone
        assert 0xFE not in markers  # no comment
        assert prepared.content.count(b"\xff\xd8\xff") == 1  # one picture: no thumbnail, no second frame
    else:
        assert set(_png_chunks(prepared.content)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


def _refusal(upload, code, **options):
    with pytest.raises(ValidationError) as refused:
        photos.prepare(upload, **options)
    assert refused.value.code == code
    return refused.value.messages[0]


# --- what a good photo becomes -------------------------------------------------------------


def test_a_photo_loses_its_gps_position_and_all_other_metadata():
    jpeg = _encoded(
        _picture(640, 480), "JPEG", exif=_exif(), xmp=XMP, comment=COMMENT, icc_profile=_srgb_profile()
    )
    jpeg = _with_iptc(jpeg, CITY)
    uploaded = Image.open(io.BytesIO(jpeg))
    assert uploaded.getexif()[ExifTags.Base.Model] == MODEL
    gps = uploaded.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert gps[ExifTags.GPS.GPSLongitude] == (9.0, 18.0, 39.8)
    assert b"http://ns.adobe.com/xap" in uploaded.info["xmp"]
    assert uploaded.info["comment"] == COMMENT.encode()
    assert uploaded.info["icc_profile"]
    assert IptcImagePlugin.getiptcinfo(uploaded)[(2, 90)] == CITY

    prepared = photos.prepare(_upload(jpeg))

    _assert_no_metadata(prepared)
    assert (prepared.extension, prepared.content_type) == (".jpg", "image/jpeg")
    assert IptcImagePlugin.getiptcinfo(_opened(prepared)) is None
    assert (prepared.width, prepared.height) == _opened(prepared).size == (640, 480)


def test_a_photo_comes_out_as_a_progressive_jpeg():
    prepared = photos.prepare(_upload(_encoded(_picture(640, 480), "JPEG")))

    assert _opened(prepared).format == "JPEG"
    assert _opened(prepared).info.get("progressive")


def test_a_photo_taken_with_the_phone_turned_stands_upright():
    stored = Image.new("RGB", (800, 480), WHITE)
    stored.paste(RED, (0, 0, 100, 100))  # the stored picture's top left corner
    jpeg = _encoded(stored, "JPEG", exif=_exif(orientation=6), comment=COMMENT)  # 6: turn 90° clockwise

    prepared = photos.prepare(_upload(jpeg))

    image = _opened(prepared)
    assert (prepared.width, prepared.height) == image.size == (480, 800)
    red, green, blue = image.getpixel((480 - 50, 50))  # now the top right corner
    assert red > 200 and green < 60 and blue < 60
    assert image.getpixel((50, 50)) > (240, 240, 240)
    _assert_no_metadata(prepared)


@pytest.mark.parametrize(
    ("size", "scaled"),
    [((3000, 2000), (2400, 1600)), ((1800, 3600), (1200, 2400)), ((2401, 2401), (2400, 2400))],
)
def test_a_large_photo_is_scaled_to_the_long_side(size, scaled):
    prepared = photos.prepare(_upload(_encoded(_picture(*size), "JPEG", quality=80)))

    assert (prepared.width, prepared.height) == _opened(prepared).size == scaled
    assert max(scaled) == photos.LONG_SIDE


def test_a_photo_no_larger_than_the_long_side_keeps_its_size():
    prepared = photos.prepare(_upload(_encoded(_picture(1200, 320), "JPEG")))

    assert _opened(prepared).size == (1200, 320)


def test_a_transparent_png_stays_png_without_its_text_chunks():
    picture = Image.new("RGBA", (600, 400), (*RED, 255))
    picture.paste((0, 0, 0, 0), (0, 0, 300, 400))
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", COMMENT + " bei 48.7404 N, 9.3111 E")
    text.add_text("Author", "Familie Beispiel " + MODEL, zip=True)
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    png = _encoded(picture, "PNG", pnginfo=text, exif=_exif())
    uploaded = Image.open(io.BytesIO(png))
    uploaded.load()
    assert COMMENT in uploaded.text["Comment"]
    assert "XML:com.adobe.xmp" in uploaded.text
    assert uploaded.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf"} <= set(_png_chunks(png))

    prepared = photos.prepare(_upload(png, "portrait.png", "image/png"))

    assert (prepared.extension, prepared.content_type) == (".png", "image/png")
    image = _opened(prepared)
    assert image.format == "PNG" and image.mode == "RGBA"
    assert image.getpixel((10, 10))[3] == 0
    assert image.getpixel((590, 10)) == (*RED, 255)
    assert not getattr(image, "text", {})
    assert set(_png_chunks(prepared.content)) == {b"IHDR", b"IDAT", b"IEND"}
    _assert_no_metadata(prepared)


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "P", "L"])
def test_a_png_without_transparency_becomes_jpeg(mode):
    png = _encoded(_picture(500, 400, mode), "PNG", pnginfo=_comment_chunk())

    prepared = photos.prepare(_upload(png, "bild.png", "image/png"))

    assert (prepared.extension, prepared.content_type) == (".jpg", "image/jpeg")
    assert _opened(prepared).format == "JPEG" and _opened(prepared).mode == "RGB"
    _assert_no_metadata(prepared)


def _comment_chunk():
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", COMMENT)
    return text


def test_a_png_with_one_transparent_colour_stays_png():
    picture = Image.new("RGB", (400, 400), WHITE)
    picture.paste(BLUE, (0, 0, 400, 200))
    png = _encoded(picture, "PNG", transparency=WHITE)

    prepared = photos.prepare(_upload(png, "logo.png", "image/png"))

    image = _opened(prepared)
    assert prepared.extension == ".png"
    assert image.getpixel((10, 10)) == (*BLUE, 255)
    assert image.getpixel((10, 390))[3] == 0


def test_a_webp_photo_is_accepted_and_stored_as_jpeg_without_metadata():
    webp = _encoded(_picture(640, 480), "WEBP", exif=_exif(), xmp=XMP, icc_profile=_srgb_profile())
    uploaded = Image.open(io.BytesIO(webp))
    assert uploaded.format == "WEBP"
    assert uploaded.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert {"exif", "xmp", "icc_profile"} <= set(uploaded.info)

    prepared = photos.prepare(_upload(webp, "foto.webp", "image/webp"))

    assert prepared.extension == ".jpg"
    assert _opened(prepared).size == (640, 480)
    _assert_no_metadata(prepared)


def test_a_transparent_webp_is_stored_as_png():
    picture = Image.new("RGBA", (400, 400), (*RED, 255))
    picture.paste((0, 0, 0, 0), (0, 0, 200, 400))

    prepared = photos.prepare(_upload(_encoded(picture, "WEBP", lossless=True), "foto.webp", "image/webp"))

    assert prepared.extension == ".png"
    assert _opened(prepared).getpixel((10, 10))[3] == 0
    assert _opened(prepared).getpixel((390, 10)) == (*RED, 255)


def test_a_phone_photo_with_a_second_picture_inside_keeps_only_the_first():
    mpo = _encoded(
        Image.new("RGB", (400, 400), RED),
        "MPO",
        save_all=True,
        append_images=[Image.new("RGB", (400, 400), BLUE)],
        exif=_exif(),
    )
    assert Image.open(io.BytesIO(mpo)).format == "MPO"
    assert Image.open(io.BytesIO(mpo)).n_frames == 2

    prepared = photos.prepare(_upload(mpo))

    red, green, blue = _opened(prepared).getpixel((200, 200))
    assert red > 240 and green < 15 and blue < 15
    assert b"MPF" not in prepared.content
    _assert_no_metadata(prepared)


def test_colours_in_another_colour_space_are_converted_to_srgb_and_the_profile_dropped():
    # In the swapped profile the first channel is blue: these pixels are blue, whatever their numbers.
    jpeg = _encoded(Image.new("RGB", (400, 400), RED), "JPEG", quality=95, icc_profile=_swapped_profile())

    prepared = photos.prepare(_upload(jpeg))

    red, green, blue = _opened(prepared).getpixel((200, 200))
    assert red < 15 and green < 15 and blue > 240
    assert "icc_profile" not in _opened(prepared).info


def test_a_profile_that_cannot_be_read_leaves_the_colours_as_they_are():
    jpeg = _encoded(
        Image.new("RGB", (400, 400), RED), "JPEG", quality=95, icc_profile=b"kein Farbprofil" * 20
    )
    assert Image.open(io.BytesIO(jpeg)).info["icc_profile"]

    prepared = photos.prepare(_upload(jpeg))

    red, green, blue = _opened(prepared).getpixel((200, 200))
    assert red > 240 and green < 15 and blue < 15
    assert b"kein Farbprofil" not in prepared.content


def test_a_cmyk_jpeg_becomes_rgb():
    jpeg = _encoded(Image.new("CMYK", (400, 400), (0, 255, 255, 0)), "JPEG", quality=95)
    assert Image.open(io.BytesIO(jpeg)).mode == "CMYK"

    prepared = photos.prepare(_upload(jpeg))

    assert _opened(prepared).mode == "RGB"
    red, green, blue = _opened(prepared).getpixel((200, 200))
    assert red > 240 and green < 15 and blue < 15


def test_a_sixteen_bit_greyscale_png_keeps_its_grey():
    png = _encoded(Image.new("I;16", (400, 400), 128 * 257), "PNG")
    assert Image.open(io.BytesIO(png)).mode == "I;16"

    prepared = photos.prepare(_upload(png, "scan.png", "image/png"))

    assert all(abs(value - 128) <= 2 for value in _opened(prepared).getpixel((200, 200)))


def test_the_type_is_read_from_the_content_not_from_the_name():
    picture = Image.new("RGBA", (400, 400), (0, 0, 0, 0))

    prepared = photos.prepare(_upload(_encoded(picture, "PNG"), "foto.jpg", "image/jpeg"))

    assert prepared.extension == ".png"


def test_the_checksum_names_the_content():
    jpeg = _encoded(_picture(640, 480), "JPEG", exif=_exif())

    prepared = photos.prepare(_upload(jpeg))

    assert prepared.sha256 == hashlib.sha256(prepared.content).hexdigest()
    assert photos.prepare(_upload(jpeg)) == prepared


def test_an_upload_kept_on_disk_is_read_from_its_start():
    jpeg = _encoded(_picture(640, 480), "JPEG", exif=_exif())
    upload = TemporaryUploadedFile("foto.jpg", "image/jpeg", len(jpeg), None)
    upload.write(jpeg)  # leaves the file at its end, as Django's upload handler does
    try:
        prepared = photos.prepare(upload)
    finally:
        upload.close()

    assert _opened(prepared).size == (640, 480)
    _assert_no_metadata(prepared)


# --- what is refused -----------------------------------------------------------------------


def test_an_empty_file_is_refused():
    assert _refusal(_upload(b""), "empty") == "Die Datei ist leer."


def test_a_file_above_the_limit_is_refused_before_it_is_read():
    upload = _upload(b"\xff\xd8" + bytes(photos.MAX_BYTES))

    message = _refusal(upload, "too_large")

    assert upload.tell() == 0
    assert "größer als 15 MB" in message


def test_a_file_longer_than_its_stated_size_is_refused_too():
    upload = _upload(b"\xff\xd8" + bytes(photos.MAX_BYTES))
    upload.size = 1000  # what a client claimed

    assert "15 MB" in _refusal(upload, "too_large")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"Liebe Frau M\xc3\xbcller, anbei das Foto.\n" * 20, "foto.jpg"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "foto.png"),
        (b"%PDF-1.7\n" + bytes(500), "foto.webp"),
    ],
)
def test_a_file_that_is_no_image_is_refused(data, name):
    message = _refusal(_upload(data, name), "not_an_image")

    assert "kein Bild" in message and "JPEG, PNG oder WebP" in message


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        ("GIF", "GIF"),
        ("BMP", "BMP"),
        ("TIFF", "TIFF"),
        pytest.param(
            "AVIF", "AVIF", marks=pytest.mark.skipif(not features.check("avif"), reason="Pillow without AVIF")
        ),
    ],
)
def test_an_image_of_another_type_is_refused_with_its_name(kind, named):
    data = _encoded(_picture(400, 400), kind)

    message = _refusal(_upload(data, "foto.jpg"), "unsupported_type")

    assert f"im Format {named}" in message and "JPEG, PNG oder WebP" in message


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (20_000, 20_000),  # beyond twice Pillow's own limit: its error
        (10_000, 10_000),  # beyond Pillow's limit: its warning
        (7_000, 7_000),  # beyond MAX_PIXELS, under Pillow's limit: our own count
    ],
)
def test_a_picture_of_too_many_pixels_is_refused_before_it_is_decoded(width, height):
    message = _refusal(_upload(_png_declaring(width, height), "bombe.png"), "too_many_pixels")

    assert "höchstens 40 Megapixel" in message


def test_the_pixel_limit_can_be_lowered():
    jpeg = _encoded(_picture(640, 480), "JPEG")

    message = _refusal(_upload(jpeg), "too_many_pixels", max_pixels=250_000)

    assert "höchstens 0,25 Megapixel" in message
    assert photos.prepare(_upload(jpeg), max_pixels=640 * 480).width == 640


def test_a_picture_too_small_for_print_is_refused():
    message = _refusal(_upload(_encoded(_picture(400, 300), "JPEG")), "too_small")

    assert "300 Pixel" in message and "mindestens 320 Pixel" in message and "Broschüre" in message


def test_a_picture_at_the_minimum_is_accepted():
    prepared = photos.prepare(_upload(_encoded(_picture(photos.MIN_SHORT_SIDE, 480), "JPEG")))

    assert (prepared.width, prepared.height) == (320, 480)


def test_a_picture_too_long_and_thin_to_keep_its_minimum_is_refused():
    message = _refusal(_upload(_encoded(_picture(4000, 330), "JPEG")), "too_narrow")

    assert "zu lang und schmal" in message


def _noise(kind):
    """A photo-like file that hardly compresses, the same every time."""
    pixels = random.Random(21).randbytes(640 * 480 * 3)
    return _encoded(Image.frombytes("RGB", (640, 480), pixels), kind)


@pytest.mark.parametrize(("kind", "name"), [("JPEG", "foto.jpg"), ("PNG", "foto.png"), ("WEBP", "foto.webp")])
def test_a_truncated_file_is_refused(kind, name):
    data = _noise(kind)

    message = _refusal(_upload(data[: len(data) * 6 // 10], name), "corrupt")

    assert "beschädigt oder unvollständig" in message
