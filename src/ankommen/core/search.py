"""Full-text search over a town's texts, in German and in their translations, as the reader may see them.

An app makes a model searchable from its `registration.py`:

    register_search(Contribution, fields=("title", "body"), visible=Contribution.objects.visible_to,
                    results=Contribution.objects.for_search)

`visible(member, town)` is the model's own queryset of the rows a member may see; the search asks
it at query time (hidden items are left out too, but for moderators), so a new condition there —
withdrawn items, say — holds for the search at once. `results(language)` fetches the found rows
with what a result shows: the model's `search_title` (a `Rendering` or a string), `search_kind`,
`search_context` (where it belongs, e.g. its field) and `get_absolute_url()`.

The index holds one `SearchEntry` per object, field and language (German and every readable
translation), with the text folded (lower case, no diacritics, ß as ss). Saves, deletes and
translations keep it current through signal receivers; bulk writes call `rebuild(town)` or the
command `ankommen rebuild_search_index`. The database does the searching (migration
`core/0010_search_indexes`): on SQLite two FTS5 tables, words (prefix queries) and trigrams (parts of
compounds: "zentrum" finds "Stadtteilzentrum"); on PostgreSQL a tsvector in the configuration of the
entry's language (`german`, `arabic`, …, `simple` where PostgreSQL has none) and pg_trgm.
"""

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import BooleanField, Exists, FloatField, Min, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ankommen.core.languages import BY_CODE, SOURCE
from ankommen.core.models import Moderated, SearchEntry, Translation
from ankommen.core.rules import may

QUERY_MAX = 200  # characters a query may have
TERMS_MAX = 8  # words of a query that count
TRIGRAM_MIN = 3  # a word shorter than this is looked for as a word only (trigrams need three letters)
EXCERPT_LENGTH = 220

# PostgreSQL's text search configuration per language; `simple` for the others. The migration
# `core/0010_search_indexes` builds each entry's tsvector with the same table.
CONFIGS = {
    "de": "german",
    "de-simple": "german",
    "en": "english",
    "tr": "turkish",
    "ar": "arabic",
    "ru": "russian",
}


@dataclass(frozen=True)
class Searchable:
    model: type
    fields: tuple
    visible: object  # (member, town) -> queryset of the rows the member may see
    results: object  # (language) -> queryset that fetches found rows with what a result shows


_searchables: dict[type, Searchable] = {}


def register_search(model, *, fields, visible, results=None):
    """Index `model`'s `fields` (German and their translations) and find them for readers `visible` allows."""
    searchable = Searchable(model, tuple(fields), visible, results or (lambda language: model.objects.all()))
    _searchables[model] = searchable
    uid = model._meta.label
    post_save.connect(_object_saved, sender=model, dispatch_uid=f"search-save-{uid}")
    post_delete.connect(_object_deleted, sender=model, dispatch_uid=f"search-delete-{uid}")
    post_save.connect(_translation_changed, sender=Translation, dispatch_uid="search-translation-save")
    post_delete.connect(_translation_changed, sender=Translation, dispatch_uid="search-translation-delete")


def searchables():
    return list(_searchables.values())


def _searchable_of_type(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return _searchables.get(model)


# --- folding and terms --------------------------------------------------------------------------


def fold(text):
    """Lower case without diacritics (Arabic vowel marks included) and ß as ss: how texts and queries are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


_WORD = re.compile(r"[^\W_]+")


def terms_of(query):
    """The words of a query, folded, each once: letters and digits only, so no operator of FTS5 or
    tsquery (quotes, asterisks, AND, NEAR, colons) reaches the database as such."""
    return list(dict.fromkeys(_WORD.findall(fold(query[:QUERY_MAX]))))[:TERMS_MAX]


# --- keeping the index ----------------------------------------------------------------------------


def _entry(obj, content_type, field, language, text):
    return SearchEntry(
        municipality_id=obj.municipality_id,
        content_type=content_type,
        object_id=obj.pk,
        field=field,
        language=language,
        text=text,
        folded=fold(text),
    )


def index_object(obj):
    """Index `obj`'s German texts again (its translations keep their entries)."""
    searchable = _searchables[type(obj)]
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        SearchEntry.objects.filter(content_type=content_type, object_id=obj.pk, language=SOURCE).delete()
        SearchEntry.objects.bulk_create(
            _entry(obj, content_type, field, SOURCE, getattr(obj, field))
            for field in searchable.fields
            if getattr(obj, field)
        )


def _object_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and not set(update_fields) & set(_searchables[sender].fields)):
        return  # a support count or a hiding changes no text: what readers may see is asked at query time
    index_object(instance)


