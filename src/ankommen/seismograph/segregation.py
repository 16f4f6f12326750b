"""The standard measures of residential segregation for one group, computed from counts per district.

A district ("areal unit") is a pair `(group, total)`: how many of its residents belong to the group
(for example residents without German citizenship) and how many live there at all. The rest of the
residents, `total - group`, are the complement. For the whole town X = Σ group, T = Σ total,
Y = T - X and P = X / T; for district i: xᵢ, tᵢ, yᵢ = tᵢ - xᵢ and pᵢ = xᵢ / tᵢ.

The definitions are those of the `segregation` package of PySAL (Dissim, Isolation, Interaction,
Entropy, Gini, MultiLocationQuotient), and the tests hold the two to 1e-9. Districts without residents
count for nothing. A measure that is 0/0 — nobody in the town, nobody in the group, or (for those
that compare the group with its complement) nobody outside it — is None, never a number.

Two ways in: `measures(units)` and `location_quotients(units)` take the pairs as a list (or any
iterable) of `(group, total)`; `measures_of(group, total)` and `location_quotients_of(group, total)`
take the counts as two numpy arrays, one entry per district, and are the ones to call for many areal
units. Every sum is a numpy vector operation in float64 (counts of people are whole numbers far below
2⁵³, so they and their sums stay exact), and the Gini is a sorted prefix sum in O(n log n) instead of
the package's pairwise O(n²) sum.
"""

from math import isfinite, log

import numpy as np
from django.utils.translation import gettext_lazy as _

MEASURES = ("dissimilarity", "isolation", "exposure", "entropy", "gini")

FORMULAS = {
    "dissimilarity": "D = Σ tᵢ · |pᵢ − P| / (2 · T · P · (1 − P))",
    "isolation": "xPx = Σ (xᵢ / X) · (xᵢ / tᵢ)",
    "exposure": "xPy = Σ (xᵢ / X) · (yᵢ / tᵢ) = 1 − xPx",
    "entropy": "H = Σ tᵢ · (E − Eᵢ) / (E · T),  E = P · ln(1/P) + (1 − P) · ln(1/(1 − P))",
    "gini": "G = Σᵢ Σⱼ tᵢ · tⱼ · |pᵢ − pⱼ| / (2 · T² · P · (1 − P))",
    "location_quotient": "LQᵢ = (xᵢ / tᵢ) / (X / T),  LQᵢ′ = (yᵢ / tᵢ) / (Y / T)",
}

EXPLANATIONS = {
    "dissimilarity": _(
        "Der Dissimilaritätsindex sagt, welcher Anteil der Gruppe in einen anderen Stadtteil ziehen müsste, "
        "damit sie überall so stark vertreten ist wie in der ganzen Stadt. 0 heißt: gleichmäßig verteilt; "
        "1 heißt: die Gruppe und die übrigen Einwohner wohnen in völlig getrennten Stadtteilen."
    ),
    "isolation": _(
        "Der Isolationsindex sagt, wie groß im Durchschnitt der Anteil der eigenen Gruppe in dem Stadtteil "
        "ist, in dem ein Mitglied der Gruppe wohnt. 1 heißt: die Gruppe lebt nur unter sich; nahe 0 heißt: "
        "kaum Nachbarn aus der eigenen Gruppe. Sind alle Stadtteile gleich gemischt, ist er so groß wie der "
        "Anteil der Gruppe an der ganzen Stadt."
    ),
    "exposure": _(
        "Der Kontaktindex sagt, wie groß der Anteil der übrigen Einwohner im Stadtteil eines "
        "Gruppenmitglieds im Durchschnitt ist. 0 heißt: die Gruppe trifft im eigenen Stadtteil niemanden "
        "sonst; Isolations- und Kontaktindex ergeben zusammen immer 1."
    ),
    "entropy": _(
        "Der Entropie-Index (Theils H) vergleicht die Mischung in den Stadtteilen mit der Mischung der "
        "ganzen Stadt. 0 heißt: jeder Stadtteil ist so gemischt wie die Stadt; 1 heißt: in jedem "
        "Stadtteil wohnt nur die Gruppe oder nur die übrigen Einwohner."
    ),
    "gini": _(
        "Der Gini-Index vergleicht den Anteil der Gruppe in allen Paaren von Stadtteilen, gewichtet mit "
        "ihrer Einwohnerzahl. 0 heißt: alle Stadtteile haben denselben Anteil; 1 heißt: die Gruppe und die "
        "übrigen Einwohner wohnen in völlig getrennten Stadtteilen."
    ),
    "location_quotient": _(
        "Der Standortquotient teilt den Anteil der Gruppe im Stadtteil durch ihren Anteil in der ganzen "
        "Stadt. 1 heißt: so hoch wie in der Stadt; 2 heißt: doppelt so hoch; 0 heißt: niemand aus der "
        "Gruppe wohnt dort."
    ),
}

