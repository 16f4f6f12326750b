"""An uploaded photo for an arrival story, turned into an image that is safe to keep and to print.

A photo from a phone says more than its picture: where it was taken (GPS), when, with which
camera, sometimes the owner's name, a caption or a small copy of the uncropped original. The
person in a story consented to their portrait, not to that. `prepare()` therefore never keeps the
uploaded file: it decodes the picture and writes a new file from the pixels alone, so no EXIF, XMP,
IPTC, comment, text chunk, embedded thumbnail or second picture (a phone's MPO depth map) can come
along, whether or not we know its marker.

What comes in is decided from the content by Pillow, never from the name or the browser's word:
JPEG (with MPO, the JPEG variant many phones write), PNG and WebP are accepted; anything else is
refused with a German message and a code, one per problem: `empty`, `too_large` (more than
`MAX_BYTES`), `not_an_image`, `unsupported_type`, `too_many_pixels` (more than `MAX_PIXELS`: a small
file that would unpack into gigabytes), `too_small` (under `MIN_SHORT_SIDE` on the short side: a
portrait for the printed brochure needs that much), `too_narrow` (so long and thin that scaling it
to `LONG_SIDE` would leave the short side under that minimum) and `corrupt` (truncated or damaged).
An animated PNG or WebP keeps its first picture.

How it is made:
- turned upright first (`ImageOps.exif_transpose`), since the orientation a phone records goes
  with the rest of the EXIF data;
- scaled down with Lanczos to `LONG_SIDE` pixels on the long side at most: a half page of A4 at
  300 dpi, more than any screen shows;
- converted to sRGB and written without a colour profile. A profile is metadata too (it can name
  the device that made it), and every place the photo goes (browsers, the PDF of the brochure, a
  print shop's untagged RGB) reads an image without one as sRGB. So a photo that carries another
  profile (Display P3 from a phone, Adobe RGB from a camera, CMYK from a layout program) is
  converted with LittleCMS (`ImageCms`) into sRGB, keeping its colours as close as sRGB allows,
  instead of keeping a profile only some readers honour. A profile LittleCMS cannot read, or one
  that does not fit the picture, is ignored: the pixels are then taken as sRGB, as they would be
  by a browser that does not understand it;
- a picture with real transparency (some pixel not fully opaque) is stored as PNG, so a cut-out
  portrait keeps its outline; every other picture as a progressive JPEG of quality
  `JPEG_QUALITY`, its unused alpha channel (all opaque) dropped.

The limits are checked before the work they guard: the size of the upload before reading it, the
length of what was read, the pixel count from the header before decoding, and Pillow's own
decompression-bomb guard (`Image.MAX_IMAGE_PIXELS`, left as it is) is caught as a refusal too.
"""

import hashlib
import io
import struct
import warnings
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps

MEGABYTE = 1024 * 1024
MAX_BYTES = 15 * MEGABYTE  # phones write 2 to 8 MB, a 24-megapixel camera about 12 MB
MAX_PIXELS = 40_000_000  # preparing a 40-megapixel JPEG takes about 220 MB of memory for a moment
MIN_SHORT_SIDE = 320  # px; printed 5 cm wide that is still about 160 dpi
LONG_SIDE = 2400  # px; a half page of A4 (about 20 × 14 cm) at 300 dpi
JPEG_QUALITY = 85

# The readers Pillow may try on an upload. The JPEG reader opens MPO too (reported as "MPO"): a JPEG
# with more pictures after the first, as many phones write.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
# Formats Pillow may read only to name them in a refusal. Each has a firm signature, so a text file
# is never taken for one of them (Pillow's weaker guesses, TGA for instance, are left out).
NAMED_FORMATS = ("GIF", "TIFF", "BMP", "JPEG2000", "ICO", "PSD", "AVIF")

# What Pillow raises for damaged data while it decodes: truncated files, bad checksums, impossible
# headers, text chunks too large.
_DAMAGED = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


