"""Throughput through gunicorn, beside a bare Django view, on the demo town (SQLite, as `make run` serves it).

    python -m bench.throughput                       # ~3 min: every page for 10 s
    python -m bench.throughput --seconds 5 --profile # and where the workers spend their time (py-spy)
    python -m bench.throughput --output bench/RESULTS.md

Each server is gunicorn with 2 sync workers; the load is 10 connections (wrk, or a small Python
load generator where wrk is missing). The yardstick is `bench/bare/` — `startproject`'s default
middleware and one view with a small template — measured before and after the product's pages in
the same run. The product is measured with its fragment cache (`FRAGMENT_CACHE`) on and off, for a
visitor and for a logged-in member.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VAR = OUT / "throughput-var"
BEGIN, END = "<!-- throughput:begin -->", "<!-- throughput:end -->"
TARGETS = {"home": 25, "field": 20}  # per cent of the bare view's requests per second
PRODUCT_ENV = {
    "DJANGO_SETTINGS_MODULE": "ankommen.settings",
    "DEBUG": "false",
    "DEMO_MODE": "true",
    "SECURE_COOKIES": "false",
    "SECRET_KEY": "bench-only-secret-key-not-for-production",
    "VAR_DIR": str(VAR),
    "DATABASE_URL": f"sqlite:///{VAR / 'demo.sqlite3'}",
    "LOG_LEVEL": "ERROR",
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.throughput", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="load per page (default 10)")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--profile", action="store_true", help="py-spy the workers; stacks in bench/out/profile/"
    )
    parser.add_argument(
        "--python-load", action="store_true", help="the Python load generator even if wrk is there"
    )
    parser.add_argument(
        "--output", type=Path, help="Markdown file; in one with throughput markers only between them"
    )
    return parser.parse_args(argv)


def prepare():
    """A fresh demo database, static files collected; the field page's path and a member's session cookie."""
    os.environ.update(PRODUCT_ENV)
    if VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from ankommen.accounts.models import User
    from ankommen.concept.models import Field

    for command, options in (
        ("migrate", {}),
        ("createcachetable", {}),
        ("demo", {}),
        ("collectstatic", {"interactive": False}),
    ):
        with open(os.devnull, "w") as quiet:
            call_command(command, verbosity=0, stdout=quiet, **options)
    field = max(Field.objects.all(), key=lambda field: field.contributions.count())
    client = Client()
    client.force_login(User.objects.get(email="mitglied@demo.ankommen.example"))
    return (
        f"/handlungsfelder/{field.slug}/",
        f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    )


def fetch(port, path, cookie=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def gunicorn(settings_module, workers, **env):
    """gunicorn on a free port with `settings_module`; yields (port, worker pids)."""
    from bench.measure import gunicorn as serve

    environment = {**os.environ, **PRODUCT_ENV, "DJANGO_SETTINGS_MODULE": settings_module, **env}
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), str(ROOT), environment.get("PYTHONPATH", "")]
    )
    return serve(workers, app="django.core.wsgi:get_wsgi_application()", env=environment, cwd=ROOT)


def wrk(port, path, cookie, seconds, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rps, requests, int(errors.group(1)) if errors else 0


def python_load(port, path, cookie, seconds, connections):
    """`connections` threads, each sending one GET after another for `seconds`: requests per second."""
    deadline = time.monotonic() + seconds
    counts = Counter()

    def client():
        while time.monotonic() < deadline:
            status, _body = fetch(port, path, cookie)
            counts["ok" if status == 200 else "failed"] += 1

    threads = [threading.Thread(target=client) for _ in range(connections)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    requests = counts["ok"] + counts["failed"]
    return requests / (time.monotonic() - start), requests, counts["failed"]


def cpu_seconds(pids):
    """User and system CPU time the workers have used so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


