"""Members who write while the pages are timed: support clicks and their withdrawals, over HTTP.

A script of its own (standard library only), so that it runs unchanged against any commit's server:

    BENCH_WRITER_SESSIONS=key1,key2 python bench/writer.py --port 8000 --writes-per-second 1

With the session cookies given (comma-separated), it opens the home page, a few fields and their
contributions as a browser would, keeps those whose page shows a support button (an open stage),
prints "ready" and then clicks those buttons N times a second (the htmx POST of the form, with the
page's CSRF token), a support and its withdrawal taking turns on one contribution after another,
until its standard input closes, --seconds are over or it is interrupted. The last line it prints
is JSON: the writes that succeeded and failed, their HTTP statuses and latency.

`time_under_writes` runs a timing function with this script writing in a child process;
`sessions` makes the cookies (in a process with Django set up).
"""

import argparse
import http.client
import itertools
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

HOST = "bench.ankommen.example"  # as in bench/generate.py; this script imports nothing of the project
SESSIONS_VARIABLE = "BENCH_WRITER_SESSIONS"  # not on the command line, where `ps` shows it
FIELD_LINK = re.compile(r'href="(/handlungsfelder/[^/"]+/)"')
CONTRIBUTION_LINK = re.compile(r'href="(/handlungsfelder/[^/"]+/beitraege/\d+/)"')
SUPPORT_FORM = re.compile(r'<form[^>]*\saction="(/beitraege/\d+/unterstuetzen/)"[^>]*>(.*?)</form>', re.S)
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken"\s+value="([^"]+)"')
HTMX_TARGET = re.compile(r'data-hx-target="#([^"]+)"')


def percentile(samples, share):
    """The nearest-rank percentile of `samples` (as in bench/measure.py)."""
    ordered = sorted(samples)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def request(port, jar, method, path, host=HOST, body=None, headers=None):
    """One request on a fresh connection with the cookies of `jar`, which takes the ones set in reply.

    Returns the status, the body as text and the seconds it took.
    """
    headers = {"Host": host, **(headers or {})}
    if jar:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in jar.items())
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
    finally:
        conn.close()
    seconds = time.perf_counter() - start
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(header)
        jar.update({name: morsel.value for name, morsel in cookie.items()})
    return response.status, text, seconds


def support_form(html):
    """(form action, CSRF token, supported now?, htmx target) of the first support button in `html`, or None."""
    match = SUPPORT_FORM.search(html)
    if not match:
        return None
    token = CSRF_TOKEN.search(match.group(2))
    target = HTMX_TARGET.search(match.group(0))
    return (
        match.group(1),
        token.group(1) if token else None,
        'name="withdraw"' in match.group(2),
        target.group(1) if target else "",
    )


def open_page(port, click, jars, host=HOST):
    """Load the contribution's page as its member: the button's action, a fresh token and its state."""
    status, html, _seconds = request(port, jars[click["member"]], "GET", click["page"], host)
    form = support_form(html) if status == 200 else None
    if not form or not form[1]:
        return False
    click["action"], click["token"], click["supported"], click["target"] = form
    return True


def discover(port, jars, fields=4, per_field=3, host=HOST):
    """Contributions with a support button in the first `fields` fields that have any, `per_field` each.

    Each is opened by one of the members in turn (`member` is the index of its cookie jar); the list
    takes the fields in turn, so that writes one after the other fall on different fields.
    """
    status, home, _seconds = request(port, jars[0], "GET", "/", host)
    if status != 200:
        raise RuntimeError(f"the home page answered HTTP {status}")
    by_field, taken = [], 0
    for field in dict.fromkeys(FIELD_LINK.findall(home)):
        if len(by_field) == fields:
            break
        status, html, _seconds = request(port, jars[0], "GET", field, host)
        found = []
        for page in dict.fromkeys(CONTRIBUTION_LINK.findall(html) if status == 200 else []):
            click = {"page": page, "member": taken % len(jars)}
            if open_page(port, click, jars, host):
                found.append(click)
                taken += 1
                if len(found) == per_field:
                    break
        if found:
            by_field.append(found)
    clicks = [click for turn in itertools.zip_longest(*by_field) for click in turn if click]
    if not clicks:
        raise RuntimeError("no contribution with a support button found (is a stage open?)")
    return clicks


def click_button(port, click, jars, host=HOST):
    """Press the support button as htmx does; (succeeded?, HTTP status, seconds).

    Succeeded means: the answer is the button in its new state (htmx) or a redirect (no htmx).
    """
    fields = [("csrfmiddlewaretoken", click["token"])]
    if click["supported"]:
        fields.append(("withdraw", "1"))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://{host}",
        "Referer": f"http://{host}{click['page']}",
        "HX-Request": "true",
        "HX-Current-URL": f"http://{host}{click['page']}",
    }
    if click["target"]:
        headers["HX-Target"] = click["target"]
    status, html, seconds = request(
        port, jars[click["member"]], "POST", click["action"], host, urlencode(fields), headers
    )
    if 300 <= status < 400:
        click["supported"] = not click["supported"]
        return True, status, seconds
    form = support_form(html) if status == 200 else None
    if not form or form[2] == click["supported"]:
        click["token"] = None  # read the page again before the next click on it
        return False, status, seconds
    click["supported"] = form[2]
    click["token"] = form[1] or click["token"]
    return True, status, seconds


