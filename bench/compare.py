"""`bench/compare [BEFORE [AFTER]]`: the bench of two commits in one sitting, their figures side by side.

Each commit is checked out in a temporary git worktree and measured by its own bench/ against its own
src/ (PYTHONPATH), with this Python and the same options; for each database the two runs follow each
other (before, then after), so that both meet the same machine at nearly the same time.

Both are timed a second time while members write, by the same writer: this tree's bench/writer.py.
A commit whose bench/writer.py is this one runs it itself (`--writes-per-second`); any other commit
gets it attached (bench/attach_writer/), which times its pages again with its own `time_pages` while
the writer runs, as bench/run.py does.

Default: BEFORE = where HEAD left main (`git merge-base HEAD main`), AFTER = HEAD; committed states
only, uncommitted changes are not measured.
"""

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bench import report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LABELS = ("before", "after")
CPU = ("cpu_ms", "cpu_cold_ms")  # in-process, measured once per run; not timed again under writes


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="bench/compare", description=__doc__.split("\n\n")[0])
    parser.add_argument("before", nargs="?", help="commit (default: git merge-base HEAD BASE)")
    parser.add_argument("after", nargs="?", default="HEAD", help="commit (default: HEAD)")
    parser.add_argument("--base", default="main", help="the branch BEFORE defaults to the fork from")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--writes-per-second", type=float, default=1.0, help="0: no timing under writes")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT / "bench" / "out" / "compare",
        help="directory for both runs' results and compare.md (default bench/out/compare)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary worktrees")
    return parser.parse_args(argv)


def git(*args, cwd=ROOT):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def commit(rev):
    """The full hash and subject of `rev`."""
    sha = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    return sha, git("log", "-1", "--format=%s", sha)


def writer_mode(tree, rate):
    """How the commit in `tree` is timed under writes: "own" (its writer is this one), "attached" or "off"."""
    if rate <= 0:
        return "off"
    own = tree / "bench" / "writer.py"
    return "own" if own.exists() and filecmp.cmp(own, HERE / "writer.py", shallow=False) else "attached"