def _object_deleted(sender, instance, **kwargs):
    content_type = ContentType.objects.get_for_model(instance)
    SearchEntry.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def _translation_changed(sender, instance, raw=False, **kwargs):
    """A translation written, changed or deleted: its entry follows (readable translations only)."""
    from ankommen.core.translation import READABLE

    searchable = _searchable_of_type(instance.content_type_id)
    if raw or searchable is None or instance.field not in searchable.fields:
        return
    entry = SearchEntry.objects.filter(
        content_type_id=instance.content_type_id,
        object_id=instance.object_id,
        field=instance.field,
        language=instance.language,
    )
    with transaction.atomic():
        entry.delete()
        if kwargs.get("signal") is post_save and instance.state in READABLE and instance.text:
            SearchEntry.objects.create(
                municipality_id=instance.municipality_id,
                content_type_id=instance.content_type_id,
                object_id=instance.object_id,
                field=instance.field,
                language=instance.language,
                text=instance.text,
                folded=fold(instance.text),
            )


def rebuild(town=None, *, batch_size=5000):
    """Build the index again from the texts and their readable translations (of one town, or all); returns its size."""
    from ankommen.core.translation import READABLE

    entries = SearchEntry.objects.all() if town is None else SearchEntry.objects.for_municipality(town)
    total = 0
    with transaction.atomic():
        entries.delete()
        for searchable in searchables():
            content_type = ContentType.objects.get_for_model(searchable.model)
            rows = searchable.model._base_manager.all()
            translations = Translation.objects.filter(
                content_type=content_type, field__in=searchable.fields, state__in=READABLE
            ).exclude(text="")
            if town is not None:
                rows, translations = rows.filter(municipality=town), translations.filter(municipality=town)
            batch = []
            for obj in rows.only("pk", "municipality_id", *searchable.fields).iterator(chunk_size=batch_size):
                batch += [
                    _entry(obj, content_type, field, SOURCE, getattr(obj, field))
                    for field in searchable.fields
                    if getattr(obj, field)
                ]
                total += _flush(batch, batch_size)
            for row in translations.only(
                "municipality_id", "object_id", "field", "language", "text"
            ).iterator(chunk_size=batch_size):
                batch.append(
                    SearchEntry(
                        municipality_id=row.municipality_id,
                        content_type=content_type,
                        object_id=row.object_id,
                        field=row.field,
                        language=row.language,
                        text=row.text,
                        folded=fold(row.text),
                    )
                )
                total += _flush(batch, batch_size)
            total += _flush(batch, 0)
    _optimize()
    return total


def _flush(batch, at_least):
    """Write the batch once it has `at_least` entries (0: whatever it holds); returns how many were written."""
    if not batch or len(batch) < at_least:
        return 0
    SearchEntry.objects.bulk_create(batch, batch_size=1000)
    written = len(batch)
    batch.clear()
    return written


def _optimize():
    """After a rebuild: FTS5 merges its segments; PostgreSQL learns the new table's statistics."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table in ("core_searchentry_words", "core_searchentry_trigrams"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608 - constants
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE core_searchentry")


# --- searching ------------------------------------------------------------------------------------


def _match(terms, town):
    """(a condition on `core_searchentry` that finds the terms, an expression ranking a hit: lower is better).

    Every term must occur: as the start of a word (stemmed on PostgreSQL) or, when all terms have
    three letters or more, anywhere in a word; hits inside words rank after whole words.
    """
    parts = all(len(term) >= TRIGRAM_MIN for term in terms)
    if connection.vendor == "postgresql":
        configs = sorted({CONFIGS.get(language.code, "simple") for language in town.active_languages})
        prefixes = " & ".join(f"'{term}':*" for term in terms)  # terms are letters and digits only
        tsquery = " || ".join(f"to_tsquery('{config}'::regconfig, %s)" for config in configs)
        condition = f"core_searchentry.vector @@ ({tsquery})"
        params = [prefixes] * len(configs)
        if parts:
            condition += " OR (" + " AND ".join(["core_searchentry.folded LIKE %s"] * len(terms)) + ")"
            params += [f"%{term}%" for term in terms]
        # The SQL is made of constants; the terms go in as parameters.
        rank = RawSQL(  # noqa: S611
            f"-ts_rank(core_searchentry.vector, ({tsquery}))", [prefixes] * len(configs), FloatField()
        )
        return Q(RawSQL(f"({condition})", params, output_field=BooleanField())), rank  # noqa: S611
    words = " AND ".join(f'"{term}"*' for term in terms)
    sql = "SELECT rowid FROM core_searchentry_words WHERE core_searchentry_words MATCH %s"
    params = [words]
    if parts:
        sql += " UNION SELECT rowid FROM core_searchentry_trigrams WHERE core_searchentry_trigrams MATCH %s"
        params.append(" AND ".join(f'"{term}"' for term in terms))
    rank = RawSQL(
        "COALESCE((SELECT bm25(core_searchentry_words) FROM core_searchentry_words"
        " WHERE core_searchentry_words MATCH %s AND rowid = core_searchentry.id), 0)",
        [words],
        FloatField(),
    )
    return Q(pk__in=RawSQL(sql, params)), rank  # noqa: S611 - constants; the terms are parameters


def _visible(member, town):
    """The entries whose object the member may see now, asked of each model's own queryset."""
    sees_hidden = may(member, "see_hidden_text", town)
    conditions = []
    for searchable in searchables():
        rows = searchable.visible(member, town)
        if issubclass(searchable.model, Moderated) and not sees_hidden:
            rows = rows.filter(hidden_at=None)
        content_type = ContentType.objects.get_for_model(searchable.model)
        conditions.append(Q(content_type=content_type) & Exists(rows.filter(pk=OuterRef("object_id"))))
    return functools.reduce(operator.or_, conditions, Q(pk__in=[]))


