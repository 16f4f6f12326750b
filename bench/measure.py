"""Measuring pages: query counts in-process, latency through gunicorn, throughput with wrk."""

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.generate import HOST


@dataclass
class Page:
    name: str
    path: str
    who: str = "visitor"  # visitor, member or admin


def percentile(samples, share):
    """The nearest-rank percentile of `samples` (share 0.5 = median)."""
    ordered = sorted(samples)
    return ordered[max(0, round(share * len(ordered)) - 1)]


class QueryTimer:
    """An execute wrapper that times each query precisely (CaptureQueriesContext rounds to 1 ms)."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, (time.perf_counter() - start) * 1000))


def count_queries(pages, cookies, runs=5):
    """Run each page in-process: its queries and their times, and the median CPU time of `runs` requests,
    served from the cache and with an empty cache.

    The CPU time is this process's own work (Django, templates, and SQLite's, which runs in-process;
    not PostgreSQL's); unlike the latency it hardly changes when other programs load the machine.
    """
    results = {}
    for page in pages:
        client = Client(headers={"host": HOST})
        if page.who != "visitor":
            client.cookies[settings.SESSION_COOKIE_NAME] = cookies[page.who]
        client.get(page.path)
        timer = QueryTimer()
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timer):
            response = client.get(page.path)
        logged = list(captured.captured_queries)  # the next request empties Django's query log
        assert len(timer.queries) == len(logged)
        cpu_ms = []
        for _run in range(runs):
            start = time.thread_time()
            client.get(page.path)
            cpu_ms.append((time.thread_time() - start) * 1000)
        # The same with an empty cache: the first reader after a change renders every fragment.
        cold_ms = []
        for _run in range(runs):
            cache.clear()
            start = time.thread_time()
            client.get(page.path)
            cold_ms.append((time.thread_time() - start) * 1000)
        # The same SQL (with placeholders) run again and again is the sign of an N+1 query.
        shapes = Counter(sql for sql, _ms in timer.queries)
        slowest = max(range(len(timer.queries)), key=lambda index: timer.queries[index][1], default=None)
        results[page.name] = {
            "status": response.status_code,
            "cpu_ms": percentile(cpu_ms, 0.5),
            "cpu_cold_ms": percentile(cold_ms, 0.5),
            "queries": len(timer.queries),
            "most_repeated": max(shapes.values(), default=0),
            "repeated_sql": shapes.most_common(1)[0][0] if shapes else "",
            "query_ms": sum(ms for _sql, ms in timer.queries),
            "slowest_ms": timer.queries[slowest][1] if slowest is not None else 0,
            "slowest_sql": logged[slowest]["sql"] if slowest is not None else "",
        }
    return results


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path, cookie=None):
    """One GET on a fresh connection (gunicorn's sync workers close it anyway): status, size, seconds."""
    headers = {"Host": HOST}
    if cookie:
        headers["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={cookie}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start = time.perf_counter()
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return response.status, len(body), time.perf_counter() - start


@contextlib.contextmanager
def gunicorn(workers=2, *, app="ankommen.wsgi", env=None, cwd=None):
    """Serve `app` with gunicorn on a free local port (environment as for this process, or `env`);
    yields the port and the workers' process ids."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", app, f"--bind=127.0.0.1:{port}"]
    # No control socket: it would be shared with any other gunicorn on the machine.
    command += [f"--workers={workers}", "--log-level=warning", "--no-control-socket"]
    server = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn ({app}) ended before it served a page")
            with contextlib.suppress(OSError):
                fetch(port, "/")
                break
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer within 60 s")
            time.sleep(0.2)
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        yield port, [int(pid) for pid in children]
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def time_pages(port, pages, cookies, requests, warmup):
    """p50, p95 and max (ms) of `requests` sequential GETs per page, after `warmup` untimed rounds.

    The pages take turns (one request each per round), so that a burst of load on the
    machine falls on all pages alike instead of on the one being timed.
    """
    for _round in range(warmup):
        for page in pages:
            fetch(port, page.path, cookies.get(page.who))
    samples = {page.name: [] for page in pages}
    statuses = {page.name: Counter() for page in pages}
    sizes = {}
    for _round in range(requests):
        for page in pages:
            status, sizes[page.name], seconds = fetch(port, page.path, cookies.get(page.who))
            statuses[page.name][status] += 1
            samples[page.name].append(seconds * 1000)
    return {
        page.name: {
            "p50": percentile(samples[page.name], 0.5),
            "p95": percentile(samples[page.name], 0.95),
            "max": max(samples[page.name]),
            "bytes": sizes[page.name],
            "statuses": dict(statuses[page.name]),
        }
        for page in pages
    }


def wrk(port, page, seconds, connections=10):
    """Requests per second and latency percentiles from wrk (None when wrk is not installed)."""
    if seconds <= 0 or shutil.which("wrk") is None:
        return None
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Host: {HOST}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{page.path}"],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout

    def number(pattern):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else None

    def milliseconds(label):
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if not match:
            return None
        return float(match.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[match.group(2)]

    return {
        "connections": connections,
        "seconds": seconds,
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "p50": milliseconds("50%"),
        "p99": milliseconds("99%"),
        "errors": int(number(r"Non-2xx or 3xx responses:\s+(\d+)") or 0),
    }


def first_view_bytes(port, paths):
    """Bytes transferred for a first visit (empty cache) of each path in Chromium, fonts included.

    None when no Chromium is installed. Sizes are what came over the wire: compressed bodies and headers.
    """
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        return None
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        for path in paths:
            context = browser.new_context()
            page = context.new_page()
            responses = []
            page.on("response", lambda response, seen=responses: seen.append(response))
            page.goto(f"http://127.0.0.1:{port}{path}", wait_until="networkidle")
            page.evaluate("document.fonts.ready.then(() => true)")
            sizes = [(response.url, response.request.sizes()) for response in responses]
            results[path] = {
                "bytes": sum(size["responseBodySize"] + size["responseHeadersSize"] for _url, size in sizes),
                "requests": len(sizes),
                "fonts": sum(1 for url, _size in sizes if url.endswith((".woff2", ".woff"))),
            }
            context.close()
        browser.close()
    return results
