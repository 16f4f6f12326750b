"""`python -m bench.search`: the search over a large town's texts, on SQLite and PostgreSQL.

At full size the town of `bench/generate.py` has 250,000 texts people wrote (50,000 contributions
and 200,000 comments) and about 92,000 English and Arabic translations. The index is built with
`ankommen rebuild_search_index` (as after a bulk import), then the results page is timed through
gunicorn for two-word queries from very common to rare, as a visitor and as a member. Target: p95
under 100 ms for a two-word query.

    .venv/bin/python -m bench.search                               # both databases, full size
    .venv/bin/python -m bench.search --database sqlite --scale 0.1 --requests 20
    .venv/bin/python -m bench.search --output bench/RESULTS.md      # the part between the search markers
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BEGIN, END = "<!-- bench-search:begin -->", "<!-- bench-search:end -->"
TARGET_MS = 100

# (what it shows, the query): the generated texts come from a few sentences, so most words are very common.
QUERIES = [
    ("two common words (40 % of the contributions)", "Wartezeiten gestiegen"),
    ("two words of comments (a quarter of them)", "eigener Erfahrung"),
    ("a title (a few hundred)", "Dolmetscherpool Abend"),
    ("the starts of two words", "Sprachk Weststa"),
    ("parts of compounds", "kurse stadt"),
    ("nothing found", "Quetzalcoatl Pattonville"),
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1.0 = 50,000 contributions, 200,000 comments"
    )
    parser.add_argument("--requests", type=int, default=50, help="timed requests per query (default 50)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--output", type=Path, help="Markdown file (default bench/out/search.md)")
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)  # the child process's JSON
    return parser.parse_args(argv)


def main(argv=None):
    options = parse_args(argv)
    if options.result:
        return measure(options)
    from bench.__main__ import environment

    OUT.mkdir(parents=True, exist_ok=True)
    databases = ["sqlite", "postgres"] if options.database == "both" else [options.database]
    results = []
    for database in databases:
        result = OUT / f"search-{database}.json"
        result.unlink(missing_ok=True)
        command = [sys.executable, "-u", "-m", "bench.search", f"--result={result}"]
        command += [
            f"--scale={options.scale}",
            f"--requests={options.requests}",
            f"--warmup={options.warmup}",
        ]
        command += [f"--seed={options.seed}"]
        if database == "postgres":
            command = [str(ROOT / "scripts" / "with-postgres"), *command]
        subprocess.run(command, cwd=ROOT, env=environment(database), check=True)
        results.append(json.loads(result.read_text(encoding="utf-8")))
    markdown = render(results, options)
    print(markdown)
    from bench.report import write

    write(options.output or OUT / "search.md", markdown, markers=(BEGIN, END))
    return None


def measure(options):
    """One database: migrate, generate, build the index, count the queries and time the results page."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import generate as generating
    from bench import measure as timing
    from bench.generate import generate
    from bench.measure import Page
    from bench.report import code_version
    from bench.run import database_bytes, database_version, sessions

    result = {"vendor": connection.vendor, "version": database_version(connection), "code": code_version()}
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    start = time.perf_counter()
    # Supports are not searched: leaving out their million rows saves minutes and changes nothing here.
    generating.create_supports = lambda *args, **kwargs: None
    result["sizes"] = generate(scale=options.scale, seed=options.seed)
    result["generate_seconds"] = time.perf_counter() - start
    start = time.perf_counter()
    from ankommen.core import search
    from ankommen.core.models import SearchEntry

    result["entries"] = search.rebuild()
    result["index_seconds"] = time.perf_counter() - start
    result["database_bytes"] = database_bytes(connection)
    result["texts"] = result["sizes"]["contributions"] + result["sizes"]["comments"]
    pages = [
        Page(f"{name}, {who}", f"/suche/?q={quote_plus(query)}", who)
        for name, query in QUERIES
        for who in ("visitor", "member")
    ]
    cookies = sessions()
    result["queries"] = timing.count_queries(pages, cookies)
    result["found"] = found(pages)
    assert SearchEntry.objects.count() == result["entries"]
    connection.close()
    with timing.gunicorn() as (port, _workers):
        load = os.getloadavg()[0]
        latency = timing.time_pages(port, pages, cookies, options.requests, options.warmup)
        result["load"] = [load, os.getloadavg()[0]]
    result["pages"] = [
        {"name": page.name, "path": page.path, **result["queries"][page.name], **latency[page.name]}
        for page in pages
    ]
    options.result.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    return None


