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
`core/0011_search_indexes`): on SQLite two FTS5 tables, words (prefix queries) and trigrams (parts of
compounds: "zentrum" finds "Stadtteilzentrum"); on PostgreSQL a tsvector in the configuration of the
entry's language (`german`, `arabic`, …, `simple` where PostgreSQL has none) and pg_trgm.
"""

import functools
import heapq
import operator
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
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
# `core/0011_search_indexes` builds each entry's tsvector with the same table.
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
    index_objects([obj])


def index_objects(objects):
    """Index the German texts of `objects` (all of one searchable model) again, in two statements: for a
    bulk write, which sends no signal (an import); their translations keep their entries."""
    if not objects:
        return
    model = type(objects[0])
    searchable = _searchables.get(model)
    if searchable is None:
        return
    content_type = ContentType.objects.get_for_model(model)
    with transaction.atomic():
        SearchEntry.objects.filter(
            content_type=content_type, object_id__in=[obj.pk for obj in objects], language=SOURCE
        ).delete()
        SearchEntry.objects.bulk_create(
            _entry(obj, content_type, field, SOURCE, getattr(obj, field))
            for obj in objects
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


def _entry_of(translation):
    """The search entry a translation makes: for a searchable field, while it is readable and says something."""
    from ankommen.core.translation import READABLE

    searchable = _searchable_of_type(translation.content_type_id)
    if searchable is None or translation.field not in searchable.fields:
        return None
    if translation.state not in READABLE or not translation.text:
        return None
    return SearchEntry(
        municipality_id=translation.municipality_id,
        content_type_id=translation.content_type_id,
        object_id=translation.object_id,
        field=translation.field,
        language=translation.language,
        text=translation.text,
        folded=fold(translation.text),
    )


def index_new_translations(rows):
    """Entries for translations written at once (`bulk_create` sends no signal), as saving each would make."""
    SearchEntry.objects.bulk_create(
        [entry for entry in map(_entry_of, rows) if entry is not None], batch_size=500
    )


def _translation_changed(sender, instance, raw=False, **kwargs):
    """A translation written, changed or deleted: its entry follows (readable translations only)."""
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
        made = _entry_of(instance) if kwargs.get("signal") is post_save else None
        if made is not None:
            made.save()


def rebuild(town=None, *, batch_size=5000):
    """Build the index again from the texts and their readable translations (of one town, or all); returns its size.

    The entries are written in the order their texts were written, every model's and every
    translation's together, as one save at a time writes them: the newest entry is the newest text,
    so an index's newest matches are the newest texts (see `_hits`).
    """
    entries = SearchEntry.objects.all() if town is None else SearchEntry.objects.for_municipality(town)
    total = 0
    batch = []
    with transaction.atomic():
        entries.delete()
        sources = [_entries_of(searchable, town, batch_size) for searchable in searchables()]
        for _written, entry in heapq.merge(*sources, key=operator.itemgetter(0)):
            batch.append(entry)
            total += _flush(batch, batch_size)
        total += _flush(batch, 0)
    _optimize()
    return total


_LONG_AGO = datetime(1970, 1, 1, tzinfo=UTC)  # the writing time of a model's rows that do not say it


def _written_at(model):
    """The field that says when a row was written, if the model has one (else the rows follow their ids)."""
    return "created_at" if any(field.name == "created_at" for field in model._meta.concrete_fields) else None


def _entries_of(searchable, town, batch_size):
    """`(when written, entry)` for every text of a searchable model and every readable translation of
    them, oldest first: texts by their writing time, translations by their last change."""
    from ankommen.core.translation import READABLE

    content_type = ContentType.objects.get_for_model(searchable.model)
    rows = searchable.model._base_manager.all()
    translations = Translation.objects.filter(
        content_type=content_type, field__in=searchable.fields, state__in=READABLE
    ).exclude(text="")
    if town is not None:
        rows, translations = rows.filter(municipality=town), translations.filter(municipality=town)
    written = _written_at(searchable.model)
    order = (written, "pk") if written else ("pk",)
    texts = rows.only("pk", "municipality_id", *searchable.fields, *order[:-1]).order_by(*order)
    texts = (
        (
            (getattr(obj, written) if written else _LONG_AGO, 0, obj.pk),
            _entry(obj, content_type, field, SOURCE, getattr(obj, field)),
        )
        for obj in texts.iterator(chunk_size=batch_size)
        for field in searchable.fields
        if getattr(obj, field)
    )
    readable = (
        (
            (row.updated_at if written else _LONG_AGO, 1, row.pk),
            SearchEntry(
                municipality_id=row.municipality_id,
                content_type=content_type,
                object_id=row.object_id,
                field=row.field,
                language=row.language,
                text=row.text,
                folded=fold(row.text),
            ),
        )
        for row in translations.only(
            "municipality_id", "object_id", "field", "language", "text", "updated_at"
        )
        .order_by("updated_at", "pk")
        .iterator(chunk_size=batch_size)
    )
    return heapq.merge(texts, readable, key=operator.itemgetter(0))


def _flush(batch, at_least):
    """Write the batch once it has `at_least` entries (0: whatever it holds); returns how many were written."""
    if not batch or len(batch) < at_least:
        return 0
    SearchEntry.objects.bulk_create(batch, batch_size=1000)
    written = len(batch)
    batch.clear()
    return written


def purge_removed():
    """After texts are erased: SQLite's full-text index keeps a removed word in its segments until they
    merge; merge them now, so that nothing of an erased text stays readable in its tables."""
    if connection.vendor == "sqlite":
        _optimize()


def _optimize():
    """After a rebuild: FTS5 merges its segments; PostgreSQL learns the new table's statistics."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table in ("core_searchentry_words", "core_searchentry_trigrams"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608 - constants
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE core_searchentry")


