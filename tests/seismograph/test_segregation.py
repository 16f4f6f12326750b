"""The segregation measures agree with PySAL's `segregation` package and with sums done by hand.

PySAL's Gini is a numba function compiled on its first call (some 15 s); with `NUMBA_DISABLE_JIT`
the package runs that same function as the Python it is written in, which for a few hundred
districts takes milliseconds. The compiled one is timed against ours in `bench/seismograph_indices.py`.
"""

import os

os.environ.setdefault("NUMBA_DISABLE_JIT", "1")  # read when numba is first imported, just below
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import math  # noqa: E402
import random  # noqa: E402
from decimal import Decimal  # noqa: E402
from fractions import Fraction  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from segregation.local import MultiLocationQuotient  # noqa: E402
from segregation.singlegroup import Dissim, Entropy, Gini, Interaction, Isolation  # noqa: E402

from ankommen.seismograph.segregation import (  # noqa: E402
    EXPLANATIONS,
    FORMULAS,
    MEASURES,
    location_quotients,
    location_quotients_of,
    measures,
    measures_of,
)

PYSAL = {
    "dissimilarity": Dissim,
    "isolation": Isolation,
    "exposure": Interaction,
    "entropy": Entropy,
    "gini": Gini,
}


def pysal_measures(units):
    frame = pd.DataFrame(units, columns=["group", "total"])
    with np.errstate(divide="ignore", invalid="ignore"):
        return {name: float(index(frame, "group", "total").statistic) for name, index in PYSAL.items()}


def pysal_location_quotients(units):
    frame = pd.DataFrame([(group, total - group) for group, total in units], columns=["group", "others"])
    with np.errstate(divide="ignore", invalid="ignore"):
        return [
            tuple(map(float, row)) for row in MultiLocationQuotient(frame, ["group", "others"]).statistics
        ]


def town(seed):
    """5 to 300 districts of every kind: empty, without the group, only the group, mixed; small and large."""
    rng = random.Random(seed)
    units = []
    for _ in range(rng.randint(5, 300)):
        total = rng.choice([0, rng.randint(1, 40), rng.randint(1, 5_000), rng.randint(1, 200_000)])
        kind = rng.random()
        group = 0 if kind < 0.1 else total if kind < 0.2 else rng.randint(0, total)
        units.append((group, total))
    return units