def one_write(port, click, jars, host=HOST):
    """One click; a page read first when the last click on it failed. (succeeded?, status, seconds)."""
    try:
        if click["token"] is None and not open_page(port, click, jars, host):
            return False, "page not readable", 0
        return click_button(port, click, jars, host)
    except (OSError, http.client.HTTPException) as error:
        click["token"] = None
        return False, type(error).__name__, 0


def stop_requested(seconds, watch_stdin):
    """Wait `seconds`; True when standard input closed meanwhile (the parent's signal to stop)."""
    if not watch_stdin:
        time.sleep(max(0, seconds))
        return False
    deadline = time.monotonic() + max(0, seconds)
    while True:
        ready, _, _ = select.select([sys.stdin], [], [], max(0, deadline - time.monotonic()))
        if ready and not os.read(sys.stdin.fileno(), 4096):
            return True
        if time.monotonic() >= deadline:
            return False


def write(port, clicks, jars, rate, seconds=None, watch_stdin=False, host=HOST):
    """Click `rate` times a second, on schedule (a slow answer delays the next click, never bunches them).

    Each contribution gets two clicks in a row (support and withdrawal, or the other way round when
    the member supported it already), so the town stays as it was but for the last click; then the next.
    """
    interval = 1 / rate
    start = due = time.monotonic()
    statuses, latencies, failed = Counter(), [], 0
    turn = 0
    try:
        while True:
            if seconds is not None and due - start >= seconds:
                stop_requested(start + seconds - time.monotonic(), watch_stdin)
                break
            if stop_requested(due - time.monotonic(), watch_stdin):
                break
            click = clicks[(turn // 2) % len(clicks)]
            turn += 1
            succeeded, status, took = one_write(port, click, jars, host)
            statuses[str(status)] += 1
            if succeeded:
                latencies.append(took * 1000)
            else:
                failed += 1
            due = max(due + interval, time.monotonic() - interval)
    except KeyboardInterrupt:
        pass
    elapsed = time.monotonic() - start
    return {
        "writes_per_second": rate,
        "succeeded": len(latencies),
        "failed": failed,
        "seconds": elapsed,
        "rate": (len(latencies) + failed) / elapsed if elapsed else 0,
        "statuses": dict(statuses),
        "p50": percentile(latencies, 0.5) if latencies else None,
        "p95": percentile(latencies, 0.95) if latencies else None,
        "contributions": len(clicks),
        "fields": len({click["page"].split("/beitraege/")[0] for click in clicks}),
        "members": len(jars),
    }


def sessions(count=4):
    """Session cookies of the town's last `count` people, logged in with the test client (Django set up).

    In the generated town the last people are plain members (bench/generate.py hands out the other
    roles first), and not the member whose pages the bench times (the first plain member).
    """
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.test import Client

    cookies = []
    for user in get_user_model().objects.filter(is_active=True).order_by("-pk")[:count]:
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    connections.close_all()  # as before: the timing process holds no connection
    return settings.SESSION_COOKIE_NAME, cookies


def time_under_writes(time_pages, port, rate, host=HOST, people=4):
    """Call `time_pages()` while this script writes `rate` times a second on the server at `port`.

    Needs Django set up (for the members' sessions). Returns the timing's result, the writer's
    counts and the load average before and after.
    """
    cookie_name, cookies = sessions(people)
    command = [sys.executable, str(Path(__file__).resolve()), f"--port={port}", f"--host={host}"]
    command += [f"--writes-per-second={rate}", f"--cookie-name={cookie_name}"]
    writer = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, SESSIONS_VARIABLE: ",".join(cookies)},
    )
    try:
        if writer.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the writer ended before it was ready (exit code {writer.wait()})")
        load_before = os.getloadavg()[0]
        timing = time_pages()
        load_after = os.getloadavg()[0]
        writer.stdin.close()
        lines = writer.stdout.read().strip().splitlines()
        if writer.wait(timeout=60) != 0 or not lines:
            raise RuntimeError(f"the writer ended without its counts (exit code {writer.returncode})")
        counts = json.loads(lines[-1])
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    return {"pages": timing, "writer": counts, "load": [load_before, load_after]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default=HOST, help=f"Host header (default {HOST})")
    parser.add_argument("--writes-per-second", type=float, default=1.0)
    parser.add_argument("--seconds", type=float, help="stop after this long (default: when stdin closes)")
    parser.add_argument("--cookie-name", default="sessionid")
    parser.add_argument("--fields", type=int, default=4, help="fields to write in (default 4)")
    parser.add_argument("--per-field", type=int, default=3, help="contributions per field (default 3)")
    options = parser.parse_args(argv)
    cookies = [value for value in os.environ.get(SESSIONS_VARIABLE, "").split(",") if value]
    if not cookies or options.writes_per_second <= 0:
        parser.error(f"needs session cookies in {SESSIONS_VARIABLE} and --writes-per-second above 0")
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    jars = [{options.cookie_name: value} for value in cookies]
    clicks = discover(options.port, jars, options.fields, options.per_field, options.host)
    print(
        f"writer: {len(clicks)} contributions, {len(jars)} members, {options.writes_per_second:g} a second",
        file=sys.stderr,
        flush=True,
    )
    print("ready", flush=True)
    counts = write(
        options.port,
        clicks,
        jars,
        options.writes_per_second,
        options.seconds,
        watch_stdin=options.seconds is None,
        host=options.host,
    )
    print(json.dumps(counts), flush=True)


if __name__ == "__main__":
    main()