def measure(tree, database, options, label, mode):
    """Run the bench of the commit in `tree` for one database; its result, with the timing under writes."""
    out = options.output
    command = [
        sys.executable,
        "-m",
        "bench",
        f"--database={database}",
        f"--scale={options.scale}",
        f"--requests={options.requests}",
        f"--warmup={options.warmup}",
        f"--wrk-seconds={options.wrk_seconds}",
        f"--seed={options.seed}",
        f"--output={out / f'{label}-{database}.md'}",
    ]
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    # A commit with a writer of its own that is not this one: switched off, this one attached instead.
    knows_writes = "--writes-per-second" in (tree / "bench" / "__main__.py").read_text(encoding="utf-8")
    if mode == "own":
        command.append(f"--writes-per-second={options.writes_per_second}")
    elif knows_writes:
        command.append("--writes-per-second=0")
    attached = out / f"{label}-{database}-writes"
    if mode == "attached":
        shutil.rmtree(attached, ignore_errors=True)
        attached.mkdir(parents=True)
        env["PYTHONPATH"] += os.pathsep + str(HERE / "attach_writer")
        env["BENCH_WRITER"] = str(HERE / "writer.py")
        env["BENCH_WRITES_PER_SECOND"] = str(options.writes_per_second)
        env["BENCH_WRITES_RESULTS"] = str(attached)
    print(f"\n=== {label}: {database}, {tree} ===\n", flush=True)
    subprocess.run(command, cwd=tree, env=env, check=True)
    result = json.loads((tree / "bench" / "out" / f"{database}.json").read_text(encoding="utf-8"))
    if mode == "attached":
        side = attached / f"{result['vendor']}.json"
        result["under_writes"] = (
            json.loads(side.read_text(encoding="utf-8"))
            if side.exists()
            else {"error": "the attached writer left no figures (does this bench have time_pages?)"}
        )
        shutil.rmtree(attached)
    result["writer_mode"] = mode
    (out / f"{label}-{database}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def change(before, after):
    """ "before → after", one decimal; "–" for a figure one of the runs does not have."""
    if before is None and after is None:
        return "–"
    return " → ".join("–" if value is None else f"{value:.1f}" for value in (before, after))


def p95_change(old, new):
    """The p95 cell with the change in per cent, in bold when the page got slower by over 10 % and 2 ms;
    and the HTTP statuses of a run in which the page answered anything but 200."""
    before, after = old.get("p95"), new.get("p95")
    cell = change(before, after)
    if before and after is not None:
        percent = (after - before) / before * 100
        mark = "**" if percent > 10 and after - before > 2 else ""
        cell += f" ({mark}{percent:+.0f} %{mark})"
    problems = [
        f"{label}: HTTP {', '.join(page['statuses'])}"
        for label, page in zip(LABELS, (old, new), strict=True)
        if set(page.get("statuses", {"200": 0})) != {"200"}
    ]
    return cell + (f" ({'; '.join(problems)})" if problems else "")


def pages_of(result, writes=False):
    """Page name → figures, from the plain timing or the one under writes."""
    if not writes:
        return {page["name"]: page for page in result["pages"]}
    timing = report.under_writes(result)
    return timing["pages"] if timing else {}


def table(pairs, rate):
    """Markdown: per page p50, p95, CPU and CPU cold, before → after for each database; then under writes."""
    header, rule = "| page |", "|---|"
    for before, _after in pairs:
        header += f" {report.NAMES[before['vendor']]} p50 | p95 | CPU | CPU cold |"
        rule += "---:|---:|---:|---:|"
    lines = [header, rule]
    for writes in (False, True) if rate > 0 else (False,):
        names = {}
        for before, after in pairs:
            names.update(dict.fromkeys(pages_of(before, writes)))
            names.update(dict.fromkeys(pages_of(after, writes)))
        for name in names:
            row = f"| {f'{name}, {report.writes_label(rate)}' if writes else name} |"
            for before, after in pairs:
                old, new = pages_of(before, writes).get(name, {}), pages_of(after, writes).get(name, {})
                cpu = "– | –" if writes else " | ".join(change(old.get(key), new.get(key)) for key in CPU)
                row += f" {change(old.get('p50'), new.get('p50'))} | {p95_change(old, new)} | {cpu} |"
            lines.append(row)
    return lines


def summary(commits, modes, pairs, options):
    """The heading lines: the commits, the options, the load and the writes of each run."""
    lines = [f"## Bench: before → after, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", ""]
    how = {"own": "its own writer", "attached": "this tree's writer attached", "off": "no writes"}
    for label in LABELS:
        sha, subject = commits[label]
        lines.append(f"- {label}: {sha[:7]} {subject} ({how[modes[label]]})")
    lines += [
        "",
        f"Scale {options.scale:g}, seed {options.seed}; {options.requests} timed requests per page after "
        f"{options.warmup} warm-up rounds; wrk {options.wrk_seconds} s; "
        + (
            f"timed again while members wrote {report.writes_label(options.writes_per_second)}; "
            if options.writes_per_second > 0
            else ""
        )
        + "for each database before, then after, one right after the other.",
        "",
    ]
    busy = []
    for before, after in pairs:
        name = report.NAMES[before["vendor"]]
        for label, result in zip(LABELS, (before, after), strict=True):
            loads = [*result["load"], *(report.under_writes(result) or {}).get("load", [])]
            if max(loads) > len(os.sched_getaffinity(0)):
                busy.append(f"{name} {label}")
            load = " → ".join(f"{value:.1f}" for value in result["load"])
            writes = f"; under writes: {report.writes_note(result)}" if options.writes_per_second > 0 else ""
            lines.append(f"- {name}, {label} (code {result['code']}): load {load} while timing{writes}")
    if busy:
        lines += [
            "",
            f"**The machine was busy** (load above its {len(os.sched_getaffinity(0))} CPUs) during: {', '.join(busy)}; "
            "differences between the runs may come from that alone. Compare the CPU columns, or run again.",
        ]
    return [*lines, ""]


def main(argv=None):
    options = parse_args(argv)
    options.output = options.output.resolve()
    before = options.before or git("merge-base", "HEAD", options.base)
    commits = {"before": commit(before), "after": commit(options.after)}
    if commits["before"][0] == commits["after"][0]:
        sys.exit(f"bench/compare: before and after are the same commit ({commits['after'][0][:7]}); name two")
    options.output.mkdir(parents=True, exist_ok=True)
    databases = ["sqlite", "postgres"] if options.database == "both" else [options.database]
    scratch = Path(tempfile.mkdtemp(prefix="ankommen-compare-"))
    trees = {label: scratch / label for label in LABELS}
    try:
        for label in LABELS:
            git("worktree", "add", "--detach", str(trees[label]), commits[label][0])
        modes = {label: writer_mode(trees[label], options.writes_per_second) for label in LABELS}
        pairs = [
            tuple(measure(trees[label], database, options, label, modes[label]) for label in LABELS)
            for database in databases
        ]
    finally:
        if options.keep:
            print(f"Worktrees kept in {scratch} (remove with git worktree remove)")
        else:
            for tree in trees.values():
                if tree.exists():
                    git("worktree", "remove", "--force", str(tree))
            shutil.rmtree(scratch, ignore_errors=True)
            git("worktree", "prune")
    markdown = "\n".join([*summary(commits, modes, pairs, options), *table(pairs, options.writes_per_second)])
    print()
    print(markdown)
    (options.output / "compare.md").write_text(markdown + "\n", encoding="utf-8")
    print(f"\nWritten to {options.output / 'compare.md'} (each run's own report and JSON beside it)")


if __name__ == "__main__":
    main()