@dataclass
class Hit:
    """One found object as a result shows it: the text that matched, marked, and in which language."""

    object: object
    entry: SearchEntry
    excerpt: str

    @property
    def title(self):
        return getattr(self.object, "search_title", str(self.object))

    @property
    def kind(self):
        return getattr(self.object, "search_kind", self.object._meta.verbose_name)

    @property
    def context(self):
        return getattr(self.object, "search_context", "")

    @property
    def url(self):
        return self.object.get_absolute_url()

    @property
    def field_label(self):
        return self.object._meta.get_field(self.entry.field).verbose_name

    @property
    def language(self):
        """The translation's language, or None for the German text."""
        return None if self.entry.language == SOURCE else BY_CODE.get(self.entry.language)

    @property
    def is_hidden(self):
        return getattr(self.object, "is_hidden", False)


class Results:
    """A search's hits, one per object, best first; `Paginator` counts and slices it, and only the
    page it shows is fetched (one query for the page, one for its texts, one or two per kind)."""

    def __init__(self, town, member, query, language):
        self.terms = terms_of(query)
        self.language = language
        self.match, self.rank = _match(self.terms, town) if self.terms else (Q(pk__in=[]), None)
        entries = SearchEntry.objects.for_municipality(town).filter(self.match).filter(_visible(member, town))
        self.objects = (
            entries.values("content_type", "object_id")
            .annotate(best=Min(self.rank) if self.rank is not None else Min("pk"))
            .order_by("best", "-object_id")
        )

    def count(self):
        return self.objects.count() if self.terms else 0

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        rows = list(self.objects[index])
        return self._hits(rows) if rows else []

    def _hits(self, rows):
        wanted = functools.reduce(
            operator.or_, (Q(content_type=row["content_type"], object_id=row["object_id"]) for row in rows)
        )
        best = {}
        for entry in SearchEntry.objects.filter(self.match).filter(wanted).annotate(rank=self.rank):
            key = (entry.content_type_id, entry.object_id)
            # The best hit; between equals, the reader's language, then German.
            order = (entry.rank, entry.language != self.language, entry.language != SOURCE)
            if key not in best or order < best[key][0]:
                best[key] = (order, entry)
        objects = {}
        by_type = {}
        for row in rows:
            by_type.setdefault(row["content_type"], []).append(row["object_id"])
        for content_type_id, ids in by_type.items():
            searchable = _searchable_of_type(content_type_id)
            for obj in searchable.results(self.language).filter(pk__in=ids):
                objects[(content_type_id, obj.pk)] = obj
        hits = []
        for row in rows:
            key = (row["content_type"], row["object_id"])
            if key in objects and key in best:
                entry = best[key][1]
                hits.append(Hit(objects[key], entry, excerpt(entry.text, self.terms)))
        return hits


def search(town, member, query, language):
    """What `member` may see of the town's texts that contain every word of `query`, best first."""
    return Results(town, member, query, language)


# --- excerpts -------------------------------------------------------------------------------------


def _folded_with_positions(text):
    """The folded text and, for each of its characters, the position of the character it came from."""
    folded, positions = [], []
    for position, character in enumerate(text):
        for piece in fold(character):
            folded.append(piece)
            positions.append(position)
    return "".join(folded), positions


def _spans(text, terms):
    """Where the terms (or, for a stemmed hit, their longest start of four letters or more) occur in `text`."""
    folded, positions = _folded_with_positions(text)
    spans = []
    for term in terms:
        for length in range(len(term), min(len(term), 4) - 1, -1):
            found = [match.start() for match in re.finditer(re.escape(term[:length]), folded)]
            if found:
                spans += [(positions[start], positions[start + length - 1] + 1) for start in found]
                break
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """A short part of `text` around its first hit, the hits marked with <mark>, everything else escaped."""
    spans = _spans(text, terms)
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), spans[0][1] if spans else start + 1, start + length // 2)
    pieces = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces += [escape(text[cursor:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>"]
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text is escaped
