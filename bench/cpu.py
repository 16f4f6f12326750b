"""CPU time per request in-process, on a town `python -m bench` (or `bench/generate.py`) has built.

    DATABASE_URL=sqlite:///bench/out/bench.sqlite3 FRAGMENT_CACHE=false python -m bench.cpu
    … python -m bench.cpu --profile field-member   # and the 30 costliest functions of that page (cProfile)

For each page: the queries of one request (count and ms), the median CPU time of `--runs` requests
after two untimed ones, and the p95 of their wall time. With `FRAGMENT_CACHE=false` every fragment is
rendered anew on every request: what a page costs without its cache.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import time

import django


def pages():
    from ankommen.concept.models import Field

    field = Field.objects.order_by("position").first()
    path = f"/handlungsfelder/{field.slug}/"
    return {
        "home-visitor": ("/", None),
        "home-member": ("/", "member"),
        "field-visitor": (path, None),
        "field-member": (path, "member"),
        "field-filter-visitor": (f"{path}?sort=supported&page=3", None),
        "hub-admin": ("/verwaltung/", "admin"),
        "queue-admin": ("/moderation/", "admin"),
        "audit-admin": ("/verwaltung/protokoll/", "admin"),
    }


def client_for(who):
    from django.test import Client

    from ankommen.accounts.models import Member
    from ankommen.core.roles import Role
    from bench.generate import HOST

    client = Client(headers={"host": HOST})
    if who is not None:
        role = {"member": Role.MEMBER, "admin": Role.ADMIN}[who]
        client.force_login(Member.objects.with_role(role).order_by("-pk").first().user)
    return client


def measure(client, path, runs):
    from django.db import connection

    from bench.measure import QueryTimer

    for _ in range(2):
        assert client.get(path).status_code == 200, path
    timer = QueryTimer()
    with connection.execute_wrapper(timer):
        client.get(path)
    cpu, wall = [], []
    for _ in range(runs):
        start_cpu, start = time.process_time(), time.perf_counter()
        client.get(path)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    wall.sort()
    return {
        "queries": len(timer.queries),
        "query_ms": sum(ms for _sql, ms in timer.queries),
        "cpu": statistics.median(cpu),
        "p95": wall[max(0, round(0.95 * len(wall)) - 1)],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", help="a page name: print its cProfile")
    parser.add_argument("--only", nargs="*", help="page names")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    django.setup()
    from django.conf import settings
    from django.db import connection

    found = pages()
    print(f"{connection.vendor}, fragment cache {'on' if settings.FRAGMENT_CACHE else 'off'}")
    for name, (path, who) in found.items():
        if options.only and name not in options.only:
            continue
        client = client_for(who)
        figures = measure(client, path, options.runs)
        print(
            f"{name:22} queries {figures['queries']:3} ({figures['query_ms']:5.1f} ms)  "
            f"CPU {figures['cpu']:6.1f} ms  p95 {figures['p95']:6.1f} ms",
            flush=True,
        )
    if options.profile:
        path, who = found[options.profile]
        client = client_for(who)
        client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            client.get(path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