def assert_same_quotients(ours, expected):
    """Ours against PySAL's (NaN where ours is None) or against numbers written out (None as None)."""
    assert len(ours) == len(expected)
    for mine, pair in zip(ours, expected, strict=True):
        if mine is None:
            assert pair is None or all(map(math.isnan, pair))
            continue
        for quotient, other in zip(mine, pair, strict=True):
            if quotient is None:
                assert other is None or math.isnan(other)
            else:
                assert quotient == pytest.approx(other, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("seed", range(12))
def test_measures_agree_with_pysal_on_generated_towns(seed):
    units = town(seed)
    ours, theirs = measures(units), pysal_measures(units)
    assert all(value is not None for value in ours.values())
    for name in MEASURES:
        assert ours[name] == pytest.approx(theirs[name], abs=1e-9), name


@pytest.mark.parametrize("seed", range(12))
def test_location_quotients_agree_with_pysal_on_generated_towns(seed):
    units = town(seed)
    assert_same_quotients(location_quotients(units), pysal_location_quotients(units))


@pytest.mark.parametrize("seed", range(12))
def test_isolation_and_exposure_add_up_to_one(seed):
    found = measures(town(seed))
    assert found["isolation"] + found["exposure"] == pytest.approx(1.0, abs=1e-12)


def test_two_districts_by_hand():
    # X = 40, T = 100, Y = 60, P = 0.4; p = 0.5 and 0.375.
    units = [(10, 20), (30, 80)]
    whole = 0.4 * math.log(1 / 0.4) + 0.6 * math.log(1 / 0.6)
    first = math.log(2)
    second = 0.375 * math.log(1 / 0.375) + 0.625 * math.log(1 / 0.625)
    expected = {
        "dissimilarity": (20 * 0.1 + 80 * 0.025) / (2 * 100 * 0.4 * 0.6),  # 1/12
        "isolation": 10 / 40 * 10 / 20 + 30 / 40 * 30 / 80,  # 13/32
        "exposure": 10 / 40 * 10 / 20 + 30 / 40 * 50 / 80,  # 19/32
        "entropy": (20 * (whole - first) + 80 * (whole - second)) / (whole * 100),
        "gini": 2 * 20 * 80 * 0.125 / (2 * 100**2 * 0.4 * 0.6),  # 1/12
    }
    assert expected["dissimilarity"] == pytest.approx(1 / 12)
    assert expected["isolation"] == 13 / 32
    for found in (measures(units), pysal_measures(units)):
        assert found == pytest.approx(expected, abs=1e-12)
    assert_same_quotients(location_quotients(units), [(0.5 / 0.4, 0.5 / 0.6), (0.375 / 0.4, 0.625 / 0.6)])


def test_three_districts_by_hand():
    # X = 6, T = 12, P = 1/2; p = 1/4, 1/2, 3/4. The Gini sees the pair (1/4, 3/4) that D does not.
    units = [(1, 4), (2, 4), (3, 4)]
    expected = {
        "dissimilarity": 1 / 3,
        "isolation": 7 / 12,
        "exposure": 5 / 12,
        "entropy": math.log(3) / (2 * math.log(2)) - 2 / 3,  # (1.5 ln 3 − 2 ln 2) / (3 ln 2)
        "gini": 4 / 9,  # 2 · 16 · (1/4 + 1/2 + 1/4) / (2 · 144 · 1/4)
    }
    for found in (measures(units), pysal_measures(units)):
        assert found == pytest.approx(expected, abs=1e-12)
    assert_same_quotients(location_quotients(units), [(0.5, 1.5), (1.0, 1.0), (1.5, 0.5)])


def test_complete_separation_is_one_and_a_district_without_residents_has_no_quotient():
    units = [(0, 50), (30, 30), (0, 0)]
    expected = {"dissimilarity": 1.0, "isolation": 1.0, "exposure": 0.0, "entropy": 1.0, "gini": 1.0}
    for found in (measures(units), pysal_measures(units)):
        assert found == pytest.approx(expected, abs=1e-12)
    assert_same_quotients(location_quotients(units), [(0.0, 80 / 50), (80 / 30, 0.0), None])
    assert_same_quotients(location_quotients(units), pysal_location_quotients(units))


def test_an_even_town_is_zero():
    found = measures([(5, 10), (50, 100), (0, 0)])
    assert found == pytest.approx(
        {"dissimilarity": 0.0, "isolation": 0.5, "exposure": 0.5, "entropy": 0.0, "gini": 0.0}, abs=1e-12
    )
    assert location_quotients([(5, 10), (50, 100), (0, 0)]) == [(1.0, 1.0), (1.0, 1.0), None]


@pytest.mark.parametrize(
    "units", [[], [(0, 0)], [(0, 0), (0, 0)]], ids=["no districts", "one empty", "two empty"]
)
def test_a_town_without_residents_has_no_measures(units):
    assert measures(units) == dict.fromkeys(MEASURES)
    assert location_quotients(units) == [None] * len(units)


def test_a_town_without_the_group_has_no_measures():
    units = [(0, 10), (0, 5), (0, 0)]
    assert measures(units) == dict.fromkeys(MEASURES)
    theirs = pysal_measures(units)
    # PySAL sums isolation, exposure and entropy with nansum over 0/0 terms: 0, where there is nothing to measure.
    assert math.isnan(theirs["dissimilarity"]) and math.isnan(theirs["gini"])
    assert theirs["isolation"] == theirs["exposure"] == theirs["entropy"] == 0.0
    assert location_quotients(units) == [(None, 1.0), (None, 1.0), None]
    assert_same_quotients(location_quotients(units), pysal_location_quotients(units))


def test_a_town_of_only_the_group_is_isolated_and_nothing_else():
    units = [(4, 4), (6, 6), (0, 0)]
    assert measures(units) == {
        "dissimilarity": None,
        "isolation": 1.0,
        "exposure": 0.0,
        "entropy": None,
        "gini": None,
    }
    theirs = pysal_measures(units)
    assert (theirs["isolation"], theirs["exposure"]) == (1.0, 0.0)
    assert math.isnan(theirs["dissimilarity"]) and math.isnan(theirs["gini"])
    assert theirs["entropy"] == 0.0  # a nansum over 0/0 terms again
    assert location_quotients(units) == [(1.0, None), (1.0, None), None]
    assert_same_quotients(location_quotients(units), pysal_location_quotients(units))


def test_one_district_is_no_segregation():
    assert measures([(3, 10)]) == pytest.approx(
        {"dissimilarity": 0.0, "isolation": 0.3, "exposure": 0.7, "entropy": 0.0, "gini": 0.0}, abs=1e-12
    )


def test_decimals_fractions_floats_and_a_generator_give_the_same_numbers():
    units = town(99)
    expected = measures(units)
    for kind in (Decimal, Fraction, float):
        assert measures([(kind(group), kind(total)) for group, total in units]) == pytest.approx(
            expected, abs=1e-12
        )
    assert measures(iter(units)) == expected
    assert location_quotients(iter(units)) == location_quotients(units)
    for kind in (Decimal, Fraction, float):
        decimals = [(kind(group), kind(total)) for group, total in units]
        assert_same_quotients(location_quotients(decimals), location_quotients(units))


@pytest.mark.parametrize(
    "units", [[(11, 10)], [(-1, 10)], [(1, -5)], [(float("nan"), 10)], [(float("inf"), float("inf"))]]
)
def test_a_group_outside_zero_and_the_total_is_refused(units):
    with pytest.raises(ValueError):
        measures(units)
    with pytest.raises(ValueError):
        location_quotients(units)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("dtype", [np.float64, np.int64])
def test_counts_as_arrays_give_the_numbers_of_the_pairs_and_of_pysal(seed, dtype):
    units = town(seed)
    groups = np.array([group for group, _ in units], dtype=dtype)
    totals = np.array([total for _, total in units], dtype=dtype)
    found = measures_of(groups, totals)
    group_lqs, complement_lqs = location_quotients_of(groups, totals)
    assert groups.tolist() == [group for group, _ in units]  # the caller's arrays are left as they were
    assert totals.tolist() == [total for _, total in units]
    assert found == measures(units)
    assert all(type(value) is float for value in found.values())
    theirs = pysal_measures(units)
    for name in MEASURES:
        assert found[name] == pytest.approx(theirs[name], abs=1e-9), name
    assert group_lqs.dtype == complement_lqs.dtype == np.float64
    pairs = zip(group_lqs.tolist(), complement_lqs.tolist(), strict=True)
    ours = [None if total == 0 else pair for pair, total in zip(pairs, totals, strict=True)]
    assert_same_quotients(ours, pysal_location_quotients(units))


def test_quotients_as_arrays_are_nan_where_the_pairs_have_none():
    group_lqs, complement_lqs = location_quotients_of(np.array([0, 0, 0]), np.array([10, 5, 0]))
    assert np.isnan(group_lqs).all()
    assert complement_lqs[:2].tolist() == [1.0, 1.0] and np.isnan(complement_lqs[2])
    group_lqs, complement_lqs = location_quotients_of(np.array([1.0, 3.0]), np.array([4.0, 4.0]))
    assert group_lqs.tolist() == [0.5, 1.5] and complement_lqs.tolist() == [1.5, 0.5]
    assert [array.size for array in location_quotients_of(np.array([]), np.array([]))] == [0, 0]


def test_a_town_of_empty_arrays_has_no_measures():
    assert measures_of(np.array([], dtype=np.int64), np.array([], dtype=np.int64)) == dict.fromkeys(MEASURES)
    assert measures_of(np.zeros(3), np.zeros(3)) == dict.fromkeys(MEASURES)


@pytest.mark.parametrize(
    "group, total",
    [([1, 2], [3]), ([[1, 2]], [[3, 4]]), ([1, 5], [3, 4]), ([1, -1], [3, 4])],
    ids=["lengths differ", "not one count per district", "group above total", "negative"],
)
def test_arrays_that_are_no_counts_per_district_are_refused(group, total):
    with pytest.raises(ValueError):
        measures_of(np.array(group), np.array(total))
    with pytest.raises(ValueError):
        location_quotients_of(np.array(group), np.array(total))


def test_pairs_that_are_no_pairs_are_refused():
    with pytest.raises(ValueError):
        measures([(1, 2, 3)])


def test_every_measure_has_a_formula_and_a_plain_german_explanation():
    assert set(EXPLANATIONS) == set(FORMULAS) == {*MEASURES, "location_quotient"}
    for text in EXPLANATIONS.values():
        assert "0" in str(text) and "1" in str(text)
