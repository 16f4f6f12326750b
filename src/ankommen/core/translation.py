"""Translated content: what a reader sees, what a translator has to do, and the writes in between.

Any model that inherits `Translatable` and names its `translatable_fields` takes part; this
module knows no model by name.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ankommen.core.audit import audit
from ankommen.core.cache import touch, town_scope, versions
from ankommen.core.languages import SOURCE
from ankommen.core.models import (
    CURRENT,
    WITHDRAWN,
    Translatable,
    Translation,
    TranslationState,
    TranslationStatus,
    source_hash,
    source_status_of,
)
from ankommen.core.registry import registry
from ankommen.core.rules import may, require

READABLE = {TranslationState.MACHINE, TranslationState.REVIEWED}


def translatable_models():
    return [
        model for model in apps.get_models() if issubclass(model, Translatable) and model.translatable_fields
    ]


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendering:
    """A text as one reader sees it: in their language if there is a readable translation, else German."""

    text: str
    lang: str
    status: str
    checked_by_target_group: bool = False

    def __str__(self):
        return self.text

    @property
    def is_source(self):
        return self.status == "source"

    @property
    def is_fallback(self):
        return self.status in (TranslationStatus.MISSING, TranslationStatus.IN_TRANSLATION)

    @property
    def is_machine(self):
        return self.status == TranslationStatus.MACHINE

    @property
    def is_outdated(self):
        return self.status == TranslationStatus.OUTDATED


def _rows_for(obj, language):
    """The object's translations into `language`: prefetched with its list, or fetched once now."""
    rows = getattr(obj, "translations_prefetched", None)
    if rows is None:
        rows = obj.translations_prefetched = list(obj.translations.filter(language=language))
    return rows


def translated(obj, field, language=None):
    """How `obj.field` reads in `language` (the active one by default)."""
    language = language or get_language()
    source = getattr(obj, field) or ""
    if language == SOURCE or not source:
        return Rendering(source, SOURCE, "source")
    row = next(
        (row for row in _rows_for(obj, language) if row.field == field and row.language == language), None
    )
    if row is None:
        return Rendering(source, SOURCE, TranslationStatus.MISSING)
    if row.state not in READABLE:
        return Rendering(source, SOURCE, TranslationStatus.IN_TRANSLATION)
    status = TranslationStatus.OUTDATED if row.source_hash != source_hash(source) else row.state
    return Rendering(row.text, language, status, row.checked_by_target_group)


def name_of(obj):
    """`obj`'s name as a `Rendering` in the reader's language: the translatable field that holds what
    `str(obj)` says (a field's or a district's name, a contribution's title), else `str(obj)` in German."""
    shown = str(obj)
    for field in getattr(obj, "translatable_fields", ()):
        if getattr(obj, field, None) == shown:
            return translated(obj, field)
    return Rendering(shown, SOURCE, "source")


def status_of(obj, field, language):
    """The translator's view of one text: missing, in translation, machine, reviewed or outdated."""
    source = getattr(obj, field) or ""
    row = next(
        (row for row in obj.translations.all() if row.field == field and row.language == language), None
    )
    if row is None:
        return TranslationStatus.MISSING
    if row.source_hash != source_hash(source) and row.state in READABLE:
        return TranslationStatus.OUTDATED
    return TranslationStatus(row.state)


# A text a reader cannot read in their language yet: they see the German instead.
NOT_READABLE = (TranslationStatus.MISSING, TranslationStatus.IN_TRANSLATION, TranslationStatus.OUTDATED)


def unreadable_fields(obj, language):
    """The names of `obj`'s non-empty texts a reader of `language` still gets in German."""
    return [
        name
        for name in type(obj).translatable_fields
        if getattr(obj, name) and status_of(obj, name, language) in NOT_READABLE
    ]


@dataclass(frozen=True)
class Gap:
    """One object whose texts a reader of one language still gets in German (missing, in translation, outdated)."""

    language: object
    object: object
    fields: tuple  # (field label, status label)

    @property
    def kind(self):
        return self.object._meta.verbose_name

    @property
    def editor_url(self):
        content_type = ContentType.objects.get_for_model(self.object).pk  # cached after the first request
        return reverse("core:translation_edit", args=[self.language.code, content_type, self.object.pk])

    @property
    def by_status(self):
        """[(status label, [field labels])] for a compact line: "fehlt: Rechtsform, Vertreten durch"."""
        grouped = {}
        for label, status in self.fields:
            grouped.setdefault(status, []).append(str(label))
        return list(grouped.items())


