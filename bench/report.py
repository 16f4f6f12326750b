"""The machine's description and the results as Markdown."""

import os
import platform
import re
import subprocess
import timeit
from datetime import UTC, datetime
from pathlib import Path

# p95 targets in ms: the main pages, the staff's daily pages (the hub with its counts, a queue of
# 1,000 open reports, an audit log of 100,000 lines), and the translators' overview of a language.
TARGETS = {
    "home": 50,
    "field": 50,
    "home (member)": 50,
    "field (member)": 50,
    "administration hub (admin)": 50,
    "moderation queue (admin)": 50,
    "audit log (admin)": 50,
    "translations (admin)": 100,
    "translations, English (admin)": 100,
}
# p95 targets in ms while members write (bench/writer.py), as the issue on cache invalidation asks.
WRITE_TARGETS = {"home": 50}
FIRST_VIEW_KB = 150
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def machine():
    """CPUs, CPU model, RAM and system of this machine."""
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8") if Path("/proc/meminfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    return {
        "cpus": len(os.sched_getaffinity(0)),
        "cpu": model.group(1).strip() if model else platform.processor() or "unknown",
        "ram": f"{int(memory.group(1)) / 1024**2:.0f} GiB" if memory else "unknown",
        "system": f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        # A yardstick for comparing machines: a recent laptop takes about 10 ms.
        "sum_ms": min(timeit.repeat("sum(range(10**6))", number=10, repeat=5)) / 10 * 1000,
    }


