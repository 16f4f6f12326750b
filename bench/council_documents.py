"""`python -m bench.council_documents`: a Sitzungsvorlage as PDF (Typst, PDF/UA-1) and as Word file.

Builds the seed's submission (tests/council/documents_data.py: the Integrationskonzept of 2017 with
its consultation row, a co-signature and a figure) and a long one (a statement of about 20 pages
with a table in each section) in a SQLite database of its own, then times `documents.submission_pdf`
and `documents.submission_docx` end to end (reading the rows, laying out, writing the file), after a
warm-up, in this process as a request would. Targets: p95 under 0.5 s for the seed's PDF, under
0.3 s for its Word file. The first PDF of a process, which converts the fonts once (into a fresh
folder here) and starts Typst, is reported on its own.

    .venv/bin/python -m bench.council_documents
    .venv/bin/python -m bench.council_documents --runs 50 --output bench/RESULTS.md   # between the markers
"""

import argparse
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VAR = OUT / "documents-var"
BEGIN, END = "<!-- council-documents:begin -->", "<!-- council-documents:end -->"
SECTION = "## Sitzungsvorlage als PDF und DOCX"
TARGETS_S = {"seed, PDF": 0.5, "seed, Word": 0.3}


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def setup():
    database = OUT / "council_documents.sqlite3"
    for leftover in (
        database,
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
    ):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(VAR, ignore_errors=True)  # the fonts are converted afresh: the first PDF pays for it
    VAR.mkdir(parents=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["VAR_DIR"] = str(VAR)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "docbench.ankommen.example")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def build():
    from ankommen.core.services import create_town
    from tests.council import documents_data

    town = create_town(
        "docbench", name="Kornwestheim", official_name="Stadt Kornwestheim", host="docbench.ankommen.example"
    )
    seed = documents_data.seed_submission(town, reference="BENCH-2017/1")
    long = documents_data.seed_submission(
        town, reference="BENCH-2017/2", statement=documents_data.long_statement(20)
    )
    return seed, long


def pages(pdf):
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def edit(submission, run):
    """Another wording before each run (outside the timing), so that Typst can reuse nothing it laid out."""
    from ankommen.council.models import Submission

    Submission.objects.filter(pk=submission.pk).update(
        subject=f"{submission.subject} ({run})",
        statement="\n\n".join(
            chunk if chunk.startswith(("[", "- ")) else f"{chunk} (Fassung {run})"
            for chunk in submission.statement.split("\n\n")
        ),
    )


def timed(render, submission, runs, warmup, edited):
    """Seconds per document; `edited`: the submission's text changes before each run."""
    times = []
    for run in range(-warmup, runs):
        if edited:
            edit(submission, run)
        start = time.perf_counter()
        result = render(submission)
        if run >= 0:
            times.append(time.perf_counter() - start)
    return times, result


def queries(render, submission):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        render(submission)
    return len(captured)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.council_documents", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--runs", type=int, default=50, help="timed runs per document (default 50)")
    parser.add_argument("--long-runs", type=int, default=10, help="timed runs of the long submission")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--output", type=Path, help="Markdown file to write the figures into (between markers)"
    )
    options = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    setup()
    from ankommen.council import documents

    seed, long = build()
    start = time.perf_counter()
    documents.submission_pdf(seed)
    first = time.perf_counter() - start

    rows = []
    for name, render, submission, runs, edited in (
        ("seed, PDF", documents.submission_pdf, seed, options.runs, True),
        ("seed, PDF, the same again", documents.submission_pdf, seed, options.runs, False),
        ("seed, Word", documents.submission_docx, seed, options.runs, True),
        ("long (20 pages), PDF", documents.submission_pdf, long, options.long_runs, True),
        ("long (20 pages), Word", documents.submission_docx, long, options.long_runs, True),
    ):
        times, result = timed(render, submission, runs, options.warmup, edited)
        size = f"{len(result) / 1024:.0f} KB" + (
            f", {pages(result)} pages" if result.startswith(b"%PDF") else ""
        )
        rows.append((name, runs, times, size, queries(render, submission)))
        suffix = "pdf" if result.startswith(b"%PDF") else "docx"
        (OUT / f"council-{'long' if submission == long else 'seed'}.{suffix}").write_bytes(result)

    markdown = render_markdown(rows, first, options)
    print(markdown)
    if options.output:
        write(options.output, markdown)


def write(path, markdown):
    """Put the figures between the markers in `path`; where there are none yet, add the section at the end."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        _old, after = rest.split(END, 1)
        text = f"{before}{BEGIN}\n{markdown.rstrip()}\n{END}{after}"
    else:
        text = f"{text.rstrip()}\n\n{SECTION}\n\n{BEGIN}\n{markdown.rstrip()}\n{END}\n"
    path.write_text(text, encoding="utf-8")


def render_markdown(rows, first, options):
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    lines = [
        f"Commit `{commit}`{' (with changes not committed)' if dirty.stdout.strip() else ''}, "
        f"{len(os.sched_getaffinity(0))} CPUs, {options.warmup} warm-up runs, "
        "`.venv/bin/python -m bench.council_documents`.",
        "",
        "| document | runs | p50 | p95 | max | target (p95) | size | queries |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |",
    ]
    for name, runs, times, size, count in rows:
        target = TARGETS_S.get(name)
        verdict = f"< {target} s {'✓' if p95(times) < target else '✗'}" if target else "–"
        lines.append(
            f"| {name} | {runs} | {statistics.median(times) * 1000:.0f} ms | {p95(times) * 1000:.0f} ms "
            f"| {max(times) * 1000:.0f} ms | {verdict} | {size} | {count} |"
        )
    lines += [
        "",
        "Each run but the one marked “the same again” reads a submission whose text changed since the run "
        "before, so that Typst lays everything out anew (as for another submission); “the same again” shows "
        "what Typst's memory of the last layout saves when one submission is downloaded repeatedly.",
        "",
        f"The first PDF of a fresh process, converting the fonts (WOFF2 → TTF, Latin and Latin Extended "
        f"merged, three faces) and starting Typst: {first:.2f} s.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