def gaps(town, objects):
    """Where the town's readers still get German: a `Gap` per language of the town and object that has one.

    `objects` are translatable objects with their translations fetched (`prefetch_related("translations")`).
    """
    languages = [language for language in town.active_languages if language.code != SOURCE]
    found = []
    for language in languages:
        for obj in objects:
            fields = tuple(
                (
                    obj._meta.get_field(name).verbose_name,
                    TranslationStatus(status_of(obj, name, language.code)).label,
                )
                for name in unreadable_fields(obj, language.code)
            )
            if fields:
                found.append(Gap(language, obj, fields))
    return found


# --- where a text is read ---------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A public page on which readers see a text: its name and its address."""

    name: str
    url: str


def _page_name(obj):
    kind, name = str(obj._meta.verbose_name), str(obj)
    return kind if name in ("", kind) else f"{kind} {name}"


def places_of(obj):
    """The public pages on which readers see `obj`'s texts: its own page, the field of action it belongs to.

    An object with neither (the integration concept, its principles and milestones) is read on the home page.
    """
    places = []
    if hasattr(obj, "get_absolute_url"):
        places.append(Place(_page_name(obj), obj.get_absolute_url()))
    field = getattr(obj, "field", None)
    if hasattr(field, "get_absolute_url"):
        places.append(Place(_page_name(field), field.get_absolute_url()))
    if not places:
        places.append(Place(_("Startseite mit dem Integrationskonzept"), reverse(registry.home)))
    return places


@dataclass(frozen=True)
class Twin:
    """Another place of the town where the same German text is used: an object's field, and its state."""

    object: object
    field: str
    status: str
    language: str

    @property
    def label(self):
        return self.object._meta.get_field(self.field).verbose_name

    @property
    def status_label(self):
        return TranslationStatus(self.status).label

    @property
    def editor_url(self):
        content_type = ContentType.objects.get_for_model(self.object).pk
        return reverse("core:translation_edit", args=[self.language, content_type, self.object.pk])


def twins_of(obj, language):
    """{field of `obj`: [`Twin`]}: the other places of the town whose German text is the same as the field's.

    One query for the places (by the index `source_twins`), one per kind of object among them.
    """
    sql = f"""
        SELECT mine.field, twin.content_type_id, twin.object_id, twin.field, {_status_of("twin", "u")}
        FROM core_sourcetext mine
        JOIN core_sourcetext twin ON twin.municipality_id = mine.municipality_id AND twin.hash = mine.hash
        {_joined("twin", "u")}
        WHERE mine.content_type_id = %s AND mine.object_id = %s
          AND NOT (twin.content_type_id = mine.content_type_id AND twin.object_id = mine.object_id
                   AND twin.field = mine.field)
        ORDER BY mine.field, twin.content_type_id, twin.object_id, twin.field
    """  # noqa: S608 - built from constants, the values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [language, ContentType.objects.get_for_model(obj).pk, obj.pk])
        rows = cursor.fetchall()
    objects = objects_for(
        [(content_type_id, object_id) for _mine, content_type_id, object_id, *_rest in rows]
    )
    twins = {}
    for mine, content_type_id, object_id, field, status in rows:
        place = objects.get((content_type_id, object_id))
        if place is not None and place.municipality_id == obj.municipality_id:
            twins.setdefault(mine, []).append(Twin(place, field, status, language))
    return twins


# --- the translators' overview ---------------------------------------------------------------

_STATUS_SQL = """
    SELECT s.content_type_id, s.object_id, s.field,
           CASE WHEN t.id IS NULL THEN 'missing'
                WHEN t.state = 'in_translation' THEN 'in_translation'
                WHEN t.source_hash <> s.hash THEN 'outdated'
                ELSE t.state END AS status
    FROM core_sourcetext s
    LEFT JOIN core_translation t
      ON t.content_type_id = s.content_type_id AND t.object_id = s.object_id
     AND t.field = s.field AND t.language = %s
    WHERE s.municipality_id = %s
"""


_TOTALS_SQL = "SELECT content_type_id, COUNT(*) FROM core_sourcetext WHERE municipality_id = %s GROUP BY content_type_id"

# Only the texts that have a translation into the language (the others are missing), from an index alone.
_TRANSLATED_SQL = f"""
    SELECT content_type_id, state, source_status, COUNT(*)
    FROM core_translation
    WHERE municipality_id = %s AND language = %s AND source_status <> '{WITHDRAWN}'
    GROUP BY content_type_id, state, source_status
"""  # noqa: S608 - a constant, no user input


