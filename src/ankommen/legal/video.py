"""What an uploaded video file is: MP4 or WebM, and how long it runs.

MP4 is read with mutagen. Mutagen does not read Matroska/WebM, so for WebM the few header
elements that hold the duration are read here (EBML: the header's DocType, then the segment's
Info with TimecodeScale and Duration).
"""

import io
import struct
from dataclasses import dataclass

from mutagen import MutagenError
from mutagen.mp4 import MP4

from ankommen.legal.models import VIDEO_FORMATS


class NotAVideo(ValueError):
    """The file is neither an MP4 nor a WebM video that we can read."""


@dataclass(frozen=True)
class VideoFacts:
    media_type: str
    duration: int | None  # whole seconds, None when the file does not say


def read_video(file, extension):
    """The media type and duration of `file` (a file object), judged by its content, not its name."""
    try:
        if extension == "mp4":
            return VideoFacts(VIDEO_FORMATS["mp4"], _mp4_duration(file))
        if extension == "webm":
            return VideoFacts(VIDEO_FORMATS["webm"], _webm_duration(file))
    finally:
        file.seek(0)
    raise NotAVideo(extension)


def _mp4_duration(file):
    file.seek(0)
    try:
        length = MP4(file).info.length
    except (MutagenError, struct.error, EOFError, OSError) as error:
        raise NotAVideo("mp4") from error
    return round(length) if length else None


EBML_HEADER = 0x1A45DFA3
DOC_TYPE = 0x4282
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMECODE_SCALE = 0x2AD7B1
DURATION = 0x4489
CLUSTER = 0x1F43B675
# The Info element comes before the first cluster; no need to look further than this.
TOP_LEVEL_ELEMENTS_TO_LOOK_AT = 32
MAX_HEADER_SIZE = 1_000_000


def _webm_duration(file):
    file.seek(0)
    try:
        if _element_id(file) != EBML_HEADER:
            raise NotAVideo("webm")
        header = dict(_children(_read_body(file)))
        if header.get(DOC_TYPE, b"").rstrip(b"\0") != b"webm":
            raise NotAVideo("webm")
        if _element_id(file) != SEGMENT:
            raise NotAVideo("webm")
        _size(file)  # the segment's size (often "unknown" in streamed files): its children follow
        for _ in range(TOP_LEVEL_ELEMENTS_TO_LOOK_AT):
            element = _element_id(file)
            if element == INFO:
                return _duration_from_info(dict(_children(_read_body(file))))
            size = _size(file)
            if element == CLUSTER or size is None:
                return None
            file.seek(size, io.SEEK_CUR)
    except (EOFError, struct.error) as error:
        raise NotAVideo("webm") from error
    return None


def _duration_from_info(info):
    if DURATION not in info:
        return None
    raw = info[DURATION]
    ticks = struct.unpack(">f" if len(raw) == 4 else ">d", raw)[0]
    scale = int.from_bytes(info.get(TIMECODE_SCALE, b""), "big") or 1_000_000  # nanoseconds per tick
    seconds = ticks * scale / 1_000_000_000
    return round(seconds) if seconds > 0 else None


def _read_exactly(file, count):
    data = file.read(count)
    if len(data) != count:
        raise EOFError
    return data


def _vint_length(first, longest):
    for length in range(1, longest + 1):
        if first & (0x80 >> (length - 1)):
            return length
    raise NotAVideo("webm")


def _element_id(file):
    first = _read_exactly(file, 1)
    length = _vint_length(first[0], 4)
    return int.from_bytes(first + _read_exactly(file, length - 1), "big")


def _size(file):
    """An element's size; None for the "unknown size" of a streamed segment or cluster."""
    first = _read_exactly(file, 1)[0]
    length = _vint_length(first, 8)
    value = first & (0xFF >> length)
    for byte in _read_exactly(file, length - 1):
        value = (value << 8) | byte
    return None if value == (1 << (7 * length)) - 1 else value


def _read_body(file):
    size = _size(file)
    if size is None or size > MAX_HEADER_SIZE:
        raise NotAVideo("webm")
    return _read_exactly(file, size)


def _children(body):
    """(id, raw bytes) of the elements inside `body`."""
    stream = io.BytesIO(body)
    while stream.tell() < len(body):
        element = _element_id(stream)
        yield element, _read_body(stream)
