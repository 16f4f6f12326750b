"""XLIFF 1.2 for translation agencies: export what is missing or outdated, import it back all or nothing.

Each text is one `trans-unit` whose id names the object, the field and the first characters of
its German source's hash, e.g. `concept.field:3:summary:9f86d081884c`. The hash is how an import
knows that the German was changed after the export.

Files kept beside the code (the demo's translations) cannot know database ids: their units name
the object by its natural key within the town instead, in brackets, e.g.
`concept.stage[wohnen-und-leben/stocktaking]:description:9f86d081884c`, or `legal.imprint[]:notes:…`
for the town's one imprint (see `encode_key`). The import takes both forms; the export writes ids.

A target with the standard `state-qualifier` "mt-suggestion" or "leveraged-mt" is a machine's
translation and is stored as such, keeping its label for readers; every other one as reviewed.
"""

import operator
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from xml.etree.ElementTree import Element, SubElement, tostring  # noqa: S405 - writing only

from defusedxml import ElementTree as SafeElementTree
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ankommen.core import translation
from ankommen.core.languages import SOURCE
from ankommen.core.models import Translatable, Translation, TranslationState, key_text, source_hash

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
HASH_LENGTH = 12
_ID = re.compile(
    r"^(?P<model>[a-z_]+\.[a-z_]+)(?::(?P<pk>\d+)|\[(?P<key>[^\]]*)\])"
    r":(?P<field>[a-z_]+):(?P<hash>[0-9a-f]{12})$"
)
_TAG = re.compile(r"<\s*[/!a-zA-Z][^>]*>")
# Escaped inside a part of a natural key: what separates parts and ids, and what XML would not keep.
_KEY_SPECIAL = frozenset("%/[]:") | {chr(code) for code in range(0x20)} | {"\x7f"}
_KEY_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def unit_id(obj, field_name):
    return f"{obj._meta.label_lower}:{obj.pk}:{field_name}:{_digest(obj, field_name)}"


def key_unit_id(obj, field_name):
    """The unit id that names `obj` by its natural key, not its database id: for files kept beside the code."""
    return f"{obj._meta.label_lower}[{encode_key(obj.natural_key())}]:{field_name}:{_digest(obj, field_name)}"


def _digest(obj, field_name):
    return source_hash(getattr(obj, field_name) or "")[:HASH_LENGTH]


def encode_key(parts):
    """A natural key as it stands between a unit id's brackets: the parts joined by "/", each with
    "%", "/", "[", "]", ":" and control characters percent-escaped ("Wohnen/Leben" → "Wohnen%2FLeben")."""
    if any(part == "" for part in parts):
        raise ValueError(f"a natural key's parts cannot be empty: {parts!r}")
    return "/".join(
        "".join(f"%{ord(char):02X}" if char in _KEY_SPECIAL else char for char in part) for part in parts
    )


def decode_key(text):
    """The parts of a natural key from between a unit id's brackets; empty brackets give (), a town's one row."""
    if not text:
        return ()
    return tuple(_KEY_ESCAPE.sub(lambda match: chr(int(match[1], 16)), part) for part in text.split("/"))


def export(municipality, language):
    """The town's missing and outdated texts for `language`, as an XLIFF 1.2 document (bytes)."""
    rows = translation.texts_with_status(
        municipality, language, statuses=list(translation.NEEDS_WORK), limit=1_000_000
    )
    objects = translation.objects_for(rows)
    root = Element("xliff", {"version": "1.2", "xmlns": NAMESPACE})
    document = SubElement(
        root,
        "file",
        {
            "original": f"ankommen/{municipality.slug}",
            "source-language": SOURCE,
            "target-language": language,
            "datatype": "plaintext",
        },
    )
    body = SubElement(document, "body")
    for content_type_id, object_id, field_name, status in rows:
        obj = objects.get((content_type_id, object_id))
        if obj is None:
            continue
        unit = SubElement(body, "trans-unit", {"id": unit_id(obj, field_name), "xml:space": "preserve"})
        SubElement(unit, "source").text = getattr(obj, field_name)
        note = SubElement(unit, "note")
        note.text = f"{obj._meta.verbose_name}: {obj} ({obj._meta.get_field(field_name).verbose_name})"
        if status == translation.TranslationStatus.OUTDATED:
            old = next(
                row for row in obj.translations.all() if row.language == language and row.field == field_name
            )
            SubElement(unit, "target", {"state": "needs-review-translation"}).text = old.text
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode("utf-8")


