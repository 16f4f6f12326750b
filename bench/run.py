"""One database's run: migrate, generate the town, count queries, time the pages (again while members
write, see bench/writer.py); results as JSON.

Started by `python -m bench` with DATABASE_URL, VAR_DIR and the other settings in the environment:
    python -m bench.run --scale 1.0 --requests 100 --result bench/out/sqlite.json
"""

import argparse
import json
import os
import sqlite3
import time
from pathlib import Path

import django


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--writes-per-second", type=float, default=1.0)
    parser.add_argument("--result", type=Path, required=True)
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from bench import measure, writer
    from bench.generate import HOST, generate
    from bench.report import code_version

    result = {
        "vendor": connection.vendor,
        "version": database_version(connection),
        "code": code_version(),  # at the start: other people may commit while this runs
        "fragment_cache": settings.FRAGMENT_CACHE,
        "seconds": {},
    }

    def step(name, function, *args, **kwargs):
        print(f"[{connection.vendor}] {name} …", flush=True)
        start = time.perf_counter()
        value = function(*args, **kwargs)
        result["seconds"][name] = time.perf_counter() - start
        return value

    step("migrate", call_command, "migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    step("collectstatic", call_command, "collectstatic", interactive=False, verbosity=0)
    result["sizes"] = step("generate", generate, scale=options.scale, seed=options.seed)
    result["database_bytes"] = database_bytes(connection)
    print(f"[{connection.vendor}] {result['sizes']}", flush=True)

    pages = main_pages()
    cookies = sessions()
    queries = step("count queries", measure.count_queries, pages, cookies)
    connection.close()
    with measure.gunicorn() as (port, _workers):
        load_before = os.getloadavg()[0]
        latency = step(
            "time pages", measure.time_pages, port, pages, cookies, options.requests, options.warmup
        )
        result["load"] = [load_before, os.getloadavg()[0]]
        if options.writes_per_second > 0:
            try:
                result["under_writes"] = step(
                    "time pages under writes",
                    writer.time_under_writes,
                    lambda: measure.time_pages(port, pages, cookies, options.requests, options.warmup),
                    port,
                    options.writes_per_second,
                    HOST,
                )
            except RuntimeError as error:  # the figures without writes are still worth reporting
                print(f"[{connection.vendor}] no timing under writes: {error}", flush=True)
                result["under_writes"] = {"error": str(error)}
        throughput = [
            {"name": page.name, **stats}
            for page in pages[:2]
            if (stats := measure.wrk(port, page, options.wrk_seconds))
        ]
        result["first_view"] = step("first view", measure.first_view_bytes, port, ["/", "/ar/"])
    result["pages"] = [
        {"name": page.name, "path": page.path, "who": page.who, **queries[page.name], **latency[page.name]}
        for page in pages
    ]
    result["throughput"] = throughput
    options.result.write_text(json.dumps(result, indent=2), encoding="utf-8")


def database_version(connection):
    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def database_bytes(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        else:
            cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def main_pages():
    """The pages to measure, with the ids of this town: home, a large field, a busy contribution, staff pages."""
    from ankommen.concept.models import District, Field
    from ankommen.dialogue.models import Contribution
    from bench.measure import Page

    field = Field.objects.order_by("position").first()
    district = District.objects.order_by("position").first()
    busiest = Contribution.objects.filter(field=field, hidden_at=None).order_by("-comment_count").first()
    field_path = f"/handlungsfelder/{field.slug}/"
    return [
        Page("home", "/"),
        Page("field", field_path),
        Page("field, district filter", f"{field_path}?districts={district.pk}"),
        Page("field, page 50", f"{field_path}?page=50"),
        Page("field, most supported", f"{field_path}?sort=supported"),
        Page("field, most discussed", f"{field_path}?sort=discussed"),
        Page("contribution + comments", f"{field_path}beitraege/{busiest.pk}/"),
        Page("home, English", "/en/"),
        Page("home (member)", "/", "member"),
        Page("field (member)", field_path, "member"),
        Page("administration hub (admin)", "/verwaltung/", "admin"),
        Page("moderation queue (admin)", "/moderation/", "admin"),
        Page("audit log (admin)", "/verwaltung/protokoll/", "admin"),
        Page("translations (admin)", "/verwaltung/uebersetzungen/", "admin"),
        Page("translations, English (admin)", "/verwaltung/uebersetzungen/en/", "admin"),
    ]


def sessions():
    """A session cookie for an admin and for a plain member, made with the test client's login."""
    from django.conf import settings
    from django.test import Client

    from ankommen.accounts.models import Member
    from ankommen.core.roles import Role

    cookies = {}
    for who, role in (("admin", Role.ADMIN), ("member", Role.MEMBER)):
        client = Client()
        client.force_login(Member.objects.with_role(role).order_by("pk").first().user)
        cookies[who] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies


if __name__ == "__main__":
    main()
