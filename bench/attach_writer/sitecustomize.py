"""The writer for a commit whose bench has none: bench/compare puts this directory on PYTHONPATH.

With BENCH_WRITER (the path of a bench/writer.py), BENCH_WRITES_PER_SECOND and BENCH_WRITES_RESULTS
(a directory) in the environment, Python runs this file when `bench.run` starts. Once that commit's
bench.run imports bench.measure, its `time_pages` is wrapped: the pages are timed as that commit
times them (its own result, unchanged), then timed again by the same function with the writer
running, as bench/run.py does with `writer.time_under_writes`. The second timing goes to
BENCH_WRITES_RESULTS/<vendor>.json, where bench/compare adds it to the commit's result.
"""

import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path


def load_writer():
    spec = importlib.util.spec_from_file_location("bench_writer", os.environ["BENCH_WRITER"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed_again_under_writes(time_pages):
    """`time_pages`, which on its first call also times the pages while members write."""
    calls = []

    def timed(port, pages, *args, **kwargs):
        result = time_pages(port, pages, *args, **kwargs)
        if calls:
            return result
        calls.append(port)
        from django.db import connection

        from bench.generate import HOST

        print(f"[{connection.vendor}] time pages under writes (attached writer) …", flush=True)
        try:
            under_writes = load_writer().time_under_writes(
                lambda: time_pages(port, pages, *args, **kwargs),
                port,
                float(os.environ["BENCH_WRITES_PER_SECOND"]),
                HOST,
            )
        except RuntimeError as error:
            print(f"[{connection.vendor}] no timing under writes: {error}", flush=True)
            under_writes = {"error": str(error)}
        path = Path(os.environ["BENCH_WRITES_RESULTS"]) / f"{connection.vendor}.json"
        path.write_text(json.dumps(under_writes, indent=2), encoding="utf-8")
        return result

    return timed


class WrapTimePages:
    """An import hook that wraps bench.measure.time_pages right after the module is executed."""

    def find_spec(self, name, path=None, target=None):
        if name != "bench.measure":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None:
            return None
        execute = spec.loader.exec_module

        def exec_module(module):
            execute(module)
            module.time_pages = timed_again_under_writes(module.time_pages)

        spec.loader.exec_module = exec_module
        return spec


if os.environ.get("BENCH_WRITER") and "bench.run" in sys.orig_argv:
    sys.meta_path.insert(0, WrapTimePages())