# --- searching ------------------------------------------------------------------------------------

# The newest entries of the town that match, at most this many from each index: a word found in
# half of a large town's texts is then as quick to look for as a rare one. Fewer matches are all
# ranked; more are said to be "at least" so many (`Results.capped`).
CANDIDATES = 500
# PostgreSQL: the newest matches are looked for among the entries of the last RECENT ids first (a
# bounded walk backwards for common words, the GIN indexes for rare ones, as the planner judges);
# only when those hold fewer than CANDIDATES do the GIN indexes give all matches.
RECENT = 25_000


def _hits(terms, town):
    """SQL and parameters for `hits(id, rank)`: the town's matching entries, newest first, at most
    `CANDIDATES` from each index, with a rank (lower is better; hits inside words rank after words).

    Every term must occur: as the start of a word (stemmed on PostgreSQL) or, when every term has
    three letters or more, anywhere in a word. The SQL is made of constants; terms are parameters.
    """
    parts = all(len(term) >= TRIGRAM_MIN for term in terms)
    if connection.vendor == "postgresql":
        configs = sorted({CONFIGS.get(language.code, "simple") for language in town.active_languages})
        prefixes = " & ".join(f"'{term}':*" for term in terms)  # terms are letters and digits only
        tsquery = "(" + " || ".join(f"to_tsquery('{config}'::regconfig, %s)" for config in configs) + ")"
        condition = f"vector @@ {tsquery}"
        word_params, part_params = [prefixes] * len(configs), []
        if parts:
            condition += " OR (" + " AND ".join(["folded LIKE %s"] * len(terms)) + ")"
            part_params = [f"%{term}%" for term in terms]
        sql = (
            # Among the last RECENT ids: a common word's newest matches are there, and a walk backwards
            # stops at the CANDIDATES-th; were the planner wrong about how common, the walk still ends.
            "WITH newest AS MATERIALIZED (SELECT id, vector FROM core_searchentry"  # noqa: S608 - constants and compiled conditions; values are parameters
            f" WHERE municipality_id = %s AND id > (SELECT MAX(id) - {RECENT} FROM core_searchentry)"
            f" AND ({condition}) ORDER BY id DESC LIMIT {CANDIDATES}),"
            # Only when they hold fewer (a rarer word): all matches, from the GIN indexes, the newest
            # first. The gate stands above the fenced scan, so that the scan does not even start otherwise.
            f" every AS MATERIALIZED (SELECT id, vector FROM (SELECT id, vector FROM core_searchentry"
            f" WHERE municipality_id = %s AND ({condition}) OFFSET 0) matches"
            f" WHERE (SELECT COUNT(*) FROM newest) < {CANDIDATES})"
            f" SELECT id, -ts_rank(vector, {tsquery}) AS rank FROM ("
            f" SELECT id, vector FROM newest WHERE (SELECT COUNT(*) FROM newest) = {CANDIDATES} UNION ALL"
            f" (SELECT id, vector FROM every ORDER BY id DESC LIMIT {CANDIDATES})) found"
        )
        condition_params = [*word_params, *part_params]
        params = [town.pk, *condition_params, town.pk, *condition_params, *word_params]
        return sql, params
    words = " AND ".join(f'"{term}"' for term in terms)
    prefixes = " AND ".join(f'"{term}"*' for term in terms)
    newest = (
        "SELECT {table}.rowid AS id FROM {table}"  # noqa: S608 - constants; values are parameters
        # CROSS JOIN: SQLite keeps the FTS5 table outside, so MATCH drives, newest first, and each
        # match is looked up by its rowid (never the town's entries each asked for a MATCH).
        " CROSS JOIN core_searchentry ON core_searchentry.id = {table}.rowid"
        " WHERE {table} MATCH %s AND core_searchentry.municipality_id = %s"
        f" ORDER BY {{table}}.rowid DESC LIMIT {CANDIDATES}"
    )
    # The words' candidates are ranked by bm25() over the whole words (FTS5 counts a whole word's rows
    # quickly, a prefix's only by reading every word that starts with it: 25 ms for a common one), and
    # only from the oldest candidate on; an entry that has the words only as starts of longer words
    # ranks after them, before the parts of words.
    sql = (
        f"SELECT * FROM (WITH candidates AS MATERIALIZED ({newest.format(table='core_searchentry_words')}),"  # noqa: S608 - constants and compiled conditions; values are parameters
        " whole AS MATERIALIZED (SELECT rowid AS id, bm25(core_searchentry_words) AS rank"
        " FROM core_searchentry_words WHERE core_searchentry_words MATCH %s"
        " AND rowid >= (SELECT MIN(id) FROM candidates))"
        " SELECT candidates.id, COALESCE(whole.rank, -1e-9) AS rank FROM candidates"
        " LEFT JOIN whole ON whole.id = candidates.id)"
    )
    params = [prefixes, town.pk, words]
    if parts:
        trigrams = newest.format(table="core_searchentry_trigrams")
        sql += f" UNION ALL SELECT id, 0 FROM ({trigrams})"  # noqa: S608 - constants; values are parameters
        params += [words, town.pk]
    return sql, params