_SMALLEST = np.finfo(np.float64).tiny  # ln of it is finite, so 0 · ln(0 → _SMALLEST) = 0


def _dot(a, b):
    """Σ aᵢ bᵢ in this thread (numpy's own loop, not a BLAS that may start threads of its own)."""
    return float(np.einsum("i,i", a, b))


def _counts(group, total):
    """Group, total and complement counts as float64 vectors and X, T; checked: 0 ≤ group ≤ total."""
    xs, ts = np.asarray(group, dtype=np.float64), np.asarray(total, dtype=np.float64)
    if xs.ndim != 1 or xs.shape != ts.shape:
        raise ValueError("The group and the total need one count per district each.")
    X, T = float(xs.sum()), float(ts.sum())
    if not (isfinite(X) and isfinite(T)):
        raise ValueError("A count is not a number.")
    ys = ts - xs
    if xs.size and (xs.min() < 0 or ys.min() < 0):
        raise ValueError("Every count of the group must lie between 0 and the district's total.")
    return xs, ts, ys, X, T


def _columns(units):
    """The pairs `(group, total)` as two float64 vectors: groups and totals."""
    pairs = np.array(units if isinstance(units, list | tuple) else list(units), dtype=np.float64)
    if not pairs.size:
        pairs = pairs.reshape(0, 2)
    if pairs.ndim != 2 or pairs.shape[1] != 2:
        raise ValueError("Every district needs a pair (group, total).")
    return np.ascontiguousarray(pairs[:, 0]), np.ascontiguousarray(pairs[:, 1])


def measures(units):
    """Dissimilarity, isolation, exposure, entropy and Gini of a group over districts `(group, total)`.

    The same as `measures_of` on the groups and the totals; see there for the formulas and the Nones.
    """
    return measures_of(*_columns(units))


