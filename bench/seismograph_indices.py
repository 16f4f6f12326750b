"""Segregation measures of one period from counts in memory: ours against PySAL's `segregation`.

All six measures — dissimilarity, isolation, exposure, entropy, Gini and the location quotients of
every district — for one group over 10,000 and 100,000 areal units (counts made up in memory:
residents 0 to 3,000 per unit, about one in a hundred empty, the group's share drawn skewed so that
the town is segregated). Ours: `measures_of(group, total)` and `location_quotients_of(group, total)`
of `ankommen.seismograph.segregation` on two int64 arrays of counts, one entry per unit ("computed
from counts in memory": the counts are already arrays). For information, not for the target, also
`measures(units)` + `location_quotients(units)` on a list of `(group, total)` pairs, which includes
turning the list into arrays and the quotients back into a list. PySAL: `Dissim`, `Isolation`,
`Interaction`, `Entropy`, `Gini` and `MultiLocationQuotient` (group and complement) on a pandas
DataFrame of the same counts, built beforehand and not timed (its building is printed apart).
PySAL runs after an untimed warm-up call of every index (numba compiles its Gini then), with
`NUMBA_NUM_THREADS=1`, in the same process. Each figure is the median of `--rounds` runs (ours:
`--our-rounds`), wall clock and CPU. Targets: ours at least 30× faster at 10,000 units, 100× at 100,000.

PySAL's Gini is a pairwise O(n²) loop (compiled by numba, memory O(n)); above `--pysal-gini-limit`
units it is not run and the table says so.

    python -m bench.seismograph_indices
    python -m bench.seismograph_indices --units 10000 100000 300000 --pysal-gini-limit 300000
"""

import argparse
import gc
import os
import statistics
import time

from ankommen.seismograph.segregation import (
    location_quotients,
    location_quotients_of,
    measures,
    measures_of,
)

TARGETS = {10_000: 30, 100_000: 100}
PYSAL_MEASURES = ("Dissim", "Isolation", "Interaction", "Entropy", "Gini", "MultiLocationQuotient")


def town(count, rng):
    """`count` areal units as int64 arrays `(group, total)`: 0 to 3,000 residents, the group's share skewed."""
    import numpy as np

    total = np.where(rng.random(count) < 0.01, 0, rng.integers(1, 3_000, count))
    group = np.rint(total * rng.beta(0.6, 2.5, count)).astype(np.int64)
    return group, total


def timed(call, rounds):
    """Median wall clock and CPU milliseconds of `rounds` calls (garbage collected before each)."""
    wall, cpu = [], []
    for _ in range(rounds):
        gc.collect()
        start_cpu, start = time.process_time(), time.perf_counter()
        call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def pysal_calls(frame, with_gini):
    """One call per PySAL index on `frame` (columns group, total, others), by name."""
    from segregation.local import MultiLocationQuotient
    from segregation.singlegroup import Dissim, Entropy, Gini, Interaction, Isolation

    calls = {name: (lambda index=index: index(frame, "group", "total").statistic) for name, index in (
        ("Dissim", Dissim), ("Isolation", Isolation), ("Interaction", Interaction), ("Entropy", Entropy),
        ("Gini", Gini),
    )}  # fmt: skip
    calls["MultiLocationQuotient"] = lambda: MultiLocationQuotient(frame, ["group", "others"]).statistics
    if not with_gini:
        del calls["Gini"]
    return calls


def frame_of(group, total):
    import pandas as pd

    return pd.DataFrame({"group": group, "total": total, "others": total - group})


def ours(group, total):
    return measures_of(group, total), location_quotients_of(group, total)


def ours_from_pairs(units):
    return measures(units), location_quotients(units)


