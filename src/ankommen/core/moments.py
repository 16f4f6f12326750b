"""Many moments in one format, written fast: an attendee list of hundreds shows two moments a row.

Django's `dateformat` reads its format anew for every value (some 40 µs each). A format made only of
numbers (German `d.m.Y H:i`, Persian `Y/n/j، G:i`) becomes a plain string format here, once, and
each moment then costs a few µs; formats with names or words in them (a month's name, "4 p.m.") are
left to Django as before.
"""

from django.utils import dateformat, formats, timezone

_NUMBERS = {
    "d": "{0.day:02d}",
    "j": "{0.day}",
    "m": "{0.month:02d}",
    "n": "{0.month}",
    "Y": "{0.year:04d}",
    "H": "{0.hour:02d}",
    "G": "{0.hour}",
    "i": "{0.minute:02d}",
    "s": "{0.second:02d}",
}


def formatter(name="SHORT_DATETIME_FORMAT"):
    """A function that writes an aware moment in the town's time, in the current language's format `name`."""
    format_ = formats.get_format(name)
    parts = []
    for char in format_:
        if char in _NUMBERS:
            parts.append(_NUMBERS[char])
        elif char == "\\" or (char.isascii() and char.isalpha()):  # a word, a name or an escape: Django's
            return lambda moment: dateformat.format(timezone.localtime(moment), format_)
        else:
            parts.append(char.replace("{", "{{").replace("}", "}}"))
    plain = "".join(parts)
    return lambda moment: plain.format(timezone.localtime(moment))