@dataclass
class Report:
    """What an import would do, and every problem that stops it."""

    items: list = field(default_factory=list)  # (object, field name, German source, translation)
    machine: set = field(default_factory=set)  # (model label, object id, field name) of machine translations
    first: set = field(
        default_factory=set
    )  # the same of texts that have no translation into the language yet
    problems: list = field(default_factory=list)  # (unit id or "", message)
    skipped: int = 0  # units without a translation
    unchanged: int = 0  # units that still hold the stored translation and do not say it is done

    @property
    def importable(self):
        return not self.problems and bool(self.items)

    def is_machine(self, obj, field_name):
        return (obj._meta.label_lower, obj.pk, field_name) in self.machine

    def is_first(self, obj, field_name):
        return (obj._meta.label_lower, obj.pk, field_name) in self.first


# XLIFF 1.2 target states that say a translator is done with the text; every other state
# (new, needs-translation, needs-review-translation, …) leaves an unchanged text as it was.
DONE = {"translated", "signed-off", "final"}
# XLIFF 1.2 state qualifiers that say a machine made the target.
MACHINE_MADE = {"mt-suggestion", "leveraged-mt"}


def check(municipality, language, data, *, keep_existing=False):
    """Read an XLIFF file and say, unit by unit, what importing it would do; changes nothing.

    With `keep_existing`, a unit whose text already has a translation counts as unchanged
    whatever the file says (the demo, run again, keeps what people changed in the meantime).
    """
    report = Report()
    try:
        root = SafeElementTree.fromstring(data)
    except SafeElementTree.ParseError as error:
        report.problems.append(("", _("Die Datei ist kein gültiges XML: %(error)s") % {"error": error}))
        return report
    except Exception:  # defusedxml refuses entities and external references
        report.problems.append(
            ("", _("Die Datei enthält nicht erlaubte XML-Konstrukte (Entitäten oder Verweise)."))
        )
        return report
    if root.tag != f"{{{NAMESPACE}}}xliff":
        report.problems.append(("", _("Die Datei ist keine XLIFF-1.2-Datei.")))
        return report
    for document in root.findall(f"{{{NAMESPACE}}}file"):
        if document.get("target-language") != language:
            report.problems.append(
                (
                    "",
                    _("Die Datei ist für die Sprache „%(found)s“, nicht für „%(wanted)s“.")
                    % {"found": document.get("target-language"), "wanted": language},
                )
            )
            return report
        stored = _stored_texts(municipality, language)
        units = list(document.iter(f"{{{NAMESPACE}}}trans-unit"))
        named = _Named(municipality, [_ID.match(unit.get("id", "")) for unit in units])
        for unit in units:
            _check_unit(named, unit, report, stored, keep_existing)
    return report


def _stored_texts(municipality, language):
    """{(content type id, object id, field): text} of the town's translations into `language`."""
    rows = Translation.objects.for_municipality(municipality).filter(language=language)
    return {
        (content_type_id, object_id, field_name): text
        for content_type_id, object_id, field_name, text in rows.values_list(
            "content_type_id", "object_id", "field", "text"
        )
    }


def _check_unit(named, unit, report, stored, keep_existing):
    unit_name = unit.get("id", "")
    target = unit.find(f"{{{NAMESPACE}}}target")
    if target is None or not "".join(target.itertext()).strip():
        report.skipped += 1
        return
    match = _ID.match(unit_name)
    obj = named.get(match) if match else None
    key = None if obj is None else (ContentType.objects.get_for_model(obj).pk, obj.pk, match["field"])
    if keep_existing and key in stored:  # also while a contribution is hidden: its translation stays
        report.unchanged += 1
        return
    if obj is None or not obj.offered_for_translation:
        report.problems.append(
            (unit_name, _("Unbekannte ID: Zu diesem Text gibt es nichts in dieser Kommune."))
        )
        return
    unchanged = key in stored and not len(target) and translation.same_text(target.text, stored[key])
    if unchanged and target.get("state") not in DONE:
        report.unchanged += 1
        return
    source = getattr(obj, match["field"]) or ""
    if source_hash(source)[:HASH_LENGTH] != match["hash"]:
        report.problems.append(
            (unit_name, _("Der deutsche Text wurde nach dem Export geändert; bitte neu exportieren."))
        )
        return
    if len(target):
        report.problems.append(
            (
                unit_name,
                _("Die Übersetzung enthält Auszeichnungen (%(tag)s); erlaubt ist nur Text.")
                % {"tag": target[0].tag.split("}")[-1]},
            )
        )
        return
    text = target.text or ""
    if _TAG.search(text):
        report.problems.append((unit_name, _("Die Übersetzung enthält HTML; erlaubt ist nur Text.")))
        return
    report.items.append((obj, match["field"], source, text.strip()))
    text_id = (obj._meta.label_lower, obj.pk, match["field"])
    if target.get("state-qualifier") in MACHINE_MADE:
        report.machine.add(text_id)
    if key not in stored:
        report.first.add(text_id)