def differences(group, total, frame, with_gini):
    """The largest difference between our measures and PySAL's, and between the location quotients."""
    import numpy as np

    found, quotients = ours(group, total)
    assert found == ours_from_pairs(list(zip(group.tolist(), total.tolist(), strict=True)))[0]
    theirs = {name: call() for name, call in pysal_calls(frame, with_gini).items()}
    names = {"dissimilarity": "Dissim", "isolation": "Isolation", "exposure": "Interaction"}
    names |= {"entropy": "Entropy", "gini": "Gini"}
    measure = max(abs(found[key] - theirs[pysal]) for key, pysal in names.items() if pysal in theirs)
    mine, pysal = np.column_stack(quotients), np.asarray(theirs["MultiLocationQuotient"], dtype=np.float64)
    assert (np.isnan(mine) == np.isnan(pysal)).all(), "ours and PySAL's have no quotient in different units"
    known = ~np.isnan(pysal)
    quotient = float((np.abs(mine[known] - pysal[known]) / np.maximum(1.0, np.abs(pysal[known]))).max())
    return measure, quotient


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--our-rounds", type=int, default=51)
    parser.add_argument(
        "--pysal-gini-limit",
        type=int,
        default=100_000,
        help="PySAL's O(n²) Gini is not run above this many units (about 2 s at 100,000, 20 s at 300,000)",
    )
    parser.add_argument("--seed", type=int, default=2017)
    options = parser.parse_args()
    os.environ["NUMBA_NUM_THREADS"] = "1"  # before numba is imported (by segregation, just below)

    import numba
    import numpy as np
    import segregation

    np.seterr(divide="ignore", invalid="ignore")  # PySAL divides 0 by 0 for the empty units
    rng = np.random.default_rng(options.seed)
    start = time.perf_counter()
    small = town(200, rng)
    for call in pysal_calls(frame_of(*small), with_gini=True).values():
        call()
    ours(*small)
    print(
        f"PySAL segregation {segregation.__version__}, numba {numba.__version__}, "
        f"NUMBA_NUM_THREADS={numba.config.NUMBA_NUM_THREADS}; numpy {np.__version__}; warm-up (numba "
        f"compiles) {time.perf_counter() - start:.1f} s, not timed"
    )
    print(f"load average before the measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"\n{'':<58} {'wall ms':>10} {'CPU ms':>10}")
    print(f"{'units':>9}  {'what':<47} {'p50':>10} {'p50':>10}")
    for count in options.units:
        group, total = town(count, rng)
        units = list(zip(group.tolist(), total.tolist(), strict=True))
        start = time.perf_counter()
        frame = frame_of(group, total)
        building = (time.perf_counter() - start) * 1000
        with_gini = count <= options.pysal_gini_limit
        mine = timed(lambda group=group, total=total: ours(group, total), options.our_rounds)
        parts = {
            call.__name__: timed(
                lambda call=call, group=group, total=total: call(group, total), options.our_rounds
            )
            for call in (measures_of, location_quotients_of)
        }
        pairs = timed(lambda units=units: ours_from_pairs(units), options.rounds)
        pysal = {name: timed(call, options.rounds) for name, call in pysal_calls(frame, with_gini).items()}
        theirs = tuple(sum(figures[which] for figures in pysal.values()) for which in (0, 1))
        row = f"{count:>9,}  {{:<47}} {{:>10.2f}} {{:>10.2f}}"
        print(row.format("ours: measures_of() + location_quotients_of()", *mine))
        for name, figures in parts.items():
            print(row.format(f"  of which {name}() alone", *figures))
        print(row.format("(ours from a list of pairs, not the target's)", *pairs))
        print(row.format("PySAL: the six indices" + ("" if with_gini else " without Gini"), *theirs))
        for name in PYSAL_MEASURES:
            if name in pysal:
                print(row.format(f"  of which {name}", *pysal[name]))
            else:
                print(f"{count:>9,}    of which {name}: NOT measured (over --pysal-gini-limit)")
        print(f"{count:>9,}  {'(building PySAL its DataFrame, not counted)':<47} {building:>10.2f}")
        measure, quotient = differences(group, total, frame, with_gini)
        print(f"{count:>9,}  largest difference: measures {measure:.1e}, location quotients {quotient:.1e}")
        ratio = (theirs[0] / mine[0], theirs[1] / mine[1])
        target = TARGETS.get(count)
        if not with_gini:
            verdict = "not comparable with the target: PySAL's Gini was not run"
        elif target is None:
            verdict = "no target at this size"
        else:
            met = "met" if min(ratio) >= target else "NOT met"
            verdict = f"target ≥ {target}×: {met}"
        print(f"{count:>9,}  ratio PySAL / ours: {ratio[0]:.1f}× wall clock, {ratio[1]:.1f}× CPU; {verdict}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