class Profiler:
    """py-spy record on each worker while the load runs; collapsed stacks, one file per page and worker."""

    def __init__(self, folder):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))

    @contextlib.contextmanager
    def record(self, label, pids, seconds):
        name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        spies = [
            subprocess.Popen(
                [
                    self.py_spy,
                    "record",
                    "--pid",
                    str(pid),
                    "--duration",
                    str(seconds),
                    "--rate",
                    "200",
                    "--format",
                    "raw",
                    "--output",
                    str(self.folder / f"{name}-{pid}.txt"),
                    "--nonblocking",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for pid in pids
        ]
        try:
            yield
        finally:
            for spy in spies:
                spy.wait(timeout=seconds + 30)


def summarize_profile(folder, label, top=25):
    """The functions with the largest share of samples (inclusive), from the collapsed stacks of one page."""
    name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    inclusive, own, total = defaultdict(int), defaultdict(int), 0
    for path in folder.glob(f"{name}-*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stack, _, count = line.rpartition(" ")
            if not stack:
                continue
            count = int(count)
            frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
            total += count
            for frame in set(frames):
                inclusive[frame] += count
            own[frames[-1]] += count
    lines = [f"{label}: {total} samples"]
    for frame, count in sorted(inclusive.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {100 * count / total:5.1f} % incl  {100 * own[frame] / total:5.1f} % own  {frame}")
    return "\n".join(lines)


def main(argv=None):
    options = parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    field_path, member_cookie = prepare()
    use_wrk = shutil.which("wrk") is not None and not options.python_load
    load = wrk if use_wrk else python_load
    profiler = Profiler(OUT / "profile") if options.profile else None

    def measure(port, pids, label, path, cookie=None):
        status, body = fetch(port, path, cookie)
        assert status == 200, f"{label}: {status}"
        assert (b"Abmelden" in body) == bool(cookie), f"{label}: not as the right person"
        load(port, path, cookie, 2, options.connections)  # warm-up
        cpu_before = cpu_seconds(pids)
        with profiler.record(label, pids, options.seconds) if profiler else contextlib.nullcontext():
            rps, requests, errors = load(port, path, cookie, options.seconds, options.connections)
        cpu_ms = 1000 * (cpu_seconds(pids) - cpu_before) / requests
        print(
            f"{label:<32} {rps:8.1f} requests/s {cpu_ms:6.2f} ms CPU per request"
            + (f"  ({errors} errors)" if errors else ""),
            flush=True,
        )
        return {"label": label, "rps": rps, "cpu_ms": cpu_ms, "errors": errors}

    bare = []
    rows = []
    with gunicorn("bench.bare.settings", options.workers) as (port, pids):
        bare.append(measure(port, pids, "bare view (before)", "/"))
    for cache in ("on", "off"):
        with gunicorn(
            "ankommen.settings", options.workers, FRAGMENT_CACHE="true" if cache == "on" else "false"
        ) as (
            port,
            pids,
        ):
            for page, path in (("home", "/"), ("field", field_path)):
                for who, cookie in (("visitor", None), ("member", member_cookie)):
                    row = measure(port, pids, f"{page}, {who}, cache {cache}", path, cookie)
                    rows.append({**row, "page": page, "who": who, "cache": cache, "path": path})
    with gunicorn("bench.bare.settings", options.workers) as (port, pids):
        bare.append(measure(port, pids, "bare view (after)", "/"))

    bare_rps = sum(row["rps"] for row in bare) / len(bare)
    bare_cpu_ms = sum(row["cpu_ms"] for row in bare) / len(bare)
    for row in rows:
        row["share"] = 100 * row["rps"] / bare_rps
        row["cpu_share"] = 100 * bare_cpu_ms / row["cpu_ms"]
    result = {
        "code": code_version(),
        "cpus": len(os.sched_getaffinity(0)),
        "load_generator": "wrk" if use_wrk else "python",
        "seconds": options.seconds,
        "connections": options.connections,
        "workers": options.workers,
        "bare": bare,
        "bare_rps": bare_rps,
        "bare_cpu_ms": bare_cpu_ms,
        "load": os.getloadavg()[0],
        "pages": rows,
    }
    (OUT / "throughput.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    markdown = render(result)
    print()
    print(markdown)
    if profiler:
        summaries = "\n\n".join(summarize_profile(profiler.folder, row["label"]) for row in rows)
        (OUT / "profile" / "summary.txt").write_text(summaries, encoding="utf-8")
        print(f"\nProfiles: {OUT / 'profile'} (summary.txt)")
    output = options.output or OUT / "throughput.md"
    from bench.report import write

    write(output, markdown, markers=(BEGIN, END))
    print(f"Written to {output}")


def code_version():
    from bench.report import code_version as version

    return version()


def render(result):
    bare = ", ".join(f"{row['rps']:.0f}" for row in result["bare"])
    lines = [
        f"Measured on `{result['code']}`, {result['cpus']} CPUs (load {result['load']:.1f} at the end), gunicorn with "
        f"{result['workers']} sync workers, {result['connections']} connections ({result['load_generator']}), "
        f"{result['seconds']} s per page, the demo town on SQLite. Bare view: {result['bare_rps']:.0f} requests/s "
        f"(before and after: {bare}), {result['bare_cpu_ms']:.2f} ms of the workers' CPU per request.",
        "",
        "| page | as | fragment cache | requests/s | % of the bare view | CPU ms per request | bare view's CPU as % of it | target |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for row in result["pages"]:
        target = TARGETS[row["page"]]
        verdict = "met" if row["share"] >= target else "**not met**"
        lines.append(
            f"| {row['page']} | {row['who']} | {row['cache']} | {row['rps']:.0f} | {row['share']:.1f} % "
            f"| {row['cpu_ms']:.2f} | {row['cpu_share']:.1f} % | ≥ {target} % — {verdict} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