def _model_of(match):
    """The translatable model a unit id names, if its field is one of its translatable texts; else None."""
    try:
        model = apps.get_model(match["model"])
    except (LookupError, ValueError):
        return None
    if not issubclass(model, Translatable) or match["field"] not in model.translatable_fields:
        return None
    return model


class _Named:
    """The town's objects that the unit ids of one file name, by database id or natural key; None if
    there is none. The objects named by natural key are read together, a few queries per model."""

    def __init__(self, municipality, matches):
        self.municipality = municipality
        self.wanted = defaultdict(set)  # model → the natural keys the file names
        for match in matches:
            model = _model_of(match) if match else None
            if model is not None and match["key"] is not None:
                self.wanted[model].add(decode_key(match["key"]))
        self.found = {}  # model → {natural key: object}

    def get(self, match):
        model = _model_of(match)
        if model is None:
            return None
        rows = model.objects.for_municipality(self.municipality)
        if match["pk"] is not None:
            return rows.filter(pk=match["pk"]).first()
        if model not in self.found:
            self.found[model] = _by_natural_key(rows, self.wanted[model])
        return self.found[model].get(decode_key(match["key"]))


KEYS_PER_QUERY = 400


def _by_natural_key(rows, keys):
    """{natural key: object} for those of `keys` that name exactly one of `rows`."""
    names = getattr(rows.model, "natural_key_fields", None)
    if names is None:
        return {}
    keys = [key for key in keys if len(key) == len(names)]
    if not names:  # the town's one row of the model (its imprint): named by empty brackets
        found = list(rows[:2])
        return {(): found[0]} if len(found) == 1 else {}
    pks = {}
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        condition = reduce(operator.or_, (Q(**dict(zip(names, key, strict=True))) for key in chunk))
        try:
            matched = list(rows.filter(condition).values_list("pk", *names))
        except (ValidationError, ValueError, TypeError):  # a part the field cannot hold: key by key
            matched = []
            for key in chunk:
                try:
                    matched += rows.filter(**dict(zip(names, key, strict=True))).values_list("pk", *names)
                except (ValidationError, ValueError, TypeError):
                    continue
        for pk, *parts in matched:
            pks.setdefault(tuple(key_text(part) for part in parts), []).append(pk)
    single = {key: found[0] for key, found in pks.items() if len(found) == 1}
    objects = rows.in_bulk(single.values())
    return {key: objects[pk] for key, pk in single.items()}


def apply(municipality, language, data, *, actor, state=TranslationState.REVIEWED, keep_existing=False):
    """Import every translation of the file, or none: a single problem stops the whole import.

    `actor` is a member who may translate, or the town's `SystemActor` (the demo, operators' imports).
    The import leaves one audit line, on the town, with the language and the number of texts.
    """
    from ankommen.core.audit import audit
    from ankommen.core.rules import require

    require(actor, "translate", municipality)
    report = check(municipality, language, data, keep_existing=keep_existing)
    if not report.importable:
        return report
    with transaction.atomic():
        first = []  # texts nobody translated before: written at once
        for obj, field_name, _source, text in report.items:
            machine = report.is_machine(obj, field_name)
            if report.is_first(obj, field_name):
                first.append(
                    translation.new_translation(
                        obj,
                        field_name,
                        language,
                        actor=actor,
                        text=text,
                        state=TranslationState.MACHINE if machine else state,
                    )
                )
            elif machine:
                translation.store_machine_translation(
                    obj, field_name, language, actor=actor, text=text, audited=False
                )
            else:
                translation.save_translation(
                    obj, field_name, language, actor=actor, text=text, state=state, audited=False
                )
        translation.create_translations(first)
        audit(actor.user, "translation.imported", municipality, language=language, texts=len(report.items))
    return report