def measures_of(group, total):
    """Dissimilarity, isolation, exposure, entropy and Gini of a group, from counts per district.

    `group` and `total` are arrays (or sequences) of the same length, one count per district.
    With X = Σ xᵢ, T = Σ tᵢ, Y = T − X, P = X / T, pᵢ = xᵢ / tᵢ over the districts with residents:

    - dissimilarity (Duncan & Duncan) D = Σ tᵢ |pᵢ − P| / (2 T P (1 − P)) = Σ |xᵢ Y − yᵢ X| / (2 X Y);
    - isolation xPx = Σ (xᵢ / X)(xᵢ / tᵢ);
    - exposure of the group to the complement xPy = Σ (xᵢ / X)(yᵢ / tᵢ) = 1 − xPx;
    - entropy (Theil's H) H = Σ tᵢ (E − Eᵢ) / (E T) = 1 − Σ tᵢ Eᵢ / (E T), with
      E = P ln(1/P) + (1 − P) ln(1/(1 − P)) and Eᵢ the same of pᵢ (0 · ln(1/0) = 0), so that
      E T = X ln(T/X) + Y ln(T/Y) and tᵢ Eᵢ = −(xᵢ ln pᵢ + yᵢ ln(1 − pᵢ));
    - Gini G = Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| / (2 T² P (1 − P)) = Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| / (2 X Y).

    With the districts sorted by pᵢ, tᵢ tⱼ (pⱼ − pᵢ) = yᵢ xⱼ − xᵢ yⱼ ≥ 0 for i before j (districts with
    the same share add 0 in either order), and with Cₖ = y₁ + … + yₖ the pairs add up (each once) to
    2 Σₖ xₖ Cₖ − Σₖ xₖ yₖ − X Y, so G = (2 Σₖ xₖ Cₖ − Σₖ xₖ yₖ) / (X Y) − 1: one sort, one running
    sum, O(n log n).

    A district without residents has xᵢ = yᵢ = 0 and adds nothing to any sum; its pᵢ, 0/0, is taken
    as 0 only so that it is a number. A value is None where its formula is 0/0: D, H and G when
    P is 0 or 1 (nobody in the group, or nobody outside it) or nobody lives in any district; isolation
    and exposure when the group is empty. The values are Python floats.
    """
    xs, ts, ys, X, T = _counts(group, total)
    Y = T - X
    found = dict.fromkeys(MEASURES)
    if not X:
        return found
    with np.errstate(invalid="ignore"):  # 0/0 for a district without residents …
        ps = xs / ts
    if not ts.all():
        np.fmax(ps, 0.0, out=ps)  # … taken as pᵢ = 0 there: xᵢ = yᵢ = 0 adds nothing to any sum
    isolation = _dot(xs, ps) / X
    found["isolation"], found["exposure"] = isolation, 1.0 - isolation
    if not Y:
        return found

    order = np.argsort(ps)
    # Two vectors of n, used three times over (fewer fresh arrays: for 100,000 districts, each costs
    # about as much to allocate as to compute): x and then C in the order of pᵢ, for the Gini; …
    first, second = xs[order], ys[order]
    np.cumsum(second, out=second)
    found["gini"] = (2 * _dot(first, second) - _dot(xs, ys)) / (X * Y) - 1.0
    # … xᵢ Y − yᵢ X for the dissimilarity; …
    np.multiply(xs, Y, out=first)
    first -= np.multiply(ys, X, out=second)
    found["dissimilarity"] = float(np.abs(first, out=first).sum()) / (2 * X * Y)
    # … ln pᵢ and ln(1 − pᵢ) for the entropy, ln 0 made finite as xᵢ = 0 (yᵢ = 0) there.
    np.log(np.fmax(ps, _SMALLEST, out=first), out=first)
    np.subtract(1.0, ps, out=second)
    np.log(np.fmax(second, _SMALLEST, out=second), out=second)
    mixed = -_dot(xs, first) - _dot(ys, second)
    found["entropy"] = 1.0 - mixed / (X * log(T / X) + Y * log(T / Y))
    return found


def location_quotients(units):
    """Per district in order `(group_lq, complement_lq)`, or None for a district without residents.

    group_lq = (xᵢ / tᵢ) / (X / T) and complement_lq = (yᵢ / tᵢ) / (Y / T): a district's share of the
    group (of the complement) against the town's. 1 is the town's share. Within the pair, a quotient is
    None when the town has nobody in the group (nobody outside it).
    """
    groups, totals = _columns(units)
    group_lqs, complement_lqs = location_quotients_of(groups, totals)
    return [
        (_number(group_lq), _number(complement_lq)) if total else None
        for group_lq, complement_lq, total in zip(
            group_lqs.tolist(), complement_lqs.tolist(), totals.tolist(), strict=True
        )
    ]


def location_quotients_of(group, total):
    """The location quotients of the group and of its complement, as two float64 arrays.

    One entry per district, in order, as in `location_quotients`; NaN where that one has None (a
    district without residents, or the whole array when the town has nobody in the group or nobody
    outside it).
    """
    xs, ts, ys, X, T = _counts(group, total)
    found = []
    for counts, whole in ((xs, X), (ys, T - X)):
        if whole:
            with np.errstate(invalid="ignore"):  # 0/0, NaN, for a district without residents
                quotients = counts / ts
            quotients *= T / whole
        else:
            quotients = np.full(xs.shape, np.nan)
        found.append(quotients)
    return tuple(found)


def _number(value):
    """A float, or None for NaN."""
    return None if value != value else value