@dataclass(frozen=True)
class Prepared:
    """The image to store: its bytes, what to call them and how large the picture is."""

    content: bytes
    extension: str  # ".jpg" or ".png"
    content_type: str  # "image/jpeg" or "image/png"
    width: int
    height: int
    sha256: str  # hexadecimal digest of `content`


def prepare(upload, *, max_pixels=MAX_PIXELS):
    """The uploaded photo as a new, upright, sRGB image without metadata; `ValidationError` if unusable.

    `upload` is a Django `UploadedFile` or any binary file object with `size`, `read()` and `seek()`;
    it is read from its start and not closed.
    """
    with _open(_read(upload), max_pixels) as image:
        try:
            ImageOps.exif_transpose(image, in_place=True)  # decodes the picture
            picture = _normalised(image)
        except _DAMAGED:
            raise _corrupt() from None
        picture = _in_srgb(_scaled(picture), image.info.get("icc_profile"))

    # A new image from the pixels alone: Pillow's writers take a comment, a profile or a
    # transparency from `info` if the image still carries one.
    clean = Image.frombytes(picture.mode, picture.size, picture.tobytes())
    output = io.BytesIO()
    if clean.mode == "RGBA":
        clean.save(output, "PNG")  # zlib level 6: `optimize` takes ten times as long for 8 % less
        extension, content_type = ".png", "image/png"
    else:
        clean.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        extension, content_type = ".jpg", "image/jpeg"
    content = output.getvalue()
    return Prepared(
        content=content,
        extension=extension,
        content_type=content_type,
        width=clean.width,
        height=clean.height,
        sha256=hashlib.sha256(content).hexdigest(),
    )