def code_version():
    """The commit measured, and whether the product code had uncommitted changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} (with uncommitted changes in src/)" if changed else commit


def writes_label(rate):
    """The rate in words: "one write per second", "2 writes per second", "0.5 writes per second"."""
    return "one write per second" if rate == 1 else f"{rate:g} writes per second"


def under_writes(result):
    """The timing while members wrote, or None (not measured, or the writer failed)."""
    timing = result.get("under_writes") or {}
    return timing if "pages" in timing else None


def targets(results):
    """(database, page, p95, met?, target) for the pages with a latency target, also while members write."""
    rows = []
    for result in results:
        for page in result["pages"]:
            if page["name"] in TARGETS:
                target = TARGETS[page["name"]]
                rows.append(
                    (NAMES[result["vendor"]], page["name"], page["p95"], page["p95"] < target, target)
                )
        if timing := under_writes(result):
            label = writes_label(timing["writer"]["writes_per_second"])
            for name, target in WRITE_TARGETS.items():
                p95 = timing["pages"][name]["p95"]
                rows.append((NAMES[result["vendor"]], f"{name}, {label}", p95, p95 < target, target))
    return rows


def status_note(timed):
    return "" if set(timed["statuses"]) == {"200"} else f" (HTTP {', '.join(timed['statuses'])})"


def writes_note(result):
    """What the writer did during the second timing, in a sentence."""
    timing = result.get("under_writes")
    if not timing:
        return "not timed"
    if "error" in timing:
        return f"**not timed**: {timing['error']}"
    writer = timing["writer"]
    failed = f"**{writer['failed']} failed**" if writer["failed"] else "none failed"
    latency = f", p50 {writer['p50']:.0f} ms, p95 {writer['p95']:.0f} ms" if writer["p50"] is not None else ""
    return (
        f"{writer['succeeded']} writes in {writer['seconds']:.0f} s ({writer['rate']:.2f}/s, {failed}{latency}; "
        f"{writer['contributions']} contributions in {writer['fields']} fields, {writer['members']} members), "
        f"load {timing['load'][0]:.1f} → {timing['load'][1]:.1f}"
    )


def render(results, options):
    """The figures of one run as Markdown: set-up, sizes, latency table, targets, throughput, slow queries."""
    info = machine()
    first = results[0]
    written = [timing for result in results if (timing := under_writes(result))]
    label = writes_label(written[0]["writer"]["writes_per_second"]) if written else ""
    lines = [
        f"### Run of {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {info['cpus']} CPUs ({info['cpu']}), {info['ram']} RAM, {info['system']}; "
        f"`sum(range(10**6))` takes {info['sum_ms']:.0f} ms.  ",
        f"Code: commit {' / '.join(sorted({r['code'] for r in results}))}.  ",
        f"Scale {options.scale:g}, seed {options.seed}; {options.requests} timed requests per page after "
        f"{options.warmup} untimed round{'' if options.warmup == 1 else 's'}, one request at a time "
        "with the pages taking turns, through gunicorn with 2 sync workers; "
        + (
            "fragment cache on (`FRAGMENT_CACHE`; visitors' whole pages with it). "
            if first.get("fragment_cache", True)
            else "**fragment cache off** (`FRAGMENT_CACHE=false`: every fragment and page rendered anew). "
        )
        + "Load average (1 min) of the machine while timing: "
        + ", ".join(f"{NAMES[r['vendor']]} {r['load'][0]:.1f} → {r['load'][1]:.1f}" for r in results)
        + ".",
        "",
        "| | " + " | ".join(r["version"] for r in results) + " |",
        "|---|" + "---:|" * len(results),
    ]
    for name in first["sizes"]:
        lines.append(f"| {name} | " + " | ".join(f"{r['sizes'][name]:,}" for r in results) + " |")
    lines.append(
        "| database size | " + " | ".join(f"{r['database_bytes'] / 1024**2:,.0f} MB" for r in results) + " |"
    )
    for step in ("migrate", "generate"):
        lines.append(f"| {step} (s) | " + " | ".join(f"{r['seconds'][step]:.1f}" for r in results) + " |")
    lines += [
        "",
        "Latency in ms through gunicorn; KB = size of the HTML. Counted in-process: queries per request "
        "(`repeated` = the same query run N times) and the median CPU time of the Django process "
        "(`CPU`: Python, templates and SQLite, which runs inside it; not PostgreSQL's own work), "
        "once with the page's cached fragments in place and once with an empty cache (`CPU cold`: "
        "the first reader after a change). Latencies are the steady state: fragments cached"
        + (
            f"; the row '…, {label}' is from the second timing, while members wrote (see below)."
            if written
            else "."
        ),
        "",
    ]
    header = "| page | as | KB | queries |"
    rule = "|---|---|---:|---:|"
    for result in results:
        name = NAMES[result["vendor"]]
        header += f" {name} p50 | p95 | max | CPU | CPU cold |"
        rule += "---:|---:|---:|---:|---:|"
    lines += [header, rule]
    for index, page in enumerate(first["pages"]):
        size = f"{page['bytes'] / 1000:.0f}"
        row = f"| {page['name']} | {page['who']} | {size} | {query_cell([r['pages'][index] for r in results])} |"
        for result in results:
            timed = result["pages"][index]
            row += (
                f" {timed['p50']:.1f} | {timed['p95']:.1f}{status_note(timed)} | {timed['max']:.1f} |"
                f" {timed['cpu_ms']:.1f} | {timed.get('cpu_cold_ms', 0):.1f} |"
            )
        lines.append(row)
    for name in WRITE_TARGETS if written else []:
        page = next(page for page in first["pages"] if page["name"] == name)
        row = f"| **{name}, {label}** | {page['who']} | {page['bytes'] / 1000:.0f} | – |"
        for result in results:
            timed = (under_writes(result) or {}).get("pages", {}).get(name)
            row += (
                f" {timed['p50']:.1f} | {timed['p95']:.1f}{status_note(timed)} | {timed['max']:.1f} | – | – |"
                if timed
                else " – | – | – | – | – |"
            )
        lines.append(row)
    lines += under_writes_table(results)
    lines += ["", "Targets (p95):", ""]
    for database, page, p95, met, target in targets(results):
        lines.append(
            f"- {database}, {page}: p95 {p95:.1f} ms (target < {target} ms) — {'met' if met else '**missed**'}"
        )
    views = [(r, path, v) for r in results for path, v in (r.get("first_view") or {}).items()]
    if views:
        lines += [
            "",
            f"First view of the home page in Chromium, empty cache, everything transferred (compressed, "
            f"fonts included); target for German: at most {FIRST_VIEW_KB} KB:",
            "",
            "| database | page | KB transferred | requests | font files |",
            "|---|---|---:|---:|---:|",
        ]
        for result, path, view in views:
            lines.append(
                f"| {NAMES[result['vendor']]} | `{path}` | {view['bytes'] / 1024:.1f} | {view['requests']} | {view['fonts']} |"
            )
    throughput = [(r, t) for r in results for t in r.get("throughput", [])]
    if throughput:
        lines += [
            "",
            f"Throughput with wrk ({throughput[0][1]['seconds']} s, {throughput[0][1]['connections']} connections, "
            "2 threads, on the same machine):",
            "",
            "| database | page | requests/s | p50 ms | p99 ms | non-2xx |",
            "|---|---|---:|---:|---:|---:|",
        ]
        for result, stats in throughput:
            lines.append(
                f"| {NAMES[result['vendor']]} | {stats['name']} | {stats['rps']:.0f} | "
                f"{stats['p50']:.1f} | {stats['p99']:.1f} | {stats['errors']} |"
            )
    lines += ["", "Slowest query of each page (in-process, one request):", ""]
    lines += ["| page | database | all queries ms | slowest ms | slowest query |", "|---|---|---:|---:|---|"]
    for index, page in enumerate(first["pages"]):
        for result in results:
            timed = result["pages"][index]
            sql = re.sub(r"\s+", " ", timed["slowest_sql"]).replace("|", "\\|")
            sql = sql if len(sql) <= 140 else sql[:137] + "…"
            lines.append(
                f"| {page['name']} | {NAMES[result['vendor']]} | {timed['query_ms']:.1f} | "
                f"{timed['slowest_ms']:.1f} | `{sql}` |"
            )
    return "\n".join(lines) + "\n"


def under_writes_table(results):
    """Every page's latency from the second timing, while members wrote; and what they wrote."""
    timed = [under_writes(result) for result in results]
    if not any(result.get("under_writes") for result in results):
        return []
    rate = next((timing["writer"]["writes_per_second"] for timing in timed if timing), None)
    lines = [
        "",
        "The same pages timed a second time in the same way (warm-up rounds included), while members "
        + (f"wrote {writes_label(rate)}" if rate else "were to write")
        + " through the same gunicorn: a support click and its withdrawal taking turns on contributions "
        "of open stages in several fields (bench/writer.py). Writes: "
        + "; ".join(f"{NAMES[result['vendor']]} {writes_note(result)}" for result in results)
        + ".",
    ]
    if not any(timed):
        return lines
    header, rule = "| page | as |", "|---|---|"
    for result in results:
        header += f" {NAMES[result['vendor']]} p50 | p95 | max |"
        rule += "---:|---:|---:|"
    lines += ["", header, rule]
    for page in results[0]["pages"]:
        row = f"| {page['name']} | {page['who']} |"
        for timing in timed:
            cell = (timing or {}).get("pages", {}).get(page["name"])
            row += (
                f" {cell['p50']:.1f} | {cell['p95']:.1f}{status_note(cell)} | {cell['max']:.1f} |"
                if cell
                else " – | – | – |"
            )
        lines.append(row)
    return lines


def query_cell(pages):
    counts = {page["queries"] for page in pages}
    cell = " / ".join(str(page["queries"]) for page in pages) if len(counts) > 1 else str(counts.pop())
    repeated = max(page["most_repeated"] for page in pages)
    return f"{cell} (repeated {repeated}×)" if repeated >= 5 else cell


def write(path, markdown, markers=(BEGIN, END)):
    """Write `markdown` to `path`; in a file with the `markers`, only between them (keeping the prose)."""
    begin, end = markers
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        _old, after = rest.split(end, 1)
        text = f"{before}{begin}\n{markdown.rstrip()}\n{end}{after}"
    else:
        text = markdown
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
