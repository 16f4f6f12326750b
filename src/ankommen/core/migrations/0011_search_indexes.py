"""The full-text indexes over `SearchEntry.folded`, one kind per database (see `core/search.py`).

SQLite: two FTS5 tables with the search entries as their external content, kept by triggers: words
(unicode61 without diacritics; prefix queries) and trigrams (parts of compounds). PostgreSQL: a
generated tsvector in the text search configuration of the entry's language, with a GIN index, and
a trigram index (pg_trgm) for parts of words.
"""

from django.db import migrations

# The text search configuration of each language PostgreSQL has one for; `simple` for the others
# (Ukrainian, Persian, Pashto, Kurmanji). `core.search.CONFIGS` says the same.
CONFIGS = {"de": "german", "de-simple": "german", "en": "english", "tr": "turkish", "ar": "arabic", "ru": "russian"}

SQLITE = [
    (
        f"CREATE VIRTUAL TABLE core_searchentry_{name} USING fts5("
        f"folded, content='core_searchentry', content_rowid='id', tokenize=\"{tokenizer}\")"
    )
    for name, tokenizer in (("words", "unicode61 remove_diacritics 2"), ("trigrams", "trigram"))
] + [
    f"""CREATE TRIGGER core_searchentry_{name}_{event} AFTER {event.upper()} ON core_searchentry BEGIN
        {statements.format(table=f"core_searchentry_{name}")}
    END"""
    for name in ("words", "trigrams")
    for event, statements in (
        ("insert", "INSERT INTO {table}(rowid, folded) VALUES (new.id, new.folded);"),
        ("delete", "INSERT INTO {table}({table}, rowid, folded) VALUES ('delete', old.id, old.folded);"),
        (
            "update",
            "INSERT INTO {table}({table}, rowid, folded) VALUES ('delete', old.id, old.folded);"
            " INSERT INTO {table}(rowid, folded) VALUES (new.id, new.folded);",
        ),
    )
]

SQLITE_REVERSE = [
    *(f"DROP TRIGGER core_searchentry_{name}_{event}" for name in ("words", "trigrams") for event in ("insert", "delete", "update")),
    "DROP TABLE core_searchentry_words",
    "DROP TABLE core_searchentry_trigrams",
]

_CONFIG_OF_LANGUAGE = " ".join(f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in CONFIGS.items())

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE core_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS "
    f"(to_tsvector(CASE language {_CONFIG_OF_LANGUAGE} ELSE 'simple'::regconfig END, folded)) STORED",
    "CREATE INDEX core_searchentry_vector ON core_searchentry USING gin (vector)",
    "CREATE INDEX core_searchentry_trigrams ON core_searchentry USING gin (folded gin_trgm_ops)",
]

POSTGRESQL_REVERSE = [
    "DROP INDEX core_searchentry_trigrams",
    "DROP INDEX core_searchentry_vector",
    "ALTER TABLE core_searchentry DROP COLUMN vector",
]


STATEMENTS = {"sqlite": (SQLITE, SQLITE_REVERSE), "postgresql": (POSTGRESQL, POSTGRESQL_REVERSE)}


def create(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[0]:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("core", "0010_search_entries")]

    operations = [migrations.RunPython(create, drop)]