def sources_scope(town_id):
    """The cache scope of a town's number of German texts."""
    return f"translation-sources:{town_id}"


def source_totals(municipality):
    """{content type id: number of German texts offered for translation} in the town.

    Kept in the cache until a German text comes or goes (`record_sources` moves the scope
    `sources_scope`, `core/cache.py`): counting them all is the costly part.
    """
    key = f"translation-sources:{municipality.pk}:{versions(sources_scope(municipality.pk))}"
    totals = cache.get(key)
    if totals is None:
        with connection.cursor() as cursor:
            cursor.execute(_TOTALS_SQL, [municipality.pk])
            totals = dict(cursor.fetchall())
        cache.set(key, totals, 3600)
    return totals


def status_counts(municipality, language, totals=None):
    """{content type id: {status: number of texts}} for one town and language (the rule of `_STATUS_SQL`).

    `totals` (from `source_totals`) spares the count of the German texts when asking for several languages.
    """
    if totals is None:
        totals = source_totals(municipality)
    counts = {
        content_type_id: {TranslationStatus.MISSING.value: total} for content_type_id, total in totals.items()
    }
    with connection.cursor() as cursor:
        cursor.execute(_TRANSLATED_SQL, [municipality.pk, language])
        for content_type_id, state, source_status, number in cursor.fetchall():
            if state == TranslationState.IN_TRANSLATION or source_status == CURRENT:
                status = state
            else:
                status = TranslationStatus.OUTDATED.value
            of_kind = counts.setdefault(content_type_id, {TranslationStatus.MISSING.value: 0})
            of_kind[status] = of_kind.get(status, 0) + number
            of_kind[TranslationStatus.MISSING.value] -= number
    return {
        content_type_id: {status: number for status, number in of_kind.items() if number}
        for content_type_id, of_kind in counts.items()
    }


def states_scope(town_id):
    """The cache scope `record_sources` moves when translations come to stand otherwise to their German."""
    return f"translation-states:{town_id}"


def waiting_count(municipality, languages):
    """How many translations into `languages` are missing or outdated (the rule of `status_counts`),
    all languages together in one query: the hub's tile of the translators.

    Kept in the cache until a translation is saved (its town's scope), a German text comes or goes
    (`sources_scope`) or changes (`states_scope`): the count reads every translation of the town.
    """
    if not languages:
        return 0
    scopes = versions(
        town_scope(municipality.pk), sources_scope(municipality.pk), states_scope(municipality.pk)
    )
    key = f"translation-waiting:{municipality.pk}:{','.join(sorted(languages))}:{scopes}"
    waiting = cache.get(key)
    if waiting is None:
        marks = ", ".join(["%s"] * len(languages))
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT COUNT(*) FROM core_translation
                    WHERE municipality_id = %s AND language IN ({marks}) AND source_status <> '{WITHDRAWN}'
                    AND (state = '{TranslationState.IN_TRANSLATION}' OR source_status = '{CURRENT}')""",  # noqa: S608 - constants and marks
                [municipality.pk, *languages],
            )
            (standing,) = cursor.fetchone()
        waiting = sum(source_totals(municipality).values()) * len(languages) - standing
        cache.set(key, waiting, 3600)
    return waiting


def texts_with_status(municipality, language, *, statuses, content_type_id=None, limit=50, offset=0):
    """(content type id, object id, field, status) of the texts in `statuses`, in a stable order."""
    sql = f"SELECT * FROM ({_STATUS_SQL}) AS statuses WHERE status IN ({', '.join(['%s'] * len(statuses))})"  # noqa: S608
    params = [language, municipality.pk, *statuses]
    if content_type_id is not None:
        sql += " AND content_type_id = %s"
        params.append(content_type_id)
    sql += " ORDER BY content_type_id, object_id, field LIMIT %s OFFSET %s"
    params += [limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _status_of(source, translation):
    """`_STATUS_SQL`'s rule as an SQL expression over a source text and its translation (table aliases)."""
    return f"""CASE WHEN {translation}.id IS NULL THEN 'missing'
                WHEN {translation}.state = 'in_translation' THEN 'in_translation'
                WHEN {translation}.source_hash <> {source}.hash THEN 'outdated'
                ELSE {translation}.state END"""


def _joined(source, translation):
    return f"""LEFT JOIN core_translation {translation}
      ON {translation}.content_type_id = {source}.content_type_id AND {translation}.object_id = {source}.object_id
     AND {translation}.field = {source}.field AND {translation}.language = %s"""