def _read(upload):
    """The upload's bytes, refused when empty or above `MAX_BYTES` (by its stated size, then by what came)."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise _too_large()
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if not data:
        raise ValidationError(_("Die Datei ist leer."), code="empty")
    if len(data) > MAX_BYTES:
        raise _too_large()
    return data


def _too_large():
    return ValidationError(
        _("Das Foto ist größer als %(megabytes)s MB. Bitte laden Sie eine kleinere Datei hoch."),
        code="too_large",
        params={"megabytes": MAX_BYTES // MEGABYTE},
    )


def _open(data, max_pixels):
    """The image in `data` with its header read and its size checked, not yet decoded."""
    try:
        # Within the block Pillow's warning for a possible bomb is an error, as its error for a
        # certain one already is. (Python's filter list belongs to the process; should another
        # thread change it meanwhile, `_check_size` still refuses: MAX_PIXELS lies under
        # Pillow's limit.)
        with warnings.catch_warnings(action="error", category=Image.DecompressionBombWarning):
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(max_pixels) from None
    except Image.UnidentifiedImageError:
        raise _not_accepted(data) from None
    except _DAMAGED:
        raise _corrupt() from None
    try:
        _check_size(*image.size, max_pixels)
    except ValidationError:
        image.close()
        raise
    return image


def _check_size(width, height, max_pixels):
    if width * height > max_pixels:
        raise _too_many_pixels(max_pixels)
    short_side = min(width, height)
    if short_side < MIN_SHORT_SIDE:
        raise ValidationError(
            _(
                "Das Bild ist zu klein für den Druck in der Broschüre: Seine kürzere Seite misst "
                "%(pixels)s Pixel, nötig sind mindestens %(minimum)s Pixel, damit das Porträt scharf "
                "gedruckt wird. Bitte laden Sie das Foto in voller Größe hoch."
            ),
            code="too_small",
            params={"pixels": short_side, "minimum": MIN_SHORT_SIDE},
        )
    if min(_fitted(width, height)) < MIN_SHORT_SIDE:
        raise ValidationError(
            _(
                "Das Bild ist zu lang und schmal für ein Porträt: Auf %(long_side)s Pixel Länge verkleinert "
                "bliebe die kürzere Seite unter %(minimum)s Pixel. Bitte schneiden Sie das Foto zu."
            ),
            code="too_narrow",
            params={"long_side": LONG_SIDE, "minimum": MIN_SHORT_SIDE},
        )


def _corrupt():
    return ValidationError(
        _(
            "Die Bilddatei ist beschädigt oder unvollständig, vielleicht wurde das Hochladen "
            "unterbrochen. Bitte laden Sie sie noch einmal hoch."
        ),
        code="corrupt",
    )


def _too_many_pixels(max_pixels):
    return ValidationError(
        _(
            "Das Bild hat zu viele Bildpunkte: höchstens %(megapixels)s Megapixel sind möglich. "
            "Bitte laden Sie eine kleinere Fassung hoch."
        ),
        code="too_many_pixels",
        params={"megapixels": _megapixels(max_pixels)},
    )


def _megapixels(pixels):
    if pixels % 1_000_000 == 0:
        return number_format(pixels // 1_000_000)
    return number_format(round(pixels / 1_000_000, 2))


def _not_accepted(data):
    """The refusal for bytes Pillow does not open as JPEG, PNG or WebP: another image type, or no image."""
    Image.init()  # registers every reader Pillow has, so that the list below is complete
    try:
        with warnings.catch_warnings(action="ignore", category=Image.DecompressionBombWarning):
            other = Image.open(
                io.BytesIO(data), formats=[name for name in NAMED_FORMATS if name in Image.OPEN]
            )
    except Exception:  # whatever else it is, it is no image we can name
        other = None
    if other is not None:
        other.close()
        return ValidationError(
            _(
                "Bilder im Format %(format)s nehmen wir nicht an. Bitte laden Sie ein Foto im Format "
                "JPEG, PNG oder WebP hoch."
            ),
            code="unsupported_type",
            params={"format": other.format},
        )
    return ValidationError(
        _(
            "Die Datei ist kein Bild, das wir lesen können. Bitte laden Sie ein Foto im Format JPEG, "
            "PNG oder WebP hoch."
        ),
        code="not_an_image",
    )


def _normalised(image):
    """The decoded picture in one of the modes the rest works in: RGB, RGBA, L, LA or CMYK."""
    mode = image.mode
    if mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        if "transparency" in image.info:  # a PNG's single transparent colour
            return image.convert("LA" if mode == "L" else "RGBA")
        return image
    if mode.startswith(("I", "F")):  # 16-bit and deeper greyscale: scaled, not clipped, to 8 bits
        return image.convert("I").point(lambda value: value / 257).convert("L")
    if mode == "1":
        return image.convert("L")
    if mode == "PA" or (mode == "P" and "transparency" in image.info):
        return image.convert("RGBA")
    return image.convert("RGB")


def _fitted(width, height):
    """`width` × `height` scaled down to `LONG_SIDE` on the long side, or as it is when smaller."""
    longest = max(width, height)
    if longest <= LONG_SIDE:
        return width, height
    return max(1, round(width * LONG_SIDE / longest)), max(1, round(height * LONG_SIDE / longest))


def _scaled(picture):
    size = _fitted(*picture.size)
    if size == picture.size:
        return picture
    # Pillow resamples RGBA and LA with premultiplied alpha, so transparent pixels do not bleed.
    return picture.resize(size, Image.Resampling.LANCZOS)


def _in_srgb(picture, icc_profile):
    """`picture` as RGB in sRGB, or as RGBA when some pixel is not fully opaque.

    Converted from the embedded profile `icc_profile` when LittleCMS can read it and it fits the
    picture's colours (RGB, grey or CMYK); taken as sRGB otherwise.
    """
    alpha = picture.getchannel("A") if picture.mode in ("RGBA", "LA") else None
    if alpha is not None and alpha.getextrema()[0] == 255:
        alpha = None  # an alpha channel that hides nothing
    colour = picture.convert(picture.mode.removesuffix("A"))
    converted = None
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            converted = ImageCms.profileToProfile(colour, source, _srgb(), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # an unreadable profile, or one for another colour model than the picture's
    colour = colour.convert("RGB") if converted is None else converted
    if alpha is not None:
        colour.putalpha(alpha)
    return colour


@cache
def _srgb():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