def found(pages):
    """How many results each page reports, counted as the page counts them."""
    from ankommen.accounts.models import Member
    from ankommen.core import search
    from ankommen.core.models import Municipality
    from ankommen.core.roles import Role
    from bench.generate import HOST

    town = Municipality.objects.get(host=HOST)
    readers = {"visitor": None, "member": Member.objects.with_role(Role.MEMBER).order_by("pk").first()}
    query_of = dict(QUERIES)
    return {
        page.name: search.search(
            town, readers[page.who], query_of[page.name.rsplit(", ", 1)[0]], "de"
        ).count()
        for page in pages
    }


def render(results, options):
    from bench.report import machine

    info = machine()
    info = f"{info['cpus']} CPUs ({info['cpu']}), {info['ram']} RAM, {info['system']}"
    lines = [
        f"### Search, run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Machine: {info}.  ",
        "Code: " + ", ".join(f"{result['version']}: commit {result['code']}" for result in results) + ".  ",
        f"Scale {options.scale:g}, seed {options.seed}; {options.requests} timed requests per query after "
        f"{options.warmup} untimed rounds, one at a time with the queries taking turns, through gunicorn "
        "(2 sync workers). Load average (1 min) while timing: "
        + ", ".join(
            f"{result['version']} {result['load'][0]:.1f} → {result['load'][1]:.1f}" for result in results
        )
        + ".",
        "",
        "| | " + " | ".join(result["version"] for result in results) + " |",
        "|---|" + "---:|" * len(results),
        "| texts (contributions + comments) | " + " | ".join(f"{r['texts']:,}" for r in results) + " |",
        "| translations | " + " | ".join(f"{r['sizes']['translations']:,}" for r in results) + " |",
        "| index entries (texts, titles and bodies, translations) | "
        + " | ".join(f"{r['entries']:,}" for r in results)
        + " |",
        "| building the index (s) | " + " | ".join(f"{r['index_seconds']:.1f}" for r in results) + " |",
        "| database size | " + " | ".join(f"{r['database_bytes'] / 2**20:.0f} MB" for r in results) + " |",
        "",
        "Latency in ms of the results page (first page of 20) through gunicorn; found = the number of "
        "results it reports; queries per request and median CPU time of the Django process in-process.",
        "",
        "| query | as | "
        + " | ".join(f"{r['version'].split()[0]} found | queries | p50 | p95 | max | CPU" for r in results)
        + " |",
        "|---|---|" + "---:|---:|---:|---:|---:|---:|" * len(results),
    ]
    for index, page in enumerate(results[0]["pages"]):
        name, who = page["name"].rsplit(", ", 1)
        query = dict(QUERIES)[name]
        cells = []
        for result in results:
            row = result["pages"][index]
            cells.append(
                f"{result['found'][row['name']]:,} | {row['queries']} | {row['p50']:.1f} | {row['p95']:.1f} | "
                f"{row['max']:.1f} | {row['cpu_ms']:.1f}"
            )
        lines.append(f"| {name}: `{query}` | {who} | " + " | ".join(cells) + " |")
    lines += ["", f"Target: p95 under {TARGET_MS} ms for a two-word query.", ""]
    for result in results:
        worst = max(result["pages"], key=lambda row: row["p95"])
        verdict = "met" if worst["p95"] < TARGET_MS else "**not met**"
        lines.append(
            f"- {result['version']}: slowest p95 {worst['p95']:.1f} ms ({worst['name']}) — {verdict}"
        )
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