def distinct_texts_with_status(municipality, language, *, statuses, content_type_id=None, limit=50, offset=0):
    """(content type id, object id, field, status, places) of the texts in `statuses`, each German text once.

    A German text used in several places (the same hash) is listed at the first of its places in
    `statuses`; `places` says in how many places of the town it is used. The list walks the town's
    texts in order and asks the index `source_twins` whether an earlier place has the same text, so
    the first pages cost no more than without duplicates.
    """
    wanted = ", ".join(["%s"] * len(statuses))
    same_kind = "AND twin.content_type_id = s.content_type_id" if content_type_id is not None else ""
    sql = f"""
        SELECT s.content_type_id, s.object_id, s.field, {_status_of("s", "t")} AS status,
               (SELECT COUNT(*) FROM core_sourcetext place
                WHERE place.municipality_id = s.municipality_id AND place.hash = s.hash) AS places
        FROM core_sourcetext s
        {_joined("s", "t")}
        WHERE s.municipality_id = %s AND {_status_of("s", "t")} IN ({wanted})
          {"AND s.content_type_id = %s" if content_type_id is not None else ""}
          AND NOT EXISTS (
            SELECT 1 FROM core_sourcetext twin
            {_joined("twin", "u")}
            WHERE twin.municipality_id = s.municipality_id AND twin.hash = s.hash {same_kind}
              AND (twin.content_type_id < s.content_type_id
                   OR (twin.content_type_id = s.content_type_id
                       AND (twin.object_id < s.object_id
                            OR (twin.object_id = s.object_id AND twin.field < s.field))))
              AND {_status_of("twin", "u")} IN ({wanted})
          )
        ORDER BY s.content_type_id, s.object_id, s.field LIMIT %s OFFSET %s
    """  # noqa: S608 - built from constants, the values are parameters
    params = [language, municipality.pk, *statuses]
    if content_type_id is not None:
        params.append(content_type_id)
    params += [language, *statuses, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def objects_for(rows):
    """The objects behind `texts_with_status` rows, fetched with one query per content type."""
    wanted = {}
    for content_type_id, object_id, *_rest in rows:
        wanted.setdefault(content_type_id, set()).add(object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        # With the rows an object's name may need (a stage is named after its field), one level deep.
        parents = [
            field.name
            for field in model._meta.concrete_fields
            if field.many_to_one and not field.null and field.name != "municipality"
        ]
        for obj in model.objects.filter(pk__in=ids).select_related(*parents):
            found[(content_type_id, obj.pk)] = obj
    return found


# --- writing ------------------------------------------------------------------------------------


def save_translation(
    obj, field, language, *, actor, text, state, checked_by_target_group=False, audited=True
):
    """Store a person's translation of `obj.field`; a machine's goes through `store_machine_translation`.

    An import, which leaves one audit line for all its texts, stores them with `audited=False`.
    """
    require(actor, "translate", obj)
    checked = checked_by_target_group and language == "de-simple"
    return _store(obj, field, language, actor.user, text, state, checked, audited=audited)


def store_machine_translation(obj, field, language, *, actor, text, audited=True):
    """A machine's translation is always stored as such: never as reviewed."""
    require(actor, "translate", obj)
    return _store(obj, field, language, actor.user, text, TranslationState.MACHINE, False, audited=audited)


def new_translation(obj, field, language, *, actor, text, state):
    """An unsaved first translation of `obj.field` into `language`, for `create_translations` (an import's)."""
    require(actor, "translate", obj)
    _check_translatable(obj, field, language)
    return Translation(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        language=language,
        **_values(obj, field, actor.user, text, state, checked=False),
    )


def create_translations(rows):
    """Write first translations at once, with what saving each would do: search entries, cached pages moved."""
    from ankommen.core.search import index_new_translations

    with transaction.atomic():
        Translation.objects.bulk_create(rows, batch_size=500)
        index_new_translations(rows)
        touch(*{scope for row in rows for scope in row.cache_scopes()})


def _values(obj, field, user, text, state, checked, digest=None):
    """A translation's values besides what it translates; `digest`: the hash of the German it translates
    (the current one by default)."""
    digest = digest or source_hash(getattr(obj, field) or "")
    return {
        "municipality_id": obj.municipality_id,
        "text": text,
        "state": state,
        "source_hash": digest,
        "source_status": source_status_of(obj, field, digest),
        "checked_by_target_group": checked,
        "updated_by": user,
    }


def _check_translatable(obj, field, language):
    if field not in type(obj).translatable_fields or language == SOURCE:
        raise ValueError(f"{type(obj).__name__}.{field} in {language} is not translatable")


def _store(obj, field, language, user, text, state, checked, digest=None, *, audited=True):
    """Write one translation; `digest` is the hash of the German it translates (the current one by default)."""
    _check_translatable(obj, field, language)
    with transaction.atomic():
        row, _created = Translation.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            field=field,
            language=language,
            defaults=_values(obj, field, user, text, state, checked, digest),
        )
        if audited:
            audit(user, "translation.saved", obj, field=field, language=language, state=state)
    return row


def same_text(one, other):
    """Equal but for a browser's line breaks and surrounding spaces."""
    return (one or "").replace("\r\n", "\n").strip() == (other or "").replace("\r\n", "\n").strip()


PERSON_STATES = (TranslationState.IN_TRANSLATION, TranslationState.REVIEWED)


def save_from_editor(obj, language, *, actor, values, edit_source, twins=None):
    """The side-by-side editor: the German texts first (if the person may change them), then the translations.

    A translation whose text and state the person left as they were stays untouched, so a
    changed German makes it outdated like every other language's. A changed text translates
    the German as it is now; a state chosen for an unchanged text holds for the German the
    person saw beside it.
    """
    require(actor, "translate", obj)
    names = type(obj).translatable_fields
    shown = {name: source_hash(getattr(obj, name) or "") for name in names}
    with transaction.atomic():
        if edit_source:
            require(actor, "administer", obj)
            changed = [name for name in names if not same_text(values[f"source_{name}"], getattr(obj, name))]
            for name in changed:
                setattr(obj, name, values[f"source_{name}"])
            if changed:
                obj.save(update_fields=changed)
        rows = {row.field: row for row in obj.translations.filter(language=language)}
        for name in names:
            text = values.get(f"text_{name}")
            if text:
                _save_edited(obj, name, language, actor.user, rows.get(name), values, text, shown[name])
                # The same German elsewhere, as the person saw it (a German changed now has other twins).
                unchanged = source_hash(getattr(obj, name) or "") == shown[name]
                if values.get(f"everywhere_{name}") and unchanged:
                    _fill_twins(name, language, actor, (twins or {}).get(name, ()), text, values)
    return obj


def _fill_twins(name, language, actor, twins, text, values):
    """The same translation for the other places of the same German that have none yet."""
    chosen = values.get(f"state_{name}") or ""
    state = chosen if chosen in PERSON_STATES else TranslationState.IN_TRANSLATION
    for twin in twins:
        wanted = twin.status == TranslationStatus.MISSING and twin.object.offered_for_translation
        if wanted and may(actor, "translate", twin.object):
            _store(twin.object, twin.field, language, actor.user, text, state, False)


def _save_edited(obj, name, language, user, row, values, text, shown_hash):
    chosen = values.get(f"state_{name}") or ""
    ticked = bool(values.get(f"checked_{name}")) and language == "de-simple"
    if row is None or not same_text(text, row.text):
        state = chosen if chosen in PERSON_STATES else (row.state if row else TranslationState.IN_TRANSLATION)
        _store(obj, name, language, user, text, state, ticked)
        return
    status = (
        TranslationStatus.OUTDATED if row.source_hash != shown_hash and row.state in READABLE else row.state
    )
    if chosen in PERSON_STATES and chosen != status:
        _store(obj, name, language, user, row.text, chosen, row.checked_by_target_group or ticked, shown_hash)
    elif ticked and not row.checked_by_target_group:
        _store(obj, name, language, user, row.text, row.state, True, row.source_hash)


NEEDS_WORK = (TranslationStatus.MISSING, TranslationStatus.OUTDATED)


def machine_translate(obj, language, *, actor, provider):
    """Let the provider translate the object's missing and outdated texts; stored as machine-translated.

    Texts a person is working on or has reviewed stay as they are. If the provider fails,
    nothing is stored and `MachineTranslationError` says why.
    """
    require(actor, "translate", obj)
    names = [
        name
        for name in type(obj).translatable_fields
        if getattr(obj, name) and status_of(obj, name, language) in NEEDS_WORK
    ]
    if not names:
        return []
    results = provider.translate([getattr(obj, name) for name in names], language)
    with transaction.atomic():
        return [
            store_machine_translation(obj, name, language, actor=actor, text=text)
            for name, text in zip(names, results, strict=True)
        ]
