"""`python -m bench`: generate a large town on SQLite and PostgreSQL and measure the main pages.

Each database runs in its own process (bench/run.py), PostgreSQL as a throwaway server
started by scripts/with-postgres; this process only collects and reports the figures.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bench import report

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 5,000 members … 1,000,000 supports")
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page (default 100)")
    parser.add_argument(
        "--warmup", type=int, default=10, help="untimed rounds over all pages first (default 10)"
    )
    parser.add_argument(
        "--wrk-seconds", type=int, default=10, help="wrk run per page; 0 skips wrk (default 10)"
    )
    parser.add_argument(
        "--writes-per-second",
        type=float,
        default=1.0,
        help="time the pages again while members write this often (bench/writer.py); 0 skips it (default 1)",
    )
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument(
        "--output",
        type=Path,
        help="Markdown file for the results (default bench/out/results.md); "
        "in a file with bench markers only the part between them is replaced",
    )
    return parser.parse_args(argv)


def environment(database):
    """The settings for a run, as environment variables: production-like, on a database of its own."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ankommen.settings",
        "DEBUG": "false",
        "DEMO_MODE": "false",
        "ALLOWED_HOSTS": "bench.ankommen.example,127.0.0.1,localhost",
        "SECRET_KEY": "bench-only-secret-key-not-for-production",
        "VAR_DIR": str(OUT / "var"),
    }
    if database == "sqlite":
        path = OUT / "bench.sqlite3"
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        env.pop("DATABASE_URL", None)  # scripts/with-postgres sets it
    return env


def run(database, options):
    """Run bench.run for one database in a child process and return its results."""
    result = OUT / f"{database}.json"
    result.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-u",
        "-m",
        "bench.run",
        f"--scale={options.scale}",
        f"--seed={options.seed}",
        f"--requests={options.requests}",
        f"--warmup={options.warmup}",
        f"--wrk-seconds={options.wrk_seconds}",
        f"--writes-per-second={options.writes_per_second}",
        f"--result={result}",
    ]
    if database == "postgres":
        command = [str(ROOT / "scripts" / "with-postgres"), *command]
    subprocess.run(command, cwd=ROOT, env=environment(database), check=True)
    return json.loads(result.read_text(encoding="utf-8"))


def main(argv=None):
    options = parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    databases = ["sqlite", "postgres"] if options.database == "both" else [options.database]
    results = [run(database, options) for database in databases]
    markdown = report.render(results, options)
    print()
    print(markdown)
    output = options.output or OUT / "results.md"
    report.write(output, markdown)
    print(f"Written to {output}")


if __name__ == "__main__":
    main()