def _visible(member, town):
    """SQL and parameters of a condition on `core_searchentry`: its object is one the member may see
    now, as each model's own queryset says (hidden items only for moderators)."""
    sees_hidden = may(member, "see_hidden_text", town)
    conditions = []
    for searchable in searchables():
        rows = searchable.visible(member, town)
        if issubclass(searchable.model, Moderated) and not sees_hidden:
            rows = rows.filter(hidden_at=None)
        content_type = ContentType.objects.get_for_model(searchable.model)
        conditions.append(Q(content_type=content_type) & Exists(rows.filter(pk=OuterRef("object_id"))))
    query = SearchEntry.objects.filter(functools.reduce(operator.or_, conditions, Q(pk__in=[]))).query
    return query.get_compiler(connection=connection).compile(query.where)


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
    """A search's hits, one per object (its best entry), best first; `Paginator` counts and slices it.

    One query ranks the candidates (at most `CANDIDATES` per index) and gives the order of all of
    them; only the page shown is fetched: one query for its entries, one or two per kind of object.
    """

    def __init__(self, town, member, query, language):
        self.terms = terms_of(query)
        self.language = language
        self.capped = False
        self._ids = None
        if self.terms:
            hits, hit_params = _hits(self.terms, town)
            visible, visible_params = _visible(member, town)
            # Each object's best entry: the best rank; between equals the reader's language, then German.
            self._ranked = (
                f"WITH hits(id, rank) AS ({hits}), ranked AS ("  # noqa: S608 - constants and compiled conditions; values are parameters
                " SELECT core_searchentry.id, core_searchentry.object_id, hits.rank, ROW_NUMBER() OVER ("
                "  PARTITION BY core_searchentry.content_type_id, core_searchentry.object_id"
                "  ORDER BY hits.rank, core_searchentry.language <> %s, core_searchentry.language <> %s"
                " ) AS place"
                " FROM hits JOIN core_searchentry ON core_searchentry.id = hits.id"
                f" WHERE {visible})"
            )
            self._params = [*hit_params, language, SOURCE, *visible_params]

    def ordered_ids(self):
        """The best entry of each object found, best first: one query, ranked once for count and pages."""
        if self._ids is None:
            self._ids = []
            if self.terms:
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"{self._ranked} SELECT id, (SELECT COUNT(*) FROM hits) FROM ranked"  # noqa: S608 - constants and compiled conditions; values are parameters
                        " WHERE place = 1 ORDER BY rank, object_id DESC, id",
                        self._params,
                    )
                    rows = cursor.fetchall()
                self._ids = [row[0] for row in rows]
                # "At least": an index gave as many candidates as it may, so there are probably more.
                self.capped = bool(rows) and rows[0][1] >= CANDIDATES
        return self._ids

    def count(self):
        return len(self.ordered_ids())

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Results are read a page at a time.")
        ids = self.ordered_ids()[index]
        return self._page(ids) if ids else []

    def _page(self, ids):
        entries = SearchEntry.objects.in_bulk(ids)
        objects = {}
        by_type = {}
        for entry in entries.values():
            by_type.setdefault(entry.content_type_id, []).append(entry.object_id)
        for content_type_id, object_ids in by_type.items():
            searchable = _searchable_of_type(content_type_id)
            for obj in searchable.results(self.language).filter(pk__in=object_ids):
                objects[(content_type_id, obj.pk)] = obj
        hits = []
        for entry in (entries[pk] for pk in ids):
            obj = objects.get((entry.content_type_id, entry.object_id))
            if obj is not None:
                hits.append(Hit(obj, entry, excerpt(entry.text, self.terms)))
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
